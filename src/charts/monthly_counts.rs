//! Monthly counts: announcements per calendar month, with the months that
//! held events marked in rows above the plot, one row per group (outside
//! the bars' axis, so that it has no tick beyond the data).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, count_label, count_ticks, house_mesh};
use super::{date_ticks, fail, frame, Chart, DrawResult, LegendEntry, Style, Swatch};
use crate::wording::ChartText;

/// The monthly-counts chart's data.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyCounts {
    pub text: ChartText,
    /// `(year, month, count)` for every month of the period, in order.
    pub months: Vec<(i32, u32, u64)>,
    /// Event groups: (their events as shown, indices into `months` of
    /// months with an event).
    pub groups: Vec<(String, Vec<usize>)>,
}

impl Chart for MonthlyCounts {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        "monthly_counts".into()
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        // The event rows are named in the legend, above the plot.
        let legend: Vec<LegendEntry> = self
            .groups
            .iter()
            .enumerate()
            .map(|(g, (name, _))| {
                LegendEntry::new(
                    style.say("chart-monthly-legend", &[("group_events", name)]),
                    Swatch::Marker(style.colours.series(g + 3).mix(1.0)),
                )
            })
            .collect();
        let plot = frame(root, style, &self.text, &legend)?;
        let row_h = style.px(16.0);
        let rows_h = row_h * self.groups.len() as i32 + style.px(6.0);
        let (rows_area, bars_area) = plot.split_vertically(rows_h.max(0) as u32);
        let n = self.months.len().max(1) as i32;
        let peak = self.months.iter().map(|m| m.2).max().unwrap_or(1).max(1) as f64;
        let y_max = peak * 1.08;
        let first_day = |m: &(i32, u32, u64)| chrono::NaiveDate::from_ymd_opt(m.0, m.1, 1);
        let (tick_dates, format) =
            match (self.months.first().and_then(first_day), self.months.last().and_then(first_day))
            {
                (Some(a), Some(b)) => date_ticks(a, b, (style.size.width / 120).max(3) as usize),
                _ => (Vec::new(), "%Y"),
            };
        let format = style.date_format(format);
        let ticks: Vec<i32> = self
            .months
            .iter()
            .enumerate()
            .filter(|(_, m)| first_day(m).is_some_and(|d| tick_dates.contains(&d)))
            .map(|(i, _)| i as i32)
            .collect();
        let months = self.months.clone();
        // The axis ends where the data end.
        let mut chart = cartesian(
            &bars_area,
            style,
            style.y_axis_area(4),
            (0..n).with_key_points(ticks),
            0.0..y_max,
        )?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            &style.say("chart-monthly-x-axis", &[]),
            Some(&style.say("chart-monthly-y-axis", &[])),
        )
        .disable_x_mesh()
        .y_labels(count_ticks(y_max))
        .y_label_formatter(&count_label)
        .x_label_formatter(&|i| {
            months
                .get(*i as usize)
                .and_then(first_day)
                .map_or_else(String::new, |d| d.format(format).to_string())
        })
        .draw()
        .map_err(fail)?;
        let bar_colour = style.colours.primary;
        chart
            .draw_series(self.months.iter().enumerate().filter(|(_, m)| m.2 > 0).map(|(i, m)| {
                let i = i as i32;
                Rectangle::new([(i, 0.0), (i + 1, m.2 as f64)], bar_colour.filled())
            }))
            .map_err(fail)?;
        // The event rows, on the bars' x axis, first group on top.
        let top = rows_area.get_base_pixel().1;
        let size = style.px(5.0);
        for (g, (_, indices)) in self.groups.iter().enumerate() {
            let colour = style.colours.series(g + 3);
            let y = top + row_h * g as i32 + row_h / 2 + style.px(3.0);
            for &i in indices {
                let (x, _) = chart.backend_coord(&(i as i32, 0.0));
                let half = (chart.backend_coord(&(i as i32 + 1, 0.0)).0 - x) / 2;
                root.draw(&TriangleMarker::new((x + half, y), size, colour.filled()))
                    .map_err(fail)?;
            }
        }
        Ok(())
    }
}
