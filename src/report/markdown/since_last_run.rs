//! The "Since the last run" section of `summary.md`: what [`Changes`] found,
//! as a list a reader can scan, longest lists cut at [`SHOWN`] items (the
//! rest are in `summary.json`).

use std::fmt::Write as _;

use super::{code, escape, p_text, Document, SectionKind};
use crate::report::changes::Changes;

/// Most items of one kind listed in "Since the last run"; the rest are in
/// `summary.json`.
const SHOWN: usize = 10;

/// One line `- What (n): a, b, c` of up to [`SHOWN`] items, then how many
/// more there are; nothing when there are none.
fn list_line(md: &mut Document, what: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let mut text = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > SHOWN {
        let _ = write!(text, " and {} more", items.len() - SHOWN);
    }
    let _ = writeln!(md, "- {what} ({}): {text}", items.len());
}

/// The "Since the last run" section.
pub(super) fn since_last_run(md: &mut Document, changes: &Changes) {
    md.section(SectionKind::SinceLastRun, "Since the last run");
    if changes.is_empty() {
        let _ =
            writeln!(md, "Nothing changed: the same inputs and settings give the same results.\n");
        return;
    }
    if let Some((before, now)) = &changes.version {
        let _ = writeln!(md, "- northwind version: {} → {}", escape(before), escape(now));
    }
    for input in &changes.inputs {
        let what = if input.role == "events" { "Events file" } else { "Announcements file" };
        let named = if input.name.0 == input.name.1 {
            code(&input.name.1)
        } else {
            format!("{} → {}", code(&input.name.0), code(&input.name.1))
        };
        let content = if input.content_changed { "its content changed" } else { "same content" };
        let _ = writeln!(md, "- {what}: {named} ({content})");
    }
    for s in &changes.settings {
        let _ = writeln!(
            md,
            "- Setting changed, {}: {} → {}",
            s.setting,
            code(&s.before),
            code(&s.after)
        );
    }
    if let Some((before, now)) = &changes.period {
        let _ =
            writeln!(md, "- Study period: {} to {} → {} to {}", before.0, before.1, now.0, now.1);
    }
    let codes = |items: &[String]| items.iter().map(|i| code(i)).collect::<Vec<_>>();
    list_line(md, "Event groups added", &codes(&changes.groups_added));
    list_line(md, "Event groups removed", &codes(&changes.groups_removed));
    let regrouped: Vec<String> = changes
        .groups_regrouped
        .iter()
        .map(|g| format!("{} ({} → {} kinds)", code(&g.group), g.kinds.0.len(), g.kinds.1.len()))
        .collect();
    list_line(md, "Event groups with other kinds", &regrouped);
    let event_text = |e: &crate::report::changes::CalendarEvent| {
        if e.label == e.kind {
            format!("{} {}", e.date, code(&e.kind))
        } else {
            format!("{} {} ({})", e.date, code(&e.kind), escape(&e.label))
        }
    };
    let events = |list: &[crate::report::changes::CalendarEvent]| -> Vec<String> {
        list.iter().map(event_text).collect()
    };
    list_line(md, "Events added", &events(&changes.events_added));
    list_line(md, "Events removed", &events(&changes.events_removed));
    let moved: Vec<String> = changes
        .events_moved
        .iter()
        .map(|m| format!("{} → {}", event_text(&m.event), m.to))
        .collect();
    list_line(md, "Events moved", &moved);
    let input_changed =
        |role: &str| changes.inputs.iter().any(|i| i.role == role && i.content_changed);
    if input_changed("events") && !changes.events_compared {
        let _ = writeln!(
            md,
            "- Events: not compared one by one (the previous report does not list them)."
        );
    }
    if input_changed("announcements") && !changes.cases_compared {
        let _ = writeln!(
            md,
            "- Cases: not compared one by one (a report of more than {} rows, or one without `tables/joined.csv`); the tests below are.",
            crate::report::changes::MAX_COMPARED_CASES
        );
    }
    list_line(md, "Cases added", &codes(&changes.added));
    list_line(md, "Cases removed", &codes(&changes.removed));
    let edited: Vec<String> = changes
        .edited
        .iter()
        .map(|e| {
            let fields: Vec<String> = e.fields.iter().map(|f| escape(f)).collect();
            format!("{} ({})", code(&e.id), fields.join(", "))
        })
        .collect();
    list_line(md, "Cases edited", &edited);
    if !changes.tests_added.is_empty() || !changes.tests_removed.is_empty() {
        let _ = writeln!(
            md,
            "- Window tests: {} → {} ({} no longer run, {} new)",
            changes.tests_in_family.0,
            changes.tests_in_family.1,
            changes.tests_removed.len(),
            changes.tests_added.len()
        );
    }
    let mut moved: Vec<_> = changes.moved.iter().collect();
    moved.sort_by_key(|m| !m.crossed);
    for m in moved.iter().take(SHOWN) {
        let _ = writeln!(
            md,
            "- {}: observed {} → {}, exact shift p {} → {} (Holm {} → {}){}",
            escape(&m.key),
            m.observed.0,
            m.observed.1,
            p_text(m.p_shift.0),
            p_text(m.p_shift.1),
            p_text(m.p_holm.0),
            p_text(m.p_holm.1),
            if m.crossed { ", **crossed 0.05**" } else { "" }
        );
    }
    if moved.len() > SHOWN {
        let _ = writeln!(
            md,
            "- and {} more window tests moved (all in `summary.json`, `since_last_run`)",
            moved.len() - SHOWN
        );
    }
    let _ = writeln!(md);
}
