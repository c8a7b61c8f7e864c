//! The newsroom's words from the settings into one [`Wording`] per
//! language: every text checked (one line, a sensible length), the terms
//! completed (a plural defaults to the singular with an "s"), the defaults
//! those of the language.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::validate::check_line;
use super::{defaults, Partial, Sourced};
use crate::error::{Error, Result};
use crate::messages::catalogue::Language;
use crate::wording::{Noun, Terms, TextOverrides, Wording, Words};

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

/// Which word tables a language's layer set itself (`[ko.terms]`...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnTables {
    /// The language's code.
    pub code: String,
    pub terms: bool,
    pub group_labels: bool,
    pub category_labels: bool,
}

/// A table's name as the file writes it: `terms`, or `ko.terms` where the
/// language's layer set it.
fn table_name(
    own: Option<&OwnTables>,
    table: &str,
    set_here: impl Fn(&OwnTables) -> bool,
) -> String {
    match own {
        Some(own) if set_here(own) => format!("{}.{table}", own.code),
        _ => table.to_string(),
    }
}

/// The settings that make up one language's [`Wording`], as merged (the
/// word fields of a [`Partial`]), with what else decides the defaults.
pub(super) struct WordSettings<'a> {
    pub words: &'a Partial,
    pub language: Language,
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

fn terms(
    settings: Option<TermSettings>,
    language: Language,
    table: &str,
    config_name: &str,
) -> Result<Terms> {
    let given = settings.unwrap_or_default();
    let defaults = Terms::for_language(language);
    let term = |value: Option<String>, key: &str| -> Result<Option<String>> {
        let Some(value) = value else { return Ok(None) };
        let text = check_line(
            Sourced::file(value, config_name, format!("[{table}] {key}")),
            "a term",
            MAX_LABEL,
        )?;
        if text.is_empty() {
            return Err(Error::Config {
                path: config_name.to_string(),
                message: format!("[{table}] {key} is empty; name the thing or leave the key out"),
            });
        }
        Ok(Some(text))
    };
    let noun = |one: Option<String>, many: Option<String>, names: (&str, &str), default: Noun| {
        let one = term(one, names.0)?;
        let many = term(many, names.1)?;
        Ok::<Noun, Error>(match (one, many) {
            (None, None) => default,
            // Korean nouns have one form; English adds an "s".
            (Some(one), None) => match language {
                Language::En => Noun { many: format!("{one}s"), one },
                Language::Ko => Noun { many: one.clone(), one },
            },
            (None, Some(many)) => Noun { one: default.one, many },
            (Some(one), Some(many)) => Noun { one, many },
        })
    };
    let origin = term(given.origin, "origin")?.unwrap_or_else(|| defaults.origin.clone());
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
    let words = settings.words;
    let language = settings.language;
    // A neutral credit until the newsroom sets its source line (the
    // bundled data's config credits their sources).
    let source = checked(words.chart_source.clone(), "source")?
        .unwrap_or_else(|| defaults::SOURCE.to_string());
    let all_charts = TextOverrides {
        source: Some(source),
        byline: checked(words.chart_byline.clone(), "byline")?,
        note: checked(words.chart_note.clone(), "note")?,
        ..TextOverrides::default()
    };
    let mut charts = BTreeMap::new();
    for (kind, text) in words.chart_words.clone().unwrap_or_default() {
        let section = format!("charts.{}", kind.key());
        charts.insert(kind, checked_overrides(text, &section, name)?);
    }
    let report = TextOverrides {
        title: checked(words.report_title.clone(), "title")?,
        subtitle: checked(words.report_subtitle.clone(), "subtitle")?,
        ..TextOverrides::default()
    };
    let annotate_events = words.annotate_events.clone().unwrap_or_default();
    let own = words.own_tables.as_ref();
    let terms_table = table_name(own, "terms", |o| o.terms);
    let terms = terms(words.terms.clone(), language, &terms_table, name)?;
    let groups_table = table_name(own, "labels.groups", |o| o.group_labels);
    let group_labels = checked_map(words.group_labels.clone(), &groups_table, name)?;
    let categories_table = table_name(own, "labels.categories", |o| o.category_labels);
    let category_labels = checked_map(words.category_labels.clone(), &categories_table, name)?;
    Ok(Wording {
        words: Words { language, terms },
        report,
        all_charts,
        charts,
        group_labels,
        category_labels,
        annotate_cases: words.annotate_cases.clone(),
        annotate_events,
    })
}
