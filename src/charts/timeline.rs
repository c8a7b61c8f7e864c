//! Timeline: every announcement in its category lane, a bar back to the
//! defection date where it is known, and the event calendar as vertical lines.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, house_mesh};
use super::{date_ticks, fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};

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

/// The timeline chart's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub title: String,
    pub subtitle: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub categories: Vec<String>,
    pub cases: Vec<TimelineCase>,
    /// Event groups, each drawn in its own line style: (name, event dates).
    pub groups: Vec<(String, Vec<NaiveDate>)>,
    /// Cases are weekly totals (`people` = announcements that week), drawn as
    /// bars whose height is proportional to the count, not as dots.
    pub weekly: bool,
}

fn day(date: NaiveDate, start: NaiveDate) -> i32 {
    (date - start).num_days() as i32
}

impl Chart for Timeline {
    fn title(&self) -> &str {
        &self.title
    }

    fn subtitle(&self) -> &str {
        &self.subtitle
    }

    fn name(&self) -> String {
        "timeline".into()
    }

    fn caption(&self) -> String {
        if self.weekly {
            "Announcements per week, in each category's lane; a bar's height is proportional to the week's count (too many rows to draw one by one). Vertical lines are events, one line style per group.".into()
        } else {
            "Each dot is one announcement, in its category's lane; dot size grows with the number of people (log scale). A bar runs back to the defection date where it is known. Vertical lines are events, one line style per group.".into()
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        // The legend names each group's line style (solid, dashed, dotted).
        let legend: Vec<LegendEntry> = self
            .groups
            .iter()
            .enumerate()
            .map(|(g, (name, _))| {
                let colour = palette::EVENT_LINES[g % palette::EVENT_LINES.len()].mix(0.9);
                let dash = [
                    None,
                    Some((style.px(6.0), style.px(4.0))),
                    Some((style.px(2.0), style.px(3.0))),
                ][g % 3];
                LegendEntry::new(
                    format!("{name} event"),
                    Swatch::Line(colour, style.px(2.5) as u32, dash),
                )
            })
            .collect();
        let plot = frame(root, style, &self.title, &self.subtitle, &legend)?;
        // Axis start: the earliest date shown (defection bars can start before the period).
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
        let x_max = day(last, origin);
        let lanes = self.categories.len().max(1) as f64;
        let label_rows = 3.0;
        let y_max = lanes + label_rows * 0.55;
        let (ticks, format) = date_ticks(origin, last, (style.size.width / 120).max(3) as usize);
        let year_ticks: Vec<i32> = ticks.iter().map(|d| day(*d, origin)).collect();
        let label_width = self
            .categories
            .iter()
            .filter_map(|c| plot.estimate_text_size(c, &style.label_font()).ok())
            .map(|(w, _)| w)
            .max()
            .unwrap_or(40);
        let mut chart = cartesian(
            &plot,
            style,
            label_width + style.px(24.0) as u32 + 6,
            (0..x_max).with_key_points(year_ticks),
            -0.6..y_max - 0.4,
        )?;
        let categories = self.categories.clone();
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            "Announcement date",
            None,
        )
        .disable_y_mesh()
        .x_label_formatter(&|d| {
            (origin + chrono::Duration::days(i64::from(*d))).format(format).to_string()
        })
        .y_labels(categories.len() * 2 + 1)
        .y_label_formatter(&|y| {
            let lane = y.round();
            if (y - lane).abs() < 1e-6 && lane >= 0.0 {
                categories.get(lane as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()
        .map_err(fail)?;

        // Event lines, one style per group.
        let top = lanes - 0.4;
        // Event lines are neutral (the colours belong to the categories) and
        // told apart by their dash pattern.
        for (g, (_, dates)) in self.groups.iter().enumerate() {
            let colour = palette::EVENT_LINES[g % palette::EVENT_LINES.len()];
            let stroke = colour.mix(0.7).stroke_width(style.px(1.5) as u32);
            let lines = dates.iter().filter(|d| **d >= origin && **d <= last).map(|d| {
                let x = day(*d, origin);
                vec![(x, -0.5), (x, top)]
            });
            for points in lines {
                let series: Vec<(i32, f64)> = points;
                match g % 3 {
                    0 => chart.draw_series(LineSeries::new(series, stroke)),
                    1 => chart.draw_series(DashedLineSeries::new(
                        series,
                        style.px(6.0) as u32,
                        style.px(4.0) as u32,
                        stroke,
                    )),
                    _ => chart.draw_series(DashedLineSeries::new(
                        series,
                        style.px(2.0) as u32,
                        style.px(3.0) as u32,
                        stroke,
                    )),
                }
                .map_err(fail)?;
            }
        }

        if self.weekly {
            // Weekly totals: a bar per week, up to 0.8 of a lane high.
            let most = self.cases.iter().map(|c| c.people).max().unwrap_or(1).max(1);
            for case in &self.cases {
                let colour = palette::SERIES[case.lane % palette::SERIES.len()];
                let (x, y) = (day(case.announced, origin), case.lane as f64);
                let half = 0.4 * f64::from(case.people) / f64::from(most);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x, y - half), (x + 7, y + half)],
                        colour.mix(0.85).filled(),
                    )))
                    .map_err(fail)?;
            }
        }
        // Lag bars and markers.
        for case in self.cases.iter().filter(|_| !self.weekly) {
            let colour = palette::SERIES[case.lane % palette::SERIES.len()];
            let y = case.lane as f64;
            let x = day(case.announced, origin);
            if let Some(defected) = case.defected.filter(|d| *d < case.announced) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(day(defected, origin), y), (x, y)],
                        colour.mix(0.6).stroke_width(style.px(3.0) as u32),
                    )))
                    .map_err(fail)?;
            }
            let radius = style.px(4.0 + 3.0 * f64::from(case.people).ln());
            chart
                .draw_series(std::iter::once(Circle::new(
                    (x, y),
                    radius,
                    colour.mix(0.75).filled(),
                )))
                .map_err(fail)?;
            chart
                .draw_series(std::iter::once(Circle::new(
                    (x, y),
                    radius,
                    palette::BLACK.stroke_width(1),
                )))
                .map_err(fail)?;
        }

        // Labels for the most important cases, in rows above the lanes, placed
        // left to right into the first row where they do not overlap.
        let font = style.small_font();
        let mut labelled: Vec<&TimelineCase> =
            self.cases.iter().filter(|c| c.label.is_some()).collect();
        labelled.sort_by_key(|c| c.announced);
        // The legend sits in the upper left of the label band: labels start right of it.
        let legend_right = self
            .groups
            .iter()
            .filter_map(|(name, _)| {
                plot.estimate_text_size(&format!("{name} event"), &style.small_font()).ok()
            })
            .map(|(w, _)| w as i32)
            .max()
            .unwrap_or(0)
            + style.px(60.0);
        let legend_left = chart.backend_coord(&(0, 0.0)).0;
        let mut row_end: Vec<i32> = vec![legend_left + legend_right; label_rows as usize];
        let (px_left, px_right) =
            (chart.backend_coord(&(0, 0.0)).0, chart.backend_coord(&(x_max, 0.0)).0);
        for case in labelled {
            let text = case.label.clone().unwrap_or_default();
            let (w, _) = plot.estimate_text_size(&text, &font).map_err(fail)?;
            let anchor = chart.backend_coord(&(day(case.announced, origin), case.lane as f64));
            let left = (anchor.0 - w as i32 / 2).clamp(px_left, (px_right - w as i32).max(px_left));
            let Some(row) = row_end.iter().position(|&end| left > end + style.px(8.0)) else {
                continue;
            };
            row_end[row] = left + w as i32;
            let label_y = lanes - 0.15 + row as f64 * 0.55;
            let label_pos = chart.backend_coord(&(0, label_y));
            root.draw(&PathElement::new(
                vec![(anchor.0, label_pos.1 + style.px(4.0)), anchor],
                palette::GREY.stroke_width(1),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(text, (left, label_pos.1 - style.px(9.0)), font.clone()))
                .map_err(fail)?;
        }
        Ok(())
    }
}
