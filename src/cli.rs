//! Command-line interface (clap derive). No logic lives here: the parsed
//! flags become one layer of settings ([`RunArgs::settings`]), which
//! [`crate::config::Config::from_flags`] merges over the config file and the
//! defaults and validates.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::{defaults, Partial, Sourced};

const EXAMPLES: &str = "\
Examples:
  northwind run
      Analyse the bundled data (northwind.toml in the current directory, or the
      embedded copy of data/) and write the report to reports/.
  northwind run --announcements alerts.csv --events elections.csv --out alerts-report
      Analyse your own data with the default settings.
  northwind check --announcements data/announcements.csv
      Validate the inputs and list every problem, without writing anything.

Exit status: 0 on success, 2 on bad input, flags or configuration, 1 on an
internal failure (for example a disk that cannot be written).";

/// Do announcements cluster around political events?
///
/// northwind reads a CSV of dated announcements and a CSV of events (elections,
/// sanctions rounds, nuclear tests, ...), joins each announcement to the nearest
/// events, and tests whether announcements fall in the days before or after
/// events more often than chance would give. It writes tables and a
/// plain-words summary to a report directory.
#[derive(Debug, Parser)]
#[command(name = "northwind", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole analysis and write the report.
    ///
    /// The report is built in a temporary directory next to the output
    /// directory and moved into place only when everything succeeded, so a
    /// failed run leaves the previous report as it was.
    Run(Box<RunArgs>),
    /// Validate the inputs and print a one-line summary, or every problem found.
    ///
    /// Nothing is written. The exit status is 0 when the inputs are valid and 2
    /// when they are not.
    Check(InputArgs),
    /// Write synthetic announcements and events, reproducible from a seed.
    ///
    /// For benchmarks and for checking the tests on data whose truth is known:
    /// with --planted-rate-ratio 1 (the default) the data follow the null
    /// hypothesis; with 3, days in the 30 days before an election are three
    /// times as likely to get an announcement.
    Synth(SynthArgs),
}

/// Options of `northwind synth`.
#[derive(Debug, Clone, Args)]
pub struct SynthArgs {
    /// Directory to write announcements.csv and events.csv into.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Number of announcements.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub announcements: usize,
    /// Length of the period in years.
    #[arg(long, value_name = "YEARS", default_value_t = 30)]
    pub years: u32,
    /// First day of the period, as YYYY-MM-DD.
    #[arg(long, value_name = "DATE", default_value = "1995-01-01")]
    pub start: String,
    /// Seed of the generator.
    #[arg(long, value_name = "N", default_value_t = crate::model::DEFAULT_SEED)]
    pub seed: u64,
    /// How many times more likely an announcement is on a day inside the planted windows.
    #[arg(long, value_name = "RATIO", default_value_t = 1.0)]
    pub planted_rate_ratio: f64,
    /// Width of the planted windows in days (before elections).
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    pub planted_window: u32,
    /// Also write defection dates, with geometric delays of this mean (days).
    #[arg(long, value_name = "DAYS")]
    pub mean_delay: Option<f64>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// Options shared by every command: where the inputs are and which period to study.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// Read settings from this TOML file. Without it, northwind.toml in the
    /// current directory is used if it exists; otherwise built-in defaults and
    /// the embedded copy of the bundled data.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The announcements CSV (overrides the config file).
    #[arg(long, value_name = "FILE")]
    pub announcements: Option<PathBuf>,

    /// The events CSV (overrides the config file).
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,

    /// First day of the study period, as YYYY-MM-DD. The default is the first
    /// announcement date.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,

    /// Last day of the study period (inclusive), as YYYY-MM-DD. The default is
    /// the last announcement date.
    #[arg(long, value_name = "DATE")]
    pub end: Option<String>,

    /// Print nothing but errors, and no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

impl InputArgs {
    /// These flags as a layer of settings (see [`crate::config`]).
    pub fn settings(&self) -> Partial {
        Partial {
            config_file: self.config.clone(),
            announcements: self.announcements.clone(),
            events: self.events.clone(),
            period_start: self.start.clone().map(|v| Sourced::flag(v, "--start")),
            period_end: self.end.clone().map(|v| Sourced::flag(v, "--end")),
            quiet: self.quiet.then_some(true),
            ..Partial::default()
        }
    }
}

impl RunArgs {
    /// These flags as a layer of settings (see [`crate::config`]).
    pub fn settings(&self) -> Partial {
        Partial {
            out_dir: self.out.clone(),
            seed: self.seed,
            permutations: self.permutations.map(|b| Sourced::flag(b, "--permutations")),
            chart_width: self.width.or(self.size.map(|p| p.size().0)),
            chart_height: self.height.or(self.size.map(|p| p.size().1)),
            chart_source: self.source.clone().map(|s| Sourced::flag(s, "--source")),
            chart_byline: self.byline.clone().map(|s| Sourced::flag(s, "--byline")),
            chart_note: self.note.clone().map(|s| Sourced::flag(s, "--note")),
            chart_theme: self.theme,
            chart_pdf: (self.pdf || self.size == Some(crate::model::ChartPreset::Print))
                .then_some(true),
            report_title: self.title.clone().map(|s| Sourced::flag(s, "--title")),
            languages: self.lang.clone().map(|s| Sourced::flag(s, "--lang")),
            charts: self.no_charts.then_some(false),
            joined: self.no_joined.then_some(false),
            csv_bom: self.no_bom.then_some(false),
            threads: self.threads,
            ..self.input.settings()
        }
    }
}

/// Options of `northwind run`.
#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write the report to this directory. An existing directory is replaced
    /// only if northwind wrote it (it holds northwind's manifest.json).
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Seed for every random draw (bootstrap, permutations). The same inputs,
    /// settings and seed give byte-identical tables, whatever the thread count.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Number of random resamples for Monte Carlo tests and bootstrap intervals.
    #[arg(long, value_name = "B")]
    pub permutations: Option<u32>,

    /// Chart size for where the charts go: article (1200x675, the default),
    /// phone (640x800), square (1080x1080) or print (1000x700, with a vector
    /// PDF of each chart). --width and --height override it.
    #[arg(long, value_name = "PRESET")]
    pub size: Option<crate::model::ChartPreset>,

    /// Chart colours: light (the default) or dark, for a site's dark mode.
    #[arg(long, value_name = "THEME")]
    pub theme: Option<crate::model::Theme>,

    /// Write a vector PDF of each chart beside its PNG and SVG, fonts embedded.
    #[arg(long)]
    pub pdf: bool,

    /// The report's language: en (the default) or ko; both, as en,ko,
    /// write a report in each (index.html and index.ko.html, summary.md and
    /// summary.ko.md, charts in both), the first under the plain names.
    #[arg(long, value_name = "LANG[,LANG]")]
    pub lang: Option<String>,

    /// The report's title (index.html and summary.md).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// The source line under every chart, e.g. "Source: Ministry of
    /// Unification". Default: the bundled data's sources, or "Chart:
    /// northwind" for other data.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// The credit at the right of every chart's source line, e.g. "Graphic:
    /// Kim Ji-won / The Daily".
    #[arg(long, value_name = "TEXT")]
    pub byline: Option<String>,

    /// A note under every chart, above the source line.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    #[arg(long, value_name = "PX", help = format!("Width of the PNG charts in pixels (default {})", defaults::CHART_WIDTH))]
    pub width: Option<u32>,

    #[arg(long, value_name = "PX", help = format!("Height of the PNG charts in pixels (default {})", defaults::CHART_HEIGHT))]
    pub height: Option<u32>,

    /// Leave out the charts: no PNG or SVG files, and no figures in index.html
    /// (the tables and the summaries are the same).
    #[arg(long)]
    pub no_charts: bool,

    /// Leave out tables/joined.csv, the nearest events of every announcement
    /// (the largest file by far). The next run then cannot say which cases are new.
    #[arg(long)]
    pub no_joined: bool,

    /// Write the CSV files without the UTF-8 byte-order mark that Excel needs
    /// to read them as UTF-8 (for tools that keep it as part of the first
    /// column's name, such as R's read.csv).
    #[arg(long)]
    pub no_bom: bool,

    /// Number of worker threads (default: one per core). Results do not depend on it.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn run_accepts_every_documented_flag() {
        let cli = Cli::try_parse_from([
            "northwind",
            "run",
            "--config",
            "c.toml",
            "--announcements",
            "a.csv",
            "--events",
            "e.csv",
            "--out",
            "r",
            "--start",
            "2000-01-01",
            "--end",
            "2001-01-01",
            "--seed",
            "7",
            "--permutations",
            "99",
            "--quiet",
        ])
        .unwrap();
        let Command::Run(args) = cli.command else { panic!("expected run") };
        assert_eq!(args.seed, Some(7));
        assert_eq!(args.permutations, Some(99));
        assert!(args.input.quiet);
        assert_eq!(args.input.start.as_deref(), Some("2000-01-01"));
    }
}
