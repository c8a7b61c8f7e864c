//! The studentized maximum deviation of every curve: the statistic behind
//! the PETH's first global envelope and its global p-value.
//!
//! A pointwise band says nothing about the whole curve; a global envelope
//! must hold every bin of 95% of the curves at once. With `n` curves (the data
//! and its shifts) and bin `b`'s counts `h_1(b), ..., h_n(b)`, the null mean is
//! `m(b) = S1 / n` and the sd `sd(b) = sqrt(n S2 - S1^2) / n` (divisor `n`),
//! from the exact sums `S1 = sum_j h_j(b)` and `S2 = sum_j h_j(b)^2`. Each
//! curve's
//!
//! `T_s = max_b |h_s(b) - m(b)| / sd(b)`, over the bins with `sd(b) > 0`,
//!
//! is its largest studentized deviation; `t95` is the type-7 95% quantile of
//! `T_s` over all curves, the envelope is `m(b) +- t95 sd(b)`, and the
//! p-value `p = #{s : T_s >= T_obs} / n` counts the data among the curves.
//! Under the null model (circular shifts, see [the parent module](super))
//! the data is exchangeable with the other curves, so `p` is valid.
//!
//! Counts are integers, and many bins share the same null mean and sd, so
//! `T_s` ties across shifts are common. They are decided exactly: with
//! `D = |n x - S1|` for a count `x` and `V = n S2 - S1^2`, the deviation
//! `|x - m(b)| / sd(b)` is `D / sqrt(V)`, and deviations are compared as
//! `D^2 / V` by cross-multiplication of integers ([`Deviation`]), never by
//! floating-point noise, which can swing the global p-value a long way.

use std::cmp::Ordering;

use rayon::prelude::*;

use crate::stats::distribution::Distribution;
use crate::stats::quantile::quantile_of_order_statistics;

/// A studentized deviation `D / sqrt(V)` kept as the exact pair `(|D|, V)`,
/// with `D^2 / V` in floating point to decide most comparisons quickly.
#[derive(Debug, Clone, Copy)]
struct Deviation {
    d: u128,
    v: u128,
    ratio: f64,
}

impl Deviation {
    /// `|D|` and `V`, with `1 / V` in floating point (`inverse_v`), and `|D|`
    /// as `u64` when it fits (a `u128` to `f64` conversion is a slow library call).
    fn new(d: u128, small_d: Option<u64>, v: u128, inverse_v: f64) -> Self {
        let d_float = match small_d {
            Some(small) => small as f64,
            None => d as f64,
        };
        Deviation { d, v, ratio: d_float * d_float * inverse_v }
    }

    fn value(self) -> f64 {
        ((self.d * self.d) as f64).sqrt() / (self.v as f64).sqrt()
    }

    /// The exact order of `D^2 / V`. The floating-point ratios are within
    /// eight units in the last place of the true ones, so where they differ by
    /// more than a relative 1e-12 their order is the true order; otherwise
    /// the pairs are compared by cross-multiplication.
    fn cmp(self, other: Deviation) -> Ordering {
        if self.ratio > other.ratio * (1.0 + 1e-12) {
            return Ordering::Greater;
        }
        if other.ratio > self.ratio * (1.0 + 1e-12) {
            return Ordering::Less;
        }
        let (d2, other_d2) = (self.d * self.d, other.d * other.d);
        match (d2.checked_mul(other.v), other_d2.checked_mul(self.v)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.value().total_cmp(&other.value()),
        }
    }
}

/// The studentized maximum deviation of every curve,
/// `T_s = max_b |h_s(b) - m(b)| / sd(b)` over the bins with `sd(b) > 0`,
/// with `m(b) = S1 / n` and `sd(b) = sqrt(n S2 - S1^2) / n` from the exact
/// sums of the bin's column.
///
/// A bin's deviation depends only on its count, and a bin's counts take few
/// values, so every distinct `(bin, count)` deviation is put in exact order
/// once ([`Deviation::cmp`]) and given a level (equal deviations share one).
/// A curve's `T_s` is then the largest level over its bins, a comparison of
/// integers, and the test counts levels.
pub(super) struct StudentizedMaxima {
    pub(super) mean: Vec<f64>,
    pub(super) sd: Vec<f64>,
    /// Each curve's `T_s` as a level: 0 when no bin varies, else from 1 up.
    curve_levels: Vec<u64>,
    /// The value `D / sqrt(V)` of each level (level 0 unused).
    level_values: Vec<f64>,
}

impl StudentizedMaxima {
    /// `column(b, scratch)` gives every curve's count in bin `b`, which
    /// `distributions[b]` summarises.
    pub(super) fn new(
        column: impl Fn(usize, &mut Vec<u64>) -> Vec<u64> + Sync,
        distributions: &[Distribution],
        curves: usize,
    ) -> Self {
        let n = curves.max(1);
        let nn = n as u128;
        let sums: Vec<(u128, u128)> = distributions.iter().map(Distribution::sums).collect();
        let mean = sums.iter().map(|&(s1, _)| s1 as f64 / n as f64).collect();
        let variance: Vec<u128> =
            sums.iter().map(|&(s1, s2)| (nn * s2).saturating_sub(s1 * s1)).collect();
        let sd = variance.iter().map(|&v| (v as f64).sqrt() / n as f64).collect();

        // D = |n x - S1| for count x in bin b, exactly; through u64 when it fits
        // (a u128 to f64 conversion is a slow library call).
        let small_n = u64::try_from(nn).ok();
        let deviation = |b: usize, x: u64| {
            let (s1, v) = (sums[b].0, variance[b]);
            let inverse_v = 1.0 / v as f64;
            match small_n.and_then(|n| n.checked_mul(x)).zip(u64::try_from(s1).ok()) {
                Some((nx, s)) => {
                    let d = nx.abs_diff(s);
                    Deviation::new(u128::from(d), Some(d), v, inverse_v)
                }
                None => Deviation::new((nn * u128::from(x)).abs_diff(s1), None, v, inverse_v),
            }
        };
        // Every distinct (bin, count) of the bins that vary, in exact order.
        let values: Vec<Vec<u64>> = distributions
            .iter()
            .zip(&variance)
            .map(|(d, &v)| if v > 0 { d.values() } else { Vec::new() })
            .collect();
        let mut entries: Vec<(Deviation, usize, usize)> = values
            .iter()
            .enumerate()
            .flat_map(|(b, xs)| xs.iter().enumerate().map(move |(i, &x)| (b, i, x)))
            .map(|(b, i, x)| (deviation(b, x), b, i))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut levels: Vec<Vec<u32>> = values.iter().map(|xs| vec![0; xs.len()]).collect();
        let mut level_values = vec![0.0];
        let mut previous: Option<Deviation> = None;
        for (dev, b, i) in entries {
            if previous.is_none_or(|p| p.cmp(dev) != Ordering::Equal) {
                level_values.push(dev.value());
                previous = Some(dev);
            }
            levels[b][i] = (level_values.len() - 1) as u32;
        }
        let lookups: Vec<(usize, LevelLookup)> = distributions
            .iter()
            .zip(values)
            .zip(levels)
            .enumerate()
            .filter(|(b, _)| variance[*b] > 0)
            .map(|(b, ((d, xs), ls))| (b, LevelLookup::new(d, xs, ls)))
            .collect();
        // Bin by bin, each worker keeping the largest level per curve so far.
        let largest = |mut a: Vec<u64>, b: Vec<u64>| {
            for (x, y) in a.iter_mut().zip(b) {
                *x = (*x).max(y);
            }
            a
        };
        let curve_levels = lookups
            .par_iter()
            .fold(
                || (vec![0u64; curves], Vec::new()),
                |(mut levels, mut window), (b, lookup)| {
                    let counts = column(*b, &mut window);
                    for (slot, &x) in levels.iter_mut().zip(&counts) {
                        *slot = (*slot).max(u64::from(lookup.level(x)));
                    }
                    (levels, window)
                },
            )
            .map(|(levels, _)| levels)
            .reduce(|| vec![0u64; curves], largest);
        StudentizedMaxima { mean, sd, curve_levels, level_values }
    }

    /// `(T_obs, t95, p)` with curve 0 the data: `T_obs` its `T_s`, `t95` the
    /// type-7 95% quantile of `T_s` over all curves, `p = #{s : T_s >= T_obs} / n`
    /// (the data among them). All `None` when no bin varies.
    pub(super) fn test(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let observed = self.curve_levels.first().copied().unwrap_or(0);
        if observed == 0 {
            return (None, None, None);
        }
        let value = |level: u64| self.level_values[level as usize];
        let levels = Distribution::new(&self.curve_levels);
        let n = levels.len();
        let (_, below) = levels.counts_around(observed);
        let p = (n - below) as f64 / n as f64;
        let t95 = quantile_of_order_statistics(n, 0.95, |k| value(levels.order_statistic(k)));
        (Some(value(observed)), t95, Some(p))
    }
}

/// A bin's level for each of its counts: a table over the counts' span, or a
/// search of its distinct counts when the span is wide.
enum LevelLookup {
    Dense { min: u64, levels: Vec<u32> },
    Search { values: Vec<u64>, levels: Vec<u32> },
}

impl LevelLookup {
    /// `levels[i]` is the level of `values[i]`, the distinct counts of `distribution`.
    fn new(distribution: &Distribution, values: Vec<u64>, levels: Vec<u32>) -> Self {
        match distribution {
            Distribution::Table { min, at_most } => {
                let mut dense = vec![0; at_most.len()];
                for (&x, &level) in values.iter().zip(&levels) {
                    dense[(x - min) as usize] = level;
                }
                LevelLookup::Dense { min: *min, levels: dense }
            }
            Distribution::Sorted(_) => LevelLookup::Search { values, levels },
        }
    }

    /// The level of count `x` (0 for a count the bin never takes).
    fn level(&self, x: u64) -> u32 {
        match self {
            LevelLookup::Dense { min, levels } => x
                .checked_sub(*min)
                .and_then(|i| levels.get(usize::try_from(i).ok()?))
                .copied()
                .unwrap_or(0),
            LevelLookup::Search { values, levels } => {
                values.binary_search(&x).map_or(0, |i| levels[i])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn studentized_maxima_by_levels_follow_the_definition() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(23);
        // Few values (many exact ties across bins), a constant bin (sd = 0,
        // left out), and a bin whose span is wide enough to be searched.
        for (n, bins, values) in [(300usize, 6usize, 4u64), (41, 3, 2), (200, 52, 7), (64, 4, 1)] {
            let mut columns: Vec<Vec<u64>> =
                (0..bins).map(|_| (0..n).map(|_| rng.random_range(0..values)).collect()).collect();
            columns[0] = vec![3; n];
            columns[bins - 1] = (0..n).map(|_| rng.random_range(0..1_000_000)).collect();
            let distributions: Vec<Distribution> =
                columns.iter().map(|c| Distribution::new(c)).collect();
            let maxima = StudentizedMaxima::new(|b, _| columns[b].clone(), &distributions, n);
            let (t_obs, t95, p) = maxima.test();

            // The definition: T_i as the exact pair (D^2, V), the largest over the
            // bins with V > 0 by cross-multiplication.
            let nn = n as u128;
            let sums: Vec<(u128, u128)> = columns
                .iter()
                .map(|c| c.iter().fold((0, 0), |(a, b), &x| (a + x as u128, b + (x * x) as u128)))
                .collect();
            let t_of = |i: usize| {
                let mut best: Option<(u128, u128)> = None;
                for (b, column) in columns.iter().enumerate() {
                    let v = nn * sums[b].1 - sums[b].0 * sums[b].0;
                    if v == 0 {
                        continue;
                    }
                    let d = (nn * column[i] as u128).abs_diff(sums[b].0);
                    let candidate = (d * d, v);
                    if best.is_none_or(|(d2, w)| candidate.0 * w > d2 * candidate.1) {
                        best = Some(candidate);
                    }
                }
                best.unwrap()
            };
            let mut all: Vec<(u128, u128)> = (0..n).map(t_of).collect();
            let observed = all[0];
            let at_least = all.iter().filter(|(d2, v)| d2 * observed.1 >= observed.0 * v).count();
            assert_eq!(p, Some(at_least as f64 / n as f64), "n = {n}, bins = {bins}");
            let value = |(d2, v): (u128, u128)| (d2 as f64 / v as f64).sqrt();
            assert!((t_obs.unwrap() - value(observed)).abs() < 1e-12 * value(observed));
            all.sort_by(|a, b| (a.0 * b.1).cmp(&(b.0 * a.1)));
            let expected_t95 = quantile_of_order_statistics(n, 0.95, |k| value(all[k])).unwrap();
            assert!((t95.unwrap() - expected_t95).abs() < 1e-12 * expected_t95, "n = {n}");
        }
        // No bin varies: no statistic.
        let flat = vec![vec![2u64; 10]; 3];
        let distributions: Vec<Distribution> = flat.iter().map(|c| Distribution::new(c)).collect();
        let maxima = StudentizedMaxima::new(|b, _| flat[b].clone(), &distributions, 10);
        assert_eq!(maxima.test(), (None, None, None));
    }
}
