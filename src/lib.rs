//! northwind: do announcements cluster around political events?
//!
//! The pipeline flows one way:
//!
//! 1. [`input`] loads and validates the two CSVs (every problem, located, in one pass);
//! 2. [`join`] finds each announcement's nearest events per group (polars as-of join);
//! 3. [`stats`] computes the tests as pure functions over slices, with
//!    [`sim`] supplying seeded, thread-independent random draws;
//! 4. [`report`] renders tables, `summary.json` and `summary.md` to bytes;
//! 5. [`output`] writes them atomically.
//!
//! [`analysis`] wires steps 2-3 together; `main.rs` only parses the command
//! line and calls [`run`] or [`check`].

#![forbid(unsafe_code)]

pub mod analysis;
pub mod cli;
pub mod config;
pub mod error;
pub mod input;
pub mod join;
pub mod model;
pub mod output;
pub mod progress;
pub mod report;
pub mod sim;
pub mod stats;

use std::path::PathBuf;

use config::Config;
use error::{Error, Result};
use report::ReportFile;

/// What `northwind check` found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSummary {
    pub announcements: usize,
    pub events: usize,
    pub period: model::Period,
}

impl std::fmt::Display for CheckSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ok: {} announcements, {} events, period {}..{}",
            self.announcements, self.events, self.period.start, self.period.end
        )
    }
}

/// Validates the inputs without writing anything.
///
/// # Errors
/// Every input problem ([`Error::Input`]), or an unreadable file.
pub fn check(config: &Config) -> Result<CheckSummary> {
    let inputs = input::load(config)?;
    Ok(CheckSummary {
        announcements: inputs.announcements.announcements.len(),
        events: inputs.events.len(),
        period: inputs.period,
    })
}

/// What `northwind run` wrote.
#[derive(Debug, Clone)]
pub struct RunSummary {
    pub out_dir: PathBuf,
    pub files: Vec<String>,
    /// The one-sentence headline, for the terminal.
    pub headline: String,
}

/// Runs the whole analysis and writes the report directory.
///
/// # Errors
/// An unsafe output directory, bad input, or a failure to write.
pub fn run(config: &Config) -> Result<RunSummary> {
    match config.threads {
        Some(threads) => rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::Internal(format!("cannot start {threads} threads: {e}")))?
            .install(|| run_in_pool(config)),
        None => run_in_pool(config),
    }
}

fn run_in_pool(config: &Config) -> Result<RunSummary> {
    output::check_out_dir(&config.out_dir, &[&config.announcements, &config.events])?;
    let progress = progress::Progress::new(config.quiet);
    progress.step("loading and validating the inputs");
    let inputs = input::load(config)?;
    progress.step("joining and testing");
    let analysis = analysis::analyse(&inputs, config)?;
    progress.step("rendering the report");
    let files = render(&analysis, &inputs, config);
    progress.step("writing the report");
    output::write_report(&config.out_dir, &files)?;
    progress.finish();
    let headline = analysis::strongest(&analysis.window_tests).map_or_else(String::new, |t| {
        format!(
            "strongest window: {} {} {} days, {} observed vs {:.1} expected, exact shift p = {} (Holm {})",
            t.group,
            t.direction.as_str(),
            t.window_days,
            t.observed,
            t.expected,
            report::table::format_float(t.p_shift),
            report::table::format_float(t.p_shift_holm)
        )
    });
    Ok(RunSummary {
        out_dir: config.out_dir.clone(),
        files: files.iter().map(|f| f.path.clone()).collect(),
        headline,
    })
}

/// Every file of the report, manifest last.
pub fn render(
    analysis: &analysis::Analysis,
    inputs: &input::Inputs,
    config: &Config,
) -> Vec<ReportFile> {
    let mut files: Vec<ReportFile> = report::tables(analysis, &inputs.announcements)
        .into_iter()
        .map(|t| ReportFile { path: format!("tables/{}.csv", t.name), bytes: t.to_csv() })
        .collect();
    files.push(ReportFile {
        path: "summary.json".into(),
        bytes: report::summary_json(analysis, config, inputs.events.len()),
    });
    files.push(ReportFile {
        path: "summary.md".into(),
        bytes: report::summary_markdown(analysis, config).into_bytes(),
    });
    let manifest = output::manifest(config, &inputs.fingerprints, &files);
    files.push(ReportFile { path: output::MANIFEST.into(), bytes: manifest });
    files
}
