//! One row of the announcements table, validated: every problem of the row
//! recorded with its file, line, column and value.

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::Problem;
use crate::model::{Announcement, Precision};

use super::super::cells::{parse_date, parse_partial_date};
use super::super::dates::DateReader;
use super::super::table::TextTable;
use super::{AnnouncementHeaders, MAX_COUNT, MAX_PEOPLE, UNSPECIFIED_CATEGORY};

/// Where each column is, and how to read it: `headers` name the columns in
/// messages, the indices find their cells (`None`: an optional column absent).
pub(super) struct Layout<'a> {
    pub(super) file: &'a str,
    pub(super) headers: AnnouncementHeaders<'a>,
    pub(super) id: Option<usize>,
    pub(super) date: usize,
    pub(super) category: Option<usize>,
    pub(super) people: Option<usize>,
    pub(super) defection: Option<usize>,
    pub(super) precision: Option<usize>,
    pub(super) count: Option<usize>,
    pub(super) dates: &'a DateReader,
}

impl Layout<'_> {
    /// Validates one row, recording every problem; `None` if it has any.
    pub(super) fn row<'t>(
        &self,
        table: &'t TextTable,
        line: u64,
        row: usize,
        duplicates: &HashMap<usize, u64>,
        categories: &mut HashMap<&'t str, Arc<str>>,
        problems: &mut Vec<Problem>,
    ) -> Option<Announcement> {
        let file = self.file;
        let headers = &self.headers;
        let cell = |col: Option<usize>| col.map_or("", |c| table.cells.cell(row, c));
        let before = problems.len();
        if let Some(id_col) = self.id {
            let id = cell(Some(id_col)).trim();
            if id.is_empty() {
                problems.push(Problem::cell(
                    file,
                    line,
                    headers.id,
                    "",
                    "is empty (every announcement needs an id)",
                ));
            } else if let Some(first) = duplicates.get(&row) {
                problems.push(Problem::cell(
                    file,
                    line,
                    headers.id,
                    id,
                    format!("is a duplicate id (first used on line {first})"),
                ));
            }
        }

        let announced = parse_date(
            cell(Some(self.date)),
            self.dates,
            file,
            line,
            headers.announcement_date,
            problems,
        );

        let people_text = cell(self.people).trim();
        let people = if people_text.is_empty() {
            1
        } else {
            match people_text.parse::<u32>() {
                Ok(p) if (1..=MAX_PEOPLE).contains(&p) => p,
                _ => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        headers.people,
                        people_text,
                        "is not a whole number from 1 to 1000000",
                    ));
                    1
                }
            }
        };

        let defection_text = cell(self.defection);
        let defection = if defection_text.trim().is_empty() {
            None
        } else if self.count.is_some() {
            problems.push(Problem::cell(
                file,
                line,
                headers.defection_date,
                defection_text,
                format!("is not allowed with a '{}' column (a delay belongs to one case; give such cases a row each)", headers.count),
            ));
            None
        } else {
            // A month or a year alone (`2016-07`, `2016년`) sets the precision.
            parse_partial_date(
                defection_text,
                self.dates,
                file,
                line,
                headers.defection_date,
                problems,
            )
        };
        let written_precision = defection.map(|d| d.precision);
        let defection = defection.map(|d| d.date);

        let precision_text = cell(self.precision).trim();
        let precision = if precision_text.is_empty() {
            written_precision.unwrap_or(Precision::Unknown)
        } else {
            match Precision::parse(&precision_text.to_ascii_lowercase()) {
                Some(p) if p != Precision::Unknown && defection_text.trim().is_empty() => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        headers.defection_date_precision,
                        precision_text,
                        format!(
                            "needs a date in column '{}', which is empty",
                            headers.defection_date
                        ),
                    ));
                    p
                }
                // The column may say less than the date does, never more.
                Some(p) if written_precision.is_some_and(|w| p < w) => {
                    let written = written_precision.map_or("", Precision::name);
                    problems.push(Problem::cell(
                        file,
                        line,
                        headers.defection_date_precision,
                        precision_text,
                        format!(
                            "says '{}', but the date in column '{}' ('{}') gives only a {written}: write the whole date, or the precision '{written}'",
                            p.name(),
                            headers.defection_date,
                            defection_text.trim()
                        ),
                    ));
                    p
                }
                Some(p) => p,
                None => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        headers.defection_date_precision,
                        precision_text,
                        "is not one of day, month, year, unknown",
                    ));
                    Precision::Unknown
                }
            }
        };

        if let (Some(announced), Some(defected)) = (announced, defection) {
            if defected > announced {
                problems.push(Problem::cell(
                    file,
                    line,
                    headers.defection_date,
                    defection_text,
                    format!(
                        "is after the announcement date {} (the delay would be negative)",
                        announced.format("%Y-%m-%d")
                    ),
                ));
            }
        }

        let count_text = cell(self.count).trim();
        let count = if self.count.is_none() {
            1
        } else {
            match count_text.parse::<u32>() {
                Ok(c) if (1..=MAX_COUNT).contains(&c) => c,
                _ => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        headers.count,
                        count_text,
                        "is not a whole number from 1 to 1000000000 (leave out days without announcements)",
                    ));
                    1
                }
            }
        };

        let category_text = cell(self.category).trim();
        let category_text =
            if category_text.is_empty() { UNSPECIFIED_CATEGORY } else { category_text };
        let category =
            categories.entry(category_text).or_insert_with(|| Arc::from(category_text)).clone();
        if problems.len() > before {
            return None;
        }
        Some(Announcement {
            line,
            announcement_date: announced?,
            category,
            people,
            count,
            defection_date: defection,
            precision,
        })
    }
}
