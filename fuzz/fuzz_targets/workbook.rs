//! Any bytes read as a workbook (seeded with the fixtures' .xlsx, .ods and
//! .xls): validated announcements or located problems out, never a panic,
//! whether the first sheet is read or one is named.
#![no_main]

use libfuzzer_sys::fuzz_target;
use northwind::input::FileFormat;

fuzz_target!(|data: &[u8]| {
    for sheet in [None, Some("Cases".to_string())] {
        let format = FileFormat { sheet, ..FileFormat::default() };
        match northwind::input::parse_announcements(data, "cases.xlsx", &format) {
            Ok(table) => assert!(table.announcements.iter().all(|a| a.people >= 1)),
            Err(problems) => assert!(!problems.is_empty()),
        }
    }
});
