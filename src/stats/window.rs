//! The window test: do more announcements fall within `W` days of an event
//! than the share of days those windows cover would give?
//!
//! Null model: each of the `n` announcements falls on a day drawn uniformly
//! and independently from the `T` days of the period. Then the number `X` in
//! the windows is `Binomial(n, c/T)` for `c` covered days, and the one-sided
//! exact p-value is `P(X >= x)`.
//!
//! The effect size is the rate ratio of announcements per covered day to
//! announcements per uncovered day, `RR = (x/c) / ((n-x)/(T-c))`. Conditional
//! on `n`, `x` is binomial with success probability `pi = RR c / (RR c + T - c)`,
//! so the Clopper-Pearson interval `(pL, pU)` for `pi` maps to the exact
//! interval `RR_L = pL/(1-pL) (T-c)/c` (likewise `RR_U`), which is what R's
//! `poisson.test(c(x, n-x), c(c, T-c))` reports.
//!
//! References: C. J. Clopper and E. S. Pearson (1934), *Biometrika* 26,
//! 404-413; M. P. Fay (2010), "Two-sided exact tests and matching confidence
//! intervals for discrete data", *The R Journal* 2(1), 53-58.

use statrs::function::beta::beta_reg;

use crate::model::Direction;

/// Marks the days of the period `0..period_days` that lie inside at least one
/// window of width `w` around the given event days (indices relative to the
/// period start; events outside the period count where their window reaches in).
///
/// `Before`: event day `e` covers `e-(w-1)..=e`; `After`: `e..=e+(w-1)`.
/// Cost: O(m + T) for m event days (a difference array).
pub fn covered_mask(
    event_days: &[i64],
    period_days: usize,
    direction: Direction,
    w: u32,
) -> Vec<bool> {
    covered_days_between(event_days, 0, period_days as i64, direction, w)
}

/// [`covered_mask`] over the days `from..to` (indices relative to the period
/// start, so `from` may be negative): entry `i` is day `from + i`. The
/// restricted-shift test lays the windows over days beyond the period.
pub fn covered_days_between(
    event_days: &[i64],
    from: i64,
    to: i64,
    direction: Direction,
    w: u32,
) -> Vec<bool> {
    let len = usize::try_from(to - from).unwrap_or(0);
    let span = i64::from(w.max(1)) - 1;
    let mut delta = vec![0i64; len + 1];
    for &e in event_days {
        let (lo, hi) = match direction {
            Direction::Before => (e - span, e),
            Direction::After => (e, e + span),
        };
        let (lo, hi) = (lo.max(from) - from, hi.min(to - 1) - from);
        if lo <= hi {
            delta[lo as usize] += 1;
            delta[hi as usize + 1] -= 1;
        }
    }
    let mut depth = 0;
    delta[..len]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// Whether event days (indices relative to the period start) that fall in
/// the period `0..period_days` span less than half of it, first to last:
/// sanctions rounds that exist only in the second half of a 30-year period.
pub fn events_span_short(event_days: &[i64], period_days: usize) -> bool {
    let t = period_days as i64;
    let inside = event_days.iter().filter(|&&d| (0..t).contains(&d));
    match (inside.clone().min(), inside.max()) {
        (Some(first), Some(last)) => 2 * (last - first + 1) < t,
        _ => false,
    }
}

/// What carries an observed count: the distinct days with announcements in
/// the windows, and the distinct event days whose own window holds at least
/// one of them. Three hits on two days before one election are one burst,
/// not three coincidences. `event_days` are distinct day indices relative to
/// the period start (events outside it count where their window reaches in).
/// Cost O(T + m), with a running count of busy days.
pub fn hits(
    counts: &[u64],
    covered: &[bool],
    event_days: &[i64],
    direction: Direction,
    w: u32,
) -> (usize, usize) {
    let days = counts.iter().zip(covered).filter(|&(&c, &cov)| c > 0 && cov).count();
    // busy_before[i] = busy days in 0..i.
    let mut busy_before = Vec::with_capacity(counts.len() + 1);
    busy_before.push(0usize);
    for &c in counts {
        busy_before.push(busy_before.last().copied().unwrap_or(0) + usize::from(c > 0));
    }
    let t = counts.len() as i64;
    let span = i64::from(w.max(1)) - 1;
    let events = event_days
        .iter()
        .filter(|&&e| {
            let (lo, hi) = match direction {
                Direction::Before => (e - span, e),
                Direction::After => (e, e + span),
            };
            let (lo, hi) = (lo.max(0), hi.min(t - 1));
            lo <= hi && busy_before[hi as usize + 1] > busy_before[lo as usize]
        })
        .count();
    (days, events)
}

/// `sum_t counts[t]` over covered days: the observed count `x`.
pub fn observed_in_windows(counts: &[u64], covered: &[bool]) -> u64 {
    counts.iter().zip(covered).filter(|(_, &c)| c).map(|(n, _)| n).sum()
}

/// Exact upper tail `P(X >= x) = sum_{k=x}^{n} C(n,k) p^k q^(n-k)` of
/// `X ~ Binomial(n, p)`, `q = 1 - p`, exact to double precision for any `p` in
/// [0, 1], `x` in [0, n] and `n` up to 1e10 (any `n < 2^53`): relative error
/// about 1e-14 typically and below 3e-13 in the far tail near 1e-300, where the
/// pmf's exponent is ~690 (against mpmath: tests/golden/binomial/). Results
/// below ~1e-300 lose only what the subnormal range loses.
///
/// Each probability is C. Loader's (2000) saddle-point form ("Fast and accurate
/// computation of binomial probabilities"; R's `dbinom_raw`, scipy/boost):
/// `pmf(k) = exp(stirlerr(n) - stirlerr(k) - stirlerr(n-k) - bd0(k, np) -
/// bd0(n-k, nq)) sqrt(n / (2 pi k (n-k)))` for `0 < k < n` (see [`stirlerr`],
/// [`bd0`]), `pmf(0) = q^n`, `pmf(n) = p^n`. The deviation `k - np` is formed
/// in double-double, so no digit of `p` is lost even when `np ~ 1e10`.
///
/// If `x > np` the tail is summed upward from `x`; otherwise it is
/// `1 - P(X <= x-1)` with the lower tail summed downward from `x-1` (then the
/// answer is at least 1/2, so absolute accuracy suffices). Either way the terms
/// fall away from the mode, consecutive ones by the ratio
/// `pmf(k+1)/pmf(k) = (n-k)/(k+1) p/q`, which shrinks along the walk
/// (log-concavity), so the rest of the sum is at most `t r / (1 - r)` after a
/// term `t` with ratio `r`; the walk stops once that is below 1e-17 of the sum:
/// O(sqrt(npq)) terms, never O(n). Terms come from the ratio, with an exact
/// Loader evaluation every [`RESYNC`] terms so rounding cannot drift.
pub fn binomial_upper_tail(x: u64, n: u64, p: f64) -> f64 {
    if p.is_nan() {
        return f64::NAN;
    }
    if x == 0 {
        return 1.0;
    }
    if x > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let b = Binomial::new(n, p);
    let tail =
        if b.deviation(x) > 0.0 { b.tail_sum(x, true) } else { 1.0 - b.tail_sum(x - 1, false) };
    tail.clamp(0.0, 1.0)
}

/// Terms between exact (Loader) evaluations of the pmf in a tail walk. Each
/// ratio step rounds about three times, so the drift stays below ~1e-13.
const RESYNC: u64 = 256;

/// A tail walk stops once the rest of the sum is below this fraction of it.
const TAIL_TOL: f64 = 1e-17;

/// `ln sqrt(2 pi)`.
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// `stirlerr(k) = ln k! - (k + 1/2) ln k + k - ln sqrt(2 pi)` for k = 1..=15,
/// to double precision (mpmath, 40 digits).
const STIRLERR_TABLE: [f64; 15] = [
    0.081_061_466_795_327_26,
    0.041_340_695_955_409_3,
    0.027_677_925_684_998_34,
    0.020_790_672_103_765_093,
    0.016_644_691_189_821_193,
    0.013_876_128_823_070_748,
    0.011_896_709_945_891_77,
    0.010_411_265_261_972_096,
    0.009_255_462_182_712_733,
    0.008_330_563_433_362_87,
    0.007_573_675_487_951_841,
    0.006_942_840_107_209_53,
    0.006_408_994_188_004_207,
    0.005_951_370_112_758_847_5,
    0.005_554_733_551_962_801,
];

/// The error of Stirling's formula in logs, `stirlerr(k) = ln k! - (k + 1/2) ln k
/// + k - ln sqrt(2 pi)`, for an integer `k >= 1`: the table above for `k <= 15`,
/// else the asymptotic series `1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7)
/// + 1/(1188k^9)`, whose next term is below 5e-17 at k = 16.
fn stirlerr(k: f64) -> f64 {
    if k <= 15.0 {
        return STIRLERR_TABLE[k as usize - 1];
    }
    const S0: f64 = 1.0 / 12.0;
    const S1: f64 = 1.0 / 360.0;
    const S2: f64 = 1.0 / 1260.0;
    const S3: f64 = 1.0 / 1680.0;
    const S4: f64 = 1.0 / 1188.0;
    let k2 = k * k;
    (S0 - (S1 - (S2 - (S3 - S4 / k2) / k2) / k2) / k2) / k
}

/// Loader's deviance term `bd0(x, m) = x ln(x/m) + m - x` (>= 0), given `x >= 1`,
/// `m > 0` and the difference `d = x - m` computed accurately by the caller.
///
/// With `v = (x - m)/(x + m)`, `x ln(x/m) = 2x atanh(v)`, so
/// `bd0 = d v + 2x (v^3/3 + v^5/5 + ...)`. For `|v| < 1/2` the series terms,
/// all of `v`'s sign, add up to at most a third of `d v >= 0` (at most a ninth
/// when `v < 0` and they subtract), so there is no cancellation, and they shrink
/// by `v^2 < 1/4` each. Beyond that `x ln(x/m) - d` loses at most ~2 bits (its
/// two terms are within a factor 2.6 of the result).
fn bd0(x: f64, m: f64, d: f64) -> f64 {
    let v = d / (x + m);
    if v.abs() < 0.5 {
        let v2 = v * v;
        let head = d * v;
        let mut power = 2.0 * x * v;
        let mut series = 0.0;
        let mut j = 3.0;
        loop {
            power *= v2;
            let term = power / j;
            series += term;
            if term.abs() <= 1e-18 * head {
                break;
            }
            j += 2.0;
        }
        head + series
    } else {
        let ratio = x / m;
        let log_ratio = if ratio.is_finite() { ratio.ln() } else { x.ln() - m.ln() };
        x * log_ratio - d
    }
}

/// Adds `a + b` exactly: the rounded sum and its rounding error (Knuth's TwoSum).
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// A compensated (Neumaier) sum of many terms.
#[derive(Default)]
struct CompensatedSum {
    sum: f64,
    carry: f64,
}

impl CompensatedSum {
    fn add(&mut self, t: f64) {
        let (s, e) = two_sum(self.sum, t);
        self.sum = s;
        self.carry += e;
    }

    fn value(&self) -> f64 {
        self.sum + self.carry
    }
}

/// `Binomial(n, p)` for `0 < p < 1`, with what the pmf and the tail walks need.
struct Binomial {
    n: u64,
    nf: f64,
    p: f64,
    /// `n p = np_hi + np_lo` exactly (an FMA gives the rounding error).
    np_hi: f64,
    np_lo: f64,
    /// `n q`; only ever a scale (relative accuracy), never subtracted from.
    nq: f64,
    /// `ln q`, from `p` itself: `q = 1 - p` rounds, `ln_1p(-p)` does not.
    ln_q: f64,
    /// `p/q` and `q/p`, the ratio-recurrence factors.
    p_over_q: f64,
    q_over_p: f64,
}

impl Binomial {
    fn new(n: u64, p: f64) -> Self {
        let nf = n as f64;
        let q = 1.0 - p;
        let np_hi = nf * p;
        let np_lo = nf.mul_add(p, -np_hi);
        Binomial {
            n,
            nf,
            p,
            np_hi,
            np_lo,
            nq: nf * q,
            ln_q: (-p).ln_1p(),
            p_over_q: p / q,
            q_over_p: q / p,
        }
    }

    /// `k - np`, to a few ulps of itself (never of `np`): when `k` and `np_hi`
    /// are within a factor 2 their difference is exact (Sterbenz), otherwise
    /// `|k - np| >= np/2` and the rounding is relative.
    fn deviation(&self, k: u64) -> f64 {
        (k as f64 - self.np_hi) - self.np_lo
    }

    /// `P(X = k)`, Loader's form (see [`binomial_upper_tail`]).
    fn pmf(&self, k: u64) -> f64 {
        if k == 0 {
            return (self.nf * self.ln_q).exp();
        }
        if k == self.n {
            return (self.nf * self.p.ln()).exp();
        }
        let (kf, rest) = (k as f64, (self.n - k) as f64);
        let d = self.deviation(k);
        // X = k means n - k failures, nq - (n - k) = -(np - k) = d away from their mean.
        let deviance = bd0(kf, self.np_hi, d) + bd0(rest, self.nq, -d);
        // ln C(n, k) = Stirling's formula for each factorial, plus its error terms.
        let stirling = stirlerr(self.nf) - stirlerr(kf) - stirlerr(rest);
        let log_scale = 0.5 * (self.nf / (kf * rest)).ln() - LN_SQRT_2PI;
        (stirling - deviance + log_scale).exp()
    }

    /// Sums `pmf(k)` from `k = from` away from the mean, so that the terms
    /// fall from the start (`upward`, for `from > np`: k = from,
    /// from + 1, ..., n; else k = from, from - 1, ..., 0), each term from the
    /// last by the ratio `pmf(k +- 1) / pmf(k)`, recomputed exactly every
    /// [`RESYNC`] terms, until the rest is provably below [`TAIL_TOL`] of the sum.
    fn tail_sum(&self, from: u64, upward: bool) -> f64 {
        let end = if upward { self.n } else { 0 };
        let mut sum = CompensatedSum::default();
        let (mut k, mut term, mut since) = (from, self.pmf(from), 0);
        loop {
            sum.add(term);
            if k == end || term == 0.0 {
                return sum.value();
            }
            let r = if upward {
                (self.n - k) as f64 / (k + 1) as f64 * self.p_over_q
            } else {
                k as f64 / (self.n - k + 1) as f64 * self.q_over_p
            };
            if term * r <= TAIL_TOL * sum.value() * (1.0 - r) {
                return sum.value();
            }
            k = if upward { k + 1 } else { k - 1 };
            since += 1;
            term = if since == RESYNC {
                since = 0;
                self.pmf(k)
            } else {
                term * r
            };
        }
    }
}

/// The Clopper-Pearson ("exact") interval for a binomial proportion, `x` of
/// `n`, at confidence `level`: `pL = Beta^-1(a/2; x, n-x+1)` (0 when x = 0) and
/// `pU = Beta^-1(1-a/2; x+1, n-x)` (1 when x = n), with `a = 1 - level`.
pub fn clopper_pearson(x: u64, n: u64, level: f64) -> (f64, f64) {
    let alpha = 1.0 - level;
    let low = if x == 0 { 0.0 } else { beta_quantile(alpha / 2.0, x as f64, (n - x + 1) as f64) };
    let high =
        if x >= n { 1.0 } else { beta_quantile(1.0 - alpha / 2.0, (x + 1) as f64, (n - x) as f64) };
    (low, high)
}

/// Quantile of the Beta(a, b) distribution by bisection on the regularized
/// incomplete beta function (monotone in x), to full double precision. Used
/// instead of statrs' inverse CDF, whose tails are not accurate enough for
/// the 1e-9 agreement the tests demand (see CRATES.md).
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..1100 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        if beta_reg(a, b, mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo + (hi - lo) / 2.0
}

/// A rate ratio with its exact conditional confidence interval. Values may be
/// `f64::INFINITY` (all announcements in the windows).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRatio {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

/// `RR = (x/c) / ((n-x)/(T-c))` with its exact 95% interval, or `None` when
/// undefined: no covered day (`c = 0`) or no uncovered day (`c = T`), or `n = 0`.
pub fn rate_ratio(x: u64, n: u64, covered: usize, period_days: usize) -> Option<RateRatio> {
    if covered == 0 || covered >= period_days || n == 0 {
        return None;
    }
    let (c, t) = (covered as f64, period_days as f64);
    let scale = (t - c) / c;
    let odds = |p: f64| if p >= 1.0 { f64::INFINITY } else { p / (1.0 - p) * scale };
    let estimate = if x >= n { f64::INFINITY } else { (x as f64 / c) / ((n - x) as f64 / (t - c)) };
    let (p_low, p_high) = clopper_pearson(x, n, 0.95);
    Some(RateRatio { estimate, low: odds(p_low), high: odds(p_high) })
}

/// One row of `window_tests.csv`: a window test and its circular-shift test.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowTest {
    pub group: String,
    pub direction: Direction,
    pub window_days: u32,
    /// Announcements (or people) in the period.
    pub n: u64,
    pub observed: u64,
    /// `n c / T`.
    pub expected: f64,
    pub covered_days: usize,
    pub period_days: usize,
    /// `None` when undefined; see `note`.
    pub rate_ratio: Option<RateRatio>,
    pub p_binomial: f64,
    /// Exact circular-shift p-value `#{s : X_s >= X_0} / T`.
    pub p_shift: f64,
    /// `#{s : X_s >= X_0}`.
    pub shift_count: usize,
    /// The exact min-p adjustment of `p_shift` over the family (rows whose
    /// windows cover neither no day nor every day); `None` outside it.
    pub p_shift_fwer: Option<f64>,
    /// Holm and Benjamini-Hochberg over the same family; NaN outside it.
    pub p_shift_holm: f64,
    pub p_shift_bh: f64,
    /// The restricted-shift test without wrap-around (see
    /// [`crate::stats::shift::local_shift_test`]).
    pub local: crate::stats::shift::LocalShiftTest,
    /// `#{s : X_s <= X_0} / T`: the lower tail of the circular shift.
    pub p_shift_lower: f64,
    /// The mean of `X_s` over the `T` circular shifts (`n c / T`).
    pub null_mean_shift: f64,
    /// Distinct announcement days in the windows, and distinct event days
    /// whose windows hold them ([`hits`]).
    pub hit_days: usize,
    pub hit_events: usize,
    /// Whether the group's events in the period span less than half of it
    /// ([`events_span_short`]): then the circular shift moves announcements
    /// into years without such events, and the local test is the fairer one.
    pub events_span_short: bool,
    /// Why a figure is missing, or empty.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_event_day_and_clip_to_the_period() {
        let before = covered_mask(&[3, 20], 10, Direction::Before, 2);
        assert_eq!(before.iter().filter(|c| **c).count(), 2);
        assert!(before[2] && before[3]);
        let after = covered_mask(&[-1, 8], 10, Direction::After, 3);
        assert_eq!(after, [true, true, false, false, false, false, false, false, true, true]);
    }

    #[test]
    fn the_binomial_tail_is_the_upper_tail_including_x() {
        // P(X >= 3) = 1 - 0.9^10 - 10(0.1)(0.9^9) - 45(0.01)(0.9^8) = 0.0701908264 exactly
        // (scipy.stats.binom.sf(2, 10, 0.1)).
        let p = binomial_upper_tail(3, 10, 0.1);
        assert!((p - 0.070_190_826_4).abs() < 1e-12 * 0.07, "{p}");
        assert_eq!(binomial_upper_tail(0, 10, 0.1), 1.0);
        assert_eq!(binomial_upper_tail(11, 10, 0.1), 0.0);
    }

    /// tests/golden/binomial/upper_tail.csv, from make_binomial.py (mpmath at
    /// 50 digits, exact rational sums for small n): n from 1 to 1e10, tails
    /// from 1 down to ~1e-300, p from 1e-10 to 1 - 2^-40.
    #[test]
    fn the_binomial_tail_matches_the_mpmath_references() {
        let csv = include_str!("../../tests/golden/binomial/upper_tail.csv");
        let mut rows = 0;
        let mut worst = 0.0_f64;
        for line in csv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 4, "{line}");
            let (x, n): (u64, u64) = (f[0].parse().unwrap(), f[1].parse().unwrap());
            let (p, expected): (f64, f64) = (f[2].parse().unwrap(), f[3].parse().unwrap());
            let got = binomial_upper_tail(x, n, p);
            if expected < 1e-300 {
                assert!((got - expected).abs() <= 1e-310, "{line}: {got:e}");
            } else {
                let rel = (got - expected).abs() / expected;
                worst = worst.max(rel);
                assert!(rel <= 1e-12, "{line}: {got:e}, relative error {rel:e}");
            }
            rows += 1;
        }
        assert!(rows >= 40, "{rows} rows");
        eprintln!("binomial_upper_tail: {rows} golden rows, worst relative error {worst:e}");
    }

    #[test]
    fn the_binomial_tail_handles_the_edges() {
        assert_eq!(binomial_upper_tail(0, 0, 0.3), 1.0);
        assert_eq!(binomial_upper_tail(1, 0, 0.3), 0.0);
        assert_eq!(binomial_upper_tail(1, 10, 0.0), 0.0);
        assert_eq!(binomial_upper_tail(10, 10, 1.0), 1.0);
        assert_eq!(binomial_upper_tail(1, 1_000_000, 1.0), 1.0);
        assert!(binomial_upper_tail(3, 10, f64::NAN).is_nan());
        for (x, n, p, exact) in [(5, 5, 0.5, 1.0 / 32.0), (1, 1, 0.3, 0.3), (1, 2, 0.5, 0.75)] {
            let got = binomial_upper_tail(x, n, p);
            assert!((got - exact).abs() <= 1e-15 * exact, "{x} {n} {p}: {got}");
        }
        // P(X >= x | n, p) + P(X >= n - x + 1 | n, 1 - p) = 1 (1 - p exact here):
        // the upward walk of one side against the downward walk of the other.
        for (x, n, p) in [(750_010_000, 1_000_000_000u64, 0.75), (3, 7, 0.5), (40, 100, 0.625)] {
            let (a, b) = (binomial_upper_tail(x, n, p), binomial_upper_tail(n - x + 1, n, 1.0 - p));
            assert!((a + b - 1.0).abs() < 1e-15, "{x} {n} {p}: {a} + {b}");
        }
    }

    #[test]
    fn clopper_pearson_handles_the_edges() {
        let (lo, hi) = clopper_pearson(0, 10, 0.95);
        assert_eq!(lo, 0.0);
        // 1 - 0.025^(1/10)
        assert!((hi - (1.0 - 0.025_f64.powf(0.1))).abs() < 1e-14, "{hi}");
        assert_eq!(clopper_pearson(10, 10, 0.95).1, 1.0);
    }

    #[test]
    fn rate_ratio_is_infinite_when_every_announcement_is_in_a_window() {
        let rr = rate_ratio(5, 5, 10, 100).unwrap();
        assert!(rr.estimate.is_infinite() && rr.high.is_infinite() && rr.low.is_finite());
        assert!(rate_ratio(1, 5, 0, 100).is_none());
        assert!(rate_ratio(1, 5, 100, 100).is_none());
    }

    #[test]
    fn the_interval_contains_the_estimate() {
        for (x, n, c, t) in [(4, 11, 14, 359), (0, 40, 300, 10742), (12, 40, 1500, 10000)] {
            let rr = rate_ratio(x, n, c, t).unwrap();
            assert!(rr.low <= rr.estimate && rr.estimate <= rr.high, "{rr:?}");
        }
    }

    #[test]
    fn hits_count_distinct_days_and_the_events_whose_windows_hold_them() {
        // Days 0..10; events on days 3 and 8, 3-day windows before them.
        let counts = [0u64, 2, 1, 0, 0, 0, 4, 0, 0, 0];
        let days = [3i64, 8, 20];
        let covered = covered_mask(&days, 10, Direction::Before, 3);
        // Windows 1..=3 and 6..=8: busy days 1, 2 (event 3) and 6 (event 8).
        assert_eq!(hits(&counts, &covered, &days, Direction::Before, 3), (3, 2));
        // After windows 3..=5 and 8..=9: no busy day.
        let after = covered_mask(&days, 10, Direction::After, 3);
        assert_eq!(hits(&counts, &after, &days, Direction::After, 3), (0, 0));
    }
}
