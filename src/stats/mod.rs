//! The statistics, as pure functions over slices and plain structs.
//!
//! One file per test family: [`window`] (binomial window test and rate ratio),
//! [`shift`] (exact circular-shift test), [`multiple`] (Holm, Benjamini-Hochberg),
//! [`delay`] (delay summary), [`quantile`] (type-7 quantiles). Nothing here
//! reads files, prints, or draws; random draws live in [`crate::sim`].
//!
//! All day arithmetic uses day indices into the study period: day `t` is
//! `start + t`, for `t` in `0..T`.

pub mod delay;
pub mod multiple;
pub mod quantile;
pub mod shift;
pub mod window;

use crate::model::{Announcement, Period};

/// Announcements (or people) per day of the period: `counts[t]` for `t` in `0..T`.
///
/// Every statistic that treats announcement days as the unit works from these
/// counts, so its cost grows with the number of distinct days, not rows.
/// Announcements outside the period are ignored (the loader rejects them).
pub fn day_counts(
    announcements: &[Announcement],
    period: &Period,
    weight_by_people: bool,
) -> Vec<u64> {
    let mut counts = vec![0u64; period.days()];
    for a in announcements {
        let t = period.index(a.announcement_date);
        if let Some(slot) = usize::try_from(t).ok().and_then(|t| counts.get_mut(t)) {
            *slot += if weight_by_people { u64::from(a.people) } else { 1 };
        }
    }
    counts
}
