//! The tests do not over-reject under the null: on synthetic data with no
//! effect, each rejects at alpha = 0.05 no more often than 5% plus Monte Carlo
//! slack (2.5 binomial standard errors for 200 data sets), and each has power
//! against a planted effect. (The full table is `cargo run --example calibration`.)

use northwind::synth::{rejection_rates, SynthSpec, CALIBRATED_TESTS};

const REPLICATES: u64 = 200;

#[test]
fn no_test_over_rejects_on_null_data() {
    let spec = SynthSpec {
        announcements: 40,
        mean_delay: Some(7.0),
        seed: 77_000,
        ..SynthSpec::default()
    };
    let rates = rejection_rates(&spec, REPLICATES, 99, 0.05);
    let slack = 2.5 * (0.05_f64 * 0.95 / REPLICATES as f64).sqrt();
    for (name, rate) in CALIBRATED_TESTS.iter().zip(rates) {
        assert!(rate <= 0.05 + slack, "{name} rejects {rate:.3} of null data sets");
    }
}

#[test]
fn every_test_detects_a_strong_planted_effect() {
    let spec = SynthSpec {
        announcements: 200,
        planted_rate_ratio: 4.0,
        mean_delay: Some(7.0),
        seed: 88_000,
        ..SynthSpec::default()
    };
    let rates = rejection_rates(&spec, 40, 99, 0.05);
    for (name, rate) in CALIBRATED_TESTS.iter().zip(rates) {
        assert!(rate >= 0.5, "{name} detects a four-fold rate in only {rate:.2} of data sets");
    }
}
