//! The whole run on real and fixture data: outputs, reproducibility, robustness
//! to file encodings and row order.

use std::path::Path;

use crate::util::{fixture, northwind, read_csv, repo, run_ok, snapshot, write_config};

fn run_small(
    dir: &Path,
    announcements: &Path,
    extra_args: &[&str],
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = dir.join(format!("out-{}", extra_args.join("-").replace(['/', ' '], "_")));
    run_ok(
        northwind(dir)
            .args(["run", "-q", "--permutations", "999", "--announcements"])
            .arg(announcements)
            .arg("--events")
            .arg(fixture("small/events.csv"))
            .arg("--out")
            .arg(&out)
            .args(extra_args),
    );
    snapshot(&out)
}

#[test]
fn the_bundled_run_writes_every_table_summary_and_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let ran = run_ok(northwind(&repo()).args(["run", "--out"]).arg(&out));
    // The terminal's headline is the sentence the charts' subtitles say.
    let headline = ran.stdout.lines().find(|l| l.starts_with("Strongest window: "));
    let headline = headline.unwrap_or_else(|| panic!("no headline in {}", ran.stdout));
    assert!(headline.contains("7 of 49 within 30 days after sanctions events"), "{headline}");
    let svg = std::fs::read_to_string(out.join("charts/sensitivity_sanctions.svg")).unwrap();
    // The chart holds "p = 0.03" together with no-break spaces.
    let svg = svg.replace('\u{a0}', " ");
    assert!(svg.contains(headline), "the chart's subtitle differs from {headline}");
    let files = snapshot(&out);
    let names: Vec<&str> =
        files.keys().map(String::as_str).filter(|n| !n.starts_with("charts/")).collect();
    assert_eq!(
        names,
        [
            "index.html",
            "manifest.json",
            "summary.json",
            "summary.md",
            "tables/delay_shuffle_tests.csv",
            "tables/delay_summary.csv",
            "tables/joined.csv",
            "tables/peth_election.csv",
            "tables/peth_nuclear.csv",
            "tables/peth_sanctions.csv",
            "tables/phase_tests.csv",
            "tables/poisson_regression.csv",
            "tables/weekday.csv",
            "tables/window_tests.csv"
        ]
    );
    let (headers, rows) = read_csv(&out.join("tables/window_tests.csv"));
    // The SPEC's columns in its order, then shift_count.
    let spec = "group,direction,window_days,n,observed,expected,covered_days,period_days,rate_ratio,rate_ratio_low,rate_ratio_high,p_binomial,p_shift,p_shift_fwer,p_shift_holm,p_shift_bh,p_shift_local,p_shift_lower,null_mean_shift,null_mean_local,note,shift_count,local_shift_count,local_shifts,events_span_short,hit_days,hit_events";
    assert_eq!(headers.join(","), spec);
    assert_eq!(rows.len(), 3 * 2 * 5, "3 groups x 2 directions x 5 windows");
    let (headers, rows) = read_csv(&out.join("tables/joined.csv"));
    assert_eq!(rows.len(), 49);
    for column in [
        "notes",
        "delay_days",
        "next_election_date",
        "days_to_next_election",
        "prev_sanctions_label",
        "days_since_prev_nuclear",
    ] {
        assert!(headers.iter().any(|h| h == column), "joined.csv lacks {column}");
    }
    // The 2016 Ningbo case: announced 2016-04-08, five days before the 2016-04-13 election.
    let ningbo = rows.iter().find(|r| r["id"] == "ningbo-restaurant-13-2016").unwrap();
    assert_eq!(ningbo["days_to_next_election"], "5");
    assert_eq!(ningbo["next_election_date"], "2016-04-13");
    assert_eq!(ningbo["delay_days"], "2");
    // The manifest fingerprints every output it lists, and the inputs.
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    assert_eq!(manifest["tool"], "northwind");
    assert_eq!(manifest["seed"], 20160408);
    for output in manifest["outputs"].as_array().unwrap() {
        let bytes = &files[output["path"].as_str().unwrap()];
        assert_eq!(output["sha256"].as_str().unwrap(), northwind::report::sha256_hex(bytes));
    }
    let input_sha = manifest["inputs"][0]["sha256"].as_str().unwrap();
    assert_eq!(
        input_sha,
        northwind::report::sha256_hex(
            &std::fs::read(repo().join("data/announcements.csv")).unwrap()
        )
    );
    let summary: serde_json::Value = serde_json::from_slice(&files["summary.json"]).unwrap();
    assert_eq!(summary["period"]["days"], 10742);
    assert_eq!(
        summary["delay"]["used"].as_u64().unwrap() + summary["delay"]["left_out"].as_u64().unwrap(),
        49
    );
    let md = String::from_utf8(files["summary.md"].clone()).unwrap();
    assert!(md.contains("## What this does not show"));
}

#[test]
fn reruns_are_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let one = run_small(dir.path(), &fixture("small/announcements.csv"), &["--threads", "1"]);
    let two = run_small(dir.path(), &fixture("small/announcements.csv"), &["--threads", "2"]);
    let three = run_small(dir.path(), &fixture("small/announcements.csv"), &["--threads", "3"]);
    for name in [
        "tables/window_tests.csv",
        "tables/delay_summary.csv",
        "tables/joined.csv",
        "summary.json",
        "summary.md",
    ] {
        assert_eq!(one[name], two[name], "{name}");
        assert_eq!(one[name], three[name], "{name}");
    }
}

#[test]
fn the_seed_changes_only_the_random_figures() {
    let dir = tempfile::tempdir().unwrap();
    let a = run_small(dir.path(), &fixture("small/announcements.csv"), &["--seed", "1"]);
    let b = run_small(dir.path(), &fixture("small/announcements.csv"), &["--seed", "2"]);
    assert_eq!(
        a["tables/window_tests.csv"], b["tables/window_tests.csv"],
        "exact tests do not depend on the seed"
    );
    for exact in ["tables/phase_tests.csv", "tables/poisson_regression.csv", "tables/weekday.csv"] {
        assert_eq!(a[exact], b[exact], "{exact} does not depend on the seed");
    }
    // The delay shuffle draws 999 permutations: another seed gives other
    // p-values (the observed counts stay).
    let p_values = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
        let text = String::from_utf8(files["tables/delay_shuffle_tests.csv"].clone()).unwrap();
        text.lines().skip(1).map(|l| l.rsplit(',').next().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_ne!(p_values(&a), p_values(&b), "the delay-shuffle p-values depend on the seed");
}

#[test]
fn bom_crlf_and_hangul_give_the_same_results_as_plain_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let windows = dir.path().join("excel.csv");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(plain.replace('\n', "\r\n").bytes());
    std::fs::write(&windows, bytes).unwrap();
    let a = run_small(dir.path(), &fixture("small/announcements.csv"), &[]);
    let b = run_small(dir.path(), &windows, &["--seed", "20160408"]);
    assert_eq!(a["tables/window_tests.csv"], b["tables/window_tests.csv"]);
    assert_eq!(a["tables/delay_summary.csv"], b["tables/delay_summary.csv"]);
    let (_, rows) = read_csv(&dir.path().join("out---seed-20160408/tables/joined.csv"));
    assert_eq!(rows[2]["name"], "박세 Three");
    assert_eq!(rows[1]["name"], "Lee, Two");
}

#[test]
fn results_do_not_depend_on_row_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    let shuffled = dir.path().join("reversed.csv");
    std::fs::write(&shuffled, format!("{header}\n{}\n", lines.join("\n"))).unwrap();
    let a = run_small(dir.path(), &fixture("small/announcements.csv"), &[]);
    let b = run_small(dir.path(), &shuffled, &["--seed", "20160408"]);
    assert_eq!(a["tables/window_tests.csv"], b["tables/window_tests.csv"]);
    assert_eq!(a["tables/delay_summary.csv"], b["tables/delay_summary.csv"]);
}

#[test]
fn renamed_columns_and_another_date_format_work_through_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let (headers, rows) = read_csv(&fixture("small/announcements.csv"));
    let mut writer = csv::Writer::from_path(dir.path().join("mine.csv")).unwrap();
    let renamed: Vec<String> = headers
        .iter()
        .map(|h| match h.as_str() {
            "id" => "case".into(),
            "announcement_date" => "published".into(),
            other => other.into(),
        })
        .collect();
    writer.write_record(&renamed).unwrap();
    for row in &rows {
        writer
            .write_record(headers.iter().map(|h| {
                let v = &row[h];
                match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                    Ok(d) => d.format("%d/%m/%Y").to_string(),
                    Err(_) => v.clone(),
                }
            }))
            .unwrap();
    }
    writer.flush().unwrap();
    let events = std::fs::read_to_string(fixture("small/events.csv")).unwrap();
    let events: String = events
        .lines()
        .map(|l| match chrono::NaiveDate::parse_from_str(&l[..10.min(l.len())], "%Y-%m-%d") {
            Ok(d) => format!("{}{}", d.format("%d/%m/%Y"), &l[10..]),
            Err(_) => l.replace("kind", "type"),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("cal.csv"), events).unwrap();
    let config = write_config(
        dir.path(),
        "[input]\nannouncements = 'mine.csv'\nevents = 'cal.csv'\ndate_format = '%d/%m/%Y'\n\
         [columns]\nid = 'case'\nannouncement_date = 'published'\n[event_columns]\nkind = 'type'\n\
         [analysis]\npermutations = 999\n[output]\ndir = 'mine-report'\n",
    );
    run_ok(northwind(dir.path()).args(["run", "-q", "--config"]).arg(&config));
    let elsewhere = tempfile::tempdir().unwrap();
    let reference = run_small(elsewhere.path(), &fixture("small/announcements.csv"), &[]);
    assert_eq!(
        std::fs::read(dir.path().join("mine-report/tables/window_tests.csv")).unwrap(),
        reference["tables/window_tests.csv"]
    );
}

#[test]
fn without_a_config_file_the_embedded_bundled_data_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(northwind(dir.path()).args(["run", "-q", "--permutations", "99"]));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("reports/summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["inputs"]["announcements"]["source"], "embedded:data/announcements.csv");
    assert_eq!(summary["inputs"]["announcements"]["rows"], 49);
}

#[test]
fn a_rerun_replaces_an_earlier_northwind_report() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(northwind(dir.path()).args(["run", "-q", "--permutations", "99", "--out", "r"]));
    std::fs::write(dir.path().join("r/stale.txt"), "old").unwrap();
    run_ok(northwind(dir.path()).args(["run", "-q", "--permutations", "99", "--out", "r"]));
    assert!(!dir.path().join("r/stale.txt").exists());
    assert!(dir.path().join("r/summary.md").exists());
}
