//! The table model every CSV the tool writes goes through: the report's
//! tables and each chart's data. A table is made from row structs by serde
//! ([`Table::from_rows`], via [`row_cells`]), so one struct defines a table's
//! columns wherever it is written.

mod row_cells;

use chrono::NaiveDate;

/// One cell. Numbers are kept as numbers until rendering, so every writer
/// formats them the same way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A float; infinite values render as `inf`, NaN as an empty cell.
    Float(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// An unsigned count as an integer cell.
    pub fn count(n: u64) -> Cell {
        i64::try_from(n).map_or_else(|_| Cell::Text(n.to_string()), Cell::Int)
    }

    /// The cell as plain text: integers as digits, floats as the shortest
    /// decimal that reads back to the same value (never an exponent, never a
    /// thousands separator), `inf` for infinity.
    pub fn render(&self) -> String {
        match self {
            Cell::Text(text) => neutralize_formula(text),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => format_float(*x),
            Cell::Date(d) => {
                let mut text = String::with_capacity(10);
                push_date(&mut text, *d);
                text
            }
            Cell::Empty => String::new(),
        }
    }
}

/// Defuses spreadsheet formula injection (OWASP "CSV injection"): a text cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run
/// as a formula by Excel or LibreOffice, so it gets a leading `'`, which
/// spreadsheets show as plain text. Text that is a plain number (`-3`, `+1.5`)
/// is left alone, and number cells never pass through here.
pub fn neutralize_formula(text: &str) -> String {
    neutralized(text).into_owned()
}

/// [`neutralize_formula`] without a copy when the text is safe as it is.
pub fn neutralized(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.trim().parse::<f64>().map_or(true, |x| !x.is_finite()) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A date as `YYYY-MM-DD` (as [`Cell::Date`] renders it), appended to `out`.
pub fn push_date(out: &mut String, date: NaiveDate) {
    use chrono::Datelike;
    use std::fmt::Write;
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    if let Ok(year @ 0..=9999) = u32::try_from(date.year()) {
        let (month, day) = (date.month(), date.day());
        out.extend([digit(year / 1000), digit(year / 100), digit(year / 10), digit(year)]);
        out.extend(['-', digit(month / 10), digit(month), '-', digit(day / 10), digit(day)]);
    } else {
        let _ = write!(out, "{}", date.format("%Y-%m-%d"));
    }
}

/// Formats a float for a table: full precision, plain decimal, `inf`, and an
/// empty string for NaN (a figure that could not be computed).
pub fn format_float(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else if x.is_infinite() {
        if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if x == 0.0 {
        "0".into()
    } else {
        format!("{x}")
    }
}

/// A named table: column names and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File stem, e.g. `window_tests`.
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table of `rows`, one column per field of the row struct `T` (see
    /// `report::rows`). The column names come from `T::default()`, so a table
    /// with no rows still has its header.
    pub fn from_rows<T: serde::Serialize + Default>(name: impl Into<String>, rows: &[T]) -> Table {
        let columns = row_cells::row_cells(&T::default())
            .map(|(columns, _)| columns.into_iter().map(String::from).collect())
            .unwrap_or_default();
        // Every row type is a struct of scalars (a unit test serializes each),
        // so no row is refused.
        let rows = rows
            .iter()
            .filter_map(|row| row_cells::row_cells(row).ok().map(|(_, cells)| cells))
            .collect();
        Table { name: name.into(), columns, rows }
    }

    /// RFC 4180 CSV with a header line, `\n` line endings.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        // Writing to a Vec cannot fail; errors would only come from I/O.
        let _ = writer.write_record(&self.columns);
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(Cell::render));
        }
        writer.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_render_as_chrono_does() {
        for (y, m, d) in
            [(2016, 4, 8), (1, 1, 1), (999, 12, 31), (9999, 12, 31), (10000, 1, 1), (-5, 3, 9)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut text = String::new();
            push_date(&mut text, date);
            assert_eq!(text, date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn floats_render_plain_and_exact() {
        assert_eq!(format_float(0.1), "0.1");
        assert_eq!(format_float(1e-7), "0.0000001");
        assert_eq!(format_float(12345678.5), "12345678.5");
        assert_eq!(format_float(f64::INFINITY), "inf");
        assert_eq!(format_float(f64::NAN), "");
        assert_eq!(format_float(-0.0), "0");
        let x = 0.011_142_061_281_337_047;
        assert_eq!(format_float(x).parse::<f64>().unwrap(), x);
    }

    #[test]
    fn formulas_in_text_cells_are_defused_but_numbers_are_not() {
        assert_eq!(neutralize_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(neutralize_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize_formula("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(neutralize_formula("\tx"), "'\tx");
        assert_eq!(neutralize_formula("-3"), "-3");
        assert_eq!(neutralize_formula("+1.5"), "+1.5");
        assert_eq!(neutralize_formula("Kim Jong-un"), "Kim Jong-un");
        assert_eq!(Cell::Int(-3).render(), "-3");
    }

    #[test]
    fn csv_quotes_text_with_commas_and_newlines() {
        let table = Table {
            name: "t".into(),
            columns: vec!["a".into(), "b".into()],
            rows: vec![
                vec![Cell::Text("x, y".into()), Cell::Float(f64::INFINITY)],
                vec![Cell::Text("l1\nl2".into()), Cell::Empty],
            ],
        };
        assert_eq!(String::from_utf8(table.to_csv()).unwrap(), "a,b\n\"x, y\",inf\n\"l1\nl2\",\n");
    }
}
