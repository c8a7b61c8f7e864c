//! The newsroom's words from the settings into a [`Wording`]: every text
//! checked (one line, a sensible length), the terms completed (a plural
//! defaults to the singular with an "s"), and the bundled data's own words
//! where the run analyses the embedded copy of them.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::validate::check_line;
use super::{defaults, Sourced};
use crate::error::{Error, Result};
use crate::wording::{ChartKind, Noun, Terms, TextOverrides, Wording, Words};

/// `[terms]`: what the data's things are called.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSettings {
    pub case: Option<String>,
    pub cases: Option<String>,
    pub announcement: Option<String>,
    pub announcements: Option<String>,
    pub event: Option<String>,
    pub events: Option<String>,
    pub origin: Option<String>,
}

/// The settings that make up the [`Wording`], as merged.
pub(super) struct WordSettings<'a> {
    pub source: Option<Sourced<String>>,
    pub byline: Option<Sourced<String>>,
    pub note: Option<Sourced<String>>,
    pub charts: Option<BTreeMap<ChartKind, TextOverrides>>,
    pub report_title: Option<Sourced<String>>,
    pub report_subtitle: Option<Sourced<String>>,
    pub terms: Option<TermSettings>,
    pub group_labels: Option<BTreeMap<String, String>>,
    pub category_labels: Option<BTreeMap<String, String>>,
    pub annotate_cases: Option<Vec<String>>,
    pub annotate_events: Option<Vec<String>>,
    /// The run analyses the embedded bundled data.
    pub bundled: bool,
    /// The config file's name, for messages.
    pub config_name: &'a str,
}

/// Longest title, subtitle and note, in characters (they wrap to three or
/// four lines at most).
const MAX_TITLE: usize = 200;
const MAX_SUBTITLE: usize = 400;
const MAX_NOTE: usize = 400;
/// Longest label or term.
const MAX_LABEL: usize = 80;

fn kind_of(field: &str) -> (&'static str, usize) {
    match field {
        "title" => ("a title", MAX_TITLE),
        "subtitle" => ("a subtitle", MAX_SUBTITLE),
        "note" => ("a note", MAX_NOTE),
        "byline" => ("a byline", defaults::MAX_SOURCE_CHARS),
        _ => ("a source line", defaults::MAX_SOURCE_CHARS),
    }
}

fn checked(line: Option<Sourced<String>>, field: &str) -> Result<Option<String>> {
    let (kind, max) = kind_of(field);
    line.map(|l| check_line(l, kind, max)).transpose()
}

/// Checks every text of `words`, set under `[section]`.
fn checked_overrides(
    words: TextOverrides,
    section: &str,
    config_name: &str,
) -> Result<TextOverrides> {
    let check = |value: Option<String>, field: &str| {
        checked(value.map(|v| Sourced::file(v, config_name, format!("[{section}] {field}"))), field)
    };
    Ok(TextOverrides {
        title: check(words.title, "title")?,
        subtitle: check(words.subtitle, "subtitle")?,
        note: check(words.note, "note")?,
        source: check(words.source, "source")?,
        byline: check(words.byline, "byline")?,
    })
}

fn checked_map(
    map: Option<BTreeMap<String, String>>,
    section: &str,
    config_name: &str,
) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (key, value) in map.unwrap_or_default() {
        let line = Sourced::file(value, config_name, format!("[{section}] {key}"));
        out.insert(key, check_line(line, "a label", MAX_LABEL)?);
    }
    Ok(out)
}

fn terms(settings: Option<TermSettings>, bundled: bool, config_name: &str) -> Result<Terms> {
    let given = settings.unwrap_or_default();
    let defaults = Terms::default();
    let term = |value: Option<String>, key: &str| -> Result<Option<String>> {
        let Some(value) = value else { return Ok(None) };
        let text = check_line(
            Sourced::file(value, config_name, format!("[terms] {key}")),
            "a term",
            MAX_LABEL,
        )?;
        if text.is_empty() {
            return Err(Error::Config {
                path: config_name.to_string(),
                message: format!("[terms] {key} is empty; name the thing or leave the key out"),
            });
        }
        Ok(Some(text))
    };
    let noun = |one: Option<String>, many: Option<String>, names: (&str, &str), default: Noun| {
        let one = term(one, names.0)?;
        let many = term(many, names.1)?;
        Ok::<Noun, Error>(match (one, many) {
            (None, None) => default,
            (Some(one), None) => Noun { many: format!("{one}s"), one },
            (None, Some(many)) => Noun { one: default.one, many },
            (Some(one), Some(many)) => Noun { one, many },
        })
    };
    let origin = term(given.origin, "origin")?.unwrap_or_else(|| {
        if bundled {
            defaults::BUNDLED_ORIGIN.to_string()
        } else {
            defaults.origin.clone()
        }
    });
    Ok(Terms {
        case: noun(given.case, given.cases, ("case", "cases"), defaults.case)?,
        announcement: noun(
            given.announcement,
            given.announcements,
            ("announcement", "announcements"),
            defaults.announcement,
        )?,
        event: noun(given.event, given.events, ("event", "events"), defaults.event)?,
        origin,
    })
}

/// Resolves and checks the newsroom's words.
///
/// # Errors
/// [`Error::Config`] or [`Error::Usage`] naming the key or flag of a text
/// with a control character, one too long, or an empty term.
pub(super) fn resolve(settings: WordSettings<'_>) -> Result<Wording> {
    let name = settings.config_name;
    let source = checked(settings.source, "source")?.unwrap_or_else(|| {
        // The bundled data's own sources; any other data get a neutral
        // credit until the newsroom sets its source line.
        if settings.bundled { defaults::BUNDLED_SOURCE } else { defaults::SOURCE }.to_string()
    });
    let all_charts = TextOverrides {
        source: Some(source),
        byline: checked(settings.byline, "byline")?,
        note: checked(settings.note, "note")?,
        ..TextOverrides::default()
    };
    let mut charts = BTreeMap::new();
    for (kind, words) in settings.charts.unwrap_or_default() {
        let section = format!("charts.{}", kind.key());
        charts.insert(kind, checked_overrides(words, &section, name)?);
    }
    if settings.bundled {
        charts
            .entry(ChartKind::DelayHistogram)
            .or_insert_with(TextOverrides::default)
            .title
            .get_or_insert_with(|| defaults::BUNDLED_DELAY_TITLE.to_string());
    }
    let report = TextOverrides {
        title: checked(settings.report_title, "title")?,
        subtitle: checked(settings.report_subtitle, "subtitle")?,
        ..TextOverrides::default()
    };
    let annotate_events = settings.annotate_events.unwrap_or_default();
    Ok(Wording {
        words: Words { terms: terms(settings.terms, settings.bundled, name)?, ..Words::default() },
        report,
        all_charts,
        charts,
        group_labels: checked_map(settings.group_labels, "labels.groups", name)?,
        category_labels: checked_map(settings.category_labels, "labels.categories", name)?,
        annotate_cases: settings.annotate_cases,
        annotate_events,
    })
}
