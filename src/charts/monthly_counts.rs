//! Monthly counts: announcements per calendar month, with the months that
//! held events marked above the bars.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, house_mesh};
use super::{date_ticks, fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};

/// The monthly-counts chart's data.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyCounts {
    pub title: String,
    pub subtitle: String,
    /// `(year, month, count)` for every month of the period, in order.
    pub months: Vec<(i32, u32, u64)>,
    /// Event groups: (name, indices into `months` of months with an event).
    pub groups: Vec<(String, Vec<usize>)>,
}

impl Chart for MonthlyCounts {
    fn title(&self) -> &str {
        &self.title
    }

    fn subtitle(&self) -> &str {
        &self.subtitle
    }

    fn name(&self) -> String {
        "monthly_counts".into()
    }

    fn caption(&self) -> String {
        "Announcements per calendar month. Triangles above the bars mark months with an event of each group, one row and colour per group.".into()
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        // The event bands are named in the legend, above the plot.
        let legend: Vec<LegendEntry> = self
            .groups
            .iter()
            .enumerate()
            .map(|(g, (name, _))| {
                let colour = palette::SERIES[(g + 3) % palette::SERIES.len()];
                LegendEntry::new(
                    format!("months with {name} events"),
                    Swatch::Marker(colour.mix(1.0)),
                )
            })
            .collect();
        let plot = frame(root, style, &self.title, &self.subtitle, &legend)?;
        let n = self.months.len().max(1) as i32;
        let peak = self.months.iter().map(|m| m.2).max().unwrap_or(1).max(1) as f64;
        let rows = self.groups.len() as f64;
        // Event markers sit in bands above the tallest bar.
        let band = peak * 0.12;
        let y_max = peak * 1.08 + band * (rows + 0.5);
        let first_day = |m: &(i32, u32, u64)| chrono::NaiveDate::from_ymd_opt(m.0, m.1, 1);
        let (tick_dates, format) =
            match (self.months.first().and_then(first_day), self.months.last().and_then(first_day))
            {
                (Some(a), Some(b)) => date_ticks(a, b, (style.size.width / 120).max(3) as usize),
                _ => (Vec::new(), "%Y"),
            };
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
            &plot,
            style,
            style.y_axis_area(4),
            (0..n).with_key_points(ticks),
            0.0..y_max,
        )?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            "Month of announcement",
            Some("Announcements per month"),
        )
        .disable_x_mesh()
        .y_labels((y_max.ceil() as usize + 1).min(10))
        .y_label_formatter(&|y| {
            if *y <= peak + 1e-9 && y.fract() == 0.0 {
                format!("{y:.0}")
            } else {
                String::new()
            }
        })
        .x_label_formatter(&|i| {
            months
                .get(*i as usize)
                .and_then(first_day)
                .map_or_else(String::new, |d| d.format(format).to_string())
        })
        .draw()
        .map_err(fail)?;
        let bar_colour = palette::BLUE;
        chart
            .draw_series(self.months.iter().enumerate().filter(|(_, m)| m.2 > 0).map(|(i, m)| {
                let i = i as i32;
                Rectangle::new([(i, 0.0), (i + 1, m.2 as f64)], bar_colour.filled())
            }))
            .map_err(fail)?;
        for (g, (_, indices)) in self.groups.iter().enumerate() {
            let colour = palette::SERIES[(g + 3) % palette::SERIES.len()];
            let y = peak * 1.08 + band * (rows - g as f64 - 0.5);
            let size = style.px(5.0);
            chart
                .draw_series(
                    indices
                        .iter()
                        .map(|&i| TriangleMarker::new((i as i32, y), size, colour.filled())),
                )
                .map_err(fail)?;
        }
        Ok(())
    }
}
