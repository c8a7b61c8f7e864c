//! `summary.md`: the findings in plain words, with their caveats.
//!
//! Wording rules: a p-value is "the chance of a result at least this strong if
//! timing were unrelated to events", never "the chance the effect is real"; a
//! non-significant result is "no evidence", never "no effect"; the strongest
//! of many tests is always reported with its adjusted p-value.

use std::fmt::Write as _;

use crate::analysis::{strongest, Analysis};
use crate::messages::thousands;
pub use crate::messages::{days_text, p_text, ratio_text};
use crate::model::InputSource;
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
mod prose;
mod sections;
mod since_last_run;
pub use document::{Document, Section, SectionKind};

/// More groups of one kind each than this (a handful) get a note in "What
/// was tested" when they come from the kind-prefix rule.
const SINGLE_KIND_GROUPS_NOTED: usize = 5;
pub use prose::{Prose, Unit};
use since_last_run::since_last_run;
mod local_null;

/// An input as the report names it: its path, or the bundled copy's name,
/// and the encoding it was read in when that was not UTF-8.
fn input_text(source: &InputSource, encoding: &str, prose: &Prose) -> String {
    let named = match source {
        InputSource::File(path) => code(&path.display().to_string()),
        InputSource::Embedded { name, .. } => {
            prose.say("report-input-embedded", &[("name", &code(name))])
        }
    };
    if encoding == "UTF-8" {
        named
    } else {
        prose.say("report-input-encoded", &[("source", &named), ("encoding", encoding)])
    }
}

/// The summary in plain words, in the language of `report.wording`:
/// `summary.md` ([`Document::to_markdown`]) and the prose of `index.html`.
pub fn summary_markdown(
    analysis: &Analysis,
    report: &Settings,
    changes: Option<&Changes>,
) -> Document {
    let settings = &analysis.settings;
    let unit = if settings.weight_by_people { Unit::People } else { Unit::Announcements };
    let prose = Prose { wording: &report.wording, unit };
    let mut md = Document::default();
    let _ = writeln!(md, "# {}\n", escape(&report.title()));
    if let Some(subtitle) = &report.wording.report.subtitle {
        let _ = writeln!(md, "{}\n", escape(subtitle));
    }
    let made_by = prose.say(
        "report-made-by",
        &[("version", env!("CARGO_PKG_VERSION")), ("seed", &settings.seed.to_string())],
    );
    let announcements = prose.say(
        "report-input-announcements",
        &[("source", &input_text(&report.announcements, report.encodings[0], &prose))],
    );
    let events = prose.say(
        "report-input-events",
        &[("source", &input_text(&report.events, report.encodings[1], &prose))],
    );
    let _ = writeln!(md, "*{made_by}*\n\n- {announcements}\n- {events}\n");

    if let Some(changes) = changes {
        since_last_run(&mut md, changes, &prose);
    }
    found(&mut md, &analysis.window_tests, &prose);
    tested(&mut md, analysis, &prose);
    sections::advanced(&mut md, analysis, &prose);
    sections::delays(&mut md, analysis, report, &prose);
    sections::weekday(&mut md, analysis, &prose);
    sections::caveats(&mut md, report, &prose);
    md
}

/// "What was found": the windows that pass Holm, or the strongest one with
/// the words that keep it from reading as a finding.
fn found(md: &mut Document, tests: &[WindowTest], prose: &Prose) {
    md.section(SectionKind::Plain, &prose.say("found-heading", &[]));
    let family = tests.iter().filter(|t| t.p_shift_fwer.is_some()).count();
    let count = family.to_string();
    let significant: Vec<&WindowTest> =
        tests.iter().filter(|t| t.p_shift_fwer.is_some_and(|p| p < 0.05)).collect();
    if significant.is_empty() {
        let none = prose.say("found-none", &[("tests", &count), ("unit", &prose.unit())]);
        let _ = writeln!(md, "{none}\n");
        if let Some(best) = strongest(tests) {
            let finding = prose.finding(best, family);
            let strongest = prose.say("found-strongest", &[("finding", &finding)]);
            let hits =
                if best.observed > 0 { format!(" {}", prose.hits(best)) } else { String::new() };
            let _ = writeln!(md, "{strongest}{hits}\n");
            let key =
                if best.p_shift < 0.05 { "found-alone-notable" } else { "found-alone-not-notable" };
            let _ = writeln!(md, "{}\n", prose.say(key, &[("tests", &count)]));
            if let Some(local) = local_null::for_finding(best, prose) {
                let _ = writeln!(md, "{local}\n");
            }
        }
    } else {
        let some = prose.say(
            "found-some",
            &[
                ("tests", &count),
                ("count", &significant.len().to_string()),
                ("unit", &prose.unit()),
            ],
        );
        let _ = writeln!(md, "{some}\n");
        for t in &significant {
            let local =
                local_null::for_finding(t, prose).map(|l| format!(" {l}")).unwrap_or_default();
            let _ = writeln!(md, "- {} {}{local}", prose.finding(t, family), prose.hits(t));
        }
        let _ = writeln!(md, "\n{}\n", prose.say("found-p-meaning", &[]));
    }
    fewer_than_chance(md, tests, prose);
}

/// The windows that hold significantly fewer announcements than the shifts
/// would put there (lower-tail shift p below 0.05, not adjusted): a one-sided
/// test reads them as p = 1, which is not "consistent with chance".
fn fewer_than_chance(md: &mut Document, tests: &[WindowTest], prose: &Prose) {
    let fewer: Vec<String> = tests
        .iter()
        .filter(|t| t.p_shift_fwer.is_some() && t.p_shift_lower < 0.05)
        .map(|t| {
            prose.say(
                "found-fewer-window",
                &[
                    ("where", &prose.window(t)),
                    ("observed", &prose.counted(&thousands(t.observed))),
                    ("expected", &prose.counted(&prose.ratio(t.expected))),
                    ("p", &prose.p(t.p_shift_lower)),
                ],
            )
        })
        .collect();
    if !fewer.is_empty() {
        let text =
            prose.say("found-fewer", &[("unit", &prose.unit()), ("windows", &fewer.join("; "))]);
        let _ = writeln!(md, "{text}\n");
    }
}

/// "What was tested": the data, the two tests, the family, and every row.
fn tested(md: &mut Document, analysis: &Analysis, prose: &Prose) {
    md.section(SectionKind::Plain, &prose.say("tested-heading", &[]));
    let groups: Vec<String> = analysis
        .groups
        .iter()
        .map(|g| {
            let key = if g.days.len() == 1 { "tested-group-one" } else { "tested-group" };
            prose.say(
                key,
                &[("group", &prose.group(&g.name)), ("days", &thousands(g.days.len() as u64))],
            )
        })
        .collect();
    let period = &analysis.period;
    let data = prose.say(
        "tested-data",
        &[
            ("count", &prose.announcements(analysis.announcements)),
            ("people", &prose.people(analysis.people)),
            ("start", &prose.date(period.start)),
            ("end", &prose.date(period.end)),
            ("days", &thousands(period.days() as u64)),
            ("groups_count", &analysis.groups.len().to_string()),
            ("groups", &groups.join(", ")),
        ],
    );
    let _ = writeln!(md, "{data}\n");
    let outside = &analysis.outside_period;
    if outside.total() > 0 {
        let key = if outside.total() == 1 {
            "tested-outside-period-one"
        } else {
            "tested-outside-period"
        };
        let left_out = prose.say(
            key,
            &[
                ("count", &prose.announcements(outside.total())),
                ("before", &prose.announcements(outside.before)),
                ("after", &prose.announcements(outside.after)),
            ],
        );
        let _ = writeln!(md, "{left_out}\n");
    }
    if analysis.ids_by_line {
        let _ = writeln!(md, "{}\n", prose.say("tested-ids-by-line", &[]));
    }
    // The kind-prefix rule on kinds without a shared prefix (holiday names):
    // a group per kind, and as many tests.
    let single_kind = analysis.groups.iter().filter(|g| g.kinds.len() == 1).count();
    if matches!(analysis.settings.groups, crate::model::GroupSpec::KindPrefix)
        && single_kind > SINGLE_KIND_GROUPS_NOTED
    {
        let note = prose.say(
            "tested-single-kind-groups",
            &[("count", &single_kind.to_string()), ("groups", &analysis.groups.len().to_string())],
        );
        let _ = writeln!(md, "{note}\n");
    }
    let widths: Vec<String> = analysis.settings.windows.iter().map(u32::to_string).collect();
    let how = prose.say("tested-how", &[("widths", &widths.join(", ")), ("unit", &prose.unit())]);
    let _ = writeln!(md, "{how}\n");
    let shift = prose.say(
        "tested-shift",
        &[("shifts", &thousands(period.days() as u64)), ("unit", &prose.unit())],
    );
    let _ = writeln!(md, "- {shift}");
    let _ = writeln!(md, "- {}\n", prose.say("tested-binomial", &[]));
    let in_family = analysis.window_tests.iter().filter(|t| t.p_shift_fwer.is_some()).count();
    let family = prose.say("tested-family", &[("tests", &in_family.to_string())]);
    let _ = writeln!(md, "{family}\n");
    local_null::explained(md, analysis, prose);

    let columns = [
        "column-group",
        "column-direction",
        "column-window",
        "column-observed",
        "column-expected",
        "column-rate-ratio",
        "column-p-shift",
        "column-p-adjusted",
        "column-p-local",
        "column-p-binomial",
    ];
    sections::table_header(md, prose, &columns, "|---|---|---:|---:|---:|---|---:|---:|---:|---:|");
    for t in &analysis.window_tests {
        let rr = prose.rate_ratio(t, "rate-ratio-cell", "rate-ratio-cell-undefined");
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {rr} | {} | {} | {} | {} |",
            prose.group(&t.group),
            prose.direction(t.direction),
            t.window_days,
            t.observed,
            prose.ratio(t.expected),
            prose.p(t.p_shift),
            prose.p(t.p_shift_fwer.unwrap_or(f64::NAN)),
            prose.p(t.local.p_value),
            prose.p(t.p_binomial)
        );
    }
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
