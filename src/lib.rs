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
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod analysis;
pub mod charts;
pub mod cli;
pub mod config;
pub mod digest;
pub mod error;
pub mod input;
pub mod join;
pub mod markup;
pub mod messages;
pub mod model;
pub mod output;
pub mod progress;
pub mod report;
pub mod sim;
pub mod slug;
pub mod stats;
pub mod synth;
pub mod table;
pub mod wording;

use std::path::PathBuf;

use config::Config;
use error::{Error, Result};
use messages::catalogue::Language;
use output::GroupFiles;
use report::ReportFile;

/// What `northwind check` found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSummary {
    pub announcements: u64,
    pub events: usize,
    pub period: model::Period,
    /// Which two files were read ([`inputs_line`]).
    pub inputs: String,
    /// The announcements left out because they fall outside the period.
    pub outside_period: model::OutsidePeriod,
    /// Whether the announcements file has no id column.
    pub ids_by_line: bool,
}

impl std::fmt::Display for CheckSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ok: {} announcements, {} events, period {}..{}\n{}",
            self.announcements, self.events, self.period.start, self.period.end, self.inputs
        )?;
        if let Some(line) = outside_period_line(&self.outside_period, &self.period) {
            write!(f, "\n{line}")?;
        }
        if self.ids_by_line {
            write!(f, "\n{IDS_BY_LINE}")?;
        }
        Ok(())
    }
}

/// The terminal's line for an announcements file without an id column: a
/// forgotten `[columns] id` mapping would otherwise go unnoticed.
pub const IDS_BY_LINE: &str = "no id column in the announcements file: cases go by their name or line; if a column holds ids, name it in northwind.toml ([columns] id = \"...\")";

/// The line that says how many announcements the study period left out,
/// for the terminal; none when it left out none.
pub fn outside_period_line(
    outside: &model::OutsidePeriod,
    period: &model::Period,
) -> Option<String> {
    (outside.total() > 0).then(|| {
        format!(
            "left out {} announcements outside the study period {}..{} ({} before it, {} after it)",
            outside.total(),
            period.start,
            period.end,
            outside.before,
            outside.after
        )
    })
}

/// The line that names the two inputs of a run, for the terminal.
pub fn inputs_line(config: &Config) -> String {
    format!(
        "announcements: {}\nevents: {}",
        config.announcements.describe(),
        config.events.describe()
    )
}

/// Validates the inputs without writing anything.
///
/// # Errors
/// Every input problem ([`Error::Input`]), or an unreadable file.
pub fn check(config: &Config) -> Result<CheckSummary> {
    let inputs = input::load(&config.input_spec())?;
    Ok(CheckSummary {
        announcements: inputs.announcements.total(),
        events: inputs.events.len(),
        period: inputs.period,
        inputs: inputs_line(config),
        outside_period: inputs.outside_period,
        ids_by_line: inputs.announcements.ids_by_line(),
    })
}

/// Writes a synthetic data set (`northwind synth`).
///
/// # Errors
/// A bad flag value, or files that exist without `--force`.
pub fn synth(args: &cli::SynthArgs) -> Result<String> {
    let start = chrono::NaiveDate::parse_from_str(&args.start, "%Y-%m-%d").map_err(|_| {
        Error::Usage(format!("--start: '{}' is not a date (expected YYYY-MM-DD)", args.start))
    })?;
    if !(args.planted_rate_ratio.is_finite() && args.planted_rate_ratio >= 0.0) {
        return Err(Error::Usage("--planted-rate-ratio must be a number of 0 or more".into()));
    }
    if args.years == 0 || args.years > 1000 || args.planted_window == 0 {
        return Err(Error::Usage(
            "--years must be 1 to 1000 and --planted-window at least 1".into(),
        ));
    }
    let spec = synth::SynthSpec {
        announcements: args.announcements,
        years: args.years,
        start,
        seed: args.seed,
        planted_rate_ratio: args.planted_rate_ratio,
        planted_window: args.planted_window,
        mean_delay: args.mean_delay,
        ..synth::SynthSpec::default()
    };
    let data = synth::generate(&spec);
    let (announcements, events) = synth::to_csv(&data);
    output::write_inputs(
        &args.out,
        &[("announcements.csv", announcements), ("events.csv", events)],
        args.force,
    )?;
    Ok(format!(
        "wrote {} announcements and {} events ({}..{}) to {}",
        data.announcements.len(),
        data.events.len(),
        data.period.start,
        data.period.end,
        args.out.display()
    ))
}

/// What `northwind run` wrote.
#[derive(Debug, Clone)]
pub struct RunSummary {
    pub out_dir: PathBuf,
    pub files: Vec<String>,
    /// The one-sentence headline, for the terminal.
    pub headline: String,
    /// Which two files were analysed ([`inputs_line`]), and what the study
    /// period left out of them.
    pub inputs: String,
    /// What the run did not use of the settings (a label naming nothing),
    /// for the terminal.
    pub warnings: Vec<String>,
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
    let inputs = input::load(&config.input_spec())?;
    progress.step("joining and testing");
    let analysis = analysis::analyse(&inputs, &config.analysis_settings())?;
    progress.step("reading the previous report, rendering tables and charts");
    let header = config.manifest_header();
    let id_column = config.announcement_columns.header_for("id");
    let previous = output::read_previous(&config.out_dir)
        .and_then(|files| report::changes::parse_previous(&files, id_column));
    let changes = previous.map(|previous| {
        use report::changes::{compare, RunFacts, Snapshot};
        // This run's cases are listed only if the previous report's were
        // (a report written with --no-joined has none to compare with).
        let cases = previous
            .cases
            .as_ref()
            .and_then(|_| report::changes::cases_by_id(&inputs.announcements.raw, id_column));
        let now = Snapshot::of_run(RunFacts {
            settings: header.config.clone(),
            inputs: &inputs.fingerprints,
            period: &analysis.period,
            groups: &analysis.groups,
            events: &inputs.events,
            cases,
            tests: &analysis.window_tests,
        });
        compare(&previous, &now)
    });
    let files = render(&analysis, &inputs, config, changes.as_ref())?;
    progress.step(if config.output.joined {
        "writing the report (joined.csv is rendered as it is written)"
    } else {
        "writing the report"
    });
    let group_files = report_group_files(&analysis, &files);
    output::write_report(&config.out_dir, &files, |written| {
        output::manifest(&header, &inputs.fingerprints, &group_files, written)
    })?;
    progress.finish();
    // The charts' sentence, with plain spaces for the terminal (the charts
    // keep "p = 0.03" together with no-break spaces).
    let headline = analysis::strongest(&analysis.window_tests)
        .map_or_else(String::new, |t| messages::headline(t, config.first_wording()))
        .replace('\u{a0}', " ");
    Ok(RunSummary {
        out_dir: config.out_dir.clone(),
        files: files
            .iter()
            .map(|f| f.path.clone())
            .chain(std::iter::once(output::MANIFEST.to_string()))
            .collect(),
        headline,
        inputs: [
            Some(inputs_line(config)),
            outside_period_line(&analysis.outside_period, &analysis.period),
            analysis.ids_by_line.then(|| IDS_BY_LINE.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n"),
        warnings: config
            .wordings
            .iter()
            .flat_map(|w| w.unused_labels(&references(&analysis)))
            .collect(),
    })
}

/// Every chart in the language of `wording`, rendered in parallel, in
/// report order (timeline first).
///
/// # Errors
/// [`Error::Chart`] if a chart cannot be drawn.
pub fn render_charts(
    analysis: &analysis::Analysis,
    config: &Config,
    wording: &wording::Wording,
) -> Result<Vec<charts::Rendered>> {
    use charts::{render, specs};
    use rayon::prelude::*;
    type Job<'a> = Box<dyn Fn() -> Result<charts::Rendered> + Send + Sync + 'a>;
    let settings = config.chart_settings(wording);
    let problems = settings.wording.unknown_annotations(&references(analysis));
    if !problems.is_empty() {
        let path = config
            .config_file
            .as_ref()
            .map_or_else(|| "(settings)".to_string(), |p| p.display().to_string());
        return Err(Error::Config { path, message: problems.join("\n") });
    }
    let settings = &settings;
    let words = &settings.wording;
    let mut jobs: Vec<Job> = vec![
        Box::new(move || render(&specs::timeline(analysis, words), settings)),
        Box::new(move || render(&specs::monthly_counts(analysis, words), settings)),
    ];
    for chart in specs::sensitivity(analysis, words) {
        jobs.push(Box::new(move || render(&chart, settings)));
    }
    for chart in specs::peri_event(analysis, words) {
        jobs.push(Box::new(move || render(&chart, settings)));
    }
    for chart in specs::phase(analysis, words) {
        jobs.push(Box::new(move || render(&chart, settings)));
    }
    // Nothing to show, no chart: summary.md says why.
    if let Some(chart) = specs::delay_histogram(analysis, words) {
        jobs.push(Box::new(move || render(&chart, settings)));
    }
    jobs.push(Box::new(move || render(&specs::weekday(analysis, words), settings)));
    jobs.par_iter().map(|job| job()).collect()
}

/// What the data hold, for the newsroom's labels and annotations.
fn references(analysis: &analysis::Analysis) -> wording::References<'_> {
    wording::References {
        groups: analysis.groups.iter().map(|g| g.name.as_str()).collect(),
        categories: analysis.cases.categories.iter().map(String::as_str).collect(),
        case_ids: analysis.cases.marks.iter().map(|m| m.id.as_str()).collect(),
        event_days: analysis.groups.iter().flat_map(|g| &g.days).collect(),
    }
}

/// Every file of the report but the manifest, which [`output::write_report`]
/// adds from the bytes it wrote. `changes` is the comparison with the
/// previous report in the output directory, if there was one.
///
/// # Errors
/// [`Error::Chart`] if a chart cannot be drawn.
pub fn render<'a>(
    analysis: &'a analysis::Analysis,
    inputs: &'a input::Inputs,
    config: &Config,
    changes: Option<&report::changes::Changes>,
) -> Result<Vec<ReportFile<'a>>> {
    let table = &inputs.announcements;
    let mut files = Vec::new();
    if config.output.joined {
        files.push(ReportFile {
            path: "tables/joined.csv".into(),
            body: report::Body::Stream(Box::new(move |out: &mut (dyn std::io::Write + Send)| {
                report::write_joined_csv(analysis, table, out)
            })),
            group: None,
        });
    }
    files.extend(
        report::tables(analysis)
            .into_iter()
            .map(|t| ReportFile::bytes(format!("tables/{}.csv", t.name), t.to_csv())),
    );
    files.extend(analysis.groups.iter().zip(report::peth_tables(analysis)).map(|(g, t)| {
        ReportFile::bytes(format!("tables/{}.csv", t.name), t.to_csv()).of_group(&g.name)
    }));
    let bundled_data = are_bundled(&inputs.fingerprints);
    let encoding = |i: usize| inputs.fingerprints.get(i).map_or("UTF-8", |f| f.encoding);
    let encodings = [encoding(0), encoding(1)];
    // Each language's page, for the links between them.
    let pages: Vec<(Language, String)> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, &language)| (language, format!("index{}.html", suffix(i, language))))
        .collect();
    for (i, wording) in config.wordings.iter().enumerate() {
        let language = wording.words.language;
        let suffix = suffix(i, language);
        let report_settings =
            report::Settings { bundled_data, encodings, ..config.report_settings(wording) };
        let markdown = report::summary_markdown(analysis, &report_settings, changes);
        let rendered = if config.output.charts {
            render_charts(analysis, config, wording)?
        } else {
            Vec::new()
        };
        let others: Vec<(Language, String)> =
            pages.iter().filter(|(other, _)| *other != language).cloned().collect();
        let page = report::html::index_html(&report::html::Page {
            summary: &markdown,
            figures: &rendered,
            cases: &analysis.cases,
            parts: config.output,
            title: &report_settings.title(),
            wording,
            suffix: &suffix,
            other_languages: &others,
        });
        files.push(ReportFile::bytes(format!("index{suffix}.html"), page.into_bytes()));
        files.push(ReportFile::bytes(
            format!("summary{suffix}.md"),
            markdown.to_markdown().into_bytes(),
        ));
        if !rendered.is_empty() {
            let alt = report::alt_markdown(&rendered, wording, &suffix);
            files.push(ReportFile::bytes(format!("charts/alt{suffix}.md"), alt.into_bytes()));
        }
        for chart in rendered {
            let (name, group) = (chart.name, chart.group);
            let file = |extension: &str, bytes: Vec<u8>| ReportFile {
                group: group.clone(),
                ..ReportFile::bytes(format!("charts/{name}{suffix}.{extension}"), bytes)
            };
            files.push(file("csv", chart.data.to_csv()));
            files.push(file("png", chart.png));
            if let Some(pdf) = chart.pdf {
                files.push(file("pdf", pdf));
            }
            files.push(file("svg", chart.svg.into_bytes()));
        }
    }
    let report_settings = report::Settings {
        bundled_data,
        encodings,
        ..config.report_settings(config.first_wording())
    };
    if config.output.csv_bom {
        files = files
            .into_iter()
            .map(|f| if f.path.ends_with(".csv") { f.with_bom() } else { f })
            .collect();
    }
    // Last, so that it can say which files are each group's.
    let group_files = report_group_files(analysis, &files);
    files.push(ReportFile::bytes(
        "summary.json",
        report::summary_json(analysis, &report_settings, &inputs.events, changes, &group_files),
    ));
    Ok(files)
}

/// What the files of the report's `i`-th language add to their names: nothing
/// for the first, `.ko` and the like for the others.
fn suffix(i: usize, language: Language) -> String {
    if i == 0 {
        String::new()
    } else {
        language.file_suffix()
    }
}

/// Whether the inputs are the bundled data, byte for byte.
fn are_bundled(fingerprints: &[input::InputFingerprint]) -> bool {
    let bundled = [config::EMBEDDED_ANNOUNCEMENTS, config::EMBEDDED_EVENTS];
    fingerprints.len() == 2
        && fingerprints
            .iter()
            .zip(bundled)
            .all(|(f, text)| f.sha256 == digest::sha256_hex(text.as_bytes()))
}

/// Which files of `files` belong to each event group, with the slug that
/// names them.
fn report_group_files(analysis: &analysis::Analysis, files: &[ReportFile]) -> Vec<GroupFiles> {
    output::group_files(analysis.groups.iter().map(|g| (g.name.as_str(), g.slug.as_str())), files)
}
