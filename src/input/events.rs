//! The events table: elections, sanctions rounds, tests, holidays...

use crate::error::Problem;
use crate::model::ColumnMap;
use crate::model::Event;

use super::cells::parse_date;
use super::table::{locate_columns, read_table, reported, OpenedTable, TextTable};
use super::FileFormat;

/// Parses and validates an events CSV.
///
/// Required columns: `date` and `kind` (free text; the group is derived from
/// it). Optional: `label` (defaults to the kind), `label_ko` (the label in
/// the Korean report), `country`, `source_url`.
/// Events may lie outside the study period, and the same day may hold several
/// events.
///
/// # Errors
/// Every problem found, each located by line, column and value.
pub fn parse_events(
    bytes: &[u8],
    file: &str,
    format: &FileFormat,
) -> Result<Vec<Event>, Vec<Problem>> {
    read_events(bytes, file, format).map(|(events, _)| events)
}

/// [`parse_events`], with the text encoding the file was read in.
pub(crate) fn read_events(
    bytes: &[u8],
    file: &str,
    format: &FileFormat,
) -> Result<(Vec<Event>, &'static str), Vec<Problem>> {
    let mut problems = Vec::new();
    let OpenedTable { table, name, encoding, in_rows } =
        read_table(bytes, file, format, &mut problems)?;
    validate(&table, &name, format, problems)
        .map(|events| (events, encoding))
        .map_err(|problems| reported(problems, &name, in_rows))
}

/// Validates every row of an events table read from `file`.
fn validate(
    table: &TextTable,
    file: &str,
    format: &FileFormat,
    mut problems: Vec<Problem>,
) -> Result<Vec<Event>, Vec<Problem>> {
    let headers = EventHeaders::new(&format.columns);
    let [date_col, kind_col, group_col, label_col, label_ko_col] = locate_columns(
        table,
        file,
        [
            (headers.date, true),
            (headers.kind, true),
            // An optional column is required once the config maps it.
            (headers.group, format.columns.is_mapped("group")),
            (headers.label, format.columns.is_mapped("label")),
            (headers.label_ko, format.columns.is_mapped("label_ko")),
        ],
    )
    .map_err(|missing| [std::mem::take(&mut problems), missing].concat())?;
    let (Some(date_col), Some(kind_col)) = (date_col, kind_col) else {
        return Err(vec![Problem::file(file, "missing required columns")]);
    };
    if table.cells.is_empty() && problems.is_empty() {
        return Err(vec![Problem::file(
            file,
            "has a header but no events (expected at least one data row)",
        )]);
    }
    let mut events = Vec::with_capacity(table.cells.len());
    for (line, row) in table.records() {
        let cell = |col: usize| table.cells.cell(row, col);
        let date =
            parse_date(cell(date_col), &format.dates, file, line, headers.date, &mut problems);
        let kind = cell(kind_col).trim();
        if kind.is_empty() {
            problems.push(Problem::cell(
                file,
                line,
                headers.kind,
                "",
                "is empty (every event needs a kind, e.g. election_presidential)",
            ));
        }
        let control = kind.chars().find(|c| c.is_control());
        if let Some(c) = control {
            problems.push(Problem::cell(
                file,
                line,
                headers.kind,
                kind,
                format!(
                    "holds the control character U+{:04X} (a kind names an event group, shown in every table and chart; remove the character)",
                    u32::from(c)
                ),
            ));
        }
        let group = group_col.map_or("", |c| cell(c).trim());
        if let Some(c) = group.chars().find(|c| c.is_control()) {
            problems.push(Problem::cell(
                file,
                line,
                headers.group,
                group,
                format!(
                    "holds the control character U+{:04X} (a group is shown in every table and chart; remove the character)",
                    u32::from(c)
                ),
            ));
        }
        let label = label_col.map(cell).map(str::trim).filter(|l| !l.is_empty()).unwrap_or(kind);
        if let (Some(date), false, None) = (date, kind.is_empty(), control) {
            let label_ko = label_ko_col.map_or("", |c| cell(c).trim()).to_string();
            events.push(Event {
                date,
                kind: kind.to_string(),
                label: label.to_string(),
                label_ko,
                group: group.to_string(),
                line,
            });
        }
    }
    if problems.is_empty() {
        Ok(events)
    } else {
        Err(problems)
    }
}

/// The header each event column goes by in one file, for lookups and
/// messages: the names `columns` maps the canonical ones to.
#[derive(Debug, Clone, Copy)]
struct EventHeaders<'a> {
    date: &'a str,
    kind: &'a str,
    group: &'a str,
    label: &'a str,
    label_ko: &'a str,
}

impl<'a> EventHeaders<'a> {
    /// Every header, looked up once through `columns`.
    fn new(columns: &'a ColumnMap) -> Self {
        EventHeaders {
            date: columns.header_for("date"),
            kind: columns.header_for("kind"),
            group: columns.header_for("group"),
            label: columns.header_for("label"),
            label_ko: columns.header_for("label_ko"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Event>, Vec<Problem>> {
        parse_events(text.as_bytes(), "e.csv", &FileFormat::default())
    }

    #[test]
    fn labels_default_to_the_kind() {
        let events = parse("date,kind,label\n2020-04-15,election_legislative,\n").unwrap();
        assert_eq!(events[0].label, "election_legislative");
        assert_eq!(events[0].line, 2);
    }

    #[test]
    fn control_characters_in_a_kind_are_reported_with_the_line() {
        let problems =
            parse("date,kind\n2020-01-01,\"a\nb_x\"\n2020-01-02,c\u{0}_x\n2020-01-03,ok\n")
                .unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with(
                "e.csv:2: column 'kind': value 'a\\nb_x' holds the control character U+000A"
            ),
            "{text:?}"
        );
        assert!(
            text[1].starts_with(
                "e.csv:4: column 'kind': value 'c\\0_x' holds the control character U+0000"
            ),
            "{text:?}"
        );
    }

    #[test]
    fn bad_dates_and_empty_kinds_are_all_reported() {
        let problems = parse("date,kind\n2020-02-30,x\n2020-01-01,\n1850-01-01,old\n").unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].starts_with("e.csv:2: column 'date': value '2020-02-30'"));
        assert!(text[1].starts_with("e.csv:3: column 'kind'"));
    }
}
