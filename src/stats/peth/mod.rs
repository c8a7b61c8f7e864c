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
//! bins T) in all (see [`ShiftedHistograms`]). Otherwise the data and `B`
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
//! `T_s` ties across shifts are common. They are decided exactly (in
//! `studentized`, from integer sums, comparing `D^2 / V` by
//! cross-multiplication), never by floating-point noise, which can swing the
//! global p-value a long way.
//!
//! One concern per file: this one holds the bin layout ([`PethSpec`]) and
//! [`peri_event`], which puts the [`Peth`] together; `histograms` computes
//! the histogram of every shift ([`ShiftedHistograms`]), `studentized` the
//! studentized maxima with their exact ties, and `erl` the ERL p-values
//! ([`erl_p_values`]). The per-bin count tables they share live in
//! `stats::distribution`, beside the type-7 quantile.
//!
//! References: M. Myllymaki, T. Mrkvicka, P. Grabarnik, H. Seijo and
//! U. Hahn (2017), "Global envelope tests for spatial processes", *J. R.
//! Statist. Soc. B* 79, 381-404; A. Baddeley et al. (2014), "On tests of
//! spatial pattern based on simulation envelopes", *Ecological Monographs*
//! 84, 477-489.

mod erl;
mod histograms;
mod studentized;

use rayon::prelude::*;

use crate::stats::distribution::Distribution;
use erl::erl_p_values_from_ranks;
use studentized::StudentizedMaxima;

pub use erl::erl_p_values;
pub use histograms::ShiftedHistograms;

/// Histogram layout: half-width `H` and bin width, both in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PethSpec {
    pub half_width: u32,
    pub bin_days: u32,
}

impl PethSpec {
    /// The default layout: half a year either side of an event, in weeks.
    pub const DEFAULT: PethSpec = PethSpec { half_width: 182, bin_days: 7 };

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
