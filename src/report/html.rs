//! `index.html`: the human report as one self-contained page. The prose is
//! the summary's sections (the same [`Document`] as `summary.md`, so the two
//! never disagree), each body rendered by pulldown-cmark, the
//! charts are inline SVG, the CSS is inline, and nothing is fetched: the page
//! works offline, attached to an e-mail or opened from a USB stick.
//!
//! Every string from the inputs is escaped: the Markdown already escapes
//! `<`, `>` and `&`, raw HTML events are turned into text here as a second
//! guard, and the case table escapes each cell. Source links are kept only
//! for `http(s)` URLs.

use pulldown_cmark::{html, Event, Options, Parser};

use crate::analysis::{Cases, LISTED_CASES};
use crate::charts::Rendered;
use crate::messages::catalogue::{message, Language};
use crate::messages::{date_short, thousands};
use crate::model::OutputParts;
use crate::report::markdown::{Document, SectionKind};
use crate::wording::Wording;

pub use crate::markup::escape as escape_html;

/// Markdown to HTML, with any raw HTML shown as text, never interpreted.
pub fn markdown_to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

const STYLE: &str = "
body{margin:0;background:#f6f6f3;color:#1a1a1a;font:17px/1.6 'northwind sans',NanumGothic,sans-serif}
main{max-width:980px;margin:0 auto;padding:28px 22px 60px;background:#fff}
h1{font-size:2em;line-height:1.2;margin:.2em 0 .3em}
h2{font-size:1.35em;margin:1.8em 0 .5em;border-top:1px solid #ddd;padding-top:.8em}
table{border-collapse:collapse;font:14px/1.4 'northwind sans',NanumGothic,sans-serif;margin:1em 0;display:block;overflow-x:auto}
th,td{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0ec}
figure{margin:1.5em 0}
figure svg{width:100%;height:auto;display:block}
figcaption{font-size:14px;color:#555;margin-top:.3em}
code{font-size:.9em;font-family:inherit}
.since{background:#fff8e1;border-left:4px solid #e69f00;padding:.4em 1em}
@media (prefers-color-scheme:dark){
body{background:#111;color:#e8e8e8}
main{background:#1b1b1b}
h2{border-top-color:#333}
th{background:#262626}
th,td{border-bottom-color:#333}
figcaption{color:#aaa}
a{color:#8cc8ff}
figure svg{background:#fff}
.since{background:#2b2514}
}
";

/// What one page shows: the summary's sections, the charts and the cases, in
/// one language, with links to the same report in the others.
pub struct Page<'a> {
    pub summary: &'a Document,
    pub figures: &'a [Rendered],
    pub cases: &'a Cases,
    pub parts: OutputParts,
    pub title: &'a str,
    pub wording: &'a Wording,
    /// What this language's chart files add to their names (`""`, `.ko`).
    pub suffix: &'a str,
    /// The report in the other languages: each language and its page.
    pub other_languages: &'a [(Language, String)],
}

/// Renders the page from the summary's sections, the charts and the cases.
pub fn index_html(p: &Page<'_>) -> String {
    let say = |key: &str, args: &[(&str, &str)]| p.wording.say(key, args);
    let mut page = String::new();
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        p.wording.words.language.code()
    ));
    page.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("<title>{}</title>\n", escape_html(p.title)));
    // The page's text is set in the charts' font, embedded as a subset of
    // the characters it uses, so that it reads the same on a machine without
    // any font (see `font_subset`); the head is written once the body is.
    let head = std::mem::take(&mut page);
    page.push_str("</head>\n<body>\n<main>\n");
    if !p.other_languages.is_empty() {
        let links: Vec<String> = p
            .other_languages
            .iter()
            .map(|(language, file)| {
                format!(
                    "<a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a>",
                    escape_html(file),
                    language.code(),
                    language.code(),
                    escape_html(&message(*language, "language-self-name", &[]))
                )
            })
            .collect();
        let also = escape_html(&say("page-also-in", &[("links", "\u{e000}")]))
            .replace('\u{e000}', &links.join(" · "));
        page.push_str(&format!("<p class=\"languages\">{also}</p>\n"));
    }
    page.push_str(&markdown_to_html(&p.summary.head));
    // The lead chart goes right under the title, before the first section.
    if let Some(lead) = p.figures.first() {
        push_figure(&mut page, lead, p.suffix);
    }
    for section in &p.summary.sections {
        let class = match section.kind {
            SectionKind::SinceLastRun => " class=\"since\"",
            SectionKind::Plain => "",
        };
        page.push_str(&format!("<h2{class}>{}</h2>\n", escape_html(&section.heading)));
        page.push_str(&markdown_to_html(&section.body));
    }
    if !p.parts.charts {
        page.push_str(&format!("<h2>{}</h2>\n", escape_html(&say("page-charts", &[]))));
        page.push_str(&markdown_to_html(&say("page-no-charts", &[])));
    }
    if p.figures.len() > 1 {
        page.push_str(&format!("<h2>{}</h2>\n", escape_html(&say("page-charts", &[]))));
        for figure in &p.figures[1..] {
            push_figure(&mut page, figure, p.suffix);
        }
    }
    push_cases(&mut page, p);
    page.push_str("</main>\n</body>\n</html>\n");
    let fonts = crate::charts::font_files();
    let font_css = super::font_subset::font_face_css(
        FONT_FAMILY,
        fonts[0].0,
        fonts[1].0,
        &format!("{head}{page}"),
    )
    // Without the subset the page still reads, in the reader's own fonts.
    .unwrap_or_default();
    format!("{head}<style>\n{font_css}{STYLE}</style>\n{page}")
}

/// The name under which the page embeds its font.
const FONT_FAMILY: &str = "northwind sans";

/// A chart as a figure: its SVG inline (self-contained, text as outlines),
/// named for assistive technology by its text alternative, and the caption
/// with links to the PNG and SVG files.
fn push_figure(page: &mut String, chart: &Rendered, suffix: &str) {
    let name = escape_html(&chart.name);
    page.push_str(&format!("<figure id=\"{name}\">\n"));
    let label = format!("<svg aria-label=\"{}\" ", escape_html(&chart.alt));
    page.push_str(&chart.svg.replacen("<svg ", &label, 1));
    page.push_str(&format!(
        "\n<figcaption>{} <a href=\"charts/{name}{suffix}.png\">PNG</a> · <a href=\"charts/{name}{suffix}.svg\">SVG</a></figcaption>\n</figure>\n",
        escape_html(&chart.caption),
    ));
}

/// The case list with links to each source (the first [`LISTED_CASES`] by
/// date), names and categories as the page's language shows them.
fn push_cases(page: &mut String, p: &Page<'_>) {
    let say = |key: &str, args: &[(&str, &str)]| p.wording.say(key, args);
    let language = p.wording.words.language;
    page.push_str(&format!("<h2>{}</h2>\n", escape_html(&say("page-cases", &[]))));
    let total = p.cases.rows;
    if total > LISTED_CASES {
        let key = if p.parts.joined { "page-cases-first" } else { "page-cases-first-no-joined" };
        let args = [("shown", LISTED_CASES.to_string()), ("total", thousands(total as u64))];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        page.push_str(&markdown_to_html(&say(key, &args)));
    }
    let columns = [
        "page-column-announced",
        "page-column-case",
        "page-column-category",
        "page-column-people",
        "page-column-delay",
        "page-column-source",
    ];
    let header: String =
        columns.iter().map(|k| format!("<th>{}</th>", escape_html(&say(k, &[])))).collect();
    page.push_str(&format!("<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n"));
    let source = escape_html(&say("page-source-link", &[]));
    for case in &p.cases.listed {
        let url = &case.source_url;
        let link = if url.starts_with("https://") || url.starts_with("http://") {
            format!("<a href=\"{}\" rel=\"noopener noreferrer\">{source}</a>", escape_html(url))
        } else {
            String::new()
        };
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            date_short(language, case.announced),
            escape_html(case.name_in(language)),
            escape_html(p.wording.category(&case.category)),
            case.people,
            case.delay_days.map_or_else(String::new, |d| d.to_string()),
            link
        ));
    }
    page.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_markdown_is_shown_not_run() {
        let html = markdown_to_html("hello <script>alert(1)</script>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn attribute_breaking_characters_are_escaped() {
        assert_eq!(
            escape_html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
    }
}
