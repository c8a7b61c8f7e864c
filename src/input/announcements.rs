//! The announcements table: one row per publicly announced case.

use std::collections::HashMap;

use crate::config::ColumnMap;
use crate::error::Problem;
use crate::model::{Announcement, Precision, RawTable};

use super::{locate_columns, parse_date, read_text_table};

/// Largest `people` value accepted for one announcement.
pub const MAX_PEOPLE: u32 = 1_000_000;

/// Category used when a row leaves `category` empty.
pub const UNSPECIFIED_CATEGORY: &str = "unspecified";

/// Validated announcements plus the raw table (every column as text), which
/// `joined.csv` carries through unchanged.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnouncementTable {
    pub announcements: Vec<Announcement>,
    pub raw: RawTable,
}

/// Parses and validates an announcements CSV.
///
/// Required columns: `id` (unique, non-empty) and `announcement_date`.
/// Optional: `category`, `people` (whole number >= 1, default 1),
/// `defection_date`, `defection_date_precision` (`day|month|year|unknown`;
/// default `day` when a defection date is given, else `unknown`). Column names
/// are looked up through `columns`, so a user's own headers work.
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
    let table = read_text_table(bytes, file, &mut problems)?;
    let names = [
        "id",
        "announcement_date",
        "category",
        "people",
        "defection_date",
        "defection_date_precision",
        "name",
    ]
    .map(|name| columns.header_for(name));
    let [id_col, date_col, category_col, people_col, defection_col, precision_col, name_col] =
        locate_columns(
            &table,
            file,
            [
                (names[0], true),
                (names[1], true),
                (names[2], false),
                (names[3], false),
                (names[4], false),
                (names[5], false),
                (names[6], false),
            ],
        )
        .map_err(|missing| [std::mem::take(&mut problems), missing].concat())?;
    let (Some(id_col), Some(date_col)) = (id_col, date_col) else {
        return Err(vec![Problem::file(file, "missing required columns")]);
    };
    if table.records.is_empty() && problems.is_empty() {
        return Err(vec![Problem::file(
            file,
            "has a header but no announcements (expected at least one data row)",
        )]);
    }

    let mut first_line_of_id: HashMap<&str, u64> = HashMap::new();
    let mut announcements = Vec::with_capacity(table.records.len());
    for (line, cells) in &table.records {
        let line = *line;
        let cell = |col: Option<usize>| col.and_then(|i| cells.get(i)).map_or("", |s| s.as_str());
        let id = cell(Some(id_col)).trim();
        if id.is_empty() {
            problems.push(Problem::cell(
                file,
                line,
                names[0],
                "",
                "is empty (every announcement needs an id)",
            ));
        } else if let Some(first) = first_line_of_id.get(id) {
            problems.push(Problem::cell(
                file,
                line,
                names[0],
                id,
                format!("is a duplicate id (first used on line {first})"),
            ));
        } else {
            first_line_of_id.insert(id, line);
        }

        let announced =
            parse_date(cell(Some(date_col)), date_format, file, line, names[1], &mut problems);

        let people_text = cell(people_col).trim();
        let people = if people_text.is_empty() {
            Some(1)
        } else {
            match people_text.parse::<u32>() {
                Ok(p) if (1..=MAX_PEOPLE).contains(&p) => Some(p),
                _ => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        names[3],
                        people_text,
                        "is not a whole number from 1 to 1000000",
                    ));
                    None
                }
            }
        };

        let defection_text = cell(defection_col);
        let defection = if defection_text.trim().is_empty() {
            None
        } else {
            parse_date(defection_text, date_format, file, line, names[4], &mut problems)
        };

        let precision_text = cell(precision_col).trim();
        let precision = if precision_text.is_empty() {
            Some(if defection_text.trim().is_empty() { Precision::Unknown } else { Precision::Day })
        } else {
            match Precision::parse(&precision_text.to_ascii_lowercase()) {
                Some(p) if p != Precision::Unknown && defection_text.trim().is_empty() => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        names[5],
                        precision_text,
                        format!("needs a date in column '{}', which is empty", names[4]),
                    ));
                    Some(p)
                }
                Some(p) => Some(p),
                None => {
                    problems.push(Problem::cell(
                        file,
                        line,
                        names[5],
                        precision_text,
                        "is not one of day, month, year, unknown",
                    ));
                    None
                }
            }
        };

        if let (Some(announced), Some(defected)) = (announced, defection) {
            if defected > announced {
                problems.push(Problem::cell(
                    file,
                    line,
                    names[4],
                    defection_text,
                    format!(
                        "is after the announcement date {} (the delay would be negative)",
                        announced.format(date_format)
                    ),
                ));
            }
        }

        let category = cell(category_col).trim();
        if let (Some(announcement_date), Some(people), Some(precision)) =
            (announced, people, precision)
        {
            let name = cell(name_col).trim();
            announcements.push(Announcement {
                id: id.to_string(),
                name: if name.is_empty() { id.to_string() } else { name.to_string() },
                line,
                announcement_date,
                category: if category.is_empty() {
                    UNSPECIFIED_CATEGORY.to_string()
                } else {
                    category.to_string()
                },
                people,
                defection_date: defection,
                precision,
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(AnnouncementTable {
        announcements,
        raw: RawTable {
            headers: table.headers,
            rows: table.records.into_iter().map(|(_, cells)| cells).collect(),
        },
    })
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
            (a.people, a.precision, a.category.as_str()),
            (1, Precision::Unknown, "unspecified")
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
        assert_eq!(ok.unwrap().announcements[0].id, "k");
        let problems =
            parse_announcements(b"case,announced\nk,2020-13-01\n", "a.csv", &columns, "%Y-%m-%d")
                .unwrap_err();
        assert!(problems[0].to_string().contains("column 'announced'"), "{problems:?}");
    }

    #[test]
    fn hangul_names_and_extra_columns_are_carried_through() {
        let table = parse("id,name,announcement_date,extra\nk1,태영호,2016-08-16,x\n").unwrap();
        assert_eq!(table.raw.headers, vec!["id", "name", "announcement_date", "extra"]);
        assert_eq!(table.raw.rows[0][1], "태영호");
    }
}
