//! Settings, resolved once at the top: built-in defaults, overridden by the
//! TOML file, overridden by command-line flags. Each layer is a [`Partial`]
//! (every setting optional); they are merged in that order and validated
//! once, into the [`Config`] that `main` hands to the library. The stages
//! below never see raw strings or conflicting options, and none of them
//! imports this module: each takes its own narrow settings, made here.
//!
//! Paths in a config file are relative to the file's own directory, so a
//! project folder can be moved as a whole. Paths given as flags are relative
//! to the current directory, as a shell user expects.

pub mod defaults;
pub mod file;
mod input_format;
mod validate;
pub mod wording;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
pub use crate::input::date_format_hint;
use crate::messages::catalogue::Language;
pub use crate::model::{
    ColumnMap, FixedEffect, GroupSpec, InputSource, OutputParts, RegressionTerm,
    ANNOUNCEMENT_COLUMNS, DEFAULT_SEED, EVENT_COLUMNS,
};
use crate::wording::{ChartKind, TextOverrides, Wording};
pub use defaults::{
    DEFAULT_CONFIG_FILE, DEFAULT_PERMUTATIONS, DEFAULT_TERMS, DEFAULT_WINDOWS, MAX_PERMUTATIONS,
};
use input_format::InputFile;
use validate::{
    check_chart_size, check_group_names, check_languages, check_permutations, column_map,
    missing_input, parse_setting_date,
};
pub use wording::TermSettings;
use wording::WordSettings;

/// The bundled announcements, compiled into the binary so that `northwind run`
/// works even without the repository's `data/` folder.
pub const EMBEDDED_ANNOUNCEMENTS: &str = include_str!("../../data/announcements.csv");
/// The bundled data's config file: its words (the source line, the terms,
/// the Korean labels) go with the embedded data.
pub const EMBEDDED_CONFIG: &str = include_str!("../../northwind.toml");
/// The bundled event calendar (see `data/SOURCES.md`).
pub const EMBEDDED_EVENTS: &str = include_str!("../../data/events.csv");

/// A setting that can come from a flag or from the config file, with where
/// it came from, so that an invalid value is reported where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    /// The flag (`--start`) or the config file and key (`[period] start`).
    pub origin: Origin,
}

/// Where a [`Sourced`] setting was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag(&'static str),
    File { path: String, key: String },
}

impl<T> Sourced<T> {
    pub fn flag(value: T, flag: &'static str) -> Self {
        Sourced { value, origin: Origin::Flag(flag) }
    }

    pub fn file(value: T, path: &str, key: impl Into<String>) -> Self {
        Sourced { value, origin: Origin::File { path: path.to_string(), key: key.into() } }
    }

    /// An error about this setting: a usage error naming the flag, or a
    /// config error naming the file and the key.
    fn error(&self, message: impl FnOnce(&str) -> String) -> Error {
        match &self.origin {
            Origin::Flag(flag) => Error::Usage(message(flag)),
            Origin::File { path, key } => {
                Error::Config { path: path.clone(), message: message(key) }
            }
        }
    }
}

/// Every setting, each optional: one layer of the resolution (the defaults,
/// the config file, or the flags).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Partial {
    /// The config file named by `--config` (flags only).
    pub config_file: Option<PathBuf>,
    pub announcements: Option<PathBuf>,
    pub events: Option<PathBuf>,
    pub announcement_columns: Option<BTreeMap<String, String>>,
    pub event_columns: Option<BTreeMap<String, String>>,
    /// `[input]`'s reading settings (dates, time zone, delimiter, encoding).
    pub read: Option<input_format::ReadSettings>,
    pub period_start: Option<Sourced<String>>,
    pub period_end: Option<Sourced<String>>,
    pub groups: Option<BTreeMap<String, Vec<String>>>,
    pub windows: Option<Vec<u32>>,
    pub weight_by_people: Option<bool>,
    pub seed: Option<u64>,
    pub permutations: Option<Sourced<u32>>,
    pub histogram_half_width: Option<u32>,
    pub local_shift_days: Option<u32>,
    /// `[analysis] group_by`: `kind_prefix`, `one` or `column`.
    pub group_by: Option<String>,
    pub bin_days: Option<u32>,
    pub out_dir: Option<PathBuf>,
    pub charts: Option<bool>,
    pub joined: Option<bool>,
    pub csv_bom: Option<bool>,
    pub chart_width: Option<u32>,
    pub chart_height: Option<u32>,
    pub chart_source: Option<Sourced<String>>,
    pub chart_byline: Option<Sourced<String>>,
    pub chart_note: Option<Sourced<String>>,
    pub chart_theme: Option<crate::model::Theme>,
    pub chart_pdf: Option<bool>,
    /// Per chart: `[charts.timeline]` and the like.
    pub chart_words: Option<BTreeMap<ChartKind, TextOverrides>>,
    pub report_title: Option<Sourced<String>>,
    pub report_subtitle: Option<Sourced<String>>,
    /// The report's languages, as written: `ko`, `en,ko`.
    pub languages: Option<Sourced<String>>,
    /// The words of one language (`[ko]` in the file): each a whole layer
    /// (the file's words for every language, then that language's own,
    /// then the flags), by language code.
    pub words_by_language: Option<BTreeMap<String, Partial>>,
    /// In a language's layer: which of its tables it set itself, so that a
    /// message names `[ko.terms]` rather than `[terms]`.
    pub own_tables: Option<wording::OwnTables>,
    pub terms: Option<TermSettings>,
    pub group_labels: Option<BTreeMap<String, String>>,
    pub category_labels: Option<BTreeMap<String, String>>,
    pub annotate_cases: Option<Vec<String>>,
    pub annotate_events: Option<Vec<String>>,
    pub regression_terms: Option<Vec<String>>,
    pub fixed_effects: Option<Vec<FixedEffect>>,
    pub hac_lags: Option<usize>,
    pub threads: Option<usize>,
    pub quiet: Option<bool>,
}

impl Partial {
    /// Only the words of these settings (the titles, source lines, terms,
    /// labels and annotations, in every language).
    #[must_use]
    pub fn words_only(self) -> Partial {
        Partial {
            chart_source: self.chart_source,
            chart_byline: self.chart_byline,
            chart_note: self.chart_note,
            chart_words: self.chart_words,
            report_title: self.report_title,
            report_subtitle: self.report_subtitle,
            words_by_language: self.words_by_language,
            own_tables: self.own_tables,
            terms: self.terms,
            group_labels: self.group_labels,
            category_labels: self.category_labels,
            annotate_cases: self.annotate_cases,
            annotate_events: self.annotate_events,
            ..Partial::default()
        }
    }

    /// `over`'s settings where it has them, `self`'s elsewhere.
    #[must_use]
    pub fn overridden_by(self, over: Partial) -> Partial {
        macro_rules! merge {
            ($($field:ident),*) => { Partial { $($field: over.$field.or(self.$field)),* } };
        }
        merge!(
            config_file,
            announcements,
            events,
            announcement_columns,
            event_columns,
            read,
            period_start,
            period_end,
            groups,
            windows,
            weight_by_people,
            seed,
            permutations,
            histogram_half_width,
            local_shift_days,
            group_by,
            bin_days,
            out_dir,
            charts,
            joined,
            csv_bom,
            chart_width,
            chart_height,
            chart_source,
            chart_byline,
            chart_note,
            chart_theme,
            chart_pdf,
            chart_words,
            report_title,
            report_subtitle,
            languages,
            words_by_language,
            own_tables,
            terms,
            group_labels,
            category_labels,
            annotate_cases,
            annotate_events,
            regression_terms,
            fixed_effects,
            hac_lags,
            threads,
            quiet
        )
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
    /// The date styles of each file, as the settings name them.
    pub announcement_date_formats: Vec<String>,
    pub event_date_formats: Vec<String>,
    /// `[input]` timezone, delimiter and encoding, when set.
    pub timezone: Option<String>,
    pub delimiter: Option<String>,
    pub encoding: Option<String>,
    /// How each file is read, resolved from the settings above.
    #[serde(skip)]
    pub announcement_format: crate::input::FileFormat,
    #[serde(skip)]
    pub event_format: crate::input::FileFormat,
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
    /// S, the largest shift either way of the restricted-shift test.
    pub local_shift_days: u32,
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
    pub chart_theme: crate::model::Theme,
    /// Write a print PDF beside each chart.
    pub chart_pdf: bool,
    /// The report's languages, the first under the plain file names.
    pub languages: Vec<Language>,
    /// The newsroom's words in each language (in the order of `languages`):
    /// terms, titles, source line, byline, notes, labels and annotations.
    pub wordings: Vec<Wording>,
    #[serde(skip)]
    pub quiet: bool,
    #[serde(skip)]
    pub threads: Option<usize>,
    /// The command line, for the manifest.
    pub command_line: Vec<String>,
}

/// The defaults, then the file, then the flags; and for each language the
/// file has words for, the same with that language's words between the
/// file's and the flags (a flag wins over every word in the file).
fn layered(mut in_file: Partial, flags: Partial) -> Partial {
    let by_language = in_file.words_by_language.take();
    let base = defaults::settings().overridden_by(in_file);
    let mut settings = base.clone().overridden_by(flags.clone());
    settings.words_by_language = by_language.map(|languages| {
        languages
            .into_iter()
            .map(|(code, words)| {
                (code, base.clone().overridden_by(words).overridden_by(flags.clone()))
            })
            .collect()
    });
    settings
}

impl Config {
    /// Resolves the settings of a command from its flags: the defaults, then
    /// the config file (`--config`, or `northwind.toml` in the current
    /// directory if there is one), then the flags.
    ///
    /// # Errors
    /// A config file that cannot be read or parsed, or any invalid value.
    pub fn from_flags(flags: Partial, command_line: Vec<String>) -> Result<Self> {
        let config_file = flags
            .config_file
            .clone()
            .or_else(|| Some(PathBuf::from(DEFAULT_CONFIG_FILE)).filter(|p| p.is_file()));
        let in_file = match &config_file {
            Some(path) => file::read(path)?,
            // The embedded bundled data come with the words of their own
            // config file, as they do in the repository.
            None if flags.announcements.is_none() && flags.events.is_none() => {
                file::parse(EMBEDDED_CONFIG, DEFAULT_CONFIG_FILE, None)?.words_only()
            }
            None => Partial::default(),
        };
        Config::resolve(layered(in_file, flags), config_file, command_line)
    }

    /// The settings a config file's text gives on its own (no flags; inputs
    /// it names are relative to the current directory): for fuzzing the
    /// whole run in memory.
    ///
    /// # Errors
    /// As [`Config::from_flags`].
    pub fn from_config_text(text: &str, name: &str) -> Result<Self> {
        let settings = layered(file::parse(text, name, None)?, Partial::default());
        Config::resolve(settings, None, Vec::new()).map_err(|e| match e {
            Error::Config { message, .. } => Error::Config { path: name.to_string(), message },
            other => other,
        })
    }

    /// Validates merged settings, read from `config_file` if one was.
    fn resolve(
        settings: Partial,
        config_file: Option<PathBuf>,
        command_line: Vec<String>,
    ) -> Result<Self> {
        let base = config_file.as_ref().and_then(|p| p.parent().map(Path::to_path_buf));
        let config_name = config_file
            .as_ref()
            .map_or_else(|| "(defaults)".to_string(), |p| p.display().to_string());
        let config_error = |message: String| Error::Config { path: config_name.clone(), message };

        // The words first: each language's layer is read whole.
        let languages = settings.languages.as_ref().map_or_else(
            || Ok(vec![crate::messages::catalogue::Language::default()]),
            check_languages,
        )?;
        // Every language's words are checked, also those of a language
        // this run does not write (a typo would wait for the day it does).
        for (code, words) in settings.words_by_language.iter().flatten() {
            let language = Language::parse(code).ok_or_else(|| {
                config_error(format!("[{code}] is not a language northwind writes (en, ko)"))
            })?;
            if !languages.contains(&language) {
                wording::resolve(WordSettings { words, language, config_name: &config_name })?;
            }
        }
        let wordings = languages
            .iter()
            .map(|&language| {
                let words = settings
                    .words_by_language
                    .as_ref()
                    .and_then(|by| by.get(language.code()))
                    .unwrap_or(&settings);
                wording::resolve(WordSettings { words, language, config_name: &config_name })
            })
            .collect::<Result<Vec<_>>>()?;

        // The embedded data are used only as a pair: one input of the user's
        // and one bundled would silently analyse one against the other.
        let (announcements, announcement_sheet) =
            settings.announcements.as_deref().map(input_format::split_sheet).unzip();
        let (events, event_sheet) =
            settings.events.as_deref().map(input_format::split_sheet).unzip();
        let (announcement_sheet, event_sheet) =
            (announcement_sheet.flatten(), event_sheet.flatten());
        let (announcements, events) = match (announcements, events) {
            (Some(a), Some(e)) => (InputSource::File(a), InputSource::File(e)),
            (Some(_), None) => return Err(missing_input("announcements", "events", &config_file)),
            (None, Some(_)) => return Err(missing_input("events", "announcements", &config_file)),
            // With a config file, inputs default to data/ beside it; without
            // one, to the embedded copy of the bundled data.
            (None, None) => match &base {
                Some(dir) => (
                    InputSource::File(dir.join(defaults::ANNOUNCEMENTS_FILE)),
                    InputSource::File(dir.join(defaults::EVENTS_FILE)),
                ),
                None => (
                    InputSource::Embedded {
                        name: defaults::ANNOUNCEMENTS_FILE,
                        text: EMBEDDED_ANNOUNCEMENTS,
                    },
                    InputSource::Embedded { name: defaults::EVENTS_FILE, text: EMBEDDED_EVENTS },
                ),
            },
        };

        let period_start = settings.period_start.as_ref().map(parse_setting_date).transpose()?;
        let period_end = settings.period_end.as_ref().map(parse_setting_date).transpose()?;
        if let (Some(start), Some(end)) = (period_start, period_end) {
            if start > end {
                return Err(Error::Usage(format!(
                    "the study period starts ({start}) after it ends ({end})"
                )));
            }
        }

        let rule = match settings.group_by.as_deref().map(str::trim) {
            None | Some("kind_prefix") => GroupSpec::KindPrefix,
            Some("one") => GroupSpec::One,
            Some("column") => GroupSpec::Column,
            Some(other) => {
                return Err(config_error(format!(
                    "[analysis] group_by '{}' is not a rule northwind knows: use \"kind_prefix\" (the kind before its first _), \"one\" (every kind in one group) or \"column\" (the events file's group column); or list groups under [groups]",
                    other.escape_debug()
                )))
            }
        };
        let groups = match settings.groups {
            None => rule,
            Some(map) if map.is_empty() => rule,
            Some(_) if settings.group_by.is_some() => {
                return Err(config_error(
                    "both [groups] and [analysis] group_by are set; keep one".into(),
                ))
            }
            Some(map) => {
                check_group_names(&map).map_err(&config_error)?;
                GroupSpec::Explicit(map)
            }
        };

        let mut windows = settings.windows.unwrap_or_else(|| DEFAULT_WINDOWS.to_vec());
        windows.sort_unstable();
        windows.dedup();
        if windows.is_empty() || windows[0] == 0 {
            return Err(config_error(
                "[analysis] windows must list at least one width of 1 day or more".into(),
            ));
        }
        let permutations = match &settings.permutations {
            Some(b) => check_permutations(b)?,
            None => DEFAULT_PERMUTATIONS,
        };

        let local_shift_days = settings.local_shift_days.unwrap_or(defaults::LOCAL_SHIFT_DAYS);
        if local_shift_days == 0 || local_shift_days > 36_600 {
            return Err(config_error(
                "[analysis] local_shift_days must be 1 to 36600 days (default 365)".into(),
            ));
        }
        let half_width = settings.histogram_half_width.unwrap_or(defaults::HISTOGRAM_HALF_WIDTH);
        let bin_days = settings.bin_days.unwrap_or(defaults::BIN_DAYS);
        if bin_days == 0 || half_width == 0 || bin_days > half_width || half_width > 3660 {
            return Err(config_error(
                "[analysis] histogram_half_width must be 1 to 3660 days, and bin_days 1 to histogram_half_width".into(),
            ));
        }
        let term_names =
            settings.regression_terms.unwrap_or_else(|| DEFAULT_TERMS.map(String::from).to_vec());
        let mut regression_terms = Vec::new();
        for name in &term_names {
            match RegressionTerm::parse(name) {
                Some(term) => regression_terms.push(term),
                None => {
                    return Err(config_error(format!("[regression] term '{name}' is not <group>_<before|after>_<days>, e.g. election_before_30")))
                }
            }
        }
        let mut fixed_effects = settings.fixed_effects.unwrap_or_default();
        fixed_effects.dedup();

        let chart_size = crate::charts::ChartSize {
            width: settings.chart_width.unwrap_or(defaults::CHART_WIDTH),
            height: settings.chart_height.unwrap_or(defaults::CHART_HEIGHT),
        };
        check_chart_size(chart_size)?;
        if settings.threads == Some(0) {
            return Err(Error::Usage("--threads must be at least 1".into()));
        }

        let announcement_columns = column_map(
            settings.announcement_columns.unwrap_or_default(),
            &ANNOUNCEMENT_COLUMNS,
            "columns",
        )
        .map_err(&config_error)?;
        let event_columns =
            column_map(settings.event_columns.unwrap_or_default(), &EVENT_COLUMNS, "event_columns")
                .map_err(&config_error)?;
        let read = settings.read.unwrap_or_default();
        let (announcement_date_formats, _) =
            input_format::date_formats(&read, InputFile::Announcements);
        let (event_date_formats, _) = input_format::date_formats(&read, InputFile::Events);
        let announcement_format = input_format::file_format(
            &read,
            InputFile::Announcements,
            announcement_columns.clone(),
            announcement_sheet,
            &config_name,
        )?;
        let event_format = input_format::file_format(
            &read,
            InputFile::Events,
            event_columns.clone(),
            event_sheet,
            &config_name,
        )?;
        let out_dir = settings.out_dir.unwrap_or_else(|| match &base {
            Some(dir) => dir.join(defaults::OUT_DIR),
            None => PathBuf::from(defaults::OUT_DIR),
        });
        Ok(Config {
            peth: crate::stats::peth::PethSpec { half_width, bin_days },
            regression_terms,
            fixed_effects,
            hac_lags: settings.hac_lags.unwrap_or(defaults::HAC_LAGS),
            announcement_columns,
            event_columns,
            config_file,
            announcements,
            events,
            announcement_date_formats,
            event_date_formats,
            timezone: read.timezone,
            delimiter: read.delimiter,
            encoding: read.encoding,
            announcement_format,
            event_format,
            period_start,
            period_end,
            groups,
            windows,
            weight_by_people: settings.weight_by_people.unwrap_or(false),
            seed: settings.seed.unwrap_or(DEFAULT_SEED),
            permutations,
            local_shift_days,
            output: OutputParts {
                charts: settings.charts.unwrap_or(OutputParts::default().charts),
                joined: settings.joined.unwrap_or(OutputParts::default().joined),
                csv_bom: settings.csv_bom.unwrap_or(OutputParts::default().csv_bom),
            },
            out_dir,
            chart_size,
            chart_theme: settings.chart_theme.unwrap_or_default(),
            chart_pdf: settings.chart_pdf.unwrap_or(false),
            languages,
            wordings,
            quiet: settings.quiet.unwrap_or(false),
            threads: settings.threads,
            command_line,
        })
    }

    /// What the analysis needs of these settings.
    pub fn analysis_settings(&self) -> crate::analysis::Settings {
        crate::analysis::Settings {
            groups: self.groups.clone(),
            windows: self.windows.clone(),
            weight_by_people: self.weight_by_people,
            seed: self.seed,
            permutations: self.permutations,
            local_shift_days: self.local_shift_days,
            peth: self.peth,
            regression_terms: self.regression_terms.clone(),
            fixed_effects: self.fixed_effects.clone(),
            hac_lags: self.hac_lags,
        }
    }

    /// What the report in the language of `wording` needs of these
    /// settings beyond the analysis's own.
    pub fn report_settings(&self, wording: &Wording) -> crate::report::Settings {
        crate::report::Settings {
            announcements: self.announcements.clone(),
            events: self.events.clone(),
            parts: self.output,
            wording: wording.clone(),
            bundled_data: false,
            encodings: ["UTF-8"; 2],
        }
    }

    /// The words of the report's first language (the terminal's headline).
    pub fn first_wording(&self) -> &Wording {
        // `resolve` gives every run at least one language.
        static DEFAULT: std::sync::OnceLock<Wording> = std::sync::OnceLock::new();
        self.wordings.first().unwrap_or_else(|| DEFAULT.get_or_init(Wording::default))
    }

    /// What the manifest records of the run.
    pub fn manifest_header(&self) -> crate::output::ManifestHeader {
        crate::output::ManifestHeader {
            command_line: self.command_line.clone(),
            seed: self.seed,
            config: serde_json::to_value(self).unwrap_or_default(),
        }
    }

    /// What the charts in the language of `wording` need of these settings.
    pub fn chart_settings(&self, wording: &Wording) -> crate::charts::Settings {
        crate::charts::Settings {
            size: self.chart_size,
            theme: self.chart_theme,
            pdf: self.chart_pdf,
            wording: wording.clone(),
        }
    }

    pub fn input_spec(&self) -> crate::input::Spec {
        crate::input::Spec {
            announcements: self.announcements.clone(),
            events: self.events.clone(),
            announcement_format: self.announcement_format.clone(),
            event_format: self.event_format.clone(),
            period_start: self.period_start,
            period_end: self.period_end,
        }
    }
}

/// Parses the text of a config file (for fuzzing and property tests: the
/// parser must answer any text with settings or a located error, never panic).
///
/// # Errors
/// [`Error::Config`] naming `name` and the line and column of the problem.
pub fn parse_config_text(text: &str, name: &str) -> Result<()> {
    file::parse(text, name, None).map(|_| ())
}

/// Smallest and largest chart sides northwind draws legibly.
pub const CHART_SIDES: std::ops::RangeInclusive<u32> = 300..=8000;

#[cfg(test)]
mod tests;
