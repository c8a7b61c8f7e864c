//! The vocabulary of settings that several stages share: where an input
//! comes from, how its columns are named, how events form groups, which
//! window terms the regression has, which parts of the report are written.
//!
//! These are plain data. [`crate::config`] makes them from the defaults, the
//! config file and the flags, validates them once, and hands each stage the
//! ones it needs; no stage reads the config itself.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Default seed: the day the Ningbo restaurant workers were announced (2016-04-08).
pub const DEFAULT_SEED: u64 = 20_160_408;

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
        self.describe_with(|name| name.to_string())
    }

    /// [`InputSource::describe`] with the path or name set by `show` (for
    /// example as inline code).
    pub fn describe_with(&self, show: impl Fn(&str) -> String) -> String {
        match self {
            InputSource::File(path) => show(&path.display().to_string()),
            InputSource::Embedded { name, .. } => {
                format!("{} (the bundled copy built into northwind)", show(name))
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
    /// Every kind in one group, named [`ONE_GROUP`].
    One,
    /// The events file's `group` column; an event whose cell is empty goes
    /// by its kind prefix.
    Column,
}

/// The name of the one group of `[analysis] group_by = "one"`.
pub const ONE_GROUP: &str = "events";

/// Canonical column names of the announcements file.
pub const ANNOUNCEMENT_COLUMNS: [&str; 12] = [
    "id",
    "announcement_date",
    "count",
    "name",
    "name_ko",
    "category",
    "people",
    "defection_date",
    "defection_date_precision",
    "announced_by",
    "source_url",
    "notes",
];
/// Canonical column names of the events file.
pub const EVENT_COLUMNS: [&str; 7] =
    ["date", "kind", "group", "label", "label_ko", "country", "source_url"];

/// Maps canonical column names to the names used in a user's file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ColumnMap(BTreeMap<String, String>);

impl ColumnMap {
    /// The header name to look for in the file for canonical column `name`.
    pub fn header_for<'a>(&'a self, name: &'a str) -> &'a str {
        self.0.get(name).map_or(name, String::as_str)
    }

    /// Whether the config names a header for canonical column `name`: then
    /// the file must have it, even where the column is optional (a mapping
    /// that finds nothing would otherwise drop the column without a word).
    pub fn is_mapped(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// A map from canonical names to headers, as the config validated it.
    pub fn from_map(map: BTreeMap<String, String>) -> Self {
        ColumnMap(map)
    }

    /// A map from `(canonical, header)` pairs, unchecked (the config file path
    /// validates names; this is for library users and tests).
    pub fn renamed(pairs: &[(&str, &str)]) -> Self {
        ColumnMap(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }
}

/// A window indicator in the regression: `<group>_<direction>_<W>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegressionTerm {
    pub name: String,
    pub group: String,
    pub direction: super::Direction,
    pub window_days: u32,
}

impl RegressionTerm {
    /// Parses `election_before_30` (the group may itself contain `_`).
    pub fn parse(name: &str) -> Option<Self> {
        let mut parts = name.rsplitn(3, '_');
        let window_days = parts.next()?.parse::<u32>().ok().filter(|w| *w >= 1)?;
        let direction = match parts.next()? {
            "before" => super::Direction::Before,
            "after" => super::Direction::After,
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

/// The parts of the report a run may leave out, for large corpora and for
/// scripted runs that need only the tests: the charts (PNG, SVG and the
/// figures of `index.html`), and `tables/joined.csv`, one row per
/// announcement, the largest file by far. Every other table, `summary.json`,
/// `summary.md` and `index.html` are always written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OutputParts {
    pub charts: bool,
    pub joined: bool,
    /// Whether every CSV file starts with a UTF-8 byte-order mark, which
    /// Excel needs to read it as UTF-8 (see [`crate::report::UTF8_BOM`]).
    pub csv_bom: bool,
}

impl Default for OutputParts {
    fn default() -> Self {
        OutputParts { charts: true, joined: true, csv_bom: true }
    }
}

/// A chart size for a place a chart goes: `article` (1200x675, 16:9, the
/// default), `phone` (640x800, for a phone's column), `square` (1080x1080, a
/// social card). Type sizes are the same in every preset; the plot gets the
/// room that is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartPreset {
    Article,
    Phone,
    Square,
    /// 1000x700, with a vector PDF beside each chart, 17 cm wide at 150
    /// pixels to the inch (type of 8 to 14 points).
    Print,
}

impl ChartPreset {
    /// Every preset, by name, for help texts and messages.
    pub const NAMES: [&'static str; 4] = ["article", "phone", "square", "print"];

    /// Width and height in pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            ChartPreset::Article => (1200, 675),
            ChartPreset::Phone => (640, 800),
            ChartPreset::Square => (1080, 1080),
            ChartPreset::Print => (1000, 700),
        }
    }
}

impl std::str::FromStr for ChartPreset {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "article" => Ok(ChartPreset::Article),
            "phone" => Ok(ChartPreset::Phone),
            "square" => Ok(ChartPreset::Square),
            "print" => Ok(ChartPreset::Print),
            other => Err(format!(
                "'{other}' is not a chart size (use one of: {})",
                ChartPreset::NAMES.join(", ")
            )),
        }
    }
}

/// The charts' colours: dark ink on white paper, or light ink on a dark
/// ground (for a site's dark mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl std::str::FromStr for Theme {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(format!("'{other}' is not a chart theme (use light or dark)")),
        }
    }
}
