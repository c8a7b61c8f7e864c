//! Any text in: settings or a located error out, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = northwind::config::parse_config_text(text, "c.toml");
    }
});
