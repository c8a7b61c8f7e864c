//! The "Since the last run" section of `summary.md`: what [`Changes`] found,
//! as a list a reader can scan, longest lists cut at [`SHOWN`] items (the
//! rest are in `summary.json`).

use std::fmt::Write as _;

use super::{code, escape, Document, Prose, SectionKind};
use crate::report::changes::{CalendarEvent, Changes};

/// Most items of one kind listed in "Since the last run"; the rest are in
/// `summary.json`.
const SHOWN: usize = 10;

/// One line `- What (n): a, b, c` of up to [`SHOWN`] items, then how many
/// more there are; nothing when there are none.
fn list_line(md: &mut Document, prose: &Prose, what: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let mut text = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > SHOWN {
        let more = (items.len() - SHOWN).to_string();
        text = prose.say("since-list-more", &[("items", &text), ("more", &more)]);
    }
    let line = prose.say(
        "since-list",
        &[("what", &prose.say(what, &[])), ("count", &items.len().to_string()), ("items", &text)],
    );
    let _ = writeln!(md, "- {line}");
}

/// How the report calls a setting (by its key in `manifest.json`).
fn setting_name(prose: &Prose, key: &str) -> String {
    let message = match key {
        "announcement_columns" => "setting-announcement-columns",
        "event_columns" => "setting-event-columns",
        "announcement_date_formats" => "setting-announcement-date-formats",
        "event_date_formats" => "setting-event-date-formats",
        "timezone" => "setting-timezone",
        "delimiter" => "setting-delimiter",
        "encoding" => "setting-encoding",
        "period_start" => "setting-period-start",
        "period_end" => "setting-period-end",
        "groups" => "setting-groups",
        "windows" => "setting-windows",
        "weight_by_people" => "setting-weight-by-people",
        "seed" => "setting-seed",
        "permutations" => "setting-permutations",
        "output" => "setting-output",
        "peth" => "setting-peth",
        "regression_terms" => "setting-regression-terms",
        "fixed_effects" => "setting-fixed-effects",
        "hac_lags" => "setting-hac-lags",
        "local_shift_days" => "setting-local-shift-days",
        "chart_size" => "setting-chart-size",
        "chart_theme" => "setting-chart-theme",
        "chart_pdf" => "setting-chart-pdf",
        "languages" => "setting-languages",
        "wordings" => "setting-wordings",
        other => return escape(other),
    };
    prose.say(message, &[])
}

/// A setting's value: as `changes` wrote it, with its few words in the
/// report's language.
fn setting_value(prose: &Prose, text: &str) -> String {
    match text {
        "not set" => prose.say("setting-not-set", &[]),
        "default" => prose.say("setting-default", &[]),
        "one group per kind prefix" => prose.say("setting-kind-prefix", &[]),
        other => code(other),
    }
}

/// "2016-04-13 `election_legislative` (20th National Assembly election)".
fn event_text(e: &CalendarEvent) -> String {
    if e.label == e.kind {
        format!("{} {}", e.date, code(&e.kind))
    } else {
        format!("{} {} ({})", e.date, code(&e.kind), escape(&e.label))
    }
}

/// The "Since the last run" section.
#[allow(clippy::too_many_lines)]
pub(super) fn since_last_run(md: &mut Document, changes: &Changes, prose: &Prose) {
    md.section(SectionKind::SinceLastRun, &prose.say("since-heading", &[]));
    if changes.is_empty() {
        let _ = writeln!(md, "{}\n", prose.say("since-nothing", &[]));
        return;
    }
    if let Some((before, now)) = &changes.version {
        let line =
            prose.say("since-version", &[("before", &escape(before)), ("now", &escape(now))]);
        let _ = writeln!(md, "- {line}");
    }
    for input in &changes.inputs {
        let key =
            if input.role == "events" { "since-file-events" } else { "since-file-announcements" };
        let named = if input.name.0 == input.name.1 {
            code(&input.name.1)
        } else {
            format!("{} → {}", code(&input.name.0), code(&input.name.1))
        };
        let content = prose.say(
            if input.content_changed { "since-content-changed" } else { "since-content-same" },
            &[],
        );
        let _ = writeln!(md, "- {}", prose.say(key, &[("named", &named), ("content", &content)]));
    }
    for s in &changes.settings {
        let line = prose.say(
            "since-setting",
            &[
                ("setting", &setting_name(prose, &s.setting)),
                ("before", &setting_value(prose, &s.before)),
                ("now", &setting_value(prose, &s.after)),
            ],
        );
        let _ = writeln!(md, "- {line}");
    }
    if let Some((before, now)) = &changes.period {
        let span = |(start, end): &(String, String)| prose.range(start, end);
        let line = prose.say("since-period", &[("before", &span(before)), ("now", &span(now))]);
        let _ = writeln!(md, "- {line}");
    }
    let codes = |items: &[String]| items.iter().map(|i| code(i)).collect::<Vec<_>>();
    list_line(md, prose, "since-groups-added", &codes(&changes.groups_added));
    list_line(md, prose, "since-groups-removed", &codes(&changes.groups_removed));
    let regrouped: Vec<String> = changes
        .groups_regrouped
        .iter()
        .map(|g| {
            prose.say(
                "since-regrouped",
                &[
                    ("group", &code(&g.group)),
                    ("before", &g.kinds.0.len().to_string()),
                    ("now", &g.kinds.1.len().to_string()),
                ],
            )
        })
        .collect();
    list_line(md, prose, "since-groups-regrouped", &regrouped);
    let events = |list: &[CalendarEvent]| -> Vec<String> { list.iter().map(event_text).collect() };
    list_line(md, prose, "since-events-added", &events(&changes.events_added));
    list_line(md, prose, "since-events-removed", &events(&changes.events_removed));
    let moved: Vec<String> = changes
        .events_moved
        .iter()
        .map(|m| format!("{} → {}", event_text(&m.event), m.to))
        .collect();
    list_line(md, prose, "since-events-moved", &moved);
    let input_changed =
        |role: &str| changes.inputs.iter().any(|i| i.role == role && i.content_changed);
    if input_changed("events") && !changes.events_compared {
        let _ = writeln!(md, "- {}", prose.say("since-events-not-compared", &[]));
    }
    if input_changed("announcements") && !changes.cases_compared {
        let max = crate::report::changes::MAX_COMPARED_CASES.to_string();
        let _ = writeln!(md, "- {}", prose.say("since-cases-not-compared", &[("max", &max)]));
    }
    list_line(md, prose, "since-cases-added", &codes(&changes.added));
    list_line(md, prose, "since-cases-removed", &codes(&changes.removed));
    let edited: Vec<String> = changes
        .edited
        .iter()
        .map(|e| {
            let fields: Vec<String> = e.fields.iter().map(|f| escape(f)).collect();
            format!("{} ({})", code(&e.id), fields.join(", "))
        })
        .collect();
    list_line(md, prose, "since-cases-edited", &edited);
    if !changes.tests_added.is_empty() || !changes.tests_removed.is_empty() {
        let line = prose.say(
            "since-tests",
            &[
                ("before", &changes.tests_in_family.0.to_string()),
                ("now", &changes.tests_in_family.1.to_string()),
                ("removed", &changes.tests_removed.len().to_string()),
                ("added", &changes.tests_added.len().to_string()),
            ],
        );
        let _ = writeln!(md, "- {line}");
    }
    let mut moved: Vec<_> = changes.moved.iter().collect();
    moved.sort_by_key(|m| !m.crossed);
    for m in moved.iter().take(SHOWN) {
        let key = if m.crossed { "since-moved-crossed" } else { "since-moved" };
        let line = prose.say(
            key,
            &[
                ("test", &escape(&m.key)),
                ("before", &m.observed.0.to_string()),
                ("now", &m.observed.1.to_string()),
                ("p_before", &prose.p(m.p_shift.0)),
                ("p_now", &prose.p(m.p_shift.1)),
                ("holm_before", &prose.p(m.p_holm.0)),
                ("holm_now", &prose.p(m.p_holm.1)),
            ],
        );
        let _ = writeln!(md, "- {line}");
    }
    if moved.len() > SHOWN {
        let more = (moved.len() - SHOWN).to_string();
        let _ = writeln!(md, "- {}", prose.say("since-moved-more", &[("more", &more)]));
    }
    let _ = writeln!(md);
}
