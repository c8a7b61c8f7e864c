//! End-to-end tests, compiled into one test binary (see Cargo.toml).

mod cli;
mod errors;
mod golden;
mod golden_advanced;
mod pipeline;
mod report;
mod util;
