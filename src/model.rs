//! The plain data the pipeline passes from stage to stage.
//!
//! Dates are calendar days with no time zone. Inside the statistics a date is
//! a day index into the study period (`0..T`), see [`Period`].

use chrono::NaiveDate;
use serde::Serialize;

/// How precisely a defection date is known. Only `Day` enters the delay
/// statistics; coarser dates are carried through to `joined.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Unknown,
}

impl Precision {
    /// Parses the lower-case name used in the CSV.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            "unknown" => Some(Precision::Unknown),
            _ => None,
        }
    }
}

/// One announcement row, validated.
///
/// Invariants (checked by the loader): `id` is non-empty and unique,
/// `people >= 1`, and `defection_date <= announcement_date` when present.
#[derive(Debug, Clone, PartialEq)]
pub struct Announcement {
    pub id: String,
    /// Display name (the `name` column, or the id when there is none).
    pub name: String,
    /// 1-based line of the record in its file, for error messages.
    pub line: u64,
    pub announcement_date: NaiveDate,
    pub category: String,
    pub people: u32,
    pub defection_date: Option<NaiveDate>,
    pub precision: Precision,
}

impl Announcement {
    /// `announcement_date - defection_date` in whole days, if a defection date is given.
    pub fn delay_days(&self) -> Option<i64> {
        self.defection_date.map(|d| (self.announcement_date - d).num_days())
    }

    /// The delay, only when the defection date is known to the day.
    pub fn day_precise_delay(&self) -> Option<i64> {
        match self.precision {
            Precision::Day => self.delay_days(),
            _ => None,
        }
    }
}

/// One event row, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: String,
    /// The label, or the kind when the file gives none.
    pub label: String,
    pub line: u64,
}

/// The raw announcement table, every column as text, for `joined.csv`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The study period `[start, end]`, both inclusive; `T = days()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// Number of days `T` in the period (at least 1).
    pub fn days(&self) -> usize {
        usize::try_from((self.end - self.start).num_days() + 1).unwrap_or(0)
    }

    /// Day index of `date` relative to `start` (negative before the period).
    pub fn index(&self, date: NaiveDate) -> i64 {
        (date - self.start).num_days()
    }

    /// Whether `date` lies inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// Which side of an event a window lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The event day and the `W - 1` days before it.
    Before,
    /// The event day and the `W - 1` days after it.
    After,
}

impl Direction {
    pub const BOTH: [Direction; 2] = [Direction::Before, Direction::After];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Before => "before",
            Direction::After => "after",
        }
    }
}

/// The distinct event days of one group, sorted, with their labels.
#[derive(Debug, Clone, PartialEq)]
pub struct EventGroup {
    pub name: String,
    /// The event kinds that make up the group.
    pub kinds: Vec<String>,
    /// Sorted, distinct event days.
    pub days: Vec<EventDay>,
}

impl EventGroup {
    /// The group's event days as day indices of `period` (negative before it,
    /// `T` or more after it).
    pub fn day_indices(&self, period: &Period) -> Vec<i64> {
        self.days.iter().map(|d| period.index(d.date)).collect()
    }
}

/// One day on which a group has at least one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDay {
    pub date: NaiveDate,
    /// Labels of the group's events on that day, joined with "; " in file order.
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_period_counts_both_end_days() {
        let p = Period { start: date("2020-01-01"), end: date("2020-12-31") };
        assert_eq!(p.days(), 366);
        assert_eq!(p.index(date("2020-01-01")), 0);
        assert_eq!(p.index(date("2019-12-31")), -1);
        assert!(p.contains(date("2020-12-31")));
    }

    #[test]
    fn only_day_precise_dates_give_a_summary_delay() {
        let mut a = Announcement {
            id: "x".into(),
            name: "x".into(),
            line: 2,
            announcement_date: date("2016-04-08"),
            category: "worker".into(),
            people: 13,
            defection_date: Some(date("2016-04-06")),
            precision: Precision::Day,
        };
        assert_eq!(a.day_precise_delay(), Some(2));
        a.precision = Precision::Month;
        assert_eq!(a.delay_days(), Some(2));
        assert_eq!(a.day_precise_delay(), None);
    }
}
