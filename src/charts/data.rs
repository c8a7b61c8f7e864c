//! Each chart's data as a table, written beside it as `charts/NAME.csv`: what
//! the chart draws, one row per mark, ready to paste into a newsroom's own
//! chart tool (Datawrapper, Flourish). Nothing is computed here; the rows are
//! the chart's own fields.

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    DelayHistogram, MonthlyCounts, PeriEvent, PhaseRose, Sensitivity, Timeline, WeekdayChart,
};
use crate::table::Table;

/// A chart's data as a table named like the chart (`charts/NAME.csv`).
pub trait ChartData {
    fn data(&self) -> Table;
}

/// A row of `charts/timeline.csv`: a case, a weekly total, or an event.
#[derive(Debug, Default, Serialize)]
struct TimelineRow {
    /// `case`, `week` (a category's total for the week from `date`) or `event`.
    mark: &'static str,
    date: Option<NaiveDate>,
    category: String,
    /// People of a case, announcements of a week.
    count: Option<u32>,
    defection_date: Option<NaiveDate>,
    /// A case's label where the chart names it; an event's group.
    label: String,
}

/// A row of `charts/sensitivity_<slug>.csv`: one window width and direction.
#[derive(Debug, Default, Serialize)]
struct SensitivityRow {
    direction: &'static str,
    window_days: u32,
    rate_ratio: Option<f64>,
    rate_ratio_low: Option<f64>,
    rate_ratio_high: Option<f64>,
}

/// A row of `charts/peri_event_<slug>.csv`: one bin and its three bands.
#[derive(Debug, Default, Serialize)]
struct PeriEventRow {
    bin_start: i64,
    bin_end: i64,
    observed: u64,
    null_mean: f64,
    pointwise_low: f64,
    pointwise_high: f64,
    global_low: f64,
    global_high: f64,
    erl_low: f64,
    erl_high: f64,
}

/// A row of `charts/phase_<slug>.csv`: one sector of the rose.
#[derive(Debug, Default, Serialize)]
struct SectorRow {
    /// Degrees clockwise from the event (0) through the cycle (360).
    sector_start_degrees: f64,
    sector_end_degrees: f64,
    announcements: u64,
}

/// A row of `charts/delay_histogram.csv`: one bin of days.
#[derive(Debug, Default, Serialize)]
struct DelayBinRow {
    days_from: u64,
    /// Inclusive.
    days_to: u64,
    announcements: u64,
}

/// A row of `charts/monthly_counts.csv`.
#[derive(Debug, Default, Serialize)]
struct MonthRow {
    /// `YYYY-MM`.
    month: String,
    announcements: u64,
    /// The groups with an event that month, separated by `; `.
    event_groups: String,
}

/// A row of `charts/weekday.csv`.
#[derive(Debug, Default, Serialize)]
struct WeekdayRow {
    weekday: &'static str,
    observed: u64,
    expected: f64,
}

impl ChartData for Timeline {
    fn data(&self) -> Table {
        let cases = self.cases.iter().map(|c| TimelineRow {
            mark: if self.weekly { "week" } else { "case" },
            date: Some(c.announced),
            category: self.categories.get(c.lane).cloned().unwrap_or_default(),
            count: Some(c.people),
            defection_date: c.defected,
            label: c.label.clone().unwrap_or_default(),
        });
        let events = self.groups.iter().flat_map(|(group, dates)| {
            dates.iter().filter(|d| d.date >= self.start && d.date <= self.end).map(|d| {
                TimelineRow {
                    mark: "event",
                    date: Some(d.date),
                    label: group.clone(),
                    ..TimelineRow::default()
                }
            })
        });
        Table::from_rows("timeline", &cases.chain(events).collect::<Vec<_>>())
    }
}

impl ChartData for Sensitivity {
    fn data(&self) -> Table {
        let rows: Vec<SensitivityRow> = [("before", &self.before), ("after", &self.after)]
            .into_iter()
            .flat_map(|(direction, curve)| {
                curve.iter().map(move |(w, v)| SensitivityRow {
                    direction,
                    window_days: *w,
                    rate_ratio: v.map(|v| v.0),
                    rate_ratio_low: v.map(|v| v.1),
                    rate_ratio_high: v.map(|v| v.2),
                })
            })
            .collect();
        Table::from_rows(super::Chart::name(self), &rows)
    }
}

impl ChartData for PeriEvent {
    fn data(&self) -> Table {
        let rows: Vec<PeriEventRow> = (0..self.bins.len())
            .map(|b| PeriEventRow {
                bin_start: self.bins[b].0,
                bin_end: self.bins[b].1,
                observed: self.observed[b],
                null_mean: self.null_mean[b],
                pointwise_low: self.pointwise[b].0,
                pointwise_high: self.pointwise[b].1,
                global_low: self.global[b].0,
                global_high: self.global[b].1,
                erl_low: self.erl[b].0,
                erl_high: self.erl[b].1,
            })
            .collect();
        Table::from_rows(super::Chart::name(self), &rows)
    }
}

impl ChartData for PhaseRose {
    fn data(&self) -> Table {
        let width = 360.0 / self.sectors.len().max(1) as f64;
        let rows: Vec<SectorRow> = self
            .sectors
            .iter()
            .enumerate()
            .map(|(i, n)| SectorRow {
                sector_start_degrees: i as f64 * width,
                sector_end_degrees: (i + 1) as f64 * width,
                announcements: *n,
            })
            .collect();
        Table::from_rows(super::Chart::name(self), &rows)
    }
}

impl ChartData for DelayHistogram {
    fn data(&self) -> Table {
        let rows: Vec<DelayBinRow> = self
            .bins
            .iter()
            .map(|(lo, hi, n)| DelayBinRow {
                days_from: *lo,
                days_to: hi.saturating_sub(1).max(*lo),
                announcements: *n as u64,
            })
            .collect();
        Table::from_rows("delay_histogram", &rows)
    }
}

impl ChartData for MonthlyCounts {
    fn data(&self) -> Table {
        let rows: Vec<MonthRow> = self
            .months
            .iter()
            .enumerate()
            .map(|(i, (year, month, n))| MonthRow {
                month: format!("{year:04}-{month:02}"),
                announcements: *n,
                event_groups: self
                    .groups
                    .iter()
                    .filter(|(_, months)| months.contains(&i))
                    .map(|(g, _)| g.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect();
        Table::from_rows("monthly_counts", &rows)
    }
}

impl ChartData for WeekdayChart {
    fn data(&self) -> Table {
        let rows: Vec<WeekdayRow> = (0..7)
            .map(|i| WeekdayRow {
                weekday: self.labels[i],
                observed: self.observed[i],
                expected: self.expected[i],
            })
            .collect();
        Table::from_rows("weekday", &rows)
    }
}
