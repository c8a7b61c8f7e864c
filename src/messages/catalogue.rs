//! The message catalogue: every sentence a reader sees in the charts, one
//! Fluent file per language (`src/messages/en.ftl`), compiled into the binary.
//!
//! Messages take their figures as text already formatted by
//! [`super::p_text`] and friends, so that a number reads the same in every
//! sentence, and the data's own terms (what a case, an announcement and an
//! event are called; see [`crate::wording::Terms`]) as arguments. Unicode
//! isolation marks are off: the output goes into SVG, Markdown and the
//! terminal, where invisible marks would only get in the way.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The languages the catalogue speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Ko,
}

impl Language {
    /// The catalogue's source text.
    pub fn source(self) -> &'static str {
        match self {
            Language::En => include_str!("en.ftl"),
            Language::Ko => include_str!("ko.ftl"),
        }
    }

    /// The language of a code (`en`, `ko`), as `--lang` and the config
    /// write it.
    pub fn parse(code: &str) -> Option<Language> {
        LANGUAGES.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// What this language's files add to their names when it is not the
    /// report's first: `index.ko.html`, `charts/timeline.ko.png`.
    pub fn file_suffix(self) -> String {
        format!(".{}", self.code())
    }

    /// The BCP 47 code (`lang` of `index.html`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ko => "ko",
        }
    }
}

/// Every language, for the catalogue's own tests.
pub const LANGUAGES: [Language; 2] = [Language::En, Language::Ko];

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static KO: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match language {
        Language::En => &EN,
        Language::Ko => &KO,
    };
    cell.get_or_init(|| {
        let mut bundle = FluentBundle::new_concurrent(Vec::new());
        bundle.set_use_isolating(false);
        // The catalogue is compiled in and checked by the tests below: a
        // syntax error cannot reach a user, but would show as missing keys.
        let resource = FluentResource::try_new(language.source().to_string())
            .unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `key` in `language` with its `{ $name }` placeholders filled
/// from `args`. A key the catalogue lacks comes back as itself (the tests
/// make sure none does).
pub fn message(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    // A p-value below the smallest written one reads "p < 0.0001", never
    // "p = < 0.0001" (the messages write "p = { $p }").
    let text = text.replace("=\u{a0}< ", "< ").replace("= < ", "< ");
    match language {
        Language::En => text,
        // A particle after a placeholder takes its form from the word
        // that filled it (see `korean`).
        Language::Ko => super::korean::resolve_particles(&text),
    }
}

/// The keys of `language`'s catalogue, in file order.
pub fn keys(language: Language) -> Vec<String> {
    use fluent_syntax_keys::message_ids;
    message_ids(language.source())
}

/// The placeholder names a message of `language` uses, sorted.
pub fn placeholders(language: Language, key: &str) -> Vec<String> {
    fluent_syntax_keys::placeholders(language.source(), key)
}

/// A small reader of the catalogue's own syntax, enough for its tests: the
/// message ids (lines `key = ...` at the start of a line) and the `$name`s
/// in a message's lines.
mod fluent_syntax_keys {
    pub fn message_ids(source: &str) -> Vec<String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_string()))
            .collect()
    }

    fn body<'a>(source: &'a str, key: &str) -> Vec<&'a str> {
        let mut lines = Vec::new();
        let mut inside = false;
        for line in source.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                inside = line.split_once('=').is_some_and(|(k, _)| k.trim() == key);
            } else if !line.starts_with(' ') && !line.is_empty() {
                inside = false;
            }
            if inside {
                lines.push(line);
            }
        }
        lines
    }

    /// The placeholder names, in lower case: a term's capitalised form
    /// (`$Announcements`, for a sentence that opens with it) is the same
    /// placeholder, since a language without capitals uses either.
    pub fn placeholders(source: &str, key: &str) -> Vec<String> {
        let mut names: Vec<String> = body(source, key)
            .iter()
            .flat_map(|line| line.split('$').skip(1))
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Rust source of the crate, as text.
    fn sources() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut text = String::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut text);
        text
    }

    /// The key of every call of `say` with a literal key.
    fn keys_said(sources: &str) -> Vec<String> {
        let mut keys: Vec<String> = sources
            .split("say(")
            .skip(1)
            .filter_map(|rest| rest.trim_start().strip_prefix('"'))
            .filter_map(|rest| rest.split('"').next())
            .filter(|key| key.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .map(str::to_string)
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    #[test]
    fn every_catalogue_parses_without_errors() {
        for language in LANGUAGES {
            let parsed = FluentResource::try_new(language.source().to_string());
            assert!(parsed.is_ok(), "{language:?}: {:?}", parsed.err().map(|(_, e)| e));
        }
    }

    #[test]
    fn every_key_used_in_code_exists_and_every_key_is_used() {
        let sources = sources();
        let said = keys_said(&sources);
        assert!(said.len() > 20, "{said:?}");
        for language in LANGUAGES {
            let mut defined = keys(language);
            let count = defined.len();
            defined.sort();
            defined.dedup();
            assert_eq!(count, defined.len(), "{language:?} defines a key twice");
            let missing: Vec<_> = said.iter().filter(|k| !defined.contains(k)).collect();
            // A key is used where the code names it (some are chosen from
            // a list before they are said).
            let unused: Vec<_> =
                defined.iter().filter(|k| !sources.contains(&format!("\"{k}\""))).collect();
            assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
            assert!(unused.is_empty(), "{language:?} has unused keys {unused:?}");
        }
    }

    #[test]
    fn every_language_has_every_message_of_every_other() {
        let sorted = |language| {
            let mut keys = keys(language);
            keys.sort();
            keys
        };
        let english = sorted(Language::En);
        for language in LANGUAGES {
            let theirs = sorted(language);
            let missing: Vec<_> = english.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<_> = theirs.iter().filter(|k| !english.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{language:?}: lacks {missing:?}, has {extra:?} that English lacks"
            );
        }
    }

    #[test]
    fn every_language_has_the_same_placeholders_for_each_message() {
        for key in keys(Language::En) {
            let english = placeholders(Language::En, &key);
            for language in LANGUAGES {
                assert_eq!(placeholders(language, &key), english, "{language:?} {key}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_without_isolation_marks() {
        let text = message(
            Language::En,
            "chart-monthly-title",
            &[("Announcements", "Releases"), ("years", "2010–2024")],
        );
        assert_eq!(text, "Releases per month, 2010–2024");
        assert_eq!(message(Language::En, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn a_p_value_below_the_smallest_written_reads_p_less_than_never_p_equals_less_than() {
        for language in [Language::En, Language::Ko] {
            let text = message(language, "peth-group", &[("p", "< 0.0001"), ("p_erl", "0.5")]);
            assert!(text.contains("p < 0.0001"), "{text}");
            assert!(!text.contains("= <"), "{text}");
        }
    }
}
