//! Looked at, not assumed: every chart, at every size preset, for the bundled
//! data and for other data, has every text box inside the canvas and no two
//! text boxes on top of each other. The boxes are where resvg set each text
//! (the layout the PNG and the SVG are drawn from).

use northwind::charts::{Rendered, TextBox};
use northwind::cli::{InputArgs, RunArgs};
use northwind::config::Config;
use northwind::model::ChartPreset;

use crate::util::{fixture, repo};

fn charts(input: InputArgs, size: ChartPreset) -> Vec<Rendered> {
    charts_with(RunArgs { input, size: Some(size), ..RunArgs::default() })
}

fn charts_with(run: RunArgs) -> Vec<Rendered> {
    let run = RunArgs { permutations: Some(99), ..run };
    let config = Config::from_flags(run.settings(), vec![]).expect("the config resolves");
    let inputs = northwind::input::load(&config.input_spec()).expect("the inputs load");
    let analysis = northwind::analysis::analyse(&inputs, &config.analysis_settings()).unwrap();
    northwind::render_charts(&analysis, &config, config.first_wording()).expect("the charts render")
}

/// Every problem of one chart's layout, as sentences.
fn layout_problems(chart: &Rendered) -> Vec<String> {
    let (w, h) = (chart.size.width as f32, chart.size.height as f32);
    let boxes: Vec<&TextBox> =
        chart.text_boxes.iter().filter(|b| !b.text.trim().is_empty()).collect();
    let mut problems = Vec::new();
    for b in &boxes {
        if b.text.contains("{$") || b.text.contains("{ $") {
            problems.push(format!("'{}' has a placeholder left unfilled", b.text));
        }
        if b.left < 0.0 || b.top < 0.0 || b.right > w || b.bottom > h {
            problems.push(format!("'{}' leaves the {w}x{h} canvas: {b:?}", b.text));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            // Two pixels of slack: glyph boxes of neighbouring lines touch.
            if a.overlaps(b, 2.0) {
                problems.push(format!("'{}' overlaps '{}'", a.text, b.text));
            }
        }
    }
    problems
}

fn assert_clean(input: impl Fn() -> InputArgs, what: &str) {
    let mut problems = Vec::new();
    for size in [ChartPreset::Article, ChartPreset::Phone, ChartPreset::Square, ChartPreset::Print]
    {
        for chart in charts(input(), size) {
            assert!(chart.text_boxes.len() > 3, "{} has almost no text", chart.name);
            problems.extend(
                layout_problems(&chart)
                    .into_iter()
                    .map(|p| format!("{what}, {size:?}, {}: {p}", chart.name)),
            );
        }
    }
    assert!(problems.is_empty(), "{} layout problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_bundled_charts_keep_every_text_inside_and_apart_at_every_size() {
    assert_clean(
        || InputArgs {
            announcements: Some(repo().join("data/announcements.csv")),
            events: Some(repo().join("data/events.csv")),
            quiet: true,
            ..InputArgs::default()
        },
        "bundled",
    );
}

#[test]
fn other_data_keep_every_text_inside_and_apart_at_every_size() {
    assert_clean(
        || InputArgs {
            announcements: Some(fixture("small/announcements.csv")),
            events: Some(fixture("small/events.csv")),
            quiet: true,
            ..InputArgs::default()
        },
        "small fixture",
    );
}

#[test]
fn overlapping_boxes_are_found() {
    let b =
        |left, top| TextBox { text: "x".into(), left, top, right: left + 10.0, bottom: top + 10.0 };
    assert!(b(0.0, 0.0).overlaps(&b(5.0, 5.0), 2.0));
    assert!(!b(0.0, 0.0).overlaps(&b(9.0, 0.0), 2.0), "touching within the slack");
    assert!(!b(0.0, 0.0).overlaps(&b(0.0, 20.0), 2.0));
}

#[test]
fn a_hundred_cases_ten_event_groups_and_no_defection_dates_keep_every_text_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = String::from("id,name,category,people,announcement_date\n");
    for i in 0..100 {
        let (year, day) = (2000 + i % 20, 1 + (i * 37) % 360);
        let date = chrono::NaiveDate::from_yo_opt(year, day as u32).unwrap();
        let category = ["press release", "alert", "statement", "주의보"][i as usize % 4];
        cases.push_str(&format!(
            "c{i},Case number {i} with a long name,{category},{},{date}\n",
            1 + i % 7
        ));
    }
    let mut events = String::from("date,kind,label\n");
    for g in 0..10 {
        for k in 0..6 {
            let date = chrono::NaiveDate::from_yo_opt(2000 + (g + 3 * k) % 20, 10 + 30 * k as u32)
                .unwrap();
            events.push_str(&format!("{date},group{g}_kind,Event {k} of group {g}\n"));
        }
    }
    std::fs::write(dir.path().join("a.csv"), cases).unwrap();
    std::fs::write(dir.path().join("e.csv"), events).unwrap();
    // The newsroom's own words, long ones included, in two scripts.
    let config = crate::util::write_config(
        dir.path(),
        r#"
[report]
title = "Do press releases cluster around holidays?"
[charts]
source = "Source: 행정안전부 press office archive, 2000-2019, compiled by the data desk"
byline = "Graphic: Kim Ji-won / The Daily"
note = "A case is one press release; several on one day count separately. Holidays from the official calendar."
annotate_cases = ["c3", "c4", "c50"]
annotate_events = ["Event 2 of group 1", "2003-01-10"]
[charts.sensitivity]
title = "Are there more releases just before {group}? The rate ratio at every window width"
[terms]
case = "release"
announcement = "press release"
event = "holiday"
[labels.groups]
group0 = "national holidays"
group1 = "설날과 추석"
[labels.categories]
alert = "weather alerts"
"#,
    );
    let (a, e) = (dir.path().join("a.csv"), dir.path().join("e.csv"));
    assert_clean(
        || InputArgs {
            config: Some(config.clone()),
            announcements: Some(a.clone()),
            events: Some(e.clone()),
            quiet: true,
            ..InputArgs::default()
        },
        "100 cases, 10 groups",
    );
    let input = InputArgs {
        config: Some(config.clone()),
        announcements: Some(a.clone()),
        events: Some(e.clone()),
        quiet: true,
        ..InputArgs::default()
    };
    let charts = charts_with(RunArgs { input, ..RunArgs::default() });
    let words = |name: &str| -> String {
        let chart = charts.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name}"));
        chart.text_boxes.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" | ")
    };
    let timeline = words("timeline");
    for wanted in [
        "Case number 3 with a long name",
        "Event 2 of group 1",
        "weather alerts",
        "설날과 추석",
        "Graphic: Kim Ji-won / The Daily",
        "Press releases",
    ] {
        assert!(timeline.contains(wanted), "the timeline lacks '{wanted}': {timeline}");
    }
    assert!(
        words("sensitivity_group1").contains("Are there more releases just before 설날과 추석?")
    );
    assert!(words("monthly_counts").contains("Press releases per month"));
    for chart in &charts {
        let text = words(&chart.name);
        for foreign in ["defection", "SOURCES.md", "bundled", "kept quiet", "northwind"] {
            assert!(!text.contains(foreign), "{}: '{foreign}' in {text}", chart.name);
        }
    }
}

#[test]
fn dark_charts_keep_their_layout_and_change_their_paper() {
    let input = InputArgs {
        announcements: Some(fixture("small/announcements.csv")),
        events: Some(fixture("small/events.csv")),
        quiet: true,
        ..InputArgs::default()
    };
    let light = charts_with(RunArgs { input: input.clone(), ..RunArgs::default() });
    let dark = charts_with(RunArgs {
        input,
        theme: Some(northwind::model::Theme::Dark),
        ..RunArgs::default()
    });
    for (l, d) in light.iter().zip(&dark) {
        assert_eq!(l.text_boxes, d.text_boxes, "{}: the theme moved text", l.name);
        assert!(layout_problems(d).is_empty(), "{}", d.name);
        // The first pixel is the paper: white, then near black.
        let first = |png: &[u8]| {
            let decoder = png::Decoder::new(std::io::Cursor::new(png));
            let mut reader = decoder.read_info().unwrap();
            let mut buf = vec![0; reader.output_buffer_size()];
            reader.next_frame(&mut buf).unwrap();
            [buf[0], buf[1], buf[2]]
        };
        assert_eq!(first(&l.png), [255, 255, 255], "{}", l.name);
        assert!(first(&d.png).iter().all(|&c| c < 40), "{}: {:?}", d.name, first(&d.png));
    }
}

#[test]
fn the_newsrooms_source_line_is_under_every_chart() {
    let source = "Source: 통일부 (Ministry of Unification). Chart: The Daily";
    let input = InputArgs {
        announcements: Some(fixture("small/announcements.csv")),
        events: Some(fixture("small/events.csv")),
        quiet: true,
        ..InputArgs::default()
    };
    let run = RunArgs { input, source: Some(source.into()), ..RunArgs::default() };
    for chart in charts_with(run) {
        assert!(
            chart.text_boxes.iter().any(|b| b.text == source),
            "{} lacks the source line: {:?}",
            chart.name,
            chart.text_boxes.iter().map(|b| &b.text).collect::<Vec<_>>()
        );
        assert!(!chart.text_boxes.iter().any(|b| b.text.contains("SOURCES.md")), "{}", chart.name);
    }
}

#[test]
fn korean_charts_keep_every_text_inside_and_apart_with_every_particle_resolved() {
    // The bundled data's Korean words (northwind.toml's [ko] tables, read
    // from the crate root): terms, group and category labels, Korean names.
    let mut problems = Vec::new();
    let mut alt_texts = String::new();
    for size in [ChartPreset::Article, ChartPreset::Phone] {
        let input = InputArgs {
            announcements: Some(repo().join("data/announcements.csv")),
            events: Some(repo().join("data/events.csv")),
            quiet: true,
            ..InputArgs::default()
        };
        let run = RunArgs {
            input,
            size: Some(size),
            permutations: Some(99),
            lang: Some("ko".into()),
            ..RunArgs::default()
        };
        let config = Config::from_flags(run.settings(), vec![]).unwrap();
        let inputs = northwind::input::load(&config.input_spec()).unwrap();
        let analysis = northwind::analysis::analyse(&inputs, &config.analysis_settings()).unwrap();
        for chart in northwind::render_charts(&analysis, &config, config.first_wording()).unwrap() {
            // To look at them: NORTHWIND_LOOK=dir writes the PNGs there.
            if let Some(dir) = std::env::var_os("NORTHWIND_LOOK") {
                let path = std::path::Path::new(&dir).join(format!("{}.{size:?}.png", chart.name));
                std::fs::write(path, &chart.png).unwrap();
            }
            problems.extend(
                layout_problems(&chart)
                    .into_iter()
                    .map(|p| format!("{size:?} {}: {p}", chart.name)),
            );
            if size == ChartPreset::Article {
                alt_texts.push_str(&format!("## {}\n\n{}\n\n", chart.name, chart.alt));
            }
            for b in &chart.text_boxes {
                for pair in ["은(는)", "이(가)", "을(를)", "과(와)", "(으)로"] {
                    if b.text.contains(pair) {
                        problems.push(format!("{}: '{}' keeps {pair}", chart.name, b.text));
                    }
                }
            }
            let text: String = chart.text_boxes.iter().map(|b| b.text.as_str()).collect();
            if chart.name == "sensitivity_election" {
                assert!(text.contains("선거 전후의 탈북 발표: 구간 폭별 발생률비"), "{text}");
                assert!(
                    text.contains("가장 두드러진 구간: 선거 전 7일 이내 49건 중 3건"),
                    "{text}"
                );
            }
            if chart.name == "weekday" {
                assert!(text.contains("요일별 탈북 발표") && text.contains('목'), "{text}");
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    // Every Korean chart sentence a reader sees, as the alt texts carry them.
    insta::assert_snapshot!("korean_chart_alt_texts", alt_texts);
}
