//! Sample quantiles, type 7 of Hyndman and Fan (1996): linear interpolation
//! between order statistics, the default of R's `quantile` and numpy's
//! `percentile`. (statrs' `quantile` is type 8, which is why this exists.)
//!
//! Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in
//! statistical packages", *The American Statistician* 50(4), 361-365.

/// The type-7 quantile of an ascending, non-empty sample, for `q` in `[0, 1]`:
/// with `h = (n - 1) q`, `Q(q) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])`
/// (0-based order statistics).
///
/// Returns `None` for an empty sample or `q` outside `[0, 1]`.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    quantile_of_order_statistics(sorted.len(), q, |k| sorted[k])
}

/// [`quantile_sorted`] of a sample of `n` values given by its order
/// statistics, `order_statistic(k)` the `k`-th smallest (0-based): for samples
/// held as a table of counts rather than sorted. Only two are asked for.
pub fn quantile_of_order_statistics(
    n: usize,
    q: f64,
    order_statistic: impl Fn(usize) -> f64,
) -> Option<f64> {
    if n == 0 || !(0.0..=1.0).contains(&q) {
        return None;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    let (x_lo, x_hi) = (order_statistic(lo), order_statistic(hi));
    Some(x_lo + frac * (x_hi - x_lo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_seven_matches_numpy_percentile() {
        // numpy.percentile([1, 2, 4, 7, 11], [25, 50, 75, 10]) = [2, 4, 7, 1.4]
        let x = [1.0, 2.0, 4.0, 7.0, 11.0];
        assert_eq!(quantile_sorted(&x, 0.25), Some(2.0));
        assert_eq!(quantile_sorted(&x, 0.5), Some(4.0));
        assert_eq!(quantile_sorted(&x, 0.75), Some(7.0));
        assert!((quantile_sorted(&x, 0.1).unwrap() - 1.4).abs() < 1e-12);
        assert_eq!(quantile_sorted(&[3.0], 0.9), Some(3.0));
        assert_eq!(quantile_sorted(&[], 0.5), None);
    }
}
