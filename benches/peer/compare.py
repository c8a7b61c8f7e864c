"""Check that peer.py and northwind agree on window_tests.csv.

    python compare.py NORTHWIND_WINDOW_TESTS.csv PEER_WINDOW_TESTS.csv

Rows are matched on (group, direction, window_days).  Integer columns must be
equal; float columns must agree to a relative tolerance of 1e-9 (p-values,
expected count, rate ratio and its interval, adjusted p-values).  Empty cells
must be empty on both sides, and `inf` must match `inf`.  Exits 0 when
everything agrees, 1 otherwise, printing every disagreement.

When p_binomial differs, the exact upper tail P(X >= x), X ~ Bin(n, c/T), is
computed with 40-digit arithmetic (mpmath) and each side's relative error is
printed, so that a disagreement says which side is wrong.
"""

import sys

import mpmath as mp
import numpy as np
import pandas as pd

KEYS = ["group", "direction", "window_days"]
EXACT = ["n", "observed", "covered_days", "period_days"]
CLOSE = ["expected", "rate_ratio", "rate_ratio_low", "rate_ratio_high",
         "p_binomial", "p_shift", "p_shift_holm", "p_shift_bh"]
RTOL = 1e-9


def exact_binomial_tail(x, n, c, T):
    """P(X >= x) for X ~ Binomial(n, c/T), summed term by term in 40 digits."""
    if x == 0:
        return mp.mpf(1)
    with mp.workdps(40):
        p = mp.mpf(c) / T
        q = 1 - p
        log_pmf = (mp.loggamma(n + 1) - mp.loggamma(x + 1) - mp.loggamma(n - x + 1)
                   + x * mp.log(p) + (n - x) * mp.log(q))
        term = total = mp.exp(log_pmf)
        beyond = n * p + 12 * mp.sqrt(n * p * q) + 12   # the tail past this is negligible
        k = x
        while k < n and not (k > beyond and term < total * mp.mpf(10) ** -30):
            term *= (n - k) / mp.mpf(k + 1) * p / q
            k += 1
            total += term
        return +total


def key(r):
    return f"{r['group']} {r['direction']} {int(r['window_days'])}"


def main(northwind_csv, peer_csv):
    nw = pd.read_csv(northwind_csv)
    py = pd.read_csv(peer_csv)
    problems = []
    if len(nw) != len(py):
        problems.append(f"row count differs: northwind {len(nw)}, python {len(py)}")
    m = nw.merge(py, on=KEYS, how="outer", suffixes=("_nw", "_py"), indicator=True)
    for _, r in m[m["_merge"] != "both"].iterrows():
        problems.append(f"row {key(r)} only in {r['_merge']}")
    m = m[m["_merge"] == "both"]
    for col in EXACT:
        bad = m[m[f"{col}_nw"] != m[f"{col}_py"]]
        for _, r in bad.iterrows():
            problems.append(f"{key(r)} {col}: {r[col + '_nw']} != {r[col + '_py']}")
    for col in CLOSE:
        a = m[f"{col}_nw"].to_numpy(dtype=float)
        b = m[f"{col}_py"].to_numpy(dtype=float)
        # NaN (empty cell) must match NaN, inf must match inf, the rest within RTOL
        same = (np.isnan(a) & np.isnan(b)) | (a == b) | np.isclose(a, b, rtol=RTOL, atol=0.0)
        for i in np.flatnonzero(~same):
            r = m.iloc[i]
            line = (f"{key(r)} {col}: northwind {float(a[i])!r} vs python {float(b[i])!r} "
                    f"(rel diff {abs(a[i] - b[i]) / max(abs(a[i]), abs(b[i])):.1e})")
            if col == "p_binomial" and r["n_nw"] == r["n_py"] and r["covered_days_nw"] == r["covered_days_py"]:
                exact = exact_binomial_tail(int(r["observed_nw"]), int(r["n_nw"]),
                                            int(r["covered_days_nw"]), int(r["period_days_nw"]))
                rel = [float(abs(mp.mpf(float(v)) - exact) / exact) for v in (a[i], b[i])]
                line += f"; exact {mp.nstr(exact, 17)}: rel error northwind {rel[0]:.1e}, python {rel[1]:.1e}"
            problems.append(line)
    if problems:
        print(f"DISAGREE: {len(problems)} difference(s)")
        for p in problems:
            print("  " + p)
        return 1
    worst = 0.0
    for col in CLOSE:
        a = m[f"{col}_nw"].to_numpy(dtype=float)
        b = m[f"{col}_py"].to_numpy(dtype=float)
        ok = np.isfinite(a) & np.isfinite(b) & (np.maximum(abs(a), abs(b)) > 0)
        if ok.any():
            worst = max(worst, float(np.max(abs(a[ok] - b[ok]) / np.maximum(abs(a[ok]), abs(b[ok])))))
    print(f"AGREE: {len(m)} rows; integer columns equal, "
          f"largest relative difference in float columns {worst:.1e}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
