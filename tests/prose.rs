//! Snapshots of the prose a reader sees: `summary.md`, `summary.json` and
//! `index.html`, for the bundled data and for a small fixture of other data.
//! A change of wording or of a figure fails with a readable diff; accept an
//! intended one with `INSTA_UPDATE=always cargo test --test integration prose`
//! (or `cargo insta review`) and commit the `.snap` files. The charts inside
//! `index.html` are replaced by a marker: the committed report's SVGs pin them
//! (`report::the_committed_report_matches_the_code`).

use std::path::Path;

use crate::util::{northwind, repo, run_ok, SMALL};

/// `index.html` with each inline chart replaced by a marker naming it.
fn without_charts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</svg>").map_or(rest.len(), |e| start + e + "</svg>".len());
        out.push_str("<svg><!-- chart: pinned by the committed report's SVG files --></svg>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `index.html` with the embedded fonts' data replaced by a marker (the
/// font subsetter's own tests check the fonts).
fn without_font_data(html: &str) -> String {
    let marker = "data:font/ttf;base64,";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(marker) {
        out.push_str(&rest[..start + marker.len()]);
        let tail = &rest[start + marker.len()..];
        let end = tail.find(')').unwrap_or(tail.len());
        out.push_str("<font subset>");
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Runs `northwind run` in the repository with `args` into a temporary
/// directory and returns (summary.md, summary.json, index.html without
/// charts and font data, charts/alt.md).
fn prose(args: &[&str]) -> (String, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    run_ok(northwind(&repo()).args(["run", "-q", "--out"]).arg(&out).args(args));
    let read = |name: &str| std::fs::read_to_string(Path::new(&out).join(name)).unwrap();
    let html = without_font_data(&without_charts(&read("index.html")));
    (read("summary.md"), read("summary.json"), html, read("charts/alt.md"))
}

#[test]
fn the_bundled_report_reads_as_its_snapshot() {
    let (md, json, html, alt) = prose(&[]);
    insta::assert_snapshot!("bundled_summary_md", md);
    insta::assert_snapshot!("bundled_summary_json", json);
    insta::assert_snapshot!("bundled_index_html", html);
    insta::assert_snapshot!("bundled_alt_md", alt);
}

#[test]
fn a_report_of_other_data_reads_as_its_snapshot() {
    let (md, json, html, alt) = prose(&SMALL);
    insta::assert_snapshot!("small_summary_md", md);
    insta::assert_snapshot!("small_summary_json", json);
    insta::assert_snapshot!("small_index_html", html);
    insta::assert_snapshot!("small_alt_md", alt);
}

#[test]
fn the_korean_report_reads_as_its_snapshot() {
    let (md, _, html, alt) = prose(&["--lang", "ko"]);
    insta::assert_snapshot!("bundled_summary_ko_md", md);
    insta::assert_snapshot!("bundled_index_ko_html", html);
    insta::assert_snapshot!("bundled_alt_ko_md", alt);
    // Other data, with the default Korean terms and no labels (an empty
    // config instead of the bundled data's).
    let (md, _, _, _) =
        prose(&[&SMALL[..], &["--lang", "ko", "--config", "tests/data/empty.toml"]].concat());
    insta::assert_snapshot!("small_summary_ko_md", md);
}

#[test]
fn font_data_is_cut_out_of_the_html_snapshot_and_nothing_else() {
    let css = "a src: url(data:font/ttf;base64,AAEA+/=) format(\"truetype\"); b";
    assert_eq!(
        without_font_data(css),
        "a src: url(data:font/ttf;base64,<font subset>) format(\"truetype\"); b"
    );
}

#[test]
fn charts_are_cut_out_of_the_html_snapshot_and_nothing_else() {
    let html = "<p>a</p><svg width=\"1\"><text>x</text></svg><p>b</p><svg></svg>";
    assert_eq!(
        without_charts(html),
        "<p>a</p><svg><!-- chart: pinned by the committed report's SVG files --></svg><p>b</p>\
         <svg><!-- chart: pinned by the committed report's SVG files --></svg>"
    );
}

/// "What was tested" up to its list of the two tests: the data and the
/// notes on them.
fn data_paragraphs(md: &str) -> String {
    let start = md.match_indices("\n## ").nth(1).map_or(0, |(i, _)| i + 1);
    let rest = &md[start..];
    rest[..rest.find("\n- **").unwrap_or(rest.len())].to_string()
}

#[test]
fn the_notes_on_the_data_read_as_their_snapshots() {
    // A journalist's sheet without ids, holiday names without a shared
    // prefix (a group each), and a study period that leaves a case out.
    let dir = tempfile::tempdir().unwrap();
    let small = std::fs::read_to_string(repo().join("tests/data/small/announcements.csv")).unwrap();
    let no_ids: String =
        small.lines().map(|l| l.split_once(',').unwrap().1.to_string() + "\n").collect();
    std::fs::write(dir.path().join("a.csv"), no_ids).unwrap();
    let holidays = ["newyear", "seollal", "samiljeol", "childrensday", "memorialday", "chuseok"];
    let events: String = std::iter::once("date,kind\n".to_string())
        .chain(holidays.iter().enumerate().map(|(i, k)| format!("2020-{:02}-1{i},{k}\n", i + 2)))
        .collect();
    std::fs::write(dir.path().join("e.csv"), events).unwrap();
    for lang in ["en", "ko"] {
        let out = dir.path().join(format!("report-{lang}"));
        run_ok(
            northwind(dir.path())
                .args(["run", "-q", "--no-charts", "--permutations", "99", "--lang", lang])
                .args(["--start", "2020-02-01", "--announcements", "a.csv", "--events", "e.csv"])
                .arg("--config")
                .arg(repo().join("tests/data/empty.toml"))
                .arg("--out")
                .arg(&out),
        );
        let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
        insta::assert_snapshot!(format!("data_notes_{lang}"), data_paragraphs(&md));
    }
}
