//! The histogram of every circular shift of the announcements, for the
//! PETH's null model, from one correlation instead of one per bin.
//!
//! Null model (see [the parent module](super)): the announcement days rotate
//! together around the circle of `T` period days, day `t` to `(t + s) mod T`
//! for the shift `s`, while the events stay put. Shift `s` gives the histogram
//!
//! `h_s(b) = sum_E sum_{o in b, 0 <= E + o < T} counts[(E + o - s) mod T]`
//!
//! (an offset that would put the announcement outside the period does not
//! count, as for the observed histogram, which is shift 0). One circular
//! correlation per bin would cost O(bins T log T). Instead, for the events
//! whose offsets within `H` all stay inside the period, one correlation gives
//! `Q[k] = sum_E counts[(E + k) mod T]`, and every bin of every shift is one
//! difference of running sums of `Q` (a [`CircularRun`]); the few events near
//! the ends of the period are added one by one, by running sums of `counts`.
//! [`ShiftedHistograms`] states the cost.

use super::{offset_range, PethSpec};
use crate::stats::correlate::CircularCorrelator;

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
/// compute again rather than keep: [`peri_event`](super::peri_event) reads
/// each one three times and holds none (52 columns of 10,957 shifts would be
/// 4.5 MB per group).
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
    /// [`peri_event`](super::peri_event) takes one column at a time).
    #[cfg(test)]
    fn columns(&self) -> Vec<Vec<u64>> {
        use rayon::prelude::*;
        (0..self.bins()).into_par_iter().map_init(Vec::new, |w, b| self.column(b, w)).collect()
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
}
