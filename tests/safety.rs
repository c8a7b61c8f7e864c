//! No input can write outside the report: hostile group names (from event
//! kinds and from `[groups]` keys) become safe file names or clear errors,
//! and nothing outside `--out` is created, changed or deleted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::{assert_whole, fixture, northwind, run, write_config, Ran};

/// Every file and directory below `root`, except those below `skip`, with
/// its size and SHA-256 (directories with none): what a run must not touch.
fn listing(root: &Path, skip: &Path) -> BTreeMap<PathBuf, Option<(u64, String)>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.starts_with(skip) {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                found.insert(path.clone(), None);
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                found.insert(path, Some((meta.len(), northwind::report::sha256_hex(&bytes))));
            }
        }
    }
    found
}

/// A temporary root with the announcements, a directory an attacker would
/// like to write into, and the report's place.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        let work = root.path().join("work");
        std::fs::create_dir_all(root.path().join("victim")).unwrap();
        std::fs::write(root.path().join("victim/keep.txt"), "precious").unwrap();
        std::fs::create_dir_all(&work).unwrap();
        std::fs::copy(fixture("small/announcements.csv"), work.join("a.csv")).unwrap();
        Sandbox { root }
    }

    fn work(&self) -> PathBuf {
        self.root.path().join("work")
    }

    fn out(&self) -> PathBuf {
        self.work().join("out")
    }

    /// Runs northwind on `a.csv` and `events` (written to `e.csv`), with
    /// `config` as northwind.toml when given, and checks what a run of any
    /// outcome must hold: exit 0 or 2, no panic, nothing touched outside
    /// `--out`.
    fn run(&self, events: &str, config: Option<&str>) -> Ran {
        std::fs::write(self.work().join("e.csv"), events).unwrap();
        let mut command = northwind(&self.work());
        command.args(["run", "-q", "--permutations", "19", "--out", "out"]);
        command.args(["--announcements", "a.csv", "--events", "e.csv"]);
        if let Some(text) = config {
            command.arg("--config").arg(write_config(&self.work(), text));
        }
        let before = listing(self.root.path(), &self.out());
        let ran = run(&mut command);
        let after = listing(self.root.path(), &self.out());
        assert!(ran.code == 0 || ran.code == 2, "exit {}:\n{}", ran.code, ran.stderr);
        assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
        let changed: Vec<_> = before
            .keys()
            .chain(after.keys())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|path| before.get(*path) != after.get(*path))
            .collect();
        assert!(changed.is_empty(), "touched outside --out: {changed:?}");
        ran
    }
}

/// Group names no file system should see as paths (each becomes a group
/// under the kind-prefix rule, as the part before the first `_`).
fn hostile_names(victim: &Path) -> Vec<String> {
    let climb = "../".repeat(12);
    vec![
        format!("{climb}{}/escaped", victim.display().to_string().trim_start_matches('/')),
        format!("{}/absolute", victim.display()),
        "a/b".into(),
        "a\\b".into(),
        ".".into(),
        "..".into(),
        "CON".into(),
        "NUL".into(),
        "x y*?".into(),
        "C:".into(),
        "n".repeat(300),
        "🚀🔥".into(),
        "선거".into(),
        "same name".into(),
        "same:name".into(),
        "Same/Name".into(),
    ]
}

/// An events file with one event of kind `<name>_x` per name, on days of the
/// fixture's period.
fn events_with_kinds(names: &[String]) -> String {
    let mut csv = String::from("date,kind,label\n");
    for (k, name) in names.iter().enumerate() {
        let kind = format!("{name}_x").replace('"', "\"\"");
        csv.push_str(&format!("2020-{:02}-15,\"{kind}\",Event {k}\n", k % 12 + 1));
    }
    csv
}

/// Checks a successful report: whole, every file named only by slugs and
/// inside it, and the real names kept in summary.json and the manifest.
fn assert_safe_report(out: &Path, names: &[String]) {
    assert_whole(out);
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let groups = summary["groups"].as_array().unwrap();
    let shown: BTreeSet<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    for name in names {
        assert!(shown.contains(name.as_str()), "the group {name:?} is shown by its name");
    }
    let mut slugs = BTreeSet::new();
    for group in groups {
        let slug = group["slug"].as_str().unwrap();
        assert!(slugs.insert(slug.to_lowercase()), "slug {slug} is used twice");
        assert!(!slug.is_empty() && slug.len() <= northwind::slug::MAX_SLUG_BYTES, "{slug}");
        assert!(slug.chars().all(northwind::slug::is_slug_char), "{slug}");
        let files = group["files"].as_array().unwrap();
        assert_eq!(
            files.len(),
            10,
            "a peth table and three charts, each as PNG, SVG and its data: {files:?}"
        );
        for file in files {
            let file = file.as_str().unwrap();
            assert!(file.contains(slug), "{file} is named by the slug {slug}");
            assert!(out.join(file).is_file(), "{file} exists in the report");
        }
        let mapped = manifest["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == group["name"])
            .expect("the manifest maps every group");
        assert_eq!(mapped["slug"], group["slug"]);
        assert_eq!(mapped["files"], group["files"]);
    }
    for output in manifest["outputs"].as_array().unwrap() {
        let path = output["path"].as_str().unwrap();
        northwind::output::check_report_path(path).unwrap();
        let depth = path.split('/').count();
        assert!(depth <= 2, "{path} is at most one folder deep");
    }
    let peth = std::fs::read_dir(out.join("tables"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("peth_"))
        .count();
    assert_eq!(peth, names.len(), "one peri-event table per group, none lost to a clash");
}

#[test]
fn hostile_kinds_become_safe_file_names_inside_the_report() {
    let sandbox = Sandbox::new();
    let names = hostile_names(&sandbox.root.path().join("victim"));
    let ran = sandbox.run(&events_with_kinds(&names), None);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_safe_report(&sandbox.out(), &names);
    // A rerun over that report is just as safe.
    let ran = sandbox.run(&events_with_kinds(&names), None);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_safe_report(&sandbox.out(), &names);
}

#[test]
fn hostile_group_keys_become_safe_file_names_inside_the_report() {
    let sandbox = Sandbox::new();
    let names = hostile_names(&sandbox.root.path().join("victim"));
    let mut config = String::from("[groups]\n");
    for (k, name) in names.iter().enumerate() {
        let key = serde_json::to_string(name).unwrap();
        config.push_str(&format!("{key} = [\"kind{k}\"]\n"));
    }
    let kinds: Vec<String> = (0..names.len()).map(|k| format!("kind{k}")).collect();
    let events = events_with_kinds(&kinds).replace("_x\"", "\"");
    let ran = sandbox.run(&events, Some(&config));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_safe_report(&sandbox.out(), &names);
}

#[test]
fn control_characters_in_a_kind_are_a_located_error() {
    let sandbox = Sandbox::new();
    for (kind, shown) in [
        ("x\0y_x", "x\\0y_x"),
        ("x\ry_x", "x\\ry_x"),
        ("x\ny_x", "x\\ny_x"),
        ("\u{1b}[31m_x", "\\u{1b}[31m_x"),
    ] {
        let events = format!("date,kind\n2020-04-15,election_x\n2020-05-01,\"{kind}\"\n");
        let ran = sandbox.run(&events, None);
        assert_eq!(ran.code, 2, "{kind:?}: {}", ran.stderr);
        assert!(
            ran.stderr.contains(&format!(
                "e.csv:3: column 'kind': value '{shown}' holds the control character"
            )),
            "{kind:?}: {}",
            ran.stderr
        );
        assert!(!sandbox.out().exists(), "a failed run writes no report");
    }
}

#[test]
fn control_characters_in_a_group_key_are_a_config_error() {
    let sandbox = Sandbox::new();
    let events = "date,kind\n2020-04-15,election_x\n";
    for key in ["\"a\\u0000b\"", "\"a\\nb\"", "\"a\\rb\""] {
        let ran = sandbox.run(events, Some(&format!("[groups]\n{key} = [\"election_x\"]\n")));
        assert_eq!(ran.code, 2, "{key}: {}", ran.stderr);
        assert!(ran.stderr.contains("northwind.toml: [groups]"), "{}", ran.stderr);
        assert!(ran.stderr.contains("holds the control character"), "{}", ran.stderr);
    }
}

#[test]
fn one_input_without_the_other_is_refused_and_every_run_names_both() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.work().join("e.csv"), "date,kind\n2020-04-15,election_x\n").unwrap();
    for (flag, missing) in [("--announcements", "events"), ("--events", "announcements")] {
        let file = if flag == "--events" { "e.csv" } else { "a.csv" };
        let ran = run(northwind(&sandbox.work()).args(["run", flag, file, "--out", "out"]));
        assert_eq!(ran.code, 2, "{}", ran.stderr);
        assert!(ran.stderr.contains(&format!("no {missing} file")), "{}", ran.stderr);
        assert!(ran.stderr.contains(&format!("--{missing} FILE")), "{}", ran.stderr);
        assert!(!sandbox.out().exists());
    }
    let report = |quiet: &[&str]| {
        run(northwind(&sandbox.work())
            .arg("run")
            .args(quiet)
            .args(["--permutations", "19", "--no-charts", "--announcements", "a.csv"])
            .args(["--events", "e.csv", "--out", "out"]))
    };
    let ran = report(&[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("announcements: a.csv\nevents: e.csv\n"), "{}", ran.stdout);
    let md = std::fs::read_to_string(sandbox.out().join("summary.md")).unwrap();
    assert!(md.contains("- Announcements: `a.csv`\n- Events: `e.csv`"), "{md}");
    let html = std::fs::read_to_string(sandbox.out().join("index.html")).unwrap();
    assert!(html.contains("Announcements: <code>a.csv</code>"), "index.html names the inputs");
    assert!(html.contains("Events: <code>e.csv</code>"), "index.html names the inputs");
    let quiet = report(&["-q"]);
    assert_eq!((quiet.code, quiet.stdout.as_str()), (0, ""), "--quiet prints nothing");
}

/// A tmpfs of `bytes` mounted for the test's lifetime, where the machine
/// allows mounting one (root on Linux); unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(bytes: u64) -> Result<Self, String> {
        if !cfg!(target_os = "linux") {
            return Err("tmpfs mounts are tried on Linux only".into());
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let ran = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if ran.status.success() {
            Ok(SmallDisk { dir })
        } else {
            Err(format!("mount -t tmpfs failed: {}", String::from_utf8_lossy(&ran.stderr).trim()))
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_in_the_middle_of_writing_leaves_the_previous_report_whole() {
    let disk = match SmallDisk::mount(16 << 20) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: {why} (the unit test of output::write_report covers a failing write everywhere)");
            return;
        }
    };
    let work = disk.path();
    let out = work.join("out");
    let report = |extra: &[&str]| {
        run(northwind(work)
            .args(["run", "-q", "--permutations", "19", "--out"])
            .arg(&out)
            .arg("--announcements")
            .arg(fixture("small/announcements.csv"))
            .arg("--events")
            .arg(fixture("small/events.csv"))
            .args(extra))
    };
    let first = report(&["--no-charts"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let previous = crate::util::snapshot(&out);
    let used: u64 = previous.values().map(|b| b.len() as u64).sum();
    // Fill the disk but for a little more than the previous report, so that
    // the charts of the next run cannot fit.
    let free = fs_free(work).expect("statvfs");
    let filler_bytes = free.saturating_sub(used + (64 << 10));
    std::fs::write(work.join("filler"), vec![0u8; filler_bytes as usize]).unwrap();
    let failed = report(&[]);
    assert_eq!(failed.code, 1, "a full disk is a failure to write: {}", failed.stderr);
    assert!(failed.stderr.contains("cannot write"), "{}", failed.stderr);
    assert!(failed.stderr.contains("No space left on device"), "{}", failed.stderr);
    assert_eq!(crate::util::snapshot(&out), previous, "the previous report is whole and unchanged");
    assert_whole(&out);
    let left: BTreeSet<String> = std::fs::read_dir(work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        BTreeSet::from(["filler".to_string(), "out".to_string()]),
        "nothing left behind"
    );
    std::fs::remove_file(work.join("filler")).unwrap();
    let again = report(&[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_whole(&out);
    let left = std::fs::read_dir(work).unwrap().count();
    assert_eq!(left, 1, "only the report is left");
}

/// Free bytes on the file system holding `dir` (from `df`, to keep the
/// tests free of `unsafe`).
fn fs_free(dir: &Path) -> Option<u64> {
    let ran =
        std::process::Command::new("df").args(["-B1", "--output=avail"]).arg(dir).output().ok()?;
    String::from_utf8_lossy(&ran.stdout).lines().nth(1)?.trim().parse().ok()
}

#[test]
fn control_characters_in_names_and_labels_never_reach_svg_html_or_markdown() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.work().join("a.csv"),
        "id,name,category,people,announcement_date\n\
         x1,\"Nul\0name\",\"esc\u{1b}[31mcat\",2,2020-01-05\n\
         x2,\"Line\nbreak\",military,1,2020-06-01\n",
    )
    .unwrap();
    let events = "date,kind,label\n2020-03-01,vote_a,\"Bell\u{7}label\"\n2020-05-01,vote_b,plain\n";
    let ran = sandbox.run(events, None);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for (name, bytes) in crate::util::snapshot(&sandbox.out()) {
        if name.ends_with(".svg") || name.ends_with(".html") || name.ends_with(".md") {
            let text = String::from_utf8(bytes).unwrap();
            let bad = text.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            assert!(bad.is_none(), "{name} holds {bad:?}");
        }
    }
}
