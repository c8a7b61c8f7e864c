//! The report: tables, summary.json and summary.md, rendered to bytes.
//!
//! Renderers are pure (`-> Vec<u8>` / `String`) and compute no statistics:
//! they format what [`crate::analysis::Analysis`] holds. Writing to disk is
//! [`crate::output`]'s job alone.

mod alt;
pub mod changes;
mod font_subset;
pub mod html;
mod joined;
mod json;
pub mod markdown;
pub mod rows;
pub use crate::table;

pub use alt::alt_markdown;
pub use joined::{joined_columns, write_joined_csv};
pub use json::summary_json;
pub use markdown::summary_markdown;
pub use table::{Cell, Table};

use std::io::Write;

use crate::analysis::Analysis;
use crate::stats::window::WindowTest;

/// What the report needs of the settings beyond the analysis's own (which
/// [`Analysis::settings`] carries): the inputs it names, the parts it has,
/// and the newsroom's words (its title and subtitle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub announcements: crate::model::InputSource,
    pub events: crate::model::InputSource,
    pub parts: crate::model::OutputParts,
    pub wording: crate::wording::Wording,
    /// The inputs are the bundled data, byte for byte (their own caveats
    /// and sources apply).
    pub bundled_data: bool,
    /// The text encoding each input was read in (announcements, events).
    pub encodings: [&'static str; 2],
}

impl Settings {
    /// The report's title: the newsroom's, or the question in the data's terms.
    pub fn title(&self) -> String {
        self.wording.report.title.clone().unwrap_or_else(|| self.wording.say("report-title", &[]))
    }
}

pub use crate::digest::{hex, sha256_hex};

/// Writes a file's bytes to the writer it is given.
pub type StreamWriter<'a> =
    Box<dyn Fn(&mut (dyn Write + Send)) -> std::io::Result<()> + Send + Sync + 'a>;

/// What a report file holds: bytes, or a writer for a file too large to hold
/// in memory (`joined.csv` of ten million rows).
pub enum Body<'a> {
    Bytes(Vec<u8>),
    Stream(StreamWriter<'a>),
}

impl std::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Body::Stream(_) => write!(f, "Stream"),
        }
    }
}

/// One file of the report: its path inside the report directory and its content.
///
/// `path` is relative to the report and made of fixed words and slugs only;
/// [`crate::output`] checks it again before writing.
#[derive(Debug)]
pub struct ReportFile<'a> {
    pub path: String,
    pub body: Body<'a>,
    /// The event group a per-group file belongs to (its name, as shown), for
    /// the name-to-file mapping of `manifest.json` and `summary.json`.
    pub group: Option<String>,
}

impl ReportFile<'_> {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        ReportFile { path: path.into(), body: Body::Bytes(bytes), group: None }
    }

    /// The same file, marked as belonging to event group `name`.
    #[must_use]
    pub fn of_group(mut self, name: &str) -> Self {
        self.group = Some(name.to_string());
        self
    }

    /// The same file, starting with [`UTF8_BOM`].
    #[must_use]
    pub fn with_bom(self) -> Self {
        let body = match self.body {
            Body::Bytes(bytes) => Body::Bytes([UTF8_BOM, &bytes].concat()),
            Body::Stream(write) => Body::Stream(Box::new(move |out| {
                out.write_all(UTF8_BOM)?;
                write(out)
            })),
        };
        ReportFile { body, ..self }
    }
}

/// The byte-order mark that tells Excel a CSV file is UTF-8. Without it,
/// Excel on Korean Windows reads a CSV file as CP949 and garbles its Hangul;
/// pandas, readr and data.table skip it, R's `read.csv` needs
/// `fileEncoding = "UTF-8-BOM"` (or `[output] csv_bom = false`).
pub const UTF8_BOM: &[u8] = "\u{feff}".as_bytes();

/// Every table of the report but `joined` (see [`write_joined_csv`]) and the
/// per-group ones ([`peth_tables`]), in the order they are written. Each is
/// made from its row struct in [`rows`], which `summary.json` uses too.
pub fn tables(analysis: &Analysis) -> Vec<Table> {
    vec![
        window_table(&analysis.window_tests),
        Table::from_rows("delay_summary", &rows::delay_rows(analysis)),
        Table::from_rows("weekday", &rows::weekday_rows(analysis)),
        Table::from_rows("delay_shuffle_tests", &rows::shuffle_rows(analysis)),
        Table::from_rows("phase_tests", &rows::phase_rows(analysis)),
        Table::from_rows("poisson_regression", &rows::regression_rows(analysis)),
    ]
}

/// `tables/window_tests.csv`.
pub fn window_table(tests: &[WindowTest]) -> Table {
    Table::from_rows("window_tests", &rows::window_rows(tests))
}

/// `tables/peth_<slug>.csv`, one per group (in the order of
/// `analysis.groups`), named by the group's slug; the `group` column holds
/// the group's name.
pub fn peth_tables(analysis: &Analysis) -> Vec<Table> {
    analysis
        .groups
        .iter()
        .zip(&analysis.peth)
        .map(|(g, p)| Table::from_rows(format!("peth_{}", g.slug), &rows::peth_rows(&g.name, p)))
        .collect()
}
