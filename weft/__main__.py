"""``python -m weft``: the same command line as the ``weft`` console script (no formula)."""
import sys

from weft.cli import main

if __name__ == "__main__":
    sys.exit(main())
