//! Day of the week: are announcements made on some weekdays more than others?
//!
//! Null model: announcements fall on the days of the period uniformly, so the
//! expected count on weekday `w` is `n * D_w / T`, where `D_w` is the number of
//! days of the period that are weekday `w`. Pearson's chi-square goodness of
//! fit, `X^2 = sum_w (O_w - E_w)^2 / E_w`, is compared with the chi-square
//! distribution with 6 degrees of freedom. A strong weekday pattern matters for
//! the other tests: an event calendar with its own weekday pattern (elections
//! on Wednesdays) can make timing look aligned.

use chrono::{Datelike, Duration};
use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::model::Period;

/// Weekday names, Monday first (ISO order): the values of `tables/weekday.csv`
/// (data, the same in every language; prose takes its words from `messages`).
pub const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Observed and expected counts per weekday and the chi-square test.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekdayTest {
    pub observed: [u64; 7],
    pub expected: [f64; 7],
    pub chi2: f64,
    pub df: u32,
    /// `None` when there are no announcements.
    pub p_value: Option<f64>,
}

/// The weekday test over per-day counts of the period (`counts[t]` for day `start + t`).
pub fn weekday_test(counts: &[u64], period: &Period) -> WeekdayTest {
    let mut observed = [0u64; 7];
    let mut days = [0u64; 7];
    for (t, &c) in counts.iter().enumerate() {
        let date = period.start + Duration::days(t as i64);
        let w = date.weekday().num_days_from_monday() as usize;
        observed[w] += c;
        days[w] += 1;
    }
    let n: u64 = observed.iter().sum();
    let t = counts.len().max(1) as f64;
    let expected = days.map(|d| n as f64 * d as f64 / t);
    let chi2: f64 = observed
        .iter()
        .zip(&expected)
        .filter(|(_, &e)| e > 0.0)
        .map(|(&o, &e)| (o as f64 - e).powi(2) / e)
        .sum();
    let p_value = (n > 0).then(|| ChiSquared::new(6.0).ok().map(|d| d.sf(chi2))).flatten();
    WeekdayTest { observed, expected, chi2, df: 6, p_value }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_whole_number_of_weeks_expects_equal_counts() {
        // 2024-01-01 is a Monday; 14 days = two of each weekday.
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let period = Period { start, end: start + Duration::days(13) };
        let mut counts = vec![0u64; 14];
        counts[0] = 7; // all seven on a Monday
        let test = weekday_test(&counts, &period);
        assert_eq!(test.observed, [7, 0, 0, 0, 0, 0, 0]);
        assert!(test.expected.iter().all(|&e| e == 1.0));
        // X^2 = 36 + 6 * 1 = 42; scipy.stats.chi2.sf(42, 6) = 1.838770903768638e-07
        assert_eq!(test.chi2, 42.0);
        let p = test.p_value.unwrap();
        assert!((p - 1.838_770_903_768_638e-7).abs() < 1e-9 * p, "{p}");
    }
}
