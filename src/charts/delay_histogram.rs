//! Delay histogram: how long defections were kept quiet, on doubling bins
//! (a log-scaled days axis with room for same-day announcements).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{cartesian, count_label, count_ticks, house_mesh};
use super::{fail, frame, Chart, DrawResult, Style};
use crate::wording::ChartText;

/// The delay histogram's data: `(lo, hi, count)` bins of days.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayHistogram {
    pub text: ChartText,
    pub bins: Vec<(u64, u64, usize)>,
}

/// `[lo, hi)` as a reader says it: `0`, `1`, `2–3`, `512–1023`.
pub fn bin_label(lo: u64, hi: u64) -> String {
    if hi <= lo + 1 {
        lo.to_string()
    } else {
        format!("{lo}–{}", hi - 1)
    }
}

impl Chart for DelayHistogram {
    fn text(&self) -> &ChartText {
        &self.text
    }

    fn name(&self) -> String {
        "delay_histogram".into()
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult {
        let plot = frame(root, style, &self.text, &[])?;
        let y_max = self.bins.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64 * 1.15;
        let mut labels: Vec<String> =
            self.bins.iter().map(|(lo, hi, _)| bin_label(*lo, *hi)).collect();
        let n = self.bins.len() as i32;
        // Where the bins are too narrow for every label (a phone), every
        // second or third bin is labelled, from the first.
        let font = style.small_font();
        let widest = labels
            .iter()
            .map(|l| root.estimate_text_size(l, &font).map_or(0, |(w, _)| w))
            .max()
            .unwrap_or(0);
        let bin_px = f64::from(plot.dim_in_pixel().0) * 0.85 / f64::from(n.max(1));
        let step =
            ((f64::from(widest) + f64::from(style.px(10.0))) / bin_px).ceil().max(1.0) as usize;
        for (i, label) in labels.iter_mut().enumerate() {
            if i % step != 0 {
                label.clear();
            }
        }
        let mut chart =
            cartesian(&plot, style, style.y_axis_area(4), (0..n - 1).into_segmented(), 0.0..y_max)?;
        house_mesh(
            &mut chart.configure_mesh(),
            style,
            style.small_font(),
            &style.say("chart-delay-x-axis", &[]),
            Some(&style.say("chart-delay-y-axis", &[])),
        )
        .disable_x_mesh()
        .x_labels(self.bins.len())
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_labels(count_ticks(y_max))
        .y_label_formatter(&count_label)
        .draw()
        .map_err(fail)?;
        chart
            .draw_series(self.bins.iter().enumerate().map(|(i, (_, _, count))| {
                let i = i as i32;
                let mut bar = Rectangle::new(
                    [(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), *count as f64)],
                    style.colours.primary.filled(),
                );
                bar.set_margin(0, 0, style.px(6.0) as u32, style.px(6.0) as u32);
                bar
            }))
            .map_err(fail)?;
        // Each count sits just above its bar.
        let font = style.small_font().pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Center,
            plotters::style::text_anchor::VPos::Bottom,
        ));
        chart
            .draw_series(self.bins.iter().enumerate().filter(|(_, b)| b.2 > 0).map(
                |(i, (_, _, count))| {
                    Text::new(
                        count.to_string(),
                        (SegmentValue::CenterOf(i as i32), *count as f64 + y_max * 0.01),
                        font.clone(),
                    )
                },
            ))
            .map_err(fail)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bin_labels_read_as_day_ranges() {
        assert_eq!(super::bin_label(0, 1), "0");
        assert_eq!(super::bin_label(2, 4), "2–3");
    }
}
