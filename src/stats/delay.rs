//! How long announcements were held back: the delay from defection to
//! announcement, summarised per category and overall.
//!
//! Only rows whose defection date is known to the day enter the summary; a
//! month- or year-precise date (stored as the first day of that month or
//! year) would bias the delay by up to a year.
//!
//! The median's 95% interval is a percentile bootstrap (Efron and Tibshirani
//! 1993, ch. 13): resample the delays with replacement `B` times, take each
//! resample's median, and report the 2.5% and 97.5% type-7 quantiles of those
//! medians. Draws come from [`crate::sim`], seeded and thread-independent.
//!
//! Reference: B. Efron and R. J. Tibshirani (1993), *An Introduction to the
//! Bootstrap*, Chapman & Hall.

use std::collections::BTreeMap;

use super::quantile::{median_in_place, quantile_sorted};
use crate::model::Announcement;

/// Category label of the row that summarises every category.
pub const ALL: &str = "ALL";

/// One row of `delay_summary.csv`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DelaySummary {
    pub category: String,
    pub n: usize,
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    pub mean: f64,
    /// Percentile-bootstrap 95% interval of the median.
    pub median_ci_low: f64,
    pub median_ci_high: f64,
}

/// The five-number summary and mean of a non-empty sample, before the bootstrap.
pub fn describe(category: &str, delays: &[f64]) -> Option<DelaySummary> {
    let mut sorted = delays.to_vec();
    sorted.sort_by(f64::total_cmp);
    let q = |p| quantile_sorted(&sorted, p);
    Some(DelaySummary {
        category: category.to_string(),
        n: sorted.len(),
        min: *sorted.first()?,
        q1: q(0.25)?,
        median: q(0.5)?,
        q3: q(0.75)?,
        max: *sorted.last()?,
        mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
        median_ci_low: f64::NAN,
        median_ci_high: f64::NAN,
    })
}

/// Day-precise delays grouped as the summary reports them: `ALL` first, then
/// each category in alphabetical order. Each list is sorted, so that the
/// bootstrap (which resamples by index) does not depend on the row order.
pub fn delays_by_category(announcements: &[Announcement]) -> Vec<(String, Vec<f64>)> {
    let mut by_category: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut all = Vec::new();
    for a in announcements {
        if let Some(delay) = a.day_precise_delay() {
            all.push(delay as f64);
            by_category.entry(&a.category).or_default().push(delay as f64);
        }
    }
    let mut groups = vec![(ALL.to_string(), all)];
    groups.extend(by_category.into_iter().map(|(k, v)| (k.to_string(), v)));
    groups.retain(|(_, v)| !v.is_empty());
    for (_, values) in &mut groups {
        values.sort_by(f64::total_cmp);
    }
    groups
}

/// The 95% percentile-bootstrap interval from a set of bootstrap medians:
/// their 2.5% and 97.5% type-7 quantiles.
pub fn percentile_interval(mut medians: Vec<f64>) -> Option<(f64, f64)> {
    medians.sort_by(f64::total_cmp);
    Some((quantile_sorted(&medians, 0.025)?, quantile_sorted(&medians, 0.975)?))
}

/// The median of one bootstrap resample: `indices` pick values with replacement.
pub fn resample_median(
    values: &[f64],
    indices: impl Iterator<Item = usize>,
    scratch: &mut Vec<f64>,
) -> f64 {
    scratch.clear();
    scratch.extend(indices.map(|i| values[i]));
    median_in_place(scratch).unwrap_or(f64::NAN)
}

/// Counts of delays in doubling bins `[0, 1)`, `[1, 2)`, `[2, 4)`, `[4, 8)`, ...
/// up to the bin holding the largest delay: a log-scaled delay axis on which
/// same-day announcements (delay 0) still have a place. Returns `(lo, hi, count)`.
pub fn doubling_bins(delays: &[f64]) -> Vec<(u64, u64, usize)> {
    let max = delays.iter().copied().fold(0.0_f64, f64::max);
    let mut bins = vec![(0u64, 1u64, 0usize)];
    let mut lo = 1u64;
    while (lo as f64) <= max {
        bins.push((lo, lo * 2, 0));
        lo *= 2;
    }
    for &d in delays {
        if let Some(bin) = bins.iter_mut().find(|(lo, hi, _)| d >= *lo as f64 && d < *hi as f64) {
            bin.2 += 1;
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_gives_type_seven_quartiles_and_the_mean() {
        let s = describe("x", &[10.0, 0.0, 2.0, 1.0]).unwrap();
        // numpy.percentile([0, 1, 2, 10], [25, 50, 75]) = [0.75, 1.5, 4.0]
        assert_eq!((s.min, s.q1, s.median, s.q3, s.max, s.mean), (0.0, 0.75, 1.5, 4.0, 10.0, 3.25));
        assert!(describe("x", &[]).is_none());
    }

    #[test]
    fn doubling_bins_put_same_day_announcements_first() {
        let bins = doubling_bins(&[0.0, 0.0, 1.0, 3.0, 696.0]);
        assert_eq!(bins[0], (0, 1, 2));
        assert_eq!(bins[1], (1, 2, 1));
        assert_eq!(bins[2], (2, 4, 1));
        assert_eq!(*bins.last().unwrap(), (512, 1024, 1));
        assert_eq!(bins.iter().map(|b| b.2).sum::<usize>(), 5);
    }

    #[test]
    fn the_percentile_interval_brackets_the_middle() {
        let medians: Vec<f64> = (0..=100).map(f64::from).collect();
        assert_eq!(percentile_interval(medians), Some((2.5, 97.5)));
    }
}
