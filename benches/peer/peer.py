"""Python peer of northwind's window and circular-shift tests.

This is the pipeline a data journalist or researcher would write in a
notebook with the standard scientific Python stack, made into a script so
that it can be timed against `northwind run` on the same inputs.  It follows
docs/METHODS.md sections 1-4 (and the independent reference implementation in
tests/golden/make_golden.py); it does not read or call northwind.

Pipeline
  1. pd.read_csv both files (dates parsed by pandas).
  2. Event groups as northwind's default: the part of `kind` before the first
     `_` (election_presidential -> election).  A group's event days are a set.
  3. Study period: first..last announcement date, or --start/--end (as
     northwind's --start/--end and [period]).  T = days in the period.
  4. pd.merge_asof of every announcement with its group's event days, once
     with direction="forward" (days_to_next) and once "backward"
     (days_since_prev), exact matches allowed.  The observed count x of a
     window test is read off this join: 0 <= days_to_next <= W-1 ("before"),
     0 <= days_since_prev <= W-1 ("after").
  5. Daily counts h[t] with np.bincount; covered-day mask w[t] per
     group x direction x W with a difference array (np.add.at + cumsum);
     c = sum(w).
  6. Binomial test: scipy.stats.binom.sf(x - 1, n, c/T); rate ratio
     (x/c)/((n-x)/(T-c)) with the exact conditional 95% interval from
     Clopper-Pearson limits (scipy.stats.beta.ppf).
  7. Exact circular-shift test over all T shifts:
         X_s = sum_t h[t] * w[(t + s) mod T],   p_shift = #{s : X_s >= X_0} / T.
     X is a circular cross-correlation, computed for all s at once with the
     real FFT: X = irfft(conj(rfft(h)) * rfft(w), T), rounded to integers.
     That is O(T log T) per test, with rfft(h) computed once and shared by all
     tests.  This is the fast, idiomatic choice (a loop over np.roll would be
     O(T^2) per test and a strawman); scipy.signal.fftconvolve is not used
     because it computes the *linear*, not the circular, correlation.  The
     script checks that every X_s is within 0.25 of an integer (float rounding
     cannot flip a count) and that X_0 equals x from the merge_asof join.
  8. Holm and Benjamini-Hochberg adjustment of p_shift over the whole family
     (hand-rolled; identical to R's p.adjust and statsmodels' multipletests).

Output: OUT/window_tests.csv with northwind's columns and row order
(groups by name, before then after, windows ascending).  Undefined rate
ratios are empty cells, infinity is `inf`.  With --write-joined also
OUT/joined.csv (days to the next / since the previous event of each group).

Usage:
    python peer.py --announcements A.csv --events E.csv --out DIR
                   [--start YYYY-MM-DD] [--end YYYY-MM-DD]
                   [--windows 7,14,30,60,90] [--write-joined] [--timings]
"""

import time

_T0 = time.perf_counter()  # before the heavy imports, so --timings shows their cost

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402

DIRECTIONS = ("before", "after")
COLUMNS = ["group", "direction", "window_days", "n", "observed", "expected",
           "covered_days", "period_days", "rate_ratio", "rate_ratio_low",
           "rate_ratio_high", "p_binomial", "p_shift", "p_shift_holm",
           "p_shift_bh", "note"]


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--announcements", required=True)
    ap.add_argument("--events", required=True)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--start", help="first day of the study period (default: first announcement)")
    ap.add_argument("--end", help="last day of the study period (default: last announcement)")
    ap.add_argument("--windows", default="7,14,30,60,90",
                    help="comma-separated window widths in days (northwind's default)")
    ap.add_argument("--write-joined", action="store_true",
                    help="also write joined.csv (nearest events per announcement)")
    ap.add_argument("--timings", action="store_true", help="print step timings to stderr")
    return ap.parse_args()


class Timer:
    """Prints the wall time of each step to stderr when enabled."""

    def __init__(self, enabled):
        self.enabled = enabled
        self.last = _T0

    def step(self, name):
        now = time.perf_counter()
        if self.enabled:
            print(f"  {name:<28} {now - self.last:8.3f} s", file=sys.stderr)
        self.last = now


# ---------------------------------------------------------------------------
# statistics
# ---------------------------------------------------------------------------

def covered_mask(event_idx, T, W, direction):
    """Boolean mask of period days inside at least one window (difference array)."""
    if direction == "before":          # event day and the W-1 days before it
        lo, hi = event_idx - (W - 1), event_idx
    else:                              # event day and the W-1 days after it
        lo, hi = event_idx, event_idx + (W - 1)
    lo, hi = np.maximum(lo, 0), np.minimum(hi, T - 1)
    keep = lo <= hi                    # windows that reach into the period
    delta = np.zeros(T + 1, dtype=np.int64)
    np.add.at(delta, lo[keep], 1)
    np.add.at(delta, hi[keep] + 1, -1)
    return np.cumsum(delta[:T]) > 0


def shift_counts(h_fft, w, T):
    """X_s = sum_t h[t] w[(t+s) mod T] for all s, by FFT cross-correlation."""
    X = np.fft.irfft(np.conj(h_fft) * np.fft.rfft(w.astype(np.float64)), n=T)
    Xi = np.rint(X)
    err = np.max(np.abs(X - Xi)) if T else 0.0
    assert err < 0.25, f"FFT rounding error {err} too large for exact counts"
    return Xi.astype(np.int64)


def rate_ratio(x, n, c, T):
    """Rate ratio with exact conditional 95% CI; NaNs (empty cells) when undefined."""
    if c == 0 or c >= T or n == 0:
        return np.nan, np.nan, np.nan
    scale = (T - c) / c
    rr = np.inf if x >= n else (x / c) / ((n - x) / (T - c))
    pl = 0.0 if x == 0 else stats.beta.ppf(0.025, x, n - x + 1)
    pu = 1.0 if x >= n else stats.beta.ppf(0.975, x + 1, n - x)
    low = pl / (1 - pl) * scale
    high = np.inf if pu >= 1.0 else pu / (1 - pu) * scale
    return rr, low, high


def holm(p):
    """Holm step-down adjusted p-values (R's p.adjust(p, "holm"))."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adj = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adj
    return out


def benjamini_hochberg(p):
    """Benjamini-Hochberg adjusted p-values (R's p.adjust(p, "BH"))."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    raw = np.minimum(1.0, m * p[order] / np.arange(1, m + 1))
    adj = np.minimum.accumulate(raw[::-1])[::-1]
    out = np.empty(m)
    out[order] = adj
    return out


# ---------------------------------------------------------------------------
# pipeline
# ---------------------------------------------------------------------------

def main():
    args = parse_args()
    windows = sorted({int(w) for w in args.windows.split(",")})
    timer = Timer(args.timings)
    timer.step("start-up, imports")

    # 1. read ---------------------------------------------------------------
    ann = pd.read_csv(args.announcements, parse_dates=["announcement_date"],
                      date_format="%Y-%m-%d", dtype={"id": str})
    ev = pd.read_csv(args.events, parse_dates=["date"], date_format="%Y-%m-%d")
    timer.step("read CSVs")

    # 2. groups: kind prefix before the first "_" ---------------------------
    ev["group"] = ev["kind"].str.split("_", n=1).str[0]
    groups = sorted(ev["group"].unique())

    # 3. study period ---------------------------------------------------------
    start = pd.Timestamp(args.start) if args.start else ann["announcement_date"].min()
    end = pd.Timestamp(args.end) if args.end else ann["announcement_date"].max()
    T = (end - start).days + 1
    day = (ann["announcement_date"] - start).dt.days.to_numpy()
    if T <= 0 or day.min() < 0 or day.max() >= T:
        sys.exit("error: announcements outside the study period, or an empty period")
    n = len(ann)

    # 5a. daily counts, and the FFT of h shared by every shift test ----------
    h = np.bincount(day, minlength=T)
    h_fft = np.fft.rfft(h.astype(np.float64))
    timer.step("period, daily counts")

    # 4. nearest next / previous event of every group (merge_asof) ---------
    left = ann[["id", "announcement_date"]].sort_values("announcement_date", kind="stable")
    joined = left[["id"]].copy()
    for g in groups:
        days = pd.DataFrame({"event_date": np.sort(ev.loc[ev["group"] == g, "date"].unique())})
        for direction, col in (("forward", f"days_to_next_{g}"),
                               ("backward", f"days_since_prev_{g}")):
            m = pd.merge_asof(left, days, left_on="announcement_date", right_on="event_date",
                              direction=direction, allow_exact_matches=True)
            gap = (m["event_date"] - m["announcement_date"]).dt.days
            joined[col] = (gap if direction == "forward" else -gap).to_numpy()
    timer.step("merge_asof joins")

    # 5b-7. every group x direction x window ---------------------------------
    rows = []
    for g in groups:
        event_idx = (pd.DatetimeIndex(ev.loc[ev["group"] == g, "date"].unique())
                     - start).days.to_numpy()
        for direction in DIRECTIONS:
            dist = joined[f"days_to_next_{g}" if direction == "before"
                          else f"days_since_prev_{g}"]
            for W in windows:
                x = int(((dist >= 0) & (dist <= W - 1)).sum())   # NaN (no event) -> False
                w = covered_mask(event_idx, T, W, direction)
                c = int(w.sum())
                X = shift_counts(h_fft, w, T)
                assert X[0] == x, (g, direction, W, X[0], x)
                p_shift = np.count_nonzero(X >= X[0]) / T
                p_binom = 1.0 if x == 0 else float(stats.binom.sf(x - 1, n, c / T))
                rr, low, high = rate_ratio(x, n, c, T)
                if not np.isnan(rr):
                    note = ""
                elif c == 0:
                    note = "no day of the period lies in such a window; the rate ratio is undefined"
                elif c >= T:
                    note = "every day of the period lies in such a window; the rate ratio is undefined"
                else:
                    note = "no announcements; the rate ratio is undefined"
                rows.append(dict(group=g, direction=direction, window_days=W, n=n,
                                 observed=x, expected=n * c / T, covered_days=c,
                                 period_days=T, rate_ratio=rr, rate_ratio_low=low,
                                 rate_ratio_high=high, p_binomial=p_binom,
                                 p_shift=p_shift, note=note))
    timer.step("window + shift tests")

    # 8. multiple testing over the whole family -----------------------------
    res = pd.DataFrame(rows)
    res["p_shift_holm"] = holm(res["p_shift"])
    res["p_shift_bh"] = benjamini_hochberg(res["p_shift"])

    os.makedirs(args.out, exist_ok=True)
    res[COLUMNS].to_csv(os.path.join(args.out, "window_tests.csv"), index=False)
    if args.write_joined:
        joined.sort_index().to_csv(os.path.join(args.out, "joined.csv"), index=False)
    timer.step("adjust + write")


if __name__ == "__main__":
    main()
