//! GPX from a GPS or a drone's log, read with georust's gpx: waypoints as points, routes
//! as lines, tracks as lines of their segments, with name, description, type, elevation
//! and time as properties (`gpx_kind` says which of the three each feature was).

use geo::{Geometry, MultiLineString};
use serde_json::{Map, Value};

use super::{FeaturesRead, check_lon_lat, feature_problem};
use crate::io::diagnostic::{Diagnostic, Severity};

/// Reads a GPX document.
pub(super) fn read_gpx(file: &str, bytes: &[u8]) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let gpx = gpx::read(super::text::without_bom(bytes)).map_err(|e| {
        vec![Diagnostic::file(
            file,
            Severity::Error,
            format!("not readable GPX: {e}"),
        )]
    })?;
    let mut features = crate::io::FeatureTable::new();
    let mut problems = Vec::new();
    let mut push = |geometry: Geometry<f64>, properties: Map<String, Value>| {
        let index = features.len() + problems.len();
        match check_lon_lat(&geometry) {
            Ok(()) => features.push(crate::io::UserFeature {
                geometry,
                properties,
            }),
            Err(message) => {
                let name = properties
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                problems.push(feature_problem(
                    file,
                    index,
                    name,
                    "geometry",
                    Severity::Error,
                    message,
                ));
            }
        }
    };
    for waypoint in &gpx.waypoints {
        let mut properties = described(
            "waypoint",
            &waypoint.name,
            &waypoint.description,
            &waypoint.type_,
        );
        if let Some(elevation) = waypoint.elevation.and_then(serde_json::Number::from_f64) {
            properties.insert("ele".into(), Value::Number(elevation));
        }
        if let Some(time) = waypoint.time.as_ref().and_then(|t| t.format().ok()) {
            properties.insert("time".into(), Value::String(time));
        }
        if let Some(symbol) = &waypoint.symbol {
            properties.insert("sym".into(), Value::String(symbol.clone()));
        }
        push(Geometry::Point(waypoint.point()), properties);
    }
    for route in &gpx.routes {
        let properties = described("route", &route.name, &route.description, &route.type_);
        push(Geometry::LineString(route.linestring()), properties);
    }
    for track in &gpx.tracks {
        let mut properties = described("track", &track.name, &track.description, &track.type_);
        let lines: MultiLineString<f64> = track.multilinestring();
        if let Some(start) = track
            .segments
            .first()
            .and_then(|s| s.points.first())
            .and_then(|p| p.time.as_ref())
            .and_then(|t| t.format().ok())
        {
            properties.insert("time".into(), Value::String(start));
        }
        let lines = MultiLineString(lines.0.into_iter().filter(|l| l.0.len() >= 2).collect());
        push(Geometry::MultiLineString(lines), properties);
    }
    Ok((features, problems))
}

fn described(
    kind: &str,
    name: &Option<String>,
    description: &Option<String>,
    type_: &Option<String>,
) -> Map<String, Value> {
    let mut properties = Map::new();
    properties.insert("gpx_kind".into(), Value::String(kind.into()));
    for (key, value) in [
        ("name", name),
        ("description", description),
        ("type", type_),
    ] {
        if let Some(value) = value {
            properties.insert(key.into(), Value::String(value.clone()));
        }
    }
    properties
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waypoints_routes_and_tracks_all_read() {
        let text = r#"<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="50.45" lon="30.52"><ele>180</ele><name>Launch</name></wpt>
  <rte><name>Leg</name><rtept lat="50" lon="30"/><rtept lat="51" lon="31"/></rte>
  <trk><name>Flight</name><trkseg><trkpt lat="50" lon="30"><time>2026-01-06T10:00:00Z</time></trkpt><trkpt lat="50.1" lon="30.1"/></trkseg></trk>
</gpx>"#;
        let (features, problems) =
            read_gpx("f.gpx", text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let features = features.to_features();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(features.len(), 3);
        assert_eq!(features[0].properties["name"], "Launch");
        assert_eq!(features[2].properties["gpx_kind"], "track");
        assert!(
            features[2].properties["time"]
                .as_str()
                .is_some_and(|t| t.starts_with("2026-01-06"))
        );
    }
}
