//! Loading and validating the two input tables.
//!
//! The `csv` crate reads records (quoted fields, embedded commas and newlines,
//! CRLF line endings); a UTF-8 byte-order mark is stripped; each cell is then
//! checked here with `chrono`, so that every problem is reported with its
//! file, line, column and value, all in one pass. polars' own CSV reader is not
//! used because it stops at the first bad value and gives no line number.
//!
//! The parsers take bytes (testable in memory); [`load`] adds the file system.
//!
//! One concern per file:
//!
//! - `source`: reading a file (up to [`MAX_INPUT_BYTES`]) or embedded table;
//! - `table`: the text table both readers produce: its columns, repeated ids;
//! - `csv_reader`: CSV bytes to a text table, in parallel pieces when large;
//! - `parquet`: Parquet bytes to a text table (the `parquet` feature);
//! - `cells`: one cell's text to a value (dates);
//! - `announcements`, `events`: each table's columns and rules;
//! - `period`: the study period (at most [`MAX_PERIOD_DAYS`] days).

mod announcements;
mod cells;
mod csv_reader;
mod events;
mod parquet;
mod period;
mod source;
mod table;

pub use announcements::{parse_announcements, AnnouncementTable};
pub use events::parse_events;
pub use period::MAX_PERIOD_DAYS;
pub use source::MAX_INPUT_BYTES;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::model::{Event, Period};

use period::resolve_period;
use source::read_source;

/// The validated inputs of one run, with the bytes' SHA-256 for the manifest.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub announcements: AnnouncementTable,
    pub events: Vec<Event>,
    pub period: Period,
    /// `(name, sha256 hex, bytes)` for each input, announcements first.
    pub fingerprints: Vec<InputFingerprint>,
}

/// Identity of one input file, recorded in the manifest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFingerprint {
    pub name: String,
    pub sha256: String,
    pub bytes: usize,
}

/// Reads, parses and validates both inputs and resolves the study period.
///
/// # Errors
/// [`Error::Read`] when a file cannot be read; [`Error::Input`] listing every
/// problem found in either file.
pub fn load(config: &Config) -> Result<Inputs> {
    let announcement_bytes = read_source(&config.announcements)?;
    let event_bytes = read_source(&config.events)?;
    load_bytes(config, &announcement_bytes, &event_bytes)
}

/// Parses and validates both inputs from their bytes (named as the config's
/// sources are) and resolves the study period: [`load`] without the reading,
/// for running the whole pipeline in memory.
///
/// # Errors
/// [`Error::Input`] listing every problem found in either file.
pub fn load_bytes(
    config: &Config,
    announcement_bytes: &[u8],
    event_bytes: &[u8],
) -> Result<Inputs> {
    let announcement_name = config.announcements.display_name();
    let event_name = config.events.display_name();

    // The manifest's fingerprint (SHA-256) is hashed while the file is parsed.
    let (parsed_announcements, announcement_fingerprint) = rayon::join(
        || {
            parse_announcements(
                announcement_bytes,
                &announcement_name,
                &config.announcement_columns,
                &config.date_format,
            )
        },
        || fingerprint(announcement_name.clone(), announcement_bytes),
    );
    let parsed_events =
        parse_events(event_bytes, &event_name, &config.event_columns, &config.date_format);

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
        resolve_period(config, table, &announcement_name).map_err(|p| problems.extend(p)).ok()
    });
    match (announcements, events, period) {
        (Some(announcements), Some(events), Some(period)) if problems.is_empty() => Ok(Inputs {
            announcements,
            events,
            period,
            fingerprints: vec![announcement_fingerprint, fingerprint(event_name, event_bytes)],
        }),
        _ => Err(Error::Input(problems)),
    }
}

/// The manifest's identity of one input: its name, SHA-256 and size.
fn fingerprint(name: String, bytes: &[u8]) -> InputFingerprint {
    InputFingerprint { name, sha256: crate::report::sha256_hex(bytes), bytes: bytes.len() }
}
