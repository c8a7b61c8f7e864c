//! Weekday bars: announcements per day of the week against the count expected
//! from how many of each weekday the period holds.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, count_label, count_ticks, house_mesh};
use super::{fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};
use crate::wording::ChartText;

/// The weekday chart's data, Monday first.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekdayChart {
    pub text: ChartText,
    pub observed: [u64; 7],
    pub expected: [f64; 7],
    /// Tick labels, Monday first.
    pub labels: [&'static str; 7],
}

impl Chart for WeekdayChart {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        "weekday".into()
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let legend = [
            LegendEntry::new(
                style.say("chart-weekday-legend-observed", &[]),
                Swatch::Fill(style.colours.primary.mix(1.0)),
            ),
            LegendEntry::new(
                style.say("chart-weekday-legend-expected", &[]),
                Swatch::Line(palette::VERMILLION.mix(1.0), style.px(3.0) as u32, None),
            ),
        ];
        let plot = frame(root, style, &self.text, &legend)?;
        let top =
            self.observed.iter().map(|&o| o as f64).chain(self.expected).fold(1.0, f64::max) * 1.25;
        let mut chart =
            cartesian(&plot, style, style.y_axis_area(4), (0..6).into_segmented(), 0.0..top)?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            &style.say("chart-weekday-x-axis", &[]),
            Some(&style.say("chart-weekday-y-axis", &[])),
        )
        .disable_x_mesh()
        .x_labels(7)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => {
                self.labels.get(*i as usize).map(|s| s.to_string()).unwrap_or_default()
            }
            _ => String::new(),
        })
        .y_labels(count_ticks(top))
        .y_label_formatter(&count_label)
        .draw()
        .map_err(fail)?;
        let margin = style.px(14.0) as u32;
        chart
            .draw_series(self.observed.iter().enumerate().map(|(i, &o)| {
                let i = i as i32;
                let mut bar = Rectangle::new(
                    [(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), o as f64)],
                    style.colours.primary.filled(),
                );
                bar.set_margin(0, 0, margin, margin);
                bar
            }))
            .map_err(fail)?;
        let line = palette::VERMILLION.stroke_width(style.px(3.0) as u32);
        let bar_px = (chart.backend_coord(&(SegmentValue::Exact(1), 0.0)).0
            - chart.backend_coord(&(SegmentValue::Exact(0), 0.0)).0)
            .max(1);
        let inset = (margin as i32).min(bar_px / 3);
        for (i, &e) in self.expected.iter().enumerate() {
            let (x0, y) = chart.backend_coord(&(SegmentValue::Exact(i as i32), e));
            let x1 = x0 + bar_px;
            root.draw(&PathElement::new(vec![(x0 + inset, y), (x1 - inset, y)], line))
                .map_err(fail)?;
        }
        chart
            .draw_series(std::iter::empty::<Circle<(SegmentValue<i32>, f64), i32>>())
            .map_err(fail)?;
        Ok(())
    }
}
