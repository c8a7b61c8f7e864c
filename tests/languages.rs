//! The report in English, in Korean and in both: the numbers never depend on
//! the language (tables, `summary.json` and the manifest's results are the
//! same bytes), and one run in both languages writes each report as a run
//! in that language alone would.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::{northwind, repo, run, run_ok, SMALL};

/// Runs `northwind run` in the repository with `args` into `dir/name`.
fn report(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    run_ok(northwind(&repo()).args(["run", "-q", "--out"]).arg(&out).args(args));
    out
}

/// Every file of a report by its path inside it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

/// The manifest without what records the language: the command line and
/// the settings `languages` and `wordings` (the words are the language's).
fn manifest_results(bytes: &[u8]) -> serde_json::Value {
    let mut manifest = json(bytes);
    let object = manifest.as_object_mut().unwrap();
    object.remove("command_line");
    let config = object["config"].as_object_mut().unwrap();
    for key in ["languages", "wordings", "command_line", "out_dir"] {
        assert!(config.remove(key).is_some() || key == "out_dir", "the manifest records {key}");
    }
    // Only the data files: the prose and the charts are in their language.
    let outputs = object["outputs"].as_array_mut().unwrap();
    outputs.retain(|o| {
        let path = o["path"].as_str().unwrap();
        path.starts_with("tables/") || path == "summary.json"
    });
    manifest
}

#[test]
fn tables_summary_json_and_the_manifests_results_are_the_same_bytes_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    for (data, args) in [("bundled", &[][..]), ("small", &SMALL[..])] {
        let english = files(&report(dir.path(), &format!("{data}-en"), args));
        let korean = files(&report(
            dir.path(),
            &format!("{data}-ko"),
            &[args, &["--lang", "ko"][..]].concat(),
        ));
        let data_files: Vec<&String> =
            english.keys().filter(|p| p.starts_with("tables/") || *p == "summary.json").collect();
        assert!(data_files.len() >= 7, "{data}: {data_files:?}");
        for path in data_files {
            assert!(english[path] == korean[path], "{data}: {path} differs between en and ko");
        }
        assert_eq!(
            manifest_results(&english["manifest.json"]),
            manifest_results(&korean["manifest.json"]),
            "{data}: the manifests differ in more than the language"
        );
        // ... and the prose is not the same: the Korean report is Korean.
        let summary = String::from_utf8(korean["summary.md"].clone()).unwrap();
        assert!(
            summary.contains("## 결과") && summary.contains("몰림만으로는 의도를 보여 줄 수 없다"),
            "{data}: {summary}"
        );
        assert_ne!(english["summary.md"], korean["summary.md"]);
        let config = &json(&korean["manifest.json"])["config"];
        assert_eq!(config["languages"], serde_json::json!(["ko"]), "{data}");
    }
}

#[test]
fn both_languages_in_one_run_write_each_report_as_its_own_run_would() {
    let dir = tempfile::tempdir().unwrap();
    let args = &SMALL[..];
    let both = files(&report(dir.path(), "both", &[args, &["--lang", "en,ko"][..]].concat()));
    let english = files(&report(dir.path(), "en", args));
    let korean = files(&report(dir.path(), "ko", &[args, &["--lang", "ko"][..]].concat()));
    assert!(both["summary.md"] == english["summary.md"], "summary.md differs");
    assert!(both["summary.ko.md"] == korean["summary.md"], "summary.ko.md differs");
    assert!(both["charts/alt.ko.md"].len() > 100);
    // summary.json of both lists each group's files in both languages;
    // everything else in it is the same.
    let without_files = |bytes: &[u8]| {
        let mut summary = json(bytes);
        for group in summary["groups"].as_array_mut().unwrap() {
            group.as_object_mut().unwrap().remove("files");
        }
        summary
    };
    assert_eq!(without_files(&both["summary.json"]), without_files(&english["summary.json"]));
    let files_of = |bytes: &[u8]| json(bytes)["groups"][0]["files"].clone();
    assert!(files_of(&both["summary.json"]).to_string().contains(".ko.png"));
    for (path, bytes) in &english {
        if path.starts_with("tables/") {
            assert!(&both[path] == bytes, "{path} differs");
        }
        // Every chart in both languages, the Korean one with the Korean
        // run's bytes.
        if let Some(stem) = path.strip_prefix("charts/").and_then(|p| p.strip_suffix(".png")) {
            assert!(&both[path] == bytes, "{path} differs");
            let ko = format!("charts/{stem}.ko.png");
            assert!(both.get(&ko) == Some(&korean[path]), "{ko} differs from the Korean run's");
            assert!(&korean[path] != bytes, "{path}: the Korean chart is drawn in Korean");
        }
    }
    let page = |name: &str| String::from_utf8(both[name].clone()).unwrap();
    let (en_page, ko_page) = (page("index.html"), page("index.ko.html"));
    assert!(en_page.contains("<html lang=\"en\">") && ko_page.contains("<html lang=\"ko\">"));
    assert!(
        en_page.contains("href=\"index.ko.html\" hreflang=\"ko\" lang=\"ko\">한국어</a>"),
        "the English page links the Korean one"
    );
    assert!(ko_page.contains("href=\"index.html\" hreflang=\"en\" lang=\"en\">English</a>"));
    assert!(
        ko_page.contains("href=\"charts/timeline.ko.png\""),
        "the Korean page links its own charts"
    );
    assert!(!ko_page.contains("href=\"charts/timeline.png\""));
    // The manifest lists every file of both, each group's files included.
    let manifest = json(&both["manifest.json"]);
    let outputs: Vec<&str> = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    for path in both.keys().filter(|p| *p != "manifest.json") {
        assert!(outputs.contains(&path.as_str()), "{path} is not in the manifest");
    }
}

#[test]
fn the_korean_report_uses_the_korean_names_dates_and_labels_of_the_bundled_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = report(dir.path(), "ko", &["--lang", "ko"]);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    // The case list: Korean names, Korean short dates, Korean categories.
    assert!(
        page.contains("<tr><td>2016. 4. 8.</td><td>북한 류경식당 종업원 13명 (닝보)</td>"),
        "the 2016 restaurant workers"
    );
    assert!(page.contains("<td>태영호</td>"));
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("1996년 5월 23일부터 2025년 10월 19일까지"), "Korean long dates");
    assert!(
        summary.contains("탈북 발표 49건 중 7건이 대북 제재 당일 또는 그 후 29일 사이에"),
        "{summary}"
    );
    // The terminal's headline is Korean too.
    let ran = run_ok(
        northwind(&repo()).args(["run", "--lang", "ko", "--out"]).arg(dir.path().join("ko2")),
    );
    assert!(
        ran.stdout.contains("가장 두드러진 구간: 대북 제재 후 30일 이내 49건 중 7건"),
        "{}",
        ran.stdout
    );
}

#[test]
fn a_language_northwind_does_not_write_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["de", "en,en", ""] {
        let ran = run(northwind(&repo())
            .args(["run", "-q", "--lang", lang, "--out"])
            .arg(dir.path().join("r")));
        assert_eq!(ran.code, 2, "{lang}: {}", ran.stderr);
        assert!(ran.stderr.contains("--lang"), "{lang}: {}", ran.stderr);
        assert!(!dir.path().join("r").exists(), "nothing is written");
    }
}

#[test]
fn a_korean_rerun_says_in_korean_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::util::write_config(dir.path(), "[analysis]\nwindows = [7, 30]\n");
    let args = [&SMALL[..], &["--lang", "ko"][..]].concat();
    report(dir.path(), "r", &args);
    let out = dir.path().join("r");
    run_ok(
        northwind(&repo())
            .args(["run", "-q", "--out"])
            .arg(&out)
            .args(&args)
            .arg("--config")
            .arg(&config),
    );
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("## 지난 실행 이후 바뀐 점"), "{summary}");
    assert!(
        summary.contains("- 일 단위 구간 폭 설정 변경: `[7, 14, 30, 60, 90]` → `[7, 30]`"),
        "{summary}"
    );
    assert!(summary.contains("- 구간 검정: 30개 → 12개"), "{summary}");
}
