//! One row struct per table: the schema of each CSV table and of its rows in
//! `summary.json`, in one place.
//!
//! Every table is written from these structs by serde: [`super::Table::from_rows`]
//! turns a row into CSV cells (columns in field order), and `serde_json`
//! turns the same row into a JSON object. The two cannot drift: a field added
//! here appears in both.
//!
//! Numbers that may be infinite or missing are [`Figure`]s: in CSV a plain
//! decimal, `inf`, or an empty cell; in JSON a number, the string `"inf"`, or
//! `null` (JSON has no infinity).

use serde::{Serialize, Serializer};

use crate::analysis::{Analysis, ShuffleRow};
use crate::stats::delay::DelaySummary;
use crate::stats::phase::PhaseTest;
use crate::stats::regression::{Coefficient, Inference};
use crate::stats::window::WindowTest;

/// A computed figure. See the module documentation for how it is written.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figure(pub f64);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        // The CSV cell writer is the one serializer that is not human
        // readable; it keeps the raw float and renders it as `Cell::Float`.
        if !serializer.is_human_readable() || x.is_finite() {
            serializer.serialize_f64(x)
        } else if x.is_nan() {
            serializer.serialize_none()
        } else {
            serializer.serialize_str(if x > 0.0 { "inf" } else { "-inf" })
        }
    }
}

fn figure(x: Option<f64>) -> Option<Figure> {
    x.map(Figure)
}

/// A row of `tables/window_tests.csv` and of `summary.json`'s `window_tests`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WindowRow {
    pub group: String,
    pub direction: &'static str,
    pub window_days: u32,
    pub n: u64,
    pub observed: u64,
    pub expected: Figure,
    pub covered_days: u64,
    pub period_days: u64,
    pub rate_ratio: Option<Figure>,
    pub rate_ratio_low: Option<Figure>,
    pub rate_ratio_high: Option<Figure>,
    pub p_binomial: Figure,
    pub p_shift: Figure,
    /// The exact min-p adjustment over the family; empty outside it.
    pub p_shift_fwer: Option<Figure>,
    pub p_shift_holm: Figure,
    pub p_shift_bh: Figure,
    /// The restricted-shift test (shifts of at most `local_shift_days`).
    pub p_shift_local: Figure,
    /// The lower tail of the circular shift, `#{s : X_s <= X_0} / T`.
    pub p_shift_lower: Figure,
    pub null_mean_shift: Figure,
    pub null_mean_local: Figure,
    pub note: String,
    /// The number of shifts `s` with `X_s >= X_0` (the numerator of `p_shift`).
    pub shift_count: u64,
    /// The numerator and denominator of `p_shift_local`.
    pub local_shift_count: u64,
    pub local_shifts: u64,
    /// The group's events span less than half the period (see the summary).
    pub events_span_short: bool,
    /// Distinct announcement days in the windows, and distinct event days
    /// whose windows hold them.
    pub hit_days: u64,
    pub hit_events: u64,
}

impl From<&WindowTest> for WindowRow {
    fn from(t: &WindowTest) -> Self {
        WindowRow {
            group: t.group.clone(),
            direction: t.direction.as_str(),
            window_days: t.window_days,
            n: t.n,
            observed: t.observed,
            expected: Figure(t.expected),
            covered_days: t.covered_days as u64,
            period_days: t.period_days as u64,
            rate_ratio: t.rate_ratio.map(|r| Figure(r.estimate)),
            rate_ratio_low: t.rate_ratio.map(|r| Figure(r.low)),
            rate_ratio_high: t.rate_ratio.map(|r| Figure(r.high)),
            p_binomial: Figure(t.p_binomial),
            p_shift: Figure(t.p_shift),
            p_shift_fwer: figure(t.p_shift_fwer),
            p_shift_holm: Figure(t.p_shift_holm),
            p_shift_bh: Figure(t.p_shift_bh),
            p_shift_local: Figure(t.local.p_value),
            p_shift_lower: Figure(t.p_shift_lower),
            null_mean_shift: Figure(t.null_mean_shift),
            null_mean_local: Figure(t.local.null_mean),
            events_span_short: t.events_span_short,
            hit_days: t.hit_days as u64,
            hit_events: t.hit_events as u64,
            note: t.note.clone(),
            shift_count: t.shift_count as u64,
            local_shift_count: t.local.at_least_observed as u64,
            local_shifts: t.local.shifts as u64,
        }
    }
}

/// A row of `tables/delay_shuffle_tests.csv` and of `summary.json`'s
/// `delay_shuffle.tests`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ShuffleTestRow {
    pub group: String,
    pub direction: &'static str,
    pub window_days: u32,
    pub n: u64,
    pub observed: u64,
    pub null_mean: Figure,
    pub p_value: Figure,
}

impl From<&ShuffleRow> for ShuffleTestRow {
    fn from(r: &ShuffleRow) -> Self {
        ShuffleTestRow {
            group: r.group.clone(),
            direction: r.direction.as_str(),
            window_days: r.window_days,
            n: r.n,
            observed: r.observed,
            null_mean: Figure(r.null_mean),
            p_value: Figure(r.p_value),
        }
    }
}

/// A row of `tables/phase_tests.csv` and of `summary.json`'s `phase`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PhaseRow {
    pub group: String,
    pub n: u64,
    pub mean_phase: Option<Figure>,
    pub resultant_length: Option<Figure>,
    pub rayleigh_z: Option<Figure>,
    pub p_rayleigh: Option<Figure>,
    pub v_statistic: Option<Figure>,
    pub v_u: Option<Figure>,
    pub p_v: Option<Figure>,
}

impl PhaseRow {
    pub fn new(group: &str, p: &PhaseTest) -> Self {
        PhaseRow {
            group: group.to_string(),
            n: p.n,
            mean_phase: figure(p.mean_phase),
            resultant_length: figure(p.resultant_length),
            rayleigh_z: figure(p.rayleigh_z),
            p_rayleigh: figure(p.p_rayleigh),
            v_statistic: figure(p.v_statistic),
            v_u: figure(p.v_u),
            p_v: figure(p.p_v),
        }
    }
}

/// A row of `tables/peth_<slug>.csv`: one bin of a peri-event histogram.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PethRow {
    pub bin_start: i64,
    pub bin_end: i64,
    pub observed: u64,
    pub null_mean: Figure,
    pub pointwise_low: Figure,
    pub pointwise_high: Figure,
    pub global_low: Figure,
    pub global_high: Figure,
    pub erl_low: Figure,
    pub erl_high: Figure,
    pub group: String,
}

/// A row of `tables/poisson_regression.csv` and of `summary.json`'s
/// `poisson_regression.terms`: HC0 inference, then Newey-West (HAC).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RegressionRow {
    pub term: String,
    pub coef: Option<Figure>,
    pub irr: Option<Figure>,
    pub se_robust: Option<Figure>,
    pub irr_low: Option<Figure>,
    pub irr_high: Option<Figure>,
    pub z: Option<Figure>,
    pub p_value: Option<Figure>,
    pub se_hac: Option<Figure>,
    pub irr_low_hac: Option<Figure>,
    pub irr_high_hac: Option<Figure>,
    pub z_hac: Option<Figure>,
    pub p_value_hac: Option<Figure>,
    pub note: String,
}

impl From<&Coefficient> for RegressionRow {
    fn from(c: &Coefficient) -> Self {
        let hc0 = |f: fn(&Inference) -> f64| c.hc0.as_ref().map(|i| Figure(f(i)));
        let hac = |f: fn(&Inference) -> f64| c.hac.as_ref().map(|i| Figure(f(i)));
        RegressionRow {
            term: c.term.clone(),
            coef: figure(c.coef),
            irr: figure(c.coef.map(f64::exp)),
            se_robust: hc0(|i| i.se),
            irr_low: hc0(|i| i.irr_low),
            irr_high: hc0(|i| i.irr_high),
            z: hc0(|i| i.z),
            p_value: hc0(|i| i.p_value),
            se_hac: hac(|i| i.se),
            irr_low_hac: hac(|i| i.irr_low),
            irr_high_hac: hac(|i| i.irr_high),
            z_hac: hac(|i| i.z),
            p_value_hac: hac(|i| i.p_value),
            note: c.note.clone(),
        }
    }
}

/// A row of `tables/weekday.csv` (Monday first).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WeekdayRow {
    pub weekday: &'static str,
    pub observed: u64,
    pub expected: Figure,
}

/// A row of `tables/delay_summary.csv` and of `summary.json`'s `delay.summary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DelayRow {
    pub category: String,
    pub n: u64,
    pub min: Figure,
    pub q1: Figure,
    pub median: Figure,
    pub q3: Figure,
    pub max: Figure,
    pub mean: Figure,
    pub median_ci_low: Figure,
    pub median_ci_high: Figure,
}

impl From<&DelaySummary> for DelayRow {
    fn from(s: &DelaySummary) -> Self {
        DelayRow {
            category: s.category.clone(),
            n: s.n as u64,
            min: Figure(s.min),
            q1: Figure(s.q1),
            median: Figure(s.median),
            q3: Figure(s.q3),
            max: Figure(s.max),
            mean: Figure(s.mean),
            median_ci_low: Figure(s.median_ci_low),
            median_ci_high: Figure(s.median_ci_high),
        }
    }
}

/// The rows of each table, from the analysis.
pub fn window_rows(tests: &[WindowTest]) -> Vec<WindowRow> {
    tests.iter().map(WindowRow::from).collect()
}

pub fn shuffle_rows(analysis: &Analysis) -> Vec<ShuffleTestRow> {
    analysis.shuffle.iter().map(ShuffleTestRow::from).collect()
}

pub fn phase_rows(analysis: &Analysis) -> Vec<PhaseRow> {
    analysis.groups.iter().zip(&analysis.phase).map(|(g, p)| PhaseRow::new(&g.name, p)).collect()
}

pub fn regression_rows(analysis: &Analysis) -> Vec<RegressionRow> {
    analysis.regression.coefficients.iter().map(RegressionRow::from).collect()
}

pub fn delay_rows(analysis: &Analysis) -> Vec<DelayRow> {
    analysis.delays.summaries.iter().map(DelayRow::from).collect()
}

pub fn weekday_rows(analysis: &Analysis) -> Vec<WeekdayRow> {
    let w = &analysis.weekday;
    crate::stats::weekday::WEEKDAYS
        .iter()
        .enumerate()
        .map(|(i, day)| WeekdayRow {
            weekday: day,
            observed: w.observed[i],
            expected: Figure(w.expected[i]),
        })
        .collect()
}

/// The bins of one group's peri-event histogram.
pub fn peth_rows(group: &str, p: &crate::stats::peth::Peth) -> Vec<PethRow> {
    (0..p.bins.len())
        .map(|b| PethRow {
            bin_start: p.bins[b].0,
            bin_end: p.bins[b].1,
            observed: p.observed[b],
            null_mean: Figure(p.null_mean[b]),
            pointwise_low: Figure(p.pointwise_low[b]),
            pointwise_high: Figure(p.pointwise_high[b]),
            global_low: Figure(p.global_low[b]),
            global_high: Figure(p.global_high[b]),
            erl_low: Figure(p.erl_low[b]),
            erl_high: Figure(p.erl_high[b]),
            group: group.to_string(),
        })
        .collect()
}

/// A row as a JSON object (keys sorted, as in every object of `summary.json`).
pub fn to_json<T: Serialize>(row: &T) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Table;

    /// The CSV header of a row type, and the keys of its JSON object.
    fn columns_and_keys<T: Serialize + Default>() -> (Vec<String>, Vec<String>) {
        let table = Table::from_rows("t", &[T::default()]);
        assert_eq!(table.rows[0].len(), table.columns.len(), "a row has one cell per column");
        let keys = match to_json(&T::default()) {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        };
        (table.columns, keys)
    }

    #[test]
    fn csv_columns_and_json_keys_come_from_the_same_fields() {
        for (mut columns, keys) in [
            columns_and_keys::<WindowRow>(),
            columns_and_keys::<ShuffleTestRow>(),
            columns_and_keys::<PhaseRow>(),
            columns_and_keys::<PethRow>(),
            columns_and_keys::<RegressionRow>(),
            columns_and_keys::<WeekdayRow>(),
            columns_and_keys::<DelayRow>(),
        ] {
            columns.sort();
            assert_eq!(columns, keys);
        }
    }

    #[test]
    fn figures_are_plain_in_csv_and_json_safe_in_json() {
        #[derive(Serialize, Default)]
        struct Row {
            a: Figure,
            b: Figure,
            c: Figure,
            d: Option<Figure>,
        }
        let row = Row { a: Figure(0.1), b: Figure(f64::INFINITY), c: Figure(f64::NAN), d: None };
        let csv = String::from_utf8(Table::from_rows("t", &[row]).to_csv()).unwrap();
        assert_eq!(csv, "a,b,c,d\n0.1,inf,,\n");
        let row = Row { a: Figure(0.1), b: Figure(f64::INFINITY), c: Figure(f64::NAN), d: None };
        assert_eq!(to_json(&row).to_string(), r#"{"a":0.1,"b":"inf","c":null,"d":null}"#);
    }

    #[test]
    fn an_empty_table_keeps_its_header() {
        let table = Table::from_rows::<ShuffleTestRow>("delay_shuffle_tests", &[]);
        assert_eq!(
            String::from_utf8(table.to_csv()).unwrap(),
            "group,direction,window_days,n,observed,null_mean,p_value\n"
        );
    }
}
