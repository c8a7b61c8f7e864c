//! The command line as a user meets it: help, check, exit codes.

use crate::util::{fixture, northwind, repo, run, run_ok};

#[test]
fn help_explains_the_tool_with_an_example() {
    let ran = run_ok(northwind(&repo()).arg("--help"));
    assert!(ran.stdout.contains("Do announcements cluster around political events?"));
    assert!(ran.stdout.contains("Examples:"));
    let ran = run_ok(northwind(&repo()).args(["run", "--help"]));
    for flag in [
        "--config",
        "--announcements",
        "--events",
        "--out",
        "--start",
        "--end",
        "--seed",
        "--permutations",
        "--quiet",
    ] {
        assert!(ran.stdout.contains(flag), "run --help lacks {flag}");
    }
}

#[test]
fn check_summarises_valid_inputs_in_one_line_and_names_both_files() {
    let ran = run_ok(northwind(&repo()).arg("check"));
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines[0], "ok: 49 announcements, 52 events, period 1996-05-23..2025-10-19");
    assert!(lines[1].starts_with("announcements: ") && lines[1].ends_with("announcements.csv"));
    assert!(lines[2].starts_with("events: ") && lines[2].ends_with("events.csv"));
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(
        northwind(dir.path())
            .arg("check")
            .arg("--announcements")
            .arg(fixture("small/announcements.csv"))
            .arg("--events")
            .arg(fixture("small/events.csv")),
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unknown_flags_and_bad_values_exit_with_two() {
    assert_eq!(run(northwind(&repo()).args(["run", "--bogus"])).code, 2);
    let ran = run(northwind(&repo()).args(["run", "--permutations", "0"]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("--permutations must be between 1"), "{}", ran.stderr);
    let ran = run(northwind(&repo()).args(["check", "--start", "2020-02-30"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("'2020-02-30' is not a date (expected YYYY-MM-DD)"),
        "{}",
        ran.stderr
    );
}

#[test]
fn quiet_runs_print_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ran = run_ok(northwind(dir.path()).args([
        "run",
        "--quiet",
        "--permutations",
        "99",
        "--out",
        "r",
    ]));
    assert_eq!(ran.stdout, "");
    assert_eq!(ran.stderr, "");
}
