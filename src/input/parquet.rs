//! Parquet input, for corpora that already live in a columnar store.
//!
//! polars reads the file; every column is cast to text and handed to the same
//! validation as CSV, so the rules and the messages are the same. Where a CSV
//! message gives a line, a Parquet message gives the row's number counting
//! the header as row 1 (the first data row is row 2), as a spreadsheet would.
//! Date columns come through as `YYYY-MM-DD`, whatever `date_format` says.
//!
//! Built only with the `parquet` cargo feature, which keeps the default build
//! lean (Parquet pulls in polars' I/O layer and five compression codecs).

use crate::error::Problem;
#[cfg(feature = "parquet")]
use crate::model::RawTable;

use super::table::TextTable;

/// Parquet files start (and end) with these four bytes.
pub const MAGIC: &[u8; 4] = b"PAR1";

/// Reads a Parquet file into text records.
#[cfg(feature = "parquet")]
pub(crate) fn read_parquet_table(bytes: &[u8], file: &str) -> Result<TextTable, Vec<Problem>> {
    use polars::prelude::{DataType, ParquetReader, SerReader};

    let broken = |e: &dyn std::fmt::Display| {
        vec![Problem::file(file, format!("is not a readable Parquet file: {e}"))]
    };
    let frame = ParquetReader::new(std::io::Cursor::new(bytes)).finish().map_err(|e| broken(&e))?;
    let headers: Vec<String> =
        frame.get_column_names().iter().map(|n| n.trim().to_string()).collect();
    let mut text_columns = Vec::with_capacity(headers.len());
    for column in frame.columns() {
        let text = column.cast(&DataType::String).map_err(|e| {
            vec![Problem::file(
                file,
                format!("column '{}' cannot be read as text: {e}", column.name()),
            )]
        })?;
        let strings = text.str().map_err(|e| broken(&e))?.clone();
        text_columns.push(strings);
    }
    let mut cells = RawTable::new(headers);
    let mut lines = Vec::with_capacity(frame.height());
    let mut row: Vec<&str> = Vec::with_capacity(text_columns.len());
    let mut iterators: Vec<_> = text_columns.iter().map(|c| c.iter()).collect();
    for index in 0..frame.height() {
        row.clear();
        for values in &mut iterators {
            row.push(values.next().flatten().unwrap_or(""));
        }
        if !cells.push_row(row.iter().copied()) {
            return Err(vec![Problem::file(
                file,
                "has more than 4 GiB of cell text; aggregate it to daily counts",
            )]);
        }
        lines.push(index as u64 + 2);
    }
    Ok(TextTable { cells, lines })
}

/// Without the `parquet` feature: a clear message instead of CSV errors.
#[cfg(not(feature = "parquet"))]
pub(crate) fn read_parquet_table(_bytes: &[u8], file: &str) -> Result<TextTable, Vec<Problem>> {
    Err(vec![Problem::file(
        file,
        "is a Parquet file, and this northwind was built without Parquet support: build it with `cargo build --release --features parquet`, or export the table as CSV",
    )])
}
