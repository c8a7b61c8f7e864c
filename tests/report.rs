//! The human report: charts, index.html in a real browser, reruns that say
//! what changed, escaping of text from the inputs, and the committed report.

use std::path::Path;

use crate::util::{analyse, fixture, northwind, read_csv, repo, run_ok, snapshot, BOM};

/// Every chart the bundled run must produce, as `charts/NAME`.
const CHARTS: [&str; 13] = [
    "timeline",
    "monthly_counts",
    "sensitivity_election",
    "sensitivity_nuclear",
    "sensitivity_sanctions",
    "peri_event_election",
    "peri_event_nuclear",
    "peri_event_sanctions",
    "phase_election",
    "phase_nuclear",
    "phase_sanctions",
    "delay_histogram",
    "weekday",
];

fn bundled_report(dir: &Path, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join("report");
    run_ok(northwind(&repo()).args(["run", "-q", "--out"]).arg(&out).args(extra));
    out
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().expect("a valid PNG");
    (reader.info().width, reader.info().height)
}

#[test]
fn every_chart_is_written_as_png_and_svg_at_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    for (width, height) in [(1200, 675), (600, 400)] {
        let out = bundled_report(
            dir.path(),
            &["--width", &width.to_string(), "--height", &height.to_string()],
        );
        for chart in CHARTS {
            let png = std::fs::read(out.join(format!("charts/{chart}.png"))).unwrap();
            assert_eq!(png_size(&png), (width, height), "{chart}");
            let svg = std::fs::read_to_string(out.join(format!("charts/{chart}.svg"))).unwrap();
            assert!(
                svg.starts_with(&format!("<svg width=\"{width}\" height=\"{height}\"")),
                "{chart}"
            );
            // Self-contained: the text is typeset as outlines, and the
            // words are kept as the SVG's title and description.
            assert!(!svg.contains("<text"), "{chart} depends on the reader's fonts");
            assert!(svg.contains(" role=\"img\"><title>"), "{chart} lacks its title");
            assert!(svg.contains("</title><desc>"), "{chart} lacks its description");
        }
    }
}

#[test]
fn every_chart_has_its_data_beside_it_and_one_text_alternative_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let out = bundled_report(dir.path(), &[]);
    let alt_md = std::fs::read_to_string(out.join("charts/alt.md")).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    for chart in CHARTS {
        let (headers, rows) = read_csv(&out.join(format!("charts/{chart}.csv")));
        assert!(!headers.is_empty() && !rows.is_empty(), "{chart}.csv is empty");
        // One text: the SVG's description, the page's label, alt.md's entry.
        let svg = std::fs::read_to_string(out.join(format!("charts/{chart}.svg"))).unwrap();
        let desc = &svg[svg.find("<desc>").unwrap() + 6..svg.find("</desc>").unwrap()];
        let label = format!("<svg aria-label=\"{desc}\"");
        assert!(html.contains(&label), "index.html labels {chart} otherwise than its SVG");
        let plain = desc
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let entry = alt_md.split(&format!("## {chart}\n")).nth(1).unwrap_or_default();
        assert!(entry.contains("Files: `charts/"), "alt.md lacks {chart}");
        assert!(plain.len() > 80, "{chart}'s text alternative says too little: {plain}");
        assert!(
            entry.replace('\\', "").contains(&plain.replace('_', "")[..60]),
            "alt.md's {chart} differs from its SVG: {plain}"
        );
    }
    // The sensitivity chart's data are the window tests' rate ratios.
    let (_, tests) = read_csv(&out.join("tables/window_tests.csv"));
    let (_, curve) = read_csv(&out.join("charts/sensitivity_election.csv"));
    let election: Vec<_> = tests.iter().filter(|t| t["group"] == "election").collect();
    assert_eq!(curve.len(), election.len());
    for point in &curve {
        let test = election
            .iter()
            .find(|t| {
                t["direction"] == point["direction"] && t["window_days"] == point["window_days"]
            })
            .unwrap_or_else(|| panic!("no window test for {point:?}"));
        for column in ["rate_ratio", "rate_ratio_low", "rate_ratio_high"] {
            assert_eq!(point[column], test[column], "{column} of {point:?}");
        }
    }
    // The weekday chart's counts are the weekday table's.
    let (_, table) = read_csv(&out.join("tables/weekday.csv"));
    let (_, bars) = read_csv(&out.join("charts/weekday.csv"));
    let counts = |rows: &[std::collections::BTreeMap<String, String>]| -> Vec<String> {
        rows.iter().map(|r| r["observed"].clone()).collect()
    };
    assert_eq!(counts(&table), counts(&bars));
}

#[test]
fn a_chart_with_nothing_to_show_is_left_out_and_the_report_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        "id,category,announcement_date\nx1,military,2020-01-05\nx2,civilian,2020-06-01\nx3,civilian,2021-02-03\n",
        "date,kind,label\n2020-03-01,vote,Vote\n2021-01-20,vote,Vote\n",
        &[],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let out = dir.path().join("r");
    assert!(!out.join("charts/delay_histogram.png").exists(), "an empty delay histogram was drawn");
    assert!(!out.join("charts/delay_histogram.svg").exists());
    assert!(out.join("charts/timeline.svg").exists(), "the other charts are drawn");
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("so the report has no delay histogram"), "{summary}");
    let alt = std::fs::read_to_string(out.join("charts/alt.md")).unwrap();
    assert!(!alt.contains("## delay_histogram"));
}

#[test]
fn charts_and_the_html_report_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = snapshot(&bundled_report(&dir.path().join("a"), &["--threads", "1"]));
    let b = snapshot(&bundled_report(&dir.path().join("b"), &["--threads", "2"]));
    for (name, bytes) in &a {
        if name != "manifest.json" {
            assert_eq!(Some(bytes), b.get(name), "{name} differs between runs");
        }
    }
}

#[test]
fn charts_and_joined_csv_can_be_left_out_without_changing_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let full = snapshot(&bundled_report(&dir.path().join("full"), &[]));
    let lean = snapshot(&bundled_report(&dir.path().join("lean"), &["--no-charts", "--no-joined"]));
    let names = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
        files.keys().cloned().collect::<Vec<_>>()
    };
    let expected: Vec<String> = names(&full)
        .into_iter()
        .filter(|name| !name.starts_with("charts/") && name != "tables/joined.csv")
        .collect();
    assert_eq!(names(&lean), expected);
    for (name, bytes) in &lean {
        if name.starts_with("tables/") {
            assert!(Some(bytes) == full.get(name), "{name} differs in the lean run");
        }
    }
    // summary.json lists each group's files, which differ; every figure is the same.
    let figures = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
        let mut summary: serde_json::Value =
            serde_json::from_slice(&files["summary.json"]).unwrap();
        for group in summary["groups"].as_array_mut().unwrap() {
            let files = group.as_object_mut().unwrap().remove("files").unwrap();
            assert!(files
                .as_array()
                .unwrap()
                .iter()
                .all(|f| lean.contains_key(f.as_str().unwrap())
                    || full.contains_key(f.as_str().unwrap())));
        }
        summary
    };
    assert_eq!(figures(&lean), figures(&full), "summary.json's figures differ in the lean run");
    let text = |files: &std::collections::BTreeMap<String, Vec<u8>>, name: &str| {
        String::from_utf8(files[name].clone()).unwrap()
    };
    let html = text(&lean, "index.html");
    assert!(!html.contains("<svg"), "a report without charts has no figures");
    assert!(html.contains("made without charts"), "the page says why it has no charts");
    assert!(text(&full, "summary.md").contains("`tables/joined.csv`"));
    assert!(!text(&lean, "summary.md").contains("joined.csv"), "no link to a file not written");
    let manifest = text(&lean, "manifest.json");
    assert!(manifest.contains("\"charts\": false") && manifest.contains("\"joined\": false"));
    // A rerun over a report without joined.csv still compares the rest: with
    // the same inputs and settings, nothing changed.
    let rerun =
        snapshot(&bundled_report(&dir.path().join("lean"), &["--no-charts", "--no-joined"]));
    let summary = text(&rerun, "summary.md");
    assert!(summary.contains("Since the last run"), "{summary}");
    assert!(summary.contains("Nothing changed: the same inputs and settings"), "{summary}");
    // With another seed, the setting is named, and the cases cannot be listed.
    let rerun = snapshot(&bundled_report(
        &dir.path().join("lean"),
        &["--no-charts", "--no-joined", "--seed", "7"],
    ));
    let summary = text(&rerun, "summary.md");
    assert!(summary.contains("- Setting changed, seed: `20160408` → `7`"), "{summary}");
    assert!(!summary.contains("Nothing changed"), "{summary}");
}

#[test]
fn every_csv_file_starts_with_the_mark_excel_needs_unless_asked_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let marked = snapshot(&bundled_report(&dir.path().join("marked"), &[]));
    let plain = snapshot(&bundled_report(&dir.path().join("plain"), &["--no-bom"]));
    let csv: Vec<&String> = marked.keys().filter(|name| name.ends_with(".csv")).collect();
    assert!(
        csv.iter().any(|n| n.starts_with("charts/")) && csv.contains(&&"tables/joined.csv".into())
    );
    for name in &csv {
        let (with, without) = (&marked[*name], &plain[*name]);
        assert!(with.starts_with(BOM), "{name} lacks the UTF-8 mark");
        assert!(!without.starts_with(BOM), "{name} has the mark with --no-bom");
        assert!(with[BOM.len()..] == without[..], "{name}: the mark is all that differs");
    }
    for (name, bytes) in &marked {
        if !name.ends_with(".csv") {
            assert!(!bytes.starts_with(BOM), "{name} is not a CSV file but starts with the mark");
        }
    }
    // The setting does what the flag does.
    let data = repo().join("data");
    let config = crate::util::write_config(
        dir.path(),
        &format!(
            "[input]\nannouncements = {:?}\nevents = {:?}\n[output]\ncsv_bom = false\n",
            data.join("announcements.csv"),
            data.join("events.csv")
        ),
    );
    let out = dir.path().join("by-setting");
    run_ok(northwind(&repo()).args(["run", "-q", "--config"]).arg(&config).arg("--out").arg(&out));
    for (name, bytes) in snapshot(&out) {
        assert!(!bytes.starts_with(BOM), "{name} has the mark with csv_bom = false");
    }
}

#[test]
fn a_rerun_says_which_cases_were_added_and_what_moved() {
    let dir = tempfile::tempdir().unwrap();
    let announcements = dir.path().join("a.csv");
    std::fs::copy(fixture("small/announcements.csv"), &announcements).unwrap();
    let events = fixture("small/events.csv");
    let run = |extra: &[&str]| {
        run_ok(
            northwind(dir.path())
                .args([
                    "run",
                    "-q",
                    "--permutations",
                    "99",
                    "--out",
                    "r",
                    "--announcements",
                    "a.csv",
                    "--events",
                ])
                .arg(&events)
                .args(extra),
        );
        serde_json::from_slice::<serde_json::Value>(
            &std::fs::read(dir.path().join("r/summary.json")).unwrap(),
        )
        .unwrap()
    };
    let first = run(&[]);
    assert!(first["since_last_run"].is_null(), "no previous report");
    let second = run(&[]);
    assert_eq!(second["since_last_run"]["added"], serde_json::json!([]));
    let md = std::fs::read_to_string(dir.path().join("r/summary.md")).unwrap();
    assert!(md.contains("Nothing changed"), "{md}");
    // A new case on the day before the Assembly election.
    let mut text = std::fs::read_to_string(&announcements).unwrap();
    text.push_str("a12,New case,military,1,2020-04-13,day,2020-04-14,government,,,\n");
    std::fs::write(&announcements, text).unwrap();
    let third = run(&[]);
    assert_eq!(third["since_last_run"]["added"], serde_json::json!(["a12"]));
    let moved = third["since_last_run"]["moved"].as_array().unwrap();
    let before_7 =
        moved.iter().find(|m| m["test"] == "election/before/7").expect("election/before/7 moved");
    assert_eq!(
        (before_7["observed_before"].as_u64(), before_7["observed_now"].as_u64()),
        (Some(4), Some(5))
    );
    let md = std::fs::read_to_string(dir.path().join("r/summary.md")).unwrap();
    assert!(md.contains("Cases added (1): `a12`"), "{md}");
    let html = std::fs::read_to_string(dir.path().join("r/index.html")).unwrap();
    assert!(
        html.contains("<h2 class=\"since\">Since the last run</h2>\n<ul>\n<li>Announcements file:"),
        "{html}"
    );
}

#[test]
fn text_from_the_inputs_is_escaped_in_html_svg_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        "id,name,category,people,announcement_date,source_url\n\
         x1,\"<script>alert('name')</script>\",<b>cat</b>,500,2020-01-05,javascript:alert(1)\n\
         x2,Plain,military,1,2020-06-01,https://example.org/?a=1&b=<2>\n",
        "date,kind,label\n2020-03-01,vote_<img src=x onerror=alert(1)>,<i>label</i>\n",
        &[],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let files = snapshot(&dir.path().join("r"));
    for (name, bytes) in &files {
        if !(name.ends_with(".html") || name.ends_with(".svg") || name.ends_with(".md")) {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for bad in ["<script>", "<img src=x", "<b>cat", "<i>label", "javascript:"] {
            assert!(!text.contains(bad), "{name} contains raw {bad}");
        }
    }
    let html = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(
        html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"),
        "the name is shown, escaped"
    );
    assert!(
        html.contains("href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\""),
        "the URL is kept, escaped"
    );
}

#[test]
fn the_committed_report_matches_the_code() {
    // reports/ holds the bundled data's report for readers of the repository;
    // if the code changes a figure, this fails until it is regenerated with
    // `cargo run --release -- run`.
    let dir = tempfile::tempdir().unwrap();
    let out = bundled_report(dir.path(), &[]);
    let fresh = snapshot(&out);
    let committed = snapshot(&repo().join("reports"));
    let mut checked = 0;
    for (name, bytes) in &fresh {
        let comparable = name.starts_with("tables/") || name.ends_with(".svg");
        if comparable {
            let old = committed.get(name).unwrap_or_else(|| {
                panic!("reports/{name} is missing: run `cargo run --release -- run`")
            });
            assert!(
                old == bytes,
                "reports/{name} is stale: run `cargo run --release -- run` and commit reports/\n{}",
                crate::util::first_difference(old, bytes)
            );
            checked += 1;
        }
    }
    assert!(checked >= 4 + CHARTS.len(), "only {checked} files compared");
}

#[test]
#[ignore = "needs Chromium: set NORTHWIND_CHROMIUM to its path and run with --ignored (CI's .ci/run does)"]
fn index_html_renders_in_headless_chromium_without_errors() {
    let chromium = std::env::var("NORTHWIND_CHROMIUM")
        .expect("NORTHWIND_CHROMIUM names a Chromium binary (this test runs only when asked for)");
    let dir = tempfile::tempdir().unwrap();
    // A Hangul title: the page must draw it in its embedded font, whatever
    // fonts the machine has (CI's has no Korean font).
    // Both pages of a report in both languages.
    let out = bundled_report(dir.path(), &["--title", "북풍: 탈북 발표와 선거", "--lang", "en,ko"]);
    for (file, lang) in [("index.html", "en"), ("index.ko.html", "ko")] {
        let html = std::fs::read_to_string(out.join(file)).unwrap();
        probe_page(&chromium, &out, &html, lang);
    }
}

/// Loads `html` (a page of the report in `out`) in headless Chromium and
/// checks what it rendered.
fn probe_page(chromium: &str, out: &Path, html: &str, lang: &str) {
    // A probe, injected first in <head>, records errors, failed resources and
    // fetches, and the rendered size of every chart, into the DOM.
    let probe = r#"<script>
window.__errors = [];
window.addEventListener('error', function (e) {
  var t = e.target;
  window.__errors.push(t && t !== window ? 'resource failed: ' + (t.src || t.href || t.tagName) : 'error: ' + e.message);
}, true);
['error', 'warn'].forEach(function (k) {
  var original = console[k];
  console[k] = function () { window.__errors.push('console.' + k + ': ' + [].join.call(arguments, ' ')); original.apply(console, arguments); };
});
window.addEventListener('load', function () {
  document.fonts.ready.then(function () {
    var sizes = [].map.call(document.querySelectorAll('figure svg'), function (s) {
      var r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)];
    });
    var fonts = []; document.fonts.forEach(function (f) { fonts.push(f.family + ' ' + f.weight + ' ' + f.status); });
    var pre = document.createElement('pre');
    pre.id = 'northwind-probe';
    pre.textContent = JSON.stringify({ errors: window.__errors, sizes: sizes, resources: performance.getEntriesByType('resource').length,
      fonts: fonts, hangul: document.fonts.check('700 30px "northwind sans"', '북풍 탈북') && document.fonts.check('17px "northwind sans"', '북풍 탈북'),
      h1: getComputedStyle(document.querySelector('h1')).fontFamily, lang: document.documentElement.lang });
    document.body.appendChild(pre);
  });
});
</script>"#;
    let probed = html.replacen("<head>", &format!("<head>\n{probe}"), 1);
    let page = out.join("probe.html");
    std::fs::write(&page, probed).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
            "--virtual-time-budget=5000",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let start = dom
        .find("<pre id=\"northwind-probe\">")
        .unwrap_or_else(|| panic!("the probe did not run:\n{stderr}"));
    let json = &dom[start + "<pre id=\"northwind-probe\">".len()..];
    let json = &json[..json.find("</pre>").unwrap()];
    let probe: serde_json::Value =
        serde_json::from_str(&json.replace("&quot;", "\"").replace("&amp;", "&")).unwrap();
    assert_eq!(probe["errors"], serde_json::json!([]), "errors in the page");
    assert_eq!(probe["resources"], 0, "the page fetched something; it must be self-contained");
    // Both weights of the embedded subset were accepted (Chromium's font
    // sanitizer rejects a malformed font) and cover the Hangul title.
    assert_eq!(
        probe["fonts"],
        serde_json::json!(["northwind sans 400 loaded", "northwind sans 700 loaded"]),
        "the embedded fonts"
    );
    assert_eq!(probe["hangul"], true, "the embedded font lacks the title's Hangul");
    assert!(probe["h1"].as_str().unwrap().starts_with("\"northwind sans\""), "{}", probe["h1"]);
    assert_eq!(probe["lang"], lang, "the page's language");
    let sizes = probe["sizes"].as_array().unwrap();
    assert_eq!(sizes.len(), CHARTS.len(), "every chart is in the page");
    for size in sizes {
        assert!(
            size[0].as_u64().unwrap() > 100 && size[1].as_u64().unwrap() > 50,
            "a chart rendered too small: {size}"
        );
    }
    let console_errors: Vec<&str> =
        stderr.lines().filter(|l| l.contains(":CONSOLE") && l.contains("page")).collect();
    assert!(console_errors.is_empty(), "console messages: {console_errors:?}");
}

#[test]
fn a_rerun_names_changed_settings_groups_events_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("small/announcements.csv"), dir.path().join("a.csv")).unwrap();
    std::fs::copy(fixture("small/events.csv"), dir.path().join("e.csv")).unwrap();
    let run = |config: &str| {
        let config = crate::util::write_config(dir.path(), config);
        run_ok(
            northwind(dir.path())
                .args(["run", "-q", "--permutations", "99", "--no-charts", "--out", "r"])
                .args(["--announcements", "a.csv", "--events", "e.csv", "--config"])
                .arg(config),
        );
        let summary: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("r/summary.json")).unwrap())
                .unwrap();
        let md = std::fs::read_to_string(dir.path().join("r/summary.md")).unwrap();
        (summary["since_last_run"].clone(), md)
    };
    run("");
    let (same, md) = run("");
    assert_eq!(same["nothing_changed"], true, "{same}");
    assert!(md.contains("Nothing changed: the same inputs and settings"), "{md}");

    // Groups: 3 prefix groups (30 tests) become one explicit group (10 tests).
    let (regrouped, md) = run("[groups]\nvotes = [\"election_legislative\", \"election_local\"]\n");
    assert_eq!(regrouped["nothing_changed"], false);
    assert_eq!(regrouped["groups_added"], serde_json::json!(["votes"]));
    assert_eq!(
        regrouped["groups_removed"],
        serde_json::json!(["election", "nuclear", "sanctions"])
    );
    assert_eq!(
        (regrouped["tests_before"].as_u64(), regrouped["tests_now"].as_u64()),
        (Some(30), Some(10))
    );
    assert!(md.contains("- Setting changed, event groups ([groups]):"), "{md}");
    assert!(md.contains("- Window tests: 30 → 10 (30 no longer run, 10 new)"), "{md}");
    assert!(!md.contains("Nothing changed"), "{md}");

    // Settings: the window widths.
    let groups = "[groups]\nvotes = [\"election_legislative\", \"election_local\"]\n";
    let (windows, md) = run(&format!("{groups}[analysis]\nwindows = [7, 30]\n"));
    assert_eq!(windows["settings"][0]["setting"], "windows", "{windows}");
    assert!(
        md.contains("- Setting changed, window widths in days: `[7, 14, 30, 60, 90]` → `[7, 30]`"),
        "{md}"
    );
    let config = format!("{groups}[analysis]\nwindows = [7, 30]\n");

    // Events: one moved, one added, one removed.
    let events = std::fs::read_to_string(dir.path().join("e.csv")).unwrap();
    let events = events
        .replace("2020-04-15,election_legislative", "2020-04-16,election_legislative")
        .replace("2020-03-01,sanctions_un,UN,Resolution A,\n", "")
        + "2020-06-03,election_local,KR,By-election,\n";
    std::fs::write(dir.path().join("e.csv"), events).unwrap();
    let (calendar, md) = run(&config);
    assert_eq!(calendar["inputs"][0]["input"], "events");
    assert_eq!(calendar["inputs"][0]["content_changed"], true);
    assert_eq!(calendar["events_moved"][0]["date_now"], "2020-04-16", "{calendar}");
    assert_eq!(calendar["events_added"][0]["label"], "By-election");
    assert_eq!(calendar["events_removed"][0]["label"], "Resolution A");
    assert!(md.contains("- Events moved (1): 2020-04-15 `election_legislative` (Assembly election) → 2020-04-16"), "{md}");
    assert_eq!(calendar["added"], serde_json::json!([]), "no case changed");

    // Cases: which fields of an edited case changed.
    let cases = std::fs::read_to_string(dir.path().join("a.csv")).unwrap();
    std::fs::write(
        dir.path().join("a.csv"),
        cases.replace("a04,Four,civilian,3", "a04,Four,military,4"),
    )
    .unwrap();
    let (edited, md) = run(&config);
    assert_eq!(
        edited["edited"],
        serde_json::json!([{ "id": "a04", "fields": ["category", "people"] }])
    );
    assert!(md.contains("- Cases edited (1): `a04` (category, people)"), "{md}");
}
