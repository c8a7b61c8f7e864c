//! The restricted-shift check of "What was tested" and "What was found": the
//! circular shift wraps the record around the whole period, so a group whose
//! events exist only in part of it (sanctions from 2006) meets announcements
//! moved in from years without such events, and its null mean is too low.
//! These paragraphs say so, name the groups, and quote the local p-value.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::{Document, Prose};
use crate::analysis::Analysis;
use crate::stats::window::WindowTest;

/// The paragraph that explains the local shift test, one line per group
/// whose events span less than half the period, and a note when the events
/// file does not reach `S` days beyond the period.
pub(super) fn explained(md: &mut Document, analysis: &Analysis, prose: &Prose) {
    let days = analysis.settings.local_shift_days;
    let text = prose.say(
        "tested-local",
        &[
            ("days", &days.to_string()),
            ("shifts", &(2 * u64::from(days) + 1).to_string()),
            ("unit", &prose.unit()),
        ],
    );
    let _ = writeln!(md, "{text}\n");
    let period = &analysis.period;
    for group in &analysis.groups {
        let inside: Vec<NaiveDate> = group
            .days
            .iter()
            .map(|d| d.date)
            .filter(|d| (period.start..=period.end).contains(d))
            .collect();
        let short =
            analysis.window_tests.iter().any(|t| t.group == group.name && t.events_span_short);
        if let (true, Some(first), Some(last)) = (short, inside.first(), inside.last()) {
            let line = prose.say(
                "tested-short-span",
                &[
                    ("group", &prose.group(&group.name)),
                    ("first", &prose.date(*first)),
                    ("last", &prose.date(*last)),
                ],
            );
            let _ = writeln!(md, "- {line}");
        }
    }
    if analysis.window_tests.iter().any(|t| t.events_span_short) {
        let _ = writeln!(md);
    }
    let calendar = analysis.groups.iter().flat_map(|g| g.days.iter().map(|d| d.date));
    let (first, last) = (calendar.clone().min(), calendar.max());
    let reach = Days::new(u64::from(days));
    if let (Some(first), Some(last)) = (first, last) {
        let from = period.start.checked_sub_days(reach).unwrap_or(period.start);
        let to = period.end.checked_add_days(reach).unwrap_or(period.end);
        if first > from || last < to {
            let note = prose.say(
                "tested-local-calendar",
                &[
                    ("first", &prose.date(first)),
                    ("last", &prose.date(last)),
                    ("from", &prose.date(from)),
                    ("to", &prose.date(to)),
                ],
            );
            let _ = writeln!(md, "{note}\n");
        }
    }
}

/// For the strongest window of a group whose events span only part of the
/// period: the sentence that quotes its local p-value.
pub(super) fn for_finding(t: &WindowTest, prose: &Prose) -> Option<String> {
    t.events_span_short.then(|| {
        prose.say(
            "found-local",
            &[
                ("group", &prose.group(&t.group)),
                ("p_local", &prose.p(t.local.p_value)),
                ("null_local", &prose.counted(&prose.ratio(t.local.null_mean))),
                ("expected", &prose.counted(&prose.ratio(t.expected))),
                ("unit", &prose.unit()),
            ],
        )
    })
}
