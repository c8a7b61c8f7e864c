//! "Since the last run": what changed between the previous report in the
//! output directory and this one. Journalists rerun after every new case; this
//! tells them, and their editors, what changed and what it moved.
//!
//! The whole analysis is compared, not only the cases:
//! - the northwind version;
//! - the input files (their names, and their contents by SHA-256);
//! - every setting that shapes the analysis or the report (windows, groups
//!   and their kinds, period, seed, permutations, weighting, regression terms,
//!   ...), from the resolved configuration the previous manifest recorded;
//! - the resolved study period;
//! - the event calendar: groups gained or lost or whose kinds changed, and
//!   events added, removed or moved (same kind and label, another date);
//! - the cases, by id: added, removed, and for an edited case the fields that
//!   changed;
//! - the window tests: tests that no longer run or are new, and the observed
//!   counts and exact shift p-values that moved, flagging any raw or
//!   Holm-adjusted p-value that crossed 0.05.
//!
//! "Nothing changed" is said only when the version, both inputs and every
//! setting are identical: then, the analysis being deterministic, so is every
//! figure.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::input::InputFingerprint;
use crate::model::{Event, EventGroup, Period, RawTable};
use crate::stats::window::WindowTest;

/// One event of the calendar as analysed (`summary.json`, `inputs.events.calendar`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CalendarEvent {
    pub date: String,
    pub kind: String,
    pub label: String,
}

/// The calendar of `events`, sorted by date, kind and label (so that it does
/// not depend on the order of the rows).
pub fn calendar(events: &[Event]) -> Vec<CalendarEvent> {
    let mut calendar: Vec<CalendarEvent> = events
        .iter()
        .map(|e| CalendarEvent {
            date: e.date.to_string(),
            kind: e.kind.clone(),
            label: e.label.clone(),
        })
        .collect();
    calendar.sort();
    calendar
}

/// What a report holds that a later run compares with: read back from a
/// previous report's files ([`parse_previous`]), or made from this run
/// ([`Snapshot::of_run`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub version: String,
    /// `(name, sha256)` of the announcements, then of the events.
    pub inputs: Vec<(String, String)>,
    /// The settings that shape the analysis, by name (see [`comparable_settings`]).
    pub settings: BTreeMap<String, Value>,
    /// Resolved study period, first and last day.
    pub period: Option<(String, String)>,
    /// Event groups and their kinds.
    pub groups: BTreeMap<String, Vec<String>>,
    /// The event calendar; `None` when a report does not list it.
    pub calendar: Option<Vec<CalendarEvent>>,
    /// Announcement rows by id: the input columns only; `None` when the
    /// report had too many rows to compare (see [`MAX_COMPARED_CASES`]) or
    /// no `tables/joined.csv`.
    pub cases: Option<CasesById>,
    /// Window tests by `group/direction/W`: (observed, p_shift, p_shift_holm).
    pub tests: BTreeMap<String, (u64, f64, f64)>,
}

/// What this run is, for [`Snapshot::of_run`].
pub struct RunFacts<'a> {
    /// The resolved configuration, serialized as the manifest records it.
    pub settings: Value,
    pub inputs: &'a [InputFingerprint],
    pub period: &'a Period,
    pub groups: &'a [EventGroup],
    pub events: &'a [Event],
    pub cases: Option<CasesById>,
    pub tests: &'a [WindowTest],
}

impl Snapshot {
    /// This run, in the shape a previous report is read back in.
    pub fn of_run(facts: RunFacts<'_>) -> Self {
        Snapshot {
            version: env!("CARGO_PKG_VERSION").to_string(),
            inputs: facts.inputs.iter().map(|f| (f.name.clone(), f.sha256.clone())).collect(),
            settings: comparable_settings(&facts.settings),
            period: Some((facts.period.start.to_string(), facts.period.end.to_string())),
            groups: facts.groups.iter().map(|g| (g.name.clone(), g.kinds.clone())).collect(),
            calendar: Some(calendar(facts.events)),
            cases: facts.cases,
            tests: facts
                .tests
                .iter()
                .map(|t| {
                    let key = test_key(&t.group, t.direction.as_str(), t.window_days);
                    (key, (t.observed, t.p_shift, t.p_shift_holm))
                })
                .collect(),
        }
    }
}

/// Input cells of each announcement, by id: `(column, value)` pairs.
pub type CasesById = BTreeMap<String, Vec<(String, String)>>;

/// Largest table whose cases are compared one by one. A list of thousands of
/// added ids helps no one, and the comparison holds every cell in memory.
pub const MAX_COMPARED_CASES: usize = 100_000;

/// Entries of the resolved configuration that are not compared: where the
/// inputs and the report are (the inputs are compared by name and content),
/// and the command line itself.
const NOT_COMPARED: [&str; 5] =
    ["announcements", "events", "out_dir", "config_file", "command_line"];

/// The entries of a serialized configuration that shape the analysis or the
/// report, by name.
pub fn comparable_settings(config: &Value) -> BTreeMap<String, Value> {
    config
        .as_object()
        .map(|object| {
            object
                .iter()
                .filter(|(key, _)| !NOT_COMPARED.contains(&key.as_str()))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// One moved window test.
#[derive(Debug, Clone, PartialEq)]
pub struct MovedTest {
    pub key: String,
    pub observed: (u64, u64),
    pub p_shift: (f64, f64),
    pub p_holm: (f64, f64),
    /// Whether p_shift or its Holm value crossed 0.05 (in either direction).
    pub crossed: bool,
}

/// An input whose name or content changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputChange {
    /// `announcements` or `events`.
    pub role: &'static str,
    pub name: (String, String),
    pub content_changed: bool,
}

/// A setting with another value than last time (values as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChange {
    pub setting: String,
    pub before: String,
    pub after: String,
}

/// A group whose kinds changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegroupedKinds {
    pub group: String,
    pub kinds: (Vec<String>, Vec<String>),
}

/// An event of the same kind and label on another date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedEvent {
    pub event: CalendarEvent,
    pub to: String,
}

/// A case whose input cells changed, and the columns that did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedCase {
    pub id: String,
    pub fields: Vec<String>,
}

/// The differences from the previous report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub version: Option<(String, String)>,
    pub inputs: Vec<InputChange>,
    pub settings: Vec<SettingChange>,
    pub period: Option<((String, String), (String, String))>,
    pub groups_added: Vec<String>,
    pub groups_removed: Vec<String>,
    pub groups_regrouped: Vec<RegroupedKinds>,
    /// Whether the events were compared one by one (both reports list them).
    pub events_compared: bool,
    pub events_added: Vec<CalendarEvent>,
    pub events_removed: Vec<CalendarEvent>,
    pub events_moved: Vec<MovedEvent>,
    /// Whether the cases were compared one by one (both reports at most
    /// [`MAX_COMPARED_CASES`] rows, and a `tables/joined.csv` in each).
    pub cases_compared: bool,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub edited: Vec<EditedCase>,
    /// Window tests that this run has and the previous one had not, and back.
    pub tests_added: Vec<String>,
    pub tests_removed: Vec<String>,
    /// Window tests in the previous report and in this one.
    pub tests_in_family: (usize, usize),
    pub moved: Vec<MovedTest>,
}

impl Changes {
    /// Whether nothing at all changed: the same version, inputs and settings
    /// (and so the same results).
    pub fn is_empty(&self) -> bool {
        self.version.is_none()
            && self.inputs.is_empty()
            && self.settings.is_empty()
            && self.period.is_none()
            && self.groups_added.is_empty()
            && self.groups_removed.is_empty()
            && self.groups_regrouped.is_empty()
            && self.events_added.is_empty()
            && self.events_removed.is_empty()
            && self.events_moved.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.edited.is_empty()
            && self.tests_added.is_empty()
            && self.tests_removed.is_empty()
            && self.moved.is_empty()
    }
}

/// The key of a window test in both reports.
pub fn test_key(group: &str, direction: &str, window: u32) -> String {
    format!("{group}/{direction}/{window}")
}

/// The input cells of each announcement, by id (`id_column` names the id),
/// as `joined.csv` writes them (formula-neutralized), so that a report read
/// back compares equal to the run that wrote it. `None` for a table of more
/// than [`MAX_COMPARED_CASES`] rows.
pub fn cases_by_id(raw: &RawTable, id_column: &str) -> Option<CasesById> {
    if raw.len() > MAX_COMPARED_CASES {
        return None;
    }
    let Some(id) = raw.headers.iter().position(|h| h == id_column) else {
        return Some(BTreeMap::new());
    };
    Some(
        (0..raw.len())
            .map(|row| {
                let key = raw.cell(row, id).trim().to_string();
                let cells = raw.row(row).map(crate::report::table::neutralize_formula);
                (key, raw.headers.iter().cloned().zip(cells).collect())
            })
            .collect(),
    )
}

/// A setting's value as a reader would write it: text as it is, lists
/// joined with ", ", a regression term by its name, "default" for none.
pub fn setting_text(value: &Value) -> String {
    const LONGEST: usize = 200;
    let text = match value {
        Value::Null => "default".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            format!("[{}]", items.iter().map(setting_text).collect::<Vec<_>>().join(", "))
        }
        Value::Object(map) => match map.get("name") {
            Some(Value::String(name)) => name.clone(),
            _ => map
                .iter()
                .map(|(k, v)| format!("{k} = {}", setting_text(v)))
                .collect::<Vec<_>>()
                .join("; "),
        },
        other => other.to_string(),
    };
    if text.chars().count() > LONGEST {
        format!("{}…", text.chars().take(LONGEST).collect::<String>())
    } else {
        text
    }
}

/// Compares the previous report with this run.
pub fn compare(previous: &Snapshot, now: &Snapshot) -> Changes {
    let mut changes = Changes {
        version: (previous.version != now.version)
            .then(|| (previous.version.clone(), now.version.clone())),
        ..Changes::default()
    };
    for (k, role) in ["announcements", "events"].into_iter().enumerate() {
        let (Some(before), Some(after)) = (previous.inputs.get(k), now.inputs.get(k)) else {
            continue;
        };
        if before != after {
            changes.inputs.push(InputChange {
                role,
                name: (before.0.clone(), after.0.clone()),
                content_changed: before.1 != after.1,
            });
        }
    }
    let keys: BTreeSet<&String> = previous.settings.keys().chain(now.settings.keys()).collect();
    for key in keys {
        let (before, after) = (previous.settings.get(key), now.settings.get(key));
        if before != after {
            let text = |v: Option<&Value>| match (key.as_str(), v) {
                (_, None) => "not set".to_string(),
                // The group rule reads as the config file writes it.
                ("groups", Some(Value::String(rule))) if rule == "kind_prefix" => {
                    "one group per kind prefix".to_string()
                }
                ("groups", Some(Value::Object(spec))) => spec
                    .get("explicit")
                    .map_or_else(|| setting_text(&Value::Object(spec.clone())), setting_text),
                (_, Some(value)) => setting_text(value),
            };
            changes.settings.push(SettingChange {
                setting: key.clone(),
                before: text(before),
                after: text(after),
            });
        }
    }
    if let (Some(before), Some(after)) = (&previous.period, &now.period) {
        if before != after {
            changes.period = Some((before.clone(), after.clone()));
        }
    }
    compare_groups(&previous.groups, &now.groups, &mut changes);
    if let (Some(before), Some(after)) = (&previous.calendar, &now.calendar) {
        changes.events_compared = true;
        compare_calendars(before, after, &mut changes);
    }
    if let (Some(before), Some(cases)) = (&previous.cases, &now.cases) {
        changes.cases_compared = true;
        compare_cases(before, cases, &mut changes);
    }
    changes.tests_in_family = (previous.tests.len(), now.tests.len());
    changes.tests_added =
        now.tests.keys().filter(|k| !previous.tests.contains_key(*k)).cloned().collect();
    changes.tests_removed =
        previous.tests.keys().filter(|k| !now.tests.contains_key(*k)).cloned().collect();
    let crossed = |a: f64, b: f64| (a < 0.05) != (b < 0.05);
    changes.moved = now
        .tests
        .iter()
        .filter_map(|(key, &(observed, p, holm))| {
            let &(observed_before, p_before, holm_before) = previous.tests.get(key)?;
            // Rows outside the family have no Holm value (NaN) in both runs.
            let same_holm = holm == holm_before || (holm.is_nan() && holm_before.is_nan());
            let moved = observed != observed_before || p != p_before || !same_holm;
            moved.then(|| MovedTest {
                crossed: crossed(p_before, p) || crossed(holm_before, holm),
                key: key.clone(),
                observed: (observed_before, observed),
                p_shift: (p_before, p),
                p_holm: (holm_before, holm),
            })
        })
        .collect();
    changes
}

fn compare_groups(
    before: &BTreeMap<String, Vec<String>>,
    after: &BTreeMap<String, Vec<String>>,
    changes: &mut Changes,
) {
    changes.groups_added = after.keys().filter(|g| !before.contains_key(*g)).cloned().collect();
    changes.groups_removed = before.keys().filter(|g| !after.contains_key(*g)).cloned().collect();
    changes.groups_regrouped = after
        .iter()
        .filter_map(|(group, kinds)| {
            let old = before.get(group)?;
            (old != kinds).then(|| RegroupedKinds {
                group: group.clone(),
                kinds: (old.clone(), kinds.clone()),
            })
        })
        .collect();
}

/// Events in one calendar and not the other (as multisets of date, kind and
/// label); a removed and an added event of the same kind and label are one
/// event that moved.
fn compare_calendars(before: &[CalendarEvent], after: &[CalendarEvent], changes: &mut Changes) {
    let count = |events: &[CalendarEvent]| {
        let mut counts: BTreeMap<CalendarEvent, usize> = BTreeMap::new();
        for e in events {
            *counts.entry(e.clone()).or_default() += 1;
        }
        counts
    };
    let (old, new) = (count(before), count(after));
    let surplus = |a: &BTreeMap<CalendarEvent, usize>, b: &BTreeMap<CalendarEvent, usize>| {
        a.iter()
            .flat_map(|(e, &n)| {
                let extra = n.saturating_sub(b.get(e).copied().unwrap_or(0));
                std::iter::repeat_n(e.clone(), extra)
            })
            .collect::<Vec<_>>()
    };
    let mut removed = surplus(&old, &new);
    let mut added = surplus(&new, &old);
    let mut moved = Vec::new();
    removed.retain(|r| match added.iter().position(|a| a.kind == r.kind && a.label == r.label) {
        Some(k) => {
            let to = added.remove(k).date;
            moved.push(MovedEvent { event: r.clone(), to });
            false
        }
        None => true,
    });
    changes.events_added = added;
    changes.events_removed = removed;
    changes.events_moved = moved;
}

fn compare_cases(before: &CasesById, cases: &CasesById, changes: &mut Changes) {
    changes.added = cases.keys().filter(|id| !before.contains_key(*id)).cloned().collect();
    changes.removed = before.keys().filter(|id| !cases.contains_key(*id)).cloned().collect();
    changes.edited = cases
        .iter()
        .filter_map(|(id, row)| {
            let old = before.get(id)?;
            fn value<'c>(cells: &'c [(String, String)], column: &str) -> Option<&'c str> {
                cells.iter().find(|(c, _)| c == column).map(|(_, v)| v.as_str())
            }
            // Columns in this run's order, then any the previous file had alone.
            let mut seen = BTreeSet::new();
            let fields: Vec<String> = row
                .iter()
                .chain(old)
                .map(|(c, _)| c)
                .filter(|c| seen.insert(c.as_str()))
                .filter(|c| value(old, c) != value(row, c))
                .cloned()
                .collect();
            (!fields.is_empty()).then(|| EditedCase { id: id.clone(), fields })
        })
        .collect();
}

mod json;
mod read;
pub use read::{parse_previous, PreviousFiles};

#[cfg(test)]
mod tests;
