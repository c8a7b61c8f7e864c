//! Edge cases, each run end to end with a clear outcome: success with sound
//! figures, or exit code 2 with a located message. Never a panic (exit 101).

use std::path::Path;

use crate::util::{analyse, northwind, read_csv, run, run_ok};

const HEADER: &str =
    "id,name,category,people,defection_date,defection_date_precision,announcement_date\n";
const EVENTS: &str = "date,kind,label\n2020-04-15,election_x,E1\n2020-09-01,sanctions_y,S1\n";

/// Every p-value in window_tests.csv is in [0, 1] and nothing is NaN.
fn assert_sound(dir: &Path) {
    let (_, rows) = read_csv(&dir.join("r/tables/window_tests.csv"));
    for row in &rows {
        for column in ["p_binomial", "p_shift", "p_shift_local", "p_shift_lower"] {
            let p: f64 = row[column].parse().unwrap();
            assert!((0.0..=1.0).contains(&p), "{column} = {p}");
        }
        // The adjusted values are empty exactly for rows outside the family.
        let outside = row["note"].contains("left out of the multiple-testing family");
        for column in ["p_shift_fwer", "p_shift_holm", "p_shift_bh"] {
            assert_eq!(row[column].is_empty(), outside, "{column} of {row:?}");
            if let Ok(p) = row[column].parse::<f64>() {
                assert!((0.0..=1.0).contains(&p) && p >= row["p_shift"].parse().unwrap());
            }
        }
    }
    for entry in std::fs::read_dir(dir.join("r/tables")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.to_lowercase().contains("nan"), "a table holds NaN");
    }
    assert!(dir.join("r/index.html").exists());
}

#[test]
fn a_single_announcement_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        &format!("{HEADER}x,One,military,1,2020-04-10,day,2020-04-12\n"),
        EVENTS,
        &[],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
}

#[test]
fn all_announcements_on_one_day_are_analysed() {
    let rows: String = (0..5).map(|i| format!("x{i},N,civilian,2,,,2020-04-14\n")).collect();
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        &format!("{HEADER}{rows}"),
        EVENTS,
        &["--start", "2020-01-01", "--end", "2020-12-31"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
}

#[test]
fn a_period_of_one_day_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        &format!("{HEADER}x,One,military,1,,,2020-04-15\ny,Two,military,1,,,2020-04-15\n"),
        EVENTS,
        &[],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
    let (_, rows) = read_csv(&dir.path().join("r/tables/window_tests.csv"));
    assert!(rows.iter().all(|r| r["period_days"] == "1" && r["p_shift"] == "1"));
}

#[test]
fn events_all_outside_the_period_and_a_group_without_events_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("northwind.toml"),
        "[groups]\nelection = ['election_x']\nholidays = ['holiday']\n",
    )
    .unwrap();
    let events = "date,kind\n1990-01-01,election_x\n2030-01-01,election_x\n";
    let ran = analyse(
        dir.path(),
        &format!("{HEADER}x,One,military,1,,,2020-04-12\ny,Two,group,3,,,2021-06-01\n"),
        events,
        &[],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
    let (_, rows) = read_csv(&dir.path().join("r/tables/window_tests.csv"));
    let holiday = rows.iter().find(|r| r["group"] == "holidays").unwrap();
    assert_eq!(holiday["covered_days"], "0");
    assert_eq!(holiday["rate_ratio"], "");
    assert!(holiday["note"].contains("undefined"), "{holiday:?}");
}

#[test]
fn dates_before_1900_and_after_2100_and_leap_days_work() {
    let dir = tempfile::tempdir().unwrap();
    let rows = "a,Old,civilian,1,1850-02-28,day,1850-03-01\nb,Leap,civilian,1,,,2000-02-29\nc,Future,civilian,1,,,2150-12-31\n";
    let events = "date,kind\n1850-03-05,election_x\n2150-12-30,election_x\n";
    let ran = analyse(dir.path(), &format!("{HEADER}{rows}"), events, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
    let (_, joined) = read_csv(&dir.path().join("r/tables/joined.csv"));
    assert_eq!(
        joined[0]["delay_days"], "1",
        "1850 is not a leap year: 28 February is followed by 1 March"
    );
    assert_eq!(joined[0]["days_to_next_election"], "4");
}

#[test]
fn impossible_dates_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let ran = analyse(
        dir.path(),
        &format!("{HEADER}a,X,civilian,1,,,2016-02-30\nb,Y,civilian,1,,,2019-02-29\n"),
        EVENTS,
        &[],
    );
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("a.csv:2: column 'announcement_date': value '2016-02-30' is not a date"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("a.csv:3: column 'announcement_date': value '2019-02-29' is not a date"),
        "{}",
        ran.stderr
    );
}

#[test]
fn emoji_hangul_quotes_commas_and_newlines_survive_to_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let rows = "a,\"탈북 🙂, \"\"the\"\" case\nline two\",civilian,1,,,2020-04-10\nb,B,civilian,1,,,2020-05-01\n";
    let ran = analyse(dir.path(), &format!("{HEADER}{rows}"), EVENTS, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let (_, joined) = read_csv(&dir.path().join("r/tables/joined.csv"));
    assert_eq!(joined[0]["name"], "탈북 🙂, \"the\" case\nline two");
    let html = std::fs::read_to_string(dir.path().join("r/index.html")).unwrap();
    assert!(html.contains("탈북 🙂, &quot;the&quot; case"), "the name reaches the HTML, escaped");
}

#[test]
fn formula_like_names_are_defused_in_csv_but_numbers_are_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let header = "id,name,category,people,announcement_date,score\n";
    let rows = "a,=HYPERLINK(\"http://evil\"),@civilian,1,2020-04-10,-3\nb,+SUM(A1),civilian,2,2020-05-01,+1.5\n";
    let ran = analyse(dir.path(), &format!("{header}{rows}"), EVENTS, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let (_, joined) = read_csv(&dir.path().join("r/tables/joined.csv"));
    assert_eq!(joined[0]["name"], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(joined[0]["category"], "'@civilian");
    assert_eq!(joined[1]["name"], "'+SUM(A1)");
    assert_eq!(joined[0]["score"], "-3", "numbers are not touched");
    assert_eq!(joined[1]["score"], "+1.5");
    assert_eq!(joined[0]["people"], "1");
}

#[test]
fn an_input_over_the_size_limit_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(dir.path().join("big.csv")).unwrap();
    big.set_len(3 * 1024 * 1024 * 1024).unwrap(); // 3 GiB, sparse: nothing is written
    std::fs::write(dir.path().join("e.csv"), EVENTS).unwrap();
    let ran = run(northwind(dir.path()).args([
        "check",
        "--announcements",
        "big.csv",
        "--events",
        "e.csv",
    ]));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("big.csv: is 3072 MiB; northwind reads at most 2048 MiB"),
        "{}",
        ran.stderr
    );
}

#[test]
fn out_pointed_at_the_data_directory_is_refused_and_the_data_kept() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("a.csv"), format!("{HEADER}x,One,military,1,,,2020-04-12\n")).unwrap();
    std::fs::write(data.join("e.csv"), EVENTS).unwrap();
    let ran = run(northwind(dir.path()).args([
        "run",
        "-q",
        "--announcements",
        "data/a.csv",
        "--events",
        "data/e.csv",
        "--out",
        "data",
    ]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("contains the input"), "{}", ran.stderr);
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 2);
    run_ok(northwind(dir.path()).args([
        "check",
        "--announcements",
        "data/a.csv",
        "--events",
        "data/e.csv",
    ]));
}

#[test]
fn a_window_that_holds_fewer_announcements_than_chance_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // Events at irregular gaps of 16 to 20 days; every announcement falls two
    // days after one, so the 14-day windows before the events, which cover
    // most days, hold none of them, and hardly any shift avoids them all.
    let gaps = [18, 17, 19, 18, 16, 20, 18, 17, 19, 16, 20, 17, 19, 18, 16, 20, 18, 17];
    let mut day = chrono::NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
    let mut events = String::from("date,kind,label\n");
    let mut announcements = String::from(HEADER);
    for (i, gap) in gaps.iter().enumerate() {
        events.push_str(&format!("{day},meeting_x,M{i}\n"));
        if i % 3 != 1 {
            let announced = day + chrono::Days::new(2);
            announcements.push_str(&format!("a{i},,,1,,,{announced}\n"));
        }
        day = day + chrono::Days::new(*gap);
    }
    let ran = analyse(
        dir.path(),
        &announcements,
        &events,
        &["--start", "2020-01-01", "--end", "2020-12-31"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_sound(dir.path());
    let (_, rows) = read_csv(&dir.path().join("r/tables/window_tests.csv"));
    let before =
        rows.iter().find(|r| r["direction"] == "before" && r["window_days"] == "14").unwrap();
    assert_eq!((before["observed"].as_str(), before["p_shift"].as_str()), ("0", "1"));
    assert!(before["p_shift_lower"].parse::<f64>().unwrap() < 0.05, "{before:?}");
    let summary = std::fs::read_to_string(dir.path().join("r/summary.md")).unwrap();
    assert!(
        summary.contains("Fewer announcements than chance would put there")
            && summary.contains(
                "0 on the day of an event in the meeting group or in the 13 days before it"
            ),
        "{summary}"
    );
}
