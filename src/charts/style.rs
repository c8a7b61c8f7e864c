//! The house style: fixed type sizes, the light and dark themes, and the
//! frame every chart shares (title and subtitle above, legend between them
//! and the plot, note, source line and byline below).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, RGBColor};

use super::{draw_legend, fail, palette, ChartSize, LegendEntry, FONT_FAMILY};
use crate::model::Theme;
use crate::wording::{ChartText, Words};

/// The colours of a theme. Series colours (the Okabe-Ito palette) are the
/// same in both; what changes is the paper and the ink.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colours {
    pub background: RGBColor,
    /// Titles, reference lines, outlines.
    pub ink: RGBColor,
    pub text: RGBColor,
    pub subtitle: RGBColor,
    /// Source line, notes, leader lines, null bands.
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// The data's own colour (bars, the first series).
    pub primary: RGBColor,
    /// The global envelope's band, apart from the data's colour.
    pub envelope: RGBColor,
    /// Event marks: neutral, so that colours stay for the data.
    pub events: [RGBColor; 3],
}

impl Colours {
    pub fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Colours {
                background: RGBColor(255, 255, 255),
                ink: palette::BLACK,
                text: RGBColor(40, 40, 40),
                subtitle: RGBColor(60, 60, 60),
                muted: palette::GREY,
                grid: palette::LIGHT_GREY,
                primary: palette::BLUE,
                envelope: palette::SKY_BLUE,
                events: palette::EVENT_LINES,
            },
            Theme::Dark => Colours {
                background: RGBColor(22, 24, 28),
                ink: RGBColor(240, 240, 240),
                text: RGBColor(222, 222, 222),
                subtitle: RGBColor(200, 200, 200),
                muted: RGBColor(160, 160, 160),
                grid: RGBColor(62, 66, 72),
                // On a dark ground the lighter blue carries the data.
                primary: palette::SKY_BLUE,
                envelope: palette::BLUE,
                events: [RGBColor(200, 200, 200), RGBColor(140, 140, 140), RGBColor(235, 235, 235)],
            },
        }
    }

    /// Series colour `i`: the palette, with black (the last) turned to the
    /// ink so that it shows on either paper.
    pub fn series(&self, i: usize) -> RGBColor {
        let colour = palette::SERIES[i % palette::SERIES.len()];
        if colour == palette::BLACK {
            self.ink
        } else {
            colour
        }
    }
}

/// Type and mark sizes. They are fixed in pixels at the reading size (as in
/// the FT's and the BBC's chart styles), not scaled with the canvas: a phone
/// chart keeps legible 15 px labels and gives the plot less room instead, and
/// long titles wrap rather than shrink.
#[derive(Debug, Clone)]
pub struct Style {
    pub size: ChartSize,
    pub colours: Colours,
    /// The catalogue, with the data's terms, for axis titles and legends.
    pub words: Words,
    /// Pixels per point: 1 at every size (kept as a factor so that a print
    /// resolution can scale everything alike).
    unit: f64,
}

impl Style {
    pub fn new(size: ChartSize, theme: Theme, words: Words) -> Self {
        Style { size, colours: Colours::of(theme), words, unit: 1.0 }
    }

    /// A date format of [`super::date_ticks`] in the chart's language
    /// (`Apr 2016` is `2016년 4월` in Korean; years stay as they are).
    pub fn date_format(&self, format: &'static str) -> &'static str {
        match (self.words.language, format) {
            (crate::messages::catalogue::Language::Ko, "%b %Y") => "%Y년 %-m월",
            _ => format,
        }
    }

    /// The catalogue's message `key` (see [`Words::say`]).
    pub fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.words.say(key, args)
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
        (FONT_FAMILY, self.font_px(30.0, 17.0), FontStyle::Bold)
            .into_font()
            .color(&self.colours.ink)
    }

    pub fn subtitle_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(20.0, 12.0)).into_font().color(&self.colours.subtitle)
    }

    pub fn label_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(17.0, 11.0)).into_font().color(&self.colours.text)
    }

    /// Pixel size of [`Style::small_font`].
    pub fn small_font_px(&self) -> f64 {
        self.font_px(15.0, 10.0)
    }

    pub fn small_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(15.0, 10.0)).into_font().color(&self.colours.text)
    }

    pub fn source_font(&self) -> TextStyle<'static> {
        (FONT_FAMILY, self.font_px(14.0, 9.0)).into_font().color(&self.colours.muted)
    }
}

/// Draws the title, subtitle, legend, note, source line and byline, and
/// returns the area left for the plot: the legend sits between the subtitle
/// and the plot, so it never covers the data. The note (wrapped) sits under
/// the plot; the source line runs left under it and the byline right, on
/// one line where both fit and on two otherwise.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    text: &ChartText,
    legend: &[LegendEntry],
) -> std::result::Result<DrawingArea<DB, Shift>, String> {
    let pad = style.px(18.0);
    let title_font = style.title_font();
    let subtitle_font = style.subtitle_font();
    let source_font = style.source_font();
    let line_height = |font: &TextStyle<'_>, spacing: f64| -> std::result::Result<i32, String> {
        let (_, h) = root.estimate_text_size("Ag", font).map_err(fail)?;
        Ok((f64::from(h) * spacing) as i32)
    };
    let width = root.dim_in_pixel().0 as i32 - 2 * pad;
    let mut y = pad;
    let title_step = line_height(&title_font, 1.2)?;
    for line in wrap_text(root, &text.title, &title_font, width, 3)? {
        root.draw(&Text::new(line, (pad, y), title_font.clone())).map_err(fail)?;
        y += title_step;
    }
    y += style.px(2.0);
    let subtitle_step = line_height(&subtitle_font, 1.3)?;
    for line in wrap_text(root, &text.subtitle, &subtitle_font, width, 4)? {
        root.draw(&Text::new(line, (pad, y), subtitle_font.clone())).map_err(fail)?;
        y += subtitle_step;
    }
    if !legend.is_empty() {
        y += style.px(6.0);
        y += draw_legend(root, style, legend, (pad, y), width)?;
    }
    let header = y + style.px(6.0);

    // The footer, laid out from the bottom up.
    let height = root.dim_in_pixel().1 as i32;
    let source_step = line_height(&source_font, 1.35)?;
    let source = fit_text(root, &text.source, &source_font, width)?;
    let byline = fit_text(root, &text.byline, &source_font, width)?;
    let text_width = |t: &str| -> std::result::Result<i32, String> {
        Ok(root.estimate_text_size(t, &source_font).map_err(fail)?.0 as i32)
    };
    let (source_w, byline_w) = (text_width(&source)?, text_width(&byline)?);
    let one_line = source.is_empty() || byline.is_empty() || source_w + byline_w + pad <= width;
    let credit_lines = if source.is_empty() && byline.is_empty() {
        0
    } else if one_line {
        1
    } else {
        2
    };
    let note_lines = if text.note.trim().is_empty() {
        Vec::new()
    } else {
        wrap_text(root, &text.note, &source_font, width, 3)?
    };
    let bottom = height - style.px(10.0);
    let credits_top = bottom - credit_lines * source_step;
    let note_top = credits_top - note_lines.len() as i32 * source_step;
    let footer_top =
        note_top - if credit_lines + note_lines.len() as i32 > 0 { style.px(8.0) } else { 0 };
    for (i, line) in note_lines.into_iter().enumerate() {
        let at = (pad, note_top + i as i32 * source_step);
        root.draw(&Text::new(line, at, source_font.clone())).map_err(fail)?;
    }
    if !source.is_empty() {
        root.draw(&Text::new(source, (pad, credits_top), source_font.clone())).map_err(fail)?;
    }
    if !byline.is_empty() {
        let row = if one_line { credits_top } else { credits_top + source_step };
        let x = if one_line { pad + width - byline_w } else { pad };
        root.draw(&Text::new(byline, (x, row), source_font)).map_err(fail)?;
    }
    let (_, rest) = root.split_vertically(header.max(0) as u32);
    let plot_height = (footer_top - header).max(10) as u32;
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
    // Lines break at spaces only: a no-break space (U+00A0, as in
    // "p = 0.03") keeps its neighbours together.
    for word in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::super::register_fonts;
    use super::*;

    #[test]
    fn long_titles_wrap_at_words_within_the_width() {
        register_fonts().unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (640, 200)).into_drawing_area();
        let style =
            Style::new(ChartSize { width: 640, height: 200 }, Theme::Light, Words::default());
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
        let article =
            Style::new(ChartSize { width: 1200, height: 675 }, Theme::Light, Words::default());
        let phone =
            Style::new(ChartSize { width: 600, height: 400 }, Theme::Light, Words::default());
        assert_eq!(article.font_px(17.0, 11.0), phone.font_px(17.0, 11.0));
        assert_eq!(article.x_axis_area(), phone.x_axis_area());
        assert_eq!(article.px(16.0), phone.px(16.0));
    }

    #[test]
    fn long_titles_are_shortened_with_an_ellipsis() {
        register_fonts().unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (200, 50)).into_drawing_area();
        let style =
            Style::new(ChartSize { width: 200, height: 50 }, Theme::Light, Words::default());
        let text = fit_text(&root, &"long words ".repeat(20), &style.label_font(), 150).unwrap();
        assert!(text.ends_with('…'));
        let (w, _) = root.estimate_text_size(&text, &style.label_font()).unwrap();
        assert!(w <= 150);
    }
}
