//! One error type for the whole tool.
//!
//! Every failure a user can cause carries enough context to fix it without
//! reading the source: the file, the line, the column, the offending value and
//! what was expected. Bad input is collected row by row into [`Problem`]s and
//! reported in one pass, so a spreadsheet with five mistakes takes one rerun,
//! not five. Only `main` turns an [`Error`] into text and an exit code.

use std::fmt;
use std::path::PathBuf;

/// One located problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (or `embedded:<name>` for bundled data).
    pub file: String,
    /// 1-based line number where the record starts, if the problem has one.
    pub line: Option<u64>,
    /// Column name as it appears in the file's header.
    pub column: Option<String>,
    /// The offending value, verbatim.
    pub value: Option<String>,
    /// What is wrong, phrased to follow `value 'x'` (e.g. "is not a date (expected YYYY-MM-DD)").
    pub message: String,
    /// `line` is a spreadsheet's row number (a workbook's sheet, a Parquet
    /// file's row), written `cases.xlsx [Cases] row 14, column ...`.
    pub in_rows: bool,
}

impl Problem {
    /// A problem with the file as a whole (no line).
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line: None,
            column: None,
            value: None,
            message: message.into(),
            in_rows: false,
        }
    }

    /// A problem on one line, not tied to a single column.
    pub fn line(file: &str, line: u64, message: impl Into<String>) -> Self {
        Problem { line: Some(line), ..Problem::file(file, message) }
    }

    /// A problem with one cell.
    pub fn cell(
        file: &str,
        line: u64,
        column: &str,
        value: &str,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            column: Some(column.to_string()),
            value: Some(value.to_string()),
            ..Problem::line(file, line, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        // `a.csv:14: column 'x': ` or `cases.xlsx [Cases] row 14, column 'x': `.
        let column_separator = match (self.line, self.in_rows) {
            (Some(row), true) => {
                write!(f, " row {row}")?;
                ", "
            }
            (Some(line), false) => {
                write!(f, ":{line}")?;
                ": "
            }
            (None, _) => ": ",
        };
        match &self.column {
            Some(column) => write!(f, "{column_separator}column '{column}': ")?,
            None => write!(f, ": ")?,
        }
        if let Some(value) = &self.value {
            write!(f, "value '{}' ", printable(value))?;
        }
        write!(f, "{}", self.message)
    }
}

/// Shows control characters in a value visibly, so that an error message
/// cannot be garbled (or forged) by what is in a cell.
fn printable(value: &str) -> String {
    value.chars().flat_map(char::escape_debug).collect::<String>().replace("\\'", "'")
}

/// Every way northwind can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The inputs have problems; all of them are listed.
    #[error("{}", render_problems(.0))]
    Input(Vec<Problem>),

    /// A configuration file that cannot be parsed or holds an invalid value.
    #[error("{path}: {message}")]
    Config { path: String, message: String },

    /// Flags or settings that cannot work together, or an unsafe output directory.
    #[error("{0}")]
    Usage(String),

    /// An input file that cannot be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The report could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A chart could not be drawn.
    #[error("cannot draw chart {name}: {message}")]
    Chart { name: String, message: String },

    /// A bug or an unexpected failure of a dependency.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The process exit code: 2 for anything the user can fix in their input,
    /// flags or configuration; 1 for failures of the machine or the program.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input(_) | Error::Config { .. } | Error::Usage(_) | Error::Read { .. } => 2,
            Error::Write { .. } | Error::Chart { .. } | Error::Internal(_) => 1,
        }
    }
}

fn render_problems(problems: &[Problem]) -> String {
    let mut text = match problems.len() {
        1 => "1 problem in the input:".to_string(),
        n => format!("{n} problems in the input:"),
    };
    for problem in problems {
        text.push_str("\n  ");
        text.push_str(&problem.to_string());
    }
    text
}

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_problem_names_file_line_column_and_value() {
        let p = Problem::cell(
            "data/a.csv",
            14,
            "announcement_date",
            "2023-02-30",
            "is not a date (expected YYYY-MM-DD)",
        );
        assert_eq!(
            p.to_string(),
            "data/a.csv:14: column 'announcement_date': value '2023-02-30' is not a date (expected YYYY-MM-DD)"
        );
    }

    #[test]
    fn control_characters_in_values_are_shown_escaped() {
        let p = Problem::cell("a.csv", 2, "id", "x\u{1b}[31m\n", "is bad");
        assert_eq!(p.to_string(), "a.csv:2: column 'id': value 'x\\u{1b}[31m\\n' is bad");
    }

    #[test]
    fn input_errors_list_every_problem_and_exit_with_two() {
        let e =
            Error::Input(vec![Problem::line("a.csv", 2, "one"), Problem::line("a.csv", 3, "two")]);
        assert_eq!(e.to_string(), "2 problems in the input:\n  a.csv:2: one\n  a.csv:3: two");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(Error::Internal("x".into()).exit_code(), 1);
    }
}
