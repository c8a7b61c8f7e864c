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

#[test]
fn cp949_and_utf16_files_with_korean_headers_give_the_tables_of_the_utf8_file() {
    let dir = tempfile::tempdir().unwrap();
    // The small fixture with Korean headers and names, as a Korean sheet has them.
    let original = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let mut lines = original.lines();
    let header = lines
        .next()
        .unwrap()
        .replacen("id,name", "사례,이름", 1)
        .replace("announcement_date", "발표일");
    let korean: String =
        std::iter::once(header)
            .chain(lines.map(|l| {
                l.replacen("Kim One", "김일", 1).replacen("\"Lee, Two\"", "\"이, 둘\"", 1)
            }))
            .map(|l| l + "\r\n")
            .collect();
    let config = crate::util::write_config(
        dir.path(),
        "[columns]\nid = \"사례\"\nname = \"이름\"\nannouncement_date = \"발표일\"\n",
    );
    let events = fixture("small/events.csv");
    let utf8 = dir.path().join("utf8.csv");
    std::fs::write(&utf8, &korean).unwrap();
    let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(&korean);
    assert!(!unmappable);
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(korean.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let run = |name: &str, file: &Path| {
        let out = dir.path().join(name);
        run_ok(
            northwind(dir.path())
                .args(["run", "-q", "--permutations", "99", "--config"])
                .arg(&config)
                .arg("--out")
                .arg(&out)
                .arg("--announcements")
                .arg(file)
                .arg("--events")
                .arg(&events),
        );
        out
    };
    let clean = run("utf8", &utf8);
    for (name, bytes, encoding) in
        [("cp949", cp949.into_owned(), "EUC-KR"), ("utf16", utf16, "UTF-16LE")]
    {
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, bytes).unwrap();
        let out = run(name, &file);
        for entry in std::fs::read_dir(clean.join("tables")).unwrap() {
            let table = entry.unwrap().file_name();
            let want = std::fs::read(clean.join("tables").join(&table)).unwrap();
            let got = std::fs::read(out.join("tables").join(&table)).unwrap();
            assert!(got == want, "{name}: tables/{table:?} differs from the UTF-8 file's");
        }
        let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
        assert!(summary.contains(&format!("(read as {encoding})")), "{name}: {summary}");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
        assert_eq!(json["inputs"]["announcements"]["encoding"], encoding);
    }
}

#[test]
fn a_workbook_or_an_undecodable_file_gets_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("cases.xlsx");
    std::fs::write(
        &xlsx,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00docProps/app.xml\xff\xfe",
    )
    .unwrap();
    let ran = crate::util::run(
        northwind(dir.path())
            .args(["check", "--announcements"])
            .arg(&xlsx)
            .arg("--events")
            .arg(fixture("small/events.csv")),
    );
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("1 problem"), "one message, not one per cell: {}", ran.stderr);
    assert!(ran.stderr.contains("is not a CSV file but a ZIP archive"), "{}", ran.stderr);
    assert!(!ran.stderr.contains("docProps"), "no binary garbage quoted: {}", ran.stderr);
}
