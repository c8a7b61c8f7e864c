//! Joining announcements to their nearest events, per event group.
//!
//! For every announcement day `a` and group `g` this finds the earliest event
//! day `E >= a` (the *next* event, `days_to_next = E - a`) and the latest
//! `E <= a` (the *previous* one, `days_since_prev = a - E`). An announcement on
//! an event day has both equal to that day, at distance 0.
//!
//! The lookup is an as-of join (polars `join_asof_by`, grouped by event
//! group), run twice: `Forward` for next and `Backward` for previous, each with
//! `allow_eq = true` so that an event on the announcement day matches. Both
//! sides are sorted here, because polars cannot check sortedness within `by`
//! groups and would silently mis-match unsorted input.
//! `Nearest` is never used: its tie rule differs between libraries.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::error::{Error, Result};
use crate::model::GroupSpec;
use crate::model::{Announcement, Event, EventDay, EventGroup};

/// The nearest events of one group around one announcement, as indices into
/// [`EventGroup::days`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Neighbours {
    pub next: Option<u32>,
    pub prev: Option<u32>,
}

/// The nearest events of every group around every announcement date.
///
/// Kept per distinct announcement date, not per announcement: announcements
/// on the same day share their neighbours, so ten million rows over thirty
/// years need eleven thousand entries per group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NearestEvents {
    /// Distinct announcement dates, ascending.
    pub dates: Vec<NaiveDate>,
    /// `by_group[g][k]`: the neighbours of `dates[k]` in group `g`.
    pub by_group: Vec<Vec<Neighbours>>,
}

impl NearestEvents {
    /// The neighbours in group `g` of an announcement on `date` (none if
    /// `date` was not an announcement date).
    pub fn get(&self, g: usize, date: NaiveDate) -> Neighbours {
        self.dates
            .binary_search(&date)
            .ok()
            .and_then(|k| self.by_group.get(g)?.get(k).copied())
            .unwrap_or_default()
    }
}

/// The group of an event kind under the prefix rule: the part before the first `_`.
pub fn kind_prefix(kind: &str) -> &str {
    kind.split('_').next().unwrap_or(kind)
}

/// A group being built: its kinds, and its labels by event day.
/// (Each label with its Korean one.)
type GroupBuilder<'a> = (Vec<String>, BTreeMap<NaiveDate, Vec<(&'a String, &'a String)>>);

/// Gathers events into groups (sorted by name), each a sorted set of event
/// days. Several events of one group on the same day become one day whose
/// label joins theirs with "; " in file order.
pub fn event_groups(events: &[Event], spec: &GroupSpec) -> Vec<EventGroup> {
    let mut by_group: BTreeMap<String, GroupBuilder> = BTreeMap::new();
    if let GroupSpec::Explicit(map) = spec {
        for (name, kinds) in map {
            by_group.insert(name.clone(), (kinds.clone(), BTreeMap::new()));
        }
    }
    for event in events {
        let names: Vec<String> = match spec {
            GroupSpec::KindPrefix => vec![kind_prefix(&event.kind).to_string()],
            GroupSpec::One => vec![crate::model::ONE_GROUP.to_string()],
            GroupSpec::Column if event.group.is_empty() => {
                vec![kind_prefix(&event.kind).to_string()]
            }
            GroupSpec::Column => vec![event.group.clone()],
            GroupSpec::Explicit(map) => map
                .iter()
                .filter(|(_, kinds)| kinds.contains(&event.kind))
                .map(|(name, _)| name.clone())
                .collect(),
        };
        for name in names {
            let (kinds, days) = by_group.entry(name).or_default();
            if !matches!(spec, GroupSpec::Explicit(_)) && !kinds.contains(&event.kind) {
                kinds.push(event.kind.clone());
            }
            let korean = if event.label_ko.is_empty() { &event.label } else { &event.label_ko };
            days.entry(event.date).or_default().push((&event.label, korean));
        }
    }
    let slugs = crate::slug::unique_slugs(&by_group.keys().collect::<Vec<_>>());
    by_group
        .into_iter()
        .zip(slugs)
        .map(|((name, (mut kinds, days)), slug)| {
            kinds.sort();
            EventGroup {
                name,
                slug,
                kinds,
                days: days
                    .into_iter()
                    .map(|(date, labels)| {
                        let (label, label_ko): (Vec<&str>, Vec<&str>) =
                            labels.iter().map(|(l, k)| (l.as_str(), k.as_str())).unzip();
                        EventDay { date, label: label.join("; "), label_ko: label_ko.join("; ") }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// For every group and every announcement date, the next and previous event day.
///
/// Cost: O((d + m) log(d + m)) per direction for d distinct announcement dates
/// and m event days, all groups at once, after an O(n log n) sort of the dates.
///
/// # Errors
/// Only if polars fails internally ([`Error::Internal`]).
pub fn nearest_events(
    announcements: &[Announcement],
    groups: &[EventGroup],
) -> Result<NearestEvents> {
    let mut dates: Vec<NaiveDate> = announcements.iter().map(|a| a.announcement_date).collect();
    dates.sort_unstable();
    dates.dedup();
    let mut by_group = vec![vec![Neighbours::default(); dates.len()]; groups.len()];
    if dates.is_empty() || groups.iter().all(|g| g.days.is_empty()) {
        return Ok(NearestEvents { dates, by_group });
    }
    let (left, right) = join_frames(&dates, groups).map_err(polars_error)?;
    for strategy in [AsofStrategy::Forward, AsofStrategy::Backward] {
        let joined = left
            .join_asof_by(
                &right,
                "ann_date",
                "event_date",
                ["group"],
                ["group"],
                strategy,
                None,
                true,
                false,
            )
            .map_err(polars_error)?;
        let group = joined.column("group").and_then(|c| c.u32()).map_err(polars_error)?;
        let row = joined.column("ann_row").and_then(|c| c.u32()).map_err(polars_error)?;
        let event = joined.column("event_idx").and_then(|c| c.u32()).map_err(polars_error)?;
        for ((g, k), e) in group.iter().zip(row.iter()).zip(event.iter()) {
            let (Some(g), Some(k)) = (g, k) else {
                return Err(Error::Internal("as-of join lost a key".into()));
            };
            let slot = &mut by_group[g as usize][k as usize];
            match strategy {
                AsofStrategy::Forward => slot.next = e,
                _ => slot.prev = e,
            }
        }
    }
    Ok(NearestEvents { dates, by_group })
}

/// Builds the two sorted frames: `(group, ann_date, ann_row)` for every
/// group x distinct date, and `(group, event_date, event_idx)` for every event day.
fn join_frames(dates: &[NaiveDate], groups: &[EventGroup]) -> PolarsResult<(DataFrame, DataFrame)> {
    let (mut l_group, mut l_date, mut l_row) = (Vec::new(), Vec::new(), Vec::new());
    for (k, &date) in dates.iter().enumerate() {
        for g in 0..groups.len() {
            l_group.push(g as u32);
            l_date.push(epoch_days(date));
            l_row.push(k as u32);
        }
    }
    let mut events: Vec<(i32, u32, u32)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .days
                .iter()
                .enumerate()
                .map(move |(k, day)| (epoch_days(day.date), g as u32, k as u32))
        })
        .collect();
    events.sort_unstable();
    let left = DataFrame::new_infer_height(vec![
        Column::new("group".into(), l_group),
        Column::new("ann_date".into(), l_date).cast(&DataType::Date)?,
        Column::new("ann_row".into(), l_row),
    ])?;
    let right = DataFrame::new_infer_height(vec![
        Column::new("group".into(), events.iter().map(|e| e.1).collect::<Vec<_>>()),
        Column::new("event_date".into(), events.iter().map(|e| e.0).collect::<Vec<_>>())
            .cast(&DataType::Date)?,
        Column::new("event_idx".into(), events.iter().map(|e| e.2).collect::<Vec<_>>()),
    ])?;
    Ok((left, right))
}

fn epoch_days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((date - epoch).num_days()).unwrap_or(i32::MAX)
}

fn polars_error(e: PolarsError) -> Error {
    Error::Internal(format!("polars: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn announcement(i: usize, day: &str) -> Announcement {
        Announcement {
            line: i as u64 + 2,
            announcement_date: date(day),
            category: "c".into(),
            people: 1,
            count: 1,
            defection_date: None,
            precision: Precision::Unknown,
        }
    }

    fn event(day: &str, kind: &str, label: &str) -> Event {
        Event {
            date: date(day),
            kind: kind.into(),
            label: label.into(),
            label_ko: String::new(),
            group: String::new(),
            line: 0,
        }
    }

    #[test]
    fn groups_follow_the_kind_prefix_and_merge_same_day_events() {
        let events = [
            event("2020-04-15", "election_legislative", "A"),
            event("2020-03-01", "sanctions_un", "S"),
            event("2020-04-15", "election_local", "B"),
            event("2019-01-01", "nuclear", "N"),
        ];
        let groups = event_groups(&events, &GroupSpec::KindPrefix);
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["election", "nuclear", "sanctions"]);
        assert_eq!(groups[0].days.len(), 1);
        assert_eq!(groups[0].days[0].label, "A; B");
        assert_eq!(groups[0].kinds, ["election_legislative", "election_local"]);
    }

    #[test]
    fn explicit_groups_take_only_their_kinds() {
        let mut map = BTreeMap::new();
        map.insert("votes".to_string(), vec!["election_local".to_string()]);
        map.insert("empty".to_string(), vec!["holiday".to_string()]);
        let events = [
            event("2020-04-15", "election_legislative", "A"),
            event("2020-05-01", "election_local", "B"),
        ];
        let groups = event_groups(&events, &GroupSpec::Explicit(map));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].name, "empty");
        assert!(groups[0].days.is_empty());
        assert_eq!(groups[1].days.len(), 1);
    }

    #[test]
    fn an_announcement_on_event_day_matches_that_event_both_ways() {
        // Announcement days [10, 20, 30], events [20, 25]: polars' own behaviour,
        // checked by hand, with `allow_eq` on.
        let announcements = [
            announcement(0, "2020-01-30"),
            announcement(1, "2020-01-10"),
            announcement(2, "2020-01-20"),
        ];
        let groups = event_groups(
            &[event("2020-01-25", "x", "25"), event("2020-01-20", "x", "20")],
            &GroupSpec::KindPrefix,
        );
        let n = nearest_events(&announcements, &groups).unwrap();
        let pick = |nb: Option<u32>| nb.map(|k| groups[0].days[k as usize].label.clone());
        let around: Vec<Neighbours> =
            announcements.iter().map(|a| n.get(0, a.announcement_date)).collect();
        assert_eq!(
            around.iter().map(|x| pick(x.next)).collect::<Vec<_>>(),
            [None, Some("20".into()), Some("20".into())]
        );
        assert_eq!(
            around.iter().map(|x| pick(x.prev)).collect::<Vec<_>>(),
            [Some("25".into()), None, Some("20".into())]
        );
    }

    #[test]
    fn groups_are_joined_independently() {
        let announcements = [announcement(0, "2020-06-01")];
        let groups = event_groups(
            &[event("2020-05-01", "a", "a-prev"), event("2020-07-01", "b", "b-next")],
            &GroupSpec::KindPrefix,
        );
        let n = nearest_events(&announcements, &groups).unwrap();
        let day = announcements[0].announcement_date;
        assert_eq!(n.get(0, day), Neighbours { next: None, prev: Some(0) });
        assert_eq!(n.get(1, day), Neighbours { next: Some(0), prev: None });
        assert_eq!(n.get(0, date("2020-06-02")), Neighbours::default(), "not an announcement date");
    }
}
