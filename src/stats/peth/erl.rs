//! Extreme rank length (ERL) p-values: the ordering of curves behind the
//! PETH's second global envelope (Myllymaki et al. 2017, the default of the
//! GET package).
//!
//! The two-sided pointwise rank of curve `i` in bin `b`,
//! `R_i(b) = min(#{j : h_j(b) <= h_i(b)}, #{j : h_j(b) >= h_i(b)})`, is small
//! where the curve is extreme. Each curve's ranks, sorted ascending, form its
//! rank vector; the curves are ordered by these vectors lexicographically, the
//! most extreme first, and curve `i`'s p-value is
//! `p_i = #{j : rank vector of j <= rank vector of i} / n`. Under the null
//! model (circular shifts, see [the parent module](super)) the data is
//! exchangeable with the other curves, so its `p` is valid; the ERL envelope
//! is the range, bin by bin, of the curves with `p > 0.05`
//! ([`peri_event`](super::peri_event)).
//!
//! Sorting each curve's ranks is most of the work (52 bins for each of up to
//! `T` curves), so a block of curves is sorted at once by one Batcher odd-even
//! merge sorting network, whose compare-exchanges vectorise.
//!
//! Reference: M. Myllymaki, T. Mrkvicka, P. Grabarnik, H. Seijo and U. Hahn
//! (2017), "Global envelope tests for spatial processes", *J. R. Statist.
//! Soc. B* 79, 381-404.

use rayon::prelude::*;

use crate::stats::distribution::Distribution;

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
pub(super) fn erl_p_values_from_ranks(rank_columns: &[Vec<u32>]) -> Vec<f64> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
