//! Unit tests of the comparison with the previous report.

use super::*;
use serde_json::json;

fn raw(rows: &[[&str; 2]]) -> RawTable {
    let mut table = RawTable::new(vec!["id".into(), "name".into()]);
    for row in rows {
        assert!(table.push_row(*row));
    }
    table
}

fn event(date: &str, kind: &str, label: &str) -> CalendarEvent {
    CalendarEvent { date: date.into(), kind: kind.into(), label: label.into() }
}

fn base() -> Snapshot {
    Snapshot {
        version: "1".into(),
        inputs: vec![("a.csv".into(), "h1".into()), ("e.csv".into(), "h2".into())],
        settings: comparable_settings(&json!({"windows": [7, 30], "seed": 1, "out_dir": "r"})),
        period: Some(("2000-01-01".into(), "2001-01-01".into())),
        groups: BTreeMap::from([("election".into(), vec!["election_x".into()])]),
        calendar: Some(vec![event("2000-05-01", "election_x", "May")]),
        cases: cases_by_id(&raw(&[["a", "A"]]), "id"),
        tests: BTreeMap::from([("election/before/7".into(), (1, 0.2, 0.4))]),
    }
}

#[test]
fn identical_inputs_and_settings_are_nothing_changed() {
    let changes = compare(&base(), &base());
    assert!(changes.is_empty(), "{changes:?}");
    assert!(changes.cases_compared && changes.events_compared);
}

#[test]
fn added_removed_and_edited_cases_are_found_by_id_with_their_fields() {
    let previous = Snapshot {
        cases: cases_by_id(&raw(&[["a", "A"], ["b", "B"], ["d", "D"]]), "id"),
        ..base()
    };
    let now = Snapshot {
        cases: cases_by_id(&raw(&[["a", "A2"], ["c", "C"], ["d", "D"]]), "id"),
        ..base()
    };
    let changes = compare(&previous, &now);
    assert_eq!(changes.added, ["c"]);
    assert_eq!(changes.removed, ["b"]);
    assert_eq!(changes.edited, [EditedCase { id: "a".into(), fields: vec!["name".into()] }]);
    assert!(changes.cases_compared && !changes.is_empty());
}

#[test]
fn a_changed_setting_is_named_with_both_values() {
    let now = Snapshot {
        settings: comparable_settings(&json!({"windows": [7], "seed": 1, "out_dir": "elsewhere"})),
        ..base()
    };
    let changes = compare(&base(), &now);
    let regrouped = Snapshot {
        settings: comparable_settings(&json!({"groups": {"explicit": {"v": ["a", "b"]}}})),
        ..base()
    };
    let before =
        Snapshot { settings: comparable_settings(&json!({"groups": "kind_prefix"})), ..base() };
    let groups = &compare(&before, &regrouped).settings[0];
    assert_eq!(
        (groups.before.as_str(), groups.after.as_str()),
        ("one group per kind prefix", "v = [a, b]")
    );
    assert_eq!(
        changes.settings,
        [SettingChange {
            setting: "windows".into(),
            before: "[7, 30]".into(),
            after: "[7]".into()
        }],
        "the output directory is not a setting of the analysis"
    );
    assert!(!changes.is_empty());
}

#[test]
fn a_new_input_file_is_named_and_its_content_compared() {
    let mut now = base();
    now.inputs[1] = ("other.csv".into(), "h2".into());
    now.inputs[0].1 = "h9".into();
    let changes = compare(&base(), &now);
    assert_eq!(changes.inputs.len(), 2);
    assert_eq!(changes.inputs[0].role, "announcements");
    assert!(changes.inputs[0].content_changed);
    assert_eq!(changes.inputs[1].name, ("e.csv".into(), "other.csv".into()));
    assert!(!changes.inputs[1].content_changed);
}

#[test]
fn events_added_removed_and_moved_are_told_apart() {
    let previous = Snapshot {
        calendar: Some(vec![
            event("2000-05-01", "election_x", "May"),
            event("2000-06-01", "sanctions_un", "UN 1"),
            event("2000-07-01", "nuclear", "test"),
        ]),
        ..base()
    };
    let now = Snapshot {
        calendar: Some(vec![
            event("2000-05-03", "election_x", "May"),
            event("2000-07-01", "nuclear", "test"),
            event("2000-08-01", "nuclear", "test 2"),
        ]),
        ..base()
    };
    let changes = compare(&previous, &now);
    assert_eq!(
        changes.events_moved,
        [MovedEvent { event: event("2000-05-01", "election_x", "May"), to: "2000-05-03".into() }]
    );
    assert_eq!(changes.events_removed, [event("2000-06-01", "sanctions_un", "UN 1")]);
    assert_eq!(changes.events_added, [event("2000-08-01", "nuclear", "test 2")]);
}

#[test]
fn groups_gained_lost_or_regrouped_and_tests_that_no_longer_run_are_listed() {
    let now = Snapshot {
        groups: BTreeMap::from([
            ("election".into(), vec!["election_x".into(), "election_y".into()]),
            ("holiday".into(), vec!["holiday".into()]),
        ]),
        tests: BTreeMap::from([("holiday/before/7".into(), (0, 1.0, 1.0))]),
        ..base()
    };
    let previous = Snapshot {
        groups: BTreeMap::from([
            ("election".into(), vec!["election_x".into()]),
            ("sanctions".into(), vec!["sanctions_un".into()]),
        ]),
        ..base()
    };
    let changes = compare(&previous, &now);
    assert_eq!(changes.groups_added, ["holiday"]);
    assert_eq!(changes.groups_removed, ["sanctions"]);
    assert_eq!(changes.groups_regrouped[0].group, "election");
    assert_eq!(changes.tests_added, ["holiday/before/7"]);
    assert_eq!(changes.tests_removed, ["election/before/7"]);
}

#[test]
fn a_moved_test_says_whether_it_crossed_0_05() {
    let now = Snapshot {
        tests: BTreeMap::from([("election/before/7".into(), (3, 0.03, 0.2))]),
        ..base()
    };
    let changes = compare(&base(), &now);
    assert_eq!(changes.moved.len(), 1);
    assert!(changes.moved[0].crossed);
    assert_eq!(changes.moved[0].observed, (1, 3));
}

#[test]
fn a_changed_period_or_version_is_a_change() {
    let now = Snapshot {
        period: Some(("2000-01-01".into(), "2002-01-01".into())),
        version: "2".into(),
        ..base()
    };
    let changes = compare(&base(), &now);
    assert!(changes.period.is_some() && changes.version.is_some());
}

#[test]
fn cases_too_many_to_compare_are_not_listed_but_still_count_through_the_input() {
    let mut big = RawTable::new(vec!["id".into()]);
    for i in 0..=MAX_COMPARED_CASES {
        assert!(big.push_row([i.to_string().as_str()]));
    }
    assert!(cases_by_id(&big, "id").is_none());
    let mut now = Snapshot { cases: None, ..base() };
    now.inputs[0].1 = "changed".into();
    let changes = compare(&base(), &now);
    assert!(!changes.cases_compared && changes.added.is_empty());
    assert!(!changes.is_empty(), "the changed file is worth saying");
}

#[test]
fn a_previous_report_is_read_back_from_its_files() {
    let files = PreviousFiles {
        joined_csv: Some(b"id,name,delay_days,next_x_date\na,A,3,2020-01-01\n".to_vec()),
        summary_json: br#"{"period":{"start":"2000-01-01","end":"2001-01-01"},
            "groups":[{"name":"x","kinds":["x_a"]}],
            "inputs":{"events":{"calendar":[{"date":"2000-02-01","kind":"x_a","label":"L"}]}},
            "window_tests":[{"group":"x","direction":"before","window_days":7,"observed":2,"p_shift":0.04,"p_shift_holm":0.2}]}"#.to_vec(),
        manifest_json: br#"{"version":"0.1.0","config":{"seed":5,"out_dir":"r"},
            "inputs":[{"name":"a.csv","sha256":"ab"},{"name":"e.csv","sha256":"cd"}]}"#.to_vec(),
    };
    let previous = parse_previous(&files, "id").unwrap();
    assert_eq!(
        previous.cases.as_ref().unwrap()["a"],
        vec![("id".to_string(), "a".to_string()), ("name".into(), "A".into())]
    );
    assert_eq!(previous.tests["x/before/7"], (2, 0.04, 0.2));
    assert_eq!(previous.groups["x"], ["x_a"]);
    assert_eq!(previous.calendar.as_ref().unwrap()[0].label, "L");
    assert_eq!(previous.settings.keys().collect::<Vec<_>>(), ["seed"]);
    assert_eq!(previous.inputs[1], ("e.csv".to_string(), "cd".to_string()));
    assert_eq!(previous.version, "0.1.0");
    let unreadable = PreviousFiles { summary_json: b"not json".to_vec(), ..files.clone() };
    assert!(parse_previous(&unreadable, "id").is_none());
    let no_joined = PreviousFiles { joined_csv: None, ..files };
    assert!(parse_previous(&no_joined, "id").unwrap().cases.is_none());
}

#[test]
fn settings_read_as_a_reader_writes_them() {
    assert_eq!(setting_text(&json!([7, 14])), "[7, 14]");
    assert_eq!(setting_text(&json!(null)), "default");
    assert_eq!(
        setting_text(&json!([{"name": "election_before_30", "group": "e"}])),
        "[election_before_30]"
    );
    assert_eq!(setting_text(&json!({"explicit": {"e": ["a", "b"]}})), "explicit = e = [a, b]");
    assert_eq!(setting_text(&json!("kind_prefix")), "kind_prefix");
}
