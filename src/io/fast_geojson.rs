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
    /// GeoJSON 2008's coordinate system; RFC 7946 dropped it, files still carry it.
    crs: Option<Value>,
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
    let crs = match &collection.crs {
        None | Some(Value::Null) => super::formats::Crs::wgs84(),
        Some(value) => legacy_crs(value).map_err(|message| {
            Box::new(Diagnostic::file(
                file,
                Severity::Error,
                format!("its \"crs\": {message}"),
            ))
        })?,
    };
    let projected = !crs.is_wgs84();
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
        let converted = convert(&geometry, projected).and_then(|mut g| {
            crs.to_lon_lat(&mut g)?;
            if projected {
                super::formats::check_lon_lat(&g)?;
            }
            Ok(g)
        });
        match converted {
            Ok(geometry) => features.push(UserFeature {
                geometry,
                properties,
            }),
            Err(message) => problems.push(problem(message)),
        }
    }
    Ok((features, problems))
}

/// A GeoJSON 2008 `crs` member: `{"type": "name", "properties": {"name": "EPSG:3857"}}`
/// or `{"type": "EPSG", "properties": {"code": 3857}}`. Linked definitions are refused.
pub(crate) fn legacy_crs(value: &Value) -> Result<super::formats::Crs, String> {
    let properties = value.get("properties");
    match value.get("type").and_then(Value::as_str) {
        Some("name") => properties
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .ok_or_else(|| "a named crs needs properties.name".to_owned())
            .and_then(super::formats::Crs::from_name),
        Some("EPSG") => properties
            .and_then(|p| p.get("code"))
            .and_then(Value::as_u64)
            .ok_or_else(|| "an EPSG crs needs properties.code".to_owned())
            .and_then(|code| super::formats::Crs::from_epsg(code as u32)),
        Some(other) => Err(format!(
            "a crs of type \"{other}\" is not read (give an EPSG name such as \"EPSG:3857\", or reproject to WGS84)"
        )),
        None => Err("the crs has no type".into()),
    }
}

fn position(c: &Coords, projected: bool) -> Result<Coord<f64>, String> {
    match c {
        Coords::Position(lon, lat) => {
            if projected || (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat) {
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

fn line(c: &Coords, projected: bool) -> Result<LineString<f64>, String> {
    let points = list(c, "LineString")?
        .iter()
        .map(|p| position(p, projected))
        .collect::<Result<Vec<_>, _>>()?;
    if points.len() < 2 {
        return Err("a LineString needs at least two positions".into());
    }
    Ok(LineString(points))
}

fn ring(c: &Coords, projected: bool) -> Result<LineString<f64>, String> {
    let mut ring = LineString(
        list(c, "Polygon ring")?
            .iter()
            .map(|p| position(p, projected))
            .collect::<Result<Vec<_>, _>>()?,
    );
    if ring.0.len() < 4 {
        return Err("a polygon ring needs at least four positions".into());
    }
    ring.close();
    Ok(ring)
}

fn polygon(c: &Coords, projected: bool) -> Result<Polygon<f64>, String> {
    let rings = list(c, "Polygon")?;
    let (exterior, interiors) = rings
        .split_first()
        .ok_or_else(|| "a Polygon needs an outer ring".to_owned())?;
    Ok(Polygon::new(
        ring(exterior, projected)?,
        interiors
            .iter()
            .map(|r| ring(r, projected))
            .collect::<Result<_, _>>()?,
    ))
}

fn convert(raw: &RawGeometry, projected: bool) -> Result<Geometry<f64>, String> {
    if raw.kind == "GeometryCollection" {
        let parts = raw
            .geometries
            .as_ref()
            .ok_or("a GeometryCollection needs \"geometries\"")?;
        return Ok(Geometry::GeometryCollection(geo::GeometryCollection(
            parts
                .iter()
                .map(|g| convert(g, projected))
                .collect::<Result<_, _>>()?,
        )));
    }
    let c = raw
        .coordinates
        .as_ref()
        .ok_or_else(|| format!("{} geometry has no \"coordinates\"", raw.kind))?;
    Ok(match raw.kind.as_str() {
        "Point" => Geometry::Point(Point(position(c, projected)?)),
        "MultiPoint" => Geometry::MultiPoint(MultiPoint(
            list(c, "MultiPoint")?
                .iter()
                .map(|p| position(p, projected).map(Point))
                .collect::<Result<_, _>>()?,
        )),
        "LineString" => Geometry::LineString(line(c, projected)?),
        "MultiLineString" => Geometry::MultiLineString(MultiLineString(
            list(c, "MultiLineString")?
                .iter()
                .map(|l| line(l, projected))
                .collect::<Result<_, _>>()?,
        )),
        "Polygon" => Geometry::Polygon(polygon(c, projected)?),
        "MultiPolygon" => Geometry::MultiPolygon(MultiPolygon(
            list(c, "MultiPolygon")?
                .iter()
                .map(|p| polygon(p, projected))
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
    fn a_legacy_crs_is_honoured_and_an_unknown_one_refused() {
        let text = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3397848.3,6522000.0]}}]}"#;
        let (features, problems) =
            read_user_geojson("m.geojson", text.as_bytes()).unwrap_or_default();
        assert!(problems.is_empty(), "{problems:?}");
        let Some(Geometry::Point(p)) = features.first().map(|f| &f.geometry) else {
            panic!("no point")
        };
        assert!(
            (p.x() - 30.5234).abs() < 1e-3 && p.y() > 50.0 && p.y() < 51.0,
            "{p:?}"
        );
        let unknown = text.replace("EPSG::3857", "EPSG::999999");
        let error = read_user_geojson("m.geojson", unknown.as_bytes()).err();
        assert!(error.is_some_and(|e| e.message.contains("999999")));
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
