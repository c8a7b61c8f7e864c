//! The config file's schema (`northwind.toml`) and its reading into a
//! [`Partial`]: every key optional, unknown keys rejected with the file's
//! name, line and column, paths made relative to the file's own directory
//! (so that a project folder can be moved as a whole).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Partial, Sourced};
use crate::error::{Error, Result};
use crate::model::{ChartPreset, FixedEffect};
use crate::wording::{ChartKind, TextOverrides};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    #[serde(default)]
    input: FileInput,
    columns: Option<BTreeMap<String, String>>,
    event_columns: Option<BTreeMap<String, String>>,
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
    report: FileReport,
    terms: Option<super::TermSettings>,
    #[serde(default)]
    labels: FileLabels,
    #[serde(default)]
    regression: FileRegression,
    /// The English report's own words.
    en: Option<FileWords>,
    /// The Korean report's own words.
    ko: Option<FileWords>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReport {
    title: Option<String>,
    subtitle: Option<String>,
    language: Option<FileLanguages>,
}

/// `language = "ko"`, `"en,ko"` or `["en", "ko"]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum FileLanguages {
    One(String),
    Many(Vec<String>),
}

/// The words of one language: `[ko.report]`, `[ko.charts]` and
/// `[ko.charts.NAME]`, `[ko.terms]`, `[ko.labels.groups]`...
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileWords {
    #[serde(default)]
    report: FileReportWords,
    /// The same table as `[charts]`, of which only the words may be set.
    #[serde(default)]
    charts: FileCharts,
    terms: Option<super::TermSettings>,
    #[serde(default)]
    labels: FileLabels,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReportWords {
    title: Option<String>,
    subtitle: Option<String>,
}

impl FileWords {
    /// These words as a layer of settings; their keys are named under
    /// `[code]` in messages.
    ///
    /// # Errors
    /// A chart setting that is not a word (`size`, `theme`, ...), which
    /// belongs under `[charts]` for every language.
    fn settings(self, code: &str, name: &str) -> Result<Partial> {
        let mut c = self.charts;
        let not_words = [
            ("size", c.size.is_some()),
            ("theme", c.theme.is_some()),
            ("pdf", c.pdf.is_some()),
            ("width", c.width.is_some()),
            ("height", c.height.is_some()),
            ("annotate_cases", c.annotate_cases.is_some()),
            ("annotate_events", c.annotate_events.is_some()),
        ];
        if let Some((key, _)) = not_words.iter().find(|(_, set)| *set) {
            return Err(Error::Config {
                path: name.to_string(),
                message: format!(
                    "[{code}.charts] {key} is not a word of one language; set it under [charts], for every language"
                ),
            });
        }
        let chart_words = c.words();
        let sourced =
            |value: String, key: &str| Sourced::file(value, name, format!("[{code}.{key}"));
        Ok(Partial {
            chart_source: c.source.map(|s| sourced(s, "charts] source")),
            chart_byline: c.byline.map(|s| sourced(s, "charts] byline")),
            chart_note: c.note.map(|s| sourced(s, "charts] note")),
            chart_words,
            report_title: self.report.title.map(|s| sourced(s, "report] title")),
            report_subtitle: self.report.subtitle.map(|s| sourced(s, "report] subtitle")),
            own_tables: Some(super::wording::OwnTables {
                code: code.to_string(),
                terms: self.terms.is_some(),
                group_labels: self.labels.groups.is_some(),
                category_labels: self.labels.categories.is_some(),
            }),
            terms: self.terms,
            group_labels: self.labels.groups,
            category_labels: self.labels.categories,
            ..Partial::default()
        })
    }
}

/// Per-chart words in the order of [`ChartKind`]'s charts, by chart.
fn per_chart(words: [Option<TextOverrides>; 7]) -> Option<BTreeMap<ChartKind, TextOverrides>> {
    let kinds = [
        ChartKind::Timeline,
        ChartKind::MonthlyCounts,
        ChartKind::Sensitivity,
        ChartKind::PeriEvent,
        ChartKind::Phase,
        ChartKind::DelayHistogram,
        ChartKind::Weekday,
    ];
    let map: BTreeMap<ChartKind, TextOverrides> =
        kinds.into_iter().zip(words).filter_map(|(kind, words)| words.map(|w| (kind, w))).collect();
    (!map.is_empty()).then_some(map)
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLabels {
    groups: Option<BTreeMap<String, String>>,
    categories: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInput {
    announcements: Option<PathBuf>,
    events: Option<PathBuf>,
    /// One chrono format for both files (the older setting).
    date_format: Option<String>,
    date_formats: Option<Vec<String>>,
    announcement_date_formats: Option<Vec<String>>,
    event_date_formats: Option<Vec<String>>,
    timezone: Option<String>,
    delimiter: Option<String>,
    encoding: Option<String>,
}

/// The `[input]` settings of the reading; `date_format` is a one-style
/// `date_formats`, and the two cannot both be set.
fn read_settings(input: FileInput, name: &str) -> Result<super::input_format::ReadSettings> {
    let date_formats = match (input.date_format, input.date_formats) {
        (Some(_), Some(_)) => {
            return Err(Error::Config {
                path: name.to_string(),
                message: "[input] sets both date_format and date_formats; keep date_formats (a list, for example [\"iso\", \"%d/%m/%Y\"])".into(),
            })
        }
        (Some(one), None) => Some(vec![one]),
        (None, list) => list,
    };
    Ok(super::input_format::ReadSettings {
        date_formats,
        announcement_date_formats: input.announcement_date_formats,
        event_date_formats: input.event_date_formats,
        timezone: input.timezone,
        delimiter: input.delimiter,
        encoding: input.encoding,
    })
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
    local_shift_days: Option<u32>,
    group_by: Option<String>,
    bin_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOutput {
    dir: Option<PathBuf>,
    charts: Option<bool>,
    joined: Option<bool>,
    csv_bom: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCharts {
    size: Option<crate::model::ChartPreset>,
    source: Option<String>,
    byline: Option<String>,
    note: Option<String>,
    theme: Option<crate::model::Theme>,
    pdf: Option<bool>,
    width: Option<u32>,
    height: Option<u32>,
    annotate_cases: Option<Vec<String>>,
    annotate_events: Option<Vec<String>>,
    timeline: Option<TextOverrides>,
    monthly_counts: Option<TextOverrides>,
    sensitivity: Option<TextOverrides>,
    peri_event: Option<TextOverrides>,
    phase: Option<TextOverrides>,
    delay_histogram: Option<TextOverrides>,
    weekday: Option<TextOverrides>,
}

impl FileCharts {
    /// The per-chart words, by chart.
    fn words(&mut self) -> Option<BTreeMap<ChartKind, TextOverrides>> {
        per_chart([
            self.timeline.take(),
            self.monthly_counts.take(),
            self.sensitivity.take(),
            self.peri_event.take(),
            self.phase.take(),
            self.delay_histogram.take(),
            self.weekday.take(),
        ])
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRegression {
    terms: Option<Vec<String>>,
    fixed_effects: Option<Vec<FixedEffect>>,
    hac_lags: Option<usize>,
}

/// Reads the config file at `path` into settings (paths relative to its
/// directory).
///
/// # Errors
/// [`Error::Read`] if it cannot be read; [`Error::Config`] naming the file,
/// line and column of a syntax error or an unknown key.
pub fn read(path: &Path) -> Result<Partial> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    parse(&text, &path.display().to_string(), path.parent())
}

/// Parses the text of a config file named `name`; relative paths in it are
/// joined to `base` when given.
///
/// # Errors
/// [`Error::Config`] naming `name` and the line and column of the problem.
pub fn parse(text: &str, name: &str, base: Option<&Path>) -> Result<Partial> {
    let mut file: FileConfig = toml::from_str(text).map_err(|e| Error::Config {
        path: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let relative = |p: PathBuf| match base {
        Some(dir) if p.is_relative() => dir.join(p),
        _ => p,
    };
    let chart_words = file.charts.words();
    let languages = file.report.language.take().map(|l| {
        let text = match l {
            FileLanguages::One(text) => text,
            FileLanguages::Many(list) => list.join(","),
        };
        Sourced::file(text, name, "[report] language")
    });
    let mut words_by_language = BTreeMap::new();
    for (code, words) in [("en", file.en.take()), ("ko", file.ko.take())] {
        if let Some(words) = words {
            words_by_language.insert(code.to_string(), words.settings(code, name)?);
        }
    }
    let sourced = |value: String, key: &'static str| Sourced::file(value, name, key);
    Ok(Partial {
        announcements: file.input.announcements.take().map(relative),
        events: file.input.events.take().map(relative),
        announcement_columns: file.columns,
        event_columns: file.event_columns,
        read: Some(read_settings(file.input, name)?),
        period_start: file.period.start.map(|v| sourced(v, "[period] start")),
        period_end: file.period.end.map(|v| sourced(v, "[period] end")),
        groups: file.groups,
        windows: file.analysis.windows,
        weight_by_people: file.analysis.weight_by_people,
        seed: file.analysis.seed,
        permutations: file
            .analysis
            .permutations
            .map(|b| Sourced::file(b, name, "[analysis] permutations")),
        histogram_half_width: file.analysis.histogram_half_width,
        local_shift_days: file.analysis.local_shift_days,
        group_by: file.analysis.group_by,
        bin_days: file.analysis.bin_days,
        out_dir: file.output.dir.map(relative),
        charts: file.output.charts,
        joined: file.output.joined,
        csv_bom: file.output.csv_bom,
        chart_width: file.charts.width.or(file.charts.size.map(|p| p.size().0)),
        chart_height: file.charts.height.or(file.charts.size.map(|p| p.size().1)),
        chart_source: file.charts.source.map(|s| Sourced::file(s, name, "[charts] source")),
        chart_byline: file.charts.byline.map(|s| Sourced::file(s, name, "[charts] byline")),
        chart_note: file.charts.note.map(|s| Sourced::file(s, name, "[charts] note")),
        chart_theme: file.charts.theme,
        chart_pdf: file
            .charts
            .pdf
            .or((file.charts.size == Some(ChartPreset::Print)).then_some(true)),
        chart_words,
        report_title: file.report.title.map(|s| Sourced::file(s, name, "[report] title")),
        report_subtitle: file.report.subtitle.map(|s| Sourced::file(s, name, "[report] subtitle")),
        languages,
        words_by_language: (!words_by_language.is_empty()).then_some(words_by_language),
        terms: file.terms,
        group_labels: file.labels.groups,
        category_labels: file.labels.categories,
        annotate_cases: file.charts.annotate_cases,
        annotate_events: file.charts.annotate_events,
        regression_terms: file.regression.terms,
        fixed_effects: file.regression.fixed_effects,
        hac_lags: file.regression.hac_lags,
        ..Partial::default()
    })
}
