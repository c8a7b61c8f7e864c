//! Cell parsers: the text of one cell to a typed value, or a located problem.
//!
//! Dates are the cells both tables hold, so they are read here, and a bad one
//! is reported the same way in either file. Whole numbers (`people`, `count`)
//! have bounds and messages of their own and are read with the announcements.

use chrono::NaiveDate;

use crate::error::Problem;

/// `YYYY-MM-DD` exactly as chrono's `%Y-%m-%d` reads four-digit years, but
/// without interpreting a format string for each of ten million cells; other
/// shapes go to chrono.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Parses one date cell, or records a located problem.
///
/// Accepts the cell's text, trimmed, in the chrono `format` (`%Y-%m-%d` takes
/// a fast path with the same result). Rejects an empty cell and text that is
/// not a date in that format: the problem, naming `file`, `line`, `column` and
/// the untrimmed text, is pushed to `problems` and `None` returned.
pub(crate) fn parse_date(
    text: &str,
    format: &str,
    file: &str,
    line: u64,
    column: &str,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    let parsed = match format {
        "%Y-%m-%d" => iso_date(text.trim()),
        _ => NaiveDate::parse_from_str(text.trim(), format).ok(),
    };
    match parsed {
        Some(date) => Some(date),
        None => {
            let hint = date_format_hint(format);
            let message = if text.trim().is_empty() {
                format!("is empty (expected a date, {hint})")
            } else {
                format!("is not a date (expected {hint})")
            };
            problems.push(Problem::cell(file, line, column, text, message));
            None
        }
    }
}

/// Turns a chrono format into the pattern a reader knows (`%Y-%m-%d` -> `YYYY-MM-DD`).
pub fn date_format_hint(format: &str) -> String {
    [
        ("%Y", "YYYY"),
        ("%m", "MM"),
        ("%d", "DD"),
        ("%y", "YY"),
        ("%e", "D"),
        ("%b", "Mon"),
        ("%B", "Month"),
        ("%F", "YYYY-MM-DD"),
    ]
    .iter()
    .fold(format.to_string(), |acc, (from, to)| acc.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_iso_date_path_agrees_with_chrono() {
        for text in [
            "2016-04-08",
            "2016-02-30",
            "0000-01-01",
            "9999-12-31",
            "2016-4-08",
            "2016-04-8",
            "+016-04-08",
            "2016/04/08",
            "20160408xx",
        ] {
            assert_eq!(iso_date(text), NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(), "{text}");
        }
    }
}
