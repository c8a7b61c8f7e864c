"""Golden values for the statistics tests of the Rust tool.

This is an independent reference implementation written in Python.  It does
NOT read, call or mirror the Rust code.  It implements the written contract
directly, with standard libraries doing the actual work:

  * pandas.merge_asof (direction 'forward' / 'backward', exact matches
    allowed) for the announcement -> nearest-event join,
  * scipy.stats.binom for the one-sided binomial p-value,
  * scipy.stats.beta for the exact conditional (Clopper-Pearson based)
    95% confidence interval of the rate ratio, as R's
    poisson.test(c(x, n-x), c(c, T-c)) would give it (cross-checked with
    statsmodels' proportion_confint(method='beta')),
  * a brute-force loop over all T circular shifts (numpy.roll) for the
    shift test,
  * statsmodels.stats.multitest.multipletests for Holm and Benjamini-Hochberg,
  * numpy.percentile (default linear method, R type 7) for delay quartiles.

For every case it writes <case>/window_tests.csv, <case>/delay_summary.csv and
<case>/joined.csv next to this script.  No randomness is involved; running

    python3 tests/golden/make_golden.py

from the repository root regenerates every output byte for byte.

Cases:
  bundled         data/announcements.csv + data/events.csv, period = first..last
                  announcement date, windows 7,14,30,60,90, unweighted
  small           tests/data/small/*.csv, period = first..last announcement date,
                  windows 7,14,30, unweighted
  small_weighted  tests/data/small/*.csv, period 2020-01-01..2020-12-31,
                  windows 7,14,30, weighted by `people`

Number formatting: integers plain, floats via repr(), 'inf' for infinity,
empty cell for undefined / missing values; 'nan' is never written.
"""

import csv
import datetime as dt
import math
import os

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))  # repository root (/work/main)

CASES = [
    dict(name="bundled",
         announcements="data/announcements.csv", events="data/events.csv",
         period=None, windows=[7, 14, 30, 60, 90], weighted=False),
    dict(name="small",
         announcements="tests/data/small/announcements.csv",
         events="tests/data/small/events.csv",
         period=None, windows=[7, 14, 30], weighted=False),
    dict(name="small_weighted",
         announcements="tests/data/small/announcements.csv",
         events="tests/data/small/events.csv",
         period=("2020-01-01", "2020-12-31"), windows=[7, 14, 30], weighted=True),
]

DIRECTIONS = ["before", "after"]


# --------------------------------------------------------------------------
# formatting / IO helpers
# --------------------------------------------------------------------------

def fmt(v):
    """Format one output cell according to the contract."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        raise TypeError("booleans are not expected in the output")
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            raise ValueError("refusing to write nan")
        if math.isinf(f):
            assert f > 0, "negative infinity is not expected"
            return "inf"
        return repr(f)
    if isinstance(v, dt.date):
        return v.isoformat()
    raise TypeError(f"unexpected value {v!r} of type {type(v)}")


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            assert len(row) == len(header)
            w.writerow([fmt(v) for v in row])


def read_csv(relpath):
    return pd.read_csv(os.path.join(ROOT, relpath), dtype=str,
                       keep_default_na=False, encoding="utf-8")


def parse_date(s):
    return dt.date.fromisoformat(s.strip())


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------

def load_announcements(relpath, weighted):
    df = read_csv(relpath)
    out = pd.DataFrame({"id": df["id"], "category": df["category"]})
    out["announcement_date"] = [parse_date(s) for s in df["announcement_date"]]
    people = [int(s) if s.strip() != "" else 1 for s in df["people"]]
    out["weight"] = people if weighted else [1] * len(df)
    defection = [parse_date(s) if s.strip() != "" else None
                 for s in df["defection_date"]]
    precision = []
    for s, d in zip(df["defection_date_precision"], defection):
        s = s.strip()
        if s == "":
            s = "day" if d is not None else "unknown"
        precision.append(s)
    out["defection_date"] = defection
    out["precision"] = precision
    return out


def load_events(relpath):
    df = read_csv(relpath)
    out = pd.DataFrame({
        "date": [parse_date(s) for s in df["date"]],
        "kind": df["kind"],
        "label": df["label"],
    })
    out["group"] = [k.split("_", 1)[0] for k in out["kind"]]
    return out


# --------------------------------------------------------------------------
# join (pandas.merge_asof)
# --------------------------------------------------------------------------

def asof_join(ann, ev_days, direction):
    """For every announcement (input order) the matched event day or None."""
    left = pd.DataFrame({
        "pos": np.arange(len(ann)),
        "key": pd.to_datetime([d.isoformat() for d in ann["announcement_date"]]),
    }).sort_values(["key", "pos"], kind="mergesort")
    right = pd.DataFrame({
        "key": pd.to_datetime([d.isoformat() for d in sorted(ev_days)]),
    })
    right["event_day"] = right["key"]
    right = right.sort_values("key", kind="mergesort")
    m = pd.merge_asof(left, right, on="key", direction=direction,
                      allow_exact_matches=True)
    m = m.sort_values("pos", kind="mergesort")
    result = []
    for ts in m["event_day"]:
        result.append(None if pd.isna(ts) else ts.date())
    return result


# --------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------

def covered_mask(event_days, start, T, W, direction):
    """w[t] = 1 if day index t lies in at least one window of the group."""
    w = np.zeros(T, dtype=np.int64)
    for E in event_days:
        e = (E - start).days
        if direction == "before":   # announcements on E-(W-1) .. E
            lo, hi = e - (W - 1), e
        else:                       # announcements on E .. E+(W-1)
            lo, hi = e, e + (W - 1)
        lo, hi = max(lo, 0), min(hi, T - 1)
        if lo <= hi:
            w[lo:hi + 1] = 1
    return w


def rate_ratio_ci(x, n, c, T):
    """Point estimate and exact conditional 95% CI; None when undefined."""
    if c == 0 or c == T:
        return None, None, None
    rr = math.inf if n - x == 0 else (x / c) / ((n - x) / (T - c))
    pL = 0.0 if x == 0 else float(stats.beta.ppf(0.025, x, n - x + 1))
    pU = 1.0 if x == n else float(stats.beta.ppf(0.975, x + 1, n - x))
    # cross-check the Clopper-Pearson interval with statsmodels
    sl, su = proportion_confint(x, n, alpha=0.05, method="beta")
    assert math.isclose(pL, sl, rel_tol=1e-12, abs_tol=1e-15), (pL, sl)
    assert math.isclose(pU, su, rel_tol=1e-12, abs_tol=1e-15), (pU, su)
    scale = (T - c) / c
    low = pL / (1 - pL) * scale
    high = math.inf if pU == 1.0 else pU / (1 - pU) * scale
    return rr, low, high


def p_binomial(x, n, p):
    if x == 0:
        return 1.0
    val = float(stats.binom.sf(x - 1, n, p))
    alt = stats.binomtest(x, n, p, alternative="greater").pvalue
    assert math.isclose(val, alt, rel_tol=1e-9, abs_tol=1e-300), (val, alt)
    return val


def shift_test(h, w):
    """Exact circular-shift test by brute force over every shift s."""
    T = len(h)
    X = np.empty(T, dtype=np.int64)
    for s in range(T):
        # np.roll(w, -s)[t] == w[(t + s) mod T]
        X[s] = int(np.dot(h, np.roll(w, -s)))
    # independent check: sparse formulation, summing over announcement days
    X2 = np.zeros(T, dtype=np.int64)
    for t in np.nonzero(h)[0]:
        X2 += h[t] * w[(t + np.arange(T)) % T]
    assert np.array_equal(X, X2)
    k = int(np.sum(X >= X[0]))
    return X[0], k, k / T


# --------------------------------------------------------------------------
# one case
# --------------------------------------------------------------------------

def run_case(case):
    ann = load_announcements(case["announcements"], case["weighted"])
    ev = load_events(case["events"])

    if case["period"] is None:
        start = min(ann["announcement_date"])
        end = max(ann["announcement_date"])
    else:
        start, end = (parse_date(s) for s in case["period"])
    T = (end - start).days + 1
    day_idx = [(a - start).days for a in ann["announcement_date"]]
    assert all(0 <= t < T for t in day_idx), "announcement outside the period"

    weights = [int(v) for v in ann["weight"]]
    n = sum(weights)
    h = np.zeros(T, dtype=np.int64)
    for t, wgt in zip(day_idx, weights):
        h[t] += wgt

    groups = sorted(set(ev["group"]))
    rows = []
    joined_cols = {}
    for g in groups:
        evg = ev[ev["group"] == g]
        days = sorted(set(evg["date"]))
        labels = {}
        for d, lab in zip(evg["date"], evg["label"]):   # events-file order
            labels.setdefault(d, []).append(lab)
        labels = {d: "; ".join(v) for d, v in labels.items()}

        nxt = asof_join(ann, days, "forward")
        prv = asof_join(ann, days, "backward")
        to_next = [None if E is None else (E - a).days
                   for E, a in zip(nxt, ann["announcement_date"])]
        since_prev = [None if E is None else (a - E).days
                      for E, a in zip(prv, ann["announcement_date"])]
        joined_cols[g] = (nxt, to_next, prv, since_prev, labels)

        for direction in DIRECTIONS:
            dist = to_next if direction == "before" else since_prev
            for W in case["windows"]:
                inside = [d is not None and d <= W - 1 for d in dist]
                # brute-force check of window membership against the definition
                for a, flag in zip(ann["announcement_date"], inside):
                    if direction == "before":
                        ref = any(0 <= (E - a).days <= W - 1 for E in days)
                    else:
                        ref = any(0 <= (a - E).days <= W - 1 for E in days)
                    assert ref == flag
                x = sum(wgt for wgt, f in zip(weights, inside) if f)
                w = covered_mask(days, start, T, W, direction)
                c = int(w.sum())
                X0, k, p_shift = shift_test(h, w)
                assert X0 == x, (g, direction, W, X0, x)
                rr, low, high = rate_ratio_ci(x, n, c, T)
                rows.append(dict(
                    group=g, direction=direction, window_days=W, n=n,
                    observed=x, expected=n * c / T, covered_days=c,
                    period_days=T, rate_ratio=rr, rate_ratio_low=low,
                    rate_ratio_high=high, p_binomial=p_binomial(x, n, c / T),
                    p_shift=p_shift, shift_count=k))

    p = np.array([r["p_shift"] for r in rows])
    holm = multipletests(p, method="holm")[1]
    bh = multipletests(p, method="fdr_bh")[1]
    for r, ph, pb in zip(rows, holm, bh):
        r["p_shift_holm"] = float(ph)
        r["p_shift_bh"] = float(pb)

    outdir = os.path.join(HERE, case["name"])
    os.makedirs(outdir, exist_ok=True)

    wt_cols = ["group", "direction", "window_days", "n", "observed", "expected",
               "covered_days", "period_days", "rate_ratio", "rate_ratio_low",
               "rate_ratio_high", "p_binomial", "p_shift", "shift_count",
               "p_shift_holm", "p_shift_bh"]
    write_csv(os.path.join(outdir, "window_tests.csv"), wt_cols,
              [[r[col] for col in wt_cols] for r in rows])

    # delay summary: day precision with a defection date, unweighted
    sel = ann[(ann["precision"] == "day") & ann["defection_date"].notna()]
    delays = [(a - d).days for a, d in zip(sel["announcement_date"],
                                            sel["defection_date"])]
    sel = sel.assign(delay=delays)

    def summary(label, vals):
        vals = np.array(vals, dtype=np.int64)
        q1, med, q3 = np.percentile(vals, [25, 50, 75])
        return [label, len(vals), int(vals.min()), float(q1), float(med),
                float(q3), int(vals.max()), float(np.mean(vals))]

    ds_rows = [summary("ALL", sel["delay"])]
    for cat in sorted(set(sel["category"])):
        ds_rows.append(summary(cat, sel.loc[sel["category"] == cat, "delay"]))
    write_csv(os.path.join(outdir, "delay_summary.csv"),
              ["category", "n", "min", "q1", "median", "q3", "max", "mean"],
              ds_rows)

    # joined
    header = ["id"]
    for g in groups:
        header += [f"next_{g}_date", f"next_{g}_label", f"days_to_next_{g}",
                   f"prev_{g}_date", f"prev_{g}_label", f"days_since_prev_{g}"]
    jrows = []
    for i, aid in enumerate(ann["id"]):
        row = [aid]
        for g in groups:
            nxt, to_next, prv, since_prev, labels = joined_cols[g]
            row += [nxt[i], None if nxt[i] is None else labels[nxt[i]], to_next[i],
                    prv[i], None if prv[i] is None else labels[prv[i]], since_prev[i]]
        jrows.append(row)
    write_csv(os.path.join(outdir, "joined.csv"), header, jrows)
    return rows


def main():
    for case in CASES:
        rows = run_case(case)
        print(f"{case['name']}: {len(rows)} window rows written")


if __name__ == "__main__":
    main()
