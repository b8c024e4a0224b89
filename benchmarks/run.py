"""Run every benchmark in this folder, one after the other: python3 benchmarks/run.py"""
import runpy
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
for script in sorted(here.glob("bench_*.py")):
    print(f"\n=== {script.name} ===", flush=True)
    try:
        runpy.run_path(str(script), run_name="__main__")
    except Exception as err:  # report and go on: one failing peer must not hide the rest
        print(f"{script.name} failed: {type(err).__name__}: {err}", file=sys.stderr)
