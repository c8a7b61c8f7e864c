//! A table read into text records, before any column is interpreted, and the
//! questions asked of its text: where a column is, and which ids repeat.
//!
//! The CSV, workbook and Parquet readers all produce a [`TextTable`], so the
//! announcements and events parsers validate every format with the same
//! rules and the same messages.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::error::Problem;
use crate::model::RawTable;

use super::csv_reader::read_text_table;
use super::{encoding, parquet, workbook, FileFormat};

/// A file (CSV or Parquet) read into text records, before any column is
/// interpreted.
#[derive(Debug)]
pub(crate) struct TextTable {
    /// Header names (trimmed) and every valid data record's cells.
    pub cells: RawTable,
    /// 1-based line of each data record.
    pub lines: Vec<u64>,
}

impl TextTable {
    pub fn headers(&self) -> &[String] {
        &self.cells.headers
    }

    /// Index of the column named `header`.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers().iter().position(|h| h == header)
    }

    /// `(line, row index)` of every record.
    pub fn records(&self) -> impl Iterator<Item = (u64, usize)> + '_ {
        self.lines.iter().copied().zip(0..)
    }
}

/// A table as read from an input's bytes, with what the report says of it.
#[derive(Debug)]
pub(crate) struct OpenedTable {
    pub table: TextTable,
    /// The name problems go by: the file's, or `cases.xlsx [Cases]`.
    pub name: String,
    /// The text encoding the file was read in (`UTF-8` for workbooks and
    /// Parquet, whose text is Unicode).
    pub encoding: &'static str,
    /// Whether its problems are located by spreadsheet row, not line (a
    /// workbook's sheet, a Parquet file).
    pub in_rows: bool,
}

/// The problems of a table named `name` as they are reported: located by
/// row when `in_rows` (`cases.xlsx [Cases] row 14`), and one message per
/// cause that repeats down a column.
pub(crate) fn reported(mut problems: Vec<Problem>, name: &str, in_rows: bool) -> Vec<Problem> {
    if in_rows {
        for problem in problems.iter_mut().filter(|p| p.file == name) {
            problem.in_rows = true;
        }
    }
    super::cells::collapse_repeated_causes(&mut problems);
    problems
}

/// Reads a table in whichever format its bytes are: Parquet (by its magic
/// number), a workbook (a ZIP archive or an OLE file, see
/// [`workbook::read_workbook_table`]), else CSV text in the encoding found
/// or set (see [`encoding::decode`] and [`read_text_table`]). Structural
/// problems of a CSV are pushed to `problems` and its valid rows kept.
///
/// # Errors
/// The problems that stop the table being read at all.
pub(crate) fn read_table(
    bytes: &[u8],
    file: &str,
    format: &FileFormat,
    problems: &mut Vec<Problem>,
) -> std::result::Result<OpenedTable, Vec<Problem>> {
    let opened = |table, name| OpenedTable { table, name, encoding: "UTF-8", in_rows: true };
    if bytes.starts_with(parquet::MAGIC) {
        return parquet::read_parquet_table(bytes, file).map(|t| opened(t, file.to_string()));
    }
    if workbook::is_workbook(bytes) {
        let (table, name) = workbook::read_workbook_table(bytes, file, format.sheet.as_deref())?;
        return Ok(opened(table, name));
    }
    if let Some(sheet) = &format.sheet {
        return Err(vec![Problem::file(
            file,
            format!(
                "is not a workbook, so it has no sheet '{}' to read: remove the #{0} after the file name",
                sheet.chars().flat_map(char::escape_debug).collect::<String>()
            ),
        )]);
    }
    let decoded = encoding::decode(bytes, file, format.encoding).map_err(|p| vec![p])?;
    let table = read_text_table(&decoded.bytes, file, format.delimiter, problems)?;
    Ok(OpenedTable { table, name: file.to_string(), encoding: decoded.encoding, in_rows: false })
}

/// Looks up required and optional columns, reporting every missing required one.
///
/// Accepts `(header, required)` pairs and returns, in the same order, each
/// header's column index (`None` for an optional column the table lacks).
/// Rejects a table that lacks any required column, with one problem per
/// missing column, on line 1, naming the headers the table does have.
pub(crate) fn locate_columns<const N: usize>(
    table: &TextTable,
    file: &str,
    wanted: [(&str, bool); N],
) -> std::result::Result<[Option<usize>; N], Vec<Problem>> {
    let mut problems = Vec::new();
    let located = wanted.map(|(header, required)| {
        let index = table.column(header);
        if index.is_none() && required {
            problems.push(Problem::line(
                file,
                1,
                format!(
                    "missing required column '{header}' (the header has: {})",
                    header_list(table.headers())
                ),
            ));
        }
        index
    });
    if let (Some(last), Some(hint)) = (problems.last_mut(), delimiter_hint(table.headers())) {
        last.message.push_str(&hint);
    }
    if problems.is_empty() {
        Ok(located)
    } else {
        Err(problems)
    }
}

/// For a header that was not split as its file means: a header name that
/// holds another dialect's delimiter (`Version;Datum`) suggests the setting.
fn delimiter_hint(headers: &[String]) -> Option<String> {
    let names = [
        (';', "semicolons", "\";\""),
        ('\t', "tabs", "\"tab\""),
        ('|', "bars", "\"|\""),
        (',', "commas", "\",\""),
    ];
    let (_, name, setting) =
        names.iter().find(|(c, _, _)| headers.iter().any(|h| h.contains(*c)))?;
    Some(format!(
        "; a header name holds {name}: if they separate the columns, set [input] delimiter = {setting} (or remove the setting to let northwind choose)"
    ))
}

/// The header names for a message: at most 12, each at most 40 characters,
/// control characters escaped, so that a binary file cannot flood the terminal.
fn header_list(headers: &[String]) -> String {
    let mut names: Vec<String> = headers
        .iter()
        .take(12)
        .map(|h| {
            let short: String = h.chars().take(40).collect();
            let shown: String = short.chars().flat_map(char::escape_debug).collect();
            if h.chars().count() > 40 {
                format!("{shown}…")
            } else {
                shown
            }
        })
        .collect();
    if headers.len() > 12 {
        names.push(format!("and {} more", headers.len() - 12));
    }
    names.join(", ")
}

/// For each row whose id repeats an earlier row's, the line of the first row
/// with that id. Ids are hashed and sorted rather than kept in a map, so ten
/// million ids cost 160 MB for a moment, not a string each.
///
/// Ids are compared trimmed; empty cells are skipped (the caller reports
/// those as empty, not as duplicates).
pub(crate) fn duplicate_ids(table: &TextTable, id_col: usize) -> HashMap<usize, u64> {
    let hash = |text: &str| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        hasher.finish()
    };
    let mut keyed: Vec<(u64, usize)> = (0..table.cells.len())
        .into_par_iter()
        .filter_map(|row| {
            let id = table.cells.cell(row, id_col).trim();
            (!id.is_empty()).then(|| (hash(id), row))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut duplicates = HashMap::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        // Equal hashes: group by the real text (collisions are possible).
        let mut firsts: Vec<usize> = Vec::new();
        for &(_, row) in run {
            let id = table.cells.cell(row, id_col).trim();
            match firsts.iter().find(|&&f| table.cells.cell(f, id_col).trim() == id) {
                Some(&first) => {
                    duplicates.insert(row, table.lines[first]);
                }
                None => firsts.push(row),
            }
        }
    }
    duplicates
}
