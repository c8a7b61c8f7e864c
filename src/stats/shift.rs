//! The exact circular-shift test, the primary test of clustering.
//!
//! Null model: the announcements' pattern in time (its bursts and gaps) is
//! fixed, but its alignment with the event calendar is arbitrary. Rotating
//! every announcement day `t` to `(t + s) mod T` together, for each of the `T`
//! shifts `s`, gives `T` equally likely arrangements under the null; the
//! p-value is the share of them that put at least as many announcements in the
//! windows as the observed one (`s = 0`): `p = #{s : X_s >= X_0} / T`. No
//! Monte Carlo: every shift is counted, so the p-value is exact and its
//! smallest possible value is `1/T`.
//!
//! Unlike the binomial test this keeps same-day and same-week bursts intact,
//! so a single burst near one event cannot look like many independent hits.
//! The shift treats the period as a circle: its end wraps onto its start.
//!
//! Reference: P. J. Lotwick and B. W. Silverman (1982), "Methods for analysing
//! spatial processes of several types of points", *J. R. Statist. Soc. B* 44,
//! 406-413 (the toroidal-shift null model, here on a circle of days).

use super::correlate::CircularCorrelator;

/// Outcome of a circular-shift test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShiftTest {
    /// `X_0`, the observed count in the windows.
    pub observed: u64,
    /// `#{s : X_s >= X_0}`, at least 1 (the observed shift itself).
    pub at_least_observed: usize,
    /// `T`, the number of shifts.
    pub shifts: usize,
    /// `at_least_observed / shifts`.
    pub p_value: f64,
}

/// Shift tests of one series of day counts against any number of window
/// sets: the counts' spectrum (and the FFT plan) is computed once and shared
/// by every test, as the 30 default window tests do.
pub struct ShiftTester {
    correlator: CircularCorrelator,
}

impl ShiftTester {
    /// `counts[t]`: announcements on period day `t`, for the `T` days.
    pub fn new(counts: &[u64]) -> Self {
        ShiftTester { correlator: CircularCorrelator::new(counts) }
    }

    /// `X_s = sum_t counts[t] covered[(t + s) mod T]` for every `s` in `0..T`;
    /// `covered` has one entry per day (missing days count as not covered).
    ///
    /// Works from per-day counts, as an exact FFT cross-correlation: cost
    /// O(T log T) however many announcements there are, never O(T n) (see
    /// [`super::correlate`]).
    pub fn shift_counts(&self, covered: &[bool]) -> Vec<u64> {
        let indicator: Vec<u64> = covered.iter().map(|&c| u64::from(c)).collect();
        self.correlator.correlate(&indicator)
    }

    /// The exact circular-shift test against the `covered` days.
    pub fn test(&self, covered: &[bool]) -> ShiftTest {
        ShiftTest::of_totals(&self.shift_counts(covered))
    }
}

impl ShiftTest {
    /// The test from `X_s` for every shift (`totals[0]` is observed).
    pub fn of_totals(totals: &[u64]) -> ShiftTest {
        let observed = totals.first().copied().unwrap_or(0);
        let at_least_observed = totals.iter().filter(|&&x| x >= observed).count().max(1);
        let shifts = totals.len().max(1);
        ShiftTest {
            observed,
            at_least_observed,
            shifts,
            p_value: at_least_observed as f64 / shifts as f64,
        }
    }
}

/// `#{s : X_s <= X_0} / T`, the lower tail: whether the windows hold fewer
/// announcements than the shifts would put there.
pub fn lower_tail(totals: &[u64]) -> f64 {
    let observed = totals.first().copied().unwrap_or(0);
    totals.iter().filter(|&&x| x <= observed).count().max(1) as f64 / totals.len().max(1) as f64
}

/// S of the restricted-shift test unless set: a year either way.
pub const DEFAULT_LOCAL_SHIFT_DAYS: u32 = 365;

/// Outcome of the restricted-shift test.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LocalShiftTest {
    /// `#{s in -S..=S : X_s >= X_0}`, at least 1.
    pub at_least_observed: usize,
    /// `2 S + 1`.
    pub shifts: usize,
    /// `at_least_observed / shifts`.
    pub p_value: f64,
    /// The mean of `X_s` over the `2 S + 1` shifts.
    pub null_mean: f64,
}

/// The restricted-shift test: every announcement day `t` moves to `t + s`
/// for each `s` in `-S..=S`, without wrapping around, against windows laid
/// over the whole event calendar (events before and after the period
/// included): `X_s = sum_t counts[t] w(t + s)`, `p = #{s : X_s >= X_0} /
/// (2S + 1)`.
///
/// Null model: within a year or so (S days) either way, the announcements'
/// alignment with the calendar is arbitrary. Unlike the circular shift it
/// never moves announcements into another era (a sanctions window into a
/// decade without sanctions), so a trend shared by announcements and
/// events does not make it too generous. `covered[i]` says whether day
/// `i - S` (relative to the period start) lies in a window, for the
/// `T + 2S` days from `-S` to `T + S - 1`. Cost O(d S) for the `d` days
/// with announcements.
pub fn local_shift_test(counts: &[u64], covered: &[bool], max_shift: usize) -> LocalShiftTest {
    let busy: Vec<(usize, u64)> =
        counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(t, &c)| (t, c)).collect();
    let shifts = 2 * max_shift + 1;
    // Index of day t + s in `covered` is t + s + S, for s = -S..=S: i in 0..2S+1.
    let total = |i: usize| -> u64 {
        busy.iter()
            .filter(|&&(t, _)| covered.get(t + i).copied().unwrap_or(false))
            .map(|&(_, c)| c)
            .sum()
    };
    let totals: Vec<u64> = (0..shifts).map(total).collect();
    let observed = totals[max_shift];
    let at_least_observed = totals.iter().filter(|&&x| x >= observed).count().max(1);
    LocalShiftTest {
        at_least_observed,
        shifts,
        p_value: at_least_observed as f64 / shifts as f64,
        null_mean: totals.iter().sum::<u64>() as f64 / shifts as f64,
    }
}

/// `X_s` for every shift `s` (see [`ShiftTester::shift_counts`]).
pub fn shift_counts(counts: &[u64], covered: &[bool]) -> Vec<u64> {
    ShiftTester::new(counts).shift_counts(covered)
}

/// The exact circular-shift test of `counts` against the `covered` days (see
/// [`ShiftTester`] for many tests of the same counts).
pub fn circular_shift_test(counts: &[u64], covered: &[bool]) -> ShiftTest {
    ShiftTester::new(counts).test(covered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute_force(counts: &[u64], covered: &[bool]) -> Vec<u64> {
        let t = counts.len();
        (0..t).map(|s| (0..t).filter(|&d| covered[(d + s) % t]).map(|d| counts[d]).sum()).collect()
    }

    #[test]
    fn shift_counts_equal_the_definition() {
        let counts = [0, 2, 0, 1, 0, 0, 3, 0];
        let covered = [false, true, true, false, false, false, true, false];
        assert_eq!(shift_counts(&counts, &covered), brute_force(&counts, &covered));
    }

    #[test]
    fn a_perfect_alignment_gets_the_smallest_p_value() {
        let counts = [0, 0, 5, 0, 0, 0, 0, 0, 0, 0];
        let mut covered = [false; 10];
        covered[2] = true;
        let test = circular_shift_test(&counts, &covered);
        assert_eq!((test.observed, test.at_least_observed, test.shifts), (5, 1, 10));
        assert_eq!(test.p_value, 0.1);
    }

    #[test]
    fn no_covered_day_gives_p_one() {
        let test = circular_shift_test(&[1, 0, 1], &[false; 3]);
        assert_eq!(test.p_value, 1.0);
    }

    #[test]
    fn the_local_shift_counts_every_shift_without_wrapping() {
        // Period of 6 days, S = 2: covered days -2..8 (10 entries).
        let counts = [1u64, 0, 2, 0, 0, 1];
        let covered = [true, false, false, false, true, true, false, false, false, true];
        let test = local_shift_test(&counts, &covered, 2);
        // X_s = sum_t counts[t] covered[t + s + 2] for s = -2..=2.
        let x: Vec<u64> =
            (0..5).map(|i| (0..6).filter(|&t| covered[t + i]).map(|t| counts[t]).sum()).collect();
        assert_eq!(x, [2, 0, 2, 2, 2], "by hand");
        let x0 = x[2];
        assert_eq!(test.at_least_observed, x.iter().filter(|&&v| v >= x0).count());
        assert_eq!(test.shifts, 5);
        assert_eq!((test.at_least_observed, test.null_mean), (4, 8.0 / 5.0));
        assert_eq!(lower_tail(&[2, 3, 1, 2, 0]), 4.0 / 5.0);
    }
}
