//! Reading an input source into memory: a file on disk, or a table embedded
//! in the binary.
//!
//! Inputs are held in memory while they are validated, so a file's size is
//! checked against [`MAX_INPUT_BYTES`] before a byte of it is read.

use crate::error::{Error, Problem, Result};
use crate::model::InputSource;

/// Largest input file read, in bytes (2 GiB). Inputs are held in memory while
/// they are validated; a larger file is refused up front, with this figure in
/// the message (as 2048 MiB), instead of exhausting the machine's memory.
pub const MAX_INPUT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The bytes of `source`: the file's contents, or the embedded table's text.
///
/// # Errors
/// [`Error::Read`] when the file's size or contents cannot be read;
/// [`Error::Input`] when the file is larger than [`MAX_INPUT_BYTES`]. An
/// embedded table is not size-checked: it is part of the binary.
pub(super) fn read_source(source: &InputSource) -> Result<Vec<u8>> {
    match source {
        InputSource::File(path) => {
            let read_error = |source| Error::Read { path: path.clone(), source };
            let size = std::fs::metadata(path).map_err(read_error)?.len();
            if size > MAX_INPUT_BYTES {
                return Err(Error::Input(vec![Problem::file(
                    &path.display().to_string(),
                    format!(
                        "is {} MiB; northwind reads at most {} MiB per input file. Aggregate the announcements to one row per day (a `date,count` file), or split the period",
                        size / (1024 * 1024),
                        MAX_INPUT_BYTES / (1024 * 1024)
                    ),
                )]));
            }
            std::fs::read(path).map_err(read_error)
        }
        InputSource::Embedded { text, .. } => Ok(text.as_bytes().to_vec()),
    }
}
