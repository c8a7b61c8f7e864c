//! The advanced tests of docs/METHODS.md (delay shuffle, peri-event
//! histogram, phase, weekday, regression) against
//! tests/golden/make_golden_advanced.py (numpy histogram and quantiles, exact-fraction tie handling for the global
//! envelope, brute-force ERL, scipy chi-square and normal, statsmodels GLM
//! Poisson with HC0 and HAC). Regression figures agree to 1e-6 relative,
//! everything else to 1e-9; the exact-shift envelope's p-values and the ERL
//! envelope exactly.

use std::path::{Path, PathBuf};

use crate::util::{northwind, read_csv, repo, run_ok, write_config};

fn run(case: &str, extra_config: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (a, e, windows) = match case {
        "bundled" => ("data/announcements.csv", "data/events.csv", "[7, 14, 30, 60, 90]"),
        _ => ("tests/data/small/announcements.csv", "tests/data/small/events.csv", "[7, 14, 30]"),
    };
    // permutations >= T: the peri-event null uses every shift (exact).
    let config = format!(
        "[input]\nannouncements = '{}'\nevents = '{}'\n[analysis]\nwindows = {windows}\npermutations = 20000\n{extra_config}",
        repo().join(a).display(),
        repo().join(e).display()
    );
    let path = write_config(dir.path(), &config);
    let out = dir.path().join("r");
    run_ok(northwind(dir.path()).args(["run", "-q", "--config"]).arg(&path).arg("--out").arg(&out));
    (dir, out, repo().join("tests/golden").join(case))
}

fn close(context: &str, ours: &str, golden: &str, tolerance: f64) {
    if ours == golden {
        return;
    }
    let (a, b): (f64, f64) = match (ours.parse(), golden.parse()) {
        (Ok(a), Ok(b)) => (a, b),
        _ => panic!("{context}: ours '{ours}' vs golden '{golden}'"),
    };
    let scale = b.abs().max(1e-300);
    assert!(
        ((a - b) / scale).abs() <= tolerance || (a - b).abs() < 1e-300,
        "{context}: ours {a} vs golden {b}"
    );
}

/// Compares the columns `golden` has (renamed through `rename`) row by row.
fn compare(ours: &Path, golden: &Path, key: &str, tolerance: f64, rename: &[(&str, &str)]) {
    let (_, ours_rows) = read_csv(ours);
    let (headers, gold_rows) = read_csv(golden);
    assert_eq!(ours_rows.len(), gold_rows.len(), "{}", golden.display());
    for (row, gold) in ours_rows.iter().zip(&gold_rows) {
        for column in &headers {
            let ours_column =
                rename.iter().find(|(g, _)| g == column).map_or(column.as_str(), |(_, o)| o);
            let context = format!("{} {}={}: {column}", golden.display(), key, gold[key]);
            close(&context, &row[ours_column], &gold[column], tolerance);
        }
    }
}

fn summary(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap()
}

fn check_peth(out: &Path, golden: &Path) {
    let (_, rows) = read_csv(&golden.join("peth_summary.csv"));
    let summary = summary(out);
    for gold in rows {
        let group = &gold["group"];
        compare(
            &out.join(format!("tables/peth_{group}.csv")),
            &golden.join(format!("peth_{group}.csv")),
            "bin_start",
            1e-9,
            &[],
        );
        let ours = summary["peri_event"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["group"] == group.as_str())
            .unwrap();
        assert_eq!(ours["exact"], true);
        assert_eq!(ours["pairs"].to_string(), gold["pairs"], "{group} pairs");
        for field in ["p_global", "p_erl"] {
            assert_eq!(
                ours[field].as_f64().unwrap(),
                gold[field].parse::<f64>().unwrap(),
                "{group} {field} must match exactly"
            );
        }
        for field in ["t_observed", "t95"] {
            close(&format!("{group} {field}"), &ours[field].to_string(), &gold[field], 1e-9);
        }
    }
}

fn check_weekday_and_phase(out: &Path, golden: &Path) {
    compare(&out.join("tables/weekday.csv"), &golden.join("weekday.csv"), "weekday", 1e-9, &[]);
    let (_, test) = read_csv(&golden.join("weekday_test.csv"));
    let summary = summary(out);
    close("chi2", &summary["weekday"]["chi2"].to_string(), &test[0]["chi2"], 1e-9);
    close("weekday p", &summary["weekday"]["p_value"].to_string(), &test[0]["p_value"], 1e-9);
    compare(
        &out.join("tables/phase_tests.csv"),
        &golden.join("phase_tests.csv"),
        "group",
        1e-9,
        &[],
    );
}

fn check_regression(out: &Path, golden: &Path, file: &str, hac: bool) {
    let rename: &[(&str, &str)] = if hac {
        &[
            ("se_robust", "se_hac"),
            ("irr_low", "irr_low_hac"),
            ("irr_high", "irr_high_hac"),
            ("z", "z_hac"),
            ("p_value", "p_value_hac"),
        ]
    } else {
        &[]
    };
    compare(&out.join("tables/poisson_regression.csv"), &golden.join(file), "term", 1e-6, rename);
}

fn check_shuffle(out: &Path, golden: &Path) {
    let (_, ours) = read_csv(&out.join("tables/delay_shuffle_tests.csv"));
    let (_, gold) = read_csv(&golden.join("delay_shuffle_expected.csv"));
    assert_eq!(ours.len(), gold.len());
    for (row, gold) in ours.iter().zip(&gold) {
        let key = format!("{} {} {}", gold["group"], gold["direction"], gold["window_days"]);
        assert_eq!((&row["n"], &row["observed"]), (&gold["n"], &gold["observed"]), "{key}");
        // Monte Carlo mean of 20,000 permutations against the exact expectation.
        let (mc, exact): (f64, f64) =
            (row["null_mean"].parse().unwrap(), gold["exact_null_mean"].parse().unwrap());
        assert!((mc - exact).abs() < 0.03 + 0.01 * exact, "{key}: null mean {mc} vs exact {exact}");
        let p: f64 = row["p_value"].parse().unwrap();
        assert!(p > 0.0 && p <= 1.0);
    }
}

#[test]
fn bundled_peri_event_envelopes_match_the_exact_reference() {
    let (_guard, out, golden) = run("bundled", "");
    check_peth(&out, &golden);
}

#[test]
fn bundled_phase_weekday_regression_and_shuffle_match_the_reference() {
    let (_guard, out, golden) = run("bundled", "");
    check_weekday_and_phase(&out, &golden);
    check_regression(&out, &golden, "poisson_default_hc0.csv", false);
    check_regression(&out, &golden, "poisson_default_hac7.csv", true);
    check_shuffle(&out, &golden);
}

#[test]
fn bundled_regression_with_weekday_fixed_effects_matches_statsmodels() {
    let (_guard, out, golden) = run("bundled", "[regression]\nfixed_effects = ['weekday']\n");
    check_regression(&out, &golden, "poisson_weekday_hc0.csv", false);
}

#[test]
fn small_fixture_advanced_tests_match_the_reference() {
    let (_guard, out, golden) = run("small", "");
    check_peth(&out, &golden);
    check_weekday_and_phase(&out, &golden);
    check_regression(&out, &golden, "poisson_default_hc0.csv", false);
    check_regression(&out, &golden, "poisson_default_hac7.csv", true);
    check_shuffle(&out, &golden);
}

#[test]
fn separation_in_fixed_effects_is_reported_per_term_not_fatal() {
    // The small fixture has no Thursday announcement: that dummy has no finite estimate.
    let (_guard, out, _) = run("small", "[regression]\nfixed_effects = ['weekday']\n");
    let (_, rows) = read_csv(&out.join("tables/poisson_regression.csv"));
    let thursday = rows.iter().find(|r| r["term"] == "weekday_Thu").unwrap();
    assert_eq!(thursday["coef"], "");
    assert!(thursday["note"].contains("separation"), "{thursday:?}");
    let election = rows.iter().find(|r| r["term"] == "election_before_30").unwrap();
    assert!(!election["coef"].is_empty(), "the other terms are still estimated");
}
