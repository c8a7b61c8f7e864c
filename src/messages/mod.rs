//! The words northwind says about its findings, in one place.
//!
//! The terminal, the chart subtitles, `summary.md` and `index.html` take
//! these sentences from here, so a finding reads the same everywhere and
//! there is one place to translate. Wording rules: a p-value is "the chance
//! of a result at least this strong if timing were unrelated to events",
//! never "the chance the effect is real"; a non-significant result is "no
//! evidence", never "no effect"; the strongest of many tests is always
//! stated with its adjusted p-value.

pub mod catalogue;
mod korean;

use crate::model::Direction;
use crate::stats::window::WindowTest;

/// Weekday names for prose, Monday first: in English, the names that
/// `tables/weekday.csv` holds as data.
pub const WEEKDAYS: [&str; 7] = crate::stats::weekday::WEEKDAYS;

/// Weekday names where space is short (chart ticks), Monday first.
pub const WEEKDAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A month as a reader writes it: "April 2016", "2016년 4월".
pub fn month_text(language: catalogue::Language, year: i32, month: u32) -> String {
    match language {
        catalogue::Language::En => chrono::NaiveDate::from_ymd_opt(year, month, 1)
            .map_or_else(|| format!("{year}-{month:02}"), |d| d.format("%B %Y").to_string()),
        catalogue::Language::Ko => format!("{year}년 {month}월"),
    }
}

/// [`WEEKDAYS_SHORT`] in `language`.
pub fn weekdays_short(language: catalogue::Language) -> [&'static str; 7] {
    match language {
        catalogue::Language::En => WEEKDAYS_SHORT,
        catalogue::Language::Ko => ["월", "화", "수", "목", "금", "토", "일"],
    }
}

/// A p-value for prose: 2 significant digits, `< 0.0001` below that.
pub fn p_text(p: f64) -> String {
    if p.is_nan() {
        "n/a".into()
    } else if p < 0.0001 {
        "< 0.0001".into()
    } else if p >= 0.1 {
        format!("{p:.2}")
    } else {
        let digits = (-p.log10()).floor() as usize + 2;
        format!("{p:.digits$}")
    }
}

/// A ratio or count for prose: up to 3 significant figures, `inf` spelled out.
pub fn ratio_text(x: f64) -> String {
    if x.is_infinite() {
        "infinite".into()
    } else if x.is_nan() {
        "n/a".into()
    } else if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// A count with thousands separated ("10,742"), so that it never reads as
/// a year: the convention of English and Korean alike.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date as a reader writes it in running text: ISO `2016-04-08` in
/// English (unambiguous for every reader), `2016년 4월 8일` in Korean.
pub fn date_text(language: catalogue::Language, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match language {
        catalogue::Language::En => date.format("%Y-%m-%d").to_string(),
        catalogue::Language::Ko => {
            format!("{}년 {}월 {}일", date.year(), date.month(), date.day())
        }
    }
}

/// A date where space is short (a table cell): ISO in English,
/// `2016. 4. 8.` in Korean.
pub fn date_short(language: catalogue::Language, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match language {
        catalogue::Language::En => date.format("%Y-%m-%d").to_string(),
        catalogue::Language::Ko => format!("{}. {}. {}.", date.year(), date.month(), date.day()),
    }
}

/// Weekday names for running text, Monday first.
pub fn weekdays_long(language: catalogue::Language) -> [&'static str; 7] {
    match language {
        catalogue::Language::En => WEEKDAYS,
        catalogue::Language::Ko => {
            ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]
        }
    }
}

/// A number of days for prose: whole days as integers, halves with one decimal.
pub fn days_text(x: f64) -> String {
    if x.is_nan() {
        "n/a".into()
    } else if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The strongest window in one line, for the terminal and the chart
/// subtitles: counts, expectation, the exact shift p and its Holm
/// adjustment, the group called as the newsroom calls its events.
pub fn headline(t: &WindowTest, wording: &crate::wording::Wording) -> String {
    let direction = match t.direction {
        Direction::Before => wording.say("direction-before", &[]),
        Direction::After => wording.say("direction-after", &[]),
    };
    wording.say(
        "headline",
        &[
            ("observed", &t.observed.to_string()),
            ("n", &t.n.to_string()),
            ("days", &t.window_days.to_string()),
            ("direction", &direction),
            ("group_events", &wording.group_events(&t.group)),
            ("expected", &ratio_text(t.expected)),
            ("p", &p_text(t.p_shift)),
            ("adjusted", &t.p_shift_fwer.map_or_else(|| "n/a".into(), p_text)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::catalogue::Language;
    use super::*;

    #[test]
    fn counts_separate_thousands() {
        assert_eq!(thousands(10_742), "10,742");
        assert_eq!(thousands(2025), "2,025");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn korean_dates_read_as_korean_newspapers_write_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2016, 4, 8).unwrap();
        assert_eq!(date_text(Language::Ko, day), "2016년 4월 8일");
        assert_eq!(date_short(Language::Ko, day), "2016. 4. 8.");
        assert_eq!(date_text(Language::En, day), "2016-04-08");
        assert_eq!(weekdays_long(Language::Ko)[4], "금요일");
    }
}
