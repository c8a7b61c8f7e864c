//! The checks a setting must pass, each with the message that names the
//! flag or the config key it came from.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Sourced, CHART_SIDES, MAX_PERMUTATIONS};
use crate::error::{Error, Result};
use crate::model::ColumnMap;

/// The error for a run given one input but not the other.
pub(super) fn missing_input(given: &str, missing: &str, config_file: &Option<PathBuf>) -> Error {
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

/// Checks `[groups]`: each group named, with at least one kind, and no
/// control character in a name (it is shown in every table and chart).
pub(super) fn check_group_names(
    map: &BTreeMap<String, Vec<String>>,
) -> std::result::Result<(), String> {
    for (name, kinds) in map {
        if name.trim().is_empty() || kinds.is_empty() {
            return Err(format!(
                "[groups] '{}' must have a name and at least one kind",
                name.escape_debug()
            ));
        }
        if let Some(c) = name.chars().find(|c| c.is_control()) {
            return Err(format!(
                "[groups] '{}' holds the control character U+{:04X}; a group's name is shown in every table and chart: remove the character",
                name.escape_debug(),
                u32::from(c)
            ));
        }
    }
    Ok(())
}

/// A column renaming from the config file: only known canonical names, each
/// to a non-empty header.
pub(super) fn column_map(
    map: BTreeMap<String, String>,
    allowed: &[&str],
    section: &str,
) -> std::result::Result<ColumnMap, String> {
    for (key, value) in &map {
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "[{section}] has no column '{key}' to rename (known: {})",
                allowed.join(", ")
            ));
        }
        if value.trim().is_empty() {
            return Err(format!("[{section}] {key} must name a column, not be empty"));
        }
    }
    Ok(ColumnMap::from_map(map))
}

pub(super) fn check_chart_size(size: crate::charts::ChartSize) -> Result<()> {
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

pub(super) fn check_permutations(b: &Sourced<u32>) -> Result<u32> {
    if (1..=MAX_PERMUTATIONS).contains(&b.value) {
        Ok(b.value)
    } else {
        Err(b.error(|what| {
            format!("{what} must be between 1 and {MAX_PERMUTATIONS}, not {}", b.value)
        }))
    }
}

pub(super) fn parse_setting_date(text: &Sourced<String>) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.value.trim(), "%Y-%m-%d").map_err(|_| {
        text.error(|what| format!("{what}: '{}' is not a date (expected YYYY-MM-DD)", text.value))
    })
}

/// A line of the newsroom's text: one line (no control characters), at
/// most `max` characters; `kind` says what it is in the message ("a source
/// line", "a title").
pub(super) fn check_line(line: Sourced<String>, kind: &str, max: usize) -> Result<String> {
    let text = line.value.trim();
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(line.error(|what| {
            format!(
                "{what} holds the control character U+{:04X}; write it on one line",
                u32::from(c)
            )
        }));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(line.error(|what| {
            format!("{what} is {chars} characters long; {kind} holds at most {max}")
        }));
    }
    Ok(text.to_string())
}

/// Reads the report's languages (`ko`, `en,ko`): each one northwind writes,
/// none twice, at least one.
pub(super) fn check_languages(
    text: &Sourced<String>,
) -> Result<Vec<crate::messages::catalogue::Language>> {
    use crate::messages::catalogue::Language;
    let mut languages = Vec::new();
    for code in text.value.split(',').map(str::trim) {
        let Some(language) = Language::parse(code) else {
            return Err(text.error(|key| {
                format!(
                    "{key}: '{code}' is not a language northwind writes (expected en or ko, or both as en,ko)"
                )
            }));
        };
        if languages.contains(&language) {
            return Err(text.error(|key| format!("{key}: '{code}' is named twice")));
        }
        languages.push(language);
    }
    Ok(languages)
}
