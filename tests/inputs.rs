//! The files people actually have: each dialect of the same data gives the
//! same tables as the clean comma-separated file.

use std::path::Path;

use crate::util::{fixture, northwind, run_ok};

/// The CSV file at `from` rewritten with `delimiter` (quoting as needed).
fn with_delimiter(from: &Path, to: &Path, delimiter: u8) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(from).unwrap();
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_path(to).unwrap();
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    writer.flush().unwrap();
}

/// The tables of a run on `announcements` and `events` (in `dir`).
fn tables(dir: &Path, name: &str, announcements: &Path, events: &Path) -> Vec<(String, Vec<u8>)> {
    let out = dir.join(name);
    run_ok(
        northwind(dir)
            .args(["run", "-q", "--permutations", "99", "--out"])
            .arg(&out)
            .arg("--announcements")
            .arg(announcements)
            .arg("--events")
            .arg(events),
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.join("tables"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn semicolon_tab_and_pipe_files_give_the_tables_of_the_comma_file() {
    let dir = tempfile::tempdir().unwrap();
    let (announcements, events) = (fixture("small/announcements.csv"), fixture("small/events.csv"));
    let clean = tables(dir.path(), "comma", &announcements, &events);
    assert!(clean.len() >= 8);
    for (name, delimiter) in [("semicolon", b';'), ("tab", b'\t'), ("pipe", b'|')] {
        let a = dir.path().join(format!("{name}-announcements.csv"));
        let e = dir.path().join(format!("{name}-events.csv"));
        with_delimiter(&announcements, &a, delimiter);
        with_delimiter(&events, &e, delimiter);
        let text = std::fs::read_to_string(&a).unwrap();
        assert!(text.lines().next().unwrap().contains(delimiter as char), "{name}: {text}");
        let got = tables(dir.path(), name, &a, &e);
        assert_eq!(got.len(), clean.len(), "{name}");
        for ((file, bytes), (_, want)) in got.iter().zip(&clean) {
            assert!(bytes == want, "{name}: tables/{file} differs from the comma file's");
        }
    }
}
