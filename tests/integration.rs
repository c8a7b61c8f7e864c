//! End-to-end tests, compiled into one test binary (see Cargo.toml).

mod calibration;
mod cli;
mod edge_cases;
mod errors;
mod golden;
mod golden_advanced;
mod inputs;
#[cfg(unix)]
mod kill;
mod languages;
mod large_inputs;
mod layout;
mod pipeline;
mod properties;
mod prose;
mod report;
mod safety;
mod util;
