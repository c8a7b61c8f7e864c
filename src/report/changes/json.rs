//! "Since the last run" as data, for `summary.json` (`since_last_run`).

use serde_json::{json, Value};

use super::Changes;

impl Changes {
    /// As data, for summary.json.
    pub fn to_json(&self) -> Value {
        let pair = |p: &(String, String)| json!({ "before": p.0, "now": p.1 });
        json!({
            "nothing_changed": self.is_empty(),
            "version": self.version.as_ref().map(pair),
            "inputs": self.inputs.iter().map(|i| json!({
                "input": i.role,
                "name_before": i.name.0,
                "name_now": i.name.1,
                "content_changed": i.content_changed,
            })).collect::<Vec<_>>(),
            "settings": self.settings.iter().map(|s| json!({
                "setting": s.setting, "before": s.before, "now": s.after,
            })).collect::<Vec<_>>(),
            "period": self.period.as_ref().map(|(before, now)| json!({
                "before": { "start": before.0, "end": before.1 },
                "now": { "start": now.0, "end": now.1 },
            })),
            "groups_added": self.groups_added,
            "groups_removed": self.groups_removed,
            "groups_with_other_kinds": self.groups_regrouped.iter().map(|g| json!({
                "group": g.group, "kinds_before": g.kinds.0, "kinds_now": g.kinds.1,
            })).collect::<Vec<_>>(),
            "events_compared": self.events_compared,
            "events_added": self.events_added,
            "events_removed": self.events_removed,
            "events_moved": self.events_moved.iter().map(|m| json!({
                "kind": m.event.kind, "label": m.event.label,
                "date_before": m.event.date, "date_now": m.to,
            })).collect::<Vec<_>>(),
            "cases_compared": self.cases_compared,
            "added": self.added,
            "removed": self.removed,
            "edited": self.edited.iter().map(|e| json!({ "id": e.id, "fields": e.fields })).collect::<Vec<_>>(),
            "tests_added": self.tests_added,
            "tests_removed": self.tests_removed,
            "tests_before": self.tests_in_family.0,
            "tests_now": self.tests_in_family.1,
            "moved": self.moved.iter().map(|m| json!({
                "test": m.key,
                "observed_before": m.observed.0, "observed_now": m.observed.1,
                "p_shift_before": m.p_shift.0, "p_shift_now": m.p_shift.1,
                "p_shift_holm_before": m.p_holm.0, "p_shift_holm_now": m.p_holm.1,
                "crossed_0_05": m.crossed,
            })).collect::<Vec<_>>(),
        })
    }
}
