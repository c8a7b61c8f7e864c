//! "Since the last run": what changed between the previous report in the
//! output directory and this one. Journalists rerun after every new case; this
//! tells them, and their editors, what the new case changed.
//!
//! Compared: the announcements (by id: added, removed, or any input cell
//! edited), and the window tests (observed counts and exact shift p-values
//! that moved, and any raw or Holm-adjusted p-value that crossed 0.05).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::model::RawTable;
use crate::stats::window::WindowTest;

/// What the previous report held, as read back from its files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreviousReport {
    /// Announcement rows by id: the input columns only; `None` when the
    /// report had too many rows to compare (see [`MAX_COMPARED_CASES`]).
    pub cases: Option<CasesById>,
    /// Window tests by `group/direction/W`: (observed, p_shift, p_shift_holm).
    pub tests: BTreeMap<String, (u64, f64, f64)>,
}

/// Input cells of each announcement, by id.
pub type CasesById = BTreeMap<String, Vec<(String, String)>>;

/// Largest table whose cases are compared one by one. A list of thousands of
/// added ids helps no one, and the comparison holds every cell in memory.
pub const MAX_COMPARED_CASES: usize = 100_000;

/// One moved window test.
#[derive(Debug, Clone, PartialEq)]
pub struct MovedTest {
    pub key: String,
    pub observed: (u64, u64),
    pub p_shift: (f64, f64),
    pub p_holm: (f64, f64),
    /// Whether p_shift or its Holm value crossed 0.05 (in either direction).
    pub crossed: bool,
}

/// The differences from the previous report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub edited: Vec<String>,
    /// Whether the cases were compared (both reports at most [`MAX_COMPARED_CASES`] rows).
    pub cases_compared: bool,
    pub moved: Vec<MovedTest>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.edited.is_empty()
            && self.moved.is_empty()
            && self.cases_compared
    }

    /// As data, for summary.json.
    pub fn to_json(&self) -> Value {
        json!({
            "added": self.added,
            "removed": self.removed,
            "edited": self.edited,
            "cases_compared": self.cases_compared,
            "moved": self.moved.iter().map(|m| json!({
                "test": m.key,
                "observed_before": m.observed.0, "observed_now": m.observed.1,
                "p_shift_before": m.p_shift.0, "p_shift_now": m.p_shift.1,
                "p_shift_holm_before": m.p_holm.0, "p_shift_holm_now": m.p_holm.1,
                "crossed_0_05": m.crossed,
            })).collect::<Vec<_>>(),
        })
    }
}

/// The key of a window test in both reports.
pub fn test_key(group: &str, direction: &str, window: u32) -> String {
    format!("{group}/{direction}/{window}")
}

/// The input cells of each announcement, by id (`id_column` names the id),
/// as `joined.csv` writes them (formula-neutralized), so that a report read
/// back compares equal to the run that wrote it. `None` for a table of more
/// than [`MAX_COMPARED_CASES`] rows.
pub fn cases_by_id(raw: &RawTable, id_column: &str) -> Option<CasesById> {
    if raw.len() > MAX_COMPARED_CASES {
        return None;
    }
    let Some(id) = raw.headers.iter().position(|h| h == id_column) else {
        return Some(BTreeMap::new());
    };
    Some(
        (0..raw.len())
            .map(|row| {
                let key = raw.cell(row, id).trim().to_string();
                let cells = raw.row(row).map(crate::report::table::neutralize_formula);
                (key, raw.headers.iter().cloned().zip(cells).collect())
            })
            .collect(),
    )
}

/// Compares the previous report with this run's cases and tests.
pub fn compare(
    previous: &PreviousReport,
    cases: Option<&CasesById>,
    tests: &[WindowTest],
) -> Changes {
    let (mut added, mut removed, mut edited) = (Vec::new(), Vec::new(), Vec::new());
    let cases_compared = previous.cases.is_some() && cases.is_some();
    if let (Some(before), Some(cases)) = (&previous.cases, cases) {
        added = cases.keys().filter(|id| !before.contains_key(*id)).cloned().collect();
        removed = before.keys().filter(|id| !cases.contains_key(*id)).cloned().collect();
        edited = cases
            .iter()
            .filter(|(id, row)| before.get(*id).is_some_and(|old| old != *row))
            .map(|(id, _)| id.clone())
            .collect();
    }
    let crossed = |a: f64, b: f64| (a < 0.05) != (b < 0.05);
    let moved = tests
        .iter()
        .filter_map(|t| {
            let key = test_key(&t.group, t.direction.as_str(), t.window_days);
            let &(observed, p, holm) = previous.tests.get(&key)?;
            let moved = observed != t.observed || p != t.p_shift || holm != t.p_shift_holm;
            moved.then(|| MovedTest {
                crossed: crossed(p, t.p_shift) || crossed(holm, t.p_shift_holm),
                key,
                observed: (observed, t.observed),
                p_shift: (p, t.p_shift),
                p_holm: (holm, t.p_shift_holm),
            })
        })
        .collect();
    Changes { added, removed, edited, cases_compared, moved }
}

/// Parses the previous report's `tables/joined.csv` (the input columns, that
/// is, those before `delay_days`; `None` when it was too large to read) and
/// `summary.json`. Returns `None` when they are unreadable: then there is
/// simply nothing to compare.
pub fn parse_previous(
    joined_csv: Option<&[u8]>,
    summary_json: &[u8],
    id_column: &str,
) -> Option<PreviousReport> {
    let cases = match joined_csv {
        None => None,
        Some(joined_csv) => {
            let mut reader = csv::Reader::from_reader(joined_csv);
            let headers: Vec<String> = reader.headers().ok()?.iter().map(String::from).collect();
            let inputs = headers.iter().position(|h| h == "delay_days").unwrap_or(headers.len());
            let mut raw = RawTable::new(headers[..inputs].to_vec());
            for record in reader.records() {
                let record = record.ok()?;
                if raw.len() > MAX_COMPARED_CASES || !raw.push_row(record.iter().take(inputs)) {
                    break;
                }
            }
            cases_by_id(&raw, id_column)
        }
    };
    let summary: Value = serde_json::from_slice(summary_json).ok()?;
    let tests = summary
        .get("window_tests")?
        .as_array()?
        .iter()
        .filter_map(|t| {
            let key = test_key(
                t.get("group")?.as_str()?,
                t.get("direction")?.as_str()?,
                t.get("window_days")?.as_u64()? as u32,
            );
            Some((
                key,
                (
                    t.get("observed")?.as_u64()?,
                    t.get("p_shift")?.as_f64()?,
                    t.get("p_shift_holm")?.as_f64()?,
                ),
            ))
        })
        .collect();
    Some(PreviousReport { cases, tests })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(rows: &[[&str; 2]]) -> RawTable {
        let mut table = RawTable::new(vec!["id".into(), "name".into()]);
        for row in rows {
            assert!(table.push_row(*row));
        }
        table
    }

    #[test]
    fn added_removed_and_edited_cases_are_found_by_id() {
        let previous = PreviousReport {
            cases: cases_by_id(&raw(&[["a", "A"], ["b", "B"]]), "id"),
            tests: BTreeMap::new(),
        };
        let now = cases_by_id(&raw(&[["a", "A2"], ["c", "C"]]), "id");
        let changes = compare(&previous, now.as_ref(), &[]);
        assert_eq!(changes.added, ["c"]);
        assert_eq!(changes.removed, ["b"]);
        assert_eq!(changes.edited, ["a"]);
        assert!(changes.cases_compared);
    }

    #[test]
    fn a_table_too_large_to_compare_is_said_so() {
        let mut big = RawTable::new(vec!["id".into()]);
        for i in 0..=MAX_COMPARED_CASES {
            assert!(big.push_row([i.to_string().as_str()]));
        }
        let previous = PreviousReport {
            cases: cases_by_id(&raw(&[["a", "A"]]), "id"),
            tests: BTreeMap::new(),
        };
        let changes = compare(&previous, cases_by_id(&big, "id").as_ref(), &[]);
        assert!(!changes.cases_compared && changes.added.is_empty());
        assert!(!changes.is_empty(), "not comparing is worth saying");
    }

    #[test]
    fn a_previous_report_is_read_back_from_its_files() {
        let joined = b"id,name,delay_days,next_x_date\na,A,3,2020-01-01\n";
        let summary = br#"{"window_tests":[{"group":"x","direction":"before","window_days":7,"observed":2,"p_shift":0.04,"p_shift_holm":0.2}]}"#;
        let previous = parse_previous(Some(joined), summary, "id").unwrap();
        assert_eq!(
            previous.cases.as_ref().unwrap()["a"],
            vec![("id".to_string(), "a".to_string()), ("name".into(), "A".into())]
        );
        assert_eq!(previous.tests["x/before/7"], (2, 0.04, 0.2));
        assert!(parse_previous(Some(b""), b"not json", "id").is_none());
        assert!(parse_previous(None, summary, "id").unwrap().cases.is_none());
    }
}
