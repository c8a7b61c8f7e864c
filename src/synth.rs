//! Synthetic inputs of any size, reproducible from a seed: for benchmarks,
//! for the calibration experiment (false-positive rate and power of every
//! test), and for anyone who wants to see what the tests do with data whose
//! truth is known.
//!
//! The calendar has three groups: `election` (every two years, give or take a
//! month), `sanctions` (a Poisson process, one round every 150 days on
//! average) and `nuclear` (one every 1,000 days on average). Announcement
//! days are drawn independently, uniformly over the period, except that days
//! inside the planted windows (by default the 30 days before an election) are
//! `planted_rate_ratio` times as likely. With a ratio of 1 the data follow the
//! null hypothesis of every test. Delays from defection to announcement, when
//! asked for, are geometric with the given mean and independent of everything
//! else.

use chrono::{Duration, NaiveDate};
use rand::{RngExt, SeedableRng};

use crate::model::{Announcement, Direction, Event, Period, Precision};
use crate::stats::window::covered_mask;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthSpec {
    pub announcements: usize,
    pub years: u32,
    pub start: NaiveDate,
    pub seed: u64,
    /// 1 = no effect (the null).
    pub planted_rate_ratio: f64,
    pub planted_group: String,
    pub planted_direction: Direction,
    pub planted_window: u32,
    /// Mean delay in days, or `None` for no defection dates.
    pub mean_delay: Option<f64>,
}

impl Default for SynthSpec {
    fn default() -> Self {
        SynthSpec {
            announcements: 1000,
            years: 30,
            start: NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default(),
            seed: crate::model::DEFAULT_SEED,
            planted_rate_ratio: 1.0,
            planted_group: "election".into(),
            planted_direction: Direction::Before,
            planted_window: 30,
            mean_delay: None,
        }
    }
}

/// A generated data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    pub announcements: Vec<Announcement>,
    pub events: Vec<Event>,
    pub period: Period,
}

/// Generates announcements and events; the same spec gives the same data.
pub fn generate(spec: &SynthSpec) -> Synthetic {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(spec.seed);
    let days = (f64::from(spec.years) * 365.25).round().max(1.0) as i64;
    let period = Period { start: spec.start, end: spec.start + Duration::days(days - 1) };
    let mut events = Vec::new();
    let mut push = |day: i64, kind: &str, label: String| {
        events.push(Event {
            date: spec.start + Duration::days(day),
            kind: kind.into(),
            label,
            label_ko: String::new(),
            group: String::new(),
            line: 0,
        });
    };
    let mut day = 100;
    while day < days + 60 {
        let jitter = rng.random_range(-30..=30);
        push(day + jitter, "election_national", format!("election {}", (day + jitter) / 365 + 1));
        day += 730;
    }
    for (kind, mean_gap) in [("sanctions_round", 150.0), ("nuclear_test", 1000.0)] {
        let mut day = 0.0;
        loop {
            let u: f64 = rng.random();
            day += -(1.0 - u).ln() * mean_gap;
            if day >= days as f64 {
                break;
            }
            push(day as i64, kind, format!("{kind} {}", day as i64));
        }
    }
    // Day weights: the planted rate ratio inside the planted windows.
    let planted: Vec<i64> = events
        .iter()
        .filter(|e| crate::join::kind_prefix(&e.kind) == spec.planted_group)
        .map(|e| period.index(e.date))
        .collect();
    let covered =
        covered_mask(&planted, days as usize, spec.planted_direction, spec.planted_window);
    let mut cumulative = Vec::with_capacity(covered.len());
    let mut total = 0.0;
    for &c in &covered {
        total += if c { spec.planted_rate_ratio.max(0.0) } else { 1.0 };
        cumulative.push(total);
    }
    let category: std::sync::Arc<str> = "synthetic".into();
    let announcements = (0..spec.announcements)
        .map(|i| {
            let target = rng.random::<f64>() * total;
            let t = cumulative.partition_point(|&c| c <= target).min(covered.len() - 1);
            let announced = spec.start + Duration::days(t as i64);
            let defection = spec.mean_delay.map(|mean| {
                let u: f64 = rng.random();
                let p = 1.0 / (1.0 + mean.max(0.0));
                let delay = ((1.0 - u).ln() / (1.0 - p).ln()).floor().max(0.0) as i64;
                announced - Duration::days(delay)
            });
            Announcement {
                line: i as u64 + 2,
                announcement_date: announced,
                category: category.clone(),
                people: 1,
                count: 1,
                defection_date: defection,
                precision: if defection.is_some() { Precision::Day } else { Precision::Unknown },
            }
        })
        .collect();
    Synthetic { announcements, events, period }
}

/// The data set as `announcements.csv` and `events.csv` bytes.
pub fn to_csv(data: &Synthetic) -> (Vec<u8>, Vec<u8>) {
    let mut a = csv::Writer::from_writer(Vec::new());
    let _ = a.write_record([
        "id",
        "name",
        "category",
        "people",
        "defection_date",
        "defection_date_precision",
        "announcement_date",
    ]);
    for (i, x) in data.announcements.iter().enumerate() {
        let defection = x.defection_date.map_or_else(String::new, |d| d.to_string());
        let precision = if x.defection_date.is_some() { "day" } else { "unknown" };
        let _ = a.write_record([
            format!("s{:08}", i + 1).as_str(),
            format!("synthetic case {}", i + 1).as_str(),
            x.category.as_ref(),
            "1",
            defection.as_str(),
            precision,
            &x.announcement_date.to_string(),
        ]);
    }
    let mut e = csv::Writer::from_writer(Vec::new());
    let _ = e.write_record(["date", "kind", "label"]);
    for x in &data.events {
        let _ = e.write_record([x.date.to_string().as_str(), x.kind.as_str(), x.label.as_str()]);
    }
    (a.into_inner().unwrap_or_default(), e.into_inner().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_data() {
        let spec = SynthSpec { announcements: 50, mean_delay: Some(7.0), ..SynthSpec::default() };
        assert_eq!(generate(&spec), generate(&spec));
        let other = generate(&SynthSpec { seed: 1, ..spec.clone() });
        assert_ne!(other.announcements, generate(&spec).announcements);
    }

    #[test]
    fn a_planted_ratio_concentrates_announcements_in_the_windows() {
        let count_inside = |ratio: f64| {
            let data = generate(&SynthSpec {
                announcements: 4000,
                planted_rate_ratio: ratio,
                ..SynthSpec::default()
            });
            let events: Vec<i64> = data
                .events
                .iter()
                .filter(|e| e.kind.starts_with("election"))
                .map(|e| data.period.index(e.date))
                .collect();
            let covered = covered_mask(&events, data.period.days(), Direction::Before, 30);
            let inside = data
                .announcements
                .iter()
                .filter(|a| covered[data.period.index(a.announcement_date) as usize])
                .count();
            let share = covered.iter().filter(|c| **c).count() as f64 / covered.len() as f64;
            (inside as f64 / 4000.0) / share
        };
        let null = count_inside(1.0);
        let planted = count_inside(3.0);
        assert!((0.8..1.2).contains(&null), "{null}");
        assert!((2.3..3.2).contains(&planted), "{planted}");
    }

    #[test]
    fn synthetic_csv_passes_validation() {
        let data = generate(&SynthSpec {
            announcements: 20,
            mean_delay: Some(3.0),
            ..SynthSpec::default()
        });
        let (a, e) = to_csv(&data);
        let format = crate::input::FileFormat::default();
        let table = crate::input::parse_announcements(&a, "a.csv", &format).unwrap();
        assert_eq!(table.announcements.len(), 20);
        assert!(crate::input::parse_events(&e, "e.csv", &format).is_ok());
    }
}

/// Which tests rejected the null at `alpha` on one synthetic data set, for
/// the window `election before 30` (the planted one).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rejections {
    pub binomial: bool,
    pub shift: bool,
    pub delay_shuffle: bool,
    pub regression_hc0: bool,
    pub regression_hac: bool,
}

/// Test names in the order of [`Rejections::as_array`].
pub const CALIBRATED_TESTS: [&str; 5] = [
    "Window test (exact binomial)",
    "Circular-shift test (exact)",
    "Delay-shuffle test",
    "Poisson regression, HC0 errors",
    "Poisson regression, Newey-West errors (7 lags)",
];

impl Rejections {
    pub fn as_array(&self) -> [bool; 5] {
        [self.binomial, self.shift, self.delay_shuffle, self.regression_hc0, self.regression_hac]
    }
}

/// Generates one data set and runs every calibrated test on the planted
/// window, through the same functions as `northwind run`
/// ([`crate::analysis`]'s window tests, delay shuffle and regression), with
/// the run's defaults but for the planted window and term.
pub fn run_tests(spec: &SynthSpec, permutations: u32, alpha: f64) -> Rejections {
    use crate::analysis::{regression, shuffle_tests, window_tests, Settings};
    use crate::model::{GroupSpec, RegressionTerm};

    let data = generate(spec);
    let w = spec.planted_window;
    let term_name = format!("{}_{}_{w}", spec.planted_group, spec.planted_direction.as_str());
    let settings = Settings {
        groups: GroupSpec::KindPrefix,
        windows: vec![w],
        weight_by_people: false,
        seed: spec.seed,
        permutations,
        local_shift_days: crate::stats::shift::DEFAULT_LOCAL_SHIFT_DAYS,
        peth: crate::stats::peth::PethSpec::DEFAULT,
        regression_terms: RegressionTerm::parse(&term_name).into_iter().collect(),
        fixed_effects: Vec::new(),
        hac_lags: crate::stats::regression::DEFAULT_HAC_LAGS,
    };
    let groups = crate::join::event_groups(&data.events, &settings.groups);
    let counts = crate::stats::day_counts(&data.announcements, &data.period, false);
    let planted = |group: &str, direction: Direction, window: u32| {
        group == spec.planted_group && direction == spec.planted_direction && window == w
    };
    let tests =
        window_tests(&counts, &groups, &data.period, &settings.windows, settings.local_shift_days);
    let row = tests.iter().find(|t| planted(&t.group, t.direction, t.window_days));
    let (shuffled, _) = shuffle_tests(&data.announcements, &groups, &data.period, &settings);
    let shuffle = shuffled.iter().find(|r| planted(&r.group, r.direction, r.window_days));
    let fit = regression(&counts, &groups, &data.period, &settings);
    let term = fit.coefficients.iter().find(|c| c.term == term_name);
    Rejections {
        binomial: row.is_some_and(|t| t.p_binomial < alpha),
        shift: row.is_some_and(|t| t.p_shift < alpha),
        delay_shuffle: shuffle.is_some_and(|r| r.p_value < alpha),
        regression_hc0: term.and_then(|c| c.hc0).is_some_and(|i| i.p_value < alpha),
        regression_hac: term.and_then(|c| c.hac).is_some_and(|i| i.p_value < alpha),
    }
}

/// Share of `replicates` data sets (seeds `seed..seed + replicates`) on which
/// each test rejected, in the order of [`CALIBRATED_TESTS`].
pub fn rejection_rates(
    spec: &SynthSpec,
    replicates: u64,
    permutations: u32,
    alpha: f64,
) -> [f64; 5] {
    use rayon::prelude::*;
    let hits: Vec<[bool; 5]> = (0..replicates)
        .into_par_iter()
        .map(|r| {
            run_tests(
                &SynthSpec { seed: spec.seed.wrapping_add(r), ..spec.clone() },
                permutations,
                alpha,
            )
            .as_array()
        })
        .collect();
    let mut rates = [0.0; 5];
    for row in &hits {
        for (rate, &hit) in rates.iter_mut().zip(row) {
            *rate += f64::from(u8::from(hit));
        }
    }
    rates.map(|r| r / replicates.max(1) as f64)
}
