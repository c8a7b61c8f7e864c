use super::*;
use crate::model::Precision;

fn parse(text: &str) -> Result<AnnouncementTable, Vec<Problem>> {
    parse_announcements(text.as_bytes(), "a.csv", &FileFormat::default())
}

fn messages(text: &str) -> Vec<String> {
    parse(text).unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn a_minimal_file_gets_defaults_for_optional_columns() {
    let table = parse("id,announcement_date\nx,2020-02-29\n").unwrap();
    let a = &table.announcements[0];
    assert_eq!(
        (a.people, a.count, a.precision, &*a.category),
        (1, 1, Precision::Unknown, "unspecified")
    );
    assert_eq!(a.announcement_date.to_string(), "2020-02-29");
}

#[test]
fn every_bad_cell_is_reported_in_one_pass() {
    let text = "id,announcement_date,people,defection_date,defection_date_precision\n\
                a,2016-02-30,0,,\n\
                a,2016-03-01,2,2016-03-05,day\n\
                ,2016-03-01,x,2016-01-01,weekly\n\
                b,2016-03-01,1,,month\n";
    let got = messages(text);
    assert_eq!(
        got,
        vec![
            "a.csv:2: column 'announcement_date': value '2016-02-30' is not a date (expected YYYY-MM-DD, or a Korean date such as 2016.04.08 or 2016년 4월 8일)",
            "a.csv:2: column 'people': value '0' is not a whole number from 1 to 1000000",
            "a.csv:3: column 'id': value 'a' is a duplicate id (first used on line 2)",
            "a.csv:3: column 'defection_date': value '2016-03-05' is after the announcement date 2016-03-01 (the delay would be negative)",
            "a.csv:4: column 'id': value '' is empty (every announcement needs an id)",
            "a.csv:4: column 'people': value 'x' is not a whole number from 1 to 1000000",
            "a.csv:4: column 'defection_date_precision': value 'weekly' is not one of day, month, year, unknown",
            "a.csv:5: column 'defection_date_precision': value 'month' needs a date in column 'defection_date', which is empty",
        ]
    );
}

#[test]
fn a_missing_date_column_is_named_and_the_id_column_is_optional() {
    let got = messages("name,date\nx,2020-01-01\n");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("missing required column 'announcement_date'"), "{got:?}");
    let table = parse("name,announcement_date\nKim,2020-01-01\n,2020-01-02\nKim,2020-01-03\n")
        .expect("no id column: rows go by their line, and names may repeat");
    assert_eq!((table.id(0), table.name(0)), ("line 2".to_string(), "Kim".to_string()));
    assert_eq!((table.id(1), table.name(1)), ("line 3".to_string(), "line 3".to_string()));
}

#[test]
fn a_header_without_rows_is_a_problem() {
    assert!(messages("id,announcement_date\n")[0].contains("no announcements"));
}

#[test]
fn renamed_columns_are_found_and_named_in_errors() {
    let columns = ColumnMap::renamed(&[("id", "case"), ("announcement_date", "announced")]);
    let format = FileFormat { columns, ..FileFormat::default() };
    let ok = parse_announcements(b"case,announced\nk,2020-01-01\n", "a.csv", &format);
    assert_eq!(ok.unwrap().id(0), "k");
    let problems =
        parse_announcements(b"case,announced\nk,2020-13-01\n", "a.csv", &format).unwrap_err();
    assert!(problems[0].to_string().contains("column 'announced'"), "{problems:?}");
}

#[test]
fn hangul_names_and_extra_columns_are_carried_through() {
    let table = parse("id,name,announcement_date,extra\nk1,태영호,2016-08-16,x\n").unwrap();
    assert_eq!(table.raw.headers, vec!["id", "name", "announcement_date", "extra"]);
    assert_eq!(table.raw.cell(0, 1), "태영호");
    assert_eq!(table.name(0), "태영호");
}

#[test]
fn a_date_count_file_is_read_as_it_is() {
    let table = parse("date,count\n2020-01-01,3\n2020-01-04,1\n").unwrap();
    assert_eq!(table.total(), 4);
    assert_eq!(table.announcements[0].count, 3);
    assert_eq!(table.id(1), "line 3");
    let got = messages(
        "date,count,defection_date\n2020-01-01,0,\n2020-01-02,x,\n2020-01-03,2,2019-12-01\n",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got[0].starts_with("a.csv:2: column 'count': value '0' is not a whole number"),
        "{got:?}"
    );
    assert!(got[1].starts_with("a.csv:3: column 'count': value 'x'"), "{got:?}");
    assert!(
        got[2].contains(
            "column 'defection_date': value '2019-12-01' is not allowed with a 'count' column"
        ),
        "{got:?}"
    );
}

#[test]
fn duplicate_ids_name_the_first_line_in_every_chunk() {
    let mut text = String::from("id,announcement_date\n");
    for i in 0..(2 * CHUNK_ROWS + 5) {
        text.push_str(&format!("c{},2020-01-01\n", i % (CHUNK_ROWS + 7)));
    }
    let got = messages(&text);
    assert_eq!(got.len(), 2 * CHUNK_ROWS + 5 - (CHUNK_ROWS + 7));
    assert_eq!(
        got[0],
        format!(
            "a.csv:{}: column 'id': value 'c0' is a duplicate id (first used on line 2)",
            CHUNK_ROWS + 9
        )
    );
}
