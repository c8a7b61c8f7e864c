//! The peri-event time histogram (PETH): announcements counted by their
//! distance in days to each event of a group, with null bands from circular
//! shifts of the announcements.
//!
//! For every pair (announcement day `a`, event day `E`) with `|a - E| <= H`,
//! the offset `o = a - E` (negative = before the event) falls into one of the
//! bins of `bin_days` days, with an edge at 0; bins are half-open `[lo, hi)`
//! except the last, which is closed (numpy.histogram's rule).
//!
//! Null model: as for the shift test, the announcements keep their own
//! pattern and are rotated together around the period; every shift gives a
//! null histogram. All `T` shifts are used (exact) whenever their curves fit
//! in memory (see `analysis`); one exact correlation of the day counts with
//! the event days and running sums give every bin for every shift, O(T log T +
//! bins T) in all (see [`shifted_histograms`]). Otherwise the data and `B`
//! random shifts (seeded, see [`crate::sim`]), with every band and statistic
//! computed over those `B + 1` curves so that they stay exchangeable.
//!
//! Bands: per bin the null mean and the pointwise 2.5%/97.5% quantiles (type 7)
//! of the null counts. Pointwise bands are *not* a test of the whole curve:
//! across 52 bins, some bin leaves a pointwise band by chance most of the
//! time. Two global 95% envelopes license the reading "the curve leaves the
//! band": (1) the studentized maximum deviation `T_s = max_b |h_s(b) - m(b)| / sd(b)`
//! (sd with divisor N; bins with sd = 0 left out), envelope `m(b) +- t95 sd(b)`
//! with `t95` the 95% quantile of `T_s`; (2) the extreme rank length (ERL)
//! envelope of Myllymaki et al. (2017), the default of the GET package, which
//! orders curves by their most extreme pointwise ranks, lexicographically.
//!
//! Counts are integers, and many bins share the same null mean and sd, so
//! `T_s` ties across shifts are common. They are decided exactly here (from
//! integer sums, comparing `D^2 / V` by cross-multiplication), never by
//! floating-point noise, which can swing the global p-value a long way.
//!
//! References: M. Myllymaki, T. Mrkvicka, P. Grabarnik, H. Seijo and
//! U. Hahn (2017), "Global envelope tests for spatial processes", *J. R.
//! Statist. Soc. B* 79, 381-404; A. Baddeley et al. (2014), "On tests of
//! spatial pattern based on simulation envelopes", *Ecological Monographs*
//! 84, 477-489.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::correlate::CircularCorrelator;
use super::quantile::quantile_of_order_statistics;
#[cfg(test)]
use super::quantile::quantile_sorted;

/// Histogram layout: half-width `H` and bin width, both in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PethSpec {
    pub half_width: u32,
    pub bin_days: u32,
}

impl PethSpec {
    /// Bin edges `-b K, ..., 0, ..., b K` with `K = ceil(H / b)`.
    pub fn edges(&self) -> Vec<i64> {
        let b = i64::from(self.bin_days.max(1));
        let k = (i64::from(self.half_width) + b - 1) / b;
        (-k..=k).map(|i| i * b).collect()
    }

    /// The bin of an offset, or `None` beyond `H` ([`offset_range`] is its
    /// inverse; kept to state the rule and to test it).
    #[cfg(test)]
    fn bin_of(&self, offset: i64, edges: &[i64]) -> Option<usize> {
        if offset.abs() > i64::from(self.half_width) {
            return None;
        }
        let last = edges.len().checked_sub(2)?;
        // Half-open bins, the last one closed.
        let index = edges.partition_point(|&e| e <= offset).checked_sub(1)?;
        Some(index.min(last))
    }
}

/// Everything the PETH table and chart show for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Peth {
    /// `(bin_start, bin_end)` in days from the event.
    pub bins: Vec<(i64, i64)>,
    pub observed: Vec<u64>,
    pub null_mean: Vec<f64>,
    pub pointwise_low: Vec<f64>,
    pub pointwise_high: Vec<f64>,
    pub global_low: Vec<f64>,
    pub global_high: Vec<f64>,
    pub erl_low: Vec<f64>,
    pub erl_high: Vec<f64>,
    /// (announcement, event) pairs in the observed histogram.
    pub pairs: u64,
    /// Observed studentized maximum deviation; `None` if every bin has sd = 0.
    pub t_observed: Option<f64>,
    pub t95: Option<f64>,
    pub p_global: Option<f64>,
    pub p_erl: f64,
    /// Curves in the null set: T when exact, else B + 1 (the data and B random shifts).
    pub shifts: usize,
    pub exact: bool,
}

/// The inclusive range of offsets `o` of bin `b`: `|o| <= H` and
/// `bin_of(o) = b` (half-open bins, the last closed); `None` if empty.
fn offset_range(spec: PethSpec, edges: &[i64], b: usize) -> Option<(i64, i64)> {
    let h = i64::from(spec.half_width);
    let last = edges.len().checked_sub(2)?;
    let lo = edges[b].max(-h);
    let hi = if b == last { edges[b + 1] } else { edges[b + 1] - 1 }.min(h);
    (lo <= hi).then_some((lo, hi))
}

/// A run of `len` consecutive days on the circle of `T` days, starting
/// `first` days after a shift's origin: `len = whole T + rest`.
#[derive(Debug, Clone, Copy)]
struct CircularRun {
    first: i64,
    whole: u64,
    rest: usize,
}

impl CircularRun {
    fn new(first: i64, len: u64, t: usize) -> Self {
        let t = t.max(1) as u64;
        CircularRun { first, whole: len / t, rest: (len % t) as usize }
    }

    /// `sum_{i < len} x[(first - s + i) mod T]` from the running sums `prefix`
    /// of `x` (`prefix[i] = x[0] + ... + x[i - 1]`, `T + 1` entries), in O(1).
    fn sum(&self, prefix: &[u64], s: i64) -> u64 {
        let t = prefix.len() - 1;
        if t == 0 {
            return 0;
        }
        let total = prefix[t];
        // `first - s` is within a period or two of 0 here; rem_euclid only otherwise.
        let period = t as i64;
        let start = match self.first - s {
            f if (0..period).contains(&f) => f,
            f if (-period..0).contains(&f) => f + period,
            f => f.rem_euclid(period),
        } as usize;
        let end = start + self.rest;
        let part = if end <= t {
            prefix[end] - prefix[start]
        } else {
            (total - prefix[start]) + prefix[end - t]
        };
        self.whole * total + part
    }

    /// Adds [`CircularRun::sum`] for every shift `s = 0..T` to `out[s]`, in
    /// a few passes over slices instead of one indexed sum per shift: with
    /// `w[k]` the sum of the `rest` days from day `k` (circularly), the shift
    /// `s` starts at `k = (first - s) mod T`, so `out` takes `w` backwards.
    /// `w` is kept in `window`, reused from call to call.
    fn add_every_shift(&self, prefix: &[u64], out: &mut [u64], window: &mut Vec<u64>) {
        let t = prefix.len() - 1;
        if t == 0 || out.len() != t {
            return;
        }
        let total = prefix[t];
        let base = self.whole * total;
        let rest = self.rest;
        // w[k] = prefix[k + rest] - prefix[k] while the run stays inside the
        // period, else (total - prefix[k]) + prefix[k + rest - T].
        let w = window;
        w.clear();
        w.extend(prefix[rest..=t].iter().zip(&prefix[..=t - rest]).map(|(hi, lo)| hi - lo));
        if rest > 0 {
            let wrapped = prefix[t - rest + 1..t].iter().zip(&prefix[1..rest]);
            w.extend(wrapped.map(|(lo, hi)| total - lo + hi));
        }
        w.truncate(t);
        let first = self.first.rem_euclid(t as i64) as usize;
        // Shifts 0..=first start at first, first - 1, ..., 0; the others at T - 1, ..., first + 1.
        for (slot, &sum) in out[..=first].iter_mut().zip(w[..=first].iter().rev()) {
            *slot += base + sum;
        }
        for (slot, &sum) in out[first + 1..].iter_mut().zip(w[first + 1..].iter().rev()) {
            *slot += base + sum;
        }
    }
}

fn running_sums(x: &[u64]) -> Vec<u64> {
    std::iter::once(0)
        .chain(x.iter().scan(0u64, |sum, &v| {
            *sum += v;
            Some(*sum)
        }))
        .collect()
}

/// The histogram of every shift `s` in `shifts`, one bin at a time: column
/// `b` holds `h_s(b)` for each shift in order, where
///
/// `h_s(b) = sum_E sum_{o in b, 0 <= E + o < T} counts[(E + o - s) mod T]`,
///
/// the (announcement, event) pairs at offset `o` in bin `b` once every
/// announcement day `t` has moved to `(t + s) mod T`; an offset that would put
/// the announcement outside the period does not count (as for the observed
/// histogram). For an event far enough from the ends of the period that every
/// offset within `H` stays inside it, the inner sum runs over whole bins, so
/// with `Q[k] = sum_E counts[(E + k) mod T]` over those events (one exact
/// circular correlation, [`CircularCorrelator`]) each bin of each shift is one
/// difference of running sums of `Q`. The few events near the ends (or outside
/// the period) are added one by one, again by running sums, of `counts`.
/// Cost O(T log T) once, then O(T (1 + e)) per column for `e` events near the
/// ends, instead of one correlation per bin. A column is cheap enough to
/// compute again rather than keep: [`peri_event`] reads each one three times
/// and holds none (52 columns of 10,957 shifts would be 4.5 MB per group).
pub struct ShiftedHistograms<'a> {
    shifts: &'a [usize],
    /// The inclusive offset range of each bin (`None` if empty).
    ranges: Vec<Option<(i64, i64)>>,
    q_sums: Vec<u64>,
    count_sums: Vec<u64>,
    /// Event days whose offsets the ends of the period cut.
    near_ends: Vec<i64>,
    /// `shifts` is `0..T`, every shift in order.
    every_shift: bool,
}

impl<'a> ShiftedHistograms<'a> {
    pub fn new(counts: &[u64], events: &[i64], spec: PethSpec, shifts: &'a [usize]) -> Self {
        let t = counts.len() as i64;
        let edges = spec.edges();
        let ranges: Vec<Option<(i64, i64)>> =
            (0..edges.len() - 1).map(|b| offset_range(spec, &edges, b)).collect();
        let reach_low = ranges.iter().flatten().map(|r| r.0).min().unwrap_or(0);
        let reach_high = ranges.iter().flatten().map(|r| r.1).max().unwrap_or(0);
        let interior = |e: i64| e + reach_low >= 0 && e + reach_high < t;
        // Q[k] = sum_E counts[(E + k) mod T] = r[(T - k) mod T] for
        // r[s] = sum_u counts[u] ev[(u + s) mod T].
        let mut indicator = vec![0u64; counts.len()];
        for &e in events.iter().filter(|&&e| interior(e)) {
            indicator[e as usize] += 1;
        }
        let r = CircularCorrelator::new(counts).correlate(&indicator);
        let q: Vec<u64> = (0..counts.len()).map(|k| r[(counts.len() - k) % counts.len()]).collect();
        let near_ends = events
            .iter()
            .copied()
            .filter(|&e| !interior(e) && e + reach_high >= 0 && e + reach_low < t)
            .collect();
        ShiftedHistograms {
            shifts,
            ranges,
            q_sums: running_sums(&q),
            count_sums: running_sums(counts),
            near_ends,
            every_shift: shifts.len() == counts.len() && shifts.iter().copied().eq(0..counts.len()),
        }
    }

    pub fn bins(&self) -> usize {
        self.ranges.len()
    }

    /// Column `b`: `h_s(b)` for each shift. `window` is scratch space, reused
    /// from call to call.
    pub fn column(&self, b: usize, window: &mut Vec<u64>) -> Vec<u64> {
        let days = self.count_sums.len() - 1;
        let Some(Some((lo, hi))) = self.ranges.get(b).copied() else {
            return vec![0; self.shifts.len()];
        };
        let interior_run = CircularRun::new(lo, (hi - lo + 1) as u64, days);
        let last_day = days as i64 - 1;
        let edge_runs: Vec<CircularRun> = self
            .near_ends
            .iter()
            .filter_map(|&e| {
                let (from, to) = (lo.max(-e), hi.min(last_day - e));
                (from <= to).then(|| CircularRun::new(e + from, (to - from + 1) as u64, days))
            })
            .collect();
        if self.every_shift {
            let mut column = vec![0; self.shifts.len()];
            interior_run.add_every_shift(&self.q_sums, &mut column, window);
            for run in &edge_runs {
                run.add_every_shift(&self.count_sums, &mut column, window);
            }
            return column;
        }
        self.shifts
            .iter()
            .map(|&s| {
                let s = s as i64;
                let edges: u64 = edge_runs.iter().map(|run| run.sum(&self.count_sums, s)).sum();
                interior_run.sum(&self.q_sums, s) + edges
            })
            .collect()
    }

    /// Every column, `columns[b][j]` for `s = shifts[j]` (for the tests;
    /// [`peri_event`] takes one column at a time).
    #[cfg(test)]
    fn columns(&self) -> Vec<Vec<u64>> {
        (0..self.bins()).into_par_iter().map_init(Vec::new, |w, b| self.column(b, w)).collect()
    }
}

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

/// The PETH of one group with its null bands.
///
/// `counts[t]` are announcements per period day, `events` the group's event
/// days (relative to the period start). `random_shifts`: `None` for the exact
/// test over all `T` shifts, or the shifts to use (drawn by the caller).
pub fn peri_event(
    counts: &[u64],
    events: &[i64],
    spec: PethSpec,
    random_shifts: Option<&[usize]>,
) -> Peth {
    let t = counts.len();
    let edges = spec.edges();
    let bins = edges.len() - 1;
    let exact = random_shifts.is_none();
    // Exact: all T shifts (s = 0, the data, among them). Random: the data
    // first, then the B random shifts, so that every statistic below is a
    // symmetric function of all B + 1 curves (exchangeable under the null).
    let shifts: Vec<usize> = match random_shifts {
        None => (0..t).collect(),
        Some(s) => std::iter::once(0).chain(s.iter().copied()).collect(),
    };
    let histograms = ShiftedHistograms::new(counts, events, spec, &shifts);
    // Per bin, from its column of null counts: their distribution (sums and
    // quantiles), every curve's two-sided rank, and the data's count (curve 0).
    let per_bin: Vec<(Distribution, Vec<u32>, u64)> = (0..bins)
        .into_par_iter()
        .map_init(Vec::new, |window, b| {
            let column = histograms.column(b, window);
            let distribution = Distribution::new(&column);
            let ranks = distribution.ranks(&column);
            (distribution, ranks, column.first().copied().unwrap_or(0))
        })
        .collect();
    let observed: Vec<u64> = per_bin.iter().map(|bin| bin.2).collect();
    let (distributions, rank_columns): (Vec<Distribution>, Vec<Vec<u32>>) =
        per_bin.into_iter().map(|(d, r, _)| (d, r)).unzip();
    let pointwise_low: Vec<f64> = distributions.iter().map(|d| d.quantile(0.025)).collect();
    let pointwise_high: Vec<f64> = distributions.iter().map(|d| d.quantile(0.975)).collect();
    // ERL over the same curves: curve 0 is the data (shift 0) either way.
    let p_values = erl_p_values_from_ranks(&rank_columns);
    drop(rank_columns);
    let maxima = StudentizedMaxima::new(
        |b, window| histograms.column(b, window),
        &distributions,
        shifts.len(),
    );
    let (t_observed, t95, p_global) = maxima.test();
    let StudentizedMaxima { mean: null_mean, sd, .. } = maxima;
    let spread = t95.unwrap_or(0.0);
    let global_low = (0..bins).map(|b| null_mean[b] - spread * sd[b]).collect();
    let global_high = (0..bins).map(|b| null_mean[b] + spread * sd[b]).collect();

    let p_erl = p_values.first().copied().unwrap_or(1.0);
    // The ERL envelope: the range of the curves with p > 0.05, bin by bin
    // (the null mean where no curve has).
    let kept: Vec<bool> = p_values.iter().map(|&p| p > 0.05).collect();
    let (erl_low, erl_high): (Vec<f64>, Vec<f64>) = (0..bins)
        .into_par_iter()
        .map_init(Vec::new, |window, b| {
            let mean = null_mean[b];
            let (low, high) = histograms
                .column(b, window)
                .iter()
                .zip(&kept)
                .filter(|(_, &kept)| kept)
                .fold((u64::MAX, 0), |(low, high), (&x, _)| (low.min(x), high.max(x)));
            if low > high {
                (mean, mean)
            } else {
                (low as f64, high as f64)
            }
        })
        .unzip();

    Peth {
        bins: edges.windows(2).map(|w| (w[0], w[1])).collect(),
        pairs: observed.iter().sum(),
        observed,
        null_mean,
        pointwise_low,
        pointwise_high,
        global_low,
        global_high,
        erl_low,
        erl_high,
        t_observed,
        t95,
        p_global,
        p_erl,
        shifts: shifts.len(),
        exact,
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
struct StudentizedMaxima {
    mean: Vec<f64>,
    sd: Vec<f64>,
    /// Each curve's `T_s` as a level: 0 when no bin varies, else from 1 up.
    curve_levels: Vec<u64>,
    /// The value `D / sqrt(V)` of each level (level 0 unused).
    level_values: Vec<f64>,
}

impl StudentizedMaxima {
    /// `column(b, scratch)` gives every curve's count in bin `b`, which
    /// `distributions[b]` summarises.
    fn new(
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
    fn test(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
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

/// ERL p-values of a set of curves, given bin by bin (`columns[b][i]` is
/// curve `i` in bin `b`): for each curve, the share of curves whose sorted
/// vector of two-sided pointwise ranks is lexicographically at most its own
/// (smaller ranks = more extreme).
///
/// The two-sided rank of curve `i` in bin `b` is
/// `min(#{j : h_j(b) <= h_i(b)}, #{j : h_j(b) >= h_i(b)})`.
pub fn erl_p_values(columns: &[Vec<u64>]) -> Vec<f64> {
    let ranks: Vec<Vec<u32>> = columns.par_iter().map(|c| Distribution::new(c).ranks(c)).collect();
    erl_p_values_from_ranks(&ranks)
}

/// [`erl_p_values`] from the two-sided ranks, bin by bin.
fn erl_p_values_from_ranks(rank_columns: &[Vec<u32>]) -> Vec<f64> {
    let bins = rank_columns.len();
    let n = rank_columns.first().map_or(0, Vec::len);
    if bins == 0 || n == 0 {
        return vec![1.0; n];
    }
    // Each curve's ranks, sorted: row i is ranks[i * bins..(i + 1) * bins].
    // A block of curves at a time is sorted by one sorting network applied to
    // all of them at once (each compare-exchange a pass over the block), which
    // the compiler turns into vector min/max, where sorting each curve on its
    // own branches on every comparison. The network is for the next power of
    // two; padding elements would hold u32::MAX and never move, so the
    // compare-exchanges that touch them are left out.
    let network: Vec<(usize, usize)> = odd_even_merge_network(bins.next_power_of_two())
        .into_iter()
        .filter(|&(_, b)| b < bins)
        .collect();
    let mut ranks = vec![0u32; n * bins];
    ranks.par_chunks_mut(bins * CURVES_PER_NETWORK).enumerate().for_each(|(block, rows)| {
        let first = block * CURVES_PER_NETWORK;
        let lanes = rows.len() / bins;
        // Element e of curve first + k at lane_major[e * lanes + k].
        let mut lane_major = vec![0u32; bins * lanes];
        for (e, column) in rank_columns.iter().enumerate() {
            lane_major[e * lanes..(e + 1) * lanes].copy_from_slice(&column[first..first + lanes]);
        }
        for &(a, b) in &network {
            let (low, high) = lane_major.split_at_mut(b * lanes);
            let pairs = low[a * lanes..(a + 1) * lanes].iter_mut().zip(&mut high[..lanes]);
            for (x, y) in pairs {
                let (small, large) = ((*x).min(*y), (*x).max(*y));
                *x = small;
                *y = large;
            }
        }
        for (k, row) in rows.chunks_exact_mut(bins).enumerate() {
            for (e, slot) in row.iter_mut().enumerate() {
                *slot = lane_major[e * lanes + k];
            }
        }
    });
    let row = |i: usize| &ranks[i * bins..(i + 1) * bins];
    let mut order: Vec<usize> = (0..n).collect();
    order.par_sort_unstable_by(|&a, &b| row(a).cmp(row(b)));
    // p = #{curves whose rank vector is at most this one's} / n: the curves
    // before this run of ties, and the run itself.
    let mut p = vec![0.0; n];
    let mut at_most = 0;
    for run in order.chunk_by(|&a, &b| row(a) == row(b)) {
        at_most += run.len();
        for &k in run {
            p[k] = at_most as f64 / n as f64;
        }
    }
    p
}

/// Curves sorted together by one pass of the sorting network.
const CURVES_PER_NETWORK: usize = 256;

/// The compare-exchanges `(i, j)`, `i < j`, of Batcher's odd-even merge sort
/// of `m` elements (`m` a power of two): applied in order, each putting the
/// smaller of elements `i` and `j` at `i`, they sort any input.
fn odd_even_merge_network(m: usize) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut p = 1;
    while p < m {
        let mut k = p;
        while k >= 1 {
            let mut j = k % p;
            while j + k < m {
                for i in 0..k.min(m - j - k) {
                    if (i + j) / (2 * p) == (i + j + k) / (2 * p) {
                        pairs.push((i + j, i + j + k));
                    }
                }
                j += 2 * k;
            }
            k /= 2;
        }
        p *= 2;
    }
    pairs
}

/// The distribution of one bin's null counts over the curves, for order
/// statistics and ranks. Counts of announcements span a short range, so it is
/// usually a cumulative table of the values, built in O(n + span) where
/// sorting would cost O(n log n); a sorted copy otherwise.
enum Distribution {
    /// `at_most[v]`: curves with a count of at most `min + v`.
    Table {
        min: u64,
        at_most: Vec<usize>,
    },
    Sorted(Vec<u64>),
}

impl Distribution {
    fn new(column: &[u64]) -> Self {
        let n = column.len();
        let (min, max) = column.iter().fold((u64::MAX, 0), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let span = usize::try_from(max.saturating_sub(min)).unwrap_or(usize::MAX);
        if n == 0 || span > 4 * n {
            let mut sorted = column.to_vec();
            sorted.sort_unstable();
            return Distribution::Sorted(sorted);
        }
        let mut at_most = vec![0usize; span + 1];
        for &x in column {
            at_most[(x - min) as usize] += 1;
        }
        for v in 1..=span {
            at_most[v] += at_most[v - 1];
        }
        Distribution::Table { min, at_most }
    }

    /// The distinct counts, ascending.
    fn values(&self) -> Vec<u64> {
        match self {
            Distribution::Table { min, at_most } => {
                let mut below = 0;
                let mut values = Vec::new();
                for (v, &upto) in at_most.iter().enumerate() {
                    if upto > below {
                        values.push(min + v as u64);
                    }
                    below = upto;
                }
                values
            }
            Distribution::Sorted(sorted) => {
                let mut values = sorted.clone();
                values.dedup();
                values
            }
        }
    }

    /// `S1 = sum_j h_j` and `S2 = sum_j h_j^2`, exactly.
    fn sums(&self) -> (u128, u128) {
        let square = |x: u128| x * x;
        match self {
            Distribution::Table { min, at_most } => {
                let mut below = 0;
                let (mut s1, mut s2) = (0u128, 0u128);
                for (v, &upto) in at_most.iter().enumerate() {
                    let (value, times) = (u128::from(min + v as u64), (upto - below) as u128);
                    s1 += value * times;
                    s2 += square(value) * times;
                    below = upto;
                }
                (s1, s2)
            }
            Distribution::Sorted(sorted) => (
                sorted.iter().map(|&x| u128::from(x)).sum(),
                sorted.iter().map(|&x| square(u128::from(x))).sum(),
            ),
        }
    }

    fn len(&self) -> usize {
        match self {
            Distribution::Table { at_most, .. } => at_most.last().copied().unwrap_or(0),
            Distribution::Sorted(sorted) => sorted.len(),
        }
    }

    /// The `k`-th smallest count (0-based), `k < len`.
    fn order_statistic(&self, k: usize) -> u64 {
        match self {
            Distribution::Table { min, at_most } => {
                min + at_most.partition_point(|&c| c <= k) as u64
            }
            Distribution::Sorted(sorted) => sorted.get(k).copied().unwrap_or(0),
        }
    }

    /// `#{j : h_j <= x}` and `#{j : h_j < x}`.
    fn counts_around(&self, x: u64) -> (usize, usize) {
        match self {
            Distribution::Table { min, at_most } => {
                let upto = |v: u64| -> usize {
                    // #{j : h_j <= v}
                    if v < *min {
                        return 0;
                    }
                    let i = usize::try_from(v - min).unwrap_or(usize::MAX).min(at_most.len() - 1);
                    at_most[i]
                };
                (upto(x), if x == 0 { 0 } else { upto(x - 1) })
            }
            Distribution::Sorted(sorted) => {
                (sorted.partition_point(|&v| v <= x), sorted.partition_point(|&v| v < x))
            }
        }
    }

    /// The type-7 quantile (as [`quantile_sorted`]); 0 for no curves.
    fn quantile(&self, q: f64) -> f64 {
        quantile_of_order_statistics(self.len(), q, |k| self.order_statistic(k) as f64)
            .unwrap_or(0.0)
    }

    /// Each count's two-sided rank, `min(#{h_j <= x}, #{h_j >= x})`; from a
    /// table of the rank of every value in the span when there is one.
    fn ranks(&self, column: &[u64]) -> Vec<u32> {
        let n = self.len();
        let rank = |x: u64| {
            let (at_most, below) = self.counts_around(x);
            at_most.min(n - below) as u32
        };
        match self {
            Distribution::Table { min, at_most } => {
                let by_value: Vec<u32> = (0..at_most.len() as u64).map(|v| rank(min + v)).collect();
                column
                    .iter()
                    .map(|&x| {
                        let i = x.checked_sub(*min).and_then(|i| usize::try_from(i).ok());
                        i.and_then(|i| by_value.get(i).copied()).unwrap_or_else(|| rank(x))
                    })
                    .collect()
            }
            Distribution::Sorted(_) => column.iter().map(|&x| rank(x)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, one correlation per bin (the former implementation).
    /// `kernel[u]`: event days `E` with `u - E` in bin `bin`, for each period day
    /// `u`. Events are day indices relative to the period start and may lie
    /// outside it.
    fn kernel(
        events: &[i64],
        period_days: usize,
        spec: PethSpec,
        edges: &[i64],
        bin: usize,
    ) -> Vec<u64> {
        let h = i64::from(spec.half_width);
        let mut kernel = vec![0u64; period_days];
        let (lo, hi) = (edges[bin].max(-h), edges[bin + 1].min(h));
        for &e in events {
            for offset in lo..=hi {
                let u = e + offset;
                if (0..period_days as i64).contains(&u) && spec.bin_of(offset, edges) == Some(bin) {
                    kernel[u as usize] += 1;
                }
            }
        }
        kernel
    }

    #[test]
    fn running_sums_give_the_histogram_of_every_shift_as_the_definition() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        // Events inside, near both ends and outside the period; H below and above T.
        for (t, h, bin_days) in [
            (400usize, 30u32, 7u32),
            (97, 14, 3),
            (50, 60, 7),
            (365, 182, 7),
            (7, 14, 7),
            (1, 3, 2),
        ] {
            let counts: Vec<u64> = (0..t).map(|_| rng.random_range(0..4u64)).collect();
            let events: Vec<i64> = (0..12).map(|_| rng.random_range(-80..t as i64 + 80)).collect();
            let spec = PethSpec { half_width: h, bin_days };
            let edges = spec.edges();
            let shifts: Vec<usize> = (0..t).collect();
            let fast = ShiftedHistograms::new(&counts, &events, spec, &shifts).columns();
            // Some of the shifts, in any order (the path taken for random shifts).
            let some: Vec<usize> = (0..t).rev().step_by(3).collect();
            let some_fast = ShiftedHistograms::new(&counts, &events, spec, &some).columns();
            let correlator = CircularCorrelator::new(&counts);
            for (b, column) in fast.iter().enumerate() {
                let expected = correlator.correlate(&kernel(&events, t, spec, &edges, b));
                assert_eq!(column, &expected, "T = {t}, H = {h}, bin {b}");
                let expected_some: Vec<u64> = some.iter().map(|&s| expected[s]).collect();
                assert_eq!(some_fast[b], expected_some, "T = {t}, H = {h}, bin {b}, some shifts");
            }
        }
    }

    #[test]
    fn bins_follow_numpy_histogram_edges() {
        let spec = PethSpec { half_width: 10, bin_days: 7 };
        let edges = spec.edges();
        assert_eq!(edges, [-14, -7, 0, 7, 14]);
        assert_eq!(spec.bin_of(-1, &edges), Some(1));
        assert_eq!(spec.bin_of(0, &edges), Some(2));
        assert_eq!(spec.bin_of(10, &edges), Some(3));
        assert_eq!(spec.bin_of(11, &edges), None, "beyond H");
        let closed = PethSpec { half_width: 14, bin_days: 7 };
        assert_eq!(closed.bin_of(14, &closed.edges()), Some(3), "the last bin is closed");
    }

    #[test]
    fn the_exact_null_mean_is_the_average_over_all_shifts() {
        let mut counts = vec![0u64; 50];
        counts[10] = 2;
        counts[30] = 1;
        let peth = peri_event(&counts, &[12, 40], PethSpec { half_width: 7, bin_days: 7 }, None);
        // Day 10 is 2 days before the event on day 12; nothing else is within 7 days.
        assert_eq!(peth.observed, [2, 0]);
        // Expected: 3 announcements x days covered by each bin / 50 days; the
        // bin [-7, 0) covers 7 days per event, the closed bin [0, 7] covers 8.
        let expected = [3.0 * 14.0 / 50.0, 3.0 * 16.0 / 50.0];
        for (m, e) in peth.null_mean.iter().zip(expected) {
            assert!((m - e).abs() < 1e-12, "{m} vs {e}");
        }
        assert!(peth.exact && peth.shifts == 50);
        assert!(peth.p_erl > 0.0 && peth.p_erl <= 1.0);
    }

    #[test]
    fn random_shifts_give_a_valid_monte_carlo_p_value() {
        let mut counts = vec![0u64; 200];
        for day in [5, 6, 50, 120, 121, 122, 180] {
            counts[day] = 1;
        }
        let shifts: Vec<usize> = (1..100).map(|k| (k * 37) % 200).collect();
        let peth =
            peri_event(&counts, &[7, 123], PethSpec { half_width: 14, bin_days: 7 }, Some(&shifts));
        assert!(!peth.exact);
        assert_eq!(peth.shifts, 100, "the data and 99 random shifts");
        let p = peth.p_global.unwrap();
        assert!((1.0 / 100.0..=1.0).contains(&p), "{p}");
        assert!(peth.p_erl >= 1.0 / 100.0 && peth.p_erl <= 1.0);
    }

    #[test]
    fn the_table_of_counts_gives_the_quantiles_and_ranks_of_sorting() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        // Short spans use the table; a wide one (span > 4n) uses sorting.
        for (n, span) in [(1usize, 3u64), (7, 2), (500, 40), (500, 100_000), (64, 0)] {
            let column: Vec<u64> = (0..n).map(|_| 5 + rng.random_range(0..=span)).collect();
            let distribution = Distribution::new(&column);
            assert_eq!(matches!(distribution, Distribution::Table { .. }), span <= 4 * n as u64);
            let mut sorted = column.clone();
            sorted.sort_unstable();
            let as_f64: Vec<f64> = sorted.iter().map(|&x| x as f64).collect();
            for q in [0.0, 0.025, 0.5, 0.975, 1.0] {
                assert_eq!(
                    distribution.quantile(q).to_bits(),
                    quantile_sorted(&as_f64, q).unwrap().to_bits(),
                    "n = {n}, span = {span}, q = {q}"
                );
            }
            let by_search: Vec<u32> = column
                .iter()
                .map(|&x| {
                    let low = sorted.partition_point(|&v| v <= x);
                    let high = n - sorted.partition_point(|&v| v < x);
                    low.min(high) as u32
                })
                .collect();
            assert_eq!(distribution.ranks(&column), by_search, "n = {n}, span = {span}");
            let s1: u128 = column.iter().map(|&x| u128::from(x)).sum();
            let s2: u128 = column.iter().map(|&x| u128::from(x) * u128::from(x)).sum();
            assert_eq!(distribution.sums(), (s1, s2), "n = {n}, span = {span}");
        }
    }

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

    #[test]
    fn the_odd_even_merge_network_sorts_every_input() {
        // By the 0-1 principle, a network that sorts every 0-1 input sorts everything.
        for m in [1usize, 2, 4, 8, 16] {
            let network = odd_even_merge_network(m);
            for bits in 0u32..(1 << m) {
                let mut x: Vec<u32> = (0..m).map(|i| (bits >> i) & 1).collect();
                for &(a, b) in &network {
                    assert!(a < b && b < m);
                    if x[a] > x[b] {
                        x.swap(a, b);
                    }
                }
                assert!(x.windows(2).all(|w| w[0] <= w[1]), "m = {m}, input {bits:b}");
            }
        }
        assert_eq!(odd_even_merge_network(64).len(), 543, "Batcher's count for 64 inputs");
    }

    #[test]
    fn erl_p_values_follow_the_definition_with_many_ties() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(17);
        for (n, bins, values) in [(300usize, 7usize, 4u64), (200, 2, 3), (150, 52, 6), (50, 5, 1)] {
            let columns: Vec<Vec<u64>> =
                (0..bins).map(|_| (0..n).map(|_| rng.random_range(0..values)).collect()).collect();
            // Brute force: each curve's sorted two-sided ranks, compared pairwise.
            let rank = |b: usize, x: u64| {
                let low = columns[b].iter().filter(|&&v| v <= x).count();
                let high = columns[b].iter().filter(|&&v| v >= x).count();
                low.min(high)
            };
            let rows: Vec<Vec<usize>> = (0..n)
                .map(|i| {
                    let mut row: Vec<usize> = (0..bins).map(|b| rank(b, columns[b][i])).collect();
                    row.sort_unstable();
                    row
                })
                .collect();
            let expected: Vec<f64> = (0..n)
                .map(|i| rows.iter().filter(|r| *r <= &rows[i]).count() as f64 / n as f64)
                .collect();
            assert_eq!(erl_p_values(&columns), expected, "n = {n}, bins = {bins}");
        }
    }

    #[test]
    fn erl_ranks_put_the_most_extreme_curve_first() {
        // Five curves over two bins, given bin by bin: (9, 9), (1, 2), (2, 1), (1, 1), (2, 2).
        let columns = vec![vec![9, 1, 2, 1, 2], vec![9, 2, 1, 1, 2]];
        let p = erl_p_values(&columns);
        assert_eq!(p[0], 0.2, "the outlying curve alone is the most extreme");
        assert!(p.iter().all(|&x| x > 0.0 && x <= 1.0));
    }
}
