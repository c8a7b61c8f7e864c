//! A table read into text records, before any column is interpreted, and the
//! questions asked of its text: where a column is, and which ids repeat.
//!
//! The CSV and Parquet readers both produce a [`TextTable`], so the
//! announcements and events parsers validate either format with the same
//! rules and the same messages.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::error::Problem;
use crate::model::RawTable;

use super::csv_reader::read_text_table;
use super::parquet;

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

/// Reads a table (CSV, or Parquet when the bytes start with its magic number)
/// into text records; see [`read_text_table`] and
/// [`read_parquet_table`](parquet::read_parquet_table).
pub(crate) fn read_table(
    bytes: &[u8],
    file: &str,
    problems: &mut Vec<Problem>,
) -> std::result::Result<TextTable, Vec<Problem>> {
    if bytes.starts_with(parquet::MAGIC) {
        parquet::read_parquet_table(bytes, file)
    } else {
        read_text_table(bytes, file, problems)
    }
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
    if problems.is_empty() {
        Ok(located)
    } else {
        Err(problems)
    }
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
