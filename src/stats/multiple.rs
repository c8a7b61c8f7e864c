//! Adjusting p-values for multiple testing over one family of tests.
//!
//! Holm (1979) controls the family-wise error rate (the chance of any false
//! positive); Benjamini and Hochberg (1995) control the false discovery rate
//! (the expected share of false positives among the rejections). Both match
//! R's `p.adjust` and statsmodels' `multipletests` (`holm`, `fdr_bh`).
//!
//! References: S. Holm (1979), *Scand. J. Statist.* 6, 65-70;
//! Y. Benjamini and Y. Hochberg (1995), *J. R. Statist. Soc. B* 57, 289-300.

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
}
