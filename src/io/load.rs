//! Loading a whole scenario folder: every file, every check, every problem collected.

use std::collections::HashMap;

use geo::Geometry;

use super::diagnostic::{Diagnostic, Location, Severity};
use super::files::ScenarioFiles;
use super::geojson_read::{RawFeature, feature_collection};
use super::parse::{parse_json, parse_toml};
use super::{events, features, nations, scenario_toml};
use crate::geometry::geodesic_buffer;
use crate::model::{LayerKind, OverlayFeature, OverlayKind, Scenario, Status};

/// A loaded scenario and everything wrong with it. A scenario with errors still opens.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// What could be loaded; shared with the pictures drawn from it.
    pub scenario: std::sync::Arc<Scenario>,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads the scenario that `files` reads from.
pub fn load_scenario(files: &ScenarioFiles) -> LoadReport {
    let mut out = Vec::new();
    let mut scenario = Scenario::default();

    match read_toml(files, scenario_toml::FILE, &mut out) {
        Some(table) => scenario_toml::read(&table, &mut scenario, &mut out),
        None => scenario.title = files.source().describe(),
    }

    if let Some(table) = read_toml(files, events::FILE, &mut out) {
        let (events, phases) = events::read(&table, &mut out);
        scenario.events = events;
        scenario.phases = phases;
    }
    let phase_ids = phase_ids(&scenario);

    if let Some(table) = read_toml(files, nations::FILE, &mut out) {
        scenario.nations = nations::read(&table, &mut out);
    }

    let mut hubs_seen = false;
    for (index, layer) in scenario.layers.iter_mut().enumerate() {
        let Some(file) = layer.file.clone() else {
            continue;
        };
        // A file that cannot be opened is fixed in scenario.toml; one that opens but
        // does not parse is fixed in the file itself.
        let (bytes, on_disk) = match files.read_bytes_checked(&file) {
            Ok(read) => read,
            Err(failure) => {
                out.push(if failure.in_path {
                    Diagnostic::layer_file(index, &layer.id, &file, &failure.message)
                } else {
                    Diagnostic::file(&file, Severity::Error, failure.message)
                });
                layer.failed = true;
                continue;
            }
        };
        let Some(raw) = read_layer_file(&file, bytes, on_disk.as_deref(), &mut out) else {
            layer.failed = true;
            continue;
        };
        match layer.kind {
            LayerKind::Hubs if hubs_seen => out.push(Diagnostic::file(
                scenario_toml::FILE,
                Severity::Warning,
                format!("layer \"{}\": only the first hubs layer is used", layer.id),
            )),
            LayerKind::Hubs => {
                hubs_seen = true;
                scenario.hubs = features::read_hubs(&file, &raw, &phase_ids, &mut out);
            }
            LayerKind::Overlay => {
                layer.features = features::read_overlay(&file, &raw, &phase_ids, &mut out);
            }
            LayerKind::Buffer => {}
        }
    }

    compute_buffer(&mut scenario, &mut out);
    check_ids_are_unique(&scenario, &mut out);
    check_nations_exist(&scenario, &mut out);

    LoadReport {
        scenario: std::sync::Arc::new(scenario),
        diagnostics: out,
    }
}

/// The ids a feature's valid_from/valid_to may name: every phase and event.
pub(crate) fn phase_ids(scenario: &Scenario) -> Vec<String> {
    scenario
        .phases
        .iter()
        .map(|p| p.id.clone())
        .chain(scenario.events.iter().map(|e| e.id.clone()))
        .collect()
}

fn read_text(files: &ScenarioFiles, file: &str, out: &mut Vec<Diagnostic>) -> Option<String> {
    match files.read_text(file) {
        Ok(text) => Some(text),
        Err(message) => {
            out.push(Diagnostic::file(file, Severity::Error, message));
            None
        }
    }
}

fn read_toml(
    files: &ScenarioFiles,
    file: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    let text = read_text(files, file, out)?;
    parse_toml(file, &text).map_err(|d| out.push(*d)).ok()
}

fn read_features(file: &str, text: String, out: &mut Vec<Diagnostic>) -> Option<Vec<RawFeature>> {
    let root = parse_json(file, &text).map_err(|d| out.push(*d)).ok()?;
    drop(text);
    feature_collection(file, root)
        .map_err(|d| out.push(*d))
        .ok()
}

/// True for GeoJSON whose legacy `crs` member names anything but WGS84 lon/lat (or is
/// unreadable): such a file goes through the reader that honours or refuses it.
fn declares_projected_crs(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct OnlyCrs {
        crs: Option<serde_json::Value>,
    }
    let Ok(OnlyCrs { crs: Some(crs) }) = serde_json::from_slice::<OnlyCrs>(bytes) else {
        return false;
    };
    !crs.is_null() && !super::fast_geojson::legacy_crs(&crs).is_ok_and(|c| c.is_wgs84())
}

/// A layer's file: GeoJSON read strictly as scenario data, any other overlay format
/// (KML, CSV, Shapefile…) read by its reader and then checked the same way.
fn read_layer_file(
    file: &str,
    bytes: Vec<u8>,
    on_disk: Option<&std::path::Path>,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<RawFeature>> {
    let path = on_disk.unwrap_or(std::path::Path::new(file));
    let format = super::formats::OverlayFormat::detect(path, &bytes);
    if matches!(format, None | Some(super::formats::OverlayFormat::GeoJson))
        && !declares_projected_crs(&bytes)
    {
        let text = super::text_of(bytes)
            .map_err(|e| out.push(Diagnostic::file(file, Severity::Error, e)))
            .ok()?;
        return read_features(file, text, out);
    }
    let options = super::formats::ReadOptions::default();
    let (features, problems) = match super::formats::read_overlay(path, &bytes, &options) {
        Ok(read) => read,
        Err(problems) => {
            out.extend(problems.into_iter().map(|d| Diagnostic {
                file: file.to_owned(),
                ..d
            }));
            return None;
        }
    };
    out.extend(problems.into_iter().map(|d| Diagnostic {
        file: file.to_owned(),
        ..d
    }));
    Some(
        features
            .into_iter()
            .enumerate()
            .map(|(index, feature)| RawFeature {
                index,
                properties: feature.properties,
                geometry: serde_json::to_value(geojson::Geometry::from(&feature.geometry)).ok(),
            })
            .collect(),
    )
}

/// Builds the buffer zone around the configured line feature.
pub(crate) fn compute_buffer(scenario: &mut Scenario, out: &mut Vec<Diagnostic>) {
    let Some(spec) = scenario.buffer.clone() else {
        return;
    };
    let source = scenario
        .overlay_features()
        .find(|(_, f)| f.id == spec.from_feature)
        .map(|(_, f)| f.clone());
    let Some(source) = source else {
        out.push(buffer_problem(format!(
            "from_feature \"{}\" is not a loaded overlay feature",
            spec.from_feature
        )));
        return;
    };
    let Geometry::LineString(line) = &source.geometry else {
        out.push(buffer_problem(format!(
            "from_feature \"{}\" must be a LineString",
            spec.from_feature
        )));
        return;
    };
    let Some(layer) = scenario
        .layers
        .iter_mut()
        .find(|l| l.id == spec.layer && l.kind == LayerKind::Buffer)
    else {
        out.push(buffer_problem(format!(
            "layer \"{}\" is not a layer of kind \"buffer\"",
            spec.layer
        )));
        return;
    };
    let area = geodesic_buffer(line, spec.width_km);
    layer.features = vec![OverlayFeature {
        id: format!("{}-buffer", source.id),
        kind: OverlayKind::BufferZone,
        name: format!("{} km buffer zone", spec.width_km),
        operator: source.operator.clone(),
        status: source.status,
        sources: source.sources.clone(),
        description: format!(
            "Computed at load: everything within {} km of \"{}\". Its width is a scenario setting, not a published figure.",
            spec.width_km, source.name
        ),
        valid_from: source.valid_from.clone(),
        valid_to: source.valid_to.clone(),
        geometry: Geometry::MultiPolygon(area),
    }];
}

fn buffer_problem(message: String) -> Diagnostic {
    Diagnostic {
        file: scenario_toml::FILE.to_owned(),
        location: Location::Record {
            what: "buffer",
            index: 0,
            id: None,
            field: Some("from_feature".into()),
        },
        severity: Severity::Error,
        message,
    }
}

/// Hub and overlay ids share one namespace, so selections and links are unambiguous.
fn check_ids_are_unique(scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    let hubs_file = hubs_file_of(scenario);
    let mut seen: HashMap<&str, String> = HashMap::new();
    let hub_ids = scenario
        .hubs
        .iter()
        .enumerate()
        .map(|(i, h)| (h.id.as_str(), hubs_file.clone(), i));
    let overlay_ids = scenario.layers.iter().flat_map(|l| {
        let file = l
            .file
            .clone()
            .unwrap_or_else(|| scenario_toml::FILE.to_owned());
        l.features
            .iter()
            .enumerate()
            .map(move |(i, f)| (f.id.as_str(), file.clone(), i))
    });
    for (id, file, index) in hub_ids.chain(overlay_ids) {
        if let Some(first) = seen.get(id) {
            out.push(Diagnostic {
                file: file.clone(),
                location: Location::Record {
                    what: "feature",
                    index,
                    id: Some(id.to_owned()),
                    field: Some("id".into()),
                },
                severity: Severity::Error,
                message: format!("duplicate id (first used in {first})"),
            });
        } else {
            seen.insert(id, file);
        }
    }
}

fn check_nations_exist(scenario: &Scenario, out: &mut Vec<Diagnostic>) {
    let hubs_file = hubs_file_of(scenario);
    for (index, hub) in scenario.hubs.iter().enumerate() {
        out.extend(hub_reference_problems(hub, index, &hubs_file, scenario));
    }
}

/// The file of the scenario's hubs layer ("" when it has none).
pub fn hubs_file_of(scenario: &Scenario) -> String {
    scenario
        .layers
        .iter()
        .find(|l| l.kind == LayerKind::Hubs)
        .and_then(|l| l.file.clone())
        .unwrap_or_default()
}

/// What a hub refers to that the rest of the scenario must hold (its nations), and the
/// statement an illustrative site must rest on; `index` is its place in `file`.
pub(crate) fn hub_reference_problems(
    hub: &crate::model::Hub,
    index: usize,
    file: &str,
    scenario: &Scenario,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |field: &str| Location::Record {
        what: "feature",
        index,
        id: Some(hub.id.clone()),
        field: Some(field.into()),
    };
    for (field, codes, severity) in [
        ("lead", &hub.lead, Severity::Error),
        ("partners", &hub.partners, Severity::Warning),
    ] {
        for code in codes.iter().filter(|c| scenario.nation(c).is_none()) {
            out.push(Diagnostic {
                file: file.to_owned(),
                location: at(field),
                severity,
                message: format!("nation \"{code}\" is not in nations.toml"),
            });
        }
    }
    if hub.status == Status::Illustrative && hub.description.trim().is_empty() {
        out.push(Diagnostic {
            file: file.to_owned(),
            location: at("description"),
            severity: Severity::Warning,
            message: "an illustrative site should say what statement it rests on".into(),
        });
    }
    out
}
