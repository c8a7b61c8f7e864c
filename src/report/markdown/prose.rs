//! The report's figures and sentences in the reader's language: every
//! sentence from the catalogue (through [`Wording::say`], with the data's
//! terms), every figure formatted once, so that `summary.md` and
//! `index.html` read the same in every section.
//!
//! Numbers follow one convention in both languages (a decimal point,
//! thousands separated by commas, as Korean newspapers write them too); the
//! words that numbers carry ("infinite", a counter such as 건 or 명) and the
//! dates (`2016-04-08`, `2016년 4월 8일`) come from the language.

use chrono::NaiveDate;

use super::escape;
use crate::messages::catalogue::Language;
use crate::messages::{date_short, date_text, days_text, p_text, ratio_text, thousands};
use crate::model::Direction;
use crate::stats::window::WindowTest;
use crate::wording::Wording;

/// What the report counts: announcements, or people when they are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Announcements,
    People,
}

/// The catalogue and the number formats of one report.
pub struct Prose<'a> {
    pub wording: &'a Wording,
    pub unit: Unit,
}

impl Prose<'_> {
    pub fn language(&self) -> Language {
        self.wording.words.language
    }

    /// The catalogue's message `key` with the terms and `args`.
    pub fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.wording.say(key, args)
    }

    /// A number's text, with the words it may carry in this language.
    fn worded(&self, text: String) -> String {
        match text.as_str() {
            "infinite" => self.say("number-infinite", &[]),
            "n/a" => self.say("number-missing", &[]),
            _ => text,
        }
    }

    pub fn p(&self, p: f64) -> String {
        self.worded(p_text(p))
    }

    pub fn ratio(&self, x: f64) -> String {
        self.worded(ratio_text(x))
    }

    pub fn days(&self, x: f64) -> String {
        self.worded(days_text(x))
    }

    /// `low to high` ("0 to 1", "0~1").
    pub fn range(&self, low: &str, high: &str) -> String {
        self.say("range", &[("low", low), ("high", high)])
    }

    /// A whole number, thousands separated.
    pub fn number(&self, n: impl Into<u64>) -> String {
        thousands(n.into())
    }

    /// How many of what the report counts, with the counter the language
    /// puts after it ("3", "3건", "3명").
    pub fn counted(&self, count: &str) -> String {
        let key = match self.unit {
            Unit::Announcements => "count-announcements",
            Unit::People => "count-people",
        };
        self.say(key, &[("count", count)])
    }

    /// A number of announcements, whatever the report counts.
    pub fn announcements(&self, n: u64) -> String {
        self.say("count-announcements", &[("count", &thousands(n))])
    }

    /// A number of people.
    pub fn people(&self, n: u64) -> String {
        self.say("count-people", &[("count", &thousands(n))])
    }

    /// The plural noun of what the report counts.
    pub fn unit(&self) -> String {
        match self.unit {
            Unit::Announcements => self.wording.words.terms.announcement.many.clone(),
            Unit::People => self.say("unit-people", &[]),
        }
    }

    /// A date in running text.
    pub fn date(&self, date: NaiveDate) -> String {
        date_text(self.language(), date)
    }

    /// A date in a table cell.
    pub fn date_short(&self, date: NaiveDate) -> String {
        date_short(self.language(), date)
    }

    /// A group as running text names it: its name (`election`), or in
    /// Korean the label the config gives it (`선거`), since a Korean label
    /// names the group itself where an English one ("elections") names its
    /// events. Escaped for Markdown.
    pub fn group(&self, name: &str) -> String {
        match self.language() {
            Language::Ko => {
                escape(self.wording.group_labels.get(name).map_or(name, String::as_str))
            }
            Language::En => escape(name),
        }
    }

    /// "before" or "after".
    pub fn direction(&self, direction: Direction) -> String {
        match direction {
            Direction::Before => self.say("direction-before", &[]),
            Direction::After => self.say("direction-after", &[]),
        }
    }

    /// Where a window lies, in words: "on the day of an event in the
    /// `election` group or in the 6 days before it".
    pub fn window(&self, t: &WindowTest) -> String {
        // In Korean, "선거 당일": the group's events as the config calls
        // them ("election 사건" without a label).
        let group = match self.language() {
            Language::Ko => escape(&self.wording.group_events(&t.group)),
            Language::En => escape(&t.group),
        };
        let days = t.window_days.saturating_sub(1);
        let key = match (t.direction, days) {
            (_, 0) => "window-on-day",
            (Direction::Before, _) => "window-before",
            (Direction::After, _) => "window-after",
        };
        self.say(key, &[("group", &group), ("days", &days.to_string())])
    }

    /// A window test's rate ratio and its interval, as message `key` says
    /// it (`undefined` when there is none).
    pub fn rate_ratio(&self, t: &WindowTest, key: &str, undefined: &str) -> String {
        t.rate_ratio.map_or_else(
            || self.say(undefined, &[]),
            |r| {
                let figures = [
                    ("ratio", self.ratio(r.estimate)),
                    ("low", self.ratio(r.low)),
                    ("high", self.ratio(r.high)),
                ];
                let args: Vec<(&str, &str)> =
                    figures.iter().map(|(k, v)| (*k, v.as_str())).collect();
                self.say(key, &args)
            },
        )
    }

    /// How many distinct days and events carry a window's count: "These
    /// announcements came on 2 different days, in the windows of a single event."
    pub fn hits(&self, t: &WindowTest) -> String {
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                self.say(one, &[])
            } else {
                self.say(many, &[("count", &thousands(n as u64))])
            }
        };
        self.say(
            "finding-hits",
            &[
                ("unit", &self.unit()),
                ("days", &count(t.hit_days, "hits-days-one", "hits-days")),
                ("events", &count(t.hit_events, "hits-events-one", "hits-events")),
            ],
        )
    }

    /// A window test's result as a sentence, with its rate ratio and both
    /// p-values (the adjusted one always beside the raw one); `family` is
    /// the number of tests the adjustment allows for.
    pub fn finding(&self, t: &WindowTest, family: usize) -> String {
        let rate_ratio = self.rate_ratio(t, "finding-rate-ratio", "finding-rate-ratio-undefined");
        self.say(
            "finding",
            &[
                ("observed", &self.counted(&thousands(t.observed))),
                ("n", &self.counted(&thousands(t.n))),
                ("unit", &self.unit()),
                ("where", &self.window(t)),
                ("expected", &self.counted(&self.ratio(t.expected))),
                ("rate_ratio", &rate_ratio),
                ("p", &self.p(t.p_shift)),
                ("adjusted", &self.p(t.p_shift_fwer.unwrap_or(f64::NAN))),
                ("tests", &family.to_string()),
            ],
        )
    }
}
