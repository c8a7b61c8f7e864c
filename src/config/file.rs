//! The config file's schema (`northwind.toml`) and its reading into a
//! [`Partial`]: every key optional, unknown keys rejected with the file's
//! name, line and column, paths made relative to the file's own directory
//! (so that a project folder can be moved as a whole).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Partial, Sourced};
use crate::error::{Error, Result};
use crate::model::FixedEffect;

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
    regression: FileRegression,
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCharts {
    size: Option<crate::model::ChartPreset>,
    source: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
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
    let file: FileConfig = toml::from_str(text).map_err(|e| Error::Config {
        path: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let relative = |p: PathBuf| match base {
        Some(dir) if p.is_relative() => dir.join(p),
        _ => p,
    };
    let sourced = |value: String, key: &'static str| Sourced::file(value, name, key);
    Ok(Partial {
        announcements: file.input.announcements.map(relative),
        events: file.input.events.map(relative),
        announcement_columns: file.columns,
        event_columns: file.event_columns,
        date_format: file.input.date_format,
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
        bin_days: file.analysis.bin_days,
        out_dir: file.output.dir.map(relative),
        charts: file.output.charts,
        joined: file.output.joined,
        chart_width: file.charts.width.or(file.charts.size.map(|p| p.size().0)),
        chart_height: file.charts.height.or(file.charts.size.map(|p| p.size().1)),
        chart_source: file.charts.source.map(|s| Sourced::file(s, name, "[charts] source")),
        regression_terms: file.regression.terms,
        fixed_effects: file.regression.fixed_effects,
        hac_lags: file.regression.hac_lags,
        ..Partial::default()
    })
}
