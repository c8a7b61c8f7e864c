//! Window sensitivity: the rate ratio and its 95% interval against the window
//! width, before and after a group's events. A finding that holds at one
//! width only is fragile; the reader sees all widths at once.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, house_mesh};
use super::{fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};
use crate::wording::ChartText;

/// One direction's curve: `(W, estimate, low, high)`; `None` where undefined.
pub type Curve = Vec<(u32, Option<(f64, f64, f64)>)>;

/// The sensitivity chart's data for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// The group's name, as shown.
    pub group: String,
    /// The group's file-name slug (see [`crate::slug`]).
    pub slug: String,
    /// How the group's events are called ("election events").
    pub group_events: String,
    pub text: ChartText,
    pub before: Curve,
    pub after: Curve,
}

/// Clamps a ratio to the visible log range, so 0 and infinity stay on the chart.
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_nan() {
        lo
    } else {
        x.clamp(lo, hi)
    }
}

impl Chart for Sensitivity {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        format!("sensitivity_{}", self.slug)
    }

    fn group(&self) -> Option<&str> {
        Some(&self.group)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let (y_lo, y_hi) = (0.05_f64, 50.0_f64);
        let ink = style.colours.ink;
        let mut legend = vec![LegendEntry::new(
            style.say("chart-sensitivity-legend-one", &[]),
            Swatch::Line(ink.mix(1.0), 2, Some((style.px(6.0), style.px(4.0)))),
        )];
        for (curve, colour, name, zero) in [
            (
                &self.before,
                style.colours.primary,
                "chart-sensitivity-legend-before",
                "chart-sensitivity-legend-zero-before",
            ),
            (
                &self.after,
                palette::VERMILLION,
                "chart-sensitivity-legend-after",
                "chart-sensitivity-legend-zero-after",
            ),
        ] {
            let estimates: Vec<f64> = curve.iter().filter_map(|(_, v)| v.map(|v| v.0)).collect();
            if estimates.is_empty() {
                continue;
            }
            legend.push(LegendEntry::new(
                style.say(name, &[("group_events", &self.group_events)]),
                Swatch::Line(colour.mix(1.0), style.px(3.0) as u32, None),
            ));
            if estimates.iter().any(|e| e.is_nan() || *e <= y_lo) {
                legend
                    .push(LegendEntry::new(style.say(zero, &[]), Swatch::Hollow(colour.mix(1.0))));
            }
        }
        let plot = frame(root, style, &self.text, &legend)?;
        let widths: Vec<u32> = self.before.iter().chain(&self.after).map(|(w, _)| *w).collect();
        let x_min = widths.iter().copied().min().unwrap_or(1);
        let x_max = widths.iter().copied().max().unwrap_or(2).max(x_min + 1);
        // The x axis counts tenths of a day, so that integer key points can sit
        // exactly on the window widths and the two directions can be offset.
        let pad = (i64::from(x_max - x_min) * 10 / 25) as i32;
        // One tick per window width (before and after share them).
        let mut keys: Vec<i32> = widths.iter().map(|w| *w as i32 * 10).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut chart = cartesian(
            &plot,
            style,
            style.y_axis_area(5),
            (x_min as i32 * 10 - pad..x_max as i32 * 10 + pad).with_key_points(keys),
            (y_lo..y_hi).log_scale(),
        )?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            &style.say("chart-sensitivity-x-axis", &[]),
            Some(&style.say("chart-sensitivity-y-axis", &[])),
        )
        .x_label_formatter(&|w| format!("{}", w / 10))
        .y_label_formatter(&|y| if *y < 1.0 { format!("{y:.1}") } else { format!("{y:.0}") })
        .draw()
        .map_err(fail)?;
        let x_range = (x_min as i32 * 10 - pad, x_max as i32 * 10 + pad);
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x_range.0, 1.0), (x_range.1, 1.0)],
                style.px(6.0) as u32,
                style.px(4.0) as u32,
                ink.stroke_width(style.px(1.5) as u32),
            ))
            .map_err(fail)?;
        for (curve, colour, offset) in
            [(&self.before, style.colours.primary, -4), (&self.after, palette::VERMILLION, 4)]
        {
            let points: Vec<(i32, f64, f64, f64)> = curve
                .iter()
                .filter_map(|(w, v)| v.map(|(e, l, h)| (*w as i32 * 10 + offset, e, l, h)))
                .map(|(w, e, l, h)| {
                    (w, clamp(e, y_lo, y_hi), clamp(l, y_lo, y_hi), clamp(h, y_lo, y_hi))
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            // The band and the curve join neighbouring windows with a rate
            // ratio above 0 only: a window with none is a marker on the
            // floor with its interval as a whisker, not a plunge or a slope.
            let runs: Vec<&[(i32, f64, f64, f64)]> =
                points.split(|p| p.1 <= y_lo).filter(|run| run.len() > 1).collect();
            for run in &runs {
                let band: Vec<(i32, f64)> = run
                    .iter()
                    .map(|p| (p.0, p.3))
                    .chain(run.iter().rev().map(|p| (p.0, p.2)))
                    .collect();
                chart
                    .draw_series(std::iter::once(Polygon::new(band, colour.mix(0.15))))
                    .map_err(fail)?;
            }
            for p in &points {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(p.0, p.2), (p.0, p.3)],
                        colour.mix(0.7).stroke_width(style.px(2.0) as u32),
                    )))
                    .map_err(fail)?;
            }
            let stroke = colour.stroke_width(style.px(3.0) as u32);
            for run in &runs {
                chart
                    .draw_series(LineSeries::new(run.iter().map(|p| (p.0, p.1)), stroke))
                    .map_err(fail)?;
            }
            chart
                .draw_series(
                    points
                        .iter()
                        .filter(|p| p.1 > y_lo)
                        .map(|p| Circle::new((p.0, p.1), style.px(5.0), colour.filled())),
                )
                .map_err(fail)?;
            // No announcement in the window: the rate ratio is 0, which a log
            // axis cannot show; a hollow triangle on the floor says so.
            let size = style.px(7.0);
            let zero: Vec<(i32, f64)> =
                points.iter().filter(|p| p.1 <= y_lo).map(|p| (p.0, p.1)).collect();
            if !zero.is_empty() {
                let hollow = colour.stroke_width(style.px(2.0) as u32);
                chart
                    .draw_series(zero.into_iter().map(|p| {
                        EmptyElement::at(p)
                            + Polygon::new(
                                vec![(-size, -2 * size), (size, -2 * size), (0, 0)],
                                style.colours.background.filled(),
                            )
                            + PathElement::new(
                                vec![
                                    (-size, -2 * size),
                                    (size, -2 * size),
                                    (0, 0),
                                    (-size, -2 * size),
                                ],
                                hollow,
                            )
                    }))
                    .map_err(fail)?;
            }
        }
        Ok(())
    }
}
