//! The statistics, as pure functions over slices and plain structs.
//!
//! One file per test family, then the tools they share:
//!
//! - [`window`]: the binomial window test, its rate ratio and exact intervals;
//! - [`shift`]: the exact circular-shift test, the primary test of clustering;
//! - [`peth`]: the peri-event time histogram with pointwise and global null bands;
//! - [`phase`]: the phase test, where between two events announcements fall;
//! - [`regression`]: Poisson regression of daily counts with robust standard errors;
//! - [`shuffle`]: the delay-shuffle test, whether announcements were held back;
//! - [`weekday`]: the day-of-the-week chi-square test;
//! - [`delay`]: the delay summary, per category and overall, with a bootstrap;
//! - [`multiple`]: multiple-testing adjustment (Holm, Benjamini-Hochberg);
//! - [`correlate`]: exact circular cross-correlation of day vectors by FFT;
//! - [`quantile`]: type-7 sample quantiles;
//! - `distribution` (crate-internal): count tables for order statistics, ranks and sums.
//!
//! Nothing here reads files, prints, or draws; random draws live in [`crate::sim`].
//!
//! All day arithmetic uses day indices into the study period: day `t` is
//! `start + t`, for `t` in `0..T`.

pub mod correlate;
pub mod delay;
mod distribution;
pub mod multiple;
pub mod peth;
pub mod phase;
pub mod quantile;
pub mod regression;
pub mod shift;
pub mod shuffle;
pub mod weekday;
pub mod window;

use crate::model::{Announcement, Period};

/// Announcements (or people) per day of the period: `counts[t]` for `t` in `0..T`.
///
/// Every statistic that treats announcement days as the unit works from these
/// counts, so its cost grows with the number of distinct days, not rows.
/// A row of aggregated input adds its `count` (times `people` when weighting
/// by people). Announcements outside the period are ignored (the loader
/// rejects them).
pub fn day_counts(
    announcements: &[Announcement],
    period: &Period,
    weight_by_people: bool,
) -> Vec<u64> {
    let mut counts = vec![0u64; period.days()];
    for a in announcements {
        let t = period.index(a.announcement_date);
        if let Some(slot) = usize::try_from(t).ok().and_then(|t| counts.get_mut(t)) {
            let per_announcement = if weight_by_people { u64::from(a.people) } else { 1 };
            *slot += per_announcement * u64::from(a.count);
        }
    }
    counts
}

/// Announcements (or people) in one calendar month of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount {
    pub year: i32,
    pub month: u32,
    pub count: u64,
}

/// Per-month totals of the per-day counts, every month of the period in order
/// (months without announcements included, with 0).
pub fn monthly_counts(counts: &[u64], period: &Period) -> Vec<MonthCount> {
    use chrono::Datelike;
    let mut months: Vec<MonthCount> = Vec::new();
    for (t, &c) in counts.iter().enumerate() {
        let date = period.start + chrono::Duration::days(t as i64);
        match months.last_mut() {
            Some(m) if m.year == date.year() && m.month == date.month() => m.count += c,
            _ => months.push(MonthCount { year: date.year(), month: date.month(), count: c }),
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn monthly_counts_cover_every_month_including_empty_ones() {
        let start = NaiveDate::from_ymd_opt(2020, 1, 30).unwrap();
        let period = Period { start, end: NaiveDate::from_ymd_opt(2020, 3, 1).unwrap() };
        let mut counts = vec![0; period.days()];
        counts[0] = 2;
        counts[period.days() - 1] = 1;
        let months = monthly_counts(&counts, &period);
        let flat: Vec<(u32, u64)> = months.iter().map(|m| (m.month, m.count)).collect();
        assert_eq!(flat, [(1, 2), (2, 0), (3, 1)]);
    }
}
