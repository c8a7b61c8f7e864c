//! `charts/alt.md`: the text alternative of every chart, in one file, for the
//! alt field of a content management system. The same text is the `alt` of
//! the chart in `index.html` and the `<desc>` of its SVG.

use crate::charts::Rendered;
use crate::report::markdown::escape;

/// Renders `charts/alt.md` for `charts`, in report order.
pub fn alt_markdown(charts: &[Rendered]) -> String {
    let mut md = String::from(
        "# Text alternatives of the charts\n\nFor the alt field of each image: what the chart shows, its key figures, and how to read it.\n",
    );
    for chart in charts {
        let name = &chart.name;
        let pdf =
            if chart.pdf.is_some() { format!(", `charts/{name}.pdf`") } else { String::new() };
        md.push_str(&format!(
            "\n## {name}\n\nFiles: `charts/{name}.png`, `charts/{name}.svg`{pdf}\n\n{}\n",
            escape(&chart.alt),
        ));
    }
    md
}
