//! The cases as the report shows them: the timeline's marks and the case list
//! of `index.html`, taken from the validated input once, so that the charts
//! and the page render from the analysis alone.
//!
//! Both are bounded: the timeline names cases one by one only up to
//! [`TIMELINE_MAX_CASES`] rows (beyond that, or for aggregated `date,count`
//! input, it shows weekly totals per category), and the page lists the first
//! [`LISTED_CASES`] by date.

use crate::messages::catalogue::Language;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::input::AnnouncementTable;
use crate::model::{Announcement, Period};

/// Most rows the timeline draws one by one.
pub const TIMELINE_MAX_CASES: usize = 3000;

/// Most cases the page lists; the rest are in `tables/joined.csv`.
pub const LISTED_CASES: usize = 1000;

/// One mark on the timeline: a case, or a category's total for a week.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseMark {
    /// The announcement date, or the first day of the week.
    pub announced: NaiveDate,
    pub defected: Option<NaiveDate>,
    /// People of a case; announcements of a weekly total.
    pub people: u32,
    /// Index into [`Cases::categories`].
    pub lane: usize,
    /// The case's name (its `name`, else its id); empty for a weekly total.
    pub name: String,
    /// Its Korean name (`name_ko`), empty when none is given.
    pub name_ko: String,
    /// The case's id (empty for a weekly total), for the annotations the
    /// newsroom asks for by id.
    pub id: String,
}

impl CaseMark {
    /// Days from defection to announcement, if the defection date is given.
    pub fn delay_days(&self) -> Option<i64> {
        self.defected.map(|d| (self.announced - d).num_days())
    }
}

/// One row of the page's case list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedCase {
    pub announced: NaiveDate,
    pub name: String,
    pub name_ko: String,
    pub category: String,
    pub people: u32,
    pub delay_days: Option<i64>,
    /// The `source_url` cell, trimmed (empty when there is none).
    pub source_url: String,
}

/// A case's name in `language`: its Korean name in Korean where it has one.
fn name_in<'a>(name: &'a str, name_ko: &'a str, language: Language) -> &'a str {
    match language {
        Language::Ko if !name_ko.is_empty() => name_ko,
        _ => name,
    }
}

impl CaseMark {
    /// The name as a report in `language` shows it.
    pub fn name_in(&self, language: Language) -> &str {
        name_in(&self.name, &self.name_ko, language)
    }
}

impl ListedCase {
    /// The name as a report in `language` shows it.
    pub fn name_in(&self, language: Language) -> &str {
        name_in(&self.name, &self.name_ko, language)
    }
}

/// The cases for the timeline and the case list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cases {
    /// Categories in sorted order: the timeline's lanes.
    pub categories: Vec<String>,
    /// The marks are weekly totals (more than [`TIMELINE_MAX_CASES`] rows,
    /// or aggregated input).
    pub weekly: bool,
    pub marks: Vec<CaseMark>,
    /// The first [`LISTED_CASES`] rows by (date, file order).
    pub listed: Vec<ListedCase>,
    /// Rows of the input.
    pub rows: usize,
}

/// The timeline's marks and the case list of `table` over `period`.
pub fn cases(table: &AnnouncementTable, period: &Period) -> Cases {
    let announcements = &table.announcements;
    let categories: Vec<String> = announcements
        .iter()
        .map(|a| &*a.category)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(str::to_string)
        .collect();
    let lane = |a: &Announcement| {
        categories.binary_search_by(|c| c.as_str().cmp(&a.category)).unwrap_or(0)
    };
    let weekly =
        announcements.len() > TIMELINE_MAX_CASES || announcements.iter().any(|a| a.count > 1);
    let marks = if weekly {
        weekly_totals(announcements, period, lane)
    } else {
        announcements
            .iter()
            .enumerate()
            .map(|(i, a)| CaseMark {
                announced: a.announcement_date,
                defected: a.defection_date,
                people: a.people,
                lane: lane(a),
                name: table.name(i),
                name_ko: table.name_ko(i),
                id: table.id(i),
            })
            .collect()
    };
    Cases { listed: listed(table), categories, weekly, marks, rows: announcements.len() }
}

/// One mark per category and week (weeks counted from the period start, the
/// mark on the week's first day), holding the number of announcements.
fn weekly_totals(
    announcements: &[Announcement],
    period: &Period,
    lane: impl Fn(&Announcement) -> usize,
) -> Vec<CaseMark> {
    let mut totals: BTreeMap<(i64, usize), u64> = BTreeMap::new();
    for a in announcements {
        let week = period.index(a.announcement_date).div_euclid(7);
        *totals.entry((week, lane(a))).or_default() += u64::from(a.count);
    }
    totals
        .into_iter()
        .map(|((week, lane), n)| CaseMark {
            announced: period.start + chrono::Duration::days(7 * week),
            defected: None,
            people: u32::try_from(n).unwrap_or(u32::MAX),
            lane,
            name: String::new(),
            name_ko: String::new(),
            id: String::new(),
        })
        .collect()
}

/// The first [`LISTED_CASES`] rows by (date, file order), without sorting
/// ten million.
fn listed(table: &AnnouncementTable) -> Vec<ListedCase> {
    let source = table.raw.headers.iter().position(|h| h == "source_url");
    let total = table.announcements.len();
    let key = |&i: &usize| (table.announcements[i].announcement_date, i);
    let mut rows: Vec<usize> = (0..total).collect();
    if total > LISTED_CASES {
        rows.select_nth_unstable_by_key(LISTED_CASES, key);
        rows.truncate(LISTED_CASES);
    }
    rows.sort_unstable_by_key(key);
    rows.into_iter()
        .map(|i| {
            let a = &table.announcements[i];
            ListedCase {
                announced: a.announcement_date,
                name: table.name(i),
                name_ko: table.name_ko(i),
                category: a.category.to_string(),
                people: a.people,
                delay_days: a.delay_days(),
                source_url: source.map_or("", |c| table.raw.cell(i, c).trim()).to_string(),
            }
        })
        .collect()
}
