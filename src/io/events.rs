//! events.toml: dated `[[events]]` and `[[phases]]` (which may have no date yet).

use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Severity};
use super::record::Record;
use crate::model::{Event, Phase};

pub(crate) const FILE: &str = "events.toml";

/// Reads events and phases; entries with errors are left out.
pub(crate) fn read(
    table: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Event>, Vec<Phase>) {
    for key in table.keys().filter(|k| *k != "events" && *k != "phases") {
        out.push(Diagnostic::file(
            FILE,
            Severity::Warning,
            format!("unknown top-level key \"{key}\" (expected [[events]] and [[phases]])"),
        ));
    }
    let mut events: Vec<Event> = Vec::new();
    for (index, map) in tables(table, "events", out) {
        let mut record = Record::new(map, FILE, "event", index, "id");
        record.warn_unknown_fields(&["id", "date", "title", "description", "sources"]);
        let id = record.required_str("id");
        let date = record.optional_date("date");
        if date.is_none() && !map.contains_key("date") {
            record.report(
                Some("date"),
                Severity::Error,
                "missing required field".into(),
            );
        }
        let title = record.required_str("title");
        let description = record.optional_str("description");
        let sources = record.sources();
        if let Some(id) = &id
            && events.iter().any(|e| &e.id == id)
        {
            record.report(
                Some("id"),
                Severity::Error,
                format!("duplicate event id \"{id}\""),
            );
        }
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(date), Some(title)) = (ok, id, date, title) {
            events.push(Event {
                id,
                date,
                title,
                description,
                sources,
            });
        }
    }
    let mut phases: Vec<Phase> = Vec::new();
    for (index, map) in tables(table, "phases", out) {
        let mut record = Record::new(map, FILE, "phase", index, "id");
        record.warn_unknown_fields(&["id", "title", "start", "end", "description"]);
        let id = record.required_str("id");
        let title = record.required_str("title");
        let start = record.optional_date("start");
        let end = record.optional_date("end");
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            record.report(
                Some("end"),
                Severity::Error,
                format!("phase ends ({e}) before it starts ({s})"),
            );
        }
        let description = record.optional_str("description");
        let duplicate = id.as_ref().is_some_and(|id| {
            phases.iter().any(|p| &p.id == id) || events.iter().any(|e| &e.id == id)
        });
        if duplicate {
            record.report(
                Some("id"),
                Severity::Error,
                "duplicate id (phases and events share ids)".into(),
            );
        }
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(title)) = (ok, id, title) {
            phases.push(Phase {
                id,
                title,
                start,
                end,
                description,
            });
        }
    }
    events.sort_by_key(|e| e.date);
    (events, phases)
}

fn tables<'t>(
    table: &'t Map<String, Value>,
    key: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<(usize, &'t Map<String, Value>)> {
    match table.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Value::Object(map) => Some((i, map)),
                _ => {
                    out.push(Diagnostic::file(
                        FILE,
                        Severity::Error,
                        format!("{key} entry {i} is not a table"),
                    ));
                    None
                }
            })
            .collect(),
        Some(_) => {
            out.push(Diagnostic::file(
                FILE,
                Severity::Error,
                format!("{key} must be a list of [[{key}]] tables"),
            ));
            Vec::new()
        }
    }
}
