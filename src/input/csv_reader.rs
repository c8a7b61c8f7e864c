//! The CSV reader: bytes to a [`TextTable`], every structural problem located.
//!
//! The `csv` crate splits records (quoted fields, embedded commas and
//! newlines, CRLF line endings); this module picks the delimiter from the
//! header line (`,`, `;`, tab or `|`, see [`sniff_delimiter`]), strips a UTF-8 byte-order mark,
//! checks that every field is UTF-8, counts true line numbers, rejects ragged
//! rows and repeated header names, and parses a large file in parallel pieces.
//! Everything it finds is collected, so one pass reports every problem.

use rayon::prelude::*;

use crate::error::Problem;
use crate::model::RawTable;

use super::table::TextTable;

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
    delimiter: Option<u8>,
    problems: &mut Vec<Problem>,
) -> std::result::Result<TextTable, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Problem::file(file, "is empty (expected a header line and data rows)")]);
    }
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(bytes));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
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
        .map(|(range, first_line)| {
            read_records(&body[range.clone()], first_line, &headers, file, delimiter)
        })
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

/// The delimiters northwind recognises, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter of a file, from its header line: the one of `,`, `;`, tab
/// and `|` that occurs most often outside quotes (a comma on a tie or when
/// none occurs, as in a one-column file). European spreadsheets write `;`,
/// Excel's "Unicode text" a tab.
pub(crate) fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for &b in bytes.iter().take(64 << 10) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best =
        (0..DELIMITERS.len()).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    DELIMITERS[best]
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
    delimiter: u8,
) -> (TextTable, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut table = TextTable { cells: RawTable::new(headers.to_vec()), lines: Vec::new() };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_the_header_uses_most_outside_quotes() {
        assert_eq!(sniff_delimiter(b"id,announcement_date\na;b,c\n"), b',');
        assert_eq!(sniff_delimiter(b"Version;Ver\xc3\xb6ffentlicht am;Bemerkung\n1,5;x;y\n"), b';');
        assert_eq!(sniff_delimiter(b"id\tdate\tname\n"), b'\t');
        assert_eq!(sniff_delimiter(b"id|date\n"), b'|');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d\n"), b',', "quoted delimiters do not count");
        assert_eq!(sniff_delimiter(b"date\n2020-01-01\n"), b',', "one column: a comma");
        let table = read_text_table(
            b"id;announcement_date;name\nk1;2020-01-01;\"Lee; Two\"\n",
            "f.csv",
            None,
            &mut vec![],
        )
        .unwrap();
        assert_eq!(table.headers(), ["id", "announcement_date", "name"]);
        assert_eq!(table.cells.cell(0, 2), "Lee; Two");
    }

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
        let table = read_text_table(bytes, "a.csv", None, &mut problems).unwrap();
        assert_eq!(table.cells.len(), 0, "the row with non-UTF-8 fields is not kept");
        assert_eq!(problems.len(), 2, "{problems:?}");
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
        let table = pool
            .install(|| read_text_table(text.as_bytes(), "f.csv", None, &mut problems))
            .unwrap();
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
            read_text_table(b"\xEF\xBB\xBFid,date\r\na,2020-01-01\r\n", "f.csv", None, &mut vec![])
                .unwrap();
        assert_eq!(table.headers(), ["id", "date"]);
        assert_eq!(table.lines, [2]);
        assert_eq!(table.cells.row(0).collect::<Vec<_>>(), ["a", "2020-01-01"]);
    }

    #[test]
    fn line_numbers_are_true_for_crlf_files_with_multiline_fields() {
        let table = read_text_table(b"id,n\r\na,\"x\r\ny\"\r\nb,2\r\n", "f.csv", None, &mut vec![])
            .unwrap();
        let lines = table.lines.clone();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn quoted_fields_keep_commas_and_newlines_and_lines_stay_true() {
        let table =
            read_text_table(b"id,notes\na,\"x, y\nz\"\nb,w\n", "f.csv", None, &mut vec![]).unwrap();
        assert_eq!(table.cells.cell(0, 1), "x, y\nz");
        assert_eq!(table.lines[1], 4);
    }

    #[test]
    fn a_bad_byte_in_the_header_is_reported_too() {
        let mut problems = vec![];
        let table = read_text_table(b"id,\xffx\na,b\n", "f.csv", None, &mut problems).unwrap();
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
            read_text_table(b"id,date\na\nb,\xff\nc,d,e\nf,g\n", "f.csv", None, &mut problems)
                .unwrap();
        assert_eq!(table.cells.len(), 1, "only the good row is kept");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[0].starts_with("f.csv:2: has 1 fields"), "{text:?}");
        assert!(text[1].starts_with("f.csv:3: column 'date'"), "{text:?}");
        assert!(text[2].starts_with("f.csv:4: has 3 fields"), "{text:?}");
    }

    #[test]
    fn an_empty_file_is_a_problem() {
        let problems = read_text_table(b"  \n", "f.csv", None, &mut vec![]).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "f.csv: is empty (expected a header line and data rows)"
        );
    }
}
