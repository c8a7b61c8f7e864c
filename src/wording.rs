//! The newsroom's own words: what the data's things are called, the titles,
//! notes, source line and byline it sets, the display labels of its groups
//! and categories, and which cases and events its charts annotate.
//!
//! Resolved once from the config (see `config`) and handed to the charts and
//! the report, which never read the config themselves. Everything here is
//! text the user typed: it is drawn as text and escaped for markup by the
//! writers, and never becomes a path.
//!
//! Defaults are neutral and come from the data's own terms: "case",
//! "announcement", "event", and the "occurrence" that an announcement
//! follows. The bundled data's `northwind.toml` sets its own ("defection").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::messages::catalogue::{message, Language};

/// A noun in the singular and the plural.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Noun {
    pub one: String,
    pub many: String,
}

impl Noun {
    pub fn new(one: &str, many: &str) -> Self {
        Noun { one: one.to_string(), many: many.to_string() }
    }

    /// The singular for a count of 1, the plural otherwise.
    pub fn count(&self, n: u64) -> &str {
        if n == 1 {
            &self.one
        } else {
            &self.many
        }
    }
}

/// What the data's things are called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// One row of the announcements file.
    pub case: Noun,
    /// What a row's date marks.
    pub announcement: Noun,
    /// One row of the events file.
    pub event: Noun,
    /// What the optional earlier date of a row marks (its
    /// `defection_date` column): "defection" for the bundled data.
    pub origin: String,
}

impl Default for Terms {
    fn default() -> Self {
        Terms::for_language(Language::En)
    }
}

impl Terms {
    /// The neutral terms of a language (Korean nouns have one form).
    pub fn for_language(language: Language) -> Self {
        match language {
            Language::En => Terms {
                case: Noun::new("case", "cases"),
                announcement: Noun::new("announcement", "announcements"),
                event: Noun::new("event", "events"),
                origin: "occurrence".into(),
            },
            Language::Ko => Terms {
                case: Noun::new("사례", "사례"),
                announcement: Noun::new("발표", "발표"),
                event: Noun::new("사건", "사건"),
                origin: "발생".into(),
            },
        }
    }
}

/// The first letter in upper case (for a term that opens a sentence).
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

impl Terms {
    /// The terms as catalogue arguments: `case`, `cases`, `Case`, `Cases`,
    /// and the same for `announcement`, `event` and `origin`.
    fn args(&self) -> Vec<(String, String)> {
        let mut args = Vec::new();
        for (name, noun) in
            [("case", &self.case), ("announcement", &self.announcement), ("event", &self.event)]
        {
            args.push((name.to_string(), noun.one.clone()));
            args.push((format!("{name}s"), noun.many.clone()));
            args.push((capitalised(name), capitalised(&noun.one)));
            args.push((capitalised(&format!("{name}s")), capitalised(&noun.many)));
        }
        args.push(("origin".into(), self.origin.clone()));
        args.push(("Origin".into(), capitalised(&self.origin)));
        args
    }
}

/// The catalogue in one language, with the data's terms filled in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Words {
    pub language: Language,
    pub terms: Terms,
}

impl Words {
    /// The catalogue's message `key`, with the terms and `args` filled in.
    pub fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        let terms = self.terms.args();
        let all: Vec<(&str, &str)> = terms
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(args.iter().copied())
            .collect();
        message(self.language, key, &all)
    }
}

/// The charts, by the name their settings go under (`[charts.timeline]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Timeline,
    MonthlyCounts,
    Sensitivity,
    PeriEvent,
    Phase,
    DelayHistogram,
    Weekday,
}

impl ChartKind {
    /// The name its settings go under.
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Timeline => "timeline",
            ChartKind::MonthlyCounts => "monthly_counts",
            ChartKind::Sensitivity => "sensitivity",
            ChartKind::PeriEvent => "peri_event",
            ChartKind::Phase => "phase",
            ChartKind::DelayHistogram => "delay_histogram",
            ChartKind::Weekday => "weekday",
        }
    }
}

/// Words a newsroom sets for a chart, or for all of them: each replaces the
/// default where given. In a per-group chart's title, subtitle and note,
/// `{group}` stands for the group's display label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TextOverrides {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub note: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
}

impl TextOverrides {
    /// `self`'s words where it has them, `base`'s elsewhere.
    #[must_use]
    pub fn or(&self, base: &TextOverrides) -> TextOverrides {
        TextOverrides {
            title: self.title.clone().or_else(|| base.title.clone()),
            subtitle: self.subtitle.clone().or_else(|| base.subtitle.clone()),
            note: self.note.clone().or_else(|| base.note.clone()),
            source: self.source.clone().or_else(|| base.source.clone()),
            byline: self.byline.clone().or_else(|| base.byline.clone()),
        }
    }
}

/// The words around one chart, as drawn: the title and subtitle above it,
/// the note, source line and byline under it, and the caption that
/// `index.html` prints below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChartText {
    pub title: String,
    pub subtitle: String,
    pub caption: String,
    pub note: String,
    pub source: String,
    pub byline: String,
}

/// Every word of the report a newsroom can set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Wording {
    pub words: Words,
    /// The report's own title and subtitle (`index.html`, `summary.md`).
    pub report: TextOverrides,
    /// For every chart: the source line, byline and note (titles and
    /// subtitles set here apply to every chart that has none of its own).
    pub all_charts: TextOverrides,
    pub charts: BTreeMap<ChartKind, TextOverrides>,
    /// Display labels of event groups by group name: how the group's events
    /// are called in a sentence ("elections"); default "`name` events".
    pub group_labels: BTreeMap<String, String>,
    /// Display labels of categories by category.
    pub category_labels: BTreeMap<String, String>,
    /// Case ids the timeline labels (instead of its own choice).
    pub annotate_cases: Option<Vec<String>>,
    /// Events the timeline labels: by date (`2016-04-13`) or by label.
    pub annotate_events: Vec<String>,
}

impl Wording {
    pub fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.words.say(key, args)
    }

    /// How the events of group `name` are called: its label, or
    /// "`name` events".
    pub fn group_events(&self, name: &str) -> String {
        self.group_labels
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.say("group-events", &[("group", name)]))
    }

    /// A category as shown.
    pub fn category<'a>(&'a self, name: &'a str) -> &'a str {
        self.category_labels.get(name).map_or(name, String::as_str)
    }

    /// The words around a chart of `kind`: the newsroom's where it set them
    /// (with `{group}` replaced by `group`'s events as shown), the defaults
    /// given otherwise.
    pub fn chart_text(
        &self,
        kind: ChartKind,
        group: Option<&str>,
        default_title: String,
        default_subtitle: String,
        caption: String,
    ) -> ChartText {
        let set = self.charts.get(&kind).cloned().unwrap_or_default().or(&self.all_charts);
        let fill = |text: String| match group {
            Some(name) => text.replace("{group}", &self.group_events(name)),
            None => text,
        };
        ChartText {
            title: fill(set.title.unwrap_or(default_title)),
            subtitle: fill(set.subtitle.unwrap_or(default_subtitle)),
            caption,
            note: fill(set.note.unwrap_or_default()),
            source: set.source.unwrap_or_default(),
            byline: set.byline.unwrap_or_default(),
        }
    }
}

/// Whether an annotation names an event day: by its date (`2016-04-13`)
/// or one of its labels, in any language.
pub fn names_event(wanted: &str, day: &crate::model::EventDay) -> bool {
    day.date.format("%Y-%m-%d").to_string() == wanted
        || day.label.split("; ").chain(day.label_ko.split("; ")).any(|l| l == wanted)
}

/// What the data hold, to check the newsroom's references against.
pub struct References<'a> {
    pub groups: Vec<&'a str>,
    pub categories: Vec<&'a str>,
    pub case_ids: Vec<&'a str>,
    pub event_days: Vec<&'a crate::model::EventDay>,
}

/// The first names of a list, for a message.
fn some(names: &[&str]) -> String {
    let mut shown: Vec<&str> = names.iter().take(8).copied().collect();
    shown.sort_unstable();
    if names.len() > 8 {
        format!("{}, ...", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

impl Wording {
    /// Every label that names a group or category these data do not have,
    /// one message each. A warning, not an error: a newsroom's labels serve
    /// many data sets (and the bundled config's serve the bundled data), but
    /// a typo must not pass unseen.
    pub fn unused_labels(&self, data: &References<'_>) -> Vec<String> {
        let report = match self.words.language {
            crate::messages::catalogue::Language::En => String::new(),
            other => format!(" for the {} report", other.code()),
        };
        let mut unused = Vec::new();
        for group in self.group_labels.keys() {
            if !data.groups.contains(&group.as_str()) {
                unused.push(format!(
                    "a label{report} names the group '{group}', which this run does not have, and is not used (its groups: {})",
                    some(&data.groups)
                ));
            }
        }
        for category in self.category_labels.keys() {
            if !data.categories.contains(&category.as_str()) {
                unused.push(format!(
                    "a label{report} names the category '{category}', which no case has, and is not used (the categories: {})",
                    some(&data.categories)
                ));
            }
        }
        unused
    }

    /// Every annotation that names a case or an event these data do not
    /// hold, one message each: the chart was asked for a mark it cannot draw.
    pub fn unknown_annotations(&self, data: &References<'_>) -> Vec<String> {
        let mut problems = Vec::new();
        for id in self.annotate_cases.iter().flatten() {
            if !data.case_ids.contains(&id.as_str()) {
                problems.push(format!(
                    "[charts] annotate_cases names '{id}', which is no case's id (ids look like: {})",
                    some(&data.case_ids)
                ));
            }
        }
        for wanted in &self.annotate_events {
            let found = data.event_days.iter().any(|d| names_event(wanted, d));
            if !found {
                problems.push(format!(
                    "[charts] annotate_events names '{wanted}', which is neither the date (YYYY-MM-DD) nor the label of an event in the study period"
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fill_the_catalogue_capitalised_where_a_sentence_opens() {
        let mut words = Words::default();
        words.terms.announcement = Noun::new("release", "releases");
        let text = words.say("chart-monthly-title", &[("years", "2010–2024")]);
        assert_eq!(text, "Releases per month, 2010–2024");
    }

    #[test]
    fn chart_words_prefer_the_chart_then_all_charts_then_the_default() {
        let mut wording = Wording::default();
        wording.all_charts.source = Some("Source: Ministry of Unification".into());
        wording.all_charts.byline = Some("Graphic: J. Kim".into());
        wording.charts.insert(
            ChartKind::Sensitivity,
            TextOverrides {
                title: Some("Before {group}, more announcements?".into()),
                byline: Some("Graphic: the desk".into()),
                ..TextOverrides::default()
            },
        );
        wording.group_labels.insert("election".into(), "elections".into());
        let text = wording.chart_text(
            ChartKind::Sensitivity,
            Some("election"),
            "default".into(),
            "sub".into(),
            "cap".into(),
        );
        assert_eq!(text.title, "Before elections, more announcements?");
        assert_eq!(text.subtitle, "sub");
        assert_eq!(text.source, "Source: Ministry of Unification");
        assert_eq!(text.byline, "Graphic: the desk");
        let other =
            wording.chart_text(ChartKind::Timeline, None, "default".into(), "s".into(), "c".into());
        assert_eq!((other.title.as_str(), other.byline.as_str()), ("default", "Graphic: J. Kim"));
        assert_eq!(wording.group_events("nuclear"), "nuclear events");
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        let noun = Noun::new("case", "cases");
        assert_eq!((noun.count(1), noun.count(0), noun.count(2)), ("case", "cases", "cases"));
        assert_eq!(capitalised("élection"), "Élection");
        assert_eq!(capitalised(""), "");
    }
}
