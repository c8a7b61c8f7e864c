//! Any bytes in: validated events or located problems out, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use northwind::config::ColumnMap;

fuzz_target!(|data: &[u8]| {
    let columns = ColumnMap::default();
    if let Err(problems) = northwind::input::parse_events(data, "f.csv", &columns, "%d/%m/%Y") {
        assert!(!problems.is_empty());
    }
});
