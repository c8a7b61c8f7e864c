//! Killing a run at any moment leaves the old report or the new one, complete,
//! never a mix, and never touches the inputs.

use std::time::Duration;

use crate::util::{assert_whole, northwind, run_ok, snapshot};

#[test]
fn a_killed_run_leaves_a_whole_report_and_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(northwind(dir.path()).args([
        "synth",
        "--out",
        "in",
        "--announcements",
        "2000",
        "--mean-delay",
        "5",
    ]));
    let inputs = snapshot(&dir.path().join("in"));
    let args = [
        "run",
        "-q",
        "--permutations",
        "999",
        "--announcements",
        "in/announcements.csv",
        "--events",
        "in/events.csv",
        "--out",
        "r",
    ];
    let started = std::time::Instant::now();
    run_ok(northwind(dir.path()).args(args).args(["--seed", "1"]));
    let full = started.elapsed().as_secs_f64();
    let mut seeds_seen = std::collections::BTreeSet::new();
    // Kill at points spread over a whole run, the writing phase near the end included.
    for (attempt, fraction) in
        [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1.02, 1.1].into_iter().enumerate()
    {
        let seed = (attempt + 2).to_string();
        let mut child = northwind(dir.path()).args(args).args(["--seed", &seed]).spawn().unwrap();
        std::thread::sleep(Duration::from_secs_f64(full * fraction));
        let _ = child.kill();
        let _ = child.wait();
        seeds_seen.insert(assert_whole(&dir.path().join("r")));
        assert_eq!(snapshot(&dir.path().join("in")), inputs, "the inputs are untouched");
    }
    // A run after the kills completes, replaces the report, and removes the
    // staging directories the killed runs left behind.
    run_ok(northwind(dir.path()).args(args).args(["--seed", "99"]));
    assert_eq!(assert_whole(&dir.path().join("r")), "99");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("northwind-new") || n.contains("northwind-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!("a full run took {full:.2} s; reports seen after kills: seeds {seeds_seen:?}");
}
