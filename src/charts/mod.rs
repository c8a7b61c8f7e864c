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
mod labels;
mod monthly_counts;
mod peri_event;
mod phase;
mod sensitivity;
pub mod specs;
mod style;
mod timeline;
mod typeset;
pub use typeset::{font_files, TextBox};
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
use plotters::style::FontStyle;

use crate::error::{Error, Result};
pub use crate::model::Theme;
use crate::wording::{ChartText, Wording};
pub use axes::{cartesian, count_label, count_ticks, draw_legend, house_mesh, LegendEntry, Swatch};
pub use data::ChartData;
pub use style::{fit_text, frame, wrap_text, Colours, Style};

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

/// What the charts need of the settings: their size and theme, whether a
/// print PDF goes beside each, and the newsroom's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub size: ChartSize,
    pub theme: Theme,
    /// Write a vector PDF of each chart too.
    pub pdf: bool,
    pub wording: Wording,
}

/// A chart: a name and a drawing routine over any backend.
pub trait Chart: ChartData {
    /// File stem, e.g. `timeline` or `sensitivity_election`: a fixed word,
    /// and for a per-group chart the group's slug, never its raw name.
    fn name(&self) -> String;
    /// The words around the chart: title, subtitle (its key figures),
    /// note, source line and byline as drawn, and the caption under it in
    /// `index.html` (what it shows and how to read it).
    fn text(&self) -> &ChartText;
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
        let text = self.text();
        [
            sentence(&text.title),
            sentence(&text.subtitle),
            sentence(&text.caption),
            sentence(&text.note),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
    /// The event group a per-group chart shows (its name, as shown).
    fn group(&self) -> Option<&str> {
        None
    }
    /// Draws the chart onto `root`, which is already filled with the
    /// theme's background.
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
    /// The print version (vector, fonts embedded), when asked for.
    pub pdf: Option<Vec<u8>>,
    /// Where each text was set (for the layout checks).
    pub text_boxes: Vec<TextBox>,
}

/// Renders a chart to PNG bytes and an SVG string (and a PDF when asked):
/// drawn once as SVG, then typeset with the embedded fonts (see [`typeset`]).
///
/// # Errors
/// [`Error::Chart`] naming the chart when drawing or encoding fails.
pub fn render<C: Chart>(chart: &C, settings: &Settings) -> Result<Rendered> {
    register_fonts()?;
    let name = chart.name();
    let size = settings.size;
    let style = Style::new(size, settings.theme, settings.wording.words.clone());
    let chart_error = |message: String| Error::Chart { name: name.clone(), message };
    let (w, h) = (size.width, size.height);
    let mut drawing = String::new();
    {
        let root = SVGBackend::with_string(&mut drawing, (w, h)).into_drawing_area();
        root.fill(&style.colours.background).map_err(|e| chart_error(e.to_string()))?;
        chart.draw(&root, &style).map_err(chart_error)?;
        root.present().map_err(|e| chart_error(e.to_string()))?;
    }
    // plotters escapes markup in text but passes control characters through,
    // and XML cannot hold them (a NUL in a case's name would make the drawing
    // unreadable): drop all but tab, line feed and carriage return.
    drawing.retain(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    let alt = chart.alt();
    let typeset::Typeset { png, svg, pdf, text_boxes } = typeset::typeset(
        &drawing,
        &typeset::Job { id: &name, title: &chart.text().title, alt: &alt, pdf: settings.pdf },
    )
    .map_err(chart_error)?;
    Ok(Rendered {
        name,
        group: chart.group().map(String::from),
        caption: chart.text().caption.clone(),
        alt,
        data: chart.data(),
        size,
        png,
        svg,
        pdf,
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
        fn text(&self) -> &ChartText {
            static TEXT: OnceLock<ChartText> = OnceLock::new();
            TEXT.get_or_init(|| ChartText { title: "태영호".into(), ..ChartText::default() })
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
            &Settings {
                size: ChartSize { width: 300, height: 80 },
                theme: Theme::Light,
                pdf: true,
                wording: Wording::default(),
            },
        )
        .unwrap();
        assert!(rendered.png.starts_with(b"\x89PNG"));
        assert!(ink(&rendered.png) > 150, "too little ink: {}", ink(&rendered.png));
        // The SVG carries the glyphs as outlines, and the words in its title.
        assert!(!rendered.svg.contains("<text"), "{}", rendered.svg);
        assert!(rendered.svg.contains("<path"));
        assert!(rendered.svg.contains("<title>태영호</title>"));
        // The PDF carries the font, as a subset.
        let pdf = rendered.pdf.unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let pdf_text = String::from_utf8_lossy(&pdf);
        assert!(pdf_text.contains("/FontFile2"), "no embedded TrueType font");
        assert!(pdf_text.contains("NanumGothic"), "the font is not named");
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
}
