//! Reading a previous report back: its manifest, summary and joined table
//! become a [`Snapshot`] to compare this run with.

use serde_json::Value;

use super::{
    cases_by_id, comparable_settings, test_key, CalendarEvent, Snapshot, MAX_COMPARED_CASES,
};
use crate::model::RawTable;

/// The files of a previous report that [`parse_previous`] reads.
#[derive(Debug, Clone, Default)]
pub struct PreviousFiles {
    /// `tables/joined.csv`; `None` when absent or too large to read back.
    pub joined_csv: Option<Vec<u8>>,
    pub summary_json: Vec<u8>,
    pub manifest_json: Vec<u8>,
}

/// Parses a previous report: its `manifest.json` (version, inputs,
/// settings), `summary.json` (period, groups, event calendar, window tests) and
/// `tables/joined.csv` (the input columns, that is, those before
/// `delay_days`). Returns `None` when the summary or the manifest is
/// unreadable: then there is simply nothing to compare.
pub fn parse_previous(files: &PreviousFiles, id_column: &str) -> Option<Snapshot> {
    let cases = match &files.joined_csv {
        None => None,
        Some(joined_csv) => {
            let csv = joined_csv.strip_prefix(crate::report::UTF8_BOM).unwrap_or(joined_csv);
            let mut reader = csv::Reader::from_reader(csv);
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
    let summary: Value = serde_json::from_slice(&files.summary_json).ok()?;
    let manifest: Value = serde_json::from_slice(&files.manifest_json).ok()?;
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(String::from);
    let tests = summary
        .get("window_tests")?
        .as_array()?
        .iter()
        .filter_map(|t| {
            let key = test_key(
                t.get("group")?.as_str()?,
                t.get("direction")?.as_str()?,
                u32::try_from(t.get("window_days")?.as_u64()?).ok()?,
            );
            Some((
                key,
                (
                    t.get("observed")?.as_u64()?,
                    t.get("p_shift")?.as_f64()?,
                    // Empty (null) for a row outside the multiple-testing family.
                    t.get("p_shift_holm").and_then(Value::as_f64).unwrap_or(f64::NAN),
                ),
            ))
        })
        .collect();
    let groups = summary
        .get("groups")
        .and_then(Value::as_array)
        .map(|groups| {
            groups
                .iter()
                .filter_map(|g| {
                    let kinds = g.get("kinds")?.as_array()?;
                    Some((
                        text(g, "name")?,
                        kinds.iter().filter_map(|k| k.as_str().map(String::from)).collect(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let period = summary.get("period").and_then(|p| Some((text(p, "start")?, text(p, "end")?)));
    let calendar = summary
        .pointer("/inputs/events/calendar")
        .and_then(|c| serde_json::from_value::<Vec<CalendarEvent>>(c.clone()).ok());
    let inputs = manifest
        .get("inputs")
        .and_then(Value::as_array)
        .map(|inputs| {
            inputs.iter().filter_map(|i| Some((text(i, "name")?, text(i, "sha256")?))).collect()
        })
        .unwrap_or_default();
    Some(Snapshot {
        version: text(&manifest, "version").unwrap_or_default(),
        inputs,
        settings: manifest.get("config").map(comparable_settings).unwrap_or_default(),
        period,
        groups,
        calendar,
        cases,
        tests,
    })
}
