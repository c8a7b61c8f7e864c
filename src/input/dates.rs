//! Date cells: the styles people write dates in, partial dates, timestamps.
//!
//! A file's dates are read by a [`DateReader`]: a list of styles tried in
//! order (the first that reads the cell wins) and an optional time zone.
//! The styles are named presets or chrono formats:
//!
//! - `iso`: `2016-04-08`; partial `2016-04`, `2016`; timestamps
//!   `2016-04-08T14:25:24+09:00`, `...Z`, `2016-04-08 14:25`;
//! - `korean`: `2016.04.08`, `2016.4.8`, `2016. 4. 8.`, `2016/04/08`,
//!   `2016년 4월 8일`, each also with a weekday (`(금)`, `금요일`), which must be
//!   the date's own; partial `2016.07`, `2016. 7.`, `2016년 7월`, `2016년`;
//! - `day-first`: `08.04.2016`, `8/4/2016`, `08-04-2016`; partial `04.2016`;
//! - `month-first` (US): `04/08/2016`, `4/8/2016`; partial `04/2016`. Never
//!   a default: `04/08` means 4 August to most of the world;
//! - anything else is a chrono format (`%d %B %Y`), whole dates only; one
//!   with a time (`%H`) reads timestamps, with an offset when it has `%z`.
//!
//! Partial dates stand for the first day of their month or year and carry
//! that precision; only a column with a precision (the defection date)
//! accepts them. A timestamp becomes the calendar day it falls on in the
//! configured zone; one without an offset is taken as that zone's local
//! time; with no zone configured, any timestamp is an error, since the day
//! would otherwise depend on a guess.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::model::Precision;

/// One style of date a file may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateStyle {
    Iso,
    Korean,
    DayFirst,
    MonthFirst,
    /// A chrono format string, checked when the settings are resolved.
    Chrono(String),
}

impl DateStyle {
    /// The style a setting names: a preset's name, else a chrono format.
    pub fn from_setting(text: &str) -> Self {
        match text.trim().to_ascii_lowercase().as_str() {
            "iso" => DateStyle::Iso,
            "korean" | "ko" => DateStyle::Korean,
            "day-first" | "dmy" | "european" => DateStyle::DayFirst,
            "month-first" | "mdy" | "us" => DateStyle::MonthFirst,
            _ => DateStyle::Chrono(text.to_string()),
        }
    }

    /// How a reader would recognise the style, for messages.
    pub fn hint(&self) -> String {
        match self {
            DateStyle::Iso => "YYYY-MM-DD".into(),
            DateStyle::Korean => "a Korean date such as 2016.04.08 or 2016년 4월 8일".into(),
            DateStyle::DayFirst => "DD.MM.YYYY".into(),
            DateStyle::MonthFirst => "MM/DD/YYYY".into(),
            DateStyle::Chrono(format) => super::cells::date_format_hint(format),
        }
    }

    /// The preset's name in the settings (`day-first`); `None` for a
    /// chrono format.
    pub fn preset_name(&self) -> Option<&'static str> {
        match self {
            DateStyle::Iso => Some("iso"),
            DateStyle::Korean => Some("korean"),
            DateStyle::DayFirst => Some("day-first"),
            DateStyle::MonthFirst => Some("month-first"),
            DateStyle::Chrono(_) => None,
        }
    }

    /// Whether a chrono format is one northwind can read (a date, or a
    /// timestamp whose offset it can use); presets always are.
    pub fn is_valid(&self) -> bool {
        match self {
            DateStyle::Chrono(format) => {
                let probe = NaiveDate::from_ymd_opt(2016, 4, 8)
                    .and_then(|d| d.and_hms_opt(14, 25, 24))
                    .map(|t| FixedOffset::east_opt(9 * 3600).map(|o| o.from_utc_datetime(&t)));
                let Some(Some(probe)) = probe else { return false };
                // chrono panics on formatting with an invalid specifier unless
                // the items are checked first.
                let items: Vec<_> = chrono::format::StrftimeItems::new(format).collect();
                if items.iter().any(|i| matches!(i, chrono::format::Item::Error)) {
                    return false;
                }
                let mut written = String::new();
                let formatted = probe.format_with_items(items.iter());
                if std::fmt::Write::write_fmt(&mut written, format_args!("{formatted}")).is_err() {
                    return false;
                }
                let reader =
                    DateReader { styles: vec![self.clone()], timezone: Some(chrono_tz::Tz::UTC) };
                reader.read(&written).is_ok()
            }
            _ => true,
        }
    }
}

/// A date as read: the day, and how precisely the cell gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

/// Why a cell is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    NotADate,
    /// A month or a year where a whole date is needed.
    Partial(Precision),
    /// A timestamp, with no `[input] timezone` to say which day it is.
    NeedsTimezone,
    /// A weekday that is not the date's: `(written, actual)`.
    WrongWeekday(chrono::Weekday, NaiveDate),
}

/// How one file's dates are read: styles tried in order, and a time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateReader {
    pub styles: Vec<DateStyle>,
    pub timezone: Option<chrono_tz::Tz>,
}

impl Default for DateReader {
    fn default() -> Self {
        DateReader { styles: vec![DateStyle::Iso, DateStyle::Korean], timezone: None }
    }
}

impl DateReader {
    /// The styles as a reader would recognise them: `YYYY-MM-DD or ...`.
    pub fn hint(&self) -> String {
        let hints: Vec<String> = self.styles.iter().map(DateStyle::hint).collect();
        hints.join(", or ")
    }

    /// Reads one cell (trimmed), a whole date or a partial one.
    ///
    /// # Errors
    /// The first style's reason when none reads it (a wrong weekday or a
    /// timestamp without a zone wins over "not a date").
    pub fn read(&self, text: &str) -> Result<ReadDate, DateError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        let mut error = DateError::NotADate;
        for style in &self.styles {
            let read = match style {
                DateStyle::Iso => self.read_iso(text),
                DateStyle::Korean => read_korean(text),
                DateStyle::DayFirst => read_numeric(text, b"./-", Order::DayFirst),
                DateStyle::MonthFirst => read_numeric(text, b"/", Order::MonthFirst),
                DateStyle::Chrono(format) => self.read_chrono_style(text, format),
            };
            match read {
                Ok(date) => return Ok(date),
                Err(DateError::NotADate) => {}
                Err(other) => error = other,
            }
        }
        Err(error)
    }

    /// The presets this reader does not list that would read `text`: what
    /// to add to the settings for a file written in another style.
    pub fn unlisted_styles_reading(&self, text: &str) -> Vec<DateStyle> {
        [DateStyle::Iso, DateStyle::Korean, DateStyle::DayFirst, DateStyle::MonthFirst]
            .into_iter()
            .filter(|style| !self.styles.contains(style))
            .filter(|style| {
                let alone = DateReader { styles: vec![style.clone()], timezone: self.timezone };
                !matches!(alone.read(text), Err(DateError::NotADate | DateError::Empty))
            })
            .collect()
    }

    /// Reads a cell that must be a whole date (`Partial` otherwise).
    ///
    /// # Errors
    /// As [`read`](Self::read), and [`DateError::Partial`] for a month or a year.
    pub fn read_day(&self, text: &str) -> Result<NaiveDate, DateError> {
        match self.read(text)? {
            ReadDate { date, precision: Precision::Day } => Ok(date),
            ReadDate { precision, .. } => Err(DateError::Partial(precision)),
        }
    }

    fn read_iso(&self, text: &str) -> Result<ReadDate, DateError> {
        let b = text.as_bytes();
        if let Some(date) = fast_iso(b) {
            return Ok(day(date));
        }
        // What chrono's `%Y-%m-%d` also reads: `2016-4-8`, years past 9999.
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(day(date));
        }
        if b.len() == 7 && b[4] == b'-' {
            if let (Some(y), Some(m)) = (number(&b[..4]), number(&b[5..])) {
                return partial(y, m);
            }
        }
        if b.len() == 4 {
            if let Some(y) = number(b) {
                return partial_year(y);
            }
        }
        if b.len() > 11 && matches!(b[10], b'T' | b't' | b' ') {
            if let Some(date) = fast_iso(&b[..10]) {
                let (time, offset) = split_offset(&text[11..]).ok_or(DateError::NotADate)?;
                let time = read_time(time).ok_or(DateError::NotADate)?;
                return self.timestamp(date.and_time(time), offset).map(day);
            }
        }
        Err(DateError::NotADate)
    }

    fn read_chrono_style(&self, text: &str, format: &str) -> Result<ReadDate, DateError> {
        if !(format.contains("%H") || format.contains("%I") || format.contains("%T")) {
            return read_chrono(text, format).map(day).ok_or(DateError::NotADate);
        }
        if format.contains("%z") || format.contains("%:z") || format.contains("%#z") {
            let stamp = DateTime::parse_from_str(text, format).map_err(|_| DateError::NotADate)?;
            return self.timestamp(stamp.naive_utc(), Some(Offset::Utc)).map(day);
        }
        let stamp = NaiveDateTime::parse_from_str(text, format).map_err(|_| DateError::NotADate)?;
        self.timestamp(stamp, None).map(day)
    }

    /// The calendar day of a timestamp in the configured zone: `time` is
    /// local to `offset`, or to the zone itself when there is no offset.
    fn timestamp(
        &self,
        time: NaiveDateTime,
        offset: Option<Offset>,
    ) -> Result<NaiveDate, DateError> {
        let zone = self.timezone.ok_or(DateError::NeedsTimezone)?;
        let utc = match offset {
            None => return Ok(time.date()),
            Some(Offset::Utc) => time,
            Some(Offset::Seconds(seconds)) => time - chrono::Duration::seconds(i64::from(seconds)),
        };
        Ok(zone.from_utc_datetime(&utc).date_naive())
    }
}

/// A timestamp's offset: `Z`, or seconds east of UTC.
#[derive(Debug, Clone, Copy)]
enum Offset {
    Utc,
    Seconds(i32),
}

/// Splits `14:25:24+09:00` into the time and its offset (`Z`, `+09:00`,
/// `+0900`, `+09`, `-05:00`; `None` when the text has none).
fn split_offset(text: &str) -> Option<(&str, Option<Offset>)> {
    if let Some(time) = text.strip_suffix(['Z', 'z']) {
        return Some((time.trim_end(), Some(Offset::Utc)));
    }
    let Some(sign_at) = text.rfind(['+', '-']) else { return Some((text, None)) };
    let (time, zone) = text.split_at(sign_at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: Vec<u8> = zone[1..].bytes().filter(|&c| c != b':').collect();
    if !digits.iter().all(u8::is_ascii_digit) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours = number(&digits[..2])?;
    let minutes = if digits.len() == 4 { number(&digits[2..])? } else { 0 };
    if hours > 23 || minutes > 59 {
        return None;
    }
    let seconds = sign * i32::try_from(hours * 3600 + minutes * 60).ok()?;
    Some((time.trim_end(), Some(Offset::Seconds(seconds))))
}

/// `14:25`, `14:25:24`, `14:25:24.123`.
fn read_time(text: &str) -> Option<NaiveTime> {
    ["%H:%M:%S%.f", "%H:%M"].iter().find_map(|f| NaiveTime::parse_from_str(text, f).ok())
}

/// `YYYY-MM-DD` with a four-digit year.
fn fast_iso(b: &[u8]) -> Option<NaiveDate> {
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (number(&b[..4])?, number(&b[5..7])?, number(&b[8..])?);
        return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    }
    None
}

/// The whole number written in ASCII digits (at most 9 of them).
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

fn read_chrono(text: &str, format: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, format).ok()
}

fn day(date: NaiveDate) -> ReadDate {
    ReadDate { date, precision: Precision::Day }
}

/// The first day of month `month` of `year`, with month precision.
fn partial(year: u32, month: u32) -> Result<ReadDate, DateError> {
    let year = i32::try_from(year).map_err(|_| DateError::NotADate)?;
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|date| ReadDate { date, precision: Precision::Month })
        .ok_or(DateError::NotADate)
}

/// The first day of `year`, with year precision.
fn partial_year(year: u32) -> Result<ReadDate, DateError> {
    let year = i32::try_from(year).map_err(|_| DateError::NotADate)?;
    NaiveDate::from_ymd_opt(year, 1, 1)
        .map(|date| ReadDate { date, precision: Precision::Year })
        .ok_or(DateError::NotADate)
}

/// The whole date `year-month-day`, checked.
fn whole(year: u32, month: u32, day_of_month: u32) -> Result<ReadDate, DateError> {
    let year = i32::try_from(year).map_err(|_| DateError::NotADate)?;
    NaiveDate::from_ymd_opt(year, month, day_of_month).map(day).ok_or(DateError::NotADate)
}

/// Korean weekday names, Monday first.
const KOREAN_WEEKDAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];

/// The text without a trailing Korean weekday (`(금)`, `(금요일)`, ` 금요일`),
/// and the weekday's index (Monday 0) if there was one.
fn strip_korean_weekday(text: &str) -> (&str, Option<usize>) {
    let mut rest = text.trim_end();
    let parenthesised = rest.ends_with(')');
    if parenthesised {
        rest = rest[..rest.len() - 1].trim_end();
    }
    // A weekday stands bare only as `금요일`: `8일` ends in 일 (Sunday) too.
    match rest.strip_suffix("요일") {
        Some(stripped) => rest = stripped,
        None if !parenthesised => return (text, None),
        None => {}
    }
    for (i, name) in KOREAN_WEEKDAYS.iter().enumerate() {
        if let Some(before) = rest.strip_suffix(name) {
            let before = before.trim_end();
            let before = if parenthesised {
                match before.strip_suffix('(') {
                    Some(b) => b.trim_end(),
                    None => return (text, None),
                }
            } else {
                before
            };
            if !before.is_empty() {
                return (before, Some(i));
            }
        }
    }
    (text, None)
}

/// The Korean styles: `2016.04.08`, `2016. 4. 8.`, `2016/04/08`,
/// `2016년 4월 8일`, and their partial forms, with an optional weekday.
fn read_korean(text: &str) -> Result<ReadDate, DateError> {
    let (date_text, weekday) = strip_korean_weekday(text);
    let read = korean_date(date_text).ok_or(DateError::NotADate)?;
    match weekday {
        Some(_) if read.precision != Precision::Day => Err(DateError::NotADate),
        Some(written) => {
            let actual = read.date.weekday().num_days_from_monday() as usize;
            if written == actual {
                Ok(read)
            } else {
                let written = (0..written).fold(chrono::Weekday::Mon, |d, _| d.succ());
                Err(DateError::WrongWeekday(written, read.date))
            }
        }
        None => Ok(read),
    }
}

fn korean_date(text: &str) -> Option<ReadDate> {
    // Numbers and what follows each: `2016` `년` `4` `월` `8` `일`.
    let mut parts: Vec<(u32, String)> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let value = number(&rest.as_bytes()[..digits])?;
        if parts.is_empty() && digits != 4 || !parts.is_empty() && !(1..=2).contains(&digits) {
            return None;
        }
        rest = rest[digits..].trim_start();
        let separator: String = rest.chars().take_while(|c| !c.is_ascii_digit()).collect();
        rest = rest[separator.len()..].trim_start();
        parts.push((value, separator.trim().to_string()));
        if parts.len() > 3 {
            return None;
        }
    }
    let seps: Vec<&str> = parts.iter().map(|(_, s)| s.as_str()).collect();
    let values: Vec<u32> = parts.iter().map(|(v, _)| *v).collect();
    let read = match (seps.as_slice(), values.as_slice()) {
        (["년", "월", "일"], &[y, m, d]) => whole(y, m, d),
        (["년", "월"], &[y, m]) => partial(y, m),
        (["년"], &[y]) => partial_year(y),
        ([".", ".", "." | ""], &[y, m, d]) | (["/", "/", ""], &[y, m, d]) => whole(y, m, d),
        ([".", "." | ""], &[y, m]) => partial(y, m),
        _ => return None,
    };
    read.ok()
}

/// Which number comes first in a numeric day-month-year date.
#[derive(Debug, Clone, Copy)]
enum Order {
    DayFirst,
    MonthFirst,
}

/// `08.04.2016`, `8/4/2016` (day first) or `04/08/2016` (month first), the
/// same separator throughout; partial `04.2016`.
fn read_numeric(text: &str, separators: &[u8], order: Order) -> Result<ReadDate, DateError> {
    let b = text.as_bytes();
    let Some(&separator) = b.iter().find(|c| !c.is_ascii_digit()) else {
        return Err(DateError::NotADate);
    };
    if !separators.contains(&separator) {
        return Err(DateError::NotADate);
    }
    let parts: Vec<&[u8]> = b.split(|&c| c == separator).collect();
    let short = |p: &[u8]| (1..=2).contains(&p.len());
    match parts.as_slice() {
        [a, b, year] if short(a) && short(b) && year.len() == 4 => {
            let (a, b, year) = (number(a), number(b), number(year));
            let (Some(a), Some(b), Some(year)) = (a, b, year) else {
                return Err(DateError::NotADate);
            };
            match order {
                Order::DayFirst => whole(year, b, a),
                Order::MonthFirst => whole(year, a, b),
            }
        }
        [month, year] if short(month) && year.len() == 4 => match (number(month), number(year)) {
            (Some(m), Some(y)) => partial(y, m),
            _ => Err(DateError::NotADate),
        },
        _ => Err(DateError::NotADate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(styles: &[&str], zone: Option<&str>) -> DateReader {
        DateReader {
            styles: styles.iter().map(|s| DateStyle::from_setting(s)).collect(),
            timezone: zone.map(|z| z.parse().unwrap()),
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_korean_style_reads_the_same_day() {
        let korean = reader(&["korean"], None);
        for text in [
            "2016.04.08",
            "2016.4.8",
            "2016. 4. 8.",
            "2016. 04. 08",
            "2016/04/08",
            "2016년 4월 8일",
            "2016년4월8일",
            "2016년 04월 08일 (금)",
            "2016. 4. 8.(금)",
            "2016.04.08 금요일",
            "2016.04.08 (금요일)",
        ] {
            assert_eq!(korean.read_day(text), Ok(ymd(2016, 4, 8)), "{text}");
        }
        assert_eq!(
            korean.read("2016.04.09 (금)"),
            Err(DateError::WrongWeekday(chrono::Weekday::Fri, ymd(2016, 4, 9))),
            "a weekday that is not the date's is reported"
        );
        for text in ["2016.13.01", "16.04.08", "2016-04-08", "2016.04.08.08", "2016년 4월 8", "금"]
        {
            assert_eq!(korean.read(text), Err(DateError::NotADate), "{text}");
        }
    }

    #[test]
    fn partial_dates_stand_for_the_first_day_with_their_precision() {
        let both = reader(&["iso", "korean"], None);
        let month = |y, m| ReadDate { date: ymd(y, m, 1), precision: Precision::Month };
        let year = |y| ReadDate { date: ymd(y, 1, 1), precision: Precision::Year };
        assert_eq!(both.read("2016-07"), Ok(month(2016, 7)));
        assert_eq!(both.read("2016"), Ok(year(2016)));
        assert_eq!(both.read("2016년 7월"), Ok(month(2016, 7)));
        assert_eq!(both.read("2016. 7."), Ok(month(2016, 7)));
        assert_eq!(both.read("2016.07"), Ok(month(2016, 7)));
        assert_eq!(both.read("2016년"), Ok(year(2016)));
        assert_eq!(both.read_day("2016-07"), Err(DateError::Partial(Precision::Month)));
        assert_eq!(both.read("2016-13"), Err(DateError::NotADate));
        assert_eq!(both.read("2016-00"), Err(DateError::NotADate));
        assert_eq!(both.read("2016년 0월"), Err(DateError::NotADate));
        let european = reader(&["day-first"], None);
        assert_eq!(european.read("07.2016"), Ok(month(2016, 7)));
    }

    #[test]
    fn day_first_and_month_first_read_only_when_chosen_and_in_their_order() {
        let european = reader(&["day-first"], None);
        assert_eq!(european.read_day("08.04.2016"), Ok(ymd(2016, 4, 8)));
        assert_eq!(european.read_day("8/4/2016"), Ok(ymd(2016, 4, 8)));
        assert_eq!(european.read_day("08-04-2016"), Ok(ymd(2016, 4, 8)));
        assert_eq!(european.read("08.04/2016"), Err(DateError::NotADate));
        let us = reader(&["month-first"], None);
        assert_eq!(us.read_day("04/08/2016"), Ok(ymd(2016, 4, 8)));
        assert_eq!(us.read("04.08.2016"), Err(DateError::NotADate));
        assert_eq!(reader(&["iso", "korean"], None).read("04/08/2016"), Err(DateError::NotADate));
        assert_eq!(reader(&["day-first", "us"], None).read_day("04/08/2016"), Ok(ymd(2016, 8, 4)));
    }

    #[test]
    fn a_timestamp_is_the_day_it_falls_on_in_the_configured_zone() {
        let seoul = reader(&["iso"], Some("Asia/Seoul"));
        let utc = reader(&["iso"], Some("UTC"));
        // 20:30 UTC on the 15th is 05:30 on the 16th in Seoul.
        for text in ["2016-04-15T20:30:00Z", "2016-04-15 20:30Z", "2016-04-15T22:30:00+02:00"] {
            assert_eq!(seoul.read_day(text), Ok(ymd(2016, 4, 16)), "{text}");
            assert_eq!(utc.read_day(text), Ok(ymd(2016, 4, 15)), "{text}");
        }
        assert_eq!(seoul.read_day("2010-04-16T14:25:24.5-0500"), Ok(ymd(2010, 4, 17)));
        // Without an offset: local time in the zone, so the written day.
        assert_eq!(seoul.read_day("2016-04-15T23:59:59"), Ok(ymd(2016, 4, 15)));
        let no_zone = reader(&["iso"], None);
        assert_eq!(no_zone.read("2016-04-15T20:30:00Z"), Err(DateError::NeedsTimezone));
        assert_eq!(no_zone.read("2016-04-15 20:30"), Err(DateError::NeedsTimezone));
        assert_eq!(no_zone.read("2016-04-15T25:30"), Err(DateError::NotADate));
        // Daylight saving: New York is UTC-4 in July.
        let new_york = reader(&["iso"], Some("America/New_York"));
        assert_eq!(new_york.read_day("2016-07-04T03:00:00Z"), Ok(ymd(2016, 7, 3)));
        assert_eq!(new_york.read_day("2016-01-04T04:30:00Z"), Ok(ymd(2016, 1, 3)));
    }

    #[test]
    fn chrono_formats_read_dates_and_timestamps() {
        assert_eq!(reader(&["%d %B %Y"], None).read_day("8 April 2016"), Ok(ymd(2016, 4, 8)));
        let stamp = reader(&["%d/%m/%Y %H:%M %z"], Some("Asia/Seoul"));
        assert_eq!(stamp.read_day("15/04/2016 20:30 +0000"), Ok(ymd(2016, 4, 16)));
        assert!(DateStyle::from_setting("%Y-%m-%d").is_valid());
        assert!(!DateStyle::from_setting("%Q").is_valid());
        assert!(!DateStyle::from_setting("no date here").is_valid());
    }

    #[test]
    fn iso_dates_are_what_chronos_year_month_day_reads() {
        let iso = reader(&["iso"], None);
        for text in
            ["2016-04-08", "2016-02-30", "0000-01-01", "9999-12-31", "2016-4-08", "+016-04-08"]
        {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(iso.read_day(text).ok(), chrono, "{text}");
        }
    }

    #[test]
    fn no_text_panics_the_reader() {
        let all = reader(&["iso", "korean", "day-first", "us", "%Y %j"], Some("Asia/Seoul"));
        for text in [
            "",
            " ",
            "(",
            ")",
            "()",
            "(금",
            "요일",
            "2016-04-08T",
            "2016-04-08T+",
            "2016-04-08 1:2:3+99:99",
            "년월일",
            "9999999999.1.1",
            "2016.04.08 ()",
            "١٢٣٤-٠٤-٠٨",
        ] {
            let _ = all.read(text);
        }
    }
}
