//! Any bytes in: validated announcements or located problems out, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use northwind::input::FileFormat;

fuzz_target!(|data: &[u8]| {
    let format = FileFormat::default();
    match northwind::input::parse_announcements(data, "f.csv", &format) {
        Ok(table) => assert!(table.announcements.iter().all(|a| a.people >= 1 && a.delay_days().is_none_or(|d| d >= 0))),
        Err(problems) => assert!(!problems.is_empty()),
    }
});
