//! Shared helpers: run the binary, locate fixtures, read CSV outputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where northwind.toml and data/ live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under tests/data/.
pub fn fixture(path: &str) -> PathBuf {
    repo().join("tests/data").join(path)
}

/// The arguments of a run on the small fixture of other data.
pub const SMALL: [&str; 6] = [
    "--announcements",
    "tests/data/small/announcements.csv",
    "--events",
    "tests/data/small/events.csv",
    "--permutations",
    "99",
];

/// The northwind binary, run in `dir`, with no terminal-dependent output.
pub fn northwind(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_northwind"));
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

/// Runs a command and returns its output, with stdout and stderr as text.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(command: &mut Command) -> Ran {
    let Output { status, stdout, stderr } = command.output().expect("the northwind binary runs");
    Ran {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs and asserts success, showing stderr otherwise.
pub fn run_ok(command: &mut Command) -> Ran {
    let ran = run(command);
    assert_eq!(ran.code, 0, "northwind failed:\n{}", ran.stderr);
    ran
}

/// The UTF-8 byte-order mark every CSV file of a report starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV file (a report's, which starts with [`BOM`], or a fixture) as rows of column -> value, plus the header order.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let csv = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let mut reader = csv::Reader::from_reader(csv);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect();
    (headers, rows)
}

/// Writes a config file into `dir` and returns its path.
pub fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("northwind.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Every file below `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Asserts that the report in `dir` is whole: exactly the files its manifest
/// lists (and the manifest), each with the SHA-256 the manifest records.
/// Returns the manifest's seed.
pub fn assert_whole(dir: &Path) -> String {
    let files = snapshot(dir);
    let manifest: serde_json::Value =
        serde_json::from_slice(&files["manifest.json"]).expect("a manifest");
    let outputs = manifest["outputs"].as_array().unwrap();
    let listed: std::collections::BTreeSet<&str> =
        outputs.iter().map(|o| o["path"].as_str().unwrap()).chain(["manifest.json"]).collect();
    let present: std::collections::BTreeSet<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(listed, present, "the directory holds exactly the manifest's files");
    for output in outputs {
        let bytes = &files[output["path"].as_str().unwrap()];
        assert_eq!(
            output["sha256"].as_str().unwrap(),
            northwind::report::sha256_hex(bytes),
            "{}",
            output["path"]
        );
    }
    manifest["seed"].to_string()
}

/// Where two texts first differ, as a reader wants it in a failure: the line
/// number and that line (with the one before) in both.
pub fn first_difference(old: &[u8], new: &[u8]) -> String {
    let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let at = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)).unwrap_or(0);
    let context = |lines: &[&str]| {
        (at.saturating_sub(1)..=at)
            .map(|i| {
                format!("  {:>5} | {}", i + 1, lines.get(i).copied().unwrap_or("(end of file)"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at line {}:\n committed:\n{}\n fresh:\n{}",
        at + 1,
        context(&a),
        context(&b)
    )
}

/// Writes `announcements` and `events` as `a.csv` and `e.csv` in `dir` and
/// runs a quick report of them (99 permutations) into `dir/r`.
pub fn analyse(dir: &Path, announcements: &str, events: &str, extra: &[&str]) -> Ran {
    std::fs::write(dir.join("a.csv"), announcements).unwrap();
    std::fs::write(dir.join("e.csv"), events).unwrap();
    run(northwind(dir)
        .args([
            "run",
            "-q",
            "--permutations",
            "99",
            "--announcements",
            "a.csv",
            "--events",
            "e.csv",
            "--out",
            "r",
        ])
        .args(extra))
}
