//! How long announcements were held back: the delay from defection to
//! announcement, summarised per category and overall.
//!
//! Only rows whose defection date is known to the day enter the summary; a
//! month- or year-precise date (stored as the first day of that month or
//! year) would bias the delay by up to a year.
//!
//! The median's 95% interval is a percentile bootstrap (Efron and Tibshirani
//! 1993, ch. 13): resample the delays with replacement `B` times, take each
//! resample's median, and report the 2.5% and 97.5% type-7 quantiles of those
//! medians. Draws come from [`crate::sim`], seeded and thread-independent.
//!
//! Reference: B. Efron and R. J. Tibshirani (1993), *An Introduction to the
//! Bootstrap*, Chapman & Hall.

use std::collections::BTreeMap;

use super::quantile::quantile_sorted;
use crate::model::Announcement;

/// Category label of the row that summarises every category.
pub const ALL: &str = "ALL";

/// One row of `delay_summary.csv`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DelaySummary {
    pub category: String,
    pub n: usize,
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    pub mean: f64,
    /// Percentile-bootstrap 95% interval of the median.
    pub median_ci_low: f64,
    pub median_ci_high: f64,
}

/// The five-number summary and mean of a non-empty sample, before the bootstrap.
pub fn describe(category: &str, delays: &[f64]) -> Option<DelaySummary> {
    let mut sorted = delays.to_vec();
    sorted.sort_by(f64::total_cmp);
    let q = |p| quantile_sorted(&sorted, p);
    Some(DelaySummary {
        category: category.to_string(),
        n: sorted.len(),
        min: *sorted.first()?,
        q1: q(0.25)?,
        median: q(0.5)?,
        q3: q(0.75)?,
        max: *sorted.last()?,
        mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
        median_ci_low: f64::NAN,
        median_ci_high: f64::NAN,
    })
}

/// Day-precise delays grouped as the summary reports them: `ALL` first, then
/// each category in alphabetical order. Each list is sorted, so that the
/// bootstrap (which resamples by index) does not depend on the row order.
pub fn delays_by_category(announcements: &[Announcement]) -> Vec<(String, Vec<f64>)> {
    let mut by_category: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut all = Vec::new();
    for a in announcements {
        if let Some(delay) = a.day_precise_delay() {
            all.push(delay as f64);
            by_category.entry(&a.category).or_default().push(delay as f64);
        }
    }
    let mut groups = vec![(ALL.to_string(), all)];
    groups.extend(by_category.into_iter().map(|(k, v)| (k.to_string(), v)));
    groups.retain(|(_, v)| !v.is_empty());
    for (_, values) in &mut groups {
        values.sort_by(f64::total_cmp);
    }
    groups
}

/// The 95% percentile-bootstrap interval from a set of bootstrap medians:
/// their 2.5% and 97.5% type-7 quantiles.
pub fn percentile_interval(mut medians: Vec<f64>) -> Option<(f64, f64)> {
    medians.sort_by(f64::total_cmp);
    Some((quantile_sorted(&medians, 0.025)?, quantile_sorted(&medians, 0.975)?))
}

/// Draws bootstrap replicates of the median without resampling `n` values.
///
/// The median of a bootstrap sample of size `n` from the data is an order
/// statistic of `n` draws from the empirical distribution `F`, and order
/// statistics of such draws are `F^-1(U_(k))`, with `U_(k)` the order statistics
/// of `n` uniforms: `U_(k) ~ Beta(k, n - k + 1)`, and given `U_(k) = u`,
/// `U_(k+1) = u + (1 - u) V` with `V ~ Beta(1, n - k)`, the least of `n - k`
/// uniforms. So one replicate costs O(log n) instead of O(n), with exactly the
/// distribution of the resampling bootstrap (B. Efron 1982, *The Jackknife,
/// the Bootstrap and Other Resampling Plans*, SIAM, on the sample median). For odd `n`
/// the median is `x(U_(k))` with `k = (n + 1) / 2`; for even `n`, the mean of
/// `x(U_(k))` and `x(U_(k+1))` with `k = n / 2`. `F^-1(u)` is the
/// `ceil(u n)`-th smallest value (the first when `u = 0`).
#[derive(Debug, Clone)]
pub struct MedianBootstrap<'a> {
    sorted: &'a [f64],
    n: usize,
    k: usize,
    lower: rand_distr::Beta<f64>,
}

impl<'a> MedianBootstrap<'a> {
    /// `sorted` must be in ascending order; `None` when it is empty.
    pub fn new(sorted: &'a [f64]) -> Option<Self> {
        let n = sorted.len();
        let k = if n % 2 == 1 { n.div_ceil(2) } else { n / 2 };
        let lower = rand_distr::Beta::new(k as f64, (n - k + 1) as f64).ok()?;
        Some(MedianBootstrap { sorted, n, k, lower })
    }

    /// `F^-1(u)`: the `ceil(u n)`-th smallest value.
    fn quantile(&self, u: f64) -> f64 {
        let rank = (u * self.n as f64).ceil() as usize;
        self.sorted[rank.clamp(1, self.n) - 1]
    }

    /// One replicate of the bootstrap median.
    pub fn sample<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        use rand::RngExt;
        use rand_distr::Distribution;
        let u = self.lower.sample(rng);
        if self.n % 2 == 1 {
            return self.quantile(u);
        }
        // The least of n - k uniforms on (0, 1): 1 - W^(1 / (n - k)), W uniform on (0, 1].
        let w = 1.0 - rng.random::<f64>();
        let v = 1.0 - w.powf(1.0 / (self.n - self.k) as f64);
        let next = u + (1.0 - u) * v;
        let (lower, upper) = (self.quantile(u), self.quantile(next));
        lower + (upper - lower) / 2.0
    }
}

/// Counts of delays in doubling bins `[0, 1)`, `[1, 2)`, `[2, 4)`, `[4, 8)`, ...
/// up to the bin holding the largest delay: a log-scaled delay axis on which
/// same-day announcements (delay 0) still have a place. Returns `(lo, hi, count)`.
pub fn doubling_bins(delays: &[f64]) -> Vec<(u64, u64, usize)> {
    let max = delays.iter().copied().fold(0.0_f64, f64::max);
    let mut bins = vec![(0u64, 1u64, 0usize)];
    let mut lo = 1u64;
    while (lo as f64) <= max {
        bins.push((lo, lo * 2, 0));
        lo *= 2;
    }
    for &d in delays {
        if let Some(bin) = bins.iter_mut().find(|(lo, hi, _)| d >= *lo as f64 && d < *hi as f64) {
            bin.2 += 1;
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_gives_type_seven_quartiles_and_the_mean() {
        let s = describe("x", &[10.0, 0.0, 2.0, 1.0]).unwrap();
        // numpy.percentile([0, 1, 2, 10], [25, 50, 75]) = [0.75, 1.5, 4.0]
        assert_eq!((s.min, s.q1, s.median, s.q3, s.max, s.mean), (0.0, 0.75, 1.5, 4.0, 10.0, 3.25));
        assert!(describe("x", &[]).is_none());
    }

    #[test]
    fn doubling_bins_put_same_day_announcements_first() {
        let bins = doubling_bins(&[0.0, 0.0, 1.0, 3.0, 696.0]);
        assert_eq!(bins[0], (0, 1, 2));
        assert_eq!(bins[1], (1, 2, 1));
        assert_eq!(bins[2], (2, 4, 1));
        assert_eq!(*bins.last().unwrap(), (512, 1024, 1));
        assert_eq!(bins.iter().map(|b| b.2).sum::<usize>(), 5);
    }

    /// `P(median of a resample = x_j)` by brute force over all `n^n` resamples.
    fn exact_bootstrap_distribution(values: &[f64]) -> BTreeMap<u64, f64> {
        let n = values.len();
        let mut distribution = BTreeMap::new();
        let total = n.pow(n as u32);
        for code in 0..total {
            let mut sample: Vec<f64> =
                (0..n).map(|i| values[(code / n.pow(i as u32)) % n]).collect();
            sample.sort_by(f64::total_cmp);
            let median = quantile_sorted(&sample, 0.5).unwrap();
            *distribution.entry(median.to_bits()).or_insert(0.0) += 1.0 / total as f64;
        }
        distribution
    }

    #[test]
    fn the_order_statistic_bootstrap_has_the_resampling_distribution() {
        use rand::SeedableRng;
        // Odd and even n, with ties.
        for values in [vec![0.0, 1.0, 1.0, 4.0, 9.0], vec![0.0, 2.0, 3.0, 3.0, 7.0, 30.0]] {
            let exact = exact_bootstrap_distribution(&values);
            let sampler = MedianBootstrap::new(&values).unwrap();
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
            let draws = 200_000;
            let mut seen: BTreeMap<u64, f64> = BTreeMap::new();
            for _ in 0..draws {
                *seen.entry(sampler.sample(&mut rng).to_bits()).or_insert(0.0) +=
                    1.0 / draws as f64;
            }
            for (&bits, &p) in &exact {
                let q = seen.get(&bits).copied().unwrap_or(0.0);
                // Four binomial standard errors.
                let tolerance = 4.0 * (p * (1.0 - p) / draws as f64).sqrt() + 1e-4;
                assert!(
                    (p - q).abs() < tolerance,
                    "{values:?}: {} has p {p}, drawn {q}",
                    f64::from_bits(bits)
                );
            }
            assert!(seen.keys().all(|k| exact.contains_key(k)), "{values:?}: impossible medians");
        }
    }

    #[test]
    fn the_percentile_interval_brackets_the_middle() {
        let medians: Vec<f64> = (0..=100).map(f64::from).collect();
        assert_eq!(percentile_interval(medians), Some((2.5, 97.5)));
    }
}
