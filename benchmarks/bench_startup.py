"""Whole-process start-up costs, as ratios against `python -c "import numpy"` in the same run.

Run: python3 benchmarks/bench_startup.py   (or python3 benchmarks/run.py for everything)

Each command is run as a fresh interpreter (cold: imports, caches empty), interleaved with
the baseline, several times; the best wall time of each is kept (best-of filters out the
load of a shared machine). Targets (issue 8, §3): a cold C6(1s,1s) ≤ 2x and `import weft`
≤ 1.7x the numpy import.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS = [
    ("baseline: import numpy", "import numpy", None),
    ("import hydrogen; hydrogen.C6('1s','1s')", "import hydrogen; hydrogen.C6('1s','1s')", 2.0),
    ("import weft", "import weft", 1.7),
    ("import weft; weft.potential(50.0)", "import weft; weft.potential(50.0)", None),
    ("import hydrogen; hydrogen.C6('100s','1s')", "import hydrogen; hydrogen.C6('100s','1s')", None),
]


def wall(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - t


def main(repeat: int = 9) -> None:
    best = {name: float("inf") for name, _, _ in COMMANDS}
    for _ in range(repeat):               # interleaved: slow drifts hit all commands alike
        for name, code, _ in COMMANDS:
            best[name] = min(best[name], wall(code))
    base = best[COMMANDS[0][0]]
    print(f"{'command':45s} {'best of ' + str(repeat):>12s} {'x numpy':>8s}  target")
    for name, _, target in COMMANDS:
        tgt = f"<= {target:g}x" if target else ""
        print(f"{name:45s} {best[name] * 1e3:10.0f} ms {best[name] / base:8.2f}  {tgt}")


if __name__ == "__main__":
    main()
