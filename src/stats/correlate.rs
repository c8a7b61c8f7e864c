//! Exact circular cross-correlation of whole-number day vectors.
//!
//! The shift test and the peri-event histogram both need, for every shift `s`
//! of the `T`-day circle, `r[s] = sum_t a[t] b[(t + s) mod T]`: announcements
//! per day `a` against a window indicator or a bin's event kernel `b`.
//! Summing over the days is O(T^2); by the correlation theorem
//! `r = IFFT(conj(FFT(a)) * FFT(b))`, which costs O(T log T) whatever the
//! number of announcements (they enter only as day counts).
//!
//! The inputs are integers, so the true `r[s]` are integers, and the FFT's
//! floating-point result is rounded to the nearest one. That is exact when the
//! rounding error is below 1/2; the standard bound for an FFT convolution,
//! `|error| <= c eps log2(T) ||a||_2 ||b||_2` (Higham, *Accuracy and Stability
//! of Numerical Algorithms*, 2nd ed., sec. 24.1), is checked with a generous
//! `c` before the FFT is trusted. Where it could fail (astronomical counts), and
//! where direct summation over the non-zero days is cheaper anyway (sparse
//! inputs), the sum is done in integer arithmetic instead. Either way the
//! result is exact, so it does not depend on the CPU's SIMD width or on the
//! thread count.

use std::sync::Arc;

use rustfft::num_complex::Complex;
use rustfft::{Fft, FftPlanner};

/// Safety factor on the FFT error bound (the bound's constant is about 5 for
/// radix-2; mixed radix and Bluestein are of the same order).
const ERROR_BOUND_FACTOR: f64 = 64.0;

/// Correlates one fixed vector `a` with any number of vectors `b` of the same
/// length, reusing `a`'s spectrum.
pub struct CircularCorrelator {
    a: Vec<u64>,
    /// Non-zero days of `a`, for direct summation.
    nonzero: Vec<(usize, u64)>,
    norm: f64,
    forward: Arc<dyn Fft<f64>>,
    inverse: Arc<dyn Fft<f64>>,
    /// `conj(FFT(a))`, computed on first use of the FFT path.
    spectrum: std::sync::OnceLock<Vec<Complex<f64>>>,
}

impl CircularCorrelator {
    pub fn new(a: &[u64]) -> Self {
        let mut planner = FftPlanner::new();
        let t = a.len();
        CircularCorrelator {
            a: a.to_vec(),
            nonzero: a.iter().enumerate().filter(|(_, &x)| x > 0).map(|(i, &x)| (i, x)).collect(),
            norm: l2_norm(a),
            forward: planner.plan_fft_forward(t),
            inverse: planner.plan_fft_inverse(t),
            spectrum: std::sync::OnceLock::new(),
        }
    }

    /// `r[s] = sum_t a[t] b[(t + s) mod T]` for `s` in `0..T`.
    ///
    /// # Panics
    /// Never on user input; `b` shorter than `a` is read as zero-padded.
    pub fn correlate(&self, b: &[u64]) -> Vec<u64> {
        let t = self.a.len();
        if t == 0 {
            return Vec::new();
        }
        let b_nonzero = b.iter().take(t).filter(|&&x| x > 0).count();
        let direct_cost = (self.nonzero.len() as f64) * (b_nonzero as f64);
        let log_t = (t as f64).log2().max(1.0);
        let fft_cost = 20.0 * t as f64 * log_t;
        let error_bound = ERROR_BOUND_FACTOR * f64::EPSILON * log_t * self.norm * l2_norm(b);
        if direct_cost <= fft_cost || error_bound >= 0.25 {
            self.direct(b)
        } else {
            self.by_fft(b)
        }
    }

    fn direct(&self, b: &[u64]) -> Vec<u64> {
        let t = self.a.len();
        let mut r = vec![0u64; t];
        for (u, &weight) in b.iter().take(t).enumerate().filter(|(_, &x)| x > 0) {
            for &(day, count) in &self.nonzero {
                // Day `day` lands on `u` under the shift s = u - day (mod T).
                let s = if u >= day { u - day } else { u + t - day };
                r[s] = r[s].saturating_add(count.saturating_mul(weight));
            }
        }
        r
    }

    fn by_fft(&self, b: &[u64]) -> Vec<u64> {
        let t = self.a.len();
        let spectrum = self.spectrum.get_or_init(|| {
            let mut a: Vec<Complex<f64>> =
                self.a.iter().map(|&x| Complex::new(x as f64, 0.0)).collect();
            self.forward.process(&mut a);
            a.iter().map(Complex::conj).collect()
        });
        let mut buffer: Vec<Complex<f64>> =
            (0..t).map(|i| Complex::new(b.get(i).copied().unwrap_or(0) as f64, 0.0)).collect();
        self.forward.process(&mut buffer);
        for (x, y) in buffer.iter_mut().zip(spectrum) {
            *x *= y;
        }
        self.inverse.process(&mut buffer);
        let scale = t as f64;
        // Non-negative integers by construction; the bound keeps the error < 1/4.
        buffer.iter().map(|z| (z.re / scale).round().max(0.0) as u64).collect()
    }
}

fn l2_norm(x: &[u64]) -> f64 {
    x.iter().map(|&v| (v as f64) * (v as f64)).sum::<f64>().sqrt()
}

/// `r[s] = sum_t a[t] b[(t + s) mod T]`, exactly; see [`CircularCorrelator`].
pub fn circular_cross_correlation(a: &[u64], b: &[u64]) -> Vec<u64> {
    CircularCorrelator::new(a).correlate(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    fn brute_force(a: &[u64], b: &[u64]) -> Vec<u64> {
        let t = a.len();
        (0..t).map(|s| (0..t).map(|d| a[d] * b[(d + s) % t]).sum()).collect()
    }

    #[test]
    fn the_fft_and_the_direct_sum_agree_with_the_definition() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        // Prime, smooth and odd lengths exercise rustfft's different algorithms.
        for t in [1usize, 2, 7, 97, 360, 1009, 4096, 10_958] {
            let a: Vec<u64> = (0..t).map(|_| rng.random_range(0..50)).collect();
            let b: Vec<u64> = (0..t).map(|_| u64::from(rng.random_range(0..10u32) < 3)).collect();
            let correlator = CircularCorrelator::new(&a);
            let expected = if t <= 1009 { brute_force(&a, &b) } else { correlator.direct(&b) };
            assert_eq!(correlator.correlate(&b), expected, "T = {t}");
            assert_eq!(correlator.by_fft(&b), expected, "T = {t}, FFT path");
        }
    }

    #[test]
    fn large_counts_stay_exact() {
        // Ten million announcements on a few days, a window of half the period.
        let t = 10_958;
        let mut a = vec![0u64; t];
        a[3] = 4_000_000;
        a[5000] = 5_999_999;
        a[t - 1] = 1;
        let b: Vec<u64> = (0..t).map(|i| u64::from(i % 2 == 0)).collect();
        let correlator = CircularCorrelator::new(&a);
        assert_eq!(correlator.by_fft(&b), correlator.direct(&b));
    }
}
