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

/// What a FeatureCollection's members said, besides its features.
#[derive(Default)]
struct CollectionHead {
    kind: Option<String>,
    /// GeoJSON 2008's coordinate system; RFC 7946 dropped it, files still carry it.
    crs: Option<Value>,
    /// True when the crs came after the features (they were read as lon/lat).
    crs_after_features: bool,
}

/// Reads a FeatureCollection one feature at a time: each goes to `each` (with its
/// index and the crs declared before the features, if any) as soon as it is parsed, so
/// a file of a million features never holds them all in their raw form.
struct CollectionSeed<'a> {
    each: &'a mut dyn FnMut(usize, RawFeature, Option<&Value>),
}

impl<'de> de::DeserializeSeed<'de> for CollectionSeed<'_> {
    type Value = CollectionHead;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CollectionSeed<'_> {
    type Value = CollectionHead;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<CollectionHead, A::Error> {
        let mut head = CollectionHead::default();
        let mut features_read = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => head.kind = map.next_value()?,
                "crs" => {
                    head.crs = map.next_value()?;
                    head.crs_after_features = features_read;
                }
                "features" => {
                    map.next_value_seed(FeaturesSeed {
                        each: &mut *self.each,
                        crs: head.crs.as_ref(),
                    })?;
                    features_read = true;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }
}

struct FeaturesSeed<'a, 'c> {
    each: &'a mut dyn FnMut(usize, RawFeature, Option<&Value>),
    crs: Option<&'c Value>,
}

impl<'de> de::DeserializeSeed<'de> for FeaturesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FeaturesSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of features")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(feature) = seq.next_element::<RawFeature>()? {
            (self.each)(index, feature, self.crs);
            index += 1;
        }
        Ok(())
    }
}

/// Where a reader puts the features it reads, one at a time.
pub trait FeatureSink {
    /// Keeps one feature.
    fn keep(&mut self, feature: UserFeature);
    /// Forgets every feature kept so far (the file is being read again).
    fn restart(&mut self);
}

impl FeatureSink for Vec<UserFeature> {
    fn keep(&mut self, feature: UserFeature) {
        self.push(feature);
    }
    fn restart(&mut self) {
        self.clear();
    }
}

impl FeatureSink for super::FeatureTable {
    fn keep(&mut self, feature: UserFeature) {
        self.push(feature);
    }
    fn restart(&mut self) {
        *self = super::FeatureTable::new();
    }
}

/// Reads a GeoJSON FeatureCollection. A syntax error fails the file (with line and
/// column); a bad feature is reported and left out, the rest load.
pub fn read_user_geojson(
    file: &str,
    bytes: &[u8],
) -> Result<(Vec<UserFeature>, Vec<Diagnostic>), Box<Diagnostic>> {
    let mut features = Vec::new();
    let problems = read_geojson_into(file, bytes, &mut features)?;
    Ok((features, problems))
}

/// Reads a GeoJSON FeatureCollection, handing each feature that reads to `sink` as soon
/// as it is parsed; returns the problems of those that do not.
pub fn read_geojson_into(
    file: &str,
    bytes: &[u8],
    sink: &mut dyn FeatureSink,
) -> Result<Vec<Diagnostic>, Box<Diagnostic>> {
    let mut problems = Vec::new();
    let mut crs_error = None;
    let head = {
        // The crs declared before the features is the same for every one: read it once.
        let mut early_crs: Option<super::formats::Crs> = None;
        let mut each = |index: usize, raw: RawFeature, crs: Option<&Value>| {
            if early_crs.is_none() && crs_error.is_none() {
                match crs_of(crs) {
                    Ok(crs) => early_crs = Some(crs),
                    Err(message) => crs_error = Some(message),
                }
            }
            if let Some(crs) = &early_crs {
                read_feature(file, index, raw, crs, sink, &mut problems);
            }
        };
        parse_collection(file, bytes, &mut each)?
    };
    if let Some(message) = crs_error {
        return Err(crs_problem(file, message));
    }
    if head.kind.as_deref() != Some("FeatureCollection") {
        return Err(Box::new(Diagnostic::file(
            file,
            Severity::Error,
            format!(
                "expected \"type\": \"FeatureCollection\", found {}",
                head.kind.map_or("no type".into(), |k| format!("\"{k}\""))
            ),
        )));
    }
    let late_crs = crs_of(head.crs.as_ref()).map_err(|m| crs_problem(file, m))?;
    if head.crs_after_features && !late_crs.is_wgs84() {
        // Rare: the crs was written after the features, which were read as lon/lat.
        // Read them again now that it is known.
        problems.clear();
        sink.restart();
        let mut each = |index: usize, raw: RawFeature, _: Option<&Value>| {
            read_feature(file, index, raw, &late_crs, sink, &mut problems)
        };
        parse_collection(file, bytes, &mut each)?;
    }
    Ok(problems)
}

fn parse_collection(
    file: &str,
    bytes: &[u8],
    each: &mut dyn FnMut(usize, RawFeature, Option<&Value>),
) -> Result<CollectionHead, Box<Diagnostic>> {
    use de::DeserializeSeed as _;
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let head = CollectionSeed { each }
        .deserialize(&mut deserializer)
        .and_then(|head| deserializer.end().map(|()| head))
        .map_err(|e| super::parse::json_error(file, &e, "not GeoJSON"))?;
    Ok(head)
}

fn crs_of(value: Option<&Value>) -> Result<super::formats::Crs, String> {
    match value {
        None | Some(Value::Null) => Ok(super::formats::Crs::wgs84()),
        Some(value) => legacy_crs(value),
    }
}

fn crs_problem(file: &str, message: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::file(
        file,
        Severity::Error,
        format!("its \"crs\": {message}"),
    ))
}

/// Converts one raw feature: kept, or its problem filed under its index and id.
fn read_feature(
    file: &str,
    index: usize,
    feature: RawFeature,
    crs: &super::formats::Crs,
    sink: &mut dyn FeatureSink,
    problems: &mut Vec<Diagnostic>,
) {
    let projected = !crs.is_wgs84();
    let properties = feature.properties.unwrap_or_default();
    let problem = |message: String| Diagnostic {
        file: file.to_owned(),
        location: Location::Record {
            what: "feature",
            index,
            id: feature
                .id
                .as_ref()
                .or_else(|| properties.get("id"))
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }),
            field: Some("geometry".into()),
        },
        severity: Severity::Error,
        message,
    };
    let Some(geometry) = &feature.geometry else {
        problems.push(problem("no geometry: the feature is left out".into()));
        return;
    };
    let converted = convert(geometry, projected).and_then(|mut g| {
        crs.to_lon_lat(&mut g)?;
        if projected {
            super::formats::check_lon_lat(&g)?;
        }
        Ok(g)
    });
    match converted {
        Ok(geometry) => sink.keep(UserFeature {
            geometry,
            properties,
        }),
        Err(message) => problems.push(problem(message)),
    }
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
#[path = "fast_geojson_tests.rs"]
mod tests;
