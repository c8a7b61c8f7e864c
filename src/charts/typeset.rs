//! Typesetting: every chart is drawn once, as SVG, and this module turns that
//! drawing into the two files a newsroom uses.
//!
//! plotters places glyphs one by one without shaping, which leaves uneven gaps
//! inside words and numbers ("201 2"). resvg's text engine shapes each string
//! with the embedded fonts (kerning, Hangul), so the SVG is parsed by usvg,
//! its text laid out and turned into outlines, and then
//! - rasterised by resvg into the PNG, and
//! - written back as the SVG file, with the text as paths: the file looks the
//!   same on a machine with no fonts at all. The words stay in the SVG's
//!   `<title>` and `<desc>` for screen readers and search.
//!
//! Both come from the same laid-out tree, so PNG and SVG are identical in
//! every glyph. No system font is ever read.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::FONT_NAME;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumGothicBold.ttf");

/// The embedded fonts, for plotters' text measurement (layout decisions).
pub fn font_files() -> [(&'static [u8], bool); 2] {
    [(REGULAR, false), (BOLD, true)]
}

/// usvg's options with the embedded fonts only, made once per process.
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fontdb = usvg::fontdb::Database::new();
        fontdb.load_font_data(REGULAR.to_vec());
        fontdb.load_font_data(BOLD.to_vec());
        fontdb.set_sans_serif_family(FONT_NAME);
        usvg::Options {
            font_family: FONT_NAME.to_string(),
            fontdb: Arc::new(fontdb),
            ..usvg::Options::default()
        }
    })
}

/// Where one piece of text was set, in canvas pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl TextBox {
    /// Whether the two boxes share more than `slack` pixels in both directions.
    pub fn overlaps(&self, other: &TextBox, slack: f32) -> bool {
        self.left + slack < other.right
            && other.left + slack < self.right
            && self.top + slack < other.bottom
            && other.top + slack < self.bottom
    }
}

/// The typeset chart: PNG bytes, a self-contained SVG, a PDF if asked, and
/// where its text went.
pub struct Typeset {
    pub png: Vec<u8>,
    pub svg: String,
    pub pdf: Option<Vec<u8>>,
    pub text_boxes: Vec<TextBox>,
}

/// What to typeset a drawing into.
pub struct Job<'a> {
    /// Prefix of the SVG's ids (unique per chart, so that charts can share a page).
    pub id: &'a str,
    /// The SVG's `<title>` and `<desc>`.
    pub title: &'a str,
    pub alt: &'a str,
    /// Write a PDF too.
    pub pdf: bool,
}

/// Pixels to the inch of the print PDF: the print preset's 1000 pixels are
/// 17 cm, its 17-pixel labels 8 points.
pub const PRINT_DPI: f32 = 150.0;

/// Every text of `group` and its subgroups, with its laid-out bounding box.
fn text_boxes(group: &usvg::Group, out: &mut Vec<TextBox>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => text_boxes(g, out),
            usvg::Node::Text(t) => {
                let b = t.abs_bounding_box();
                let text: String = t.chunks().iter().map(usvg::TextChunk::text).collect();
                out.push(TextBox {
                    text,
                    left: b.left(),
                    top: b.top(),
                    right: b.right(),
                    bottom: b.bottom(),
                });
            }
            _ => {}
        }
    }
}

/// Lays out `svg` (plotters' drawing, text in [`super::FONT_FAMILY`]) with the
/// embedded fonts, rasterises it to a PNG of the same size, and writes it back
/// as SVG with text as outlines, the job's title and alt text as its
/// accessible name and description; and, if asked, as a PDF from the same
/// tree, vector, with the text set in the embedded fonts (subsets).
///
/// # Errors
/// Text when the drawing cannot be parsed or the pixmap not allocated.
pub fn typeset(svg: &str, job: &Job<'_>) -> Result<Typeset, String> {
    let (id_prefix, title, desc) = (job.id, job.title, job.alt);
    let tree = usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot allocate a {}x{} image", size.width(), size.height()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    // The background is opaque white, so premultiplied RGBA is plain RGB.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let png = super::encode_png(&rgb, size.width(), size.height())?;
    let options = usvg::WriteOptions {
        // Ids unique per chart, so that the charts can share one page.
        id_prefix: Some(format!("{id_prefix}-")),
        coordinates_precision: 1,
        transforms_precision: 3,
        indent: usvg::Indent::None,
        attributes_indent: usvg::Indent::None,
        ..usvg::WriteOptions::default()
    };
    let outlined = tree.to_string(&options);
    let outlined = if outlined.contains(" viewBox=") {
        outlined
    } else {
        // A viewBox lets the page scale the chart to its column.
        let (w, h) = (size.width(), size.height());
        let open = format!("<svg width=\"{w}\" height=\"{h}\"");
        outlined.replacen(&open, &format!("{open} viewBox=\"0 0 {w} {h}\""), 1)
    };
    let mut boxes = Vec::new();
    text_boxes(tree.root(), &mut boxes);
    let pdf = if job.pdf {
        let page = svg2pdf::PageOptions { dpi: PRINT_DPI };
        Some(
            svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
                .map_err(|e| format!("cannot write the PDF: {e}"))?,
        )
    } else {
        None
    };
    Ok(Typeset { png, svg: with_title(&outlined, title, desc), pdf, text_boxes: boxes })
}

/// Puts `<title>` and `<desc>` first inside the root `<svg>` element, and
/// marks the image as one graphic for assistive technology.
fn with_title(svg: &str, title: &str, desc: &str) -> String {
    let Some(open) = svg.find("<svg") else { return svg.to_string() };
    let Some(end) = svg[open..].find('>').map(|e| open + e) else { return svg.to_string() };
    let (head, rest) = svg.split_at(end);
    let rest = &rest[1..];
    format!(
        "{head} role=\"img\"><title>{}</title><desc>{}</desc>{rest}",
        crate::markup::escape(title),
        crate::markup::escape(desc)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixels(png_bytes: &[u8]) -> Vec<u8> {
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        buf
    }

    const DRAWING: &str = r##"<svg width="240" height="60" viewBox="0 0 240 60" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="240" height="60" fill="#FFFFFF"/><text x="10" y="40" font-family="sans-serif" font-size="24" fill="#000000">2012 태영호</text></svg>"##;

    #[test]
    fn only_the_embedded_fonts_are_used() {
        let faces: Vec<String> =
            options().fontdb.faces().map(|f| f.families[0].0.clone()).collect();
        assert_eq!(faces.len(), 2, "{faces:?}");
        assert!(faces.iter().all(|f| f.starts_with(FONT_NAME)), "{faces:?}");
    }

    #[test]
    fn the_svg_draws_what_the_png_shows() {
        let typeset = typeset(DRAWING, &job("probe")).unwrap();
        assert!(!typeset.svg.contains("<text"), "text is outlined: {}", typeset.svg);
        // Rasterising the written SVG again gives the PNG's pixels (up to the
        // rounding of its coordinates to a tenth of a pixel, which moves
        // anti-aliased edges: about 4% of the ink here; another font or
        // layout would differ in most of it).
        let again = typeset_png(&typeset.svg);
        let (a, b) = (pixels(&typeset.png), pixels(&again));
        assert_eq!(a.len(), b.len());
        let diff: u64 = a.iter().zip(&b).map(|(x, y)| u64::from(x.abs_diff(*y))).sum();
        let ink: u64 = a.iter().map(|x| u64::from(255 - x)).sum();
        assert!(ink > 50_000, "the text was drawn: ink {ink}");
        assert!(diff * 10 < ink, "SVG and PNG differ: {diff} of {ink}");
    }

    fn job(id: &str) -> Job<'_> {
        Job { id, title: "t", alt: "d", pdf: false }
    }

    fn typeset_png(svg: &str) -> Vec<u8> {
        typeset(svg, &job("again")).unwrap().png
    }

    #[test]
    fn the_pdf_is_vector_with_the_fonts_embedded_and_the_same_every_time() {
        let print = Job { pdf: true, ..job("print") };
        let first = typeset(DRAWING, &print).unwrap().pdf.unwrap();
        let again = typeset(DRAWING, &print).unwrap().pdf.unwrap();
        assert_eq!(first, again, "the PDF is deterministic");
        let text = String::from_utf8_lossy(&first);
        assert!(text.contains("/FontFile2") && text.contains("NanumGothic"));
        // 240 pixels at 150 to the inch: a page 115.2 points wide.
        assert!(text.contains("115.2"), "page size");
        assert!(!text.contains("/Subtype /Image"), "no raster in the PDF");
    }

    #[test]
    fn the_title_and_description_open_the_svg_escaped() {
        let svg =
            with_title("<svg width=\"2\" height=\"2\"><path d=\"M0 0\"/></svg>", "a<b", "c&\u{0}d");
        assert_eq!(
            svg,
            "<svg width=\"2\" height=\"2\" role=\"img\"><title>a&lt;b</title><desc>c&amp; d</desc><path d=\"M0 0\"/></svg>"
        );
    }
}
