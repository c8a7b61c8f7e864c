//! Any bytes in: validated events or located problems out, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use northwind::input::{DateReader, DateStyle, FileFormat};

fuzz_target!(|data: &[u8]| {
    let format = FileFormat {
        dates: DateReader {
            styles: vec![DateStyle::Chrono("%d/%m/%Y".into()), DateStyle::Korean],
            timezone: "Asia/Seoul".parse().ok(),
        },
        ..FileFormat::default()
    };
    if let Err(problems) = northwind::input::parse_events(data, "f.csv", &format) {
        assert!(!problems.is_empty());
    }
});
