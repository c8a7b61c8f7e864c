//! The sections of `summary.md` after the window tests: the shape of timing
//! around events, the phase tests, the delay shuffle, the regression, the
//! delays, the weekdays and what the report cannot show. Each states its
//! null model in the words of the catalogue.

use std::fmt::Write as _;

use super::prose::Prose;
use super::{escape, Document, SectionKind};
use crate::analysis::Analysis;
use crate::messages::thousands;
use crate::report::Settings;

/// Peri-event histograms, phase tests, the delay shuffle and the regression.
pub(super) fn advanced(md: &mut Document, analysis: &Analysis, prose: &Prose<'_>) {
    peri_event(md, analysis, prose);
    phase(md, analysis, prose);
    shuffle(md, analysis, prose);
    regression(md, analysis, prose);
}

fn peri_event(md: &mut Document, analysis: &Analysis, prose: &Prose<'_>) {
    let peth = &analysis.settings.peth;
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("peth-heading", &[]));
    let intro = prose.say(
        "peth-intro",
        &[("half_width", &peth.half_width.to_string()), ("bin", &peth.bin_days.to_string())],
    );
    let _ = writeln!(md, "{intro}\n");
    for (g, p) in analysis.groups.iter().zip(&analysis.peth) {
        let how = if p.exact {
            prose.say("peth-exact", &[("shifts", &thousands(p.shifts as u64))])
        } else {
            prose.say("peth-random", &[("shifts", &thousands(p.shifts.saturating_sub(1) as u64))])
        };
        let group = prose.group(&g.name);
        let pairs = thousands(p.pairs);
        let line = match p.p_global {
            Some(global) => prose.say(
                "peth-group",
                &[
                    ("group", &group),
                    ("pairs", &pairs),
                    ("p", &prose.p(global)),
                    ("p_erl", &prose.p(p.p_erl)),
                    ("how", &how),
                ],
            ),
            None => prose.say("peth-group-untested", &[("group", &group), ("pairs", &pairs)]),
        };
        let _ = writeln!(md, "- {line}");
    }
}

fn phase(md: &mut Document, analysis: &Analysis, prose: &Prose<'_>) {
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("phase-heading", &[]));
    let _ = writeln!(md, "{}\n", prose.say("phase-intro", &[]));
    for (g, t) in analysis.groups.iter().zip(&analysis.phase) {
        let group = prose.group(&g.name);
        let count = prose.announcements(t.n);
        let line = match (t.mean_phase, t.resultant_length, t.p_rayleigh, t.p_v) {
            (Some(mean), Some(r), Some(rayleigh), Some(v)) => prose.say(
                "phase-group",
                &[
                    ("group", &group),
                    ("count", &count),
                    ("percent", &format!("{:.0}", 100.0 * mean / std::f64::consts::TAU)),
                    ("length", &format!("{r:.2}")),
                    ("p_rayleigh", &prose.p(rayleigh)),
                    ("p_v", &prose.p(v)),
                ],
            ),
            _ => prose.say("phase-group-untested", &[("group", &group), ("count", &count)]),
        };
        let _ = writeln!(md, "- {line}");
    }
}

fn shuffle(md: &mut Document, analysis: &Analysis, prose: &Prose<'_>) {
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("shuffle-heading", &[]));
    if analysis.shuffle.is_empty() {
        let _ = writeln!(md, "{}", prose.say("shuffle-none", &[]));
        return;
    }
    let intro = prose.say(
        "shuffle-intro",
        &[
            ("count", &prose.announcements(analysis.shuffle_cases as u64)),
            ("permutations", &thousands(u64::from(analysis.settings.permutations))),
        ],
    );
    let _ = writeln!(md, "{intro}\n");
    let best = analysis.shuffle.iter().reduce(|a, b| if b.p_value < a.p_value { b } else { a });
    if let Some(best) = best {
        let verdict = if best.p_value < 0.05 {
            prose.say("shuffle-verdict-smallest", &[])
        } else {
            prose.say("shuffle-verdict-none", &[])
        };
        let line = prose.say(
            "shuffle-strongest",
            &[
                ("windows", &analysis.shuffle.len().to_string()),
                ("observed", &prose.announcements(best.observed)),
                ("n", &prose.announcements(best.n)),
                ("days", &best.window_days.to_string()),
                ("direction", &prose.direction(best.direction)),
                ("group_events", &escape(&prose.wording.group_events(&best.group))),
                (
                    "expected",
                    &prose.say("count-announcements", &[("count", &prose.ratio(best.null_mean))]),
                ),
                ("p", &prose.p(best.p_value)),
                ("verdict", &verdict),
            ],
        );
        let _ = writeln!(md, "{line}");
    }
}

fn regression(md: &mut Document, analysis: &Analysis, prose: &Prose<'_>) {
    let settings = &analysis.settings;
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("regression-heading", &[]));
    let lags = analysis.regression.hac_lags.to_string();
    let intro = if settings.fixed_effects.is_empty() {
        prose.say("regression-intro", &[("lags", &lags)])
    } else {
        let effects: Vec<String> = settings
            .fixed_effects
            .iter()
            .map(|f| {
                prose.say(
                    match f {
                        crate::model::FixedEffect::Year => "fixed-effect-year",
                        crate::model::FixedEffect::Month => "fixed-effect-month",
                        crate::model::FixedEffect::Weekday => "fixed-effect-weekday",
                    },
                    &[],
                )
            })
            .collect();
        prose.say("regression-intro-fixed", &[("effects", &effects.join(", ")), ("lags", &lags)])
    };
    let _ = writeln!(md, "{intro}\n");
    for c in &analysis.regression.coefficients {
        if c.term == "intercept"
            || c.term.starts_with("year_")
            || c.term.starts_with("month_")
            || c.term.starts_with("weekday_")
        {
            continue;
        }
        let line = match (c.coef, c.hc0) {
            (Some(coef), Some(hc0)) => {
                let term = escape(&c.term);
                let figures = [
                    ("term", term.as_str()),
                    ("ratio", &prose.ratio(coef.exp())),
                    ("low", &prose.ratio(hc0.irr_low)),
                    ("high", &prose.ratio(hc0.irr_high)),
                    ("p", &prose.p(hc0.p_value)),
                ];
                let key = if c.term == "trend" { "regression-trend" } else { "regression-term" };
                let coefficient = prose.say(key, &figures);
                match c.hac {
                    Some(hac) => prose.say(
                        "regression-newey-west",
                        &[("coefficient", &coefficient), ("p", &prose.p(hac.p_value))],
                    ),
                    None => prose.say("regression-robust-only", &[("coefficient", &coefficient)]),
                }
            }
            _ => prose.say(
                "regression-not-estimated",
                &[("term", &escape(&c.term)), ("note", &escape(&c.note))],
            ),
        };
        let _ = writeln!(md, "- {line}");
    }
}

/// How long announcements were held back, by category.
pub(super) fn delays(md: &mut Document, analysis: &Analysis, report: &Settings, prose: &Prose) {
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("delay-heading", &[]));
    let delays = &analysis.delays;
    let intro = prose.say(
        "delay-intro",
        &[
            ("used", &prose.announcements(delays.used as u64)),
            ("left_out", &prose.announcements(delays.left_out as u64)),
            ("resamples", &thousands(u64::from(analysis.settings.permutations))),
        ],
    );
    let _ = writeln!(md, "{intro}\n");
    if delays.is_empty() && report.parts.charts {
        let _ = writeln!(md, "{}\n", prose.say("delay-no-chart", &[]));
    }
    if delays.summaries.is_empty() {
        return;
    }
    let columns = [
        "column-category",
        "column-n",
        "column-median",
        "column-quartiles",
        "column-range",
        "column-mean",
    ];
    table_header(md, prose, &columns, "|---|---:|---|---|---|---:|");
    for s in &delays.summaries {
        let category = if s.category == crate::stats::delay::ALL {
            prose.say("category-all", &[])
        } else {
            escape(prose.wording.category(&s.category))
        };
        let median = if s.median_ci_low.is_nan() {
            prose.say("median-cell-alone", &[("median", &prose.days(s.median))])
        } else {
            prose.say(
                "median-cell",
                &[
                    ("median", &prose.days(s.median)),
                    ("low", &prose.days(s.median_ci_low)),
                    ("high", &prose.days(s.median_ci_high)),
                ],
            )
        };
        let _ = writeln!(
            md,
            "| {category} | {} | {median} | {} | {} | {} |",
            s.n,
            prose.range(&prose.days(s.q1), &prose.days(s.q3)),
            prose.range(&prose.days(s.min), &prose.days(s.max)),
            prose.days(s.mean)
        );
    }
}

/// A Markdown table's header row from catalogue keys, then its alignment row.
pub(super) fn table_header(md: &mut Document, prose: &Prose, keys: &[&str], alignment: &str) {
    let names: Vec<String> = keys.iter().map(|k| prose.say(k, &[])).collect();
    let _ = writeln!(md, "| {} |", names.join(" | "));
    let _ = writeln!(md, "{alignment}");
}

/// The weekday counts and their chi-square test.
pub(super) fn weekday(md: &mut Document, analysis: &Analysis, prose: &Prose) {
    let weekday = &analysis.weekday;
    let Some(p) = weekday.p_value else { return };
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("weekday-heading", &[]));
    let counts: Vec<String> = crate::messages::weekdays_long(prose.language())
        .iter()
        .zip(weekday.observed)
        .zip(weekday.expected)
        .map(|((day, o), e)| {
            prose.say(
                "weekday-count",
                &[
                    ("day", day),
                    ("observed", &prose.counted(&thousands(o))),
                    ("expected", &prose.ratio(e)),
                ],
            )
        })
        .collect();
    let verdict = if p < 0.05 {
        prose.say("weekday-verdict-pattern", &[])
    } else {
        prose.say("weekday-verdict-none", &[])
    };
    let line = prose.say(
        "weekday-test",
        &[
            ("counts", &counts.join(", ")),
            ("chi2", &format!("{:.2}", weekday.chi2)),
            ("df", &weekday.df.to_string()),
            ("p", &prose.p(p)),
            ("verdict", &verdict),
        ],
    );
    let _ = writeln!(md, "{line}");
}

/// What the report cannot show, and where its methods and tables are.
pub(super) fn caveats(md: &mut Document, report: &Settings, prose: &Prose) {
    let _ = writeln!(md);
    md.section(SectionKind::Plain, &prose.say("caveats-heading", &[]));
    // The bundled data's own caveats only under the bundled data.
    let (intent, census) = if report.bundled_data {
        ("caveat-intent-bundled", "caveat-census-bundled")
    } else {
        ("caveat-intent", "caveat-census")
    };
    for key in [intent, census, "caveat-choices", "caveat-many-tests", "caveat-absence"] {
        let _ = writeln!(md, "- {}", prose.say(key, &[]));
    }
    let mut tables =
        vec!["`tables/window_tests.csv`", "`tables/delay_summary.csv`", "`tables/weekday.csv`"];
    if report.parts.joined {
        tables.push("`tables/joined.csv`");
    }
    let key = if report.bundled_data { "methods-bundled" } else { "methods" };
    let _ = writeln!(md, "\n{}", prose.say(key, &[("tables", &tables.join(", "))]));
}
