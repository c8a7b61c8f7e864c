//! Inputs for large corpora: Parquet files and pre-aggregated `date,count` files.

use std::path::Path;

#[cfg(not(feature = "parquet"))]
use crate::util::run;
use crate::util::{fixture, northwind, read_csv, run_ok};

/// `northwind run` on the given inputs into `dir/out`, with `extra` flags.
fn run_on(dir: &Path, announcements: &Path, events: &Path, out: &str, extra: &[&str]) {
    run_ok(
        northwind(dir)
            .args(["run", "--quiet", "--out", out])
            .arg("--announcements")
            .arg(announcements)
            .arg("--events")
            .arg(events)
            .args(extra),
    );
}

fn table(dir: &Path, out: &str, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    read_csv(&dir.join(out).join("tables").join(name)).1
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_inputs_give_the_same_report_as_their_csv_twins() {
    let dir = tempfile::tempdir().unwrap();
    let small = |f: &str| fixture(&format!("small/{f}"));
    let parquet = |f: &str| fixture(&format!("parquet/{f}"));
    run_on(dir.path(), &small("announcements.csv"), &small("events.csv"), "csv", &[]);
    run_on(
        dir.path(),
        &parquet("announcements.parquet"),
        &parquet("events.parquet"),
        "parquet",
        &[],
    );
    for name in [
        "window_tests.csv",
        "joined.csv",
        "delay_summary.csv",
        "peth_election.csv",
        "poisson_regression.csv",
    ] {
        assert_eq!(table(dir.path(), "csv", name), table(dir.path(), "parquet", name), "{name}");
    }
}

#[cfg(not(feature = "parquet"))]
#[test]
fn a_parquet_file_without_the_feature_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let ran = run(northwind(dir.path())
        .args(["check", "--announcements"])
        .arg(fixture("parquet/announcements.parquet"))
        .arg("--events")
        .arg(fixture("small/events.csv")));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("is a Parquet file, and this northwind was built without Parquet support"),
        "{}",
        ran.stderr
    );
    eprintln!("skipped the Parquet round trip: build with `--features parquet` to run it");
}

/// A `date,count` file stands for the announcements it counts: the same
/// window tests, peri-event histograms and regression as one row per announcement.
#[test]
fn a_date_count_file_gives_the_same_tests_as_the_rows_it_counts() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dir.path().join("rows.csv");
    let counts = dir.path().join("counts.csv");
    let days = [
        ("2016-04-08", 13),
        ("2016-04-03", 1),
        ("2017-05-01", 2),
        ("2018-09-30", 1),
        ("2019-12-24", 4),
        ("2020-04-10", 3),
    ];
    let mut row_text = String::from("id,announcement_date\n");
    let mut count_text = String::from("date,count\n");
    for (k, (day, n)) in days.iter().enumerate() {
        count_text.push_str(&format!("{day},{n}\n"));
        for i in 0..*n {
            row_text.push_str(&format!("c{k}-{i},{day}\n"));
        }
    }
    std::fs::write(&rows, row_text).unwrap();
    std::fs::write(&counts, count_text).unwrap();
    let events = fixture("small/events.csv");
    let range = ["--start", "2016-01-01", "--end", "2021-12-31"];
    run_on(dir.path(), &rows, &events, "rows", &range);
    run_on(dir.path(), &counts, &events, "counts", &range);
    for name in [
        "window_tests.csv",
        "peth_election.csv",
        "poisson_regression.csv",
        "weekday.csv",
        "phase_tests.csv",
    ] {
        assert_eq!(table(dir.path(), "rows", name), table(dir.path(), "counts", name), "{name}");
    }
    let joined = table(dir.path(), "counts", "joined.csv");
    assert_eq!(joined.len(), days.len(), "one joined row per input row");
    assert_eq!(joined[0]["count"], "13");
    // Counted input is drawn as weekly bars, and the caption says so.
    let page =
        |out: &str| std::fs::read_to_string(dir.path().join(out).join("index.html")).unwrap();
    assert!(page("counts").contains("Announcements per week, in each category"));
    assert!(page("rows").contains("Each dot is one announcement"));
}
