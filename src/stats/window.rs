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
    let t = period_days as i64;
    let span = i64::from(w.max(1)) - 1;
    let mut delta = vec![0i64; period_days + 1];
    for &e in event_days {
        let (lo, hi) = match direction {
            Direction::Before => (e - span, e),
            Direction::After => (e, e + span),
        };
        let (lo, hi) = (lo.max(0), hi.min(t - 1));
        if lo <= hi {
            delta[lo as usize] += 1;
            delta[hi as usize + 1] -= 1;
        }
    }
    let mut depth = 0;
    delta[..period_days]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// `sum_t counts[t]` over covered days: the observed count `x`.
pub fn observed_in_windows(counts: &[u64], covered: &[bool]) -> u64 {
    counts.iter().zip(covered).filter(|(_, &c)| c).map(|(n, _)| n).sum()
}

/// Exact upper tail `P(X >= x)` of `X ~ Binomial(n, p)`, via the regularized
/// incomplete beta function: `P(X >= x) = I_p(x, n - x + 1)` for `1 <= x <= n`.
pub fn binomial_upper_tail(x: u64, n: u64, p: f64) -> f64 {
    if x == 0 {
        return 1.0;
    }
    if x > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    beta_reg(x as f64, (n - x + 1) as f64, p)
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
    pub p_shift_holm: f64,
    pub p_shift_bh: f64,
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
}
