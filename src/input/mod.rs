//! Loading and validating the two input tables.
//!
//! The `csv` crate reads records (quoted fields, embedded commas and newlines,
//! CRLF line endings); a UTF-8 byte-order mark is stripped; each cell is then
//! checked here with `chrono`, so that every problem is reported with its
//! file, line, column and value, all in one pass. polars' own CSV reader is not
//! used because it stops at the first bad value and gives no line number.
//!
//! The parsers take bytes (testable in memory); [`load`] adds the file system.

mod announcements;
mod events;
mod parquet;

pub use announcements::{parse_announcements, AnnouncementTable};
pub use events::parse_events;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::{Config, InputSource};
use crate::error::{Error, Problem, Result};
use crate::model::{Event, Period, RawTable};

/// The validated inputs of one run, with the bytes' SHA-256 for the manifest.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub announcements: AnnouncementTable,
    pub events: Vec<Event>,
    pub period: Period,
    /// `(name, sha256 hex, bytes)` for each input, announcements first.
    pub fingerprints: Vec<InputFingerprint>,
}

/// Identity of one input file, recorded in the manifest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFingerprint {
    pub name: String,
    pub sha256: String,
    pub bytes: usize,
}

/// Reads, parses and validates both inputs and resolves the study period.
///
/// # Errors
/// [`Error::Read`] when a file cannot be read; [`Error::Input`] listing every
/// problem found in either file.
pub fn load(config: &Config) -> Result<Inputs> {
    let announcement_bytes = read_source(&config.announcements)?;
    let event_bytes = read_source(&config.events)?;
    load_bytes(config, &announcement_bytes, &event_bytes)
}

/// Parses and validates both inputs from their bytes (named as the config's
/// sources are) and resolves the study period: [`load`] without the reading,
/// for running the whole pipeline in memory.
///
/// # Errors
/// [`Error::Input`] listing every problem found in either file.
pub fn load_bytes(
    config: &Config,
    announcement_bytes: &[u8],
    event_bytes: &[u8],
) -> Result<Inputs> {
    let announcement_name = config.announcements.display_name();
    let event_name = config.events.display_name();

    // The manifest's fingerprint (SHA-256) is hashed while the file is parsed.
    let (parsed_announcements, announcement_fingerprint) = rayon::join(
        || {
            parse_announcements(
                announcement_bytes,
                &announcement_name,
                &config.announcement_columns,
                &config.date_format,
            )
        },
        || fingerprint(announcement_name.clone(), announcement_bytes),
    );
    let parsed_events =
        parse_events(event_bytes, &event_name, &config.event_columns, &config.date_format);

    let mut problems = Vec::new();
    let (announcements, events) = match (parsed_announcements, parsed_events) {
        (Ok(a), Ok(e)) => (Some(a), Some(e)),
        (a, e) => {
            let a = a.map_err(|p| problems.extend(p)).ok();
            let e = e.map_err(|p| problems.extend(p)).ok();
            (a, e)
        }
    };
    let period = announcements.as_ref().and_then(|table| {
        resolve_period(config, table, &announcement_name).map_err(|p| problems.extend(p)).ok()
    });
    match (announcements, events, period) {
        (Some(announcements), Some(events), Some(period)) if problems.is_empty() => Ok(Inputs {
            announcements,
            events,
            period,
            fingerprints: vec![announcement_fingerprint, fingerprint(event_name, event_bytes)],
        }),
        _ => Err(Error::Input(problems)),
    }
}

/// Longest study period accepted, in days (1,000 years): every per-day
/// structure is sized by it.
pub const MAX_PERIOD_DAYS: usize = 365_250;

/// The study period: configured bounds, or the first and last announcement
/// dates. Announcements outside a configured period are problems.
fn resolve_period(
    config: &Config,
    table: &AnnouncementTable,
    file: &str,
) -> std::result::Result<Period, Vec<Problem>> {
    let dates = table.announcements.iter().map(|a| a.announcement_date);
    let (first, last) = match (dates.clone().min(), dates.max()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Err(vec![Problem::file(file, "has no announcements")]),
    };
    let period = Period {
        start: config.period_start.unwrap_or(first),
        end: config.period_end.unwrap_or(last),
    };
    if period.days() > MAX_PERIOD_DAYS {
        return Err(vec![Problem::file(
            file,
            format!(
                "the study period {}..{} spans {} days; northwind handles at most {MAX_PERIOD_DAYS} (1,000 years): set [period] start and end",
                period.start,
                period.end,
                period.days()
            ),
        )]);
    }
    if period.start > period.end {
        return Err(vec![Problem::file(
            file,
            format!(
                "the study period would start on {} after it ends on {}: check [period] and --start/--end",
                period.start, period.end
            ),
        )]);
    }
    let column = config.announcement_columns.header_for("announcement_date");
    let problems: Vec<Problem> = table
        .announcements
        .iter()
        .filter(|a| !period.contains(a.announcement_date))
        .map(|a| {
            Problem::cell(
                file,
                a.line,
                column,
                &a.announcement_date.format(&config.date_format).to_string(),
                format!("is outside the study period {}..{}", period.start, period.end),
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(period)
    } else {
        Err(problems)
    }
}

/// Largest input file read, in bytes (512 MiB). Inputs are held in memory
/// while they are validated; a larger file is refused up front, with this
/// figure in the message, instead of exhausting the machine's memory.
pub const MAX_INPUT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

fn read_source(source: &InputSource) -> Result<Vec<u8>> {
    match source {
        InputSource::File(path) => {
            let read_error = |source| Error::Read { path: path.clone(), source };
            let size = std::fs::metadata(path).map_err(read_error)?.len();
            if size > MAX_INPUT_BYTES {
                return Err(Error::Input(vec![Problem::file(
                    &path.display().to_string(),
                    format!(
                        "is {} MiB; northwind reads at most {} MiB per input file. Aggregate the announcements to one row per day (a `date,count` file), or split the period",
                        size / (1024 * 1024),
                        MAX_INPUT_BYTES / (1024 * 1024)
                    ),
                )]));
            }
            std::fs::read(path).map_err(read_error)
        }
        InputSource::Embedded { text, .. } => Ok(text.as_bytes().to_vec()),
    }
}

fn fingerprint(name: String, bytes: &[u8]) -> InputFingerprint {
    InputFingerprint { name, sha256: crate::report::sha256_hex(bytes), bytes: bytes.len() }
}

/// A CSV file read into text records, before any column is interpreted.
#[derive(Debug)]
pub(crate) struct TextTable {
    /// Header names (trimmed) and every valid data record's cells.
    pub cells: RawTable,
    /// 1-based line of each data record.
    pub lines: Vec<u64>,
}

impl TextTable {
    pub fn headers(&self) -> &[String] {
        &self.cells.headers
    }

    /// Index of the column named `header`.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers().iter().position(|h| h == header)
    }

    /// `(line, row index)` of every record.
    pub fn records(&self) -> impl Iterator<Item = (u64, usize)> + '_ {
        self.lines.iter().copied().zip(0..)
    }
}

/// Reads a table (CSV, or Parquet when the bytes start with its magic number)
/// into text records; see [`read_text_table`].
pub(crate) fn read_table(
    bytes: &[u8],
    file: &str,
    problems: &mut Vec<Problem>,
) -> std::result::Result<TextTable, Vec<Problem>> {
    if bytes.starts_with(parquet::MAGIC) {
        parquet::read_parquet_table(bytes, file)
    } else {
        read_text_table(bytes, file, problems)
    }
}

/// Bodies larger than this are parsed in parallel pieces.
const PARALLEL_PARSE_BYTES: usize = 256 << 10;

/// Reads CSV bytes into text records, collecting every structural problem
/// (ragged rows, invalid UTF-8, duplicate header names) into `problems`.
/// Rows with a problem are left out of the table, so that the caller can go on
/// validating the others and report everything in one pass.
///
/// Large files without any `"` are cut at line ends into pieces that are
/// parsed in parallel (with no quotes, every line end ends a record); files
/// with quotes are parsed in one piece, since a quoted field may hold a line
/// end. Either way the records, lines and problems come out in file order.
pub(crate) fn read_text_table(
    bytes: &[u8],
    file: &str,
    problems: &mut Vec<Problem>,
) -> std::result::Result<TextTable, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Problem::file(file, "is empty (expected a header line and data rows)")]);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    // The header: the first record that parses.
    let Some(line) = next_record(&mut reader, &mut record, &mut lines, file, problems) else {
        return Err(std::mem::take(problems));
    };
    let (fields, _) = text_fields(&record, &[], file, line, problems);
    let headers: Vec<String> = fields.iter().map(|f| f.trim().to_string()).collect();
    for (i, name) in headers.iter().enumerate() {
        if headers[..i].contains(name) {
            problems.push(Problem::line(
                file,
                line,
                format!("the header names column '{name}' twice"),
            ));
        }
    }
    let body_start =
        usize::try_from(reader.position().byte()).unwrap_or(bytes.len()).min(bytes.len());
    let body = &bytes[body_start..];
    let pieces = split_at_line_ends(body);
    let first_lines: Vec<u64> = {
        let newlines: Vec<u64> = pieces
            .par_iter()
            .map(|r| body[r.clone()].iter().filter(|&&b| b == b'\n').count() as u64)
            .collect();
        let before_body = 1 + bytes[..body_start].iter().filter(|&&b| b == b'\n').count() as u64;
        newlines
            .iter()
            .scan(before_body, |line, n| Some(std::mem::replace(line, *line + n)))
            .collect()
    };
    let parsed: Vec<(TextTable, Vec<Problem>)> = pieces
        .par_iter()
        .zip(first_lines)
        .map(|(range, first_line)| read_records(&body[range.clone()], first_line, &headers, file))
        .collect();
    let mut table = TextTable { cells: RawTable::new(headers), lines: Vec::new() };
    // Room for every piece up front: appending then copies each piece once.
    let rows = parsed.iter().map(|(piece, _)| piece.lines.len()).sum();
    table.lines.reserve_exact(rows);
    table.cells.reserve_for(parsed.iter().map(|(piece, _)| &piece.cells));
    for (piece, piece_problems) in parsed {
        problems.extend(piece_problems);
        if !table.cells.append(piece.cells) {
            problems.push(Problem::file(
                file,
                "has more than 4 GiB of cell text; split the file or aggregate it to daily counts",
            ));
            break;
        }
        table.lines.extend(piece.lines);
    }
    Ok(table)
}

/// Byte ranges of `body` that each hold whole records: one range, or, for a
/// large body without quotes, pieces cut just after a `\n`.
fn split_at_line_ends(body: &[u8]) -> Vec<std::ops::Range<usize>> {
    let pieces = 4 * rayon::current_num_threads().max(1);
    if body.len() < PARALLEL_PARSE_BYTES || pieces < 2 || body.contains(&b'"') {
        return std::iter::once(0..body.len()).collect();
    }
    let mut cuts = vec![0];
    for k in 1..pieces {
        let target = (body.len() / pieces * k).max(cuts[cuts.len() - 1]);
        if let Some(newline) = body[target..].iter().position(|&b| b == b'\n') {
            let cut = target + newline + 1;
            if cut < body.len() && cut > cuts[cuts.len() - 1] {
                cuts.push(cut);
            }
        }
    }
    cuts.push(body.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Parses data records (no header) from `bytes`, whose first byte is on line
/// `first_line` of the file.
fn read_records(
    bytes: &[u8],
    first_line: u64,
    headers: &[String],
    file: &str,
) -> (TextTable, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut table = TextTable { cells: RawTable::new(headers.to_vec()), lines: Vec::new() };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    lines.line = first_line;
    while let Some(line) = next_record(&mut reader, &mut record, &mut lines, file, &mut problems) {
        // The common case in one UTF-8 check per record instead of one per field.
        if record.len() == headers.len() {
            if let Some(text) = record_text(&record) {
                let cells = (0..record.len()).filter_map(|i| text.get(record.range(i)?));
                if !push_record(&mut table, cells, line, file, &mut problems) {
                    break;
                }
                continue;
            }
        }
        let (cells, valid) = text_fields(&record, headers, file, line, &mut problems);
        if cells.len() != headers.len() {
            problems.push(Problem::line(
                file,
                line,
                format!(
                    "has {} fields but the header has {} (a missing or extra comma, or an unclosed quote?)",
                    cells.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        if valid && !push_record(&mut table, cells.iter().copied(), line, file, &mut problems) {
            break;
        }
    }
    (table, problems)
}

/// The whole record as text, if it is UTF-8 and every field boundary falls
/// between characters (so that every field is UTF-8 too).
fn record_text(record: &csv::ByteRecord) -> Option<&str> {
    let text = std::str::from_utf8(record.as_slice()).ok()?;
    (0..record.len())
        .all(|i| record.range(i).is_some_and(|r| text.get(r).is_some()))
        .then_some(text)
}

/// Appends one record's cells and its line; `false` (with the problem) once
/// the table's text would pass 4 GiB.
fn push_record<'c>(
    table: &mut TextTable,
    cells: impl IntoIterator<Item = &'c str>,
    line: u64,
    file: &str,
    problems: &mut Vec<Problem>,
) -> bool {
    if !table.cells.push_row(cells) {
        problems.push(Problem::line(
            file,
            line,
            "is past 4 GiB of cell text; split the file or aggregate it to daily counts",
        ));
        return false;
    }
    table.lines.push(line);
    true
}

/// Reads the next record into `record` and returns its line. A record that is
/// not valid CSV is reported and skipped; `None` at the end of the input or
/// after an I/O error.
fn next_record<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
    lines: &mut LineCounter,
    file: &str,
    problems: &mut Vec<Problem>,
) -> Option<u64> {
    loop {
        match reader.read_byte_record(record) {
            Ok(false) => return None,
            Ok(true) => return Some(record.position().map_or(0, |p| lines.line_at(p.byte()))),
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                problems.push(Problem::line(file, line, format!("is not valid CSV: {e}")));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return None;
                }
            }
        }
    }
}

/// The record's fields as text, with `""` for each field that is not UTF-8;
/// each of those is reported, under its header name (or `#n` beyond
/// `headers`). The flag is `false` if any field was not UTF-8.
fn text_fields<'r>(
    record: &'r csv::ByteRecord,
    headers: &[String],
    file: &str,
    line: u64,
    problems: &mut Vec<Problem>,
) -> (Vec<&'r str>, bool) {
    let mut valid = true;
    let fields = record
        .iter()
        .enumerate()
        .map(|(i, field)| {
            std::str::from_utf8(field).unwrap_or_else(|_| {
                let column = headers.get(i).map_or_else(|| format!("#{}", i + 1), Clone::clone);
                problems.push(Problem::cell(
                    file,
                    line,
                    &column,
                    &String::from_utf8_lossy(field),
                    "is not valid UTF-8 text (save the file as UTF-8)",
                ));
                valid = false;
                ""
            })
        })
        .collect();
    (fields, valid)
}

/// 1-based line numbers from byte offsets. The csv crate's own line count is
/// off for CRLF files (it gives the first data line as line 1), and people fix
/// files by line number, so lines are counted here from the bytes.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter { bytes, offset: 0, line: 1 }
    }

    /// The line holding byte `offset`; offsets must not decrease between calls.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut target = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        // For CRLF input the csv crate places a record's start on the '\n' of
        // the previous line ending: step over line endings to the record itself.
        while target < self.bytes.len() && matches!(self.bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target > self.offset {
            self.line +=
                self.bytes[self.offset..target].iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
}

/// Looks up required and optional columns, reporting every missing required one.
pub(crate) fn locate_columns<const N: usize>(
    table: &TextTable,
    file: &str,
    wanted: [(&str, bool); N],
) -> std::result::Result<[Option<usize>; N], Vec<Problem>> {
    let mut problems = Vec::new();
    let located = wanted.map(|(header, required)| {
        let index = table.column(header);
        if index.is_none() && required {
            problems.push(Problem::line(
                file,
                1,
                format!(
                    "missing required column '{header}' (the header has: {})",
                    header_list(table.headers())
                ),
            ));
        }
        index
    });
    if problems.is_empty() {
        Ok(located)
    } else {
        Err(problems)
    }
}

/// The header names for a message: at most 12, each at most 40 characters,
/// control characters escaped, so that a binary file cannot flood the terminal.
fn header_list(headers: &[String]) -> String {
    let mut names: Vec<String> = headers
        .iter()
        .take(12)
        .map(|h| {
            let short: String = h.chars().take(40).collect();
            let shown: String = short.chars().flat_map(char::escape_debug).collect();
            if h.chars().count() > 40 {
                format!("{shown}…")
            } else {
                shown
            }
        })
        .collect();
    if headers.len() > 12 {
        names.push(format!("and {} more", headers.len() - 12));
    }
    names.join(", ")
}

/// `YYYY-MM-DD` exactly as chrono's `%Y-%m-%d` reads four-digit years, but
/// without interpreting a format string for each of ten million cells; other
/// shapes go to chrono.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Parses one date cell, or records a located problem.
pub(crate) fn parse_date(
    text: &str,
    format: &str,
    file: &str,
    line: u64,
    column: &str,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    let parsed = match format {
        "%Y-%m-%d" => iso_date(text.trim()),
        _ => NaiveDate::parse_from_str(text.trim(), format).ok(),
    };
    match parsed {
        Some(date) => Some(date),
        None => {
            let hint = crate::config::date_format_hint(format);
            let message = if text.trim().is_empty() {
                format!("is empty (expected a date, {hint})")
            } else {
                format!("is not a date (expected {hint})")
            };
            problems.push(Problem::cell(file, line, column, text, message));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_text_only_if_every_field_is() {
        let plain = csv::ByteRecord::from(vec!["s1", "2016-04-07", "\u{d55c}\u{ad6d}"]);
        assert_eq!(record_text(&plain), Some("s12016-04-07\u{d55c}\u{ad6d}"));
        // "\u{ac00}" is EA B0 80: split after its first byte, the record's bytes
        // are UTF-8 but neither field is.
        let split = csv::ByteRecord::from(vec![&b"a\xea"[..], &b"\xb0\x80"[..]]);
        assert!(std::str::from_utf8(split.as_slice()).is_ok());
        assert_eq!(record_text(&split), None);
        let mut problems = Vec::new();
        let bytes = b"id,name\na\xea,\xb0\x80\n";
        let table = read_text_table(bytes, "a.csv", &mut problems).unwrap();
        assert_eq!(table.cells.len(), 0, "the row with non-UTF-8 fields is not kept");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn the_fast_iso_date_path_agrees_with_chrono() {
        for text in [
            "2016-04-08",
            "2016-02-30",
            "0000-01-01",
            "9999-12-31",
            "2016-4-08",
            "2016-04-8",
            "+016-04-08",
            "2016/04/08",
            "20160408xx",
        ] {
            assert_eq!(iso_date(text), NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(), "{text}");
        }
    }

    #[test]
    fn a_large_file_parsed_in_pieces_keeps_every_row_line_and_problem_in_order() {
        let mut text = String::from("id,date\r\n");
        let mut expected_problems = Vec::new();
        for i in 0..400_000u32 {
            if i % 99_991 == 7 {
                text.push_str("ragged\r\n");
                expected_problems.push(i as u64 + 2);
            } else {
                text.push_str(&format!("row{i},2020-01-01\r\n"));
            }
        }
        assert!(text.len() > PARALLEL_PARSE_BYTES);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let mut problems = Vec::new();
        let table =
            pool.install(|| read_text_table(text.as_bytes(), "f.csv", &mut problems)).unwrap();
        assert!(split_at_line_ends(text.as_bytes()).len() > 1, "the test exercises the pieces");
        assert_eq!(table.cells.len(), 400_000 - expected_problems.len());
        let lines: Vec<u64> = problems
            .iter()
            .map(|p| p.to_string().split(':').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(lines, expected_problems);
        for (k, &line) in table.lines.iter().enumerate().step_by(9973) {
            let id = table.cells.cell(k, 0);
            assert_eq!(id, format!("row{}", line - 2), "row {k}");
        }
    }

    #[test]
    fn a_bom_and_crlf_line_endings_are_read_transparently() {
        let table =
            read_text_table(b"\xEF\xBB\xBFid,date\r\na,2020-01-01\r\n", "f.csv", &mut vec![])
                .unwrap();
        assert_eq!(table.headers(), ["id", "date"]);
        assert_eq!(table.lines, [2]);
        assert_eq!(table.cells.row(0).collect::<Vec<_>>(), ["a", "2020-01-01"]);
    }

    #[test]
    fn line_numbers_are_true_for_crlf_files_with_multiline_fields() {
        let table =
            read_text_table(b"id,n\r\na,\"x\r\ny\"\r\nb,2\r\n", "f.csv", &mut vec![]).unwrap();
        let lines = table.lines.clone();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn quoted_fields_keep_commas_and_newlines_and_lines_stay_true() {
        let table =
            read_text_table(b"id,notes\na,\"x, y\nz\"\nb,w\n", "f.csv", &mut vec![]).unwrap();
        assert_eq!(table.cells.cell(0, 1), "x, y\nz");
        assert_eq!(table.lines[1], 4);
    }

    #[test]
    fn a_bad_byte_in_the_header_is_reported_too() {
        let mut problems = vec![];
        let table = read_text_table(b"id,\xffx\na,b\n", "f.csv", &mut problems).unwrap();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 1, "{text:?}");
        assert!(text[0].starts_with("f.csv:1: column '#2'"), "{text:?}");
        assert!(text[0].contains("is not valid UTF-8"), "{text:?}");
        assert_eq!(table.headers(), ["id", ""]);
    }

    #[test]
    fn every_ragged_row_and_bad_byte_is_reported() {
        let mut problems = vec![];
        let table =
            read_text_table(b"id,date\na\nb,\xff\nc,d,e\nf,g\n", "f.csv", &mut problems).unwrap();
        assert_eq!(table.cells.len(), 1, "only the good row is kept");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[0].starts_with("f.csv:2: has 1 fields"), "{text:?}");
        assert!(text[1].starts_with("f.csv:3: column 'date'"), "{text:?}");
        assert!(text[2].starts_with("f.csv:4: has 3 fields"), "{text:?}");
    }

    #[test]
    fn an_empty_file_is_a_problem() {
        let problems = read_text_table(b"  \n", "f.csv", &mut vec![]).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "f.csv: is empty (expected a header line and data rows)"
        );
    }
}
