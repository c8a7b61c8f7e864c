//! The whole run in memory: any config, announcements and events bytes in
//! (split at `\n--8<--\n`); load, analyse and render every table and chart.
//! The oracle: no panic, and every output path is a plain relative path
//! inside the report, each named once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use northwind::charts::ChartSize;
use northwind::config::Config;
use northwind::report::Body;

const SEPARATOR: &[u8] = b"\n--8<--\n";

/// The three parts of an input: config text, announcements, events.
fn split(data: &[u8]) -> [&[u8]; 3] {
    let mut parts = [&data[..0]; 3];
    let mut rest = data;
    for part in parts.iter_mut().take(2) {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                *part = &rest[..at];
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => {
                *part = rest;
                rest = &rest[..0];
            }
        }
    }
    parts[2] = rest;
    parts
}

fuzz_target!(|data: &[u8]| {
    let [config_text, announcements, events] = split(data);
    let Ok(config_text) = std::str::from_utf8(config_text) else { return };
    let Ok(mut config) = Config::from_config_text(config_text, "c.toml") else { return };
    // Bound the cost of one execution, not what it exercises.
    config.permutations = config.permutations.min(49);
    config.chart_size = ChartSize {
        width: config.chart_size.width.clamp(300, 640),
        height: config.chart_size.height.clamp(300, 480),
    };
    let Ok(inputs) = northwind::input::load_bytes(&config.input_spec(), announcements, events) else {
        return;
    };
    if inputs.period.days() > 12_000 {
        return;
    }
    let analysis = northwind::analysis::analyse(&inputs, &config.analysis_settings()).expect("valid inputs analyse");
    let files = northwind::render(&analysis, &inputs, &config, None).expect("valid inputs render");
    northwind::output::check_report_paths(
        files.iter().map(|f| f.path.as_str()).chain([northwind::output::MANIFEST]),
    )
    .expect("every output path is a plain relative path inside the report");
    for file in &files {
        if let Body::Stream(write) = &file.body {
            write(&mut std::io::sink()).expect("a streamed table writes");
        }
    }
});
