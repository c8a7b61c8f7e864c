//! Unit tests of the report writer.

use super::*;

fn file(path: &str, text: &str) -> ReportFile<'static> {
    ReportFile::bytes(path, text.as_bytes().to_vec())
}

fn manifest(written: &[Written]) -> Vec<u8> {
    serde_json::to_vec(&json!({"tool": "northwind", "files": written.len()})).unwrap()
}

#[test]
fn a_report_replaces_an_earlier_northwind_report_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    write_report(&out, &[file("tables/a.csv", "1")], manifest).unwrap();
    assert!(check_out_dir(&out, &[]).is_ok());
    let streamed = ReportFile {
        path: "c.csv".into(),
        body: Body::Stream(Box::new(|w: &mut (dyn Write + Send)| w.write_all(b"x,y\n"))),
        group: None,
    };
    write_report(&out, &[file("b.csv", "2"), streamed], |written| {
        assert_eq!(written[1].bytes, 4);
        assert_eq!(written[1].sha256, crate::report::sha256_hex(b"x,y\n"));
        manifest(written)
    })
    .unwrap();
    assert_eq!(fs::read_to_string(out.join("c.csv")).unwrap(), "x,y\n");
    assert!(!out.join("tables/a.csv").exists(), "old files are gone");
    assert_eq!(fs::read_to_string(out.join("b.csv")).unwrap(), "2");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no staging or retired directory is left behind");
}

#[test]
fn a_write_that_fails_midway_leaves_the_previous_report_and_no_staging() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    write_report(&out, &[file("tables/a.csv", "old")], manifest).unwrap();
    let failing = ReportFile {
        path: "tables/joined.csv".into(),
        body: Body::Stream(Box::new(|w: &mut (dyn Write + Send)| {
            w.write_all(b"half a row")?;
            Err(std::io::Error::other("disk full"))
        })),
        group: None,
    };
    let err = write_report(&out, &[file("b.csv", "new"), failing], manifest).unwrap_err();
    assert!(err.to_string().contains("joined.csv: disk full"), "{err}");
    assert_eq!(fs::read_to_string(out.join("tables/a.csv")).unwrap(), "old");
    assert!(!out.join("b.csv").exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "the staging directory is removed");
}

#[test]
fn only_plain_relative_paths_inside_the_report_are_written() {
    for good in ["summary.json", "tables/peth_선거.csv", "charts/phase_a-b_c.svg"] {
        assert!(check_report_path(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "/etc/passwd",
        "../x.csv",
        "tables/../../x",
        "./x",
        "a//b",
        "a/",
        ".hidden",
        "a\\b",
        "C:x",
        "tables/CON.csv",
        "nul",
        "x\0y",
        "x\ny",
        "a b",
        "x.",
        &"x".repeat(300),
    ] {
        let err = check_report_path(bad).unwrap_err();
        assert_eq!(err.exit_code(), 1, "{bad:?}: a bad path is a bug, never written");
    }
    assert!(check_report_paths(["a.csv", "A.CSV"]).is_err(), "one file on a case-blind disk");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    assert!(write_report(&out, &[file("../escaped.csv", "x")], manifest).is_err());
    assert!(!dir.path().join("escaped.csv").exists() && !out.exists(), "nothing written");
}

#[test]
fn a_foreign_directory_or_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("thesis.docx"), "precious").unwrap();
    let err = check_out_dir(dir.path(), &[]).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("did not create"), "{err}");
    let err = check_out_dir(&dir.path().join("thesis.docx"), &[]).unwrap_err();
    assert!(err.to_string().contains("is a file"), "{err}");
    assert!(check_out_dir(&dir.path().join("new"), &[]).is_ok());
}

#[test]
fn a_directory_holding_an_input_is_refused_even_with_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(MANIFEST), "{\"tool\":\"northwind\"}").unwrap();
    fs::write(dir.path().join("a.csv"), "id").unwrap();
    let input = InputSource::File(dir.path().join("a.csv"));
    assert!(check_out_dir(dir.path(), &[&input])
        .unwrap_err()
        .to_string()
        .contains("contains the input"));
}
