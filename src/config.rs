//! Settings, resolved once: built-in defaults, overridden by the TOML file,
//! overridden by command-line flags. The core never sees raw strings or
//! conflicting options; everything here is validated.
//!
//! Paths in a config file are relative to the file's own directory, so a
//! project folder can be moved as a whole. Paths given as flags are relative
//! to the current directory, as a shell user expects.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cli::{InputArgs, RunArgs};
use crate::error::{Error, Result};

/// The bundled announcements, compiled into the binary so that `northwind run`
/// works even without the repository's `data/` folder.
pub const EMBEDDED_ANNOUNCEMENTS: &str = include_str!("../data/announcements.csv");
/// The bundled event calendar (see `data/SOURCES.md`).
pub const EMBEDDED_EVENTS: &str = include_str!("../data/events.csv");

/// Name of the config file looked up in the current directory.
pub const DEFAULT_CONFIG_FILE: &str = "northwind.toml";
/// Default seed: the day the Ningbo restaurant workers were announced (2016-04-08).
pub const DEFAULT_SEED: u64 = 20_160_408;
/// Default number of Monte Carlo draws (permutations, random shifts, bootstrap resamples).
pub const DEFAULT_PERMUTATIONS: u32 = 9_999;
/// Default window widths in days.
pub const DEFAULT_WINDOWS: [u32; 5] = [7, 14, 30, 60, 90];
/// Upper bound on Monte Carlo draws, to keep memory bounded.
pub const MAX_PERMUTATIONS: u32 = 10_000_000;

/// Where an input table comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    File(PathBuf),
    Embedded { name: &'static str, text: &'static str },
}

impl InputSource {
    /// The name used in messages and in the manifest.
    pub fn display_name(&self) -> String {
        match self {
            InputSource::File(path) => path.display().to_string(),
            InputSource::Embedded { name, .. } => format!("embedded:{name}"),
        }
    }

    /// The input as a reader is told of it: the file's path, or for the
    /// embedded data, which copy it is.
    pub fn describe(&self) -> String {
        match self {
            InputSource::File(path) => path.display().to_string(),
            InputSource::Embedded { name, .. } => {
                format!("{name} (the bundled copy built into northwind)")
            }
        }
    }
}

impl Serialize for InputSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.display_name())
    }
}

/// How event kinds are gathered into groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupSpec {
    /// One group per kind prefix before the first `_` (`election_local` -> `election`).
    KindPrefix,
    /// Named groups, each a set of kinds; kinds in no group are ignored.
    Explicit(BTreeMap<String, Vec<String>>),
}

/// Canonical column names of the announcements file.
pub const ANNOUNCEMENT_COLUMNS: [&str; 11] = [
    "id",
    "announcement_date",
    "count",
    "name",
    "category",
    "people",
    "defection_date",
    "defection_date_precision",
    "announced_by",
    "source_url",
    "notes",
];
/// Canonical column names of the events file.
pub const EVENT_COLUMNS: [&str; 5] = ["date", "kind", "label", "country", "source_url"];

/// Maps canonical column names to the names used in a user's file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ColumnMap(BTreeMap<String, String>);

impl ColumnMap {
    /// The header name to look for in the file for canonical column `name`.
    pub fn header_for<'a>(&'a self, name: &'a str) -> &'a str {
        self.0.get(name).map_or(name, String::as_str)
    }

    /// A map from `(canonical, header)` pairs, unchecked (the config file path
    /// validates names; this is for library users and tests).
    pub fn renamed(pairs: &[(&str, &str)]) -> Self {
        ColumnMap(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn from_file(
        map: BTreeMap<String, String>,
        allowed: &[&str],
        section: &str,
        path: &str,
    ) -> Result<Self> {
        for (key, value) in &map {
            if !allowed.contains(&key.as_str()) {
                return Err(Error::Config {
                    path: path.to_string(),
                    message: format!(
                        "[{section}] has no column '{key}' to rename (known: {})",
                        allowed.join(", ")
                    ),
                });
            }
            if value.trim().is_empty() {
                return Err(Error::Config {
                    path: path.to_string(),
                    message: format!("[{section}] {key} must name a column, not be empty"),
                });
            }
        }
        Ok(ColumnMap(map))
    }
}

/// The resolved, validated settings of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
    pub announcements: InputSource,
    pub events: InputSource,
    pub announcement_columns: ColumnMap,
    pub event_columns: ColumnMap,
    /// chrono format of every date in the inputs.
    pub date_format: String,
    /// Period bounds; `None` means the first (last) announcement date.
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub groups: GroupSpec,
    /// Window widths W in days, sorted and distinct.
    pub windows: Vec<u32>,
    /// Count people instead of announcement rows.
    pub weight_by_people: bool,
    pub seed: u64,
    /// Monte Carlo draws B (bootstrap resamples, permutations).
    pub permutations: u32,
    pub out_dir: PathBuf,
    /// Which optional parts of the report to write.
    pub output: OutputParts,
    /// Peri-event histogram layout.
    pub peth: crate::stats::peth::PethSpec,
    /// Window terms of the Poisson regression.
    pub regression_terms: Vec<RegressionTerm>,
    /// Fixed effects of the Poisson regression.
    pub fixed_effects: Vec<FixedEffect>,
    /// Lags of the Newey-West (HAC) standard errors.
    pub hac_lags: usize,
    /// Pixel size of the PNG charts (and the SVGs' view box).
    pub chart_size: crate::charts::ChartSize,
    #[serde(skip)]
    pub quiet: bool,
    #[serde(skip)]
    pub threads: Option<usize>,
    /// The command line, for the manifest.
    pub command_line: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    #[serde(default)]
    input: FileInput,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    event_columns: BTreeMap<String, String>,
    #[serde(default)]
    period: FilePeriod,
    #[serde(default)]
    analysis: FileAnalysis,
    groups: Option<BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    output: FileOutput,
    #[serde(default)]
    charts: FileCharts,
    #[serde(default)]
    regression: FileRegression,
}

/// A window indicator in the regression: `<group>_<direction>_<W>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegressionTerm {
    pub name: String,
    pub group: String,
    pub direction: crate::model::Direction,
    pub window_days: u32,
}

impl RegressionTerm {
    /// Parses `election_before_30` (the group may itself contain `_`).
    pub fn parse(name: &str) -> Option<Self> {
        let mut parts = name.rsplitn(3, '_');
        let window_days = parts.next()?.parse::<u32>().ok().filter(|w| *w >= 1)?;
        let direction = match parts.next()? {
            "before" => crate::model::Direction::Before,
            "after" => crate::model::Direction::After,
            _ => return None,
        };
        let group = parts.next().filter(|g| !g.is_empty())?.to_string();
        Some(RegressionTerm { name: name.to_string(), group, direction, window_days })
    }
}

/// Calendar fixed effects the regression can add (dummies, first level dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixedEffect {
    Year,
    Month,
    Weekday,
}

/// Default regression terms (SPEC): before-election 30, after-sanctions 30.
pub const DEFAULT_TERMS: [&str; 2] = ["election_before_30", "sanctions_after_30"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRegression {
    terms: Option<Vec<String>>,
    fixed_effects: Option<Vec<FixedEffect>>,
    hac_lags: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCharts {
    width: Option<u32>,
    height: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInput {
    announcements: Option<PathBuf>,
    events: Option<PathBuf>,
    date_format: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePeriod {
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAnalysis {
    windows: Option<Vec<u32>>,
    weight_by_people: Option<bool>,
    seed: Option<u64>,
    permutations: Option<u32>,
    histogram_half_width: Option<u32>,
    bin_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOutput {
    dir: Option<PathBuf>,
    charts: Option<bool>,
    joined: Option<bool>,
}

/// The parts of the report a run may leave out, for large corpora and for
/// scripted runs that need only the tests: the charts (PNG, SVG and the
/// figures of `index.html`), and `tables/joined.csv`, one row per
/// announcement, the largest file by far. Every other table, `summary.json`,
/// `summary.md` and `index.html` are always written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OutputParts {
    pub charts: bool,
    pub joined: bool,
}

impl Default for OutputParts {
    fn default() -> Self {
        OutputParts { charts: true, joined: true }
    }
}

impl Config {
    /// Resolves the settings of `northwind run`.
    ///
    /// # Errors
    /// A config file that cannot be read or parsed, or any invalid value.
    pub fn for_run(args: &RunArgs, command_line: Vec<String>) -> Result<Self> {
        let mut config = Config::for_inputs(&args.input, command_line)?;
        if let Some(out) = &args.out {
            config.out_dir = out.clone();
        }
        if let Some(seed) = args.seed {
            config.seed = seed;
        }
        if let Some(b) = args.permutations {
            config.permutations = check_permutations(b, "--permutations")?;
        }
        if let Some(width) = args.width {
            config.chart_size.width = width;
        }
        if let Some(height) = args.height {
            config.chart_size.height = height;
        }
        check_chart_size(config.chart_size)?;
        if args.no_charts {
            config.output.charts = false;
        }
        if args.no_joined {
            config.output.joined = false;
        }
        if let Some(threads) = args.threads {
            if threads == 0 {
                return Err(Error::Usage("--threads must be at least 1".into()));
            }
            config.threads = Some(threads);
        }
        Ok(config)
    }

    /// Resolves the settings shared by every command (inputs and period).
    ///
    /// # Errors
    /// As [`Config::for_run`].
    pub fn for_inputs(args: &InputArgs, command_line: Vec<String>) -> Result<Self> {
        let config_file = match &args.config {
            Some(path) => Some(path.clone()),
            None => Some(PathBuf::from(DEFAULT_CONFIG_FILE)).filter(|p| p.is_file()),
        };
        let (file, base) = match &config_file {
            Some(path) => (read_config_file(path)?, path.parent().map(Path::to_path_buf)),
            None => (FileConfig::default(), None),
        };
        let config_name = config_file
            .as_ref()
            .map_or_else(|| "(defaults)".to_string(), |p| p.display().to_string());
        Config::resolve(args, config_file, file, base, config_name, command_line)
    }

    /// The settings a config file's text gives on its own (no flags; inputs
    /// it names are relative to the current directory): for fuzzing the
    /// whole run in memory.
    ///
    /// # Errors
    /// As [`Config::for_run`].
    pub fn from_config_text(text: &str, name: &str) -> Result<Self> {
        let file = parse_file_config(text, name)?;
        Config::resolve(&InputArgs::default(), None, file, None, name.to_string(), Vec::new())
    }

    /// Resolves flags over a parsed config file (read from `config_file`,
    /// whose directory `base` anchors relative paths) over the defaults.
    fn resolve(
        args: &InputArgs,
        config_file: Option<PathBuf>,
        file: FileConfig,
        base: Option<PathBuf>,
        config_name: String,
        command_line: Vec<String>,
    ) -> Result<Self> {
        let relative = |p: &Path| match &base {
            Some(dir) if p.is_relative() => dir.join(p),
            _ => p.to_path_buf(),
        };
        // With a config file, inputs default to data/ beside it; without one, to
        // the embedded copy of the bundled data.
        let default_source = |name: &'static str, text: &'static str| match &base {
            Some(dir) => InputSource::File(dir.join(name)),
            None => InputSource::Embedded { name, text },
        };
        // The embedded data are used only as a pair: one input of the user's
        // and one bundled would silently analyse one against the other.
        let named = |flag: bool, in_file: bool| flag || in_file;
        match (
            named(args.announcements.is_some(), file.input.announcements.is_some()),
            named(args.events.is_some(), file.input.events.is_some()),
        ) {
            (true, false) => return Err(missing_input("announcements", "events", &config_file)),
            (false, true) => return Err(missing_input("events", "announcements", &config_file)),
            _ => {}
        }
        let announcements = match (&args.announcements, &file.input.announcements) {
            (Some(flag), _) => InputSource::File(flag.clone()),
            (None, Some(path)) => InputSource::File(relative(path)),
            (None, None) => default_source("data/announcements.csv", EMBEDDED_ANNOUNCEMENTS),
        };
        let events = match (&args.events, &file.input.events) {
            (Some(flag), _) => InputSource::File(flag.clone()),
            (None, Some(path)) => InputSource::File(relative(path)),
            (None, None) => default_source("data/events.csv", EMBEDDED_EVENTS),
        };

        let date_format = file.input.date_format.unwrap_or_else(|| "%Y-%m-%d".to_string());
        check_date_format(&date_format, &config_name)?;

        let period_start = match (&args.start, &file.period.start) {
            (Some(flag), _) => Some(parse_setting_date(flag, "--start")?),
            (None, Some(text)) => {
                Some(parse_setting_date(text, "[period] start").map_err(|e| Error::Config {
                    path: config_name.clone(),
                    message: e.to_string(),
                })?)
            }
            (None, None) => None,
        };
        let period_end = match (&args.end, &file.period.end) {
            (Some(flag), _) => Some(parse_setting_date(flag, "--end")?),
            (None, Some(text)) => Some(parse_setting_date(text, "[period] end").map_err(|e| {
                Error::Config { path: config_name.clone(), message: e.to_string() }
            })?),
            (None, None) => None,
        };
        if let (Some(start), Some(end)) = (period_start, period_end) {
            if start > end {
                return Err(Error::Usage(format!(
                    "the study period starts ({start}) after it ends ({end})"
                )));
            }
        }

        let groups = match file.groups {
            None => GroupSpec::KindPrefix,
            Some(map) => {
                if map.is_empty() {
                    GroupSpec::KindPrefix
                } else {
                    for (name, kinds) in &map {
                        if name.trim().is_empty() || kinds.is_empty() {
                            return Err(Error::Config {
                                path: config_name,
                                message: format!(
                                    "[groups] '{}' must have a name and at least one kind",
                                    name.escape_debug()
                                ),
                            });
                        }
                        if let Some(c) = name.chars().find(|c| c.is_control()) {
                            return Err(Error::Config {
                                path: config_name,
                                message: format!(
                                    "[groups] '{}' holds the control character U+{:04X}; a group's name is shown in every table and chart: remove the character",
                                    name.escape_debug(),
                                    u32::from(c)
                                ),
                            });
                        }
                    }
                    GroupSpec::Explicit(map)
                }
            }
        };

        let mut windows = file.analysis.windows.unwrap_or_else(|| DEFAULT_WINDOWS.to_vec());
        windows.sort_unstable();
        windows.dedup();
        if windows.is_empty() || windows[0] == 0 {
            return Err(Error::Config {
                path: config_name,
                message: "[analysis] windows must list at least one width of 1 day or more".into(),
            });
        }
        let permutations = match file.analysis.permutations {
            Some(b) => check_permutations(b, "[analysis] permutations")
                .map_err(|e| Error::Config { path: config_name.clone(), message: e.to_string() })?,
            None => DEFAULT_PERMUTATIONS,
        };

        let half_width = file.analysis.histogram_half_width.unwrap_or(182);
        let bin_days = file.analysis.bin_days.unwrap_or(7);
        if bin_days == 0 || half_width == 0 || bin_days > half_width || half_width > 3660 {
            return Err(Error::Config {
                path: config_name,
                message: "[analysis] histogram_half_width must be 1 to 3660 days, and bin_days 1 to histogram_half_width".into(),
            });
        }
        let term_names =
            file.regression.terms.unwrap_or_else(|| DEFAULT_TERMS.map(String::from).to_vec());
        let mut regression_terms = Vec::new();
        for name in &term_names {
            match RegressionTerm::parse(name) {
                Some(term) => regression_terms.push(term),
                None => {
                    return Err(Error::Config {
                        path: config_name,
                        message: format!("[regression] term '{name}' is not <group>_<before|after>_<days>, e.g. election_before_30"),
                    })
                }
            }
        }
        let mut fixed_effects = file.regression.fixed_effects.unwrap_or_default();
        fixed_effects.dedup();

        Ok(Config {
            peth: crate::stats::peth::PethSpec { half_width, bin_days },
            regression_terms,
            fixed_effects,
            hac_lags: file.regression.hac_lags.unwrap_or(7),
            announcement_columns: ColumnMap::from_file(
                file.columns,
                &ANNOUNCEMENT_COLUMNS,
                "columns",
                &config_name,
            )?,
            event_columns: ColumnMap::from_file(
                file.event_columns,
                &EVENT_COLUMNS,
                "event_columns",
                &config_name,
            )?,
            config_file,
            announcements,
            events,
            date_format,
            period_start,
            period_end,
            groups,
            windows,
            weight_by_people: file.analysis.weight_by_people.unwrap_or(false),
            seed: file.analysis.seed.unwrap_or(DEFAULT_SEED),
            permutations,
            output: OutputParts {
                charts: file.output.charts.unwrap_or(OutputParts::default().charts),
                joined: file.output.joined.unwrap_or(OutputParts::default().joined),
            },
            out_dir: file
                .output
                .dir
                .map_or_else(|| relative(Path::new("reports")), |d| relative(&d)),
            chart_size: crate::charts::ChartSize {
                width: file.charts.width.unwrap_or(1200),
                height: file.charts.height.unwrap_or(675),
            },
            quiet: args.quiet,
            threads: None,
            command_line,
        })
    }

    /// The date format as a reader would write it, e.g. `YYYY-MM-DD`.
    pub fn date_format_hint(&self) -> String {
        date_format_hint(&self.date_format)
    }
}

/// The error for a run given one input but not the other.
fn missing_input(given: &str, missing: &str, config_file: &Option<PathBuf>) -> Error {
    let file = config_file.as_ref().map_or_else(
        || "no config file".to_string(),
        |p| format!("the config file {} does not name one", p.display()),
    );
    Error::Usage(format!(
        "the {given} file was given but no {missing} file ({file}): give it with --{missing} FILE, \
         or as `{missing} = \"FILE\"` under [input] in the config file. northwind does not analyse \
         your {given} against its bundled {missing}; to run on the bundled data, give neither."
    ))
}

fn read_config_file(path: &Path) -> Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    parse_file_config(&text, &path.display().to_string())
}

fn parse_file_config(text: &str, name: &str) -> Result<FileConfig> {
    toml::from_str(text).map_err(|e| Error::Config {
        path: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })
}

/// Parses the text of a config file (for fuzzing and property tests: the
/// parser must answer any text with settings or a located error, never panic).
///
/// # Errors
/// [`Error::Config`] naming `name` and the line and column of the problem.
pub fn parse_config_text(text: &str, name: &str) -> Result<()> {
    parse_file_config(text, name).map(|_| ())
}

/// Smallest and largest chart sides northwind draws legibly.
pub const CHART_SIDES: std::ops::RangeInclusive<u32> = 300..=8000;

fn check_chart_size(size: crate::charts::ChartSize) -> Result<()> {
    if CHART_SIDES.contains(&size.width) && CHART_SIDES.contains(&size.height) {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "chart size {}x{} is outside {}..={} pixels per side",
            size.width,
            size.height,
            CHART_SIDES.start(),
            CHART_SIDES.end()
        )))
    }
}

fn check_permutations(b: u32, what: &str) -> Result<u32> {
    if (1..=MAX_PERMUTATIONS).contains(&b) {
        Ok(b)
    } else {
        Err(Error::Usage(format!("{what} must be between 1 and {MAX_PERMUTATIONS}, not {b}")))
    }
}

fn parse_setting_date(text: &str, what: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::Usage(format!("{what}: '{text}' is not a date (expected YYYY-MM-DD)")))
}

fn check_date_format(format: &str, config_name: &str) -> Result<()> {
    use chrono::format::{Item, StrftimeItems};
    let bad = StrftimeItems::new(format).any(|item| matches!(item, Item::Error));
    if bad || !format.contains('%') {
        return Err(Error::Config {
            path: config_name.to_string(),
            message: format!("[input] date_format '{format}' is not a valid chrono format"),
        });
    }
    Ok(())
}

/// Turns a chrono format into the pattern a reader knows (`%Y-%m-%d` -> `YYYY-MM-DD`).
pub fn date_format_hint(format: &str) -> String {
    [
        ("%Y", "YYYY"),
        ("%m", "MM"),
        ("%d", "DD"),
        ("%y", "YY"),
        ("%e", "D"),
        ("%b", "Mon"),
        ("%B", "Month"),
        ("%F", "YYYY-MM-DD"),
    ]
    .iter()
    .fold(format.to_string(), |acc, (from, to)| acc.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("northwind.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn args_with(path: &Path) -> InputArgs {
        InputArgs { config: Some(path.to_path_buf()), ..InputArgs::default() }
    }

    #[test]
    fn without_a_config_file_the_embedded_data_is_used() {
        // Resolved with no file at all, whatever the current directory holds.
        let config = Config::resolve(
            &InputArgs::default(),
            None,
            FileConfig::default(),
            None,
            "(defaults)".into(),
            vec![],
        )
        .unwrap();
        assert_eq!(
            config.announcements,
            InputSource::Embedded { name: "data/announcements.csv", text: EMBEDDED_ANNOUNCEMENTS }
        );
        assert_eq!(
            config.events,
            InputSource::Embedded { name: "data/events.csv", text: EMBEDDED_EVENTS }
        );
        assert_eq!(config.windows, DEFAULT_WINDOWS);
        assert_eq!(config.seed, DEFAULT_SEED);
        assert_eq!(config.out_dir, PathBuf::from("reports"));
    }

    #[test]
    fn config_paths_are_relative_to_the_config_file() {
        let (dir, path) =
            write_config("[input]\nannouncements = \"a.csv\"\nevents = \"cal/e.csv\"\n");
        let config = Config::for_inputs(&args_with(&path), vec![]).unwrap();
        assert_eq!(config.announcements, InputSource::File(dir.path().join("a.csv")));
        assert_eq!(config.events, InputSource::File(dir.path().join("cal/e.csv")));
        assert_eq!(config.out_dir, dir.path().join("reports"));
        let (dir, path) = write_config("[analysis]\nseed = 3\n");
        let config = Config::for_inputs(&args_with(&path), vec![]).unwrap();
        assert_eq!(config.events, InputSource::File(dir.path().join("data/events.csv")));
    }

    #[test]
    fn one_input_without_the_other_is_refused_never_mixed_with_the_bundled_data() {
        let (_dir, empty) = write_config("");
        for args in [
            InputArgs { announcements: Some("mine.csv".into()), ..args_with(&empty) },
            InputArgs { events: Some("cal.csv".into()), ..args_with(&empty) },
        ] {
            let err = Config::for_inputs(&args, vec![]).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            let text = err.to_string();
            let missing = if args.events.is_some() { "announcements" } else { "events" };
            assert!(text.contains(&format!("no {missing} file")), "{text}");
            assert!(text.contains(&format!("--{missing} FILE")), "{text}");
        }
        let (_dir, only_announcements) = write_config("[input]\nannouncements = \"a.csv\"\n");
        let err = Config::for_inputs(&args_with(&only_announcements), vec![]).unwrap_err();
        assert!(err.to_string().contains("does not name one"), "{err}");
        // A flag for one and the config file for the other is a pair.
        let (dir, events_only) = write_config("[input]\nevents = \"e.csv\"\n");
        let args = InputArgs { announcements: Some("mine.csv".into()), ..args_with(&events_only) };
        let config = Config::for_inputs(&args, vec![]).unwrap();
        assert_eq!(config.events, InputSource::File(dir.path().join("e.csv")));
    }

    #[test]
    fn flags_override_the_config_file() {
        let (_dir, path) = write_config(
            "[period]\nstart = \"2000-01-01\"\n[analysis]\nseed = 5\npermutations = 99\n",
        );
        let run = RunArgs {
            input: InputArgs { start: Some("2001-02-03".into()), ..args_with(&path) },
            seed: Some(9),
            ..RunArgs::default()
        };
        let config = Config::for_run(&run, vec![]).unwrap();
        assert_eq!(config.period_start, NaiveDate::from_ymd_opt(2001, 2, 3));
        assert_eq!(config.seed, 9);
        assert_eq!(config.permutations, 99);
    }

    #[test]
    fn charts_and_joined_can_be_left_out_by_file_or_flag() {
        let default = Config::for_run(&RunArgs::default(), vec![]).unwrap();
        assert_eq!(default.output, OutputParts { charts: true, joined: true });
        let (_dir, path) = write_config("[output]\ncharts = false\n");
        let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
        let config = Config::for_run(&run, vec![]).unwrap();
        assert_eq!(config.output, OutputParts { charts: false, joined: true });
        let run = RunArgs { input: args_with(&path), no_joined: true, ..RunArgs::default() };
        let config = Config::for_run(&run, vec![]).unwrap();
        assert_eq!(config.output, OutputParts { charts: false, joined: false });
    }

    #[test]
    fn unknown_settings_are_rejected_with_the_file_name() {
        let (_dir, path) = write_config("[analysis]\nwindow = [7]\n");
        let err = Config::for_inputs(&args_with(&path), vec![]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("northwind.toml"), "{err}");
        assert!(err.to_string().contains("window"), "{err}");
    }

    #[test]
    fn windows_are_sorted_deduplicated_and_positive() {
        let (_dir, path) = write_config("[analysis]\nwindows = [30, 7, 30]\n");
        let config = Config::for_inputs(&args_with(&path), vec![]).unwrap();
        assert_eq!(config.windows, vec![7, 30]);
        let (_dir, path) = write_config("[analysis]\nwindows = [0]\n");
        assert!(Config::for_inputs(&args_with(&path), vec![]).is_err());
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_a_usage_error() {
        let args = InputArgs {
            start: Some("2020-01-02".into()),
            end: Some("2020-01-01".into()),
            ..InputArgs::default()
        };
        let err = Config::for_inputs(&args, vec![]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn column_renames_must_name_known_columns() {
        let (_dir, path) = write_config("[columns]\nidentifier = \"case\"\n");
        let err = Config::for_inputs(&args_with(&path), vec![]).unwrap_err();
        assert!(err.to_string().contains("identifier"), "{err}");
        let (_dir, path) = write_config("[columns]\nid = \"case\"\n");
        let config = Config::for_inputs(&args_with(&path), vec![]).unwrap();
        assert_eq!(config.announcement_columns.header_for("id"), "case");
        assert_eq!(config.announcement_columns.header_for("people"), "people");
    }

    #[test]
    fn regression_terms_parse_from_the_right() {
        let term = RegressionTerm::parse("north_korea_tests_after_14").unwrap();
        assert_eq!(term.group, "north_korea_tests");
        assert_eq!(term.direction, crate::model::Direction::After);
        assert_eq!(term.window_days, 14);
        assert!(RegressionTerm::parse("election_during_30").is_none());
        assert!(RegressionTerm::parse("election_before_0").is_none());
        assert!(RegressionTerm::parse("_before_3").is_none());
    }

    #[test]
    fn date_format_hints_read_like_the_pattern() {
        assert_eq!(date_format_hint("%Y-%m-%d"), "YYYY-MM-DD");
        assert_eq!(date_format_hint("%d/%m/%Y"), "DD/MM/YYYY");
    }
}
