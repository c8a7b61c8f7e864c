//! How each input file is read, resolved from `[input]`: its date styles
//! (per file), the time zone timestamps are read in, the delimiter and the
//! encoding of a text file, and the sheet of a workbook
//! (`cases.xlsx#Events`). Each setting is checked here, so a typo is a
//! config error naming the setting, not a thousand cell errors.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input::{encoding_for_label, DateReader, DateStyle, FileFormat};
use crate::model::ColumnMap;

/// The date styles used when no setting names any: ISO and the Korean
/// styles, which cannot be mistaken for each other or for any other.
pub const DEFAULT_DATE_FORMATS: [&str; 2] = ["iso", "korean"];

/// The `[input]` settings of the reading, as the config file wrote them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadSettings {
    pub date_formats: Option<Vec<String>>,
    pub announcement_date_formats: Option<Vec<String>>,
    pub event_date_formats: Option<Vec<String>>,
    pub timezone: Option<String>,
    pub delimiter: Option<String>,
    pub encoding: Option<String>,
}

/// A file setting split into the file and the workbook sheet after its
/// last `#`, when what precedes it names a workbook (`cases.xlsx#Events`).
pub fn split_sheet(path: &Path) -> (PathBuf, Option<String>) {
    let text = path.to_string_lossy();
    if let Some((file, sheet)) = text.rsplit_once('#') {
        let lower = file.to_ascii_lowercase();
        let workbook =
            [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"].iter().any(|e| lower.ends_with(e));
        if workbook && !sheet.is_empty() {
            return (PathBuf::from(file), Some(sheet.to_string()));
        }
    }
    (path.to_path_buf(), None)
}

/// Which input a [`FileFormat`] is for, and so which `[input]` list of date
/// styles applies to it beside `date_formats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFile {
    Announcements,
    Events,
}

impl InputFile {
    /// The file's own list and the key it goes by.
    fn own_formats(self, read: &ReadSettings) -> (Option<&Vec<String>>, &'static str) {
        match self {
            InputFile::Announcements => {
                (read.announcement_date_formats.as_ref(), "announcement_date_formats")
            }
            InputFile::Events => (read.event_date_formats.as_ref(), "event_date_formats"),
        }
    }
}

/// The date styles of one file and the setting they come from: its own
/// list, else the list for both, else [`DEFAULT_DATE_FORMATS`].
pub fn date_formats(read: &ReadSettings, file: InputFile) -> (Vec<String>, &'static str) {
    match (file.own_formats(read), &read.date_formats) {
        ((Some(own), key), _) => (own.clone(), key),
        (_, Some(both)) => (both.clone(), "date_formats"),
        _ => (DEFAULT_DATE_FORMATS.iter().map(|s| (*s).to_string()).collect(), "date_formats"),
    }
}

/// Checks the reading settings and builds the [`FileFormat`] of `file`.
///
/// # Errors
/// [`Error::Config`] naming `config_name` and the setting: an empty list or
/// a style that is neither a preset nor a chrono format, a time zone
/// outside the IANA database, a delimiter or an encoding northwind cannot use.
pub fn file_format(
    read: &ReadSettings,
    file: InputFile,
    columns: ColumnMap,
    sheet: Option<String>,
    config_name: &str,
) -> Result<FileFormat> {
    let (formats, key) = date_formats(read, file);
    let error = |message: String| Error::Config { path: config_name.to_string(), message };
    if formats.is_empty() {
        return Err(error(format!(
            "[input] {key} is empty; list at least one date style, for example [\"iso\"]"
        )));
    }
    let styles: Vec<DateStyle> = formats.iter().map(|f| DateStyle::from_setting(f)).collect();
    if let Some((text, _)) = formats.iter().zip(&styles).find(|(_, s)| !s.is_valid()) {
        return Err(error(format!(
            "[input] {key}: '{}' is neither a date style (iso, korean, day-first, month-first) nor a chrono format such as \"%d/%m/%Y\"",
            text.escape_debug()
        )));
    }
    let timezone = read
        .timezone
        .as_deref()
        .map(|name| {
            name.trim().parse::<chrono_tz::Tz>().map_err(|_| {
                error(format!(
                    "[input] timezone '{}' is not a time zone of the IANA database (for example \"Asia/Seoul\", \"Europe/Berlin\", \"UTC\")",
                    name.escape_debug()
                ))
            })
        })
        .transpose()?;
    let delimiter = read.delimiter.as_deref().map(|d| delimiter(d).ok_or_else(|| {
        error(format!(
            "[input] delimiter '{}' is not one northwind reads: use \",\", \";\", \"tab\", \"|\" or \"auto\"",
            d.escape_debug()
        ))
    }));
    let encoding = match read.encoding.as_deref().map(str::trim) {
        None | Some("auto") => None,
        Some(label) => Some(encoding_for_label(label).ok_or_else(|| {
            error(format!(
                "[input] encoding '{}' is not an encoding northwind knows: use \"auto\" or a name such as \"utf-8\", \"cp949\", \"euc-kr\", \"utf-16le\", \"shift_jis\", \"windows-1252\"",
                label.escape_debug()
            ))
        })?),
    };
    Ok(FileFormat {
        columns,
        dates: DateReader { styles, timezone },
        delimiter: delimiter.transpose()?.flatten(),
        encoding,
        sheet,
    })
}

/// The delimiter a setting names: `Some(None)` for `auto`.
fn delimiter(text: &str) -> Option<Option<u8>> {
    match text {
        "auto" => Some(None),
        "," | ";" | "|" => Some(Some(text.as_bytes()[0])),
        "tab" | "\t" | "\\t" => Some(Some(b'\t')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_is_split_off_only_a_workbook_name() {
        assert_eq!(
            split_sheet(Path::new("data/cases.xlsx#Events")),
            (PathBuf::from("data/cases.xlsx"), Some("Events".into()))
        );
        assert_eq!(
            split_sheet(Path::new("cases.ODS#시트 2")),
            (PathBuf::from("cases.ODS"), Some("시트 2".into()))
        );
        assert_eq!(split_sheet(Path::new("notes#1.csv")), (PathBuf::from("notes#1.csv"), None));
        assert_eq!(split_sheet(Path::new("cases.xlsx")), (PathBuf::from("cases.xlsx"), None));
    }

    #[test]
    fn each_setting_is_checked_with_a_message_naming_it() {
        let read = |f: fn(&mut ReadSettings)| {
            let mut settings = ReadSettings::default();
            f(&mut settings);
            file_format(&settings, InputFile::Events, ColumnMap::default(), None, "n.toml")
        };
        let message = |r: Result<FileFormat>| r.unwrap_err().to_string();
        assert!(message(read(|s| s.timezone = Some("Seoul".into())))
            .contains("[input] timezone 'Seoul'"));
        assert!(message(read(|s| s.delimiter = Some(":".into()))).contains("[input] delimiter ':'"));
        assert!(message(read(|s| s.encoding = Some("klingon".into())))
            .contains("[input] encoding 'klingon'"));
        assert!(message(read(|s| s.date_formats = Some(vec![]))).contains("is empty"));
        assert!(
            message(read(|s| s.date_formats = Some(vec!["%Q".into()]))).contains("'%Q' is neither")
        );
        let format = read(|s| {
            s.timezone = Some("Asia/Seoul".into());
            s.delimiter = Some("tab".into());
            s.encoding = Some("cp949".into());
        })
        .unwrap();
        assert_eq!(format.delimiter, Some(b'\t'));
        assert_eq!(format.encoding, Some(encoding_rs::EUC_KR));
        assert_eq!(format.dates.timezone, Some(chrono_tz::Asia::Seoul));
        assert_eq!(format.dates.styles, [DateStyle::Iso, DateStyle::Korean]);
        assert_eq!(read(|s| s.delimiter = Some("auto".into())).unwrap().delimiter, None);
    }
}
