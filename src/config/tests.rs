//! Unit tests of the settings' resolution.

use super::*;
use crate::cli::{InputArgs, RunArgs};

fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("northwind.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn args_with(path: &Path) -> InputArgs {
    InputArgs { config: Some(path.to_path_buf()), ..InputArgs::default() }
}

/// The resolved settings of `northwind run` with these flags.
fn for_run(args: &RunArgs) -> Result<Config> {
    Config::from_flags(args.settings(), vec![])
}

/// The resolved settings of `northwind check` with these flags.
fn for_inputs(args: &InputArgs) -> Result<Config> {
    Config::from_flags(args.settings(), vec![])
}

#[test]
fn without_a_config_file_the_embedded_data_is_used() {
    // Resolved with no file at all, whatever the current directory holds.
    let config = Config::resolve(defaults::settings(), None, vec![]).unwrap();
    assert_eq!(
        config.announcements,
        InputSource::Embedded { name: "data/announcements.csv", text: EMBEDDED_ANNOUNCEMENTS }
    );
    assert_eq!(
        config.events,
        InputSource::Embedded { name: "data/events.csv", text: EMBEDDED_EVENTS }
    );
    assert_eq!(config.windows, DEFAULT_WINDOWS);
    assert_eq!(config.seed, DEFAULT_SEED);
    assert_eq!(config.out_dir, PathBuf::from("reports"));
}

#[test]
fn config_paths_are_relative_to_the_config_file() {
    let (dir, path) = write_config("[input]\nannouncements = \"a.csv\"\nevents = \"cal/e.csv\"\n");
    let config = for_inputs(&args_with(&path)).unwrap();
    assert_eq!(config.announcements, InputSource::File(dir.path().join("a.csv")));
    assert_eq!(config.events, InputSource::File(dir.path().join("cal/e.csv")));
    assert_eq!(config.out_dir, dir.path().join("reports"));
    let (dir, path) = write_config("[analysis]\nseed = 3\n");
    let config = for_inputs(&args_with(&path)).unwrap();
    assert_eq!(config.events, InputSource::File(dir.path().join("data/events.csv")));
}

#[test]
fn one_input_without_the_other_is_refused_never_mixed_with_the_bundled_data() {
    let (_dir, empty) = write_config("");
    for args in [
        InputArgs { announcements: Some("mine.csv".into()), ..args_with(&empty) },
        InputArgs { events: Some("cal.csv".into()), ..args_with(&empty) },
    ] {
        let err = for_inputs(&args).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        let missing = if args.events.is_some() { "announcements" } else { "events" };
        assert!(text.contains(&format!("no {missing} file")), "{text}");
        assert!(text.contains(&format!("--{missing} FILE")), "{text}");
    }
    let (_dir, only_announcements) = write_config("[input]\nannouncements = \"a.csv\"\n");
    let err = for_inputs(&args_with(&only_announcements)).unwrap_err();
    assert!(err.to_string().contains("does not name one"), "{err}");
    // A flag for one and the config file for the other is a pair.
    let (dir, events_only) = write_config("[input]\nevents = \"e.csv\"\n");
    let args = InputArgs { announcements: Some("mine.csv".into()), ..args_with(&events_only) };
    let config = for_inputs(&args).unwrap();
    assert_eq!(config.events, InputSource::File(dir.path().join("e.csv")));
}

#[test]
fn flags_override_the_config_file() {
    let (_dir, path) =
        write_config("[period]\nstart = \"2000-01-01\"\n[analysis]\nseed = 5\npermutations = 99\n");
    let run = RunArgs {
        input: InputArgs { start: Some("2001-02-03".into()), ..args_with(&path) },
        seed: Some(9),
        ..RunArgs::default()
    };
    let config = for_run(&run).unwrap();
    assert_eq!(config.period_start, NaiveDate::from_ymd_opt(2001, 2, 3));
    assert_eq!(config.seed, 9);
    assert_eq!(config.permutations, 99);
}

#[test]
fn charts_joined_and_the_bom_can_be_left_out_by_file_or_flag() {
    let parts = |charts, joined, csv_bom| OutputParts { charts, joined, csv_bom };
    let default = for_run(&RunArgs::default()).unwrap();
    assert_eq!(default.output, parts(true, true, true));
    let (_dir, path) = write_config("[output]\ncharts = false\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    let config = for_run(&run).unwrap();
    assert_eq!(config.output, parts(false, true, true));
    let run = RunArgs { input: args_with(&path), no_joined: true, ..RunArgs::default() };
    let config = for_run(&run).unwrap();
    assert_eq!(config.output, parts(false, false, true));
    let run = RunArgs { input: args_with(&path), no_bom: true, ..RunArgs::default() };
    assert_eq!(for_run(&run).unwrap().output, parts(false, true, false));
    let (_dir, path) = write_config("[output]\ncsv_bom = false\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    assert_eq!(for_run(&run).unwrap().output, parts(true, true, false));
}

#[test]
fn the_local_shift_reach_defaults_to_a_year_and_is_checked() {
    assert_eq!(for_run(&RunArgs::default()).unwrap().local_shift_days, 365);
    let (_dir, path) = write_config("[analysis]\nlocal_shift_days = 90\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    assert_eq!(for_run(&run).unwrap().local_shift_days, 90);
    let (_dir, path) = write_config("[analysis]\nlocal_shift_days = 0\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    let err = for_run(&run).unwrap_err().to_string();
    assert!(err.contains("local_shift_days must be 1 to 36600 days"), "{err}");
}

#[test]
fn unknown_settings_are_rejected_with_the_file_name() {
    let (_dir, path) = write_config("[analysis]\nwindow = [7]\n");
    let err = for_inputs(&args_with(&path)).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("northwind.toml"), "{err}");
    assert!(err.to_string().contains("window"), "{err}");
}

#[test]
fn windows_are_sorted_deduplicated_and_positive() {
    let (_dir, path) = write_config("[analysis]\nwindows = [30, 7, 30]\n");
    let config = for_inputs(&args_with(&path)).unwrap();
    assert_eq!(config.windows, vec![7, 30]);
    let (_dir, path) = write_config("[analysis]\nwindows = [0]\n");
    assert!(for_inputs(&args_with(&path)).is_err());
}

#[test]
fn a_period_that_ends_before_it_starts_is_a_usage_error() {
    let args = InputArgs {
        start: Some("2020-01-02".into()),
        end: Some("2020-01-01".into()),
        ..InputArgs::default()
    };
    let err = for_inputs(&args).unwrap_err();
    assert_eq!(err.exit_code(), 2);
}

#[test]
fn column_renames_must_name_known_columns() {
    let (_dir, path) = write_config("[columns]\nidentifier = \"case\"\n");
    let err = for_inputs(&args_with(&path)).unwrap_err();
    assert!(err.to_string().contains("identifier"), "{err}");
    let (_dir, path) = write_config("[columns]\nid = \"case\"\n");
    let config = for_inputs(&args_with(&path)).unwrap();
    assert_eq!(config.announcement_columns.header_for("id"), "case");
    assert_eq!(config.announcement_columns.header_for("people"), "people");
}

#[test]
fn regression_terms_parse_from_the_right() {
    let term = RegressionTerm::parse("north_korea_tests_after_14").unwrap();
    assert_eq!(term.group, "north_korea_tests");
    assert_eq!(term.direction, crate::model::Direction::After);
    assert_eq!(term.window_days, 14);
    assert!(RegressionTerm::parse("election_during_30").is_none());
    assert!(RegressionTerm::parse("election_before_0").is_none());
    assert!(RegressionTerm::parse("_before_3").is_none());
}

#[test]
fn date_format_hints_read_like_the_pattern() {
    assert_eq!(date_format_hint("%Y-%m-%d"), "YYYY-MM-DD");
    assert_eq!(date_format_hint("%d/%m/%Y"), "DD/MM/YYYY");
}

#[test]
fn a_size_preset_sets_width_and_height_and_explicit_sizes_override_it() {
    use crate::model::ChartPreset;
    let size = |config: &Config| (config.chart_size.width, config.chart_size.height);
    let run = RunArgs { size: Some(ChartPreset::Phone), ..RunArgs::default() };
    assert_eq!(size(&for_run(&run).unwrap()), (640, 800));
    let run = RunArgs { size: Some(ChartPreset::Phone), width: Some(700), ..RunArgs::default() };
    assert_eq!(size(&for_run(&run).unwrap()), (700, 800));
    let (_dir, path) = write_config("[charts]\nsize = \"square\"\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    assert_eq!(size(&for_run(&run).unwrap()), (1080, 1080));
    let (_dir, path) = write_config("[charts]\nsize = \"square\"\nwidth = 1200\n");
    let run =
        RunArgs { input: args_with(&path), size: Some(ChartPreset::Phone), ..RunArgs::default() };
    assert_eq!(size(&for_run(&run).unwrap()), (640, 800), "a flag beats the file");
    let (_dir, path) = write_config("[charts]\nsize = \"poster\"\n");
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    let message = for_run(&run).unwrap_err().to_string();
    assert!(message.contains("poster"), "{message}");
}

#[test]
fn the_source_line_is_the_newsrooms_and_neutral_for_other_data() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "x").unwrap();
    std::fs::write(dir.path().join("e.csv"), "x").unwrap();
    std::fs::write(dir.path().join("empty.toml"), "").unwrap();
    let other = InputArgs {
        config: Some(dir.path().join("empty.toml")),
        announcements: Some(dir.path().join("a.csv")),
        events: Some(dir.path().join("e.csv")),
        ..InputArgs::default()
    };
    let run = RunArgs { input: other.clone(), ..RunArgs::default() };
    let config = for_run(&run).unwrap();
    let source =
        |config: &Config| config.first_wording().all_charts.source.clone().unwrap_or_default();
    assert!(!source(&config).contains("SOURCES.md"), "{}", source(&config));
    // Neutral terms for other data: no "defection" unless the data say so.
    assert_eq!(config.first_wording().words.terms.origin, "occurrence");
    assert!(!config
        .first_wording()
        .charts
        .contains_key(&crate::wording::ChartKind::DelayHistogram));
    let run = RunArgs {
        input: other.clone(),
        source: Some("Source: Ministry of Unification. Chart: The Daily".into()),
        ..RunArgs::default()
    };
    assert_eq!(
        source(&for_run(&run).unwrap()),
        "Source: Ministry of Unification. Chart: The Daily"
    );
    let run = RunArgs { input: other, source: Some("two\nlines".into()), ..RunArgs::default() };
    let message = for_run(&run).unwrap_err().to_string();
    assert!(message.contains("--source") && message.contains("U+000A"), "{message}");
}

#[test]
fn the_newsrooms_words_come_from_the_config_and_the_flags() {
    let (_dir, path) = write_config(
        r#"
[report]
title = "북풍: 탈북 발표와 선거"
[charts]
byline = "Graphic: J. Kim"
note = "Cases since 1996."
theme = "dark"
annotate_cases = ["ryukyung-2016"]
annotate_events = ["2016-04-13"]
[charts.sensitivity]
title = "Before {group}?"
[terms]
announcement = "release"
event = "holiday"
[labels.groups]
election = "elections"
[labels.categories]
group = "groups of defectors"
"#,
    );
    let run = RunArgs {
        input: args_with(&path),
        byline: Some("Graphic: the desk".into()),
        size: Some(crate::model::ChartPreset::Print),
        ..RunArgs::default()
    };
    let config = for_run(&run).unwrap();
    let w = config.first_wording();
    assert_eq!(w.report.title.as_deref(), Some("북풍: 탈북 발표와 선거"));
    assert_eq!(w.all_charts.byline.as_deref(), Some("Graphic: the desk"), "the flag wins");
    assert_eq!(w.all_charts.note.as_deref(), Some("Cases since 1996."));
    assert_eq!(config.chart_theme, crate::model::Theme::Dark);
    assert!(config.chart_pdf, "the print preset writes PDFs");
    assert_eq!((config.chart_size.width, config.chart_size.height), (1000, 700));
    let sensitivity = &w.charts[&crate::wording::ChartKind::Sensitivity];
    assert_eq!(sensitivity.title.as_deref(), Some("Before {group}?"));
    assert_eq!(w.words.terms.announcement.many, "releases", "the plural defaults to +s");
    assert_eq!(w.words.terms.event.one, "holiday");
    assert_eq!(w.group_events("election"), "elections");
    assert_eq!(w.category("group"), "groups of defectors");
    assert_eq!(w.annotate_cases.as_deref(), Some(&["ryukyung-2016".to_string()][..]));
}

#[test]
fn a_bad_word_is_located_by_its_key() {
    for (text, key) in [
        ("[charts.timeline]\ntitle = \"a\\nb\"\n", "[charts.timeline] title"),
        ("[terms]\nevent = \"\"\n", "[terms] event"),
        ("[labels.groups]\nelection = \"x\\u0007\"\n", "[labels.groups] election"),
        ("[charts.weekdays]\ntitle = \"x\"\n", "weekdays"),
        ("[ko.charts]\nsource = \"a\\nb\"\n", "[ko.charts] source"),
        ("[ko.charts]\nsize = \"phone\"\n", "[ko.charts] size is not a word"),
        ("[ko.terms]\norigin = \"\"\n", "[ko.terms] origin"),
        ("[fr.charts]\nsource = \"x\"\n", "fr"),
        ("[report]\nlanguage = \"ko,jp\"\n", "[report] language"),
        ("[report]\nlanguage = [\"ko\", \"ko\"]\n", "named twice"),
    ] {
        let (_dir, path) = write_config(text);
        let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
        let message = for_run(&run).unwrap_err().to_string();
        assert!(message.contains(key), "{text}: {message}");
    }
}

#[test]
fn each_language_takes_its_own_words_over_the_common_ones_and_the_flags_over_both() {
    let (_dir, path) = write_config(
        r#"
[report]
language = ["en", "ko"]
title = "Common title"
[charts]
byline = "Graphic: J. Kim"
[ko.report]
title = "북풍: 탈북 발표와 선거"
[ko.charts]
source = "자료: 통일부"
[ko.terms]
origin = "탈북"
[ko.labels.groups]
election = "선거"
"#,
    );
    let run = RunArgs { input: args_with(&path), ..RunArgs::default() };
    let config = for_run(&run).unwrap();
    use crate::messages::catalogue::Language;
    assert_eq!(config.languages, [Language::En, Language::Ko]);
    let (en, ko) = (&config.wordings[0], &config.wordings[1]);
    assert_eq!((en.words.language, ko.words.language), (Language::En, Language::Ko));
    assert_eq!(en.report.title.as_deref(), Some("Common title"));
    assert_eq!(ko.report.title.as_deref(), Some("북풍: 탈북 발표와 선거"));
    assert_eq!(ko.all_charts.byline.as_deref(), Some("Graphic: J. Kim"), "common words apply");
    assert_eq!(ko.all_charts.source.as_deref(), Some("자료: 통일부"));
    assert_eq!(en.words.terms.origin, "occurrence");
    assert_eq!(
        (ko.words.terms.origin.as_str(), ko.words.terms.case.one.as_str()),
        ("탈북", "사례")
    );
    assert_eq!(
        (en.group_events("election"), ko.group_events("election")),
        ("election events".to_string(), "선거".to_string())
    );
    let run = RunArgs {
        input: args_with(&path),
        title: Some("Flag title".into()),
        lang: Some("ko".into()),
        ..RunArgs::default()
    };
    let config = for_run(&run).unwrap();
    assert_eq!(config.languages, [Language::Ko], "--lang wins over the file");
    assert_eq!(config.wordings[0].report.title.as_deref(), Some("Flag title"), "a flag wins");
    let run = RunArgs { input: args_with(&path), lang: Some("de".into()), ..RunArgs::default() };
    let message = for_run(&run).unwrap_err().to_string();
    assert!(message.contains("--lang") && message.contains("'de'"), "{message}");
}

#[test]
fn the_embedded_data_bring_their_own_words_in_both_languages() {
    // As `from_flags` resolves a run without a config file: the embedded
    // config's words only, then the flags.
    let words = file::parse(EMBEDDED_CONFIG, "northwind.toml", None).unwrap().words_only();
    assert!(words.announcements.is_none() && words.out_dir.is_none() && words.windows.is_none());
    let flags = RunArgs { lang: Some("en,ko".into()), ..RunArgs::default() }.settings();
    let config = Config::resolve(layered(words, flags), None, Vec::new()).unwrap();
    assert!(matches!(config.announcements, InputSource::Embedded { .. }));
    let (en, ko) = (&config.wordings[0], &config.wordings[1]);
    assert_eq!(
        (en.words.terms.origin.as_str(), ko.words.terms.origin.as_str()),
        ("defection", "탈북")
    );
    for wording in [en, ko] {
        let source = wording.all_charts.source.as_deref().unwrap_or_default();
        assert!(source.contains("data/SOURCES.md"), "{source}");
    }
    assert_eq!(ko.group_events("election"), "선거");
    assert_eq!(ko.category("military"), "군인");
}

#[test]
fn group_by_names_a_rule_and_cannot_be_set_with_groups() {
    let rule = |text: &str| Config::from_config_text(text, "n.toml").map(|c| c.groups);
    assert_eq!(rule("[analysis]\ngroup_by = \"one\"\n").unwrap(), GroupSpec::One);
    assert_eq!(rule("[analysis]\ngroup_by = \"column\"\n").unwrap(), GroupSpec::Column);
    assert_eq!(rule("").unwrap(), GroupSpec::KindPrefix);
    let unknown = rule("[analysis]\ngroup_by = \"kinds\"\n").unwrap_err().to_string();
    assert!(unknown.contains("[analysis] group_by 'kinds' is not a rule"), "{unknown}");
    let both = rule("[analysis]\ngroup_by = \"one\"\n[groups]\na = [\"x\"]\n").unwrap_err();
    assert!(both.to_string().contains("both [groups] and [analysis] group_by"), "{both}");
}
