//! hubs.geojson and overlay files: GeoJSON features with scenario properties.

use geo::Geometry;

use super::diagnostic::Diagnostic;
use super::geojson_read::{RawFeature, geometry};
use super::record::Record;
use crate::model::{Hub, HubKind, OverlayFeature, OverlayKind};

const HUB_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "lead",
    "partners",
    "personnel",
    "status",
    "sources",
    "description",
    "valid_from",
    "valid_to",
];
const OVERLAY_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "operator",
    "status",
    "sources",
    "description",
    "valid_from",
    "valid_to",
];

/// Reads the geometry of a feature, reporting problems on the `geometry` property.
fn feature_geometry(raw: &RawFeature, record: &mut Record<'_>) -> Option<Geometry<f64>> {
    let Some(value) = &raw.geometry else {
        record.report(
            Some("geometry"),
            super::diagnostic::Severity::Error,
            "feature has no geometry".into(),
        );
        return None;
    };
    match geometry(value) {
        Ok((geometry, warnings)) => {
            for warning in warnings {
                record.report(Some("geometry"), warning.severity, warning.message);
            }
            Some(geometry)
        }
        Err(problem) => {
            record.report(Some("geometry"), problem.severity, problem.message);
            None
        }
    }
}

/// Reads hubs: Point features; features with errors are left out and reported.
pub(crate) fn read_hubs(
    file: &str,
    raw_features: &[RawFeature],
    phase_ids: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<Hub> {
    let mut hubs = Vec::with_capacity(raw_features.len());
    for raw in raw_features {
        let mut record = Record::new(&raw.properties, file, "feature", raw.index, "id");
        record.warn_unknown_fields(HUB_FIELDS);
        let id = record.required_str("id");
        let name = record.required_str("name");
        let kind = record.keyword("kind", HubKind::from_keyword, &HubKind::expected());
        let lead = record.str_list("lead", true);
        let partners = record.str_list("partners", false);
        let personnel = record.personnel("personnel");
        let status = record.status();
        let sources = record.sources();
        record.require_source_unless_illustrative(status, &sources);
        let description = record.optional_str("description");
        let valid_from = record.validity("valid_from", phase_ids);
        let valid_to = record.validity("valid_to", phase_ids);
        let point = match feature_geometry(raw, &mut record) {
            Some(Geometry::Point(point)) => Some(point),
            Some(_) => {
                record.report(
                    Some("geometry"),
                    super::diagnostic::Severity::Error,
                    "a hub must be a Point".into(),
                );
                None
            }
            None => None,
        };
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(name), Some(kind), Some(status), Some(point)) =
            (ok, id, name, kind, status, point)
        {
            hubs.push(Hub {
                id,
                name,
                kind,
                lead,
                partners,
                personnel,
                status,
                sources,
                description,
                valid_from,
                valid_to,
                lon: point.x(),
                lat: point.y(),
            });
        }
    }
    hubs
}

/// Reads overlay features of any geometry; features with errors are left out and reported.
pub(crate) fn read_overlay(
    file: &str,
    raw_features: &[RawFeature],
    phase_ids: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<OverlayFeature> {
    let mut features = Vec::with_capacity(raw_features.len());
    for raw in raw_features {
        let mut record = Record::new(&raw.properties, file, "feature", raw.index, "id");
        record.warn_unknown_fields(OVERLAY_FIELDS);
        let id = record.required_str("id");
        let name = record.required_str("name");
        let kind = record.keyword("kind", OverlayKind::from_keyword, &OverlayKind::expected());
        let operator = record.optional_str("operator");
        let status = record.status();
        let sources = record.sources();
        record.require_source_unless_illustrative(status, &sources);
        let description = record.optional_str("description");
        let valid_from = record.validity("valid_from", phase_ids);
        let valid_to = record.validity("valid_to", phase_ids);
        let geometry = feature_geometry(raw, &mut record);
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(name), Some(kind), Some(status), Some(geometry)) =
            (ok, id, name, kind, status, geometry)
        {
            features.push(OverlayFeature {
                id,
                kind,
                name,
                operator,
                status,
                sources,
                description,
                valid_from,
                valid_to,
                geometry,
            });
        }
    }
    features
}
