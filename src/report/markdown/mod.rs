//! `summary.md`: the findings in plain words, with their caveats.
//!
//! Wording rules: a p-value is "the chance of a result at least this strong if
//! timing were unrelated to events", never "the chance the effect is real"; a
//! non-significant result is "no evidence", never "no effect"; the strongest
//! of many tests is always reported with its adjusted p-value.

use std::fmt::Write as _;

use crate::analysis::{strongest, Analysis};
use crate::messages::finding;
pub use crate::messages::{days_text, p_text, ratio_text};
use crate::report::changes::Changes;
use crate::report::Settings;
use crate::stats::window::WindowTest;

/// Escapes text from the inputs for Markdown (and the HTML it becomes);
/// control characters (line breaks, NUL, escapes) become spaces.
pub fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '|' => "\\|".into(),
            '<' => "&lt;".into(),
            '>' => "&gt;".into(),
            '&' => "&amp;".into(),
            '*' | '_' | '`' | '[' | ']' | '\\' => format!("\\{c}"),
            c if c.is_control() => " ".into(),
            c => c.to_string(),
        })
        .collect()
}

/// Text from the inputs as inline code (ids, kinds): safe in Markdown and HTML.
pub(super) fn code(text: &str) -> String {
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    format!("`{}`", text.replace('`', "'"))
}

mod document;
mod since_last_run;
pub use document::{Document, Section, SectionKind};
use since_last_run::since_last_run;

/// Peri-event histograms, phase tests, the delay shuffle and the regression.
fn advanced_sections(md: &mut Document, analysis: &Analysis) {
    let settings = &analysis.settings;
    let _ = writeln!(md);
    md.section(SectionKind::Plain, "The shape of timing around events");
    let _ = writeln!(md, "Every pair of an announcement and an event at most {} days apart, by distance in days (bins of {} days). Null model: the announcements' own pattern rotated around the period, as in the shift test. A bar outside the *pointwise* band is expected somewhere by chance; the *global* envelope tests the whole curve at once.\n", settings.peth.half_width, settings.peth.bin_days);
    for (g, p) in analysis.groups.iter().zip(&analysis.peth) {
        let how = if p.exact {
            format!("exact over all {} shifts", p.shifts)
        } else {
            format!("{} random shifts", p.shifts.saturating_sub(1))
        };
        match p.p_global {
            Some(global) => {
                let _ = writeln!(md, "- **{}**: {} pairs; global envelope test p = {} (studentized maximum deviation), p = {} (extreme rank length), {how}.", escape(&g.name), p.pairs, p_text(global), p_text(p.p_erl));
            }
            None => {
                let _ = writeln!(
                    md,
                    "- **{}**: {} pairs; too few for a global test.",
                    escape(&g.name),
                    p.pairs
                );
            }
        }
    }

    let _ = writeln!(md);

    md.section(SectionKind::Plain, "Where in the cycle between events");
    let _ = writeln!(md, "Each announcement between two events of a group gets a phase: 0 just after the first, a full turn just before the next. Null model: phases spread evenly around the cycle. The Rayleigh test looks for any preferred phase; the V-test for clustering toward the event.\n");
    for (g, t) in analysis.groups.iter().zip(&analysis.phase) {
        match (t.mean_phase, t.resultant_length, t.p_rayleigh, t.p_v) {
            (Some(mean), Some(r), Some(rayleigh), Some(v)) => {
                let _ = writeln!(md, "- **{}**: {} announcements; mean phase {:.0}% of the way from one event to the next, resultant length {:.2} (0 = no preferred phase, 1 = all alike); Rayleigh p = {}, V-test toward the event p = {}.", escape(&g.name), t.n, 100.0 * mean / std::f64::consts::TAU, r, p_text(rayleigh), p_text(v));
            }
            _ => {
                let _ = writeln!(
                    md,
                    "- **{}**: {} announcements between two events; no test.",
                    escape(&g.name),
                    t.n
                );
            }
        }
    }

    let _ = writeln!(md);

    md.section(SectionKind::Plain, "Were announcements held back until an event?");
    if analysis.shuffle.is_empty() {
        let _ = writeln!(
            md,
            "No case has a defection date known to the day, so the delay-shuffle test cannot run."
        );
    } else {
        let _ = writeln!(md, "{} cases have a defection date known to the day. Keeping those dates and giving the cases each other's delays ({} random permutations), how often do as many announcements land in the windows as really did? Null model: delays were not chosen with the calendar in mind.\n", analysis.shuffle_cases, settings.permutations);
        let best = analysis.shuffle.iter().reduce(|a, b| if b.p_value < a.p_value { b } else { a });
        if let Some(best) = best {
            let _ = writeln!(md, "The strongest of {} windows: {} of {} cases within {} days {} {} events, against {} under the null (p = {}). {}", analysis.shuffle.len(), best.observed, best.n, best.window_days, best.direction.as_str(), escape(&best.group), ratio_text(best.null_mean), p_text(best.p_value), if best.p_value < 0.05 { "Read it as the smallest of many p-values, not adjusted for the others." } else { "No window gives evidence that delays were timed." });
        }
    }

    let _ = writeln!(md);

    md.section(SectionKind::Plain, "Controlling for the trend");
    let _ = writeln!(md, "A Poisson regression of daily counts on a linear trend and the window indicators{}. Null model for each term: the same daily rate inside and outside its windows, given the trend. Standard errors are robust (HC0) and, because announcements come in bursts, also Newey-West with {} lags.\n", if settings.fixed_effects.is_empty() { String::new() } else { format!(" (with {} fixed effects)", settings.fixed_effects.iter().map(|f| format!("{f:?}").to_lowercase()).collect::<Vec<_>>().join(", ")) }, analysis.regression.hac_lags);
    for c in &analysis.regression.coefficients {
        if c.term == "intercept"
            || c.term.starts_with("year_")
            || c.term.starts_with("month_")
            || c.term.starts_with("weekday_")
        {
            continue;
        }
        match (c.coef, c.hc0, c.hac) {
            (Some(coef), Some(hc0), hac) => {
                let what = if c.term == "trend" {
                    "per year of trend".to_string()
                } else {
                    format!("on days in {}", escape(&c.term))
                };
                let hac_text = hac.map_or_else(String::new, |h| {
                    format!("; Newey-West p = {}", p_text(h.p_value))
                });
                let _ = writeln!(
                    md,
                    "- Rate ratio {what}: {} (95% CI {} to {}), p = {}{hac_text}.",
                    ratio_text(coef.exp()),
                    ratio_text(hc0.irr_low),
                    ratio_text(hc0.irr_high),
                    p_text(hc0.p_value)
                );
            }
            _ => {
                let _ = writeln!(md, "- {}: {}.", escape(&c.term), escape(&c.note));
            }
        }
    }
}

/// The summary in plain words: `summary.md` ([`Document::to_markdown`]) and
/// the prose of `index.html`.
pub fn summary_markdown(
    analysis: &Analysis,
    report: &Settings,
    changes: Option<&Changes>,
) -> Document {
    let settings = &analysis.settings;
    let mut md = Document::default();
    let unit = if settings.weight_by_people { "people" } else { "announcements" };
    let tests = &analysis.window_tests;
    let windows: Vec<String> = settings.windows.iter().map(u32::to_string).collect();
    let _ = writeln!(md, "# {}\n", escape(&report.title()));
    if let Some(subtitle) = &report.wording.report.subtitle {
        let _ = writeln!(md, "{}\n", escape(subtitle));
    }
    let _ = writeln!(
        md,
        "*northwind {} report. Seed {}.*\n\n- Announcements: {}\n- Events: {}\n",
        env!("CARGO_PKG_VERSION"),
        settings.seed,
        report.announcements.describe_with(code),
        report.events.describe_with(code),
    );

    if let Some(changes) = changes {
        since_last_run(&mut md, changes);
    }

    md.section(SectionKind::Plain, "What was found");
    let significant: Vec<&WindowTest> = tests.iter().filter(|t| t.p_shift_holm < 0.05).collect();
    if significant.is_empty() {
        let _ = writeln!(md, "No window passes the correction for {} tests at the 5% level: these data give no firm evidence that {unit} cluster around any group of events. That is not evidence that they do not; with few cases, the tests can miss a real effect.\n", tests.len());
        if let Some(best) = strongest(tests) {
            let _ = writeln!(
                md,
                "The strongest single result: {}\n",
                finding(best, &escape(&best.group), unit)
            );
            let _ = writeln!(md, "On its own this p-value would {}, but it is the smallest of {} and was not chosen in advance.\n", if best.p_shift < 0.05 { "look notable" } else { "not be notable" }, tests.len());
        }
    } else {
        let _ = writeln!(md, "After correcting for {} tests, {} window(s) hold more {unit} than chance would explain at the 5% level:\n", tests.len(), significant.len());
        for t in &significant {
            let _ = writeln!(md, "- {}", finding(t, &escape(&t.group), unit));
        }
        let _ = writeln!(md, "\nA p-value is the chance of a result at least this strong if the timing of announcements were unrelated to the events. It does not say why announcements cluster: timing can follow from other causes (see below).\n");
    }

    md.section(SectionKind::Plain, "What was tested");
    let groups: Vec<String> = analysis
        .groups
        .iter()
        .map(|g| format!("**{}** ({} event days)", escape(&g.name), g.days.len()))
        .collect();
    let _ = writeln!(
        md,
        "{} announcements ({} people) from {} to {} ({} days) were compared with {} groups of events: {}.\n",
        analysis.announcements,
        analysis.people,
        analysis.period.start,
        analysis.period.end,
        analysis.period.days(),
        analysis.groups.len(),
        groups.join(", ")
    );
    let _ = writeln!(
        md,
        "For every group, every window width ({} days) and both directions (the event day and the days *before* it, or the event day and the days *after* it), northwind counted the {unit} that fell in a window and compared that count with chance in two ways:\n",
        windows.join(", ")
    );
    let _ = writeln!(md, "- **Circular-shift test (primary, exact).** All announcement dates are moved together by the same number of days, wrapping around the study period, for every one of the {} possible shifts. The p-value is the share of shifts that put at least as many {unit} in the windows as the real dates do. Bursts of announcements stay intact, so one busy week cannot pass for many independent coincidences.", analysis.period.days());
    let _ = writeln!(md, "- **Binomial test (secondary).** Treats every announcement as falling on a random day of the period, independently of the others. Bursts make it too optimistic.\n");
    let _ = writeln!(md, "That makes {} tests, so the shift p-values are also adjusted for multiple testing (Holm, and Benjamini-Hochberg).\n", tests.len());

    let _ = writeln!(md, "| Group | Direction | Window (days) | Observed | Expected | Rate ratio (95% CI) | p (shift) | p (Holm) | p (binomial) |");
    let _ = writeln!(md, "|---|---|---:|---:|---:|---|---:|---:|---:|");
    for t in tests {
        let rr = t.rate_ratio.map_or_else(
            || "undefined".to_string(),
            |r| {
                format!(
                    "{} ({} to {})",
                    ratio_text(r.estimate),
                    ratio_text(r.low),
                    ratio_text(r.high)
                )
            },
        );
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            escape(&t.group),
            t.direction.as_str(),
            t.window_days,
            t.observed,
            ratio_text(t.expected),
            rr,
            p_text(t.p_shift),
            p_text(t.p_shift_holm),
            p_text(t.p_binomial)
        );
    }

    advanced_sections(&mut md, analysis);

    let _ = writeln!(md);

    md.section(SectionKind::Plain, "How long were announcements held back?");
    let delays = &analysis.delays;
    let _ = writeln!(md, "{} announcements have a defection date known to the day; {} others (no defection date, or one known only to the month or year) are left out of this summary. Delay = announcement date minus defection date, in days. The median's interval is a percentile bootstrap with {} resamples.\n", delays.used, delays.left_out, settings.permutations);
    if delays.is_empty() && report.parts.charts {
        let _ = writeln!(md, "With no defection date known to the day there is no delay to show, so the report has no delay histogram.\n");
    }
    if !delays.summaries.is_empty() {
        let _ = writeln!(md, "| Category | n | Median (95% CI) | Quartiles | Range | Mean |");
        let _ = writeln!(md, "|---|---:|---|---|---|---:|");
        for s in &delays.summaries {
            let _ = writeln!(
                md,
                "| {} | {} | {} ({} to {}) | {} to {} | {} to {} | {} |",
                escape(&s.category),
                s.n,
                days_text(s.median),
                days_text(s.median_ci_low),
                days_text(s.median_ci_high),
                days_text(s.q1),
                days_text(s.q3),
                days_text(s.min),
                days_text(s.max),
                days_text(s.mean)
            );
        }
    }

    let weekday = &analysis.weekday;
    if let Some(p) = weekday.p_value {
        let _ = writeln!(md);
        md.section(SectionKind::Plain, "Day of the week");
        let counts: Vec<String> = crate::messages::WEEKDAYS
            .iter()
            .zip(weekday.observed)
            .zip(weekday.expected)
            .map(|((day, o), e)| format!("{day} {o} ({} expected)", ratio_text(e)))
            .collect();
        let _ = writeln!(md, "{}. Against the number of each weekday in the period, a chi-square test gives {:.2} on {} degrees of freedom, p = {}: {}.", counts.join(", "), weekday.chi2, weekday.df, p_text(p), if p < 0.05 { "announcements favour some weekdays, which the other tests do not model" } else { "no clear weekday pattern" });
    }

    let _ = writeln!(md);

    md.section(SectionKind::Plain, "What this does not show");
    // The bundled data's own caveats only under the bundled data.
    let (intent, census) = if report.bundled_data {
        (
            "**Intent.** Clustering near events is consistent with strategic timing, but also with other causes: events and defections can share a cause (a crisis, a sanctions round, a border incident), and some announcements follow the calendar of the cases themselves.",
            "**A census.** The bundled data are high-profile cases that made English-language news; routine arrivals are announced only as totals. A selected sample can cluster for reasons of selection.",
        )
    } else {
        (
            "**Intent.** Clustering near events is consistent with strategic timing, but also with other causes: the events and the cases can share a cause, and some announcements follow the calendar of the cases themselves.",
            "**A census.** If the cases are a selection (those that made the news, say) rather than all of them, they can cluster for reasons of selection.",
        )
    };
    for caveat in [
        intent,
        census,
        "**Choices made in advance.** The study period, the event groups and the window widths shape every figure. They are fixed in the configuration and all windows are reported, but if they were chosen after seeing the data, the p-values are too small.",
        "**Many tests.** The smallest of many p-values is small by chance. Use the Holm-adjusted values for claims.",
        "**Absence of an effect.** With a few dozen cases, a real effect can go undetected; a large p-value is not proof that timing is innocent.",
    ] {
        let _ = writeln!(md, "- {caveat}");
    }
    let joined = if report.parts.joined { ", `tables/joined.csv`" } else { "" };
    let sources = if report.bundled_data {
        " Data sources: `data/SOURCES.md` for the bundled data; each case's source is linked in `index.html`."
    } else {
        ""
    };
    let _ = writeln!(md, "\nMethods, null models and formulas: `docs/METHODS.md` in the northwind repository. Tables: `tables/window_tests.csv`, `tables/delay_summary.csv`, `tables/weekday.csv`{joined}; every figure also in `summary.json`.{sources}");
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_read_with_two_significant_digits() {
        assert_eq!(p_text(0.011142), "0.011");
        assert_eq!(p_text(0.5), "0.50");
        assert_eq!(p_text(0.00028), "0.00028");
        assert_eq!(p_text(0.00001), "< 0.0001");
    }

    #[test]
    fn days_read_as_whole_numbers_when_they_are() {
        assert_eq!(days_text(696.0), "696");
        assert_eq!(days_text(0.5), "0.5");
        assert_eq!(days_text(26.964), "27.0");
    }

    #[test]
    fn markdown_escapes_text_from_the_inputs() {
        assert_eq!(escape("<script>|x_y"), "&lt;script&gt;\\|x\\_y");
    }
}
