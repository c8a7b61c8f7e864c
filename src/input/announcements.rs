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
use crate::model::{Announcement, Precision, RawTable};

use super::cells::parse_date;
use super::table::{duplicate_ids, locate_columns, read_table, TextTable};

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
    /// The header of the announcement date column, for messages.
    pub date_header: String,
}

impl AnnouncementTable {
    /// The id of row `i` (trimmed), or its line number for aggregated input
    /// without ids.
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

    /// Announcements, counting aggregated rows by their `count`.
    pub fn total(&self) -> u64 {
        self.announcements.iter().map(|a| u64::from(a.count)).sum()
    }
}

/// Parses and validates an announcements CSV.
///
/// Required columns: `id` (unique, non-empty) and `announcement_date`.
/// Optional: `category`, `people` (whole number >= 1, default 1),
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
    columns: &ColumnMap,
    date_format: &str,
) -> Result<AnnouncementTable, Vec<Problem>> {
    let mut problems = Vec::new();
    let table = read_table(bytes, file, &mut problems)?;
    let headers = AnnouncementHeaders::new(columns, &table);
    let aggregated = table.column(headers.count).is_some();
    let [id, date, category, people, defection, precision, name, count] = locate_columns(
        &table,
        file,
        [
            (headers.id, !aggregated),
            (headers.announcement_date, true),
            (headers.category, false),
            (headers.people, false),
            (headers.defection_date, false),
            (headers.defection_date_precision, false),
            (headers.name, false),
            (headers.count, false),
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
        date_format,
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
        date_header: headers.announcement_date.to_string(),
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
            count,
        }
    }
}

/// Where each column is, and how to read it: `headers` name the columns in
/// messages, the indices find their cells (`None`: an optional column absent).
struct Layout<'a> {
    file: &'a str,
    headers: AnnouncementHeaders<'a>,
    id: Option<usize>,
    date: usize,
    category: Option<usize>,
    people: Option<usize>,
    defection: Option<usize>,
    precision: Option<usize>,
    count: Option<usize>,
    date_format: &'a str,
}

impl Layout<'_> {
    /// Validates one row, recording every problem; `None` if it has any.
    fn row<'t>(
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
            self.date_format,
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
            parse_date(
                defection_text,
                self.date_format,
                file,
                line,
                headers.defection_date,
                problems,
            )
        };

        let precision_text = cell(self.precision).trim();
        let precision = if precision_text.is_empty() {
            if defection_text.trim().is_empty() {
                Precision::Unknown
            } else {
                Precision::Day
            }
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
                        announced.format(self.date_format)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<AnnouncementTable, Vec<Problem>> {
        parse_announcements(text.as_bytes(), "a.csv", &ColumnMap::default(), "%Y-%m-%d")
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text).unwrap_err().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_minimal_file_gets_defaults_for_optional_columns() {
        let table = parse("id,announcement_date\nx,2020-02-29\n").unwrap();
        let a = &table.announcements[0];
        assert_eq!(
            (a.people, a.count, a.precision, &*a.category),
            (1, 1, Precision::Unknown, "unspecified")
        );
        assert_eq!(a.announcement_date.to_string(), "2020-02-29");
    }

    #[test]
    fn every_bad_cell_is_reported_in_one_pass() {
        let text = "id,announcement_date,people,defection_date,defection_date_precision\n\
                    a,2016-02-30,0,,\n\
                    a,2016-03-01,2,2016-03-05,day\n\
                    ,2016-03-01,x,2016-01-01,weekly\n\
                    b,2016-03-01,1,,month\n";
        let got = messages(text);
        assert_eq!(
            got,
            vec![
                "a.csv:2: column 'announcement_date': value '2016-02-30' is not a date (expected YYYY-MM-DD)",
                "a.csv:2: column 'people': value '0' is not a whole number from 1 to 1000000",
                "a.csv:3: column 'id': value 'a' is a duplicate id (first used on line 2)",
                "a.csv:3: column 'defection_date': value '2016-03-05' is after the announcement date 2016-03-01 (the delay would be negative)",
                "a.csv:4: column 'id': value '' is empty (every announcement needs an id)",
                "a.csv:4: column 'people': value 'x' is not a whole number from 1 to 1000000",
                "a.csv:4: column 'defection_date_precision': value 'weekly' is not one of day, month, year, unknown",
                "a.csv:5: column 'defection_date_precision': value 'month' needs a date in column 'defection_date', which is empty",
            ]
        );
    }

    #[test]
    fn missing_required_columns_are_all_named() {
        let got = messages("name,date\nx,2020-01-01\n");
        assert_eq!(got.len(), 2);
        assert!(got[0].contains("missing required column 'id'"), "{got:?}");
        assert!(got[1].contains("missing required column 'announcement_date'"), "{got:?}");
    }

    #[test]
    fn a_header_without_rows_is_a_problem() {
        assert!(messages("id,announcement_date\n")[0].contains("no announcements"));
    }

    #[test]
    fn renamed_columns_are_found_and_named_in_errors() {
        let columns = ColumnMap::renamed(&[("id", "case"), ("announcement_date", "announced")]);
        let ok =
            parse_announcements(b"case,announced\nk,2020-01-01\n", "a.csv", &columns, "%Y-%m-%d");
        assert_eq!(ok.unwrap().id(0), "k");
        let problems =
            parse_announcements(b"case,announced\nk,2020-13-01\n", "a.csv", &columns, "%Y-%m-%d")
                .unwrap_err();
        assert!(problems[0].to_string().contains("column 'announced'"), "{problems:?}");
    }

    #[test]
    fn hangul_names_and_extra_columns_are_carried_through() {
        let table = parse("id,name,announcement_date,extra\nk1,태영호,2016-08-16,x\n").unwrap();
        assert_eq!(table.raw.headers, vec!["id", "name", "announcement_date", "extra"]);
        assert_eq!(table.raw.cell(0, 1), "태영호");
        assert_eq!(table.name(0), "태영호");
    }

    #[test]
    fn a_date_count_file_is_read_as_it_is() {
        let table = parse("date,count\n2020-01-01,3\n2020-01-04,1\n").unwrap();
        assert_eq!(table.total(), 4);
        assert_eq!(table.announcements[0].count, 3);
        assert_eq!(table.id(1), "line 3");
        let got = messages(
            "date,count,defection_date\n2020-01-01,0,\n2020-01-02,x,\n2020-01-03,2,2019-12-01\n",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("a.csv:2: column 'count': value '0' is not a whole number"),
            "{got:?}"
        );
        assert!(got[1].starts_with("a.csv:3: column 'count': value 'x'"), "{got:?}");
        assert!(
            got[2].contains(
                "column 'defection_date': value '2019-12-01' is not allowed with a 'count' column"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn duplicate_ids_name_the_first_line_in_every_chunk() {
        let mut text = String::from("id,announcement_date\n");
        for i in 0..(2 * CHUNK_ROWS + 5) {
            text.push_str(&format!("c{},2020-01-01\n", i % (CHUNK_ROWS + 7)));
        }
        let got = messages(&text);
        assert_eq!(got.len(), 2 * CHUNK_ROWS + 5 - (CHUNK_ROWS + 7));
        assert_eq!(
            got[0],
            format!(
                "a.csv:{}: column 'id': value 'c0' is a duplicate id (first used on line 2)",
                CHUNK_ROWS + 9
            )
        );
    }
}
