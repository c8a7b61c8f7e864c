//! `charts/alt.md`: the text alternative of every chart, in one file, for the
//! alt field of a content management system. The same text is the `alt` of
//! the chart in `index.html` and the `<desc>` of its SVG.

use crate::charts::Rendered;
use crate::report::markdown::escape;
use crate::wording::Wording;

/// Renders `charts/alt.md` for `charts`, in report order, in the language
/// of `wording`; `suffix` is what this language's chart files add to their
/// names (`""`, `.ko`).
pub fn alt_markdown(charts: &[Rendered], wording: &Wording, suffix: &str) -> String {
    let mut md =
        format!("# {}\n\n{}\n", wording.say("alt-heading", &[]), wording.say("alt-intro", &[]));
    for chart in charts {
        let name = &chart.name;
        let mut files =
            vec![format!("`charts/{name}{suffix}.png`"), format!("`charts/{name}{suffix}.svg`")];
        if chart.pdf.is_some() {
            files.push(format!("`charts/{name}{suffix}.pdf`"));
        }
        let files = wording.say("alt-files", &[("files", &files.join(", "))]);
        md.push_str(&format!("\n## {name}\n\n{files}\n\n{}\n", escape(&chart.alt)));
    }
    md
}
