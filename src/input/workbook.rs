//! Workbooks: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` and `.ods` files, read by
//! calamine into the same text table as a CSV, so that every rule and
//! message is the same.
//!
//! The table is the first sheet, or the one named after a `#` in the file
//! setting (`cases.xlsx#Events`). Its first non-empty row is the header;
//! rows left wholly empty are skipped, as blank lines are in a CSV. A
//! problem is located by the sheet and the spreadsheet's own row number
//! (`cases.xlsx [Events] row 14, column 'date'`).
//!
//! Cells become the text a reader sees: a date cell `2016-04-08` (a date
//! with a time of day `2016-04-08T14:25:00`, which the time-zone rule then
//! reads), a whole number without decimals, an error cell as Excel writes it
//! (`#N/A`).

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::error::Problem;
use crate::model::RawTable;

use super::table::TextTable;

/// Whether `bytes` look like a workbook: a ZIP archive (xlsx, ods) or an
/// OLE compound file (xls).
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Reads one sheet of a workbook into text records; `file` names the file
/// in messages, `sheet` the sheet (the first when `None`). Returns the table
/// and the name problems go by (`cases.xlsx [Cases]`).
///
/// # Errors
/// One problem when the file is not a workbook calamine can read, or has no
/// such sheet (naming the sheets it has).
pub(crate) fn read_workbook_table(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<(TextTable, String), Vec<Problem>> {
    let one = |message: String| vec![Problem::file(file, message)];
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        one("is a ZIP archive or an Office file but not a workbook northwind can read (.xlsx, .xls, .ods): save the sheet as CSV (UTF-8)".into())
    })?;
    let names = workbook.sheet_names();
    let listed =
        || names.iter().map(|n| format!("'{}'", printable(n))).collect::<Vec<_>>().join(", ");
    let name = match sheet {
        Some(wanted) => names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
            one(format!(
                "has no sheet named '{}' (its sheets: {}); name one after a # in the setting, for example {file}#{}",
                printable(wanted),
                listed(),
                names.first().map_or("Sheet1", String::as_str)
            ))
        })?,
        None => names.first().cloned().ok_or_else(|| one("is a workbook without sheets".into()))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| one(format!("sheet '{}' cannot be read: {e}", printable(&name))))?;
    let located = format!("{file} [{name}]");
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut rows = range.rows().zip(first_row + 1..).filter(|(cells, _)| {
        cells.iter().any(|c| !matches!(c, Data::Empty) && !cell_text(c).trim().is_empty())
    });
    let Some((header, _)) = rows.next() else {
        return Err(vec![Problem::file(
            &located,
            "is empty (expected a header row and data rows)",
        )]);
    };
    let headers: Vec<String> = header.iter().map(|c| cell_text(c).trim().to_string()).collect();
    let mut problems = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        if !name.is_empty() && headers[..i].contains(name) {
            problems
                .push(Problem::file(&located, format!("the header names column '{name}' twice")));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut cells = RawTable::new(headers);
    let mut lines = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for (row, number) in rows {
        texts.clear();
        texts.extend(row.iter().map(cell_text));
        if !cells.push_row(texts.iter().map(String::as_str)) {
            return Err(vec![Problem::file(&located, "has more than 4 GiB of cell text")]);
        }
        lines.push(number);
    }
    Ok((TextTable { cells, lines }, located))
}

/// A cell as the text a reader sees in it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        // Whole numbers as Excel shows them (`3`, not `3.0`).
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(stamp) => match stamp.as_datetime() {
            Some(time) if stamp.is_datetime() => {
                if time.time() == chrono::NaiveTime::MIN {
                    time.date().format("%Y-%m-%d").to_string()
                } else {
                    time.format("%Y-%m-%dT%H:%M:%S").to_string()
                }
            }
            _ => stamp.to_string(),
        },
        Data::Error(error) => error.to_string(),
    }
}

/// A sheet name for a message, control characters escaped.
fn printable(name: &str) -> String {
    name.chars().flat_map(char::escape_debug).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_reader_sees_them() {
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(-4)), "-4");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::DateTimeIso("2016-04-08".into())), "2016-04-08");
        // 42468 is 2016-04-08 in Excel's 1900 system; .6 of a day is 14:24.
        let date =
            calamine::ExcelDateTime::new(42468.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2016-04-08");
        let stamp =
            calamine::ExcelDateTime::new(42468.6, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(stamp)), "2016-04-08T14:24:00");
    }

    #[test]
    fn a_zip_that_is_no_workbook_gets_one_message() {
        let problems = read_workbook_table(b"PK\x03\x04garbage", "cases.xlsx", None).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("not a workbook"), "{problems:?}");
    }
}
