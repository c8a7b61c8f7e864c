//! `summary.json`: every headline figure and p-value, as data.

use serde_json::{json, Value};

use crate::analysis::{strongest, Analysis};
use crate::model::Event;
use crate::output::GroupFiles;
use crate::report::changes::{calendar, Changes};
use crate::report::rows::{self, to_json};
use crate::report::Settings;

/// A float as JSON: a number when finite, the string `"inf"` when infinite
/// (JSON has no infinity), `null` when it could not be computed.
pub fn number(x: f64) -> Value {
    if x.is_nan() {
        Value::Null
    } else if x.is_infinite() {
        Value::String(if x > 0.0 { "inf".into() } else { "-inf".into() })
    } else {
        json!(x)
    }
}

/// Renders `summary.json` (pretty-printed, keys in a fixed order, no
/// timestamps: the same inputs and seed give the same bytes).
pub fn summary_json(
    analysis: &Analysis,
    report: &Settings,
    events: &[Event],
    changes: Option<&Changes>,
    group_files: &[GroupFiles],
) -> Vec<u8> {
    let groups: Vec<Value> = analysis
        .groups
        .iter()
        .map(|g| {
            let files = group_files.iter().find(|f| f.name == g.name).map_or(&[][..], |f| &f.files);
            json!({
                "name": g.name,
                "slug": g.slug,
                "files": files,
                "kinds": g.kinds,
                "event_days": g.days.len(),
                "event_days_in_period": g.days.iter().filter(|d| analysis.period.contains(d.date)).count(),
            })
        })
        .collect();
    let significant: Vec<Value> = analysis
        .window_tests
        .iter()
        .filter(|t| t.p_shift_fwer.is_some_and(|p| p < 0.05))
        .map(|t| to_json(&rows::WindowRow::from(t)))
        .collect();
    let delays: Vec<Value> = rows::delay_rows(analysis).iter().map(to_json).collect();
    let value = json!({
        "tool": "northwind",
        "version": env!("CARGO_PKG_VERSION"),
        "inputs": {
            "announcements": { "source": report.announcements.display_name(), "rows": analysis.announcements, "people": analysis.people, "outside_period": analysis.outside_period, "encoding": report.encodings[0], "ids_by_line": analysis.ids_by_line },
            "events": { "source": report.events.display_name(), "rows": events.len(), "encoding": report.encodings[1], "calendar": calendar(events) },
        },
        "period": { "start": analysis.period.start.to_string(), "end": analysis.period.end.to_string(), "days": analysis.period.days() },
        "settings": {
            "windows": analysis.settings.windows,
            "weight_by_people": analysis.settings.weight_by_people,
            "seed": analysis.settings.seed,
            "permutations": analysis.settings.permutations,
        },
        "groups": groups,
        "headline": {
            "strongest": strongest(&analysis.window_tests).map(|t| to_json(&rows::WindowRow::from(t))),
            "tests_in_family": analysis.window_tests.len(),
            "significant_after_adjustment": significant,
        },
        "window_tests": rows::window_rows(&analysis.window_tests).iter().map(to_json).collect::<Vec<_>>(),
        "weekday": {
            "observed": analysis.weekday.observed,
            "expected": analysis.weekday.expected.map(number),
            "chi2": number(analysis.weekday.chi2),
            "df": analysis.weekday.df,
            "p_value": analysis.weekday.p_value.map_or(Value::Null, number),
        },
        "peri_event": analysis.groups.iter().zip(&analysis.peth).map(|(g, p)| json!({
            "group": g.name,
            "pairs": p.pairs,
            "shifts": p.shifts,
            "exact": p.exact,
            "t_observed": p.t_observed.map_or(Value::Null, number),
            "t95": p.t95.map_or(Value::Null, number),
            "p_global": p.p_global.map_or(Value::Null, number),
            "p_erl": number(p.p_erl),
        })).collect::<Vec<_>>(),
        "phase": rows::phase_rows(analysis).iter().map(to_json).collect::<Vec<_>>(),
        "delay_shuffle": {
            "cases": analysis.shuffle_cases,
            "permutations": analysis.settings.permutations,
            "tests": rows::shuffle_rows(analysis).iter().map(to_json).collect::<Vec<_>>(),
        },
        "poisson_regression": {
            "converged": analysis.regression.converged,
            "iterations": analysis.regression.iterations,
            "deviance": analysis.regression.deviance.map_or(Value::Null, number),
            "hac_lags": analysis.regression.hac_lags,
            "terms": rows::regression_rows(analysis).iter().map(to_json).collect::<Vec<_>>(),
        },
        "since_last_run": changes.map_or(Value::Null, Changes::to_json),
        "delay": {
            "used": analysis.delays.used,
            "left_out": analysis.delays.left_out,
            "left_out_reason": "no defection date, or one known only to the month or year",
            "bootstrap_resamples": analysis.settings.permutations,
            "summary": delays,
        },
    });
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
