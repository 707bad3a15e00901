//! `[[ring_sets]]` in scenario.toml: named range rings (a drone or missile range, planning
//! bands) measured from a place, from the monitored line, or placed by the user.

use serde_json::Value;

use super::diagnostic::{Diagnostic, Severity};
use super::record::Record;
use super::scenario_toml::FILE;
use crate::model::{RingOrigin, RingSet, Status};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "radii_km",
    "centre",
    "origin",
    "status",
    "description",
    "sources",
];

/// The largest radius accepted, km (a quarter of the Earth's circumference).
const MAX_RADIUS_KM: f64 = 10_000.0;

/// Reads the `ring_sets` list; a broken entry is reported and left out.
pub(crate) fn read(value: Option<&Value>, out: &mut Vec<Diagnostic>) -> Vec<RingSet> {
    let Some(value) = value else {
        return Vec::new();
    };
    let Value::Array(items) = value else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "ring_sets must be a list of [[ring_sets]] tables",
        ));
        return Vec::new();
    };
    let mut sets: Vec<RingSet> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            out.push(Diagnostic::file(
                FILE,
                Severity::Error,
                format!("ring set {index} is not a table"),
            ));
            continue;
        };
        let mut record = Record::new(map, FILE, "ring_set", index, "id");
        record.warn_unknown_fields(FIELDS);
        let id = record.required_str("id");
        let name = record.optional_str("name");
        let radii = radii(&mut record);
        let origin = origin(&mut record);
        let status = if map.contains_key("status") {
            record.status()
        } else {
            Some(Status::Illustrative)
        };
        let description = record.optional_str("description");
        let sources = record.sources();
        if let Some(id) = &id
            && sets.iter().any(|s| &s.id == id)
        {
            record.report(
                Some("id"),
                Severity::Error,
                format!("duplicate ring set id \"{id}\""),
            );
        }
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(origin), Some(status)) = (ok, id, origin, status) {
            sets.push(RingSet {
                name: if name.is_empty() { id.clone() } else { name },
                id,
                radii_km: radii,
                origin,
                status,
                description,
                sources,
            });
        }
    }
    sets
}

fn radii(record: &mut Record<'_>) -> Vec<f64> {
    let values = match record.fields.get("radii_km") {
        Some(Value::Array(values)) if !values.is_empty() => values.clone(),
        Some(Value::Number(n)) => vec![Value::Number(n.clone())],
        _ => {
            record.report(
                Some("radii_km"),
                Severity::Error,
                "expected a list of radii in km, e.g. [25, 50, 100]".into(),
            );
            return Vec::new();
        }
    };
    let mut radii = Vec::new();
    for value in values {
        match value.as_f64() {
            Some(r) if r > 0.0 && r <= MAX_RADIUS_KM => radii.push(r),
            _ => {
                record.report(
                    Some("radii_km"),
                    Severity::Error,
                    format!("radius {value} is not a number of km in 0..{MAX_RADIUS_KM}"),
                );
                return Vec::new();
            }
        }
    }
    radii.sort_by(f64::total_cmp);
    radii.dedup();
    radii
}

fn origin(record: &mut Record<'_>) -> Option<RingOrigin> {
    let centre = record.fields.get("centre").cloned();
    let origin = record.optional_str("origin");
    match (centre, origin.as_str()) {
        (Some(_), "line") => {
            record.report(
                Some("origin"),
                Severity::Error,
                "give either centre or origin = \"line\", not both".into(),
            );
            None
        }
        (Some(Value::Array(pair)), "") if pair.len() == 2 => {
            let lon = pair[0].as_f64().filter(|x| (-180.0..=180.0).contains(x));
            let lat = pair[1].as_f64().filter(|y| (-85.0..=85.0).contains(y));
            match (lon, lat) {
                (Some(lon), Some(lat)) => Some(RingOrigin::Centre([lon, lat])),
                _ => {
                    record.report(
                        Some("centre"),
                        Severity::Error,
                        "expected [lon, lat] within -180..180, -85..85".into(),
                    );
                    None
                }
            }
        }
        (Some(_), _) => {
            record.report(
                Some("centre"),
                Severity::Error,
                "expected [lon, lat] within -180..180, -85..85".into(),
            );
            None
        }
        (None, "line") => Some(RingOrigin::Line),
        (None, "") => Some(RingOrigin::Preset),
        (None, other) => {
            record.report(
                Some("origin"),
                Severity::Error,
                format!("unknown origin \"{other}\" (expected \"line\", or a centre)"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_toml(text: &str) -> (Vec<RingSet>, Vec<Diagnostic>) {
        let table: toml::Table = toml::from_str(text).unwrap_or_default();
        let json = super::super::record::toml_to_json(toml::Value::Table(table));
        let mut out = Vec::new();
        let sets = read(json.get("ring_sets"), &mut out);
        (sets, out)
    }

    #[test]
    fn ring_sets_read_their_origin_and_sorted_radii() {
        let (sets, problems) = read_toml(
            r#"
            [[ring_sets]]
            id = "bands"
            radii_km = [100, 25, 50]
            origin = "line"
            [[ring_sets]]
            id = "fixed"
            radii_km = 300
            centre = [30.5, 50.4]
            [[ring_sets]]
            id = "preset"
            radii_km = [10]
            "#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sets[0].radii_km, vec![25.0, 50.0, 100.0]);
        assert_eq!(sets[0].origin, RingOrigin::Line);
        assert_eq!(sets[1].origin, RingOrigin::Centre([30.5, 50.4]));
        assert_eq!(sets[2].origin, RingOrigin::Preset);
        assert_eq!(sets[2].status, Status::Illustrative);
    }

    #[test]
    fn a_negative_radius_is_reported_with_its_set_and_field() {
        let (sets, problems) = read_toml(
            r#"
            [[ring_sets]]
            id = "bad"
            radii_km = [10, -5]
            "#,
        );
        assert!(sets.is_empty());
        let text = problems[0].to_string();
        assert!(text.contains("scenario.toml"), "{text}");
        assert!(text.contains("\"bad\""), "{text}");
        assert!(text.contains("radii_km"), "{text}");
    }
}
