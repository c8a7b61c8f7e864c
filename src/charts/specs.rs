//! Chart specs from the analysis: selection, labelling and wording only. Every
//! number shown was computed in `stats` (via [`Analysis`]); nothing here tests
//! or estimates anything.

use chrono::Datelike;

use super::timeline::{TimelineCase, TimelineEvent};
use super::{
    DelayHistogram, MonthlyCounts, PeriEvent, PhaseRose, Sensitivity, Timeline, WeekdayChart,
};
use crate::analysis::{strongest, Analysis, CaseMark};
use crate::messages::{days_text, headline, p_text};
use crate::model::Direction;
use crate::stats::window::WindowTest;
use crate::wording::{names_event, ChartKind, Wording};

/// How many cases the timeline labels when the newsroom names none.
pub const LABELLED_CASES: usize = 6;

fn years(analysis: &Analysis, wording: &Wording) -> String {
    let (first, last) = (analysis.period.start.year(), analysis.period.end.year());
    if first == last {
        wording.say("year-single", &[("year", &first.to_string())])
    } else {
        wording.say("years-span", &[("first", &first.to_string()), ("last", &last.to_string())])
    }
}

use crate::messages::thousands;

/// "40 announcements" (or "1 announcement") in the data's terms.
fn counted(n: u64, wording: &Wording) -> String {
    counted_as(n, &wording.words.terms.announcement, wording)
}

/// `n` of `noun`, as the language counts ("28 cases", "사례 28건").
fn counted_as(n: u64, noun: &crate::wording::Noun, wording: &Wording) -> String {
    wording.say("count-of", &[("count", &n.to_string()), ("things", noun.count(n))])
}

/// The cases the timeline labels: those the newsroom names by id, else the
/// most important, most people first, then the longest delay, half the
/// labels each (the first [`LABELLED_CASES`] of each order not yet chosen).
fn labelled(marks: &[CaseMark], wording: &Wording) -> Vec<usize> {
    if let Some(ids) = &wording.annotate_cases {
        return (0..marks.len()).filter(|&i| ids.contains(&marks[i].id)).collect();
    }
    let mut by_people: Vec<usize> = (0..marks.len()).collect();
    by_people.sort_by_key(|&i| (std::cmp::Reverse(marks[i].people), marks[i].announced));
    let mut by_delay: Vec<usize> =
        (0..marks.len()).filter(|&i| marks[i].delay_days().is_some()).collect();
    by_delay.sort_by_key(|&i| (std::cmp::Reverse(marks[i].delay_days()), marks[i].announced));
    let mut chosen: Vec<usize> = Vec::new();
    for i in
        by_people.iter().take(LABELLED_CASES / 2).chain(by_delay.iter()).chain(by_people.iter())
    {
        if chosen.len() >= LABELLED_CASES {
            break;
        }
        if !chosen.contains(i) {
            chosen.push(*i);
        }
    }
    chosen
}

fn timeline_case(mark: &CaseMark, label: Option<String>) -> TimelineCase {
    TimelineCase {
        announced: mark.announced,
        defected: mark.defected,
        people: mark.people,
        lane: mark.lane,
        label,
    }
}

/// A case's label: its name without a trailing parenthesis ("Kim Kuk-song
/// (pseudonym)" is "Kim Kuk-song"); the chart wraps it, never cuts it.
fn case_label(name: &str) -> String {
    name.split(" (").next().unwrap_or(name).to_string()
}

/// The timeline: lanes by category, the chosen cases labelled; for large
/// inputs, weekly totals per category.
pub fn timeline(analysis: &Analysis, wording: &Wording) -> Timeline {
    let cases = &analysis.cases;
    let language = wording.words.language;
    let aggregated = cases.weekly;
    let marks = if aggregated {
        cases.marks.iter().map(|m| timeline_case(m, None)).collect()
    } else {
        let chosen = labelled(&cases.marks, wording);
        cases
            .marks
            .iter()
            .enumerate()
            .map(|(i, m)| {
                timeline_case(m, chosen.contains(&i).then(|| case_label(m.name_in(language))))
            })
            .collect()
    };
    let years = years(analysis, wording);
    let counted = counted(analysis.announcements, wording);
    let subtitle = strongest(&analysis.window_tests).map_or_else(
        || {
            wording
                .say("chart-timeline-subtitle-no-test", &[("counted", &counted), ("years", &years)])
        },
        |t| {
            wording.say(
                "chart-timeline-subtitle",
                &[("counted", &counted), ("years", &years), ("headline", &headline(t, wording))],
            )
        },
    );
    let subtitle = if aggregated {
        wording.say("chart-timeline-subtitle-weekly", &[("subtitle", &subtitle)])
    } else {
        subtitle
    };
    let waits = cases.marks.iter().any(|m| m.defected.is_some());
    let title = if waits {
        wording.say("chart-timeline-title", &[])
    } else {
        wording.say("chart-timeline-title-no-origin", &[("years", &years)])
    };
    // The caption explains only the marks the chart has.
    let caption = if aggregated {
        wording.say("chart-timeline-caption-weekly", &[])
    } else {
        let people = cases.marks.iter().any(|m| m.people != 1);
        [
            Some(wording.say("chart-timeline-caption", &[])),
            people.then(|| wording.say("chart-timeline-caption-people", &[])),
            waits.then(|| wording.say("chart-timeline-caption-waits", &[])),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    };
    Timeline {
        text: wording.chart_text(ChartKind::Timeline, None, title, subtitle, caption),
        start: analysis.period.start,
        end: analysis.period.end,
        categories: cases.categories.iter().map(|c| wording.category(c).to_string()).collect(),
        cases: marks,
        weekly: aggregated,
        groups: analysis
            .groups
            .iter()
            .map(|g| {
                // The strip shows the study period's events, as its data do.
                let period = &analysis.period;
                let days = g
                    .days
                    .iter()
                    .filter(|d| d.date >= period.start && d.date <= period.end)
                    .map(|d| TimelineEvent {
                        date: d.date,
                        label: wording
                            .annotate_events
                            .iter()
                            .any(|a| names_event(a, d))
                            .then(|| d.label_in(language).to_string()),
                    })
                    .collect();
                (wording.group_events(&g.name), days)
            })
            .collect(),
    }
}

/// The delay histogram of day-precise delays; `None` when there is none.
pub fn delay_histogram(analysis: &Analysis, wording: &Wording) -> Option<DelayHistogram> {
    if analysis.delays.is_empty() {
        return None;
    }
    let all = analysis.delays.summaries.first()?;
    let subtitle = wording.say(
        "chart-delay-subtitle",
        &[
            ("median", &days_text(all.median)),
            ("low", &days_text(all.median_ci_low)),
            ("high", &days_text(all.median_ci_high)),
            ("counted", &counted_as(all.n as u64, &wording.words.terms.case, wording)),
            ("left_out", &analysis.delays.left_out.to_string()),
        ],
    );
    Some(DelayHistogram {
        text: wording.chart_text(
            ChartKind::DelayHistogram,
            None,
            wording.say("chart-delay-title", &[]),
            subtitle,
            wording.say("chart-delay-caption", &[]),
        ),
        bins: analysis.delays.histogram.clone(),
    })
}

/// Monthly counts with event months marked per group.
pub fn monthly_counts(analysis: &Analysis, wording: &Wording) -> MonthlyCounts {
    let months: Vec<(i32, u32, u64)> =
        analysis.monthly.iter().map(|m| (m.year, m.month, m.count)).collect();
    let groups = analysis
        .groups
        .iter()
        .map(|g| {
            let indices = months
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    g.days.iter().any(|d| d.date.year() == m.0 && d.date.month() == m.1)
                })
                .map(|(i, _)| i)
                .collect();
            (wording.group_events(&g.name), indices)
        })
        .collect();
    let busiest =
        analysis.monthly.iter().max_by_key(|m| (m.count, std::cmp::Reverse((m.year, m.month))));
    let subtitle = busiest.map_or_else(String::new, |m| {
        wording.say(
            "chart-monthly-subtitle",
            &[
                ("counted", &counted(analysis.announcements, wording)),
                ("months", &months.len().to_string()),
                ("busiest", &crate::messages::month_text(wording.words.language, m.year, m.month)),
                ("most", &m.count.to_string()),
            ],
        )
    });
    let title = wording.say("chart-monthly-title", &[("years", &years(analysis, wording))]);
    MonthlyCounts {
        text: wording.chart_text(
            ChartKind::MonthlyCounts,
            None,
            title,
            subtitle,
            wording.say("chart-monthly-caption", &[]),
        ),
        months,
        groups,
    }
}

/// Weekday bars against expectation.
pub fn weekday(analysis: &Analysis, wording: &Wording) -> WeekdayChart {
    let w = &analysis.weekday;
    let subtitle = match w.p_value {
        Some(p) => wording.say(
            "chart-weekday-subtitle",
            &[("chi2", &format!("{:.2}", w.chi2)), ("df", &w.df.to_string()), ("p", &p_text(p))],
        ),
        None => wording.say("chart-weekday-subtitle-empty", &[]),
    };
    WeekdayChart {
        text: wording.chart_text(
            ChartKind::Weekday,
            None,
            wording.say("chart-weekday-title", &[]),
            subtitle,
            wording.say("chart-weekday-caption", &[]),
        ),
        observed: w.observed,
        expected: w.expected,
        labels: crate::messages::weekdays_short(wording.words.language),
    }
}

/// One sensitivity chart per group.
pub fn sensitivity(analysis: &Analysis, wording: &Wording) -> Vec<Sensitivity> {
    analysis
        .groups
        .iter()
        .map(|g| {
            let curve = |direction: Direction| -> super::sensitivity::Curve {
                analysis
                    .window_tests
                    .iter()
                    .filter(|t| t.group == g.name && t.direction == direction)
                    .map(|t| (t.window_days, t.rate_ratio.map(|r| (r.estimate, r.low, r.high))))
                    .collect()
            };
            let tests: Vec<WindowTest> =
                analysis.window_tests.iter().filter(|t| t.group == g.name).cloned().collect();
            let subtitle = strongest(&tests).map_or_else(String::new, |t| headline(t, wording));
            let group_events = wording.group_events(&g.name);
            let args = [("group_events", group_events.as_str())];
            Sensitivity {
                group: g.name.clone(),
                slug: g.slug.clone(),
                group_events: group_events.clone(),
                // A neutral title: whether the window matters is the adjusted
                // tests' to say (the subtitle), not the title's.
                text: wording.chart_text(
                    ChartKind::Sensitivity,
                    Some(&g.name),
                    wording.say("chart-sensitivity-title", &args),
                    subtitle,
                    wording.say("chart-sensitivity-caption", &args),
                ),
                before: curve(Direction::Before),
                after: curve(Direction::After),
            }
        })
        .collect()
}

/// One peri-event chart per group.
pub fn peri_event(analysis: &Analysis, wording: &Wording) -> Vec<PeriEvent> {
    analysis
        .groups
        .iter()
        .zip(&analysis.peth)
        .map(|(g, p)| {
            let how = if p.exact {
                wording.say("chart-peri-exact", &[("shifts", &thousands(p.shifts as u64))])
            } else {
                let shifts = thousands(p.shifts.saturating_sub(1) as u64);
                wording.say("chart-peri-random", &[("shifts", &shifts)])
            };
            let pairs = p.pairs.to_string();
            let subtitle = match (p.p_global, p.t_observed) {
                (Some(global), Some(_)) => wording.say(
                    "chart-peri-subtitle",
                    &[
                        ("pairs", &pairs),
                        ("p_studentized", &p_text(global)),
                        ("p_erl", &p_text(p.p_erl)),
                        ("how", &how),
                    ],
                ),
                _ => {
                    wording.say("chart-peri-subtitle-untested", &[("pairs", &pairs), ("how", &how)])
                }
            };
            let group_events = wording.group_events(&g.name);
            let args = [("group_events", group_events.as_str())];
            PeriEvent {
                group: g.name.clone(),
                slug: g.slug.clone(),
                text: wording.chart_text(
                    ChartKind::PeriEvent,
                    Some(&g.name),
                    wording.say("chart-peri-title", &args),
                    subtitle,
                    wording.say("chart-peri-caption", &args),
                ),
                bins: p.bins.clone(),
                observed: p.observed.clone(),
                null_mean: p.null_mean.clone(),
                pointwise: p
                    .pointwise_low
                    .iter()
                    .copied()
                    .zip(p.pointwise_high.iter().copied())
                    .collect(),
                global: p.global_low.iter().copied().zip(p.global_high.iter().copied()).collect(),
                erl: p.erl_low.iter().copied().zip(p.erl_high.iter().copied()).collect(),
            }
        })
        .collect()
}

/// One phase rose per group.
pub fn phase(analysis: &Analysis, wording: &Wording) -> Vec<PhaseRose> {
    analysis
        .groups
        .iter()
        .zip(analysis.phase.iter().zip(&analysis.phase_sectors))
        .map(|(g, (test, sectors))| {
            let group_events = wording.group_events(&g.name);
            let subtitle = match (test.p_rayleigh, test.p_v, test.resultant_length) {
                (Some(rayleigh), Some(v), Some(r)) => wording.say(
                    "chart-phase-subtitle",
                    &[
                        ("counted", &counted(test.n, wording)),
                        ("group_events", &group_events),
                        ("length", &format!("{r:.2}")),
                        ("p_rayleigh", &p_text(rayleigh)),
                        ("p_v", &p_text(v)),
                    ],
                ),
                _ => wording.say("chart-phase-subtitle-empty", &[("group_events", &group_events)]),
            };
            let args = [("group_events", group_events.as_str())];
            PhaseRose {
                group: g.name.clone(),
                slug: g.slug.clone(),
                text: wording.chart_text(
                    ChartKind::Phase,
                    Some(&g.name),
                    wording.say("chart-phase-title", &args),
                    subtitle,
                    wording.say("chart-phase-caption", &args),
                ),
                sectors: sectors.clone(),
                mean: test.mean_phase.zip(test.resultant_length),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_case_label_drops_its_parenthesis_and_keeps_every_word() {
        assert_eq!(super::case_label("Kim Kuk-song (pseudonym)"), "Kim Kuk-song");
        let long = "13 Ryukyung restaurant workers from the Ningbo branch";
        assert_eq!(super::case_label(long), long);
    }
}
