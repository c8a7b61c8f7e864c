//! The distribution of a column of counts (one PETH bin over all its null
//! curves, or the curves' studentized maxima as levels): order statistics,
//! type-7 quantiles, two-sided ranks and exact sums.
//!
//! Why it exists: the peri-event histogram asks of each bin, over thousands of
//! curves, the pointwise 2.5%/97.5% quantiles, every curve's two-sided rank
//! `min(#{j : h_j <= x}, #{j : h_j >= x})`, the distinct counts and the exact
//! sums `S1 = sum_j h_j` and `S2 = sum_j h_j^2`. Counts of announcements span
//! a short range, so a cumulative table `at_most[v] = #{j : h_j <= min + v}`,
//! built in O(n + span), answers all of them where sorting would cost
//! O(n log n); a column whose span exceeds `4 n` is sorted instead. The
//! quantile is the one type-7 formula of [`super::quantile`], asked for two
//! order statistics.

use super::quantile::quantile_of_order_statistics;

/// The distribution of one bin's null counts over the curves, for order
/// statistics and ranks. Counts of announcements span a short range, so it is
/// usually a cumulative table of the values, built in O(n + span) where
/// sorting would cost O(n log n); a sorted copy otherwise.
pub(super) enum Distribution {
    /// `at_most[v]`: curves with a count of at most `min + v`.
    Table {
        min: u64,
        at_most: Vec<usize>,
    },
    Sorted(Vec<u64>),
}

impl Distribution {
    pub(super) fn new(column: &[u64]) -> Self {
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
    pub(super) fn values(&self) -> Vec<u64> {
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
    pub(super) fn sums(&self) -> (u128, u128) {
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

    pub(super) fn len(&self) -> usize {
        match self {
            Distribution::Table { at_most, .. } => at_most.last().copied().unwrap_or(0),
            Distribution::Sorted(sorted) => sorted.len(),
        }
    }

    /// The `k`-th smallest count (0-based), `k < len`.
    pub(super) fn order_statistic(&self, k: usize) -> u64 {
        match self {
            Distribution::Table { min, at_most } => {
                min + at_most.partition_point(|&c| c <= k) as u64
            }
            Distribution::Sorted(sorted) => sorted.get(k).copied().unwrap_or(0),
        }
    }

    /// `#{j : h_j <= x}` and `#{j : h_j < x}`.
    pub(super) fn counts_around(&self, x: u64) -> (usize, usize) {
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

    /// The type-7 quantile (as [`quantile_sorted`](super::quantile::quantile_sorted));
    /// 0 for no curves.
    pub(super) fn quantile(&self, q: f64) -> f64 {
        quantile_of_order_statistics(self.len(), q, |k| self.order_statistic(k) as f64)
            .unwrap_or(0.0)
    }

    /// Each count's two-sided rank, `min(#{h_j <= x}, #{h_j >= x})`; from a
    /// table of the rank of every value in the span when there is one.
    pub(super) fn ranks(&self, column: &[u64]) -> Vec<u32> {
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
    use crate::stats::quantile::quantile_sorted;

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
}
