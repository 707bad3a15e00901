//! Events and phases of events.toml as the timeline's form holds them, checked by the
//! reader `backstop check` uses and written in place.

use serde_json::{Map, Value};

use super::sources::{SourceDraft, sources_json};
use super::toml_records::{FieldChange, edit_record};
use super::toml_values::sources_item;
use crate::io::diagnostic::{Diagnostic, Location, Severity};
use crate::model::Scenario;

/// Which list of events.toml a record is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKind {
    /// A dated event (`[[events]]`).
    Event,
    /// A phase, whose dates may not be known (`[[phases]]`).
    Phase,
}

impl TimelineKind {
    /// The array's name in events.toml.
    pub fn array(self) -> &'static str {
        match self {
            TimelineKind::Event => "events",
            TimelineKind::Phase => "phases",
        }
    }
}

/// An event or a phase as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineDraft {
    /// Event or phase.
    pub kind: TimelineKind,
    /// The id in the file, or `None` for one not yet written.
    pub original_id: Option<String>,
    /// Unique id (features name it in valid_from/valid_to).
    pub id: String,
    /// Short title.
    pub title: String,
    /// An event's date, or a phase's start: YYYY-MM-DD, or empty when not known.
    pub date: String,
    /// A phase's end, or empty when not known.
    pub end: String,
    /// Free text.
    pub description: String,
    /// An event's sources (phases have none).
    pub sources: Vec<SourceDraft>,
}

impl TimelineDraft {
    /// The form's copy of an event of `scenario`.
    pub fn of_event(event: &crate::model::Event) -> Self {
        Self {
            kind: TimelineKind::Event,
            original_id: Some(event.id.clone()),
            id: event.id.clone(),
            title: event.title.clone(),
            date: event.date.to_string(),
            end: String::new(),
            description: event.description.clone(),
            sources: event.sources.iter().map(SourceDraft::of).collect(),
        }
    }

    /// The form's copy of a phase.
    pub fn of_phase(phase: &crate::model::Phase) -> Self {
        let text = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            kind: TimelineKind::Phase,
            original_id: Some(phase.id.clone()),
            id: phase.id.clone(),
            title: phase.title.clone(),
            date: text(phase.start),
            end: text(phase.end),
            description: phase.description.clone(),
            sources: Vec::new(),
        }
    }

    /// A new event or phase with an id no event or phase of `scenario` has.
    pub fn blank(kind: TimelineKind, scenario: &Scenario) -> Self {
        let taken = |id: &str| {
            scenario.events.iter().any(|e| e.id == id) || scenario.phases.iter().any(|p| p.id == id)
        };
        let stem = match kind {
            TimelineKind::Event => "event",
            TimelineKind::Phase => "phase",
        };
        let id = (1..)
            .map(|n| format!("new-{stem}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default();
        Self {
            kind,
            original_id: None,
            id,
            title: format!("New {stem}"),
            date: String::new(),
            end: String::new(),
            description: String::new(),
            sources: Vec::new(),
        }
    }

    fn json(&self) -> Map<String, Value> {
        let mut map = Map::new();
        let mut put = |key: &str, text: &str| {
            if !text.trim().is_empty() {
                map.insert(key.into(), Value::String(text.trim().to_owned()));
            }
        };
        put("id", &self.id);
        put("title", &self.title);
        put("description", &self.description);
        match self.kind {
            TimelineKind::Event => {
                put("date", &self.date);
                map.insert("sources".into(), sources_json(&self.sources));
            }
            TimelineKind::Phase => {
                put("start", &self.date);
                put("end", &self.end);
            }
        }
        map
    }
}

/// Everything wrong with `draft`, by the reader `backstop check` uses, plus an id that
/// another event or phase has (features name them in valid_from/valid_to).
pub fn check_timeline_draft(draft: &TimelineDraft, scenario: &Scenario) -> Vec<Diagnostic> {
    let index = match draft.kind {
        TimelineKind::Event => scenario.events.len(),
        TimelineKind::Phase => scenario.phases.len(),
    };
    let mut table = Map::new();
    table.insert(
        draft.kind.array().into(),
        Value::Array(vec![Value::Object(draft.json())]),
    );
    let mut out = Vec::new();
    crate::io::events::read(&table, &mut out);
    let id = draft.id.trim();
    let mine = draft.original_id.as_deref();
    let taken = scenario
        .events
        .iter()
        .any(|e| e.id == id && Some(e.id.as_str()) != mine)
        || scenario
            .phases
            .iter()
            .any(|p| p.id == id && Some(p.id.as_str()) != mine);
    if taken {
        out.push(Diagnostic {
            file: crate::io::events::FILE.to_owned(),
            location: Location::Record {
                what: if draft.kind == TimelineKind::Event {
                    "event"
                } else {
                    "phase"
                },
                index,
                id: Some(id.to_owned()),
                field: Some("id".into()),
            },
            severity: Severity::Error,
            message: format!("another event or phase has the id \"{id}\""),
        });
    }
    out
}

/// `text` (events.toml) with `after` written in place of `before`, only the keys that
/// changed touched.
pub fn write_timeline(
    text: &str,
    before: &TimelineDraft,
    after: &TimelineDraft,
) -> Result<String, String> {
    let new = after.original_id.is_none();
    let changed = |a: &str, b: &str| new || a != b;
    let mut changes = vec![
        (
            "id",
            FieldChange::text(changed(&before.id, &after.id), &after.id),
        ),
        (
            "title",
            FieldChange::text(changed(&before.title, &after.title), &after.title),
        ),
    ];
    match after.kind {
        TimelineKind::Event => {
            changes.push((
                "date",
                FieldChange::text(changed(&before.date, &after.date), &after.date),
            ));
        }
        TimelineKind::Phase => {
            changes.push((
                "start",
                FieldChange::text(changed(&before.date, &after.date), &after.date),
            ));
            changes.push((
                "end",
                FieldChange::text(changed(&before.end, &after.end), &after.end),
            ));
        }
    }
    changes.push((
        "description",
        FieldChange::text(
            changed(&before.description, &after.description),
            &after.description,
        ),
    ));
    if after.kind == TimelineKind::Event && (new || before.sources != after.sources) {
        changes.push((
            "sources",
            FieldChange::SetItem(sources_item(&after.sources)),
        ));
    }
    edit_record(
        crate::io::events::FILE,
        text,
        after.kind.array(),
        "id",
        after.original_id.as_deref(),
        changes,
    )
}
