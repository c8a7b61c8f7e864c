//! Every built-in default, written once: the first layer of the settings
//! ([`settings`]), and the values the help text quotes.

use super::Partial;

/// Name of the config file looked up in the current directory.
pub const DEFAULT_CONFIG_FILE: &str = "northwind.toml";
/// The announcements, beside the config file or embedded.
pub const ANNOUNCEMENTS_FILE: &str = "data/announcements.csv";
/// The event calendar, beside the config file or embedded.
pub const EVENTS_FILE: &str = "data/events.csv";
/// The report directory, beside the config file or in the current directory.
pub const OUT_DIR: &str = "reports";
/// Default number of Monte Carlo draws (permutations, random shifts, bootstrap resamples).
pub const DEFAULT_PERMUTATIONS: u32 = 9_999;
/// Upper bound on Monte Carlo draws, to keep memory bounded.
pub const MAX_PERMUTATIONS: u32 = 10_000_000;
/// Default window widths in days.
pub const DEFAULT_WINDOWS: [u32; 5] = [7, 14, 30, 60, 90];
/// Default regression terms: before-election 30, after-sanctions 30.
pub const DEFAULT_TERMS: [&str; 2] = ["election_before_30", "sanctions_after_30"];
/// Reach of the peri-event histogram, in days either side of an event.
pub const HISTOGRAM_HALF_WIDTH: u32 = crate::stats::peth::PethSpec::DEFAULT.half_width;
/// Width of a peri-event histogram bin, in days.
pub const BIN_DAYS: u32 = crate::stats::peth::PethSpec::DEFAULT.bin_days;
/// Lags of the Newey-West standard errors.
pub const HAC_LAGS: usize = crate::stats::regression::DEFAULT_HAC_LAGS;
/// Longest source line or byline, in characters: one line under a chart.
pub const MAX_SOURCE_CHARS: usize = 200;
/// The source line under the charts of any other data, until the newsroom
/// sets its own (`--source`, `[charts] source`).
pub const SOURCE: &str = "Chart: northwind";
/// Pixel size of the PNG charts (16:9, an article's width).
pub const CHART_WIDTH: u32 = 1200;
pub const CHART_HEIGHT: u32 = 675;

/// S, the largest shift either way of the restricted-shift test: a year.
pub const LOCAL_SHIFT_DAYS: u32 = crate::stats::shift::DEFAULT_LOCAL_SHIFT_DAYS;

/// The defaults as the first layer of the settings.
pub fn settings() -> Partial {
    Partial {
        windows: Some(DEFAULT_WINDOWS.to_vec()),
        weight_by_people: Some(false),
        seed: Some(crate::model::DEFAULT_SEED),
        histogram_half_width: Some(HISTOGRAM_HALF_WIDTH),
        local_shift_days: Some(LOCAL_SHIFT_DAYS),
        bin_days: Some(BIN_DAYS),
        charts: Some(true),
        joined: Some(true),
        chart_width: Some(CHART_WIDTH),
        chart_height: Some(CHART_HEIGHT),
        regression_terms: Some(DEFAULT_TERMS.map(String::from).to_vec()),
        fixed_effects: Some(Vec::new()),
        hac_lags: Some(HAC_LAGS),
        quiet: Some(false),
        ..Partial::default()
    }
}
