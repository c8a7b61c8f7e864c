//! Chart specs from the analysis: selection, labelling and wording only. Every
//! number shown was computed in `stats` (via [`Analysis`]); nothing here tests
//! or estimates anything.

use chrono::Datelike;

use super::{
    DelayHistogram, MonthlyCounts, PeriEvent, PhaseRose, Sensitivity, Timeline, WeekdayChart,
};
use crate::analysis::{strongest, Analysis, CaseMark};
use crate::messages::{days_text, headline, p_text};
use crate::model::Direction;
use crate::stats::window::WindowTest;

/// How many cases the timeline labels by name.
pub const LABELLED_CASES: usize = 6;

fn years(analysis: &Analysis) -> String {
    let (first, last) = (analysis.period.start.year(), analysis.period.end.year());
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// The timeline's cases, the most important labelled: most people first,
/// then the longest delay, half the labels each (the first
/// [`LABELLED_CASES`] of each order that are not yet chosen).
fn labelled_cases(marks: &[CaseMark]) -> Vec<super::timeline::TimelineCase> {
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
    marks
        .iter()
        .enumerate()
        .map(|(i, m)| timeline_case(m, chosen.contains(&i).then(|| short_name(&m.name))))
        .collect()
}

fn timeline_case(mark: &CaseMark, label: Option<String>) -> super::timeline::TimelineCase {
    super::timeline::TimelineCase {
        announced: mark.announced,
        defected: mark.defected,
        people: mark.people,
        lane: mark.lane,
        label,
    }
}

/// The timeline: lanes by category, the largest and the longest-delayed cases
/// labelled; for large inputs, weekly totals per category.
pub fn timeline(analysis: &Analysis) -> Timeline {
    let cases = &analysis.cases;
    let aggregated = cases.weekly;
    let marks = if aggregated {
        cases.marks.iter().map(|m| timeline_case(m, None)).collect()
    } else {
        labelled_cases(&cases.marks)
    };
    let subtitle = strongest(&analysis.window_tests).map_or_else(
        || format!("{} announcements", analysis.announcements),
        |t| {
            format!(
                "{} announcements, {}. {}",
                analysis.announcements,
                years(analysis),
                headline(t)
            )
        },
    );
    let subtitle = if aggregated {
        format!("Announcements per week, bar height proportional to the count. {subtitle}")
    } else {
        subtitle
    };
    Timeline {
        title: "Announcements, the wait before them, and the event calendar".into(),
        subtitle,
        start: analysis.period.start,
        end: analysis.period.end,
        categories: cases.categories.clone(),
        cases: marks,
        weekly: aggregated,
        groups: analysis
            .groups
            .iter()
            .map(|g| (g.name.clone(), g.days.iter().map(|d| d.date).collect()))
            .collect(),
    }
}

/// A label short enough for a chart: up to 28 characters, cut at a word.
fn short_name(name: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name);
    if name.chars().count() <= 28 {
        return name.to_string();
    }
    let mut out = String::new();
    for word in name.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > 27 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out + "…"
}

/// The delay histogram of day-precise delays; `None` when there is none.
pub fn delay_histogram(analysis: &Analysis) -> Option<DelayHistogram> {
    if analysis.delays.is_empty() {
        return None;
    }
    let subtitle = analysis.delays.summaries.first().map_or_else(
        || "No defection date is known to the day".to_string(),
        |all| {
            format!(
                "Median {} days (95% CI {} to {}), {} cases with a day-precise defection date; {} others left out",
                days_text(all.median),
                days_text(all.median_ci_low),
                days_text(all.median_ci_high),
                all.n,
                analysis.delays.left_out
            )
        },
    );
    Some(DelayHistogram {
        title: "How long were cases kept quiet?".into(),
        subtitle,
        bins: analysis.delays.histogram.clone(),
    })
}

/// Monthly counts with event months marked per group.
pub fn monthly_counts(analysis: &Analysis) -> MonthlyCounts {
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
            (g.name.clone(), indices)
        })
        .collect();
    let busiest =
        analysis.monthly.iter().max_by_key(|m| (m.count, std::cmp::Reverse((m.year, m.month))));
    let subtitle = busiest.map_or_else(String::new, |m| {
        format!(
            "{} announcements in {} months; the busiest month, {}-{:02}, had {}",
            analysis.announcements,
            months.len(),
            m.year,
            m.month,
            m.count
        )
    });
    MonthlyCounts {
        title: format!("Announcements per month, {}", years(analysis)),
        subtitle,
        months,
        groups,
    }
}

/// Weekday bars against expectation.
pub fn weekday(analysis: &Analysis) -> WeekdayChart {
    let w = &analysis.weekday;
    let subtitle = match w.p_value {
        Some(p) => format!("Chi-square test against the weekdays of the period: chi-square = {:.2}, df = {}, p = {}", w.chi2, w.df, p_text(p)),
        None => "No announcements".into(),
    };
    WeekdayChart {
        title: "On which day of the week were cases announced?".into(),
        subtitle,
        observed: w.observed,
        expected: w.expected,
        labels: crate::messages::WEEKDAYS_SHORT,
    }
}

/// One sensitivity chart per group.
pub fn sensitivity(analysis: &Analysis) -> Vec<Sensitivity> {
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
            let subtitle = strongest(&tests).map_or_else(String::new, headline);
            Sensitivity {
                group: g.name.clone(),
                slug: g.slug.clone(),
                // A neutral title: whether the window matters is the adjusted
                // tests' to say (the subtitle), not the title's.
                title: format!(
                    "Announcements around {} events: rate ratio by window width",
                    g.name
                ),
                subtitle,
                before: curve(Direction::Before),
                after: curve(Direction::After),
            }
        })
        .collect()
}

/// One peri-event chart per group.
pub fn peri_event(analysis: &Analysis) -> Vec<PeriEvent> {
    analysis
        .groups
        .iter()
        .zip(&analysis.peth)
        .map(|(g, p)| {
            let how = if p.exact {
                format!("exact, all {} shifts", p.shifts)
            } else {
                format!("{} random shifts", p.shifts.saturating_sub(1))
            };
            let subtitle = match (p.p_global, p.t_observed) {
                (Some(global), Some(_)) => format!(
                    "{} announcement-event pairs. Global envelope tests: p = {} (studentized), p = {} (extreme rank length); {how}",
                    p.pairs,
                    p_text(global),
                    p_text(p.p_erl)
                ),
                _ => format!("{} announcement-event pairs; too few to test ({how})", p.pairs),
            };
            PeriEvent {
                group: g.name.clone(),
                slug: g.slug.clone(),
                title: format!("Announcements by days from {} events", g.name),
                subtitle,
                bins: p.bins.clone(),
                observed: p.observed.clone(),
                null_mean: p.null_mean.clone(),
                pointwise: p.pointwise_low.iter().copied().zip(p.pointwise_high.iter().copied()).collect(),
                global: p.global_low.iter().copied().zip(p.global_high.iter().copied()).collect(),
                erl: p.erl_low.iter().copied().zip(p.erl_high.iter().copied()).collect(),
            }
        })
        .collect()
}

/// One phase rose per group.
pub fn phase(analysis: &Analysis) -> Vec<PhaseRose> {
    analysis
        .groups
        .iter()
        .zip(analysis.phase.iter().zip(&analysis.phase_sectors))
        .map(|(g, (test, sectors))| {
            let subtitle = match (test.p_rayleigh, test.p_v, test.resultant_length) {
                (Some(rayleigh), Some(v), Some(r)) => format!(
                    "{} announcements between two {} events. Resultant length {:.2}; Rayleigh p = {}, V-test toward the event p = {}",
                    test.n,
                    g.name,
                    r,
                    p_text(rayleigh),
                    p_text(v)
                ),
                _ => format!("No announcement falls between two {} events", g.name),
            };
            PhaseRose {
                group: g.name.clone(),
                slug: g.slug.clone(),
                title: format!("Where in the {} cycle were cases announced?", g.name),
                subtitle,
                sectors: sectors.clone(),
                mean: test.mean_phase.zip(test.resultant_length),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_names_are_cut_at_a_word() {
        assert_eq!(super::short_name("Kim Kuk-song (pseudonym)"), "Kim Kuk-song");
        let cut = super::short_name("13 Ryukyung restaurant workers from the Ningbo branch");
        assert!(cut.ends_with('…') && cut.chars().count() <= 28, "{cut}");
    }
}
