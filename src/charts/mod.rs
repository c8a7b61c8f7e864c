//! Charts for articles: PNG and SVG from the same drawing code.
//!
//! Each chart is a plain data struct (its "spec", prepared from the analysis
//! by [`specs`] without computing any statistic) that implements [`Chart`]:
//! one `draw` generic over any plotters backend. [`render`] runs it on a
//! bitmap (encoded to PNG) and on an SVG string. Text is drawn with NanumGothic,
//! embedded in the binary (Latin and Hangul; SIL OFL, see assets/fonts), so
//! charts render identically on a machine with no system fonts.
//!
//! Style: the Okabe-Ito colour-blind-safe palette, a title, a subtitle with the
//! headline figure, axis titles with units, a legend, and a source line. Every
//! size (fonts, margins, markers) scales with the image, so charts stay legible
//! from 600x400 to 1920x1080.

mod axes;
mod data;
mod delay_histogram;
mod monthly_counts;
mod peri_event;
mod phase;
mod sensitivity;
pub mod specs;
mod timeline;
mod typeset;
pub use typeset::TextBox;
mod weekday;

pub use delay_histogram::DelayHistogram;
pub use monthly_counts::MonthlyCounts;
pub use peri_event::PeriEvent;
pub use phase::PhaseRose;
pub use sensitivity::Sensitivity;
pub use timeline::Timeline;
pub use weekday::WeekdayChart;

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, RGBColor};

use crate::error::{Error, Result};
pub use axes::{cartesian, count_label, count_ticks, draw_legend, house_mesh, LegendEntry, Swatch};
pub use data::ChartData;

/// Okabe-Ito palette (Okabe and Ito 2008), colour-blind safe.
pub mod palette {
    use plotters::style::RGBColor;
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    pub const GREY: RGBColor = RGBColor(120, 120, 120);
    pub const LIGHT_GREY: RGBColor = RGBColor(225, 225, 225);
    /// Event-line colours (neutral, so that series colours stay for the data).
    pub const EVENT_LINES: [RGBColor; 3] =
        [RGBColor(70, 70, 70), RGBColor(150, 150, 150), RGBColor(20, 20, 20)];
    /// Series colours in order of use.
    pub const SERIES: [RGBColor; 7] = [BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY_BLUE, BLACK];
}

/// Family name under which the embedded font is registered.
pub const FONT_FAMILY: &str = "sans-serif";
/// The embedded font's family name, which the typesetter lays text out in.
pub const FONT_NAME: &str = "NanumGothic";

/// Registers the embedded fonts with plotters, once per process. Must run
/// before any text is drawn or measured, on either backend.
///
/// # Errors
/// Only if the embedded font data were corrupt.
pub fn register_fonts() -> Result<()> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = REGISTERED.get_or_init(|| {
        typeset::font_files().into_iter().all(|(bytes, bold)| {
            let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
            plotters::style::register_font(FONT_FAMILY, style, bytes).is_ok()
        })
    });
    if *ok {
        Ok(())
    } else {
        Err(Error::Chart { name: "fonts".into(), message: "the embedded font is invalid".into() })
    }
}

/// Pixel size of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
}

impl Default for ChartSize {
    fn default() -> Self {
        ChartSize { width: 1200, height: 675 }
    }
}

/// What the charts need of the settings: their size and the source line
/// under each (the newsroom's credit; empty for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub size: ChartSize,
    pub source: String,
}

/// A chart: a name and a drawing routine over any backend.
pub trait Chart: ChartData {
    /// File stem, e.g. `timeline` or `sensitivity_election`: a fixed word,
    /// and for a per-group chart the group's slug, never its raw name.
    fn name(&self) -> String;
    /// The caption under the chart in `index.html`: what it shows and how to
    /// read it (a per-group chart names the group as it is called).
    fn caption(&self) -> String;
    /// The chart's title, as drawn.
    fn title(&self) -> &str;
    /// The chart's subtitle (its key figures), as drawn.
    fn subtitle(&self) -> &str;
    /// The text alternative for readers who cannot see the chart: what it
    /// shows and its key figures, then how to read it.
    fn alt(&self) -> String {
        let sentence = |text: &str| {
            let text = text.trim();
            if text.is_empty() || text.ends_with(['.', '?', '!']) {
                text.to_string()
            } else {
                format!("{text}.")
            }
        };
        [sentence(self.title()), sentence(self.subtitle()), sentence(&self.caption())]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
    /// The event group a per-group chart shows (its name, as shown).
    fn group(&self) -> Option<&str> {
        None
    }
    /// Draws the chart onto `root`, which is already filled white.
    ///
    /// # Errors
    /// Whatever the backend reports, as text.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult;
}

/// Result of drawing: errors are carried as text (backend error types differ).
pub type DrawResult = std::result::Result<(), String>;

/// Converts any plotters error into the text of a [`DrawResult`].
pub fn fail<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// A chart rendered to both formats.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// File stem (see [`Chart::name`]).
    pub name: String,
    /// The event group of a per-group chart.
    pub group: Option<String>,
    /// See [`Chart::caption`].
    pub caption: String,
    /// See [`Chart::alt`].
    pub alt: String,
    /// What the chart draws, as a table ([`ChartData`]).
    pub data: crate::table::Table,
    pub size: ChartSize,
    pub png: Vec<u8>,
    /// Self-contained: text as outlines, the words in `<title>` and `<desc>`.
    pub svg: String,
    /// Where each text was set (for the layout checks).
    pub text_boxes: Vec<TextBox>,
}

/// Type and mark sizes. They are fixed in pixels at the reading size (as in
/// the FT's and the BBC's chart styles), not scaled with the canvas: a phone
/// chart keeps legible 15 px labels and gives the plot less room instead, and
/// long titles wrap rather than shrink.
#[derive(Debug, Clone)]
pub struct Style {
    pub size: ChartSize,
    /// The source line under the chart.
    pub source: String,
    /// Pixels per point: 1 at every size (kept as a factor so that a print
    /// resolution can scale everything alike).
    unit: f64,
}

impl Style {
    pub fn new(size: ChartSize, source: &str) -> Self {
        Style { size, source: source.to_string(), unit: 1.0 }
    }

    /// `points` in pixels.
    pub fn px(&self, points: f64) -> i32 {
        (points * self.unit).round().max(1.0) as i32
    }

    fn font_px(&self, points: f64, minimum: f64) -> f64 {
        (points * self.unit).max(minimum)
    }

    /// Height of the x label area: tick labels, the axis title, and air.
    pub fn x_axis_area(&self) -> u32 {
        (2.0 * self.font_px(17.0, 11.0) + f64::from(self.px(20.0))) as u32
    }

    /// Width of the y label area for tick labels of up to `chars` characters
    /// plus the rotated axis title.
    pub fn y_axis_area(&self, chars: usize) -> u32 {
        let font = self.font_px(17.0, 11.0);
        (font * (0.62 * chars as f64 + 1.6) + f64::from(self.px(18.0))) as u32
    }

    pub fn title_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(30.0, 17.0), FontStyle::Bold).into_font().color(&palette::BLACK)
    }

    pub fn subtitle_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(20.0, 12.0)).into_font().color(&RGBColor(60, 60, 60))
    }

    pub fn label_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(17.0, 11.0)).into_font().color(&RGBColor(40, 40, 40))
    }

    /// Pixel size of [`Style::small_font`].
    pub fn small_font_px(&self) -> f64 {
        self.font_px(15.0, 10.0)
    }

    pub fn small_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(15.0, 10.0)).into_font().color(&RGBColor(40, 40, 40))
    }

    pub fn source_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(14.0, 9.0)).into_font().color(&palette::GREY)
    }
}

/// Draws the title, subtitle, legend and source line, and returns the area
/// left for the plot: the legend sits between the subtitle and the plot, so
/// it never covers the data.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    title: &str,
    subtitle: &str,
    legend: &[LegendEntry],
) -> std::result::Result<DrawingArea<DB, Shift>, String> {
    let pad = style.px(18.0);
    let title_font = style.title_font();
    let subtitle_font = style.subtitle_font();
    let source_font = style.source_font();
    let (_, title_h) = root.estimate_text_size("Ag", &title_font).map_err(fail)?;
    let (_, sub_h) = root.estimate_text_size("Ag", &subtitle_font).map_err(fail)?;
    let (_, source_h) = root.estimate_text_size("Ag", &source_font).map_err(fail)?;
    let width = root.dim_in_pixel().0 as i32 - 2 * pad;
    let mut y = pad;
    for line in wrap_text(root, title, &title_font, width, 3)? {
        root.draw(&Text::new(line, (pad, y), title_font.clone())).map_err(fail)?;
        y += (f64::from(title_h) * 1.2) as i32;
    }
    y += style.px(2.0);
    for line in wrap_text(root, subtitle, &subtitle_font, width, 4)? {
        root.draw(&Text::new(line, (pad, y), subtitle_font.clone())).map_err(fail)?;
        y += (f64::from(sub_h) * 1.3) as i32;
    }
    if !legend.is_empty() {
        y += style.px(6.0);
        y += draw_legend(root, style, legend, (pad, y), width)?;
    }
    let header = y + style.px(6.0);
    let footer = source_h as i32 + 2 * style.px(10.0);
    let height = root.dim_in_pixel().1 as i32;
    let source = fit_text(root, &style.source, &source_font, width)?;
    root.draw(&Text::new(source, (pad, height - footer + style.px(8.0)), source_font))
        .map_err(fail)?;
    let (_, rest) = root.split_vertically(header.max(0) as u32);
    let plot_height = (height - header - footer).max(10) as u32;
    let (plot, _) = rest.split_vertically(plot_height);
    Ok(plot)
}

/// Breaks `text` into lines of at most `width` pixels at spaces, at most
/// `max_lines` of them (the last shortened with an ellipsis if the text runs
/// on); a word longer than a line is shortened with an ellipsis.
pub fn wrap_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    width: i32,
    max_lines: usize,
) -> std::result::Result<Vec<String>, String> {
    let fits = |line: &str| -> std::result::Result<bool, String> {
        Ok(area.estimate_text_size(line, font).map_err(fail)?.0 as i32 <= width)
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate =
            if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if current.is_empty() || fits(&candidate)? {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|line| fit_text(area, &line, font, width)).collect()
}

/// Shortens `text` with an ellipsis until it fits in `width` pixels.
pub fn fit_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    width: i32,
) -> std::result::Result<String, String> {
    let mut candidate = text.to_string();
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let (w, _) = area.estimate_text_size(&candidate, font).map_err(fail)?;
        if w as i32 <= width || chars.len() <= 1 {
            return Ok(candidate);
        }
        chars.pop();
        while chars.last().is_some_and(|c| c.is_whitespace()) {
            chars.pop();
        }
        candidate = chars.iter().collect::<String>() + "…";
    }
}

/// Renders a chart to PNG bytes and an SVG string: drawn once as SVG, then
/// typeset with the embedded fonts (see [`typeset`]).
///
/// # Errors
/// [`Error::Chart`] naming the chart when drawing or encoding fails.
pub fn render<C: Chart>(chart: &C, settings: &Settings) -> Result<Rendered> {
    register_fonts()?;
    let name = chart.name();
    let size = settings.size;
    let style = Style::new(size, &settings.source);
    let chart_error = |message: String| Error::Chart { name: name.clone(), message };
    let (w, h) = (size.width, size.height);
    let mut drawing = String::new();
    {
        let root = SVGBackend::with_string(&mut drawing, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| chart_error(e.to_string()))?;
        chart.draw(&root, &style).map_err(chart_error)?;
        root.present().map_err(|e| chart_error(e.to_string()))?;
    }
    // plotters escapes markup in text but passes control characters through,
    // and XML cannot hold them (a NUL in a case's name would make the drawing
    // unreadable): drop all but tab, line feed and carriage return.
    drawing.retain(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    let alt = chart.alt();
    let typeset::Typeset { png, svg, text_boxes } =
        typeset::typeset(&drawing, &name, chart.title(), &alt).map_err(chart_error)?;
    Ok(Rendered {
        name,
        group: chart.group().map(String::from),
        caption: chart.caption(),
        alt,
        data: chart.data(),
        size,
        png,
        svg,
        text_boxes,
    })
}

/// Encodes RGB pixels as a PNG (deterministic: same pixels, same bytes).
pub(crate) fn encode_png(
    pixels: &[u8],
    width: u32,
    height: u32,
) -> std::result::Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(fail)?;
        writer.write_image_data(pixels).map_err(fail)?;
    }
    Ok(bytes)
}

/// Ticks for a date axis from `first` to `last`: 1 January every 1, 2, 5, 10...
/// years when the span is four years or more (labelled `2016`), otherwise the
/// first of the month every 1, 2, 3 or 6 months (labelled `Apr 2020`); about
/// `target` ticks. Returns the tick dates and their chrono label format.
pub fn date_ticks(
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
    target: usize,
) -> (Vec<chrono::NaiveDate>, &'static str) {
    use chrono::{Datelike, NaiveDate};
    let target = target.max(2) as i32;
    if last.year() - first.year() >= 4 {
        let step = year_step(first.year(), last.year(), target);
        let ticks = (first.year()..=last.year())
            .filter(|y| y.rem_euclid(step) == 0 || step == 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .filter(|d| *d >= first && *d <= last)
            .collect();
        return (ticks, "%Y");
    }
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let span = months(last) - months(first);
    let step = [1, 2, 3, 6, 12].into_iter().find(|s| span / s <= target).unwrap_or(12);
    let ticks = (months(first)..=months(last))
        .filter(|m| m.rem_euclid(step) == 0)
        .filter_map(|m| NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1))
        .filter(|d| *d >= first && *d <= last)
        .collect();
    (ticks, "%b %Y")
}

/// Year tick labels for a day axis: about `target` labels on round years.
pub fn year_step(first_year: i32, last_year: i32, target: i32) -> i32 {
    let span = (last_year - first_year).max(1);
    [1, 2, 5, 10, 20, 50, 100].into_iter().find(|s| span / s <= target).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct HangulProbe;

    impl ChartData for HangulProbe {
        fn data(&self) -> crate::table::Table {
            crate::table::Table { name: "probe".into(), columns: vec![], rows: vec![] }
        }
    }

    impl Chart for HangulProbe {
        fn name(&self) -> String {
            "probe".into()
        }
        fn caption(&self) -> String {
            String::new()
        }
        fn title(&self) -> &str {
            "태영호"
        }
        fn subtitle(&self) -> &str {
            ""
        }
        fn draw<DB: DrawingBackend>(
            &self,
            root: &DrawingArea<DB, Shift>,
            style: &Style,
        ) -> DrawResult {
            root.draw(&Text::new("태영호", (10, 10), style.title_font())).map_err(fail)
        }
    }

    /// Counts dark pixels in the PNG's first rows; a box glyph (missing
    /// character) draws an outline only, real Hangul strokes fill much more.
    fn ink(png_bytes: &[u8]) -> usize {
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf[..info.buffer_size()].chunks(3).filter(|p| p.iter().all(|&c| c < 128)).count()
    }

    #[test]
    fn hangul_labels_render_with_the_embedded_font() {
        let rendered = render(
            &HangulProbe,
            &Settings { size: ChartSize { width: 300, height: 80 }, source: String::new() },
        )
        .unwrap();
        assert!(rendered.png.starts_with(b"\x89PNG"));
        assert!(ink(&rendered.png) > 150, "too little ink: {}", ink(&rendered.png));
        // The SVG carries the glyphs as outlines, and the words in its title.
        assert!(!rendered.svg.contains("<text"), "{}", rendered.svg);
        assert!(rendered.svg.contains("<path"));
        assert!(rendered.svg.contains("<title>태영호</title>"));
    }

    #[test]
    fn date_axes_use_years_for_long_spans_and_months_for_short_ones() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let (ticks, format) = date_ticks(d(1996, 1, 1), d(2026, 1, 1), 8);
        assert_eq!(format, "%Y");
        assert!(ticks.len() <= 9 && ticks.iter().all(|t| t.format("%m-%d").to_string() == "01-01"));
        let (ticks, format) = date_ticks(d(2020, 1, 1), d(2021, 1, 1), 8);
        assert_eq!(format, "%b %Y");
        assert_eq!(ticks.len(), 7, "{ticks:?}");
        assert_eq!(ticks[1], d(2020, 3, 1));
    }

    #[test]
    fn long_titles_wrap_at_words_within_the_width() {
        register_fonts().unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (640, 200)).into_drawing_area();
        let style = Style::new(ChartSize { width: 640, height: 200 }, "");
        let text =
            "Announcements around election events: rate ratio by window width, before and after";
        let lines = wrap_text(&root, text, &style.title_font(), 600, 3).unwrap();
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word is lost or cut");
        for line in &lines {
            assert!(root.estimate_text_size(line, &style.title_font()).unwrap().0 <= 600, "{line}");
        }
        let capped = wrap_text(&root, &"word ".repeat(200), &style.title_font(), 600, 2).unwrap();
        assert_eq!(capped.len(), 2);
        assert!(capped[1].ends_with('…'));
    }

    #[test]
    fn type_sizes_do_not_shrink_with_the_canvas() {
        let article = Style::new(ChartSize { width: 1200, height: 675 }, "");
        let phone = Style::new(ChartSize { width: 600, height: 400 }, "");
        assert_eq!(article.font_px(17.0, 11.0), phone.font_px(17.0, 11.0));
        assert_eq!(article.x_axis_area(), phone.x_axis_area());
        assert_eq!(article.px(16.0), phone.px(16.0));
    }

    #[test]
    fn long_titles_are_shortened_with_an_ellipsis() {
        register_fonts().unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (200, 50)).into_drawing_area();
        let style = Style::new(ChartSize { width: 200, height: 50 }, "");
        let text = fit_text(&root, &"long words ".repeat(20), &style.label_font(), 150).unwrap();
        assert!(text.ends_with('…'));
        let (w, _) = root.estimate_text_size(&text, &style.label_font()).unwrap();
        assert!(w <= 150);
    }
}
