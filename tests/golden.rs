//! Figures checked against an independent computation: tests/golden/make_golden.py
//! (pandas merge_asof, scipy binom/beta, statsmodels multipletests, numpy
//! percentile, a brute-force shift test) wrote tests/golden/<case>/*.csv.
//! p-values and rate ratios must agree to 1e-9 relative, the exact shift
//! p-value and every count exactly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::{northwind, read_csv, repo, run_ok, write_config};

/// Runs one golden case and returns (temp dir guard, report dir, golden dir).
fn run_case(case: &str, config: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let config_path = write_config(dir.path(), config);
    let out = dir.path().join("report");
    run_ok(
        northwind(dir.path())
            .args(["run", "--quiet", "--config"])
            .arg(&config_path)
            .arg("--out")
            .arg(&out),
    );
    (dir, out, repo().join("tests/golden").join(case))
}

fn bundled_config() -> String {
    let root = repo();
    format!(
        "[input]\nannouncements = '{}'\nevents = '{}'\n[analysis]\nwindows = [7, 14, 30, 60, 90]\n",
        root.join("data/announcements.csv").display(),
        root.join("data/events.csv").display()
    )
}

fn small_config(extra: &str) -> String {
    let root = repo();
    format!(
        "[input]\nannouncements = '{}'\nevents = '{}'\n[analysis]\nwindows = [7, 14, 30]\n{extra}",
        root.join("tests/data/small/announcements.csv").display(),
        root.join("tests/data/small/events.csv").display()
    )
}

/// Compares two cells: equal text, or numbers within `tolerance` relative.
fn assert_close(context: &str, ours: &str, golden: &str, tolerance: f64) {
    if ours == golden {
        return;
    }
    let (a, b) = match (ours.parse::<f64>(), golden.parse::<f64>()) {
        (Ok(a), Ok(b)) => (a, b),
        _ => panic!("{context}: ours '{ours}' vs golden '{golden}'"),
    };
    if a.is_infinite() || b.is_infinite() {
        assert_eq!(a, b, "{context}");
        return;
    }
    let scale = b.abs().max(1e-300);
    assert!(
        ((a - b) / scale).abs() <= tolerance,
        "{context}: ours {a} vs golden {b} (relative difference {:e})",
        ((a - b) / scale).abs()
    );
}

fn check_window_tests(out: &Path, golden: &Path) {
    let (_, ours) = read_csv(&out.join("tables/window_tests.csv"));
    let (headers, expected) = read_csv(&golden.join("window_tests.csv"));
    assert_eq!(ours.len(), expected.len(), "row count");
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    for (i, (row, gold)) in ours.iter().zip(&expected).enumerate() {
        let key =
            format!("row {i} ({} {} {})", gold["group"], gold["direction"], gold["window_days"]);
        for column in &headers {
            match column.as_str() {
                "shift_count" => {
                    let count = &summary["window_tests"][i]["shift_count"];
                    assert_eq!(count.to_string(), gold[column], "{key}: shift_count");
                }
                // Exact: k/T must be the same double.
                "group" | "direction" | "window_days" | "n" | "observed" | "covered_days"
                | "period_days" => assert_eq!(row[column], gold[column], "{key}: {column}"),
                "p_shift" => assert_eq!(
                    row[column].parse::<f64>().unwrap(),
                    gold[column].parse::<f64>().unwrap(),
                    "{key}: p_shift must be exactly k/T"
                ),
                _ => assert_close(&format!("{key}: {column}"), &row[column], &gold[column], 1e-9),
            }
        }
    }
}

fn check_delay_summary(out: &Path, golden: &Path) {
    let (_, ours) = read_csv(&out.join("tables/delay_summary.csv"));
    let (headers, expected) = read_csv(&golden.join("delay_summary.csv"));
    assert_eq!(ours.len(), expected.len());
    for (row, gold) in ours.iter().zip(&expected) {
        for column in &headers {
            assert_close(
                &format!("{}: {column}", gold["category"]),
                &row[column],
                &gold[column],
                1e-12,
            );
        }
        // One case has no interval; more have one inside the range.
        if row["n"] == "1" {
            assert!(row["median_ci_low"].is_empty() && row["median_ci_high"].is_empty(), "{row:?}");
            continue;
        }
        let (low, high, median) = (
            row["median_ci_low"].parse::<f64>().unwrap(),
            row["median_ci_high"].parse::<f64>().unwrap(),
            row["median"].parse::<f64>().unwrap(),
        );
        let (min, max) = (row["min"].parse::<f64>().unwrap(), row["max"].parse::<f64>().unwrap());
        assert!(min <= low && low <= high && high <= max, "{row:?}");
        assert!(low <= median && median <= high || low < high, "{row:?}");
    }
}

fn check_joined(out: &Path, golden: &Path) {
    let (_, ours) = read_csv(&out.join("tables/joined.csv"));
    let (headers, expected) = read_csv(&golden.join("joined.csv"));
    let ours: BTreeMap<&str, &BTreeMap<String, String>> =
        ours.iter().map(|r| (r["id"].as_str(), r)).collect();
    assert_eq!(ours.len(), expected.len());
    for gold in &expected {
        let row = ours[gold["id"].as_str()];
        for column in &headers {
            assert_eq!(row[column], gold[column], "id {}: {column}", gold["id"]);
        }
    }
}

#[test]
fn bundled_data_window_tests_match_scipy_and_statsmodels() {
    let (_guard, out, golden) = run_case("bundled", &bundled_config());
    check_window_tests(&out, &golden);
}

#[test]
fn bundled_data_join_matches_pandas_merge_asof() {
    let (_guard, out, golden) = run_case("bundled", &bundled_config());
    check_joined(&out, &golden);
    check_delay_summary(&out, &golden);
}

#[test]
fn small_fixture_matches_the_reference_including_undefined_rate_ratios() {
    let (_guard, out, golden) = run_case("small", &small_config(""));
    check_window_tests(&out, &golden);
    check_joined(&out, &golden);
    check_delay_summary(&out, &golden);
}

#[test]
fn weighted_counts_and_an_explicit_period_match_the_reference() {
    let extra = "weight_by_people = true\n[period]\nstart = '2020-01-01'\nend = '2020-12-31'\n";
    let (_guard, out, golden) = run_case("small_weighted", &small_config(extra));
    check_window_tests(&out, &golden);
    check_joined(&out, &golden);
}
