//! Calibration of northwind's tests on synthetic data: the false-positive rate
//! under the null (no effect) and the power against a planted three-fold rate
//! in the 30 days before elections, at alpha = 0.05.
//!
//! Run: `cargo run --release --example calibration [replicates]` (default 400).
//! The table it prints is the one in docs/METHODS.md.

use northwind::synth::{rejection_rates, SynthSpec, CALIBRATED_TESTS};

fn main() {
    let replicates: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(400);
    let permutations = 199;
    let alpha = 0.05;
    let sizes = [40usize, 200];
    let mut columns = Vec::new();
    for &n in &sizes {
        for ratio in [1.0, 3.0] {
            let spec = SynthSpec {
                announcements: n,
                planted_rate_ratio: ratio,
                mean_delay: Some(7.0),
                seed: 1_000_000 * n as u64,
                ..SynthSpec::default()
            };
            columns.push(rejection_rates(&spec, replicates, permutations, alpha));
        }
    }
    println!("{replicates} data sets per column; 30 years, elections every 2 years; delays geometric with mean 7 days; delay shuffle with {permutations} permutations; alpha = {alpha}.\n");
    println!("| Test | False positives, n = 40 | Power, n = 40 | False positives, n = 200 | Power, n = 200 |");
    println!("|---|---:|---:|---:|---:|");
    for (k, name) in CALIBRATED_TESTS.iter().enumerate() {
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.3} |",
            columns[0][k], columns[1][k], columns[2][k], columns[3][k]
        );
    }
}
