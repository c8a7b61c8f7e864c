//! The plain data the pipeline passes from stage to stage.
//!
//! Dates are calendar days with no time zone. Inside the statistics a date is
//! a day index into the study period (`0..T`), see [`Period`].

mod settings;
pub use settings::*;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

/// How precisely a defection date is known. Only `Day` enters the delay
/// statistics; coarser dates are carried through to `joined.csv`.
///
/// Ordered from the finest to the coarsest, so `Day < Month < Year < Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

    /// The lower-case name used in the CSV.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// One announcement row, validated. Its id, name and other text cells stay
/// in the [`RawTable`] it was read from (same row index).
///
/// Invariants (checked by the loader): ids are non-empty and unique,
/// `people >= 1`, `count >= 1`, and `defection_date <= announcement_date`
/// when present.
#[derive(Debug, Clone, PartialEq)]
pub struct Announcement {
    /// 1-based line of the record in its file, for error messages.
    pub line: u64,
    pub announcement_date: NaiveDate,
    /// Shared between the rows of a category.
    pub category: Arc<str>,
    /// People per announcement.
    pub people: u32,
    /// How many announcements the row stands for: 1, or the `count` column of
    /// pre-aggregated `date,count` input.
    pub count: u32,
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
    /// The Korean label (`label_ko`), empty when the file gives none.
    pub label_ko: String,
    /// The `group` cell, empty when the file gives none (see `GroupSpec::Column`).
    pub group: String,
    pub line: u64,
}

/// Announcements left out of a run because they fall outside its study
/// period (counted as announcements: an aggregated row by its `count`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct OutsidePeriod {
    pub before: u64,
    pub after: u64,
}

impl OutsidePeriod {
    pub fn total(&self) -> u64 {
        self.before + self.after
    }
}

/// A table of text cells (the announcements as read, for `joined.csv`).
///
/// Every cell lives in one string, with the cells' end offsets beside it, so
/// that ten million rows cost two allocations, not seventy million.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    pub headers: Vec<String>,
    text: String,
    /// End of each cell in `text`, row-major; a cell starts where the one
    /// before it ends.
    ends: Vec<u32>,
}

impl RawTable {
    /// Largest total size of the cells' text (the offsets are 32-bit).
    pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

    pub fn new(headers: Vec<String>) -> Self {
        RawTable { headers, text: String::new(), ends: Vec::new() }
    }

    /// Reserves room for the rows of `others`, so that appending them copies
    /// each once instead of regrowing the buffers as they fill.
    pub fn reserve_for<'t>(&mut self, others: impl IntoIterator<Item = &'t RawTable> + Clone) {
        let text: usize = others.clone().into_iter().map(|t| t.text.len()).sum();
        let cells: usize = others.into_iter().map(|t| t.ends.len()).sum();
        self.text.reserve_exact(text.min(Self::MAX_TEXT_BYTES));
        self.ends.reserve_exact(cells);
    }

    /// Appends a row; it must have one cell per header. Returns `false`, and
    /// appends nothing, when the text would outgrow [`Self::MAX_TEXT_BYTES`].
    pub fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> bool {
        let (text_len, ends_len) = (self.text.len(), self.ends.len());
        for cell in cells {
            self.text.push_str(cell);
            match u32::try_from(self.text.len()) {
                Ok(end) => self.ends.push(end),
                Err(_) => {
                    self.text.truncate(text_len);
                    self.ends.truncate(ends_len);
                    return false;
                }
            }
        }
        true
    }

    /// Appends the rows of `other` (same headers). Returns `false`, and
    /// appends nothing, when the text would outgrow [`Self::MAX_TEXT_BYTES`].
    pub fn append(&mut self, other: RawTable) -> bool {
        let Ok(shift) = u32::try_from(self.text.len()) else { return other.is_empty() };
        if self.text.len() + other.text.len() > Self::MAX_TEXT_BYTES {
            return false;
        }
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|&e| e + shift));
        true
    }

    pub fn width(&self) -> usize {
        self.headers.len()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ends.len().checked_div(self.width()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of cell `(row, column)`; empty outside the table.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        if column >= self.width() {
            return "";
        }
        let k = row * self.width() + column;
        let start = if k == 0 { 0 } else { self.ends.get(k - 1).map_or(0, |&e| e as usize) };
        let end = self.ends.get(k).map_or(start, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    /// The cells of `row`, in header order.
    pub fn row(&self, row: usize) -> impl Iterator<Item = &str> + '_ {
        (0..self.width()).map(move |column| self.cell(row, column))
    }
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
    /// The group's name as the data or the config give it; shown, never a path.
    pub name: String,
    /// The name's file-name slug, unique in the report (see [`crate::slug`]):
    /// what per-group file names are made of.
    pub slug: String,
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
    /// The same in Korean (each event's `label_ko`, else its label).
    pub label_ko: String,
}

impl EventDay {
    /// The day's labels in `language`.
    pub fn label_in(&self, language: crate::messages::catalogue::Language) -> &str {
        match language {
            crate::messages::catalogue::Language::En => &self.label,
            crate::messages::catalogue::Language::Ko => &self.label_ko,
        }
    }
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
    fn a_raw_table_gives_back_its_cells() {
        let mut table = RawTable::new(vec!["id".into(), "name".into()]);
        assert!(table.push_row(["a", "태영호"]));
        assert!(table.push_row(["", "b"]));
        assert_eq!(
            (table.len(), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)),
            (2, "태영호", "", "b")
        );
        assert_eq!(table.row(0).collect::<Vec<_>>(), ["a", "태영호"]);
        assert_eq!(table.cell(5, 0), "", "outside the table");
        let mut more = RawTable::new(vec!["id".into(), "name".into()]);
        assert!(more.push_row(["c", "d"]));
        assert!(table.append(more));
        assert_eq!(
            (table.len(), table.cell(2, 0), table.cell(2, 1), table.cell(1, 1)),
            (3, "c", "d", "b")
        );
    }

    #[test]
    fn only_day_precise_dates_give_a_summary_delay() {
        let mut a = Announcement {
            line: 2,
            announcement_date: date("2016-04-08"),
            category: "worker".into(),
            people: 13,
            count: 1,
            defection_date: Some(date("2016-04-06")),
            precision: Precision::Day,
        };
        assert_eq!(a.day_precise_delay(), Some(2));
        a.precision = Precision::Month;
        assert_eq!(a.delay_days(), Some(2));
        assert_eq!(a.day_precise_delay(), None);
    }
}
