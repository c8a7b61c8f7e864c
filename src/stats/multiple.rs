//! Adjusting p-values for multiple testing over one family of tests.
//!
//! Holm (1979) controls the family-wise error rate (the chance of any false
//! positive); Benjamini and Hochberg (1995) control the false discovery rate
//! (the expected share of false positives among the rejections). Both match
//! R's `p.adjust` and statsmodels' `multipletests` (`holm`, `fdr_bh`).
//!
//! Both treat the tests as if nothing were known of how they depend on one
//! another. The window tests are nested (a 7-day window lies inside the
//! 14-day one) and share one null (the same `T` shifts of the same record),
//! so [`min_p_adjusted`] uses that null itself: the single-step min-p
//! adjustment of Westfall and Young, exact over the `T` shifts, which
//! controls the family-wise error rate as Holm does without its penalty for
//! tests that are nearly the same test.
//!
//! References: S. Holm (1979), *Scand. J. Statist.* 6, 65-70;
//! Y. Benjamini and Y. Hochberg (1995), *J. R. Statist. Soc. B* 57, 289-300;
//! P. H. Westfall and S. S. Young (1993), *Resampling-Based Multiple
//! Testing*, Wiley, section 2.6 (single-step min-p).

/// Holm step-down adjusted p-values, in input order:
/// `p~(i) = max_{j <= i} min(1, (m - j + 1) p(j))` over the ascending order.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let order = ascending_order(p);
    let mut adjusted = vec![0.0; m];
    let mut running_max: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        let value = ((m - rank) as f64 * p[i]).min(1.0);
        running_max = running_max.max(value);
        adjusted[i] = running_max;
    }
    adjusted
}

/// Benjamini-Hochberg step-up adjusted p-values, in input order:
/// `p~(i) = min_{j >= i} min(1, m p(j) / j)` over the ascending order.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let order = ascending_order(p);
    let mut adjusted = vec![0.0; m];
    let mut running_min: f64 = 1.0;
    for (rank, &i) in order.iter().enumerate().rev() {
        let value = (m as f64 * p[i] / (rank + 1) as f64).min(1.0);
        running_min = running_min.min(value);
        adjusted[i] = running_min;
    }
    adjusted
}

/// The exact single-step min-p adjustment over `T` shifts shared by every
/// test of the family. `totals[k][s]` is test `k`'s statistic `X_k(s)` under
/// shift `s` (shift 0 the observed arrangement); larger is more extreme.
///
/// With `p_k(s) = #{s' : X_k(s') >= X_k(s)} / T`, the adjusted p-value of
/// test `k` is `#{s : min_j p_j(s) <= p_k(0)} / T`: how often the most
/// extreme test of the family, under the null, is at least as extreme as
/// test `k` is in the data. Cost O(m T log T) (a sort per test). Every test
/// must have the same `T`; an empty family gives an empty result.
pub fn min_p_adjusted(totals: &[Vec<u64>]) -> Vec<f64> {
    let shifts = totals.first().map_or(0, Vec::len);
    // min_j #{s' : X_j(s') >= X_j(s)} for each s, kept as counts.
    let mut min_count = vec![usize::MAX; shifts];
    let mut observed_count = Vec::with_capacity(totals.len());
    for x in totals {
        debug_assert_eq!(x.len(), shifts);
        let mut sorted = x.clone();
        sorted.sort_unstable();
        // #{s' : X(s') >= v} = shifts - (number of values below v).
        let at_least = |v: u64| shifts - sorted.partition_point(|&y| y < v);
        for (m, &v) in min_count.iter_mut().zip(x) {
            *m = (*m).min(at_least(v));
        }
        observed_count.push(x.first().map_or(shifts, |&v| at_least(v)));
    }
    min_count.sort_unstable();
    observed_count
        .iter()
        .map(|&k| min_count.partition_point(|&m| m <= k) as f64 / shifts.max(1) as f64)
        .collect()
}

fn ascending_order(p: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holm_and_bh_match_r_p_adjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        //    p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")   = 0.02 0.04 0.04 0.02
        let p = [0.01, 0.04, 0.03, 0.005];
        let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-15);
        assert!(close(&holm(&p), &[0.03, 0.06, 0.06, 0.02]), "{:?}", holm(&p));
        assert!(close(&benjamini_hochberg(&p), &[0.02, 0.04, 0.04, 0.02]));
    }

    #[test]
    fn adjusted_values_never_fall_below_raw_or_exceed_one() {
        let p = [0.9, 0.5, 0.001, 1.0, 0.2];
        for adjusted in [holm(&p), benjamini_hochberg(&p)] {
            for (a, raw) in adjusted.iter().zip(p) {
                assert!(*a >= raw && *a <= 1.0);
            }
        }
        assert!(holm(&[]).is_empty());
    }

    /// The definition, literally: O(m T^2).
    fn min_p_brute_force(totals: &[Vec<u64>]) -> Vec<f64> {
        let t = totals[0].len();
        let p = |x: &[u64], s: usize| x.iter().filter(|&&y| y >= x[s]).count();
        let min_p: Vec<usize> =
            (0..t).map(|s| totals.iter().map(|x| p(x, s)).min().unwrap()).collect();
        totals
            .iter()
            .map(|x| min_p.iter().filter(|&&m| m <= p(x, 0)).count() as f64 / t as f64)
            .collect()
    }

    #[test]
    fn min_p_matches_its_definition() {
        // Nested windows of one record: shifted sums of the same counts.
        let counts = [3u64, 0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 4, 0, 1, 0, 0, 0];
        let t = counts.len();
        let family: Vec<Vec<u64>> = [1usize, 2, 4, 7]
            .iter()
            .map(|&w| (0..t).map(|s| (0..w).map(|d| counts[(s + d) % t]).sum()).collect())
            .collect();
        assert_eq!(min_p_adjusted(&family), min_p_brute_force(&family));
        // A single test is its own adjustment; an identical copy costs nothing.
        let one = min_p_adjusted(&family[..1]);
        let p0 = family[0].iter().filter(|&&y| y >= family[0][0]).count() as f64 / t as f64;
        assert_eq!(one, [p0]);
        let twice = min_p_adjusted(&[family[0].clone(), family[0].clone()]);
        assert_eq!(twice, [p0, p0]);
        assert!(min_p_adjusted(&[]).is_empty());
    }

    #[test]
    fn min_p_lies_between_the_raw_p_and_bonferroni() {
        let family: Vec<Vec<u64>> = vec![
            vec![5, 1, 0, 2, 3, 0, 1, 4],
            vec![0, 2, 6, 1, 0, 3, 1, 0],
            vec![2, 2, 2, 1, 0, 0, 5, 1],
        ];
        for (x, adjusted) in family.iter().zip(min_p_adjusted(&family)) {
            let raw = x.iter().filter(|&&y| y >= x[0]).count() as f64 / x.len() as f64;
            assert!(adjusted >= raw && adjusted <= (3.0 * raw).min(1.0), "{raw} {adjusted}");
        }
    }
}
