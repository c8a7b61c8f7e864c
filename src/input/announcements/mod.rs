//! The announcements table: one row per publicly announced case, or, for
//! large corpora, one row per day with a `count` of announcements.
//!
//! Rows are validated in parallel chunks (the problems come back in file
//! order), so ten million rows take a few seconds; their text stays in one
//! [`RawTable`], not in a string per cell.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Problem;
use crate::model::ColumnMap;
use crate::model::{Announcement, RawTable};

use super::FileFormat;

mod row;
#[cfg(test)]
mod tests;

use row::Layout;

use super::table::{duplicate_ids, locate_columns, read_table, reported, OpenedTable, TextTable};

/// Largest `people` value accepted for one announcement.
pub const MAX_PEOPLE: u32 = 1_000_000;

/// Largest `count` accepted for one row of aggregated input.
pub const MAX_COUNT: u32 = 1_000_000_000;

/// Category used when a row leaves `category` empty.
pub const UNSPECIFIED_CATEGORY: &str = "unspecified";

/// Rows validated per parallel task.
const CHUNK_ROWS: usize = 1 << 13;

/// Validated announcements plus the raw table (every column as text), which
/// `joined.csv` carries through unchanged: `announcements[i]` is row `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnouncementTable {
    pub announcements: Vec<Announcement>,
    pub raw: RawTable,
    /// Where the id and name cells are in `raw`.
    id_column: Option<usize>,
    name_column: Option<usize>,
    /// The `name_ko` column: the case's name in Korean, for the Korean report.
    name_ko_column: Option<usize>,
    /// The header of the announcement date column, for messages.
    pub date_header: String,
    /// The text encoding the file was read in (`UTF-8`, `EUC-KR`...).
    pub encoding: &'static str,
}

impl AnnouncementTable {
    /// Whether the file had no id column, so that rows go by their line.
    pub fn ids_by_line(&self) -> bool {
        self.id_column.is_none()
    }

    /// The id of row `i` (trimmed), or `line N` for a file without an id
    /// column.
    pub fn id(&self, i: usize) -> String {
        match self.id_column {
            Some(c) => self.raw.cell(i, c).trim().to_string(),
            None => {
                self.announcements.get(i).map_or_else(String::new, |a| format!("line {}", a.line))
            }
        }
    }

    /// The display name of row `i`: its `name`, else its id.
    pub fn name(&self, i: usize) -> String {
        let name = self.name_column.map_or("", |c| self.raw.cell(i, c).trim());
        if name.is_empty() {
            self.id(i)
        } else {
            name.to_string()
        }
    }

    /// The Korean name of row `i` (its `name_ko`, trimmed; empty when none).
    pub fn name_ko(&self, i: usize) -> String {
        self.name_ko_column.map_or("", |c| self.raw.cell(i, c).trim()).to_string()
    }

    /// Leaves out the rows outside `period` (from the announcements and
    /// from the raw table alike, so that row `i` stays row `i`) and counts
    /// them.
    pub fn keep_within(&mut self, period: &crate::model::Period) -> crate::model::OutsidePeriod {
        let mut outside = crate::model::OutsidePeriod::default();
        for a in &self.announcements {
            if a.announcement_date < period.start {
                outside.before += u64::from(a.count);
            } else if a.announcement_date > period.end {
                outside.after += u64::from(a.count);
            }
        }
        if outside.total() == 0 {
            return outside;
        }
        let mut raw = RawTable::new(self.raw.headers.clone());
        let mut kept = Vec::with_capacity(self.announcements.len());
        for (i, a) in std::mem::take(&mut self.announcements).into_iter().enumerate() {
            if period.contains(a.announcement_date) {
                // The kept rows are a part of the table's own text, which fits.
                let _ = raw.push_row(self.raw.row(i));
                kept.push(a);
            }
        }
        self.raw = raw;
        self.announcements = kept;
        outside
    }

    /// Announcements, counting aggregated rows by their `count`.
    pub fn total(&self) -> u64 {
        self.announcements.iter().map(|a| u64::from(a.count)).sum()
    }
}

/// Parses and validates an announcements CSV.
///
/// Required column: `announcement_date`. Optional: `id` (unique, non-empty
/// where the column exists; without it rows go by their line), `category`, `people` (whole number >= 1, default 1),
/// `defection_date`, `defection_date_precision` (`day|month|year|unknown`;
/// default `day` when a defection date is given, else `unknown`), `name`.
/// Column names are looked up through `columns`, so a user's own headers work.
///
/// Aggregated input: with a `count` column (whole number >= 1, the number of
/// announcements the row stands for) `id` is optional, the date column may be
/// called `date`, and defection dates are not allowed (a delay belongs to one
/// case). A file of just `date,count` is accepted as it is.
///
/// # Errors
/// Every problem found, each located by line, column and value.
pub fn parse_announcements(
    bytes: &[u8],
    file: &str,
    format: &FileFormat,
) -> Result<AnnouncementTable, Vec<Problem>> {
    let mut problems = Vec::new();
    let OpenedTable { table, name, encoding, in_rows } =
        read_table(bytes, file, format, &mut problems)?;
    validate(table, &name, format, problems)
        .map(|table| AnnouncementTable { encoding, ..table })
        .map_err(|problems| reported(problems, &name, in_rows))
}

/// Validates every row of an announcements table read from `file`.
fn validate(
    table: TextTable,
    file: &str,
    format: &FileFormat,
    mut problems: Vec<Problem>,
) -> Result<AnnouncementTable, Vec<Problem>> {
    let columns = &format.columns;
    let headers = AnnouncementHeaders::new(columns, &table);
    let [id, date, category, people, defection, precision, name, name_ko, count] = locate_columns(
        &table,
        file,
        [
            // Without an id column rows go by their line (and their name).
            // An optional column is required once the config maps it.
            (headers.id, columns.is_mapped("id")),
            (headers.announcement_date, true),
            (headers.category, columns.is_mapped("category")),
            (headers.people, columns.is_mapped("people")),
            (headers.defection_date, columns.is_mapped("defection_date")),
            (headers.defection_date_precision, columns.is_mapped("defection_date_precision")),
            (headers.name, columns.is_mapped("name")),
            (headers.name_ko, columns.is_mapped("name_ko")),
            (headers.count, columns.is_mapped("count")),
        ],
    )
    .map_err(|missing| [std::mem::take(&mut problems), missing].concat())?;
    let Some(date) = date else {
        return Err(vec![Problem::file(file, "missing required columns")]);
    };
    if table.cells.is_empty() && problems.is_empty() {
        return Err(vec![Problem::file(
            file,
            "has a header but no announcements (expected at least one data row)",
        )]);
    }
    let layout = Layout {
        file,
        headers,
        id,
        date,
        category,
        people,
        defection,
        precision,
        count,
        dates: &format.dates,
    };
    let duplicates = layout.id.map(|c| duplicate_ids(&table, c)).unwrap_or_default();
    let rows: Vec<(u64, usize)> = table.records().collect();
    let chunks: Vec<(Vec<Announcement>, Vec<Problem>)> = rows
        .par_chunks(CHUNK_ROWS)
        .map(|chunk| {
            let mut categories: HashMap<&str, Arc<str>> = HashMap::new();
            let mut announcements = Vec::with_capacity(chunk.len());
            let mut problems = Vec::new();
            for &(line, row) in chunk {
                if let Some(a) =
                    layout.row(&table, line, row, &duplicates, &mut categories, &mut problems)
                {
                    announcements.push(a);
                }
            }
            (announcements, problems)
        })
        .collect();
    let mut announcements = Vec::with_capacity(rows.len());
    for (a, p) in chunks {
        announcements.extend(a);
        problems.extend(p);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(AnnouncementTable {
        announcements,
        raw: table.cells,
        id_column: id,
        name_column: name,
        name_ko_column: name_ko,
        date_header: headers.announcement_date.to_string(),
        encoding: "UTF-8",
    })
}

/// The header each announcement column goes by in one file, for lookups and
/// messages: the names `columns` maps the canonical ones to.
#[derive(Debug, Clone, Copy)]
struct AnnouncementHeaders<'a> {
    id: &'a str,
    announcement_date: &'a str,
    category: &'a str,
    people: &'a str,
    defection_date: &'a str,
    defection_date_precision: &'a str,
    name: &'a str,
    name_ko: &'a str,
    count: &'a str,
}

impl<'a> AnnouncementHeaders<'a> {
    /// Every header, looked up once through `columns`. In aggregated input
    /// (the table has the count column) without the announcement date column,
    /// a column named `date` stands in for it.
    fn new(columns: &'a ColumnMap, table: &TextTable) -> Self {
        let count = columns.header_for("count");
        let mut announcement_date = columns.header_for("announcement_date");
        if table.column(count).is_some()
            && table.column(announcement_date).is_none()
            && table.column("date").is_some()
        {
            announcement_date = "date";
        }
        AnnouncementHeaders {
            id: columns.header_for("id"),
            announcement_date,
            category: columns.header_for("category"),
            people: columns.header_for("people"),
            defection_date: columns.header_for("defection_date"),
            defection_date_precision: columns.header_for("defection_date_precision"),
            name: columns.header_for("name"),
            name_ko: columns.header_for("name_ko"),
            count,
        }
    }
}
