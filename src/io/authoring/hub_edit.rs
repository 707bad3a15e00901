//! A hub as the editor's form holds it, checked by the same code `backstop check` runs,
//! and written into the hubs file's text.

use serde_json::{Map, Value};

use super::geojson_doc::{GeoJsonDocument, point_geometry};
use super::sources::{
    FeatureText, SourceDraft, feature_properties, personnel_json, personnel_text,
};
use crate::io::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{Hub, HubKind, Scenario, Status, Validity};

/// Every field of a hub as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HubDraft {
    /// The id of the hub in the file, or `None` for a hub not yet written.
    pub original_id: Option<String>,
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it does.
    pub kind: HubKind,
    /// Leading nations (ISO codes).
    pub lead: Vec<String>,
    /// Partner nations (ISO codes).
    pub partners: Vec<String>,
    /// "600", "500–1000" or empty.
    pub personnel: String,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<SourceDraft>,
    /// Free text; an illustrative site's statement.
    pub description: String,
    /// A date YYYY-MM-DD, a phase id, or empty.
    pub valid_from: String,
    /// A date YYYY-MM-DD, a phase id, or empty.
    pub valid_to: String,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

fn validity_text(validity: &Option<Validity>) -> String {
    match validity {
        Some(Validity::Date(date)) => date.to_string(),
        Some(Validity::Phase(id)) => id.clone(),
        None => String::new(),
    }
}

impl HubDraft {
    /// The form's copy of a loaded hub.
    pub fn of(hub: &Hub) -> Self {
        Self {
            original_id: Some(hub.id.clone()),
            id: hub.id.clone(),
            name: hub.name.clone(),
            kind: hub.kind,
            lead: hub.lead.clone(),
            partners: hub.partners.clone(),
            personnel: personnel_text(hub.personnel),
            status: hub.status,
            sources: hub.sources.iter().map(SourceDraft::of).collect(),
            description: hub.description.clone(),
            valid_from: validity_text(&hub.valid_from),
            valid_to: validity_text(&hub.valid_to),
            lon: hub.lon,
            lat: hub.lat,
        }
    }

    /// A new hub of `kind` at a place, with an id no feature of `scenario` has. It starts
    /// illustrative, led by the UK and France, and says nothing yet: the form asks for
    /// what it rests on before it can be written.
    pub fn new_at(kind: HubKind, lon: f64, lat: f64, scenario: &Scenario) -> Self {
        let taken = |id: &str| {
            scenario.hub(id).is_some() || scenario.overlay_features().any(|(_, f)| f.id == id)
        };
        let id = (1..)
            .map(|n| format!("new-{}-{n}", kind.keyword()))
            .find(|id| !taken(id))
            .unwrap_or_default();
        let lead = ["GB", "FR"]
            .into_iter()
            .filter(|iso| scenario.nation(iso).is_some())
            .map(str::to_owned)
            .collect();
        Self {
            original_id: None,
            id,
            name: format!("New {}", kind.label().to_lowercase()),
            kind,
            lead,
            partners: Vec::new(),
            personnel: String::new(),
            status: Status::Illustrative,
            sources: Vec::new(),
            description: String::new(),
            valid_from: String::new(),
            valid_to: String::new(),
            lon,
            lat,
        }
    }

    /// The properties the file will hold for this hub, in the README's order; empty
    /// optional fields are null, which removes them from the feature.
    pub fn properties(&self) -> Map<String, Value> {
        let codes = |list: &[String]| Value::from(list.to_vec());
        feature_properties(
            FeatureText {
                id: &self.id,
                name: &self.name,
                kind: self.kind.keyword(),
                status: self.status.keyword(),
                sources: &self.sources,
                description: &self.description,
                valid_from: &self.valid_from,
                valid_to: &self.valid_to,
            },
            vec![
                ("lead", codes(&self.lead)),
                ("partners", codes(&self.partners)),
                ("personnel", personnel_json(&self.personnel)),
            ],
        )
    }
}

/// True when `a` and `b` write the same feature (the same properties, the same point
/// to the 1e-6° the file keeps).
pub fn same_hub(a: &HubDraft, b: &HubDraft) -> bool {
    a.properties() == b.properties() && point_geometry(a.lon, a.lat) == point_geometry(b.lon, b.lat)
}

/// Everything wrong with `draft` as a hub of `scenario`, by the checks `backstop check`
/// runs on the file (and, stricter than it, an illustrative hub with no description is
/// an error: nothing is written without saying what it rests on). `document` is the
/// hubs file now, whose properties Backstop does not know are kept and checked too.
pub fn check_hub_draft(
    draft: &HubDraft,
    scenario: &Scenario,
    file: &str,
    document: &GeoJsonDocument,
) -> Vec<Diagnostic> {
    let raw = document.draft_feature(
        draft.original_id.as_deref(),
        draft.properties(),
        point_geometry(draft.lon, draft.lat),
    );
    let index = raw.index;
    let phase_ids = crate::io::load::phase_ids(scenario);
    let mut out = Vec::new();
    let hubs = crate::io::features::read_hubs(file, &[raw], &phase_ids, &mut out);
    for hub in &hubs {
        out.extend(
            crate::io::load::hub_reference_problems(hub, index, file, scenario)
                .into_iter()
                .map(|mut d| {
                    if d.message.starts_with("an illustrative site") {
                        d.severity = Severity::Error;
                        d.message = "an illustrative hub must say what statement it rests on \
                                     (description)"
                            .into();
                    }
                    d
                }),
        );
    }
    let id = draft.id.trim();
    let used_elsewhere = scenario
        .hubs
        .iter()
        .any(|h| h.id == id && Some(h.id.as_str()) != draft.original_id.as_deref())
        || scenario.overlay_features().any(|(_, f)| f.id == id);
    if !id.is_empty() && used_elsewhere {
        out.push(Diagnostic {
            file: file.to_owned(),
            location: Location::Record {
                what: "feature",
                index,
                id: Some(id.to_owned()),
                field: Some("id".into()),
            },
            severity: Severity::Error,
            message: "another feature of the scenario has this id".into(),
        });
    }
    out
}

/// `text` (the hubs file) with `draft` written in: the feature it was read from updated
/// in place, or a new feature at the end.
pub fn write_hub(text: &str, draft: &HubDraft) -> Result<String, String> {
    let mut document = GeoJsonDocument::parse(text)?;
    let geometry = point_geometry(draft.lon, draft.lat);
    document.write_draft(draft.original_id.as_deref(), draft.properties(), geometry)?;
    Ok(document.to_text())
}

/// `text` without the feature whose id is `id`.
pub fn delete_feature(text: &str, id: &str) -> Result<String, String> {
    let mut document = GeoJsonDocument::parse(text)?;
    let index = document
        .index_of(id)
        .ok_or_else(|| format!("the file has no feature \"{id}\""))?;
    document.remove(index);
    Ok(document.to_text())
}
