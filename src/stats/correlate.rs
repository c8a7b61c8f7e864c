//! Exact circular cross-correlation of whole-number day vectors.
//!
//! The shift test and the peri-event histogram both need, for every shift `s`
//! of the `T`-day circle, `r[s] = sum_t a[t] b[(t + s) mod T]`: announcements
//! per day `a` against a window indicator or a bin's event kernel `b`.
//! Summing over the days is O(T^2); by the correlation theorem
//! `r = IFFT(conj(FFT(a)) * FFT(b))`, which costs O(T log T) whatever the
//! number of announcements (they enter only as day counts).
//!
//! The FFT is a real-input one (realfft) of a padded length `N >= 2T - 1`
//! with no prime factor above 5: the zero-padded vectors' linear correlation
//! then does not wrap, and folding it gives the circular one,
//! `r[s] = c[s] + c[s - T]`. A transform of length `T` itself would be slow
//! for the prime period lengths that calendars often give (10,957 days from
//! 1995 to 2024 is prime).
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

use realfft::{ComplexToReal, RealFftPlanner, RealToComplex};
use rustfft::num_complex::Complex;

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
    /// The FFT length `N`: see [`padded_length`].
    padded: usize,
    /// The FFT plans and `conj(FFT(a))` of the zero-padded `a`, made on
    /// first use of the FFT path (planning computes `N` twiddle factors).
    fft: std::sync::OnceLock<FftPath>,
}

struct FftPath {
    forward: Arc<dyn RealToComplex<f64>>,
    inverse: Arc<dyn ComplexToReal<f64>>,
    spectrum: Vec<Complex<f64>>,
}

impl CircularCorrelator {
    pub fn new(a: &[u64]) -> Self {
        CircularCorrelator {
            a: a.to_vec(),
            nonzero: a.iter().enumerate().filter(|(_, &x)| x > 0).map(|(i, &x)| (i, x)).collect(),
            norm: l2_norm(a),
            padded: padded_length(a.len()),
            fft: std::sync::OnceLock::new(),
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
        let log_n = (self.padded as f64).log2().max(1.0);
        let fft_cost = self.padded as f64 * log_n;
        // Each r[s] is the sum of two rounded FFT outputs: twice the bound.
        let error_bound = 2.0 * ERROR_BOUND_FACTOR * f64::EPSILON * log_n * self.norm * l2_norm(b);
        if direct_cost <= fft_cost || error_bound >= 0.25 {
            self.direct(b)
        } else {
            self.by_fft(b).unwrap_or_else(|| self.direct(b))
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

    /// The FFT path; `None` only if realfft refuses its buffers, which it
    /// does not for buffers made to the plan's length.
    fn by_fft(&self, b: &[u64]) -> Option<Vec<u64>> {
        let (t, n) = (self.a.len(), self.padded);
        let fft = self.fft.get_or_init(|| {
            let mut planner = RealFftPlanner::new();
            let forward = planner.plan_fft_forward(n);
            let mut spectrum = spectrum_of(forward.as_ref(), &self.a, n).unwrap_or_default();
            spectrum.iter_mut().for_each(|z| *z = z.conj());
            FftPath { forward, inverse: planner.plan_fft_inverse(n), spectrum }
        });
        let spectrum = &fft.spectrum;
        let mut product = spectrum_of(fft.forward.as_ref(), &b[..b.len().min(t)], n)?;
        if product.len() != spectrum.len() {
            return None;
        }
        for (x, y) in product.iter_mut().zip(spectrum) {
            *x *= y;
        }
        // The product of a real vector's spectrum and a conjugate one: the
        // first and last terms are real up to rounding, and realfft wants them exactly so.
        if let Some(first) = product.first_mut() {
            first.im = 0.0;
        }
        if let Some(last) = product.last_mut() {
            last.im = 0.0;
        }
        let mut linear = vec![0.0; n];
        fft.inverse.process(&mut product, &mut linear).ok()?;
        // linear[k] = N c[k] for lags k >= 0 and linear[N + k] = N c[k] for
        // k < 0; r[s] = c[s] + c[s - T], and c[-T] = 0.
        let scale = n as f64;
        let exact = |x: f64| (x / scale).round().max(0.0) as u64;
        Some(
            (0..t)
                .map(|s| {
                    let wrapped = if s == 0 { 0.0 } else { linear[n - t + s] };
                    exact(linear[s] + wrapped)
                })
                .collect(),
        )
    }
}

/// The spectrum of `x` zero-padded to `n`.
fn spectrum_of(forward: &dyn RealToComplex<f64>, x: &[u64], n: usize) -> Option<Vec<Complex<f64>>> {
    let mut padded = vec![0.0; n];
    for (slot, &v) in padded.iter_mut().zip(x) {
        *slot = v as f64;
    }
    let mut spectrum = forward.make_output_vec();
    forward.process(&mut padded, &mut spectrum).ok()?;
    Some(spectrum)
}

/// The FFT length for a period of `t` days: the least even number `N >= 2t - 1`
/// with no prime factor above 5 (fast in rustfft, and never more than a few
/// percent above `2t`).
pub fn padded_length(t: usize) -> usize {
    let smooth = |mut n: usize| {
        for p in [2, 3, 5] {
            while n.is_multiple_of(p) {
                n /= p;
            }
        }
        n == 1
    };
    let mut n = (2 * t).saturating_sub(1).max(2);
    while !n.is_multiple_of(2) || !smooth(n) {
        n += 1;
    }
    n
}

fn l2_norm(x: &[u64]) -> f64 {
    x.iter().map(|&v| (v as f64) * (v as f64)).sum::<f64>().sqrt()
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
            assert_eq!(correlator.by_fft(&b), Some(expected), "T = {t}, FFT path");
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
        assert_eq!(correlator.by_fft(&b), Some(correlator.direct(&b)));
    }

    #[test]
    fn padded_lengths_are_even_smooth_and_long_enough() {
        assert_eq!(padded_length(1), 2);
        assert_eq!(padded_length(2), 4);
        assert_eq!(padded_length(10_957), 22_500); // 2^2 3^2 5^4 >= 21,913
        for t in 1..2000 {
            let n = padded_length(t);
            assert!(n >= 2 * t - 1 && n.is_multiple_of(2), "T = {t}: N = {n}");
        }
    }
}
