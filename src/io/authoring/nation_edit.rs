//! A nation as the Coalition panel's form holds it, checked by the reader `backstop
//! check` uses, and written into nations.toml in place: only the keys that changed are
//! touched, so comments, key order and layout survive (toml_edit).

use serde_json::{Map, Value};
use toml_edit::{DocumentMut, Item, Table};

use super::sources::{SourceDraft, personnel_json, personnel_text};
use super::toml_values::{set_changed, sources_item, string_list};
use crate::io::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{Nation, Role, Scenario, Status};

/// Every field of a nation as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct NationDraft {
    /// The code of the nation in the file, or `None` for one not yet written.
    pub original_iso: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub iso: String,
    /// Display name.
    pub name: String,
    /// Reported roles.
    pub roles: Vec<Role>,
    /// What was committed, in words.
    pub commitment: String,
    /// "6000", "500–1000" or empty.
    pub personnel: String,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<SourceDraft>,
}

impl NationDraft {
    /// The form's copy of a loaded nation.
    pub fn of(nation: &Nation) -> Self {
        Self {
            original_iso: Some(nation.iso.clone()),
            iso: nation.iso.clone(),
            name: nation.name.clone(),
            roles: nation.roles.clone(),
            commitment: nation.commitment.clone(),
            personnel: personnel_text(nation.personnel),
            status: nation.status,
            sources: nation.sources.iter().map(SourceDraft::of).collect(),
        }
    }

    /// A nation to fill in.
    pub fn blank() -> Self {
        Self {
            original_iso: None,
            iso: String::new(),
            name: String::new(),
            roles: Vec::new(),
            commitment: String::new(),
            personnel: String::new(),
            status: Status::Reported,
            sources: Vec::new(),
        }
    }

    fn json(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("iso".into(), Value::String(self.iso.trim().to_owned()));
        map.insert("name".into(), Value::String(self.name.trim().to_owned()));
        map.insert(
            "roles".into(),
            Value::from(self.roles.iter().map(|r| r.keyword()).collect::<Vec<_>>()),
        );
        if !self.commitment.trim().is_empty() {
            map.insert(
                "commitment".into(),
                Value::String(self.commitment.trim().into()),
            );
        }
        let personnel = personnel_json(&self.personnel);
        if !personnel.is_null() {
            map.insert("personnel".into(), personnel);
        }
        map.insert("status".into(), Value::String(self.status.keyword().into()));
        map.insert(
            "sources".into(),
            super::sources::sources_json(&self.sources),
        );
        map
    }
}

/// Everything wrong with `draft` as a nation of `scenario`, by the reader `backstop
/// check` uses, plus a code another nation already has.
pub fn check_nation_draft(draft: &NationDraft, scenario: &Scenario) -> Vec<Diagnostic> {
    let index = draft
        .original_iso
        .as_deref()
        .and_then(|iso| scenario.nations.iter().position(|n| n.iso == iso))
        .unwrap_or(scenario.nations.len());
    let mut table = Map::new();
    table.insert(
        "nations".into(),
        Value::Array(vec![Value::Object(draft.json())]),
    );
    let mut out = Vec::new();
    crate::io::nations::read(&table, &mut out);
    for diagnostic in &mut out {
        if let Location::Record { index: at, .. } = &mut diagnostic.location {
            *at = index;
        }
    }
    let iso = draft.iso.trim();
    if scenario
        .nations
        .iter()
        .any(|n| n.iso == iso && Some(n.iso.as_str()) != draft.original_iso.as_deref())
    {
        out.push(Diagnostic {
            file: crate::io::nations::FILE.to_owned(),
            location: Location::Record {
                what: "nation",
                index,
                id: Some(iso.to_owned()),
                field: Some("iso".into()),
            },
            severity: Severity::Error,
            message: format!("nation \"{iso}\" is already in nations.toml"),
        });
    }
    out
}

fn nations_mut(document: &mut DocumentMut) -> Result<&mut toml_edit::ArrayOfTables, String> {
    if !document.contains_key("nations") {
        document.insert("nations", Item::ArrayOfTables(Default::default()));
    }
    document
        .get_mut("nations")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| "\"nations\" is not a list of [[nations]] tables".to_owned())
}

fn find_nation<'a>(nations: &'a mut toml_edit::ArrayOfTables, iso: &str) -> Option<&'a mut Table> {
    nations
        .iter_mut()
        .find(|t| t.get("iso").and_then(Item::as_str) == Some(iso))
}

/// `text` (nations.toml) with `after` written in place of `before`: only the keys whose
/// value changed are set, a new nation is appended, a removed field is taken out.
pub fn write_nation(
    text: &str,
    before: &NationDraft,
    after: &NationDraft,
) -> Result<String, String> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e| format!("nations.toml cannot be edited: {e}"))?;
    let nations = nations_mut(&mut document)?;
    let table = match after.original_iso.as_deref() {
        Some(iso) => find_nation(nations, iso)
            .ok_or_else(|| format!("nations.toml no longer has a nation \"{iso}\""))?,
        None => {
            // A blank line before it, as between the other nations.
            let mut table = Table::new();
            table.decor_mut().set_prefix("\n");
            nations.push(table);
            let last = nations.len() - 1;
            nations
                .get_mut(last)
                .ok_or_else(|| "the new nation could not be added".to_owned())?
        }
    };
    let new = after.original_iso.is_none();
    let changed = |a: bool| new || a;
    set_changed(
        table,
        "iso",
        changed(before.iso != after.iso),
        after.iso.trim(),
    );
    set_changed(
        table,
        "name",
        changed(before.name != after.name),
        after.name.trim(),
    );
    if changed(before.roles != after.roles) {
        let words: Vec<&str> = after.roles.iter().map(|r| r.keyword()).collect();
        table.insert("roles", toml_edit::value(string_list(&words)));
    }
    set_changed(
        table,
        "commitment",
        changed(before.commitment != after.commitment),
        after.commitment.trim(),
    );
    if changed(before.personnel != after.personnel) {
        match personnel_json(&after.personnel) {
            Value::Null => {
                table.remove("personnel");
            }
            value => {
                let item = super::toml_values::json_to_item(&value)?;
                table.insert("personnel", item);
            }
        }
    }
    set_changed(
        table,
        "status",
        changed(before.status != after.status),
        after.status.keyword(),
    );
    if changed(before.sources != after.sources) {
        table.insert("sources", sources_item(&after.sources));
    }
    Ok(document.to_string())
}

/// `text` (nations.toml) without the nation `iso`.
pub fn remove_nation(text: &str, iso: &str) -> Result<String, String> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e| format!("nations.toml cannot be edited: {e}"))?;
    let nations = nations_mut(&mut document)?;
    let index = nations
        .iter()
        .position(|t| t.get("iso").and_then(Item::as_str) == Some(iso))
        .ok_or_else(|| format!("nations.toml has no nation \"{iso}\""))?;
    nations.remove(index);
    Ok(document.to_string())
}
