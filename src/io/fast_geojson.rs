//! A GeoJSON reader for large files the user brings: typed serde straight into
//! coordinates (no `serde_json::Value` per number), with the same checks and
//! diagnostics as the scenario's files.

use std::fmt;

use geo::{Coord, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Location, Severity};

/// A feature read from a user's file: its geometry (lon/lat) and properties.
#[derive(Debug, Clone)]
pub struct UserFeature {
    /// Geometry in lon/lat degrees.
    pub geometry: Geometry<f64>,
    /// Its properties as written.
    pub properties: Map<String, Value>,
}

/// Nested coordinate arrays, whatever their depth.
#[derive(Debug, Clone, PartialEq)]
enum Coords {
    Position(f64, f64),
    List(Vec<Coords>),
}

/// One element of a coordinate array: a number (inside a position) or a deeper array.
enum Element {
    Number(f64),
    Coords(Coords),
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ElementVisitor;
        impl<'de> Visitor<'de> for ElementVisitor {
            type Value = Element;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a list of coordinates")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Element, E> {
                Ok(Element::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Element, E> {
                Ok(Element::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Element, E> {
                Ok(Element::Number(v as f64))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
                CoordsVisitor.visit_seq(seq).map(Element::Coords)
            }
        }
        deserializer.deserialize_any(ElementVisitor)
    }
}

struct CoordsVisitor;

impl<'de> Visitor<'de> for CoordsVisitor {
    type Value = Coords;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of coordinates")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coords, A::Error> {
        match seq.next_element::<Element>()? {
            None => Ok(Coords::List(Vec::new())),
            Some(Element::Number(x)) => {
                // A position: [lon, lat] and perhaps an altitude, which is ignored.
                let y: f64 = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::custom("a position must be [lon, lat]"))?;
                while seq.next_element::<f64>()?.is_some() {}
                Ok(Coords::Position(x, y))
            }
            Some(Element::Coords(first)) => {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(8) + 1);
                items.push(first);
                while let Some(next) = seq.next_element::<Coords>()? {
                    items.push(next);
                }
                Ok(Coords::List(items))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Coords {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(CoordsVisitor)
    }
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Option<Coords>,
    geometries: Option<Vec<RawGeometry>>,
}

#[derive(Deserialize)]
struct RawFeature {
    geometry: Option<RawGeometry>,
    properties: Option<Map<String, Value>>,
    id: Option<Value>,
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type")]
    kind: Option<String>,
    features: Option<Vec<RawFeature>>,
}

/// Reads a GeoJSON FeatureCollection. A syntax error fails the file (with line and
/// column); a bad feature is reported and left out, the rest load.
pub fn read_user_geojson(
    file: &str,
    bytes: &[u8],
) -> Result<(Vec<UserFeature>, Vec<Diagnostic>), Box<Diagnostic>> {
    let collection: RawCollection = serde_json::from_slice(bytes)
        .map_err(|e| super::parse::json_error(file, &e, "not GeoJSON"))?;
    if collection.kind.as_deref() != Some("FeatureCollection") {
        return Err(Box::new(Diagnostic::file(
            file,
            Severity::Error,
            format!(
                "expected \"type\": \"FeatureCollection\", found {}",
                collection
                    .kind
                    .map_or("no type".into(), |k| format!("\"{k}\""))
            ),
        )));
    }
    let raw = collection.features.unwrap_or_default();
    let mut features = Vec::with_capacity(raw.len());
    let mut problems = Vec::new();
    for (index, feature) in raw.into_iter().enumerate() {
        let properties = feature.properties.unwrap_or_default();
        let id = feature
            .id
            .as_ref()
            .or_else(|| properties.get("id"))
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        let problem = |message: String| Diagnostic {
            file: file.to_owned(),
            location: Location::Record {
                what: "feature",
                index,
                id: id.clone(),
                field: Some("geometry".into()),
            },
            severity: Severity::Error,
            message,
        };
        let Some(geometry) = feature.geometry else {
            problems.push(problem("no geometry: the feature is left out".into()));
            continue;
        };
        match convert(&geometry) {
            Ok(geometry) => features.push(UserFeature {
                geometry,
                properties,
            }),
            Err(message) => problems.push(problem(message)),
        }
    }
    Ok((features, problems))
}

fn position(c: &Coords) -> Result<Coord<f64>, String> {
    match c {
        Coords::Position(lon, lat) => {
            if (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat) {
                Ok(Coord { x: *lon, y: *lat })
            } else {
                Err(format!(
                    "coordinates out of range: [{lon}, {lat}] (longitude -180..180, latitude -90..90; GeoJSON is [lon, lat])"
                ))
            }
        }
        Coords::List(_) => Err("expected a position [lon, lat], found a list".into()),
    }
}

fn list<'c>(c: &'c Coords, what: &str) -> Result<&'c [Coords], String> {
    match c {
        Coords::List(items) => Ok(items),
        Coords::Position(..) => Err(format!("{what}: expected a list, found a position")),
    }
}

fn line(c: &Coords) -> Result<LineString<f64>, String> {
    let points = list(c, "LineString")?
        .iter()
        .map(position)
        .collect::<Result<Vec<_>, _>>()?;
    if points.len() < 2 {
        return Err("a LineString needs at least two positions".into());
    }
    Ok(LineString(points))
}

fn ring(c: &Coords) -> Result<LineString<f64>, String> {
    let mut ring = LineString(
        list(c, "Polygon ring")?
            .iter()
            .map(position)
            .collect::<Result<Vec<_>, _>>()?,
    );
    if ring.0.len() < 4 {
        return Err("a polygon ring needs at least four positions".into());
    }
    ring.close();
    Ok(ring)
}

fn polygon(c: &Coords) -> Result<Polygon<f64>, String> {
    let rings = list(c, "Polygon")?;
    let (exterior, interiors) = rings
        .split_first()
        .ok_or_else(|| "a Polygon needs an outer ring".to_owned())?;
    Ok(Polygon::new(
        ring(exterior)?,
        interiors.iter().map(ring).collect::<Result<_, _>>()?,
    ))
}

fn convert(raw: &RawGeometry) -> Result<Geometry<f64>, String> {
    if raw.kind == "GeometryCollection" {
        let parts = raw
            .geometries
            .as_ref()
            .ok_or("a GeometryCollection needs \"geometries\"")?;
        return Ok(Geometry::GeometryCollection(geo::GeometryCollection(
            parts.iter().map(convert).collect::<Result<_, _>>()?,
        )));
    }
    let c = raw
        .coordinates
        .as_ref()
        .ok_or_else(|| format!("{} geometry has no \"coordinates\"", raw.kind))?;
    Ok(match raw.kind.as_str() {
        "Point" => Geometry::Point(Point(position(c)?)),
        "MultiPoint" => Geometry::MultiPoint(MultiPoint(
            list(c, "MultiPoint")?
                .iter()
                .map(|p| position(p).map(Point))
                .collect::<Result<_, _>>()?,
        )),
        "LineString" => Geometry::LineString(line(c)?),
        "MultiLineString" => Geometry::MultiLineString(MultiLineString(
            list(c, "MultiLineString")?
                .iter()
                .map(line)
                .collect::<Result<_, _>>()?,
        )),
        "Polygon" => Geometry::Polygon(polygon(c)?),
        "MultiPolygon" => Geometry::MultiPolygon(MultiPolygon(
            list(c, "MultiPolygon")?
                .iter()
                .map(polygon)
                .collect::<Result<_, _>>()?,
        )),
        other => {
            return Err(format!(
                "unsupported geometry type \"{other}\" (expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection)"
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_geometry_type_reads_and_altitudes_are_ignored() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"p"},"geometry":{"type":"Point","coordinates":[30,50,120]}},
            {"type":"Feature","properties":{},"geometry":{"coordinates":[[30,50],[31,51]],"type":"LineString"}},
            {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,50]]]}},
            {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[30,50],[31,50],[31,51],[30,50]]]]}},
            {"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}}
        ]}"#;
        let (features, problems) =
            read_user_geojson("mine.geojson", text.as_bytes()).unwrap_or_default();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(features.len(), 5);
        assert_eq!(
            features[0].geometry,
            Geometry::Point(Point::new(30.0, 50.0))
        );
        assert_eq!(features[0].properties["name"], "p");
    }

    #[test]
    fn a_bad_feature_is_named_and_left_out_and_the_rest_load() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[30,50]}},
            {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"LineString","coordinates":[[30,95],[31,51]]}}
        ]}"#;
        let (features, problems) =
            read_user_geojson("mine.geojson", text.as_bytes()).unwrap_or_default();
        assert_eq!(features.len(), 1);
        let line = problems[0].to_string();
        assert!(line.contains("mine.geojson"), "{line}");
        assert!(line.contains("\"b\""), "{line}");
        assert!(line.contains("geometry"), "{line}");
        assert!(line.contains("out of range"), "{line}");
    }

    #[test]
    fn a_syntax_error_gives_line_and_column() {
        let text = "{\"type\":\"FeatureCollection\",\n\"features\":[ {,] }";
        let error = read_user_geojson("mine.geojson", text.as_bytes())
            .err()
            .unwrap_or_else(|| panic!("should fail"));
        assert!(
            matches!(error.location, Location::Text { line: 2, .. }),
            "{error}"
        );
    }
}
