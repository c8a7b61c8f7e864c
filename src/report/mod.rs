//! The report: tables, summary.json and summary.md, rendered to bytes.
//!
//! Renderers are pure (`-> Vec<u8>` / `String`) and compute no statistics:
//! they format what [`crate::analysis::Analysis`] holds. Writing to disk is
//! [`crate::output`]'s job alone.

pub mod changes;
pub mod html;
mod json;
pub mod markdown;
pub mod table;

pub use json::summary_json;
pub use markdown::summary_markdown;
pub use table::{Cell, Table};

use std::io::Write;

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::input::AnnouncementTable;
use crate::stats::window::WindowTest;

/// What the report needs of the settings beyond the analysis's own (which
/// [`Analysis::settings`] carries): the inputs it names and the parts it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub announcements: crate::model::InputSource,
    pub events: crate::model::InputSource,
    pub parts: crate::model::OutputParts,
}

pub use crate::digest::{hex, sha256_hex};

/// Writes a file's bytes to the writer it is given.
pub type StreamWriter<'a> =
    Box<dyn Fn(&mut (dyn Write + Send)) -> std::io::Result<()> + Send + Sync + 'a>;

/// What a report file holds: bytes, or a writer for a file too large to hold
/// in memory (`joined.csv` of ten million rows).
pub enum Body<'a> {
    Bytes(Vec<u8>),
    Stream(StreamWriter<'a>),
}

impl std::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Body::Stream(_) => write!(f, "Stream"),
        }
    }
}

/// One file of the report: its path inside the report directory and its content.
///
/// `path` is relative to the report and made of fixed words and slugs only;
/// [`crate::output`] checks it again before writing.
#[derive(Debug)]
pub struct ReportFile<'a> {
    pub path: String,
    pub body: Body<'a>,
    /// The event group a per-group file belongs to (its name, as shown), for
    /// the name-to-file mapping of `manifest.json` and `summary.json`.
    pub group: Option<String>,
}

impl ReportFile<'_> {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        ReportFile { path: path.into(), body: Body::Bytes(bytes), group: None }
    }

    /// The same file, marked as belonging to event group `name`.
    #[must_use]
    pub fn of_group(mut self, name: &str) -> Self {
        self.group = Some(name.to_string());
        self
    }
}

/// Every table of the report but `joined` (see [`write_joined_csv`]) and the
/// per-group ones ([`peth_tables`]), in the order they are written.
pub fn tables(analysis: &Analysis) -> Vec<Table> {
    vec![
        window_table(&analysis.window_tests),
        delay_table(analysis),
        weekday_table(analysis),
        shuffle_table(analysis),
        phase_table(analysis),
        regression_table(analysis),
    ]
}

/// Column names of `tables/joined.csv`: every input column, `delay_days`, and
/// the nearest events of each group.
pub fn joined_columns(analysis: &Analysis, input: &AnnouncementTable) -> Vec<String> {
    let mut columns: Vec<String> = input.raw.headers.clone();
    columns.push("delay_days".into());
    for g in &analysis.groups {
        let name = &g.name;
        columns.extend([
            format!("next_{name}_date"),
            format!("next_{name}_label"),
            format!("days_to_next_{name}"),
            format!("prev_{name}_date"),
            format!("prev_{name}_label"),
            format!("days_since_prev_{name}"),
        ]);
    }
    columns
}

/// Rows rendered per parallel task of [`write_joined_csv`].
const JOINED_CHUNK_ROWS: usize = 1 << 14;

/// Writes `tables/joined.csv` without holding it in memory: rows are rendered
/// in parallel chunks, a batch at a time, and each batch is written while the
/// next one renders. Text cells are defused as [`Cell::Text`] renders them.
///
/// # Errors
/// The writer's.
pub fn write_joined_csv(
    analysis: &Analysis,
    input: &AnnouncementTable,
    out: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    let header =
        Table { name: String::new(), columns: joined_columns(analysis, input), rows: vec![] };
    out.write_all(&header.to_csv())?;
    let n = input.announcements.len();
    let batch = JOINED_CHUNK_ROWS * 2 * rayon::current_num_threads().max(1);
    let render = |start: usize| -> Vec<Vec<u8>> {
        let starts: Vec<usize> =
            (start..(start + batch).min(n)).step_by(JOINED_CHUNK_ROWS).collect();
        starts
            .par_iter()
            .map(|&from| joined_rows_csv(analysis, input, from..(from + JOINED_CHUNK_ROWS).min(n)))
            .collect()
    };
    let write = |out: &mut (dyn Write + Send), parts: Vec<Vec<u8>>| -> std::io::Result<()> {
        parts.iter().try_for_each(|part| out.write_all(part))
    };
    let mut current = render(0);
    for next in (batch..n).step_by(batch) {
        let (rendered, written) = rayon::join(|| render(next), || write(out, current));
        written?;
        current = rendered;
    }
    write(out, current)
}

/// Rows `rows` of `joined.csv` as CSV bytes: the input cells, `delay_days`,
/// and per group the next event's date, label and days to it, then the
/// previous event's. Written field by field, without a `String` per cell
/// (ten million rows have 250 million cells).
fn joined_rows_csv(
    analysis: &Analysis,
    input: &AnnouncementTable,
    rows: std::ops::Range<usize>,
) -> Vec<u8> {
    let mut digits = itoa::Buffer::new();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(rows.len() * 160));
    let mut field = String::new();
    // Writing to a Vec cannot fail.
    for i in rows {
        let announcement = &input.announcements[i];
        for cell in input.raw.row(i) {
            let _ = writer.write_field(table::neutralized(cell).as_bytes());
        }
        let delay = announcement.delay_days().map_or("", |d| digits.format(d));
        let _ = writer.write_field(delay.as_bytes());
        let a = announcement.announcement_date;
        for (g, group) in analysis.groups.iter().enumerate() {
            let nb = analysis.neighbours.get(g, a);
            for (day, sign) in [(nb.next, 1), (nb.prev, -1)] {
                let day = day.and_then(|k| group.days.get(k as usize));
                field.clear();
                if let Some(d) = day {
                    table::push_date(&mut field, d.date);
                }
                let _ = writer.write_field(field.as_bytes());
                let label =
                    day.map_or(std::borrow::Cow::Borrowed(""), |d| table::neutralized(&d.label));
                let _ = writer.write_field(label.as_bytes());
                let days = day.map_or("", |d| digits.format(sign * (d.date - a).num_days()));
                let _ = writer.write_field(days.as_bytes());
            }
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
    writer.into_inner().unwrap_or_default()
}

/// Column names of `tables/window_tests.csv`.
pub const WINDOW_COLUMNS: [&str; 16] = [
    "group",
    "direction",
    "window_days",
    "n",
    "observed",
    "expected",
    "covered_days",
    "period_days",
    "rate_ratio",
    "rate_ratio_low",
    "rate_ratio_high",
    "p_binomial",
    "p_shift",
    "p_shift_holm",
    "p_shift_bh",
    "note",
];

/// `tables/window_tests.csv`.
pub fn window_table(tests: &[WindowTest]) -> Table {
    let rows = tests
        .iter()
        .map(|t| {
            let rr = |f: fn(&crate::stats::window::RateRatio) -> f64| {
                t.rate_ratio.as_ref().map_or(Cell::Empty, |r| Cell::Float(f(r)))
            };
            vec![
                Cell::Text(t.group.clone()),
                Cell::Text(t.direction.as_str().into()),
                Cell::Int(i64::from(t.window_days)),
                Cell::count(t.n),
                Cell::count(t.observed),
                Cell::Float(t.expected),
                Cell::count(t.covered_days as u64),
                Cell::count(t.period_days as u64),
                rr(|r| r.estimate),
                rr(|r| r.low),
                rr(|r| r.high),
                Cell::Float(t.p_binomial),
                Cell::Float(t.p_shift),
                Cell::Float(t.p_shift_holm),
                Cell::Float(t.p_shift_bh),
                Cell::Text(t.note.clone()),
            ]
        })
        .collect();
    Table { name: "window_tests".into(), columns: WINDOW_COLUMNS.map(String::from).to_vec(), rows }
}

fn optional(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Float)
}

/// `tables/delay_shuffle_tests.csv`.
pub fn shuffle_table(analysis: &Analysis) -> Table {
    let rows = analysis
        .shuffle
        .iter()
        .map(|r| {
            vec![
                Cell::Text(r.group.clone()),
                Cell::Text(r.direction.as_str().into()),
                Cell::Int(i64::from(r.window_days)),
                Cell::count(r.n),
                Cell::count(r.observed),
                Cell::Float(r.null_mean),
                Cell::Float(r.p_value),
            ]
        })
        .collect();
    let columns = ["group", "direction", "window_days", "n", "observed", "null_mean", "p_value"];
    Table { name: "delay_shuffle_tests".into(), columns: columns.map(String::from).to_vec(), rows }
}

/// `tables/phase_tests.csv`.
pub fn phase_table(analysis: &Analysis) -> Table {
    let rows = analysis
        .groups
        .iter()
        .zip(&analysis.phase)
        .map(|(g, p)| {
            vec![
                Cell::Text(g.name.clone()),
                Cell::count(p.n),
                optional(p.mean_phase),
                optional(p.resultant_length),
                optional(p.rayleigh_z),
                optional(p.p_rayleigh),
                optional(p.v_statistic),
                optional(p.v_u),
                optional(p.p_v),
            ]
        })
        .collect();
    let columns = [
        "group",
        "n",
        "mean_phase",
        "resultant_length",
        "rayleigh_z",
        "p_rayleigh",
        "v_statistic",
        "v_u",
        "p_v",
    ];
    Table { name: "phase_tests".into(), columns: columns.map(String::from).to_vec(), rows }
}

/// `tables/peth_<slug>.csv`, one per group (in the order of
/// `analysis.groups`), named by the group's slug; the `group` column holds
/// the group's name.
pub fn peth_tables(analysis: &Analysis) -> Vec<Table> {
    analysis
        .groups
        .iter()
        .zip(&analysis.peth)
        .map(|(g, p)| {
            let rows = (0..p.bins.len())
                .map(|b| {
                    vec![
                        Cell::Int(p.bins[b].0),
                        Cell::Int(p.bins[b].1),
                        Cell::count(p.observed[b]),
                        Cell::Float(p.null_mean[b]),
                        Cell::Float(p.pointwise_low[b]),
                        Cell::Float(p.pointwise_high[b]),
                        Cell::Float(p.global_low[b]),
                        Cell::Float(p.global_high[b]),
                        Cell::Float(p.erl_low[b]),
                        Cell::Float(p.erl_high[b]),
                        Cell::Text(g.name.clone()),
                    ]
                })
                .collect();
            let columns = [
                "bin_start",
                "bin_end",
                "observed",
                "null_mean",
                "pointwise_low",
                "pointwise_high",
                "global_low",
                "global_high",
                "erl_low",
                "erl_high",
                "group",
            ];
            Table {
                name: format!("peth_{}", g.slug),
                columns: columns.map(String::from).to_vec(),
                rows,
            }
        })
        .collect()
}

/// `tables/poisson_regression.csv`: coefficients with HC0 standard errors,
/// then the same inference with Newey-West (HAC) standard errors.
pub fn regression_table(analysis: &Analysis) -> Table {
    let rows = analysis
        .regression
        .coefficients
        .iter()
        .map(|c| {
            let hc0 = |f: fn(&crate::stats::regression::Inference) -> f64| {
                c.hc0.as_ref().map_or(Cell::Empty, |i| Cell::Float(f(i)))
            };
            let hac = |f: fn(&crate::stats::regression::Inference) -> f64| {
                c.hac.as_ref().map_or(Cell::Empty, |i| Cell::Float(f(i)))
            };
            vec![
                Cell::Text(c.term.clone()),
                optional(c.coef),
                optional(c.coef.map(f64::exp)),
                hc0(|i| i.se),
                hc0(|i| i.irr_low),
                hc0(|i| i.irr_high),
                hc0(|i| i.z),
                hc0(|i| i.p_value),
                hac(|i| i.se),
                hac(|i| i.irr_low),
                hac(|i| i.irr_high),
                hac(|i| i.z),
                hac(|i| i.p_value),
                Cell::Text(c.note.clone()),
            ]
        })
        .collect();
    let columns = [
        "term",
        "coef",
        "irr",
        "se_robust",
        "irr_low",
        "irr_high",
        "z",
        "p_value",
        "se_hac",
        "irr_low_hac",
        "irr_high_hac",
        "z_hac",
        "p_value_hac",
        "note",
    ];
    Table { name: "poisson_regression".into(), columns: columns.map(String::from).to_vec(), rows }
}

/// `tables/weekday.csv`: Monday first.
pub fn weekday_table(analysis: &Analysis) -> Table {
    let w = &analysis.weekday;
    let rows = crate::stats::weekday::WEEKDAYS
        .iter()
        .enumerate()
        .map(|(i, day)| {
            vec![
                Cell::Text(day.to_string()),
                Cell::count(w.observed[i]),
                Cell::Float(w.expected[i]),
            ]
        })
        .collect();
    Table {
        name: "weekday".into(),
        columns: vec!["weekday".into(), "observed".into(), "expected".into()],
        rows,
    }
}

/// `tables/delay_summary.csv`.
pub fn delay_table(analysis: &Analysis) -> Table {
    let columns = [
        "category",
        "n",
        "min",
        "q1",
        "median",
        "q3",
        "max",
        "mean",
        "median_ci_low",
        "median_ci_high",
    ];
    let rows = analysis
        .delays
        .summaries
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.category.clone()),
                Cell::count(s.n as u64),
                Cell::Float(s.min),
                Cell::Float(s.q1),
                Cell::Float(s.median),
                Cell::Float(s.q3),
                Cell::Float(s.max),
                Cell::Float(s.mean),
                Cell::Float(s.median_ci_low),
                Cell::Float(s.median_ci_high),
            ]
        })
        .collect();
    Table { name: "delay_summary".into(), columns: columns.map(String::from).to_vec(), rows }
}
