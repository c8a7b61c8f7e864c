//! Cell parsers: the text of one cell to a typed value, or a located problem.
//!
//! Dates are the cells both tables hold, so they are read here, and a bad one
//! is reported the same way in either file. Whole numbers (`people`, `count`)
//! have bounds and messages of their own and are read with the announcements.

use chrono::{Datelike, NaiveDate};

use crate::error::Problem;
use crate::model::Precision;

use super::dates::{DateError, DateReader, ReadDate};

/// The message for a timestamp read without a time zone: one per column,
/// however many cells hold timestamps (see [`collapse_repeated_causes`]).
const NEEDS_TIMEZONE: &str = "is a timestamp, and which calendar day it falls on depends on the time zone: set [input] timezone, for example timezone = \"Asia/Seoul\" or \"UTC\"";

/// Parses one date cell that must be a whole day, or records a located problem.
///
/// Accepts the cell's text in any of the reader's styles; a timestamp
/// becomes its day in the reader's zone. Rejects an empty cell, a month or a
/// year alone, and text in none of the styles: the problem, naming `file`,
/// `line`, `column` and the untrimmed text, is pushed to `problems` and
/// `None` returned.
pub(crate) fn parse_date(
    text: &str,
    dates: &DateReader,
    file: &str,
    line: u64,
    column: &str,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    located(dates.read_day(text), dates, file, line, column, text, problems)
}

/// Parses one date cell that may be partial (`2016-07`, `2016년`), with the
/// precision it was written to; problems as [`parse_date`].
pub(crate) fn parse_partial_date(
    text: &str,
    dates: &DateReader,
    file: &str,
    line: u64,
    column: &str,
    problems: &mut Vec<Problem>,
) -> Option<ReadDate> {
    located(dates.read(text), dates, file, line, column, text, problems)
}

/// The value read, or `None` with its located problem pushed.
fn located<T>(
    read: Result<T, DateError>,
    dates: &DateReader,
    file: &str,
    line: u64,
    column: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    read.map_err(|error| problems.push(date_problem(&error, dates, file, line, column, text))).ok()
}

/// The located problem for a cell that `dates` could not read.
fn date_problem(
    error: &DateError,
    dates: &DateReader,
    file: &str,
    line: u64,
    column: &str,
    text: &str,
) -> Problem {
    let hint = dates.hint();
    let message = match error {
        DateError::Empty => format!("is empty (expected a date, {hint})"),
        DateError::NotADate => format!("is not a date (expected {hint})"),
        DateError::Partial(precision) => format!(
            "gives only a {}; this column needs a whole date ({hint})",
            if *precision == Precision::Year { "year" } else { "month" }
        ),
        DateError::NeedsTimezone => NEEDS_TIMEZONE.to_string(),
        DateError::WrongWeekday(written, date) => format!(
            "names a {}, but {date} is a {} (check the date and the weekday)",
            weekday_name(*written),
            weekday_name(date.weekday())
        ),
    };
    Problem::cell(file, line, column, text, message)
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// Folds the problems of one cause that repeats down a column (a timestamp
/// without a zone) into the first, which says how many more there are: one
/// message per cause, not one per cell.
pub(crate) fn collapse_repeated_causes(problems: &mut Vec<Problem>) {
    let mut firsts: Vec<(usize, usize)> = Vec::new(); // (index of the first, repeats)
    let mut kept = Vec::with_capacity(problems.len());
    for problem in std::mem::take(problems) {
        if problem.message == NEEDS_TIMEZONE {
            let same = firsts.iter_mut().find(|(i, _)| {
                let first: &Problem = &kept[*i];
                first.file == problem.file && first.column == problem.column
            });
            if let Some((_, repeats)) = same {
                *repeats += 1;
                continue;
            }
            firsts.push((kept.len(), 0));
        }
        kept.push(problem);
    }
    for (i, repeats) in firsts {
        if repeats > 0 {
            let problem: &mut Problem = &mut kept[i];
            problem
                .message
                .push_str(&format!(" ({repeats} more cells of this column are timestamps)"));
        }
    }
    *problems = kept;
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
    fn timestamps_without_a_zone_get_one_message_per_column() {
        let dates = DateReader::default();
        let mut problems = Vec::new();
        for line in 2..12 {
            parse_date("2016-04-08T10:00Z", &dates, "a.csv", line, "published", &mut problems);
            parse_date("2016-04-08 10:00", &dates, "a.csv", line, "seen", &mut problems);
        }
        parse_date("2016-13-01", &dates, "a.csv", 12, "published", &mut problems);
        collapse_repeated_causes(&mut problems);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 3, "{text:#?}");
        assert!(text[0]
            .starts_with("a.csv:2: column 'published': value '2016-04-08T10:00Z' is a timestamp"));
        assert!(text[0].ends_with("(9 more cells of this column are timestamps)"), "{}", text[0]);
        assert!(text[1].contains("column 'seen'"));
        assert!(text[2].contains("is not a date"));
    }
}
