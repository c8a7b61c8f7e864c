//! Bad input: every problem, located, in one pass; exit code 2; nothing written.

use crate::util::{fixture, northwind, run, run_ok, snapshot};

#[test]
fn every_problem_in_both_files_is_reported_with_file_line_column_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let a = fixture("broken/announcements.csv");
    let e = fixture("broken/events.csv");
    let ran = run(northwind(dir.path())
        .arg("run")
        .arg("--announcements")
        .arg(&a)
        .arg("--events")
        .arg(&e)
        .arg("--out")
        .arg("r"));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    let (a, e) = (a.display().to_string(), e.display().to_string());
    let expected = [
        format!("{a}:3: column 'announcement_date': value '2016-02-30' is not a date (expected YYYY-MM-DD, or a Korean date such as 2016.04.08 or 2016년 4월 8일)"),
        format!("{a}:4: column 'id': value 'b1' is a duplicate id (first used on line 2)"),
        format!("{a}:5: column 'defection_date': value '2020-03-10' is after the announcement date 2020-03-01 (the delay would be negative)"),
        format!("{a}:6: column 'people': value '0' is not a whole number from 1 to 1000000"),
        format!("{a}:7: column 'defection_date_precision': value 'weekly' is not one of day, month, year, unknown"),
        format!("{a}:8: has 4 fields but the header has 7"),
        format!("{e}:3: column 'date': value '15/04/2020' is not a date (expected YYYY-MM-DD, or a Korean date such as 2016.04.08 or 2016년 4월 8일)"),
        format!("{e}:4: column 'kind': value '' is empty"),
    ];
    for line in &expected {
        assert!(ran.stderr.contains(line.as_str()), "missing:\n{line}\nin:\n{}", ran.stderr);
    }
    assert!(ran.stderr.contains("8 problems in the input"), "{}", ran.stderr);
    assert!(!dir.path().join("r").exists(), "a failed run writes no report");
}

#[test]
fn a_missing_column_an_empty_file_and_a_missing_file_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nocol.csv"), "id,date\nx,2020-01-01\n").unwrap();
    std::fs::write(dir.path().join("empty.csv"), "").unwrap();
    let ran = run(northwind(dir.path()).args([
        "check",
        "--announcements",
        "nocol.csv",
        "--events",
        "empty.csv",
    ]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains(
            "nocol.csv:1: missing required column 'announcement_date' (the header has: id, date)"
        ),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("empty.csv: is empty"), "{}", ran.stderr);
    let ran = run(northwind(dir.path()).args([
        "check",
        "--announcements",
        "absent.csv",
        "--events",
        "empty.csv",
    ]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("cannot read absent.csv"), "{}", ran.stderr);
}

#[test]
fn a_study_period_that_holds_no_announcement_is_an_error_and_names_the_files_dates() {
    let dir = tempfile::tempdir().unwrap();
    let ran = run(northwind(dir.path())
        .args([
            "run",
            "--start",
            "2030-01-01",
            "--end",
            "2031-01-01",
            "--out",
            "r",
            "--announcements",
        ])
        .arg(fixture("small/announcements.csv"))
        .arg("--events")
        .arg(fixture("small/events.csv")));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("no announcement falls in the study period 2030-01-01..2031-01-01 (the file's announcements run from 2020-01-05 to 2020-12-28)"),
        "{}",
        ran.stderr
    );
    assert!(!dir.path().join("r").exists(), "nothing is written");
}

#[test]
fn the_study_period_leaves_out_and_counts_the_announcements_outside_it() {
    let dir = tempfile::tempdir().unwrap();
    let period = ["--start", "2020-02-01", "--end", "2020-11-30", "--permutations", "99"];
    let ran = run_ok(
        northwind(dir.path())
            .args(["run", "--out", "cut"])
            .args(period)
            .arg("--announcements")
            .arg(fixture("small/announcements.csv"))
            .arg("--events")
            .arg(fixture("small/events.csv")),
    );
    assert!(
        ran.stdout.contains("left out 2 announcements outside the study period 2020-02-01..2020-11-30 (1 before it, 1 after it)"),
        "{}",
        ran.stdout
    );
    let summary = std::fs::read_to_string(dir.path().join("cut/summary.md")).unwrap();
    assert!(
        summary.contains(
            "2 announcements of the file fall outside the study period (1 before it, 1 after it)"
        ),
        "{summary}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("cut/summary.json")).unwrap())
            .unwrap();
    assert_eq!(
        json["inputs"]["announcements"]["outside_period"],
        serde_json::json!({"before": 1, "after": 1})
    );
    // The same tables as the file without those two rows (lines 2 and 11).
    let text = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let kept: String = text
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 1 && *i != 10)
        .map(|(_, line)| format!("{line}\n"))
        .collect();
    std::fs::write(dir.path().join("kept.csv"), kept).unwrap();
    run_ok(
        northwind(dir.path())
            .args(["run", "-q", "--out", "kept"])
            .args(period)
            .args(["--announcements", "kept.csv", "--events"])
            .arg(fixture("small/events.csv")),
    );
    let tables = std::fs::read_dir(dir.path().join("kept/tables")).unwrap();
    let mut compared = 0;
    for entry in tables {
        let name = entry.unwrap().file_name();
        let kept = std::fs::read(dir.path().join("kept/tables").join(&name)).unwrap();
        let cut = std::fs::read(dir.path().join("cut/tables").join(&name)).unwrap();
        assert!(kept == cut, "{name:?} differs from the run without those rows");
        compared += 1;
    }
    assert!(compared >= 8, "{compared} tables");
}

#[test]
fn the_readmes_study_period_example_runs_on_the_bundled_data() {
    let dir = tempfile::tempdir().unwrap();
    let ran = run_ok(
        northwind(&crate::util::repo())
            .args([
                "run",
                "--start",
                "2000-01-01",
                "--end",
                "2024-12-31",
                "--seed",
                "7",
                "--permutations",
                "99",
                "--out",
            ])
            .arg(dir.path().join("r")),
    );
    assert!(ran.stdout.contains("left out 6 announcements outside the study period 2000-01-01..2024-12-31 (3 before it, 3 after it)"), "{}", ran.stdout);
}

#[test]
fn a_bad_config_file_names_the_file_and_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "[analysis]\nwindows = \"seven\"\n").unwrap();
    let ran = run(northwind(dir.path()).args(["check", "--config", "bad.toml"]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("bad.toml"), "{}", ran.stderr);
    assert!(ran.stderr.contains("windows"), "{}", ran.stderr);
}

#[test]
fn a_failed_run_leaves_the_previous_report_and_the_inputs_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    std::fs::copy(fixture("small/announcements.csv"), &good).unwrap();
    let events = fixture("small/events.csv");
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
                "good.csv",
                "--events",
            ])
            .arg(&events),
    );
    let before = snapshot(&dir.path().join("r"));
    std::fs::write(dir.path().join("bad.csv"), "id,announcement_date\nx,not-a-date\n").unwrap();
    let ran = run(northwind(dir.path())
        .args(["run", "-q", "--out", "r", "--announcements", "bad.csv", "--events"])
        .arg(&events));
    assert_eq!(ran.code, 2);
    assert_eq!(snapshot(&dir.path().join("r")), before, "the old report is intact");
    assert_eq!(
        std::fs::read(&good).unwrap(),
        std::fs::read(fixture("small/announcements.csv")).unwrap()
    );
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 3, "no staging directory left behind: {names:?}");
}

#[test]
fn a_foreign_output_directory_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("thesis");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("chapter1.docx"), "years of work").unwrap();
    let ran = run(northwind(dir.path()).args(["run", "--out", "thesis"]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did not create"), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(precious.join("chapter1.docx")).unwrap(), "years of work");
    assert_eq!(std::fs::read_dir(&precious).unwrap().count(), 1);
    std::fs::write(dir.path().join("file.txt"), "x").unwrap();
    let ran = run(northwind(dir.path()).args(["run", "--out", "file.txt"]));
    assert_eq!(ran.code, 2);
    assert_eq!(std::fs::read_to_string(dir.path().join("file.txt")).unwrap(), "x");
}

#[test]
fn annotations_that_name_nothing_are_reported_together_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::util::write_config(
        dir.path(),
        "[charts]\nannotate_cases = [\"no-such-case\"]\nannotate_events = [\"2099-01-01\"]\n",
    );
    let ran = run(northwind(dir.path())
        .args(["run", "-q", "--permutations", "99", "--out", "r", "--config"])
        .arg(&config)
        .arg("--announcements")
        .arg(fixture("small/announcements.csv"))
        .arg("--events")
        .arg(fixture("small/events.csv")));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    for wanted in ["annotate_cases names 'no-such-case'", "annotate_events names '2099-01-01'"] {
        assert!(ran.stderr.contains(wanted), "'{wanted}' missing from:\n{}", ran.stderr);
    }
    assert!(!dir.path().join("r").exists(), "a failed run wrote a report");
}

#[test]
fn a_label_that_names_nothing_is_a_warning_and_the_others_still_apply() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::util::write_config(
        dir.path(),
        "[labels.groups]\nelections = \"the elections\"\n[ko.labels.groups]\nelection = \"선거\"\nnuclear = \"핵실험\"\n",
    );
    let ran = run(northwind(dir.path())
        .args(["run", "-q", "--lang", "en,ko", "--permutations", "99", "--out", "r", "--config"])
        .arg(&config)
        .arg("--announcements")
        .arg(fixture("small/announcements.csv"))
        .arg("--events")
        .arg(fixture("small/events.csv")));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("warning: a label names the group 'elections', which this run does not have, and is not used"),
        "{}",
        ran.stderr
    );
    let korean = std::fs::read_to_string(dir.path().join("r/summary.ko.md")).unwrap();
    assert!(korean.contains("**선거**"), "the label that names a group applies: {korean}");
}
