//! Criterion benches of the pipeline's stages at growing sizes, on the same
//! synthetic data as `northwind synth` (30 years, three event groups).
//!
//! Run with `cargo bench`; the figures are written up in docs/PERFORMANCE.md.
//! Sizes default to 1e3, 1e5 and 1e7 announcements; set
//! `NORTHWIND_BENCH_SIZES=1000,100000` for a quicker pass.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use northwind::analysis::{analyse, window_tests};
use northwind::cli::{InputArgs, RunArgs};
use northwind::config::{Config, GroupSpec};
use northwind::input::{parse_announcements, AnnouncementTable, Inputs};
use northwind::join::{event_groups, nearest_events};
use northwind::model::{Direction, EventGroup, Period};
use northwind::stats::day_counts;
use northwind::stats::peth::peri_event;
use northwind::stats::regression::{design, poisson_regression};
use northwind::stats::shuffle::{delay_shuffle, reach, Membership, ShuffleCase};
use northwind::synth::{generate, to_csv, SynthSpec};
use rayon::prelude::*;

const WINDOWS: [u32; 5] = [7, 14, 30, 60, 90];

fn sizes() -> Vec<usize> {
    std::env::var("NORTHWIND_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 100_000, 10_000_000])
}

/// The default settings (northwind.toml), as `northwind run` would resolve them.
fn config() -> Config {
    let input = InputArgs {
        config: None,
        announcements: None,
        events: None,
        start: None,
        end: None,
        quiet: true,
    };
    let args = RunArgs { input, ..RunArgs::default() };
    Config::from_flags(args.settings(), vec![]).expect("the default config resolves")
}

/// A synthetic data set of `n` announcements: CSV bytes, parsed table, groups.
struct Data {
    csv: Vec<u8>,
    table: AnnouncementTable,
    inputs_events: Vec<northwind::model::Event>,
    groups: Vec<EventGroup>,
    period: Period,
}

fn data(n: usize) -> Data {
    let spec = SynthSpec { announcements: n, ..SynthSpec::default() };
    let synthetic = generate(&spec);
    let (csv, _) = to_csv(&synthetic);
    let config = config();
    let table = parse_announcements(&csv, "bench.csv", &config.announcement_format)
        .expect("synthetic data are valid");
    let groups = event_groups(&synthetic.events, &GroupSpec::KindPrefix);
    Data { csv, table, inputs_events: synthetic.events, groups, period: synthetic.period }
}

/// A group of few samples: the large sizes take seconds per iteration.
fn slow<'c>(
    c: &'c mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name.to_string());
    group.sample_size(10);
    group
}

fn bench_stages(c: &mut Criterion) {
    let config = config();
    for n in sizes() {
        let d = data(n);
        let counts = day_counts(&d.table.announcements, &d.period, false);
        let id = BenchmarkId::from_parameter(n);

        let mut group = slow(c, "load_and_validate");
        group.bench_function(id.clone(), |b| {
            b.iter(|| {
                parse_announcements(black_box(&d.csv), "bench.csv", &config.announcement_format)
            })
        });
        group.finish();

        let mut group = slow(c, "join");
        group.bench_function(id.clone(), |b| {
            b.iter(|| nearest_events(&d.table.announcements, &d.groups))
        });
        group.finish();

        let mut group = slow(c, "window_and_shift_tests");
        group.bench_function(id.clone(), |b| {
            b.iter(|| {
                let counts = day_counts(&d.table.announcements, &d.period, false);
                window_tests(&counts, &d.groups, &d.period, &WINDOWS, 365)
            })
        });
        group.finish();

        let mut group = slow(c, "peri_event_envelopes");
        group.bench_function(id.clone(), |b| {
            b.iter(|| {
                // The groups in parallel, as `northwind run` does.
                d.groups
                    .par_iter()
                    .map(|g| peri_event(&counts, &g.day_indices(&d.period), config.peth, None))
                    .collect::<Vec<_>>()
            })
        });
        group.finish();

        let mut group = slow(c, "poisson_regression");
        group.bench_function(id.clone(), |b| {
            b.iter(|| {
                let columns =
                    design(&d.period, &d.groups, &config.regression_terms, &config.fixed_effects);
                let y: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
                poisson_regression(&y, &columns, config.hac_lags)
            })
        });
        group.finish();

        let inputs = Inputs {
            announcements: d.table.clone(),
            events: d.inputs_events.clone(),
            period: d.period,
            outside_period: Default::default(),
            fingerprints: vec![],
        };
        let analysis = analyse(&inputs, &config.analysis_settings()).expect("the analysis runs");
        let mut group = slow(c, "chart_rendering");
        group.bench_function(id, |b| {
            b.iter(|| northwind::render_charts(&analysis, &config, config.first_wording()))
        });
        group.finish();
    }
}

/// Item 4 of the speed issue: the delay shuffle with 10,000 cases and
/// B = 99,999 permutations, for every group x direction x window (30 windows).
fn bench_delay_shuffle(c: &mut Criterion) {
    let spec = SynthSpec { announcements: 10_000, mean_delay: Some(60.0), ..SynthSpec::default() };
    let synthetic = generate(&spec);
    let period = synthetic.period;
    let cases: Vec<ShuffleCase> = synthetic
        .announcements
        .iter()
        .filter_map(|a| {
            let defection = period.index(a.defection_date?);
            Some(ShuffleCase { defection, delay: a.delay_days()?, weight: 1 })
        })
        .collect();
    let (lo, hi) = reach(&cases);
    let groups = event_groups(&synthetic.events, &GroupSpec::KindPrefix);
    let windows: Vec<Membership> = groups
        .iter()
        .flat_map(|g| {
            let days = g.day_indices(&period);
            Direction::BOTH
                .into_iter()
                .flat_map(move |dir| WINDOWS.map(|w| Membership::new(&days, lo, hi, dir, w)))
        })
        .collect();
    let mut group = c.benchmark_group("delay_shuffle");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("cases_10000_B", 99_999), |b| {
        b.iter(|| delay_shuffle(&cases, &windows, 99_999, 20_160_408))
    });
    group.finish();
}

criterion_group!(benches, bench_delay_shuffle, bench_stages);
criterion_main!(benches);
