//! `tables/joined.csv`: every input row with its delay and nearest events.
//!
//! The one table that copies the input: its columns are the input's own, so
//! it reads the validated input table beside the analysis. It is streamed,
//! never held in memory.

use std::io::Write;

use rayon::prelude::*;

use super::table::{self, Table};
use crate::analysis::Analysis;
use crate::input::AnnouncementTable;

/// Column names of `tables/joined.csv`: every input column, `delay_days`, and
/// the nearest events of each group.
pub fn joined_columns(analysis: &Analysis, input: &AnnouncementTable) -> Vec<String> {
    let mut columns: Vec<String> = input.raw.headers.clone();
    columns.push("delay_days".into());
    for g in &analysis.groups {
        let name = &g.name;
        columns.extend([
            format!("next_{name}_date"),
            format!("next_{name}_label"),
            format!("days_to_next_{name}"),
            format!("prev_{name}_date"),
            format!("prev_{name}_label"),
            format!("days_since_prev_{name}"),
        ]);
    }
    columns
}

/// Rows rendered per parallel task of [`write_joined_csv`].
const JOINED_CHUNK_ROWS: usize = 1 << 14;

/// Writes `tables/joined.csv` without holding it in memory: rows are rendered
/// in parallel chunks, a batch at a time, and each batch is written while the
/// next one renders. Text cells are defused as [`Cell::Text`] renders them.
///
/// # Errors
/// The writer's.
pub fn write_joined_csv(
    analysis: &Analysis,
    input: &AnnouncementTable,
    out: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    let header =
        Table { name: String::new(), columns: joined_columns(analysis, input), rows: vec![] };
    out.write_all(&header.to_csv())?;
    let n = input.announcements.len();
    let batch = JOINED_CHUNK_ROWS * 2 * rayon::current_num_threads().max(1);
    let render = |start: usize| -> Vec<Vec<u8>> {
        let starts: Vec<usize> =
            (start..(start + batch).min(n)).step_by(JOINED_CHUNK_ROWS).collect();
        starts
            .par_iter()
            .map(|&from| joined_rows_csv(analysis, input, from..(from + JOINED_CHUNK_ROWS).min(n)))
            .collect()
    };
    let write = |out: &mut (dyn Write + Send), parts: Vec<Vec<u8>>| -> std::io::Result<()> {
        parts.iter().try_for_each(|part| out.write_all(part))
    };
    let mut current = render(0);
    for next in (batch..n).step_by(batch) {
        let (rendered, written) = rayon::join(|| render(next), || write(out, current));
        written?;
        current = rendered;
    }
    write(out, current)
}

/// Rows `rows` of `joined.csv` as CSV bytes: the input cells, `delay_days`,
/// and per group the next event's date, label and days to it, then the
/// previous event's. Written field by field, without a `String` per cell
/// (ten million rows have 250 million cells).
fn joined_rows_csv(
    analysis: &Analysis,
    input: &AnnouncementTable,
    rows: std::ops::Range<usize>,
) -> Vec<u8> {
    let mut digits = itoa::Buffer::new();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(rows.len() * 160));
    let mut field = String::new();
    // Writing to a Vec cannot fail.
    for i in rows {
        let announcement = &input.announcements[i];
        for cell in input.raw.row(i) {
            let _ = writer.write_field(table::neutralized(cell).as_bytes());
        }
        let delay = announcement.delay_days().map_or("", |d| digits.format(d));
        let _ = writer.write_field(delay.as_bytes());
        let a = announcement.announcement_date;
        for (g, group) in analysis.groups.iter().enumerate() {
            let nb = analysis.neighbours.get(g, a);
            for (day, sign) in [(nb.next, 1), (nb.prev, -1)] {
                let day = day.and_then(|k| group.days.get(k as usize));
                field.clear();
                if let Some(d) = day {
                    table::push_date(&mut field, d.date);
                }
                let _ = writer.write_field(field.as_bytes());
                let label =
                    day.map_or(std::borrow::Cow::Borrowed(""), |d| table::neutralized(&d.label));
                let _ = writer.write_field(label.as_bytes());
                let days = day.map_or("", |d| digits.format(sign * (d.date - a).num_days()));
                let _ = writer.write_field(days.as_bytes());
            }
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
    writer.into_inner().unwrap_or_default()
}
