//! The delay-shuffle test: were announcements held back until an event?
//!
//! Only cases whose defection date is known to the day take part. Each case
//! keeps its defection date `f_i`; the delays `d_i` (announcement minus
//! defection) are permuted among the cases, so case `i` would have been
//! announced on `f_i + d_pi(i)`. Null model: which delay a case got is
//! unrelated to when its announcement would fall relative to events, i.e.
//! nobody chose the delay with the calendar in mind. The statistic is the
//! number of (re-)announcements in the windows; with `B` random permutations,
//! `p = (1 + #{x_b >= x_obs}) / (B + 1)` (Davison and Hinkley 1997, ch. 4),
//! which is never 0 and is exact as a Monte Carlo test.
//!
//! This is the sharpest question the data allow: it holds the defections and
//! the delays' distribution fixed and asks only whether the pairing of delays
//! with cases looks chosen. It has little power when few cases have
//! day-precise defection dates, and cannot see delays chosen for reasons that
//! are themselves tied to the calendar.
//!
//! Reference: A. C. Davison and D. V. Hinkley (1997), *Bootstrap Methods and
//! their Application*, Cambridge University Press.

use rand::seq::SliceRandom;

use crate::model::Direction;
use crate::sim;

use super::window::covered_mask;

/// One case with a day-precise defection date, days on any shared numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShuffleCase {
    pub defection: i64,
    pub delay: i64,
    pub weight: u64,
}

/// Window membership over a day range `[start, start + covered.len())`.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub start: i64,
    pub covered: Vec<bool>,
}

impl Membership {
    /// Days within a window of `w` days `direction` any of `events`, over the
    /// range of days `[lo, hi]`.
    pub fn new(events: &[i64], lo: i64, hi: i64, direction: Direction, w: u32) -> Self {
        let relative: Vec<i64> = events.iter().map(|e| e - lo).collect();
        let len = usize::try_from(hi - lo + 1).unwrap_or(0);
        Membership { start: lo, covered: covered_mask(&relative, len, direction, w) }
    }
}

/// The days any permutation can announce a case on: from the earliest
/// defection plus the shortest delay to the latest defection plus the longest
/// delay, inclusive (the range a [`Membership`] must cover). `(0, 0)` for no cases.
pub fn reach(cases: &[ShuffleCase]) -> (i64, i64) {
    let min = |f: fn(&ShuffleCase) -> i64| cases.iter().map(f).min().unwrap_or(0);
    let max = |f: fn(&ShuffleCase) -> i64| cases.iter().map(f).max().unwrap_or(0);
    (min(|c| c.defection) + min(|c| c.delay), max(|c| c.defection) + max(|c| c.delay))
}

/// Result of the delay-shuffle test for one window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShuffleResult {
    pub observed: u64,
    pub null_mean: f64,
    pub p_value: f64,
}

/// Which windows contain each day of a range, as a pattern id per day: days
/// with the same set of windows share an id. A draw counts cases per pattern
/// (one lookup and one add per case), and only then spreads the few pattern
/// counts over the windows.
struct WindowPatterns {
    start: i64,
    /// Pattern id of each day from `start`.
    day_pattern: Vec<u32>,
    /// The windows of each pattern id.
    windows: Vec<Vec<usize>>,
}

impl WindowPatterns {
    fn new(memberships: &[Membership]) -> Self {
        let start = memberships.iter().map(|w| w.start).min().unwrap_or(0);
        let end =
            memberships.iter().map(|w| w.start + w.covered.len() as i64).max().unwrap_or(start);
        let days = usize::try_from(end - start).unwrap_or(0);
        let mut sets: Vec<Vec<usize>> = vec![Vec::new(); days];
        for (k, window) in memberships.iter().enumerate() {
            for (i, _) in window.covered.iter().enumerate().filter(|(_, &c)| c) {
                sets[(window.start - start) as usize + i].push(k);
            }
        }
        let mut ids: std::collections::HashMap<Vec<usize>, u32> = std::collections::HashMap::new();
        let mut windows = Vec::new();
        let day_pattern = sets
            .into_iter()
            .map(|set| {
                *ids.entry(set.clone()).or_insert_with(|| {
                    windows.push(set);
                    (windows.len() - 1) as u32
                })
            })
            .collect();
        WindowPatterns { start, day_pattern, windows }
    }

    /// Per-window totals of the cases' weights when case `i` is announced on
    /// its defection day plus `delays[i]`; `patterns` is scratch.
    fn count(
        &self,
        cases: &[ShuffleCase],
        delays: &[i64],
        patterns: &mut Vec<u64>,
        out: usize,
    ) -> Vec<u64> {
        patterns.clear();
        patterns.resize(self.windows.len(), 0);
        for (case, d) in cases.iter().zip(delays) {
            let pattern = usize::try_from(case.defection + d - self.start)
                .ok()
                .and_then(|day| self.day_pattern.get(day));
            if let Some(&id) = pattern {
                patterns[id as usize] += case.weight;
            }
        }
        let mut totals = vec![0u64; out];
        for (set, &n) in self.windows.iter().zip(patterns.iter()) {
            for &k in set {
                totals[k] += n;
            }
        }
        totals
    }
}

/// Runs the test for several windows at once, with the same `b` permutations
/// for all of them (seeded; thread-independent).
///
/// Cost: O(b (n + p)) for n cases and p distinct sets of windows a day can be
/// in, whatever the number of windows (each draw looks every case's new day
/// up once, see [`WindowPatterns`]).
pub fn delay_shuffle(
    cases: &[ShuffleCase],
    windows: &[Membership],
    b: u32,
    seed: u64,
) -> Vec<ShuffleResult> {
    let patterns = WindowPatterns::new(windows);
    let original: Vec<i64> = cases.iter().map(|c| c.delay).collect();
    let observed = patterns.count(cases, &original, &mut Vec::new(), windows.len());
    let draws: Vec<Vec<u64>> = sim::parallel_draws(
        b as usize,
        seed,
        "delay-shuffle",
        |rng, (delays, scratch): &mut (Vec<i64>, Vec<u64>)| {
            // Each chunk starts from the real delays; shuffling a permutation
            // again gives a uniform permutation, so no copy per draw.
            if delays.is_empty() {
                delays.extend_from_slice(&original);
            }
            delays.shuffle(rng);
            patterns.count(cases, delays, scratch, windows.len())
        },
    );
    (0..windows.len())
        .map(|k| {
            let at_least = draws.iter().filter(|x| x[k] >= observed[k]).count();
            let total: u64 = draws.iter().map(|x| x[k]).sum();
            ShuffleResult {
                observed: observed[k],
                null_mean: if draws.is_empty() {
                    f64::NAN
                } else {
                    total as f64 / draws.len() as f64
                },
                p_value: (1 + at_least) as f64 / (draws.len() + 1) as f64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cases() -> Vec<ShuffleCase> {
        // Four cases; only case 0's own delay (10) lands on the event at day 110.
        [(100, 10), (200, 0), (300, 1), (400, 2)]
            .iter()
            .map(|&(defection, delay)| ShuffleCase { defection, delay, weight: 1 })
            .collect()
    }

    #[test]
    fn the_observed_count_uses_the_real_delays_and_p_is_never_zero() {
        let window = Membership::new(&[110], 0, 500, Direction::Before, 1);
        let result = delay_shuffle(&cases(), &[window], 999, 7)[0];
        assert_eq!(result.observed, 1);
        // Exact null mean: case 0 hits only with delay 10 (prob 1/4); the others never.
        assert!((result.null_mean - 0.25).abs() < 0.05, "{}", result.null_mean);
        assert!(result.p_value > 0.2 && result.p_value < 0.3, "{}", result.p_value);
    }

    #[test]
    fn results_do_not_depend_on_the_thread_count() {
        let window = Membership::new(&[110, 300], 0, 500, Direction::After, 30);
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| delay_shuffle(&cases(), std::slice::from_ref(&window), 5000, 3))
        };
        assert_eq!(run(1), run(3));
    }
}
