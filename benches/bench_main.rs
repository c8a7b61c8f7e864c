//! Criterion benches of the pipeline's stages at growing sizes.
//! Run with `cargo bench`; figures are written up in docs/PERFORMANCE.md.

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use northwind::analysis::window_tests;
use northwind::config::GroupSpec;
use northwind::join::{event_groups, nearest_events};
use northwind::model::{Announcement, Event, Period, Precision};
use northwind::stats::day_counts;

/// `n` announcements spread deterministically over 30 years, and a calendar of
/// three groups (elections every 2 years, sanctions every 5 months, tests every 3 years).
fn synthetic(n: usize) -> (Vec<Announcement>, Vec<Event>, Period) {
    let start = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default();
    let days = 30 * 365;
    let announcements = (0..n)
        .map(|i| Announcement {
            id: format!("a{i}"),
            name: format!("a{i}"),
            line: i as u64 + 2,
            announcement_date: start + Duration::days(((i as u64 * 2_654_435_761) % days) as i64),
            category: "c".into(),
            people: 1,
            defection_date: None,
            precision: Precision::Unknown,
        })
        .collect();
    let mut events = Vec::new();
    for (kind, step) in [("election_x", 730), ("sanctions_y", 150), ("nuclear_z", 1095)] {
        let mut day = 40;
        while day < days as i64 {
            events.push(Event {
                date: start + Duration::days(day),
                kind: kind.into(),
                label: kind.into(),
                line: 0,
            });
            day += step;
        }
    }
    let period = Period { start, end: start + Duration::days(days as i64 - 1) };
    (announcements, events, period)
}

fn bench_join(c: &mut Criterion) {
    let mut group = c.benchmark_group("join");
    for n in [1_000, 100_000] {
        let (announcements, events, _) = synthetic(n);
        let groups = event_groups(&events, &GroupSpec::KindPrefix);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| nearest_events(&announcements, &groups))
        });
    }
    group.finish();
}

fn bench_window_and_shift_tests(c: &mut Criterion) {
    let mut group = c.benchmark_group("window_and_shift_tests");
    group.sample_size(10);
    for n in [1_000, 100_000] {
        let (announcements, events, period) = synthetic(n);
        let groups = event_groups(&events, &GroupSpec::KindPrefix);
        let counts = day_counts(&announcements, &period, false);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| window_tests(&counts, &groups, &period, &[7, 14, 30, 60, 90]))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_join, bench_window_and_shift_tests);
criterion_main!(benches);
