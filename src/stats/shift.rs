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
        let totals = self.shift_counts(covered);
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
}
