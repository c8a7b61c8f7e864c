//! The files people actually have: each dialect of the same data gives the
//! same tables as the clean comma-separated file.

use std::path::Path;

use crate::util::{fixture, northwind, run_ok};

/// The CSV file at `from` rewritten with `delimiter` (quoting as needed).
fn with_delimiter(from: &Path, to: &Path, delimiter: u8) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(from).unwrap();
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_path(to).unwrap();
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    writer.flush().unwrap();
}

/// The tables of a run on `announcements` and `events` (in `dir`).
fn tables(dir: &Path, name: &str, announcements: &Path, events: &Path) -> Vec<(String, Vec<u8>)> {
    let out = dir.join(name);
    run_ok(
        northwind(dir)
            .args(["run", "-q", "--permutations", "99", "--out"])
            .arg(&out)
            .arg("--announcements")
            .arg(announcements)
            .arg("--events")
            .arg(events),
    );
    read_tables(&out)
}

/// Every file of a report's `tables/`, by name.
fn read_tables(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.join("tables"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn semicolon_tab_and_pipe_files_give_the_tables_of_the_comma_file() {
    let dir = tempfile::tempdir().unwrap();
    let (announcements, events) = (fixture("small/announcements.csv"), fixture("small/events.csv"));
    let clean = tables(dir.path(), "comma", &announcements, &events);
    assert!(clean.len() >= 8);
    for (name, delimiter) in [("semicolon", b';'), ("tab", b'\t'), ("pipe", b'|')] {
        let a = dir.path().join(format!("{name}-announcements.csv"));
        let e = dir.path().join(format!("{name}-events.csv"));
        with_delimiter(&announcements, &a, delimiter);
        with_delimiter(&events, &e, delimiter);
        let text = std::fs::read_to_string(&a).unwrap();
        assert!(text.lines().next().unwrap().contains(delimiter as char), "{name}: {text}");
        let got = tables(dir.path(), name, &a, &e);
        assert_eq!(got.len(), clean.len(), "{name}");
        for ((file, bytes), (_, want)) in got.iter().zip(&clean) {
            assert!(bytes == want, "{name}: tables/{file} differs from the comma file's");
        }
    }
}

#[test]
fn cp949_and_utf16_files_with_korean_headers_give_the_tables_of_the_utf8_file() {
    let dir = tempfile::tempdir().unwrap();
    // The small fixture with Korean headers and names, as a Korean sheet has them.
    let original = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let mut lines = original.lines();
    let header = lines
        .next()
        .unwrap()
        .replacen("id,name", "사례,이름", 1)
        .replace("announcement_date", "발표일");
    let korean: String =
        std::iter::once(header)
            .chain(lines.map(|l| {
                l.replacen("Kim One", "김일", 1).replacen("\"Lee, Two\"", "\"이, 둘\"", 1)
            }))
            .map(|l| l + "\r\n")
            .collect();
    let config = crate::util::write_config(
        dir.path(),
        "[columns]\nid = \"사례\"\nname = \"이름\"\nannouncement_date = \"발표일\"\n",
    );
    let events = fixture("small/events.csv");
    let utf8 = dir.path().join("utf8.csv");
    std::fs::write(&utf8, &korean).unwrap();
    let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(&korean);
    assert!(!unmappable);
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(korean.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let run = |name: &str, file: &Path| {
        let out = dir.path().join(name);
        run_ok(
            northwind(dir.path())
                .args(["run", "-q", "--permutations", "99", "--config"])
                .arg(&config)
                .arg("--out")
                .arg(&out)
                .arg("--announcements")
                .arg(file)
                .arg("--events")
                .arg(&events),
        );
        out
    };
    let clean = run("utf8", &utf8);
    for (name, bytes, encoding) in
        [("cp949", cp949.into_owned(), "EUC-KR"), ("utf16", utf16, "UTF-16LE")]
    {
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, bytes).unwrap();
        let out = run(name, &file);
        for entry in std::fs::read_dir(clean.join("tables")).unwrap() {
            let table = entry.unwrap().file_name();
            let want = std::fs::read(clean.join("tables").join(&table)).unwrap();
            let got = std::fs::read(out.join("tables").join(&table)).unwrap();
            assert!(got == want, "{name}: tables/{table:?} differs from the UTF-8 file's");
        }
        let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
        assert!(summary.contains(&format!("(read as {encoding})")), "{name}: {summary}");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
        assert_eq!(json["inputs"]["announcements"]["encoding"], encoding);
    }
}

#[test]
fn a_broken_workbook_gets_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("cases.xlsx");
    std::fs::write(
        &xlsx,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00docProps/app.xml\xff\xfe",
    )
    .unwrap();
    let ran = check(dir.path(), None, &xlsx);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("1 problem"), "one message, not one per cell: {}", ran.stderr);
    assert!(
        ran.stderr.contains("is a ZIP archive or an Office file but not a workbook"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("docProps"), "no binary garbage quoted: {}", ran.stderr);
}

/// The small fixture with each cell rewritten by `cell(header, value)`.
fn rewritten(to: &Path, cell: impl Fn(&str, &str) -> String) {
    let mut reader = csv::Reader::from_path(fixture("small/announcements.csv")).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut writer = csv::Writer::from_path(to).unwrap();
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        writer.write_record(headers.iter().zip(&record).map(|(h, v)| cell(h, v))).unwrap();
    }
    writer.flush().unwrap();
}

/// `northwind check` of `announcements` against the small events, with `config` if given.
fn check(dir: &Path, config: Option<&Path>, announcements: &Path) -> crate::util::Ran {
    let mut command = northwind(dir);
    command.arg("check");
    if let Some(config) = config {
        command.arg("--config").arg(config);
    }
    crate::util::run(
        command
            .arg("--announcements")
            .arg(announcements)
            .arg("--events")
            .arg(fixture("small/events.csv")),
    )
}

/// The tables of a run with `config` on `announcements` and the small events.
fn tables_with(
    dir: &Path,
    name: &str,
    config: &str,
    announcements: &Path,
) -> Vec<(String, Vec<u8>)> {
    run_tables(dir, name, config, announcements, &fixture("small/events.csv"))
}

/// The tables of a run with `config` on `announcements` and `events`.
fn run_tables(
    dir: &Path,
    name: &str,
    config: &str,
    announcements: &Path,
    events: &Path,
) -> Vec<(String, Vec<u8>)> {
    let out = dir.join(name);
    let config = crate::util::write_config(dir, config);
    run_ok(
        northwind(dir)
            .args(["run", "-q", "--permutations", "99", "--config"])
            .arg(&config)
            .arg("--out")
            .arg(&out)
            .arg("--announcements")
            .arg(announcements)
            .arg("--events")
            .arg(events),
    );
    read_tables(&out)
}

/// Every table equal; `joined.csv`, which carries the input's cells as
/// they were written, equal in the columns it adds (from `delay_days` on).
fn assert_same_tables(name: &str, got: &[(String, Vec<u8>)], want: &[(String, Vec<u8>)]) {
    assert_eq!(got.len(), want.len(), "{name}");
    let added = |bytes: &[u8]| -> Vec<Vec<String>> {
        let mut reader = csv::Reader::from_reader(bytes);
        let from = reader.headers().unwrap().iter().position(|h| h == "delay_days").unwrap();
        reader.records().map(|r| r.unwrap().iter().skip(from).map(String::from).collect()).collect()
    };
    for ((file, bytes), (_, want)) in got.iter().zip(want) {
        if file == "joined.csv" {
            assert_eq!(added(bytes), added(want), "{name}: joined.csv's added columns differ");
        } else {
            assert!(bytes == want, "{name}: tables/{file} differs from the clean file's");
        }
    }
}

#[test]
fn korean_date_styles_and_partial_defection_dates_give_the_tables_of_iso_dates() {
    use chrono::Datelike;
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "iso", "", &fixture("small/announcements.csv"));
    let korean = dir.path().join("korean.csv");
    let weekdays = ["월", "화", "수", "목", "금", "토", "일"];
    let row = std::cell::Cell::new(0usize);
    rewritten(&korean, |header, value| {
        let date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
        match (header, date) {
            ("announcement_date", Some(d)) => {
                row.set(row.get() + 1);
                let weekday = weekdays[d.weekday().num_days_from_monday() as usize];
                match row.get() % 4 {
                    0 => d.format("%Y.%m.%d").to_string(),
                    1 => format!("{}. {}. {}.", d.year(), d.month(), d.day()),
                    2 => format!("{}년 {}월 {}일 ({weekday})", d.year(), d.month(), d.day()),
                    _ => format!("{}.{:02}.{:02} {weekday}요일", d.year(), d.month(), d.day()),
                }
            }
            _ => value.to_string(),
        }
    });
    // Partial defection dates, with the precision column left for them to set.
    let partial = dir.path().join("partial.csv");
    let text = std::fs::read_to_string(&korean).unwrap();
    let text = text.replace("2020-02-01,month", "2020-02,").replace("2019-01-01,year", "2019년,");
    assert!(text.contains("2020-02,,") && text.contains("2019년,,"), "{text}");
    std::fs::write(&partial, text).unwrap();
    assert_same_tables("korean", &tables_with(dir.path(), "korean", "", &korean), &clean);
    assert_same_tables("partial", &tables_with(dir.path(), "partial", "", &partial), &clean);

    // A weekday that is not the date's is located and named.
    let wrong = dir.path().join("wrong.csv");
    std::fs::write(
        &wrong,
        std::fs::read_to_string(&partial).unwrap().replacen("2020. 1. 5.", "2020. 1. 5. (월)", 1),
    )
    .unwrap();
    let ran = check(dir.path(), None, &wrong);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("names a Monday, but 2020-01-05 is a Sunday"), "{}", ran.stderr);
}

#[test]
fn timestamps_become_the_day_they_fall_on_in_the_configured_zone() {
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "iso", "", &fixture("small/announcements.csv"));
    // 20:30 UTC the day before: the day itself in Seoul (UTC+9).
    let stamps = dir.path().join("stamps.csv");
    rewritten(&stamps, |header, value| {
        match (header, chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")) {
            ("announcement_date", Ok(d)) => {
                format!("{}T20:30:00Z", (d - chrono::Days::new(1)).format("%Y-%m-%d"))
            }
            _ => value.to_string(),
        }
    });
    let seoul = tables_with(dir.path(), "seoul", "[input]\ntimezone = \"Asia/Seoul\"\n", &stamps);
    assert_same_tables("Asia/Seoul", &seoul, &clean);
    // In UTC each is a day earlier: two same-day cases now precede their defections.
    let utc = crate::util::write_config(dir.path(), "[input]\ntimezone = \"UTC\"\n");
    let ran = check(dir.path(), Some(&utc), &stamps);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("value '2020-04-14' is after the announcement date 2020-04-13"),
        "{}",
        ran.stderr
    );

    // Without a zone: one message for the column, not one per cell.
    let ran = check(dir.path(), Some(&fixture("empty.toml")), &stamps);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("1 problem in the input"), "{}", ran.stderr);
    assert!(ran.stderr.contains("set [input] timezone"), "{}", ran.stderr);
    assert!(ran.stderr.contains("(10 more cells of this column are timestamps)"), "{}", ran.stderr);
}

#[test]
fn xlsx_ods_and_xls_workbooks_give_the_tables_of_the_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "csv", "", &fixture("small/announcements.csv"));
    for book in ["cases.xlsx", "cases.ods", "cases.xls"] {
        let path = fixture("workbooks").join(book);
        let out = dir.path().join(book.replace('.', "-"));
        // The first sheet holds the announcements; the events are named.
        let events = format!("{}#Events", path.display());
        run_ok(
            northwind(dir.path())
                .args(["run", "-q", "--permutations", "99", "--out"])
                .arg(&out)
                .arg("--announcements")
                .arg(&path)
                .args(["--events", &events]),
        );
        let got = read_tables(&out);
        assert_same_tables(book, &got, &clean);
    }
}

#[test]
fn a_workbook_problem_is_located_by_sheet_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let book = fixture("workbooks/cases.xlsx");
    let check = |events: &str, config: &str| {
        let config = crate::util::write_config(dir.path(), config);
        crate::util::run(
            northwind(dir.path())
                .args(["check", "--config"])
                .arg(&config)
                .arg("--announcements")
                .arg(&book)
                .args(["--events", events]),
        )
    };
    let events = format!("{}#Events", book.display());
    // The defection dates read as announcement dates: row 6 has none.
    let ran = check(&events, "[columns]\nannouncement_date = \"defection_date\"\n");
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("cases.xlsx [Cases] row 6, column 'defection_date': value '' is empty"),
        "{}",
        ran.stderr
    );
    let ran = check(&format!("{}#Nope", book.display()), "");
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("has no sheet named 'Nope' (its sheets: 'Cases', 'Events', 'Notes')"),
        "{}",
        ran.stderr
    );
    let ran = check(&format!("{}#Notes", book.display()), "");
    assert!(
        ran.stderr.contains("cases.xlsx [Notes] row 1: missing required column 'date'"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_file_without_ids_gives_the_tables_of_the_file_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "ids", "", &fixture("small/announcements.csv"));
    // A journalist's sheet: no id column, and two cases of the same name.
    let text = std::fs::read_to_string(fixture("small/announcements.csv")).unwrap();
    let without: String = text
        .lines()
        .map(|l| l.split_once(',').unwrap().1.replace("Eleven", "Kim One") + "\n")
        .collect();
    assert!(without.starts_with("name,"), "{without}");
    let file = dir.path().join("no-ids.csv");
    std::fs::write(&file, without).unwrap();
    assert_same_tables("no ids", &tables_with(dir.path(), "no-ids", "", &file), &clean);
}

/// The tables of a run with `config` on the small announcements and `events`.
fn tables_of_events(dir: &Path, name: &str, config: &str, events: &Path) -> Vec<(String, Vec<u8>)> {
    run_tables(dir, name, config, &fixture("small/announcements.csv"), events)
}

#[test]
fn one_group_or_a_group_column_gives_the_tables_of_the_same_groups_listed() {
    let dir = tempfile::tempdir().unwrap();
    let events = fixture("small/events.csv");
    let kinds = "\"election_local\", \"election_legislative\", \"election_presidential\", \"election_runoff\", \"sanctions_un\", \"sanctions_us\", \"nuclear_test\"";
    let listed = tables_of_events(
        dir.path(),
        "listed-one",
        &format!("[groups]\nevents = [{kinds}]\n"),
        &events,
    );
    let one = tables_of_events(dir.path(), "one", "[analysis]\ngroup_by = \"one\"\n", &events);
    assert_same_tables("group_by = one", &one, &listed);

    // A group column: elections are "vote", the rest "pressure" (one cell
    // left empty goes by its kind prefix, "nuclear").
    let text = std::fs::read_to_string(&events).unwrap();
    let with_column: String = text
        .lines()
        .map(|l| {
            let group = match l.split(',').nth(1).unwrap() {
                "kind" => "group",
                k if k.starts_with("election") => "vote",
                k if k.starts_with("sanctions") => "pressure",
                _ => "",
            };
            format!("{l},{group}\n")
        })
        .collect();
    let column_file = dir.path().join("grouped.csv");
    std::fs::write(&column_file, with_column).unwrap();
    let by_column =
        tables_of_events(dir.path(), "column", "[analysis]\ngroup_by = \"column\"\n", &column_file);
    let listed = tables_of_events(
        dir.path(),
        "listed-column",
        "[groups]\nvote = [\"election_local\", \"election_legislative\", \"election_presidential\", \"election_runoff\"]\npressure = [\"sanctions_un\", \"sanctions_us\"]\nnuclear = [\"nuclear_test\"]\n",
        &events,
    );
    assert_same_tables("group_by = column", &by_column, &listed);
}

#[test]
fn many_groups_of_one_kind_each_get_a_note_saying_how_to_join_them() {
    let dir = tempfile::tempdir().unwrap();
    // Holiday names: no shared prefix, so a group per kind.
    let holidays = [
        "newyear",
        "seollal",
        "samiljeol",
        "childrensday",
        "memorialday",
        "liberationday",
        "chuseok",
        "christmas",
    ];
    let mut text = String::from("date,kind\n");
    for (i, kind) in holidays.iter().enumerate() {
        text.push_str(&format!("2020-{:02}-1{i},{kind}\n", i + 1));
    }
    let events = dir.path().join("holidays.csv");
    std::fs::write(&events, text).unwrap();
    let summary = |name: &str, config: &str, lang: &str| {
        let out = dir.path().join(name);
        let config = crate::util::write_config(dir.path(), config);
        run_ok(
            northwind(dir.path())
                .args([
                    "run",
                    "-q",
                    "--no-charts",
                    "--permutations",
                    "99",
                    "--lang",
                    lang,
                    "--config",
                ])
                .arg(&config)
                .arg("--out")
                .arg(&out)
                .arg("--announcements")
                .arg(fixture("small/announcements.csv"))
                .arg("--events")
                .arg(&events),
        );
        std::fs::read_to_string(out.join("summary.md")).unwrap()
    };
    let english = summary("en", "", "en");
    assert!(
        english.contains("8 of the 8 groups hold a single kind each, because their kinds share no prefix before a `_`"),
        "{english}"
    );
    assert!(english.contains("set `[analysis] group_by = \"one\"`"), "{english}");
    let korean = summary("ko", "", "ko");
    assert!(korean.contains("사건 집단 8개 가운데 8개는 종류가 하나뿐이다."), "{korean}");
    let joined = summary("one", "[analysis]\ngroup_by = \"one\"\n", "en");
    assert!(!joined.contains("a single kind each"), "{joined}");
}

/// The small fixture as a Korean newsroom's sheet has it: Korean headers, no
/// id column, Korean date styles, partial defection dates, CRLF lines.
fn korean_sheet() -> String {
    use chrono::Datelike;
    let mut reader = csv::Reader::from_path(fixture("small/announcements.csv")).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let korean_header = |h: &str| -> String {
        match h {
            "name" => "이름",
            "category" => "구분",
            "people" => "인원",
            "defection_date" => "탈북일",
            "defection_date_precision" => "탈북일_정밀도",
            "announcement_date" => "발표일",
            other => other,
        }
        .to_string()
    };
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(vec![]);
    writer.write_record(headers.iter().skip(1).map(|h| korean_header(h))).unwrap();
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let cells = headers.iter().zip(&record).skip(1).map(|(h, v)| {
            let date = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
            match (h.as_str(), date) {
                ("announcement_date", Some(d)) if i % 2 == 0 => {
                    format!("{}. {}. {}.", d.year(), d.month(), d.day())
                }
                ("announcement_date", Some(d)) => {
                    format!("{}년 {}월 {}일", d.year(), d.month(), d.day())
                }
                ("name", _) => v.replace("Kim One", "김일").replace("Lee, Two", "이, 둘"),
                _ => v.to_string(),
            }
        });
        writer.write_record(cells.collect::<Vec<_>>()).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    // Partial defection dates, with the precision column left for them to set.
    let text = text.replace("2020-02-01,month", "2020-02,").replace("2019-01-01,year", "2019년,");
    assert!(text.contains("2020-02,,") && text.contains("2019년,,"), "{text}");
    text
}

#[test]
fn a_korean_newsrooms_cp949_sheet_gives_the_tables_of_the_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "clean", "", &fixture("small/announcements.csv"));
    let sheet = korean_sheet();
    let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(&sheet);
    assert!(!unmappable);
    let file = dir.path().join("사례.csv");
    std::fs::write(&file, cp949).unwrap();
    let config = "[columns]\nname = \"이름\"\ncategory = \"구분\"\npeople = \"인원\"\n\
        defection_date = \"탈북일\"\ndefection_date_precision = \"탈북일_정밀도\"\n\
        announcement_date = \"발표일\"\n";
    // Detected, not set: Excel on Korean Windows writes CP949 without a mark.
    let got = tables_with(dir.path(), "korean", config, &file);
    assert_same_tables("CP949 sheet", &got, &clean);
    let summary = std::fs::read_to_string(dir.path().join("korean/summary.md")).unwrap();
    assert!(summary.contains("(read as EUC-KR)"), "{summary}");
    assert!(summary.contains("has no `id` column"), "{summary}");
}

#[test]
fn a_european_semicolon_export_with_day_first_dates_gives_the_tables_of_the_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let clean = tables_with(dir.path(), "clean", "", &fixture("small/announcements.csv"));
    let day_first = dir.path().join("day-first.csv");
    rewritten(&day_first, |_, value| match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) => d.format("%d.%m.%Y").to_string(),
        Err(_) => value.to_string(),
    });
    let (a, e) = (dir.path().join("export.csv"), dir.path().join("events.csv"));
    with_delimiter(&day_first, &a, b';');
    with_delimiter(&fixture("small/events.csv"), &e, b';');
    // A UTF-8 mark, as Excel's "CSV UTF-8" writes.
    let text = std::fs::read(&a).unwrap();
    assert!(text.starts_with(b"id;name;") && text.windows(11).any(|w| w == b";05.01.2020"));
    std::fs::write(&a, [crate::util::BOM, &text].concat()).unwrap();
    // Day-first for the announcements only: the events keep ISO dates.
    let config = "[input]\nannouncement_date_formats = [\"day-first\"]\n";
    assert_same_tables("day-first", &run_tables(dir.path(), "eu", config, &a, &e), &clean);
    // Without the setting, each style of date is named once, with the fix.
    let ran = check(dir.path(), Some(&fixture("empty.toml")), &a);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("'05.01.2020'"), "{}", ran.stderr);
    assert!(ran.stderr.contains("date_formats"), "{}", ran.stderr);
}

#[test]
fn a_file_without_ids_says_so_and_a_mapped_id_column_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-ids.csv");
    std::fs::write(
        &file,
        korean_sheet().replace("이름", "name").replace("발표일", "announcement_date"),
    )
    .unwrap();
    let ran = check(dir.path(), Some(&fixture("empty.toml")), &file);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains(northwind::IDS_BY_LINE), "{}", ran.stdout);
    // A file with ids gets no such line.
    let ran = check(dir.path(), Some(&fixture("empty.toml")), &fixture("small/announcements.csv"));
    assert!(!ran.stdout.contains("no id column"), "{}", ran.stdout);
    // A forgotten or misspelt mapping is an error, not a silent numbering.
    let config = crate::util::write_config(dir.path(), "[columns]\nid = \"사례번호\"\n");
    let ran = check(dir.path(), Some(&config), &file);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("missing required column '사례번호'"), "{}", ran.stderr);
}
