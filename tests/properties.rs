//! Property tests: no input makes the loaders panic, and the statistics keep
//! their invariants on arbitrary data.

use proptest::prelude::*;

use northwind::input::{parse_announcements, parse_events, FileFormat};
use northwind::stats::shift::circular_shift_test;
use northwind::stats::window::{binomial_upper_tail, rate_ratio};

/// Lines that look like CSV, with the usual mistakes mixed in.
fn csv_like() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just("2020-02-29".to_string()),
        Just("2016-02-30".to_string()),
        Just("1899-12-31".to_string()),
        Just("2101-01-01".to_string()),
        Just(String::new()),
        Just("day".to_string()),
        Just("\"a, quoted\ncell\"".to_string()),
        Just("\"unclosed".to_string()),
        Just("=1+1".to_string()),
        Just("태영호 🙂".to_string()),
        "[0-9]{1,3}",
        "[a-z_]{1,8}",
        any::<String>(),
    ];
    let row = prop::collection::vec(cell, 0..9).prop_map(|cells| cells.join(","));
    let header = prop_oneof![
        Just(
            "id,announcement_date,people,defection_date,defection_date_precision,category"
                .to_string()
        ),
        Just("date,kind,label".to_string()),
        Just("\u{feff}id,announcement_date".to_string()),
        "[a-z_,]{0,40}",
    ];
    (header, prop::collection::vec(row, 0..12), prop::bool::ANY).prop_map(|(h, rows, crlf)| {
        let newline = if crlf { "\r\n" } else { "\n" };
        std::iter::once(h).chain(rows).collect::<Vec<_>>().join(newline)
    })
}

fn check_problems(result: Result<usize, Vec<northwind::error::Problem>>) {
    if let Err(problems) = result {
        assert!(!problems.is_empty(), "an error lists at least one problem");
        for p in problems {
            assert_eq!(p.file, "f.csv");
            assert!(p.line.is_none_or(|l| l >= 1), "{p}");
            assert!(!p.to_string().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn loaders_return_rows_or_located_problems_for_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let columns = FileFormat::default();
        check_problems(parse_announcements(&bytes, "f.csv", &columns).map(|t| t.announcements.len()));
        check_problems(parse_events(&bytes, "f.csv", &columns).map(|e| e.len()));
    }

    #[test]
    fn loaders_survive_csv_like_text(text in csv_like()) {
        let columns = FileFormat::default();
        let announcements = parse_announcements(text.as_bytes(), "f.csv", &columns);
        if let Ok(table) = &announcements {
            for a in &table.announcements {
                prop_assert!(a.people >= 1);
                prop_assert!(a.delay_days().is_none_or(|d| d >= 0), "delays are never negative");
            }
        }
        check_problems(announcements.map(|t| t.announcements.len()));
        check_problems(parse_events(text.as_bytes(), "f.csv", &columns).map(|e| e.len()));
    }

    #[test]
    fn config_files_never_panic(text in any::<String>()) {
        let _ = northwind::config::parse_config_text(&text, "c.toml");
    }

    #[test]
    fn shift_p_values_lie_between_one_over_t_and_one(
        counts in prop::collection::vec(0u64..4, 1..120),
        covered_bits in prop::collection::vec(any::<bool>(), 120),
    ) {
        let covered = &covered_bits[..counts.len()];
        let test = circular_shift_test(&counts, covered);
        let t = counts.len() as f64;
        prop_assert!(test.p_value >= 1.0 / t - 1e-15 && test.p_value <= 1.0);
    }

    #[test]
    fn binomial_tails_are_probabilities_and_decrease_in_x(n in 1u64..200, p in 0.0f64..1.0, x in 0u64..200) {
        let x = x.min(n);
        let tail = binomial_upper_tail(x, n, p);
        prop_assert!((0.0..=1.0).contains(&tail));
        if x < n {
            prop_assert!(binomial_upper_tail(x + 1, n, p) <= tail + 1e-12);
        }
    }

    #[test]
    fn rate_ratio_intervals_contain_the_estimate(n in 1u64..300, x in 0u64..300, t in 2usize..20000, c in 1usize..20000) {
        let (x, c) = (x.min(n), c.min(t - 1));
        if let Some(rr) = rate_ratio(x, n, c, t) {
            prop_assert!(rr.low <= rr.estimate * (1.0 + 1e-9) + 1e-12, "{rr:?}");
            prop_assert!(rr.estimate <= rr.high * (1.0 + 1e-9) || rr.high.is_infinite(), "{rr:?}");
            prop_assert!(rr.low >= 0.0);
        }
    }
}

#[test]
fn window_tests_do_not_depend_on_row_order() {
    use northwind::analysis::window_tests;
    use northwind::config::GroupSpec;
    use northwind::join::event_groups;
    use northwind::stats::day_counts;
    use northwind::synth::{generate, SynthSpec};
    let data = generate(&SynthSpec {
        announcements: 300,
        planted_rate_ratio: 2.0,
        ..SynthSpec::default()
    });
    let groups = event_groups(&data.events, &GroupSpec::KindPrefix);
    let mut reversed = data.announcements.clone();
    reversed.reverse();
    let mut shuffled_events = data.events.clone();
    shuffled_events.rotate_left(17);
    let a = window_tests(
        &day_counts(&data.announcements, &data.period, false),
        &groups,
        &data.period,
        &[7, 30],
        365,
    );
    let b = window_tests(
        &day_counts(&reversed, &data.period, false),
        &event_groups(&shuffled_events, &GroupSpec::KindPrefix),
        &data.period,
        &[7, 30],
        365,
    );
    assert_eq!(a, b);
    // The min-p adjustment lies between the raw p-value and Bonferroni's.
    let m = a.iter().filter(|t| t.p_shift_fwer.is_some()).count() as f64;
    for t in a.iter().filter_map(|t| t.p_shift_fwer.map(|f| (t.p_shift, f))) {
        assert!(t.1 >= t.0 && t.1 <= (m * t.0).min(1.0), "{t:?}");
    }
}
