//! The only module that writes to the file system.
//!
//! A report is built in a temporary sibling of the output directory and moved
//! into place only when every file is written, so a failed run leaves the
//! previous report untouched. An existing output directory is replaced only
//! if northwind made it (it holds a `manifest.json` naming northwind); any other
//! non-empty directory, a file, or a directory holding the inputs is refused
//! before anything is computed.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::input::InputFingerprint;
use crate::model::InputSource;
use crate::report::changes::PreviousFiles;
use crate::report::{Body, ReportFile};

/// Name of the manifest that marks a directory as northwind's.
pub const MANIFEST: &str = "manifest.json";

/// Longest path inside a report, in bytes.
pub const MAX_REPORT_PATH_BYTES: usize = 240;

/// Checks that `relative` is a plain relative path inside the report, the
/// gate every file passes before anything is written: `/`-separated parts,
/// each made of letters and digits of any script, `-`, `_` and `.`, not
/// empty, not `.` or `..`, not starting with `.`, not a Windows device name
/// (`CON.csv`); no backslash, colon, control character or absolute root; at
/// most [`MAX_REPORT_PATH_BYTES`] bytes. Report paths are fixed words and
/// group slugs ([`crate::slug`]), so a refusal here is a bug, not bad input.
///
/// # Errors
/// [`Error::Internal`] naming the path and what is wrong with it.
pub fn check_report_path(relative: &str) -> Result<()> {
    let refuse = |why: &str| {
        Err(Error::Internal(format!(
            "refusing to write {relative:?}: {why}; every file of a report must be a plain relative path inside it"
        )))
    };
    if relative.is_empty() {
        return refuse("the path is empty");
    }
    if relative.len() > MAX_REPORT_PATH_BYTES {
        return refuse("the path is too long");
    }
    for part in relative.split('/') {
        if part.is_empty() {
            return refuse("it has an empty part (a leading, trailing or doubled '/')");
        }
        if part.starts_with('.') {
            return refuse("a part starts with '.'");
        }
        if let Some(c) = part.chars().find(|&c| !(crate::slug::is_slug_char(c) || c == '.')) {
            return refuse(&format!("it holds the character {c:?}"));
        }
        if part.ends_with('.') {
            return refuse("a part ends with '.'");
        }
        let stem = part.split('.').next().unwrap_or(part);
        if crate::slug::is_device_name(stem) {
            return refuse("a part is a Windows device name");
        }
    }
    Ok(())
}

/// Checks every path of a report (see [`check_report_path`]) and that no two
/// name the same file, even on a file system that ignores case.
///
/// # Errors
/// [`Error::Internal`] for the first path that fails.
pub fn check_report_paths<'p>(paths: impl IntoIterator<Item = &'p str>) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for path in paths {
        check_report_path(path)?;
        if !seen.insert(path.to_lowercase()) {
            return Err(Error::Internal(format!("refusing to write {path:?} twice in one report")));
        }
    }
    Ok(())
}

/// Refuses output directories that northwind must not replace.
///
/// # Errors
/// [`Error::Usage`] when `out` is a file, a non-empty directory that northwind
/// did not write, or a directory that contains one of the inputs.
pub fn check_out_dir(out: &Path, inputs: &[&InputSource]) -> Result<()> {
    let shown = out.display();
    if out.is_file() {
        return Err(Error::Usage(format!(
            "--out {shown} is a file; northwind writes a directory there"
        )));
    }
    if !out.is_dir() {
        return Ok(());
    }
    let canonical_out =
        fs::canonicalize(out).map_err(|source| Error::Read { path: out.to_path_buf(), source })?;
    for input in inputs {
        if let InputSource::File(path) = input {
            if let Ok(canonical) = fs::canonicalize(path) {
                if canonical.starts_with(&canonical_out) {
                    return Err(Error::Usage(format!(
                        "--out {shown} contains the input {}; choose another output directory",
                        path.display()
                    )));
                }
            }
        }
    }
    let mut entries =
        fs::read_dir(out).map_err(|source| Error::Read { path: out.to_path_buf(), source })?;
    if entries.next().is_none() || is_northwind_report(out) {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--out {shown} is a non-empty directory that northwind did not create (it has no northwind {MANIFEST}); \
             refusing to replace it. Choose a new or empty directory."
        )))
    }
}

/// Whether `dir` holds a manifest written by northwind.
pub fn is_northwind_report(dir: &Path) -> bool {
    fs::read(dir.join(MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("tool").and_then(|t| t.as_str()) == Some("northwind"))
}

/// Largest previous `joined.csv` read back for "since the last run"; a larger
/// one holds more cases than are compared one by one anyway.
pub const MAX_PREVIOUS_JOINED_BYTES: u64 = 64 * 1024 * 1024;

/// The previous report's `tables/joined.csv` (`None` if absent or over
/// [`MAX_PREVIOUS_JOINED_BYTES`]), `summary.json` and `manifest.json`, if
/// `dir` holds a northwind report (for the "since the last run" section).
pub fn read_previous(dir: &Path) -> Option<PreviousFiles> {
    if !is_northwind_report(dir) {
        return None;
    }
    let joined_path = dir.join("tables/joined.csv");
    let joined_csv = match fs::metadata(&joined_path) {
        Ok(meta) if meta.len() > MAX_PREVIOUS_JOINED_BYTES => None,
        Ok(_) => Some(fs::read(joined_path).ok()?),
        // A report written with --no-joined: the rest can still be compared.
        Err(_) => None,
    };
    Some(PreviousFiles {
        joined_csv,
        summary_json: fs::read(dir.join("summary.json")).ok()?,
        manifest_json: fs::read(dir.join(MANIFEST)).ok()?,
    })
}

/// Writes synthetic inputs into `dir`, refusing to overwrite files unless `force`.
///
/// # Errors
/// [`Error::Usage`] if a file exists and `force` is off; [`Error::Write`] on I/O failure.
pub fn write_inputs(dir: &Path, files: &[(&str, Vec<u8>)], force: bool) -> Result<()> {
    if !force {
        if let Some((name, _)) = files.iter().find(|(name, _)| dir.join(name).exists()) {
            return Err(Error::Usage(format!(
                "{} exists; use --force to overwrite it",
                dir.join(name).display()
            )));
        }
    }
    check_report_paths(files.iter().map(|(name, _)| *name))?;
    fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
    for (name, bytes) in files {
        let path = dir.join(name);
        fs::write(&path, bytes).map_err(|source| Error::Write { path: path.clone(), source })?;
    }
    Ok(())
}

/// Renders `manifest.json`: version, command line, resolved config, seed,
/// the SHA-256 of every input and output file, and which files belong to
/// which event group (`groups`: each group's name, the slug its file names
/// use, and its files).
pub fn manifest(
    run: &ManifestHeader,
    inputs: &[InputFingerprint],
    groups: &[GroupFiles],
    files: &[Written],
) -> Vec<u8> {
    let outputs: Vec<_> = files
        .iter()
        .map(|f| json!({ "path": f.path, "sha256": f.sha256, "bytes": f.bytes }))
        .collect();
    let value = json!({
        "tool": "northwind",
        "version": env!("CARGO_PKG_VERSION"),
        "command_line": run.command_line,
        "seed": run.seed,
        "config": run.config,
        "inputs": inputs,
        "groups": groups,
        "outputs": outputs,
    });
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// What `manifest.json` says of the run itself: its command line, its seed
/// and its resolved settings (as JSON: the writer does not interpret them).
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestHeader {
    pub command_line: Vec<String>,
    pub seed: u64,
    pub config: serde_json::Value,
}

/// An event group's name, the slug its file names are made of, and its files.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupFiles {
    pub name: String,
    pub slug: String,
    pub files: Vec<String>,
}

/// The name-to-file mapping of `groups` (name, slug) over `files`, in the
/// groups' order.
pub fn group_files<'g>(
    groups: impl IntoIterator<Item = (&'g str, &'g str)>,
    files: &[ReportFile],
) -> Vec<GroupFiles> {
    groups
        .into_iter()
        .map(|(name, slug)| GroupFiles {
            name: name.to_string(),
            slug: slug.to_string(),
            files: files
                .iter()
                .filter(|f| f.group.as_deref() == Some(name))
                .map(|f| f.path.clone())
                .collect(),
        })
        .collect()
}

/// One file as written: its path, SHA-256 (hex) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// Writes `files`, then the manifest that `manifest` makes from them, as the
/// directory `out`, atomically with respect to failures: the new report is
/// complete before it replaces the old.
///
/// # Errors
/// [`Error::Write`] naming the path that failed; the previous report is kept.
pub fn write_report(
    out: &Path,
    files: &[ReportFile],
    manifest: impl FnOnce(&[Written]) -> Vec<u8>,
) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or_else(|| {
        Error::Usage(format!("--out {} does not name a directory", out.display()))
    })?;
    // Every path is checked before the first byte is written.
    check_report_paths(files.iter().map(|f| f.path.as_str()).chain([MANIFEST]))?;
    fs::create_dir_all(&parent).map_err(|source| Error::Write { path: parent.clone(), source })?;
    remove_stale_staging(&parent, &name);
    let staging = parent.join(format!(".{name}.northwind-new-{}", std::process::id()));
    let result = write_all(&staging, files, manifest)
        .and_then(|()| swap_into_place(&staging, out, &parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Removes staging directories left by runs that were killed (their process
/// is gone). Only on Linux, where `/proc` says which processes are alive.
fn remove_stale_staging(parent: &Path, name: &str) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let prefix = format!(".{name}.northwind-new-");
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix).and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn write_all(
    dir: &Path,
    files: &[ReportFile],
    manifest: impl FnOnce(&[Written]) -> Vec<u8>,
) -> Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)
            .map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
    }
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        written.push(write_one(dir, &file.path, &file.body)?);
    }
    let manifest = Body::Bytes(manifest(&written));
    write_one(dir, MANIFEST, &manifest)?;
    Ok(())
}

/// Writes one file, hashing its bytes on the way.
fn write_one(dir: &Path, relative: &str, body: &Body) -> Result<Written> {
    check_report_path(relative)?;
    let path = dir.join(relative);
    let fail = |source| Error::Write { path: path.clone(), source };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)
            .map_err(|source| Error::Write { path: folder.to_path_buf(), source })?;
    }
    let file = fs::File::create(&path).map_err(fail)?;
    let mut out = HashingWriter {
        inner: BufWriter::with_capacity(1 << 20, file),
        hash: Sha256::new(),
        bytes: 0,
    };
    match body {
        Body::Bytes(bytes) => out.write_all(bytes).map_err(fail)?,
        Body::Stream(write) => write(&mut out).map_err(fail)?,
    }
    out.inner.flush().map_err(fail)?;
    let sha256 = crate::digest::hex(&out.hash.finalize());
    Ok(Written { path: relative.to_string(), sha256, bytes: out.bytes })
}

/// Passes bytes on to `inner`, hashing and counting them.
struct HashingWriter<W> {
    inner: W,
    hash: Sha256,
    bytes: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn swap_into_place(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    if !out.exists() {
        return fs::rename(staging, out).map_err(|source| write_error(out, source));
    }
    // On Linux, swap the two directories in one atomic step: a run killed at
    // any moment leaves either the old report or the new one under `out`.
    #[cfg(target_os = "linux")]
    {
        use nix::fcntl::{renameat2, RenameFlags, AT_FDCWD};
        if renameat2(AT_FDCWD, staging, AT_FDCWD, out, RenameFlags::RENAME_EXCHANGE).is_ok() {
            // `staging` now holds the previous report.
            return fs::remove_dir_all(staging).map_err(|source| write_error(staging, source));
        }
    }
    // Elsewhere (or on a file system without the exchange), two renames: the
    // old report is moved aside first and restored if the second rename fails.
    let retired = parent.join(format!(".{name}.northwind-old-{}", std::process::id()));
    if retired.exists() {
        fs::remove_dir_all(&retired).map_err(|source| write_error(&retired, source))?;
    }
    fs::rename(out, &retired).map_err(|source| write_error(out, source))?;
    if let Err(source) = fs::rename(staging, out) {
        let _ = fs::rename(&retired, out);
        return Err(Error::Write { path: out.to_path_buf(), source });
    }
    fs::remove_dir_all(&retired).map_err(|source| write_error(&retired, source))
}

fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::Write { path: path.to_path_buf(), source }
}

#[cfg(test)]
mod tests;
