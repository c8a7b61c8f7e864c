//! Peri-event histogram: announcements by days from each event, against the
//! circular-shift null, with both the pointwise band and the global envelope
//! shaded distinctly (only the global one licenses "the curve leaves the band").

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, count_label, count_ticks, house_mesh};
use super::{fail, frame, palette, Chart, DrawResult, LegendEntry, Style, Swatch};
use crate::wording::ChartText;

/// The peri-event chart's data for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriEvent {
    /// The group's name, as shown.
    pub group: String,
    /// The group's file-name slug (see [`crate::slug`]).
    pub slug: String,
    pub text: ChartText,
    pub bins: Vec<(i64, i64)>,
    pub observed: Vec<u64>,
    pub null_mean: Vec<f64>,
    pub pointwise: Vec<(f64, f64)>,
    pub global: Vec<(f64, f64)>,
    pub erl: Vec<(f64, f64)>,
}

/// A band as a step polygon over the bins.
fn step_band(bins: &[(i64, i64)], band: &[(f64, f64)]) -> Vec<(i64, f64)> {
    let upper = bins.iter().zip(band).flat_map(|(b, v)| [(b.0, v.1.max(0.0)), (b.1, v.1.max(0.0))]);
    let lower: Vec<(i64, f64)> = bins
        .iter()
        .zip(band)
        .flat_map(|(b, v)| [(b.0, v.0.max(0.0)), (b.1, v.0.max(0.0))])
        .collect();
    upper.chain(lower.into_iter().rev()).collect()
}

fn step_line(bins: &[(i64, i64)], values: impl Iterator<Item = f64>) -> Vec<(i64, f64)> {
    bins.iter().zip(values).flat_map(|(b, v)| [(b.0, v), (b.1, v)]).collect()
}

impl Chart for PeriEvent {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        format!("peri_event_{}", self.slug)
    }

    fn group(&self) -> Option<&str> {
        Some(&self.group)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let (ink, muted) = (style.colours.ink, style.colours.muted);
        let legend = [
            LegendEntry::new(
                style.say("chart-peri-legend-observed", &[]),
                Swatch::Fill(style.colours.primary.mix(0.85)),
            ),
            LegendEntry::new(
                style.say("chart-peri-legend-null", &[]),
                Swatch::Line(ink.mix(1.0), style.px(1.5) as u32, None),
            ),
            LegendEntry::new(
                style.say("chart-peri-legend-global", &[]),
                Swatch::Fill(style.colours.envelope.mix(0.4)),
            ),
            LegendEntry::new(
                style.say("chart-peri-legend-erl", &[]),
                Swatch::Line(
                    palette::VERMILLION.mix(1.0),
                    style.px(1.5) as u32,
                    Some((style.px(5.0), style.px(4.0))),
                ),
            ),
            LegendEntry::new(
                style.say("chart-peri-legend-pointwise", &[]),
                Swatch::Fill(muted.mix(0.45)),
            ),
        ];
        let plot = frame(root, style, &self.text, &legend)?;
        let x0 = self.bins.first().map_or(-1, |b| b.0);
        let x1 = self.bins.last().map_or(1, |b| b.1);
        let top = self
            .observed
            .iter()
            .map(|&o| o as f64)
            .chain(self.global.iter().map(|g| g.1))
            .chain(self.erl.iter().map(|g| g.1))
            .chain(self.pointwise.iter().map(|g| g.1))
            .fold(1.0, f64::max)
            * 1.3;
        let mut chart = cartesian(&plot, style, style.y_axis_area(4), x0..x1, 0.0..top)?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.label_font(),
            &style.say("chart-peri-x-axis", &[]),
            Some(&style.say("chart-peri-y-axis", &[])),
        )
        .disable_x_mesh()
        .x_labels(9)
        .x_label_formatter(&|d| format!("{d}"))
        .y_labels(count_ticks(top))
        .y_label_formatter(&count_label)
        .draw()
        .map_err(fail)?;
        let global_colour = style.colours.envelope;
        chart
            .draw_series(std::iter::once(Polygon::new(
                step_band(&self.bins, &self.global),
                global_colour.mix(0.25),
            )))
            .map_err(fail)?;
        chart
            .draw_series(std::iter::once(Polygon::new(
                step_band(&self.bins, &self.pointwise),
                muted.mix(0.3),
            )))
            .map_err(fail)?;
        let margin = style.px(2.0) as u32;
        chart
            .draw_series(self.bins.iter().zip(&self.observed).map(|(b, &o)| {
                let mut bar = Rectangle::new(
                    [(b.0, 0.0), (b.1, o as f64)],
                    style.colours.primary.mix(0.85).filled(),
                );
                bar.set_margin(0, 0, margin, margin);
                bar
            }))
            .map_err(fail)?;
        let erl = palette::VERMILLION.stroke_width(style.px(1.5) as u32);
        // Bands are clipped to the plot: a studentized or rank envelope can
        // reach below zero, where no count can be.
        let lows: Vec<f64> = self.erl.iter().map(|e| e.0.clamp(0.0, top)).collect();
        let highs: Vec<f64> = self.erl.iter().map(|e| e.1.clamp(0.0, top)).collect();
        for band in [lows, highs] {
            chart
                .draw_series(DashedLineSeries::new(
                    step_line(&self.bins, band.into_iter()),
                    style.px(5.0) as u32,
                    style.px(4.0) as u32,
                    erl,
                ))
                .map_err(fail)?;
        }
        let mean = ink.stroke_width(style.px(1.5) as u32);
        chart
            .draw_series(LineSeries::new(
                step_line(&self.bins, self.null_mean.iter().copied()),
                mean,
            ))
            .map_err(fail)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0, 0.0), (0, top)],
                ink.stroke_width(style.px(2.0) as u32),
            )))
            .map_err(fail)?;
        let font = style.label_font();
        // In the headroom above the data (which reach at most 1/1.3 of it).
        let (zero_x, label_y) = chart.backend_coord(&(0, top * 0.97));
        let before = style.say("chart-peri-before", &[]);
        let (w, _) = root.estimate_text_size(&before, &font).map_err(fail)?;
        root.draw(&Text::new(before, (zero_x - w as i32 - style.px(8.0), label_y), font.clone()))
            .map_err(fail)?;
        let after = style.say("chart-peri-after", &[]);
        root.draw(&Text::new(after, (zero_x + style.px(8.0), label_y), font)).map_err(fail)?;
        Ok(())
    }
}
