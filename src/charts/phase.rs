//! Phase rose: where between two events announcements fall, as a circle with
//! the event day at the top and time running clockwise to the next event.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};
use crate::wording::ChartText;

/// The rose chart's data for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseRose {
    /// The group's name, as shown.
    pub group: String,
    /// The group's file-name slug (see [`crate::slug`]).
    pub slug: String,
    pub text: ChartText,
    /// Counts in equal sectors, the first starting at the event.
    pub sectors: Vec<u64>,
    /// Mean direction (radians from the event, clockwise) and resultant length.
    pub mean: Option<(f64, f64)>,
}

/// Chart coordinates of phase `theta` at radius `r`: 0 at the top, clockwise.
fn point(theta: f64, r: f64) -> (f64, f64) {
    (r * theta.sin(), r * theta.cos())
}

impl Chart for PhaseRose {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        format!("phase_{}", self.slug)
    }

    fn group(&self) -> Option<&str> {
        Some(&self.group)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let mut legend = vec![LegendEntry::new(
            style.say("chart-phase-legend-sectors", &[]),
            Swatch::Fill(style.colours.primary.mix(0.7)),
        )];
        if self.mean.is_some() {
            legend.push(LegendEntry::new(
                style.say("chart-phase-legend-mean", &[]),
                Swatch::Line(palette::VERMILLION.mix(1.0), style.px(4.0) as u32, None),
            ));
        }
        let plot = frame(root, style, &self.text, &legend)?;
        let (w, h) = plot.dim_in_pixel();
        let aspect = f64::from(w.max(1)) / f64::from(h.max(1));
        let y_span = 1.35;
        let mut chart = ChartBuilder::on(&plot)
            .margin(style.px(6.0))
            .build_cartesian_2d(-y_span * aspect..y_span * aspect, -y_span..y_span)
            .map_err(fail)?;
        let peak = self.sectors.iter().copied().max().unwrap_or(1).max(1) as f64;
        // Radius proportional to the square root of the count: wedge area ~ count.
        let radius = |count: f64| (count / peak).sqrt();
        let grid = style.colours.grid.stroke_width(1);
        for level in [0.25, 0.5, 0.75, 1.0] {
            let r = radius(level * peak);
            let circle: Vec<(f64, f64)> =
                (0..=120).map(|k| point(std::f64::consts::TAU * k as f64 / 120.0, r)).collect();
            chart.draw_series(std::iter::once(PathElement::new(circle, grid))).map_err(fail)?;
        }
        let n = self.sectors.len().max(1);
        let colour = style.colours.primary;
        for (k, &count) in self.sectors.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let (a0, a1) = (
                std::f64::consts::TAU * k as f64 / n as f64,
                std::f64::consts::TAU * (k + 1) as f64 / n as f64,
            );
            let r = radius(count as f64);
            let mut wedge = vec![(0.0, 0.0)];
            wedge.extend((0..=16).map(|j| point(a0 + (a1 - a0) * j as f64 / 16.0, r)));
            chart
                .draw_series(std::iter::once(Polygon::new(wedge.clone(), colour.mix(0.7))))
                .map_err(fail)?;
            wedge.push((0.0, 0.0));
            chart
                .draw_series(std::iter::once(PathElement::new(
                    wedge,
                    style.colours.background.stroke_width(1),
                )))
                .map_err(fail)?;
        }
        let axis = style.colours.ink.stroke_width(style.px(2.0) as u32);
        chart
            .draw_series(std::iter::once(PathElement::new(vec![(0.0, 0.0), (0.0, 1.08)], axis)))
            .map_err(fail)?;
        if let Some((theta, length)) = self.mean {
            let tip = point(theta, length.clamp(0.0, 1.0));
            let arrow = palette::VERMILLION.stroke_width(style.px(4.0) as u32);
            chart
                .draw_series(std::iter::once(PathElement::new(vec![(0.0, 0.0), tip], arrow)))
                .map_err(fail)?;
            chart
                .draw_series(std::iter::once(Circle::new(
                    tip,
                    style.px(6.0),
                    palette::VERMILLION.filled(),
                )))
                .map_err(fail)?;
        }
        let font = style.label_font();
        let small = style.small_font();
        let place = |text: &str, at: (f64, f64), font: &TextStyle<'_>| -> DrawResult {
            let (px, py) = chart.backend_coord(&at);
            let (tw, th) = root.estimate_text_size(text, font).map_err(fail)?;
            root.draw(&Text::new(
                text.to_string(),
                (px - tw as i32 / 2, py - th as i32 / 2),
                font.clone(),
            ))
            .map_err(fail)
        };
        place(&style.say("chart-phase-top", &[]), (0.0, 1.2), &font)?;
        place(&style.say("chart-phase-bottom", &[]), (0.0, -1.2), &font)?;
        place(&style.say("chart-phase-just-after", &[]), (0.62, 1.02), &small)?;
        place(&style.say("chart-phase-just-before", &[]), (-0.62, 1.02), &small)?;
        Ok(())
    }
}
