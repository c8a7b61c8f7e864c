//! Timeline: every announcement in its category's lane, a bar back to the
//! earlier date where it is known, and the event calendar as a strip of
//! marks under the lanes, one row per group, so that fifty events never
//! wall off the data. The most important cases (or those the newsroom
//! names) are labelled above the lanes, in rows placed so that no two labels
//! touch; events the newsroom names get a label and a light line up to it.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::{cartesian, house_mesh, labels, wrap_text};
use super::{date_ticks, fail, frame, Chart, DrawResult, Style};
use crate::wording::ChartText;

/// One case on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineCase {
    pub announced: NaiveDate,
    pub defected: Option<NaiveDate>,
    pub people: u32,
    /// Index into [`Timeline::categories`].
    pub lane: usize,
    /// Shown for the most important cases only.
    pub label: Option<String>,
}

/// One event day on the timeline's strip.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    /// Shown for the events the newsroom annotates.
    pub label: Option<String>,
}

/// The timeline chart's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub text: ChartText,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The lanes' labels (categories as shown).
    pub categories: Vec<String>,
    pub cases: Vec<TimelineCase>,
    /// Event groups, one strip row each: (their events as shown, days).
    pub groups: Vec<(String, Vec<TimelineEvent>)>,
    /// Cases are weekly totals (`people` = announcements that week), drawn as
    /// bars whose height is proportional to the count, not as dots.
    pub weekly: bool,
}

fn day(date: NaiveDate, start: NaiveDate) -> i32 {
    (date - start).num_days() as i32
}

/// Height of one strip row, in lanes.
const STRIP_ROW: f64 = 0.6;
/// Rows of labels above the lanes.
const LABEL_ROWS: usize = 3;

/// A label waiting for a place: its lines and their width, and the point
/// it names (in chart coordinates, and how many pixels above it the
/// leader stops: a dot's radius).
struct Label {
    lines: Vec<String>,
    width: i32,
    at: (i32, f64),
    lift: i32,
    /// An event's label: its leader is a light dashed line.
    event: bool,
}

/// A case's dot radius: it grows with the log of its people.
fn dot_radius(style: &Style, people: u32) -> i32 {
    style.px(4.0 + 3.0 * f64::from(people.max(1)).ln())
}

impl Timeline {
    /// The axis runs from the earliest date shown (a bar back to an earlier
    /// date can start before the period) to the end of the period, on round
    /// years or months.
    fn axis(&self) -> (NaiveDate, NaiveDate) {
        let first = self
            .cases
            .iter()
            .filter_map(|c| c.defected)
            .min()
            .map_or(self.start, |d| d.min(self.start));
        let long = self.end.year() - first.year() >= 4;
        let origin = if long {
            NaiveDate::from_ymd_opt(first.year(), 1, 1)
        } else {
            NaiveDate::from_ymd_opt(first.year(), first.month(), 1)
        }
        .unwrap_or(first);
        let last = if long {
            NaiveDate::from_ymd_opt(self.end.year() + 1, 1, 1)
        } else {
            self.end.checked_add_months(chrono::Months::new(1)).and_then(|d| d.with_day(1))
        }
        .unwrap_or(self.end);
        (origin, last)
    }

    /// The strip row of group `g`, in lane units (below lane 0).
    fn strip_y(g: usize) -> f64 {
        -0.5 - STRIP_ROW * (g as f64 + 0.5) - 0.1
    }
}

impl Chart for Timeline {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        "timeline".into()
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let colours = style.colours;
        let plot = frame(root, style, &self.text, &[])?;
        let (origin, last) = self.axis();
        let x_max = day(last, origin).max(1);
        let font = style.small_font();
        let (_, line_h) = plot.estimate_text_size("Ag", &font).map_err(fail)?;
        let line_h = (f64::from(line_h) * 1.2) as i32;

        // Labels are wrapped to at most three lines of a sixth of the width.
        let label_width = (style.size.width as i32 / 6).max(style.px(150.0));
        let mut marks: Vec<Label> = Vec::new();
        let case_labels = self.cases.iter().filter_map(|c| {
            let at = (day(c.announced, origin), c.lane as f64);
            c.label.as_ref().map(|text| (text, at, dot_radius(style, c.people), false))
        });
        let event_labels = self.groups.iter().enumerate().flat_map(|(g, (_, days))| {
            days.iter().filter_map(move |d| {
                let at = (day(d.date, origin), Self::strip_y(g) + 0.22);
                d.label.as_ref().map(|text| (text, at, 0, true))
            })
        });
        for (text, at, lift, event) in case_labels.chain(event_labels) {
            let lines = wrap_text(&plot, text, &font, label_width, 3)?;
            let mut width = 0;
            for line in &lines {
                width = width.max(plot.estimate_text_size(line, &font).map_err(fail)?.0 as i32);
            }
            marks.push(Label { lines, width, at, lift, event });
        }
        let lines_per_row = marks.iter().map(|l| l.lines.len()).max().unwrap_or(0) as i32;
        let row_h = lines_per_row * line_h + style.px(8.0);
        let band_h = if marks.is_empty() { style.px(8.0) } else { LABEL_ROWS as i32 * row_h };
        let (band, area) = plot.split_vertically(band_h.max(0) as u32);

        // The y label area holds the lanes' and the strip rows' names.
        let names = self.categories.iter().chain(self.groups.iter().map(|(name, _)| name));
        let mut widest = style.px(40.0) as u32;
        for name in names {
            widest =
                widest.max(plot.estimate_text_size(name, &style.label_font()).map_err(fail)?.0);
        }
        let lanes = self.categories.len().max(1) as f64;
        let y_min = Self::strip_y(self.groups.len().saturating_sub(1)) - STRIP_ROW * 0.5 - 0.05;
        let (ticks, format) = date_ticks(origin, last, (style.size.width / 120).max(3) as usize);
        let format = style.date_format(format);
        let year_ticks: Vec<i32> = ticks.iter().map(|d| day(*d, origin)).collect();
        let mut chart = cartesian(
            &area,
            style,
            widest + style.px(16.0) as u32,
            (0..x_max).with_key_points(year_ticks),
            y_min..lanes - 0.45,
        )?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            &style.say("chart-timeline-axis", &[]),
            None,
        )
        .disable_y_mesh()
        .x_label_formatter(&|d| {
            (origin + chrono::Duration::days(i64::from(*d))).format(format).to_string()
        })
        .y_labels(2)
        .y_label_formatter(&|_| String::new())
        .draw()
        .map_err(fail)?;

        // Row names, right-aligned against the plot.
        let (plot_left, _) = chart.backend_coord(&(0, 0.0));
        let name_at = |text: &str, y: f64, font: &TextStyle<'_>| -> DrawResult {
            let (w, h) = root.estimate_text_size(text, font).map_err(fail)?;
            let (_, py) = chart.backend_coord(&(0, y));
            let at = (plot_left - style.px(8.0) - w as i32, py - h as i32 / 2);
            root.draw(&Text::new(text.to_string(), at, font.clone())).map_err(fail)
        };
        for (lane, name) in self.categories.iter().enumerate() {
            name_at(name, lane as f64, &style.label_font())?;
        }
        for (g, (name, _)) in self.groups.iter().enumerate() {
            name_at(name, Self::strip_y(g), &font)?;
        }

        // The event strip: a short mark per event day, a line above it
        // separating it from the lanes.
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0, -0.5), (x_max, -0.5)],
                colours.grid.stroke_width(1),
            )))
            .map_err(fail)?;
        for (g, (_, days)) in self.groups.iter().enumerate() {
            let colour = colours.events[g % colours.events.len()];
            let y = Self::strip_y(g);
            let stroke = colour.stroke_width(style.px(2.0) as u32);
            chart
                .draw_series(
                    days.iter()
                        .filter(|d| d.date >= origin && d.date <= last)
                        .map(|d| day(d.date, origin))
                        .map(|x| PathElement::new(vec![(x, y - 0.22), (x, y + 0.22)], stroke)),
                )
                .map_err(fail)?;
        }

        if self.weekly {
            // Weekly totals: a bar per week, up to 0.8 of a lane high.
            let most = self.cases.iter().map(|c| c.people).max().unwrap_or(1).max(1);
            chart
                .draw_series(self.cases.iter().map(|case| {
                    let colour = colours.series(case.lane);
                    let (x, y) = (day(case.announced, origin), case.lane as f64);
                    let half = 0.4 * f64::from(case.people) / f64::from(most);
                    Rectangle::new([(x, y - half), (x + 7, y + half)], colour.mix(0.85).filled())
                }))
                .map_err(fail)?;
        } else {
            // Bars back to the earlier date, then the dots.
            for case in &self.cases {
                let y = case.lane as f64;
                let x = day(case.announced, origin);
                if let Some(defected) = case.defected.filter(|d| *d < case.announced) {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(day(defected, origin), y), (x, y)],
                            colours.series(case.lane).mix(0.6).stroke_width(style.px(3.0) as u32),
                        )))
                        .map_err(fail)?;
                }
            }
            for case in &self.cases {
                let (x, y) = (day(case.announced, origin), case.lane as f64);
                let radius = dot_radius(style, case.people);
                let dot = Circle::new((x, y), radius, colours.series(case.lane).mix(0.75).filled());
                let ring = Circle::new((x, y), radius, colours.ink.stroke_width(1));
                chart.draw_series([dot, ring]).map_err(fail)?;
            }
        }

        // Labels: placed so that none touches another and no leader line
        // crosses a label (see `labels`); one that fits nowhere is left out
        // rather than overlap.
        let anchor = |label: &Label| {
            let (x, y) = chart.backend_coord(&label.at);
            (x, y - label.lift)
        };
        marks.sort_by_key(|l| anchor(l).0);
        let (px_left, px_right) = (plot_left, chart.backend_coord(&(x_max, 0.0)).0);
        let band_bottom = band.get_base_pixel().1 + band_h;
        let gap = style.px(8.0);
        let room = labels::Room {
            left: px_left,
            right: px_right,
            rows: LABEL_ROWS,
            gap,
            leader_gap: style.px(3.0),
            overhang: style.px(6.0),
        };
        let wanted: Vec<labels::Wanted> =
            marks.iter().map(|l| labels::Wanted { width: l.width, anchor: anchor(l).0 }).collect();
        let spots = labels::place(&wanted, &room);
        for (label, spot) in marks.into_iter().zip(spots) {
            let Some(labels::Spot { row, left }) = spot else { continue };
            let point = anchor(&label);
            let top = band_bottom - (row as i32 + 1) * row_h + style.px(4.0);
            let text_bottom = top + label.lines.len() as i32 * line_h;
            let leader = vec![(point.0, text_bottom + style.px(3.0)), point];
            if label.event {
                let dash = style.px(3.0) as u32;
                root.draw(&DashedPathElement::new(
                    leader,
                    dash,
                    dash,
                    colours.muted.mix(0.8).stroke_width(1),
                ))
                .map_err(fail)?;
            } else {
                root.draw(&PathElement::new(leader, colours.muted.stroke_width(1)))
                    .map_err(fail)?;
            }
            for (i, line) in label.lines.into_iter().enumerate() {
                let at = (left, top + i as i32 * line_h);
                root.draw(&Text::new(line, at, font.clone())).map_err(fail)?;
            }
        }
        Ok(())
    }
}
