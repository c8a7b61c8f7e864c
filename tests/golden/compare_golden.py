"""Checks that freshly generated golden values match the committed ones.

Usage: python compare_golden.py COMMITTED_DIR FRESH_DIR

Every CSV under COMMITTED_DIR must exist under FRESH_DIR with the same header
and rows, and no new CSV may appear. Text cells must be equal; numeric cells
must agree to a relative 1e-9 (and NaN with NaN, inf with inf). Exact
equality would be too strict: numpy and statsmodels call BLAS and libm
routines whose last bits differ between CPUs (seen here: the Poisson
regression's coefficients moved by 1e-15 relative on another machine of the
same kind, with the same pinned packages). The Rust tests compare against the
committed values with their own, looser, tolerances.

Exit status 0 if everything agrees, 1 otherwise (each difference printed).
"""

import csv
import math
import sys
from pathlib import Path

REL_TOL = 1e-9
ABS_TOL = 1e-300


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def cells_agree(a, b):
    if a == b:
        return True
    x, y = number(a), number(b)
    if x is None or y is None:
        return False
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return math.isclose(x, y, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def compare(committed, fresh):
    problems = []
    old = {p.relative_to(committed) for p in committed.rglob("*.csv")}
    new = {p.relative_to(fresh) for p in fresh.rglob("*.csv")}
    for name in sorted(new - old):
        problems.append(f"{name}: generated but not committed")
    for name in sorted(old - new):
        problems.append(f"{name}: committed but no longer generated")
    for name in sorted(old & new):
        with open(committed / name, newline="") as f:
            a = list(csv.reader(f))
        with open(fresh / name, newline="") as f:
            b = list(csv.reader(f))
        if len(a) != len(b):
            problems.append(f"{name}: {len(a)} rows committed, {len(b)} generated")
            continue
        for line, (ra, rb) in enumerate(zip(a, b), start=1):
            if len(ra) != len(rb) or not all(cells_agree(x, y) for x, y in zip(ra, rb)):
                problems.append(f"{name}:{line}: committed {ra} but generated {rb}")
    return problems


def main():
    committed, fresh = Path(sys.argv[1]), Path(sys.argv[2])
    problems = compare(committed, fresh)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} difference(s) beyond a relative {REL_TOL}")
        return 1
    print(f"golden values reproduced (within a relative {REL_TOL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
