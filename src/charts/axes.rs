//! The scaffolding every cartesian chart shares: the plot area with its
//! margins and label areas, the house grid and axis titles, and legend
//! swatches. All sizes come from [`Style`], so they scale with the image.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use plotters::style::RGBAColor;

use super::{fail, Style};

/// A cartesian chart context over the coordinates that `X` and `Y` describe.
pub type Plot<'a, DB, X, Y> = ChartContext<
    'a,
    DB,
    Cartesian2d<<X as AsRangedCoord>::CoordDescType, <Y as AsRangedCoord>::CoordDescType>,
>;

/// A cartesian plot on `plot` with the house margins, an x label area sized
/// for tick labels and the axis title, and a y label area `y_label_width`
/// pixels wide (see [`Style::y_axis_area`]).
///
/// # Errors
/// The backend's, as text.
pub fn cartesian<'a, DB: DrawingBackend, X: AsRangedCoord, Y: AsRangedCoord>(
    plot: &'a DrawingArea<DB, Shift>,
    style: &Style,
    y_label_width: u32,
    x: X,
    y: Y,
) -> std::result::Result<Plot<'a, DB, X, Y>, String> {
    ChartBuilder::on(plot)
        // Room for half of a tick label centred on the axis's last point.
        .margin_right(style.px(36.0))
        // Room for half of the top tick label above the plot.
        .margin_top(style.px(10.0))
        .margin_left(style.px(10.0))
        .x_label_area_size(style.x_axis_area())
        .y_label_area_size(y_label_width)
        .build_cartesian_2d(x, y)
        .map_err(fail)
}

/// The house grid and axis titles on a mesh: light grey major lines, no
/// minor lines, tick labels in `tick_font`, axis titles in the label font.
/// The caller adds its tick formatters and draws.
pub fn house_mesh<'m, 'a, 'b, X, Y, XT, YT, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    style: &Style,
    tick_font: TextStyle<'b>,
    x_desc: &str,
    y_desc: Option<&str>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = XT> + ValueFormatter<XT>,
    Y: Ranged<ValueType = YT> + ValueFormatter<YT>,
    DB: DrawingBackend,
{
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(style.colours.grid)
        .axis_style(style.colours.muted)
        .x_desc(x_desc)
        .label_style(tick_font)
        .axis_desc_style(style.label_font());
    if let Some(y_desc) = y_desc {
        mesh.y_desc(y_desc);
    }
    mesh
}

/// A count axis's tick label: whole numbers only, so that a few cases never
/// read "0, 0, 1, 2, 2" (a tick between two integers gets no label).
pub fn count_label(y: &f64) -> String {
    if (y - y.round()).abs() < 1e-9 {
        format!("{y:.0}")
    } else {
        String::new()
    }
}

/// How many ticks a count axis up to `top` asks for: about one per whole
/// number, at most ten.
pub fn count_ticks(top: f64) -> usize {
    (top.floor().max(0.0) as usize + 1).clamp(2, 10)
}

/// What a legend entry's sample looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A filled box (bars, bands).
    Fill(RGBAColor),
    /// A line of this colour and width, solid or dashed (`(dash, gap)` pixels).
    Line(RGBAColor, u32, Option<(i32, i32)>),
    /// A hollow downward triangle (the marker of a rate ratio of 0).
    Hollow(RGBAColor),
    /// A filled upward triangle (an event marker).
    Marker(RGBAColor),
}

/// One entry of a chart's legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(label: impl Into<String>, swatch: Swatch) -> Self {
        LegendEntry { label: label.into(), swatch }
    }
}

/// Draws `entries` in rows from `(x0, y)` within `width` pixels: the legend
/// sits above the plot, never on the data. Returns the height it took.
///
/// # Errors
/// The backend's, as text.
pub fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    entries: &[LegendEntry],
    (x0, y0): (i32, i32),
    width: i32,
) -> std::result::Result<i32, String> {
    if entries.is_empty() {
        return Ok(0);
    }
    let font = style.small_font();
    let (_, text_h) = root.estimate_text_size("Ag", &font).map_err(fail)?;
    let row_h = (f64::from(text_h) * 1.45) as i32;
    let sample = style.px(22.0);
    let (mut x, mut y) = (x0, y0);
    for entry in entries {
        let label = super::fit_text(root, &entry.label, &font, width - sample - style.px(8.0))?;
        let (text_w, _) = root.estimate_text_size(&label, &font).map_err(fail)?;
        let entry_w = sample + style.px(6.0) + text_w as i32;
        if x > x0 && x + entry_w > x0 + width {
            x = x0;
            y += row_h;
        }
        let mid = y + text_h as i32 / 2;
        draw_swatch(root, style, entry.swatch, (x, mid), sample)?;
        root.draw(&Text::new(label, (x + sample + style.px(6.0), y), font.clone()))
            .map_err(fail)?;
        x += entry_w + style.px(20.0);
    }
    Ok(y + row_h - y0)
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    swatch: Swatch,
    (x, y): (i32, i32),
    width: i32,
) -> std::result::Result<(), String> {
    match swatch {
        Swatch::Fill(colour) => {
            let h = style.px(6.0);
            root.draw(&Rectangle::new([(x, y - h), (x + width, y + h)], colour.filled()))
        }
        Swatch::Line(colour, stroke, dash) => {
            let stroke = colour.stroke_width(stroke);
            let (on, off) = dash.unwrap_or((width, 0));
            let mut from = x;
            while from < x + width {
                let to = (from + on.max(1)).min(x + width);
                root.draw(&PathElement::new(vec![(from, y), (to, y)], stroke)).map_err(fail)?;
                from = to + off;
            }
            Ok(())
        }
        Swatch::Hollow(colour) => {
            let (c, d) = (x + width / 2, style.px(6.0));
            let outline = vec![(c - d, y - d), (c + d, y - d), (c, y + d), (c - d, y - d)];
            root.draw(&PathElement::new(outline, colour.stroke_width(style.px(2.0) as u32)))
        }
        Swatch::Marker(colour) => {
            let (c, d) = (x + width / 2, style.px(6.0));
            root.draw(&Polygon::new(
                vec![(c - d, y + d), (c + d, y + d), (c, y - d)],
                colour.filled(),
            ))
        }
    }
    .map_err(fail)
}
