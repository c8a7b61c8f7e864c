//! The analysis proper: validated inputs in, every figure of the report out.
//!
//! This is the one place that wires join -> stats -> sim together; it does no
//! I/O. The report writers only format what [`Analysis`] holds.

mod cases;

pub use cases::{CaseMark, Cases, ListedCase, LISTED_CASES, TIMELINE_MAX_CASES};

use rayon::prelude::*;

use crate::error::Result;
use crate::input::Inputs;
use crate::join::{event_groups, nearest_events, NearestEvents};
use crate::model::{Direction, EventGroup, FixedEffect, GroupSpec, Period, RegressionTerm};
use crate::sim;
use crate::stats::delay::{self, DelaySummary};
use crate::stats::multiple::{benjamini_hochberg, holm, min_p_adjusted};
use crate::stats::peth::{peri_event, Peth, PethSpec};
use crate::stats::phase::{phase_test, phases, sector_counts, PhaseTest};
use crate::stats::regression::{design, poisson_regression, PoissonFit};
use crate::stats::shift::{local_shift_test, lower_tail, ShiftTest, ShiftTester};
use crate::stats::shuffle::{delay_shuffle, reach, Membership, ShuffleCase};
use crate::stats::weekday::{weekday_test, WeekdayTest};
use crate::stats::window::{
    binomial_upper_tail, covered_days_between, events_span_short, hits, observed_in_windows,
    rate_ratio, WindowTest,
};
use crate::stats::{day_counts, monthly_counts, MonthCount};

/// What the analysis needs of the settings (made by `config`, validated).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// How event kinds form groups.
    pub groups: GroupSpec,
    /// Window widths W in days, sorted and distinct.
    pub windows: Vec<u32>,
    /// Count people instead of announcement rows.
    pub weight_by_people: bool,
    /// Seed of every random draw.
    pub seed: u64,
    /// Monte Carlo draws B (bootstrap resamples, permutations, random shifts).
    pub permutations: u32,
    /// S, the largest shift (in days, either way) of the restricted-shift test.
    pub local_shift_days: u32,
    /// Peri-event histogram layout.
    pub peth: PethSpec,
    /// Window terms of the Poisson regression.
    pub regression_terms: Vec<RegressionTerm>,
    /// Fixed effects of the Poisson regression.
    pub fixed_effects: Vec<FixedEffect>,
    /// Lags of the Newey-West (HAC) standard errors.
    pub hac_lags: usize,
}

/// Every computed figure of one run.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The settings it was computed with (the report describes them).
    pub settings: Settings,
    pub period: Period,
    /// Announcements in the period (rows, or the sum of `count` for aggregated input).
    pub announcements: u64,
    /// People in those announcements.
    pub people: u64,
    /// Announcements of the file left out because they fall outside the
    /// study period.
    pub outside_period: crate::model::OutsidePeriod,
    /// Whether the announcements file had no id column, so that cases go by
    /// their line (`line 14`) and their name.
    pub ids_by_line: bool,
    pub groups: Vec<EventGroup>,
    /// Nearest events of each group around each announcement date.
    pub neighbours: NearestEvents,
    pub window_tests: Vec<WindowTest>,
    pub delays: DelayResults,
    pub weekday: WeekdayTest,
    pub monthly: Vec<MonthCount>,
    /// Peri-event histograms, one per group (same order as `groups`).
    pub peth: Vec<Peth>,
    /// Phase tests, one per group.
    pub phase: Vec<PhaseTest>,
    /// Phase counts in 12 sectors of the circle (for the rose chart), one per group.
    pub phase_sectors: Vec<Vec<u64>>,
    /// Delay-shuffle tests, group x direction x window.
    pub shuffle: Vec<ShuffleRow>,
    /// Cases with a day-precise defection date, which the delay shuffle uses.
    pub shuffle_cases: usize,
    pub regression: PoissonFit,
    /// The cases as the timeline and the case list show them.
    pub cases: Cases,
}

/// One row of `delay_shuffle_tests.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShuffleRow {
    pub group: String,
    pub direction: Direction,
    pub window_days: u32,
    /// Cases (or people) with a day-precise defection date.
    pub n: u64,
    pub observed: u64,
    pub null_mean: f64,
    pub p_value: f64,
}

/// The delay summary and how many rows it used.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DelayResults {
    /// Rows with a day-precise defection date.
    pub used: usize,
    /// Rows left out: no defection date, or one known only to the month or year.
    pub left_out: usize,
    pub summaries: Vec<DelaySummary>,
    /// Day-precise delays counted in doubling bins `(lo, hi, count)`, for the
    /// delay histogram ([`delay::doubling_bins`]).
    pub histogram: Vec<(u64, u64, usize)>,
}

impl DelayResults {
    /// No row has a day-precise defection date: there is no delay to
    /// summarise or draw.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
}

/// Runs the join and every statistic.
///
/// # Errors
/// Only internal failures (of polars).
pub fn analyse(inputs: &Inputs, settings: &Settings) -> Result<Analysis> {
    let announcements = &inputs.announcements.announcements;
    let period = inputs.period;
    let groups = event_groups(&inputs.events, &settings.groups);
    let counts = day_counts(announcements, &period, settings.weight_by_people);
    let day_numbers: Vec<Vec<i64>> = groups.iter().map(|g| g.day_indices(&period)).collect();
    // The peri-event nulls cost the most; the join, the window tests and the
    // regression run beside them rather than after them.
    let ((peth, window_tests), (neighbours, regression)) = rayon::join(
        || {
            rayon::join(
                || peri_event_histograms(&counts, &day_numbers, settings),
                || {
                    window_tests(
                        &counts,
                        &groups,
                        &period,
                        &settings.windows,
                        settings.local_shift_days,
                    )
                },
            )
        },
        || {
            rayon::join(
                || nearest_events(announcements, &groups),
                || regression(&counts, &groups, &period, settings),
            )
        },
    );
    let neighbours = neighbours?;
    let delays = delay_results(announcements, settings.permutations, settings.seed);
    let busy_days: Vec<(i64, u64)> =
        counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(t, &c)| (t as i64, c)).collect();
    let group_phases: Vec<Vec<(f64, u64)>> =
        day_numbers.iter().map(|events| phases(&busy_days, events)).collect();
    let phase = group_phases.iter().map(|p| phase_test(p)).collect();
    let phase_sectors = group_phases.iter().map(|p| sector_counts(p, 12)).collect();
    let (shuffle, shuffle_cases) = shuffle_tests(announcements, &groups, &period, settings);
    Ok(Analysis {
        settings: settings.clone(),
        period,
        announcements: inputs.announcements.total(),
        people: announcements.iter().map(|a| u64::from(a.people) * u64::from(a.count)).sum(),
        outside_period: inputs.outside_period,
        ids_by_line: inputs.announcements.ids_by_line(),
        groups,
        neighbours,
        window_tests,
        delays,
        weekday: weekday_test(&counts, &period),
        monthly: monthly_counts(&counts, &period),
        peth,
        phase,
        phase_sectors,
        shuffle,
        shuffle_cases,
        regression,
        cases: cases::cases(&inputs.announcements, &period),
    })
}

/// The Poisson regression of the daily counts on the configured terms (the
/// calibration experiment calls it too); a term
/// whose group does not exist is reported as not estimable.
pub fn regression(
    counts: &[u64],
    groups: &[EventGroup],
    period: &Period,
    settings: &Settings,
) -> PoissonFit {
    let columns = design(period, groups, &settings.regression_terms, &settings.fixed_effects);
    let y: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
    let mut regression = poisson_regression(&y, &columns, settings.hac_lags);
    for term in &settings.regression_terms {
        if !groups.iter().any(|g| g.name == term.group) {
            if let Some(row) = regression.coefficients.iter_mut().find(|c| c.term == term.name) {
                row.note = format!("not estimable: there is no event group named '{}'", term.group);
            }
        }
    }
    regression
}

/// Window and shift tests for every group x direction x window, with the
/// exact min-p, Holm and BH adjustments of the shift p-values over the family
/// of rows whose windows cover some but not every day of the period, and the
/// restricted-shift test of each row with shifts of at most `local_shift_days`.
pub fn window_tests(
    counts: &[u64],
    groups: &[EventGroup],
    period: &Period,
    windows: &[u32],
    local_shift_days: u32,
) -> Vec<WindowTest> {
    let t = counts.len();
    let n: u64 = counts.iter().sum();
    let cells: Vec<(&EventGroup, Direction, u32)> = groups
        .iter()
        .flat_map(|g| {
            Direction::BOTH.into_iter().flat_map(move |d| windows.iter().map(move |&w| (g, d, w)))
        })
        .collect();
    let shift_tester = ShiftTester::new(counts);
    let local_reach = i64::from(local_shift_days);
    let tested: Vec<(WindowTest, Vec<u64>)> = cells
        .par_iter()
        .map(|&(group, direction, w)| {
            let days = group.day_indices(period);
            // The windows over the period and S days either side of it; the
            // period's own days are the circular test's covered mask.
            let around =
                covered_days_between(&days, -local_reach, t as i64 + local_reach, direction, w);
            let covered = &around[local_shift_days as usize..local_shift_days as usize + t];
            let c = covered.iter().filter(|&&x| x).count();
            let x = observed_in_windows(counts, covered);
            let totals = shift_tester.shift_counts(covered);
            let shift = ShiftTest::of_totals(&totals);
            let local = local_shift_test(counts, &around, local_shift_days as usize);
            let (hit_days, hit_events) = hits(counts, covered, &days, direction, w);
            let rr = rate_ratio(x, n, c, t);
            let note = match (rr, c) {
                (Some(_), _) => String::new(),
                (None, 0) => NO_DAY_COVERED.into(),
                (None, c) if c >= t => EVERY_DAY_COVERED.into(),
                (None, _) => "no announcements; the rate ratio is undefined".into(),
            };
            let test = WindowTest {
                group: group.name.clone(),
                direction,
                window_days: w,
                n,
                observed: x,
                expected: n as f64 * c as f64 / t as f64,
                covered_days: c,
                period_days: t,
                rate_ratio: rr,
                p_binomial: binomial_upper_tail(x, n, c as f64 / t as f64),
                p_shift: shift.p_value,
                shift_count: shift.at_least_observed,
                p_shift_fwer: None,
                p_shift_holm: f64::NAN,
                p_shift_bh: f64::NAN,
                local,
                p_shift_lower: lower_tail(&totals),
                null_mean_shift: totals.iter().sum::<u64>() as f64 / totals.len().max(1) as f64,
                events_span_short: events_span_short(&days, t),
                hit_days,
                hit_events,
                note,
            };
            (test, totals)
        })
        .collect();
    // The family: rows whose windows cover some days but not all (the
    // others always give p = 1 and would only dilute the adjustment).
    let in_family = |r: &WindowTest| r.covered_days > 0 && r.covered_days < t;
    let (mut rows, mut all_totals): (Vec<WindowTest>, Vec<Vec<u64>>) = tested.into_iter().unzip();
    let family: Vec<usize> = (0..rows.len()).filter(|&i| in_family(&rows[i])).collect();
    let totals: Vec<Vec<u64>> =
        family.iter().map(|&i| std::mem::take(&mut all_totals[i])).collect();
    let p: Vec<f64> = family.iter().map(|&i| rows[i].p_shift).collect();
    let adjusted = min_p_adjusted(&totals).into_iter().zip(holm(&p)).zip(benjamini_hochberg(&p));
    for (&i, ((fwer, h), b)) in family.iter().zip(adjusted) {
        rows[i].p_shift_fwer = Some(fwer);
        rows[i].p_shift_holm = h;
        rows[i].p_shift_bh = b;
    }
    for row in rows.iter_mut().filter(|r| !in_family(r)) {
        row.note.push_str("; left out of the multiple-testing family (always p = 1)");
    }
    rows
}

/// The notes of rows whose windows cover no day, or every day, of the period.
const NO_DAY_COVERED: &str =
    "no day of the period lies in such a window; the rate ratio is undefined";
const EVERY_DAY_COVERED: &str =
    "every day of the period lies in such a window; the rate ratio is undefined";

/// The delay summary per category and overall, with seeded bootstrap intervals.
pub fn delay_results(
    announcements: &[crate::model::Announcement],
    resamples: u32,
    seed: u64,
) -> DelayResults {
    let groups = delay::delays_by_category(announcements);
    let used = groups.first().map_or(0, |(_, v)| v.len());
    let summaries = groups
        .iter()
        .filter_map(|(category, values)| {
            let mut summary = delay::describe(category, values)?;
            // One case has no spread to resample: no interval ("696 (696 to 696)").
            if values.len() < 2 {
                return Some(summary);
            }
            let sampler = delay::MedianBootstrap::new(values)?;
            let medians = sim::parallel_draws(
                resamples as usize,
                seed,
                &format!("bootstrap-median:{category}"),
                |rng, _: &mut ()| sampler.sample(rng),
            );
            let (low, high) = delay::percentile_interval(medians)?;
            summary.median_ci_low = low;
            summary.median_ci_high = high;
            Some(summary)
        })
        .collect();
    let rows: u64 = announcements.iter().map(|a| u64::from(a.count)).sum();
    let precise: Vec<f64> =
        announcements.iter().filter_map(|a| a.day_precise_delay()).map(|d| d as f64).collect();
    DelayResults {
        used,
        left_out: usize::try_from(rows).unwrap_or(usize::MAX) - used,
        summaries,
        histogram: delay::doubling_bins(&precise),
    }
}

/// Most null curves kept in memory for a peri-event histogram (x bins x 8 bytes).
pub const PETH_CURVE_BUDGET: u64 = 20_000_000;

/// Peri-event histograms of every group. The null uses all `T` shifts (exact)
/// whenever their curves fit in memory ([`PETH_CURVE_BUDGET`]), which with the
/// FFT costs O(bins T log T) whatever the number of announcements. The
/// method (docs/METHODS.md) needs the exact null only when `permutations >= T`; it is used more
/// widely because it has no Monte Carlo error, and with integer counts a random
/// subset of shifts breaks the many exact ties of the studentized statistic by
/// noise, which moved the global p-value of the bundled data from 0.11 (exact)
/// to 0.035. Otherwise `permutations` random shifts, shared by all groups.
fn peri_event_histograms(
    counts: &[u64],
    day_numbers: &[Vec<i64>],
    settings: &Settings,
) -> Vec<Peth> {
    let t = counts.len();
    let bins = settings.peth.edges().len() as u64 - 1;
    let exact = (t as u64).saturating_mul(bins) <= PETH_CURVE_BUDGET;
    // Random shifts are capped so that the curves fit in memory.
    let draws = (u64::from(settings.permutations)).min(PETH_CURVE_BUDGET / bins.max(1)) as usize;
    let random: Option<Vec<usize>> = (!exact).then(|| {
        use rand::RngExt;
        sim::parallel_draws(draws, settings.seed, "peth-shifts", |rng, _: &mut ()| {
            rng.random_range(0..t)
        })
    });
    day_numbers
        .par_iter()
        .map(|events| peri_event(counts, events, settings.peth, random.as_deref()))
        .collect()
}

/// Delay-shuffle tests for every group x direction x window, on the cases with
/// a day-precise defection date (the calibration experiment calls it too).
/// Returns the rows and the number of cases used.
pub fn shuffle_tests(
    announcements: &[crate::model::Announcement],
    groups: &[EventGroup],
    period: &Period,
    settings: &Settings,
) -> (Vec<ShuffleRow>, usize) {
    let cases: Vec<ShuffleCase> = announcements
        .iter()
        .filter_map(|a| {
            let delay = a.day_precise_delay()?;
            let defection = period.index(a.defection_date?);
            let weight = if settings.weight_by_people { u64::from(a.people) } else { 1 };
            Some(ShuffleCase { defection, delay, weight })
        })
        .collect();
    if cases.is_empty() {
        return (Vec::new(), 0);
    }
    let (lo, hi) = reach(&cases);
    let mut keys = Vec::new();
    let mut windows = Vec::new();
    for group in groups {
        let events = group.day_indices(period);
        for direction in Direction::BOTH {
            for &w in &settings.windows {
                keys.push((group.name.clone(), direction, w));
                windows.push(Membership::new(&events, lo, hi, direction, w));
            }
        }
    }
    let n: u64 = cases.iter().map(|c| c.weight).sum();
    let results = delay_shuffle(&cases, &windows, settings.permutations, settings.seed);
    let rows = keys
        .into_iter()
        .zip(results)
        .map(|((group, direction, window_days), r)| ShuffleRow {
            group,
            direction,
            window_days,
            n,
            observed: r.observed,
            null_mean: r.null_mean,
            p_value: r.p_value,
        })
        .collect();
    (rows, cases.len())
}

/// The row with the smallest shift p-value (the first, on ties).
pub fn strongest(tests: &[WindowTest]) -> Option<&WindowTest> {
    tests.iter().reduce(|best, row| if row.p_shift < best.p_shift { row } else { best })
}
