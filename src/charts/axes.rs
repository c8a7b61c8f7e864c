//! The scaffolding every cartesian chart shares: the plot area with its
//! margins and label areas, the house grid and axis titles, and legend
//! swatches. All sizes come from [`Style`], so they scale with the image.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{fail, palette, Style};

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
        .margin_right(style.px(24.0))
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
        .bold_line_style(palette::LIGHT_GREY)
        .x_desc(x_desc)
        .label_style(tick_font)
        .axis_desc_style(style.label_font());
    if let Some(y_desc) = y_desc {
        mesh.y_desc(y_desc);
    }
    mesh
}

/// A filled legend swatch (for bars and bands), centred on the legend
/// entry's anchor.
pub fn swatch_box(
    fill: impl Into<ShapeStyle>,
    style: &Style,
) -> impl Fn((i32, i32)) -> Rectangle<(i32, i32)> {
    let fill = fill.into();
    let (w, h) = (style.px(16.0), style.px(6.0));
    move |(x, y)| Rectangle::new([(x, y - h), (x + w, y + h)], fill)
}

/// A line legend swatch drawn with `stroke`.
pub fn swatch_line(
    stroke: impl Into<ShapeStyle>,
    style: &Style,
) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    let stroke = stroke.into();
    let w = style.px(16.0);
    move |(x, y)| PathElement::new(vec![(x, y), (x + w, y)], stroke)
}
