//! Loading and validating the two input tables.
//!
//! The files people have: CSV in any common encoding and delimiter,
//! workbooks (xlsx, xls, ods) and Parquet. Each becomes the same text table,
//! whose cells are then checked here, so that every problem is reported with
//! its file, line (or sheet and row), column and value, all in one pass.
//! polars' own CSV reader is not used because it stops at the first bad
//! value and gives no line number.
//!
//! The parsers take bytes (testable in memory); [`load`] adds the file system.
//!
//! One concern per file:
//!
//! - `source`: reading a file (up to [`MAX_INPUT_BYTES`]) or embedded table;
//! - `table`: the text table every reader produces: its columns, repeated ids;
//! - `encoding`: a text file's encoding, detected or set, to UTF-8;
//! - `csv_reader`: CSV bytes to a text table, in parallel pieces when large;
//! - `workbook`: one sheet of a workbook to a text table (calamine);
//! - `parquet`: Parquet bytes to a text table (the `parquet` feature);
//! - `dates`: the date styles, partial dates and timestamps;
//! - `cells`: one cell's text to a value (dates), with its problem;
//! - `announcements`, `events`: each table's columns and rules;
//! - `period`: the study period (at most [`MAX_PERIOD_DAYS`] days).

mod announcements;
mod cells;
mod csv_reader;
mod dates;
mod encoding;
mod events;
mod parquet;
mod period;
mod source;
mod table;
mod workbook;

pub use announcements::{parse_announcements, AnnouncementTable};
pub use cells::date_format_hint;
pub use dates::{DateReader, DateStyle};
pub use encoding::encoding_for_label;
pub use events::parse_events;
pub use period::MAX_PERIOD_DAYS;
pub use source::MAX_INPUT_BYTES;

use crate::error::{Error, Result};
use crate::model::{ColumnMap, InputSource};
use crate::model::{Event, Period};

use period::resolve_period;
use source::read_source;

/// The validated inputs of one run, with the bytes' SHA-256 for the manifest.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub announcements: AnnouncementTable,
    pub events: Vec<Event>,
    pub period: Period,
    /// Announcements left out because they fall outside the study period.
    pub outside_period: crate::model::OutsidePeriod,
    /// `(name, sha256 hex, bytes)` for each input, announcements first.
    pub fingerprints: Vec<InputFingerprint>,
}

/// Identity of one input file, recorded in the manifest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFingerprint {
    pub name: String,
    pub sha256: String,
    pub bytes: usize,
    /// The text encoding it was read in (`UTF-8`, `UTF-16LE`, `EUC-KR`...).
    pub encoding: &'static str,
}

/// How one input file is read: its column names, its dates, and (for a
/// text file) its delimiter and encoding, or (for a workbook) its sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileFormat {
    pub columns: ColumnMap,
    pub dates: DateReader,
    /// `None`: the one of `,`, `;`, tab and `|` the header uses most.
    pub delimiter: Option<u8>,
    /// `None`: detected (UTF-8, UTF-16 by its mark, East Asian legacy).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// A workbook's sheet; `None`: the first.
    pub sheet: Option<String>,
}

/// What loading needs of the settings: where the two inputs are, how each
/// is read, and the study period's bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub announcements: InputSource,
    pub events: InputSource,
    pub announcement_format: FileFormat,
    pub event_format: FileFormat,
    /// Bounds of the study period; `None` means the first (last) announcement date.
    pub period_start: Option<chrono::NaiveDate>,
    pub period_end: Option<chrono::NaiveDate>,
}

/// Reads, parses and validates both inputs and resolves the study period.
///
/// # Errors
/// [`Error::Read`] when a file cannot be read; [`Error::Input`] listing every
/// problem found in either file.
pub fn load(spec: &Spec) -> Result<Inputs> {
    let announcement_bytes = read_source(&spec.announcements)?;
    let event_bytes = read_source(&spec.events)?;
    load_bytes(spec, &announcement_bytes, &event_bytes)
}

/// Parses and validates both inputs from their bytes (named as the spec's
/// sources are) and resolves the study period: [`load`] without the reading,
/// for running the whole pipeline in memory.
///
/// # Errors
/// [`Error::Input`] listing every problem found in either file.
pub fn load_bytes(spec: &Spec, announcement_bytes: &[u8], event_bytes: &[u8]) -> Result<Inputs> {
    let announcement_name = spec.announcements.display_name();
    let event_name = spec.events.display_name();

    // The manifest's fingerprint (SHA-256) is hashed, from the bytes as
    // they are, while the file is decoded and parsed.
    let (parsed_announcements, announcement_fingerprint) = rayon::join(
        || parse_announcements(announcement_bytes, &announcement_name, &spec.announcement_format),
        || fingerprint(announcement_name.clone(), announcement_bytes),
    );
    let parsed_events = events::read_events(event_bytes, &event_name, &spec.event_format);
    let encodings = [
        parsed_announcements.as_ref().map_or("UTF-8", |a| a.encoding),
        parsed_events.as_ref().map_or("UTF-8", |(_, encoding)| encoding),
    ];
    let parsed_events = parsed_events.map(|(events, _)| events);

    let mut problems = Vec::new();
    let (announcements, events) = match (parsed_announcements, parsed_events) {
        (Ok(a), Ok(e)) => (Some(a), Some(e)),
        (a, e) => {
            let a = a.map_err(|p| problems.extend(p)).ok();
            let e = e.map_err(|p| problems.extend(p)).ok();
            (a, e)
        }
    };
    let period = announcements.as_ref().and_then(|table| {
        resolve_period(spec, table, &announcement_name).map_err(|p| problems.extend(p)).ok()
    });
    match (announcements, events, period) {
        (Some(mut announcements), Some(events), Some(period)) if problems.is_empty() => {
            let outside_period = announcements.keep_within(&period);
            Ok(Inputs {
                announcements,
                events,
                period,
                outside_period,
                fingerprints: vec![
                    InputFingerprint { encoding: encodings[0], ..announcement_fingerprint },
                    InputFingerprint {
                        encoding: encodings[1],
                        ..fingerprint(event_name, event_bytes)
                    },
                ],
            })
        }
        _ => Err(Error::Input(problems)),
    }
}

/// The manifest's identity of one input: its name, SHA-256 and size.
fn fingerprint(name: String, bytes: &[u8]) -> InputFingerprint {
    InputFingerprint {
        name,
        sha256: crate::digest::sha256_hex(bytes),
        bytes: bytes.len(),
        encoding: "UTF-8",
    }
}
