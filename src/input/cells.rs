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
        DateError::NotADate => {
            let styles = dates.unlisted_styles_reading(text);
            let names: Vec<String> =
                styles.iter().filter_map(|s| s.preset_name()).map(|n| format!("\"{n}\"")).collect();
            let readings: Vec<String> = styles
                .iter()
                .filter_map(|s| Some(format!("a {} date ({})", s.preset_name()?, s.hint())))
                .collect();
            match names.len() {
                0 => format!("is not a date (expected {hint})"),
                1 => format!(
                    "is not a date (expected {hint}); it reads as {}: add {} {DATE_STYLE_FIX}",
                    readings[0], names[0]
                ),
                _ => format!(
                    "is not a date (expected {hint}); it reads as {}: add the file's style, {}, {DATE_STYLE_FIX}",
                    readings.join(" or as "),
                    names.join(" or ")
                ),
            }
        }
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
    // (index of the first, repeats, what the repeats are)
    let mut firsts: Vec<(usize, usize, &str)> = Vec::new();
    let mut kept = Vec::with_capacity(problems.len());
    for problem in std::mem::take(problems) {
        if let Some(what) = repeated_cause(&problem.message) {
            let same = firsts.iter_mut().find(|(i, _, _)| {
                let first: &Problem = &kept[*i];
                first.file == problem.file
                    && first.column == problem.column
                    && first.message == problem.message
            });
            if let Some((_, repeats, _)) = same {
                *repeats += 1;
                continue;
            }
            firsts.push((kept.len(), 0, what));
        }
        kept.push(problem);
    }
    for (i, repeats, what) in firsts {
        if repeats > 0 {
            let problem: &mut Problem = &mut kept[i];
            problem.message.push_str(&format!(" ({repeats} more cells of this column {what})"));
        }
    }
    *problems = kept;
}

/// The end of a message for a date in a style the settings do not list.
const DATE_STYLE_FIX: &str = "to [input] date_formats";

/// What the repeats of a cause are called when the cause is a setting, not
/// the cell: a timestamp without a zone, a date in an unlisted style.
fn repeated_cause(message: &str) -> Option<&'static str> {
    if message == NEEDS_TIMEZONE {
        Some("are timestamps")
    } else if message.ends_with(DATE_STYLE_FIX) {
        Some("are dates in the same style")
    } else {
        None
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
    use crate::input::dates::DateStyle;

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

    #[test]
    fn dates_in_an_unlisted_style_name_the_style_to_add_once_per_column() {
        let dates = DateReader::default();
        let mut problems = Vec::new();
        for line in 2..7 {
            parse_date(&format!("0{line}.01.2020"), &dates, "a.csv", line, "d", &mut problems);
        }
        parse_date("04/08/2016", &dates, "a.csv", 7, "d", &mut problems);
        parse_date("8 April 2016", &dates, "a.csv", 8, "d", &mut problems);
        collapse_repeated_causes(&mut problems);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 3, "{text:#?}");
        assert_eq!(
            text[0],
            "a.csv:2: column 'd': value '02.01.2020' is not a date (expected YYYY-MM-DD, or a \
             Korean date such as 2016.04.08 or 2016년 4월 8일); it reads as a day-first date \
             (DD.MM.YYYY): add \"day-first\" to [input] date_formats (4 more cells of this \
             column are dates in the same style)"
        );
        assert!(
            text[1].ends_with(
                "it reads as a day-first date (DD.MM.YYYY) or as a month-first date \
                 (MM/DD/YYYY): add the file's style, \"day-first\" or \"month-first\", to \
                 [input] date_formats"
            ),
            "{}",
            text[1]
        );
        assert!(text[2].ends_with("or 2016년 4월 8일)"), "{}", text[2]);
        // A listed style is never suggested: an ISO date in a day-first file.
        let day_first = DateReader { styles: vec![DateStyle::DayFirst], timezone: None };
        assert_eq!(day_first.unlisted_styles_reading("2016-04-08"), [DateStyle::Iso]);
        assert!(dates.unlisted_styles_reading("2016-04-08").is_empty());
    }
}
