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

/// Where a window lies, in words: "on the day of an event in the `group`
/// group or in the 6 days before it". `group` is the name as it is to be
/// shown (escaped by the caller for its format).
pub fn window_phrase(t: &WindowTest, group: &str) -> String {
    let days = t.window_days.saturating_sub(1);
    match (t.direction, days) {
        (_, 0) => format!("on the day of an event in the {group} group"),
        (Direction::Before, d) => {
            format!("on the day of an event in the {group} group or in the {d} days before it")
        }
        (Direction::After, d) => {
            format!("on the day of an event in the {group} group or in the {d} days after it")
        }
    }
}

/// A window test's result as a sentence, with its rate ratio and both
/// p-values (the adjusted one always beside the raw one).
pub fn finding(t: &WindowTest, group: &str, unit: &str) -> String {
    let rr = t.rate_ratio.map_or_else(
        || "rate ratio undefined".to_string(),
        |r| {
            format!(
                "rate ratio {}, 95% CI {} to {}",
                ratio_text(r.estimate),
                ratio_text(r.low),
                ratio_text(r.high)
            )
        },
    );
    format!(
        "{} of {} {unit} fell {}, against {} expected by chance ({rr}; exact shift p = {}, Holm-adjusted p = {}).",
        t.observed,
        t.n,
        window_phrase(t, group),
        ratio_text(t.expected),
        p_text(t.p_shift),
        p_text(t.p_shift_holm),
    )
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
            ("holm", &p_text(t.p_shift_holm)),
        ],
    )
}
