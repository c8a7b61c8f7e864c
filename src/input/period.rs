//! The study period: the span of days every test counts over.
//!
//! It comes from the configured bounds, or from the first and last
//! announcement dates; it is capped at [`MAX_PERIOD_DAYS`] because every
//! per-day structure of a run is sized by it. Kept apart from the readers
//! because it is a rule about the announcements as a whole, not about any one
//! cell.

use super::Spec;
use crate::error::Problem;
use crate::model::Period;

use super::AnnouncementTable;

/// Longest study period accepted, in days (1,000 years): every per-day
/// structure is sized by it.
pub const MAX_PERIOD_DAYS: usize = 365_250;

/// The study period: configured bounds, or the first and last announcement
/// dates. A configured period must hold at least one announcement.
pub(super) fn resolve_period(
    spec: &Spec,
    table: &AnnouncementTable,
    file: &str,
) -> std::result::Result<Period, Vec<Problem>> {
    let dates = table.announcements.iter().map(|a| a.announcement_date);
    let (first, last) = match (dates.clone().min(), dates.max()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Err(vec![Problem::file(file, "has no announcements")]),
    };
    let period =
        Period { start: spec.period_start.unwrap_or(first), end: spec.period_end.unwrap_or(last) };
    if period.days() > MAX_PERIOD_DAYS {
        return Err(vec![Problem::file(
            file,
            format!(
                "the study period {}..{} spans {} days; northwind handles at most {MAX_PERIOD_DAYS} (1,000 years): set [period] start and end",
                period.start,
                period.end,
                period.days()
            ),
        )]);
    }
    if period.start > period.end {
        return Err(vec![Problem::file(
            file,
            format!(
                "the study period would start on {} after it ends on {}: check [period] and --start/--end",
                period.start, period.end
            ),
        )]);
    }
    // Announcements outside a configured period are left out (and
    // counted, see `AnnouncementTable::keep_within`); only a period that
    // leaves none is a problem.
    if !table.announcements.iter().any(|a| period.contains(a.announcement_date)) {
        return Err(vec![Problem::file(
            file,
            format!(
                "no announcement falls in the study period {}..{} (the file's announcements run from {first} to {last}): widen [period] start and end, or --start and --end",
                period.start, period.end
            ),
        )]);
    }
    Ok(period)
}
