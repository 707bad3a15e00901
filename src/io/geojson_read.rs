//! Reading GeoJSON FeatureCollections into geo geometries, checking structure and coordinates.

use geo::{Coord, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};
use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Severity};
use super::record::json_type_name;

/// The region the scenario is about; coordinates far outside it are probably swapped or wrong.
const PLAUSIBLE_LON: std::ops::RangeInclusive<f64> = -30.0..=60.0;
const PLAUSIBLE_LAT: std::ops::RangeInclusive<f64> = 25.0..=75.0;

/// A feature as found in the file, before its properties are interpreted.
pub(crate) struct RawFeature {
    /// 0-based position in the `features` array.
    pub(crate) index: usize,
    /// Its properties (empty when absent).
    pub(crate) properties: Map<String, Value>,
    /// Its geometry value, when it has one.
    pub(crate) geometry: Option<Value>,
}

/// Splits a FeatureCollection into features; the error explains a wrong top-level structure.
pub(crate) fn feature_collection(
    file: &str,
    root: Value,
) -> Result<Vec<RawFeature>, Box<Diagnostic>> {
    let Value::Object(mut root) = root else {
        return Err(Box::new(Diagnostic::file(
            file,
            Severity::Error,
            format!(
                "wrong GeoJSON structure: expected a FeatureCollection object, found {}",
                json_type_name(&root)
            ),
        )));
    };
    let kind = root.get("type").and_then(Value::as_str).unwrap_or("");
    if kind != "FeatureCollection" {
        return Err(Box::new(Diagnostic::file(
            file,
            Severity::Error,
            format!(
                "wrong GeoJSON structure: \"type\" is \"{kind}\", expected \"FeatureCollection\""
            ),
        )));
    }
    let Some(Value::Array(features)) = root.remove("features") else {
        return Err(Box::new(Diagnostic::file(
            file,
            Severity::Error,
            "wrong GeoJSON structure: \"features\" must be a list",
        )));
    };
    Ok(features
        .into_iter()
        .enumerate()
        .map(|(index, feature)| match feature {
            Value::Object(mut feature) => {
                let properties = match feature.remove("properties") {
                    Some(Value::Object(p)) => p,
                    _ => Map::new(),
                };
                RawFeature {
                    index,
                    properties,
                    geometry: feature.remove("geometry").filter(|g| !g.is_null()),
                }
            }
            _ => RawFeature {
                index,
                properties: Map::new(),
                geometry: None,
            },
        })
        .collect())
}

/// A geometry problem: the message, and whether it is only a warning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GeometryProblem {
    pub(crate) severity: Severity,
    pub(crate) message: String,
}

impl GeometryProblem {
    fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
        }
    }
}

/// Converts a GeoJSON geometry value and checks polygons for self-intersection.
/// Errors make it unusable; warnings are returned beside it.
pub(crate) fn geometry(
    value: &Value,
) -> Result<(Geometry<f64>, Vec<GeometryProblem>), GeometryProblem> {
    let (geometry, mut warnings) = parse_geometry(value)?;
    if let Geometry::Polygon(_) | Geometry::MultiPolygon(_) = &geometry {
        use geo::Validation;
        if let Some(problem) = geometry.validation_errors().first() {
            warnings.push(GeometryProblem {
                severity: Severity::Warning,
                message: format!("invalid polygon: {problem}"),
            });
        }
    }
    Ok((geometry, warnings))
}

/// Converts a GeoJSON geometry value, checking structure and coordinates only
/// (for trusted data such as the embedded basemap, where validation would cost start-up time).
pub(crate) fn parse_geometry(
    value: &Value,
) -> Result<(Geometry<f64>, Vec<GeometryProblem>), GeometryProblem> {
    let mut warnings = Vec::new();
    let Value::Object(object) = value else {
        return Err(GeometryProblem::error(format!(
            "geometry must be an object, found {}",
            json_type_name(value)
        )));
    };
    let kind = object.get("type").and_then(Value::as_str).unwrap_or("");
    let coordinates = object
        .get("coordinates")
        .ok_or_else(|| GeometryProblem::error(format!("{kind} geometry has no \"coordinates\"")))?;
    let geometry = match kind {
        "Point" => Geometry::Point(Point(position(coordinates, &mut warnings)?)),
        "MultiPoint" => Geometry::MultiPoint(MultiPoint(
            positions(coordinates, &mut warnings)?
                .into_iter()
                .map(Point)
                .collect(),
        )),
        "LineString" => Geometry::LineString(line_string(coordinates, &mut warnings)?),
        "MultiLineString" => Geometry::MultiLineString(MultiLineString(
            list(coordinates, "MultiLineString")?
                .iter()
                .map(|line| line_string(line, &mut warnings))
                .collect::<Result<_, _>>()?,
        )),
        "Polygon" => Geometry::Polygon(polygon(coordinates, &mut warnings)?),
        "MultiPolygon" => Geometry::MultiPolygon(MultiPolygon(
            list(coordinates, "MultiPolygon")?
                .iter()
                .map(|p| polygon(p, &mut warnings))
                .collect::<Result<_, _>>()?,
        )),
        other => {
            return Err(GeometryProblem::error(format!(
                "unsupported geometry type \"{other}\" (expected Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon)"
            )));
        }
    };
    Ok((geometry, warnings))
}

fn list<'v>(value: &'v Value, what: &str) -> Result<&'v Vec<Value>, GeometryProblem> {
    value
        .as_array()
        .ok_or_else(|| GeometryProblem::error(format!("{what} coordinates must be a list")))
}

fn position(
    value: &Value,
    warnings: &mut Vec<GeometryProblem>,
) -> Result<Coord<f64>, GeometryProblem> {
    let numbers = value
        .as_array()
        .filter(|a| a.len() >= 2)
        .ok_or_else(|| GeometryProblem::error("a position must be [lon, lat]"))?;
    let (Some(lon), Some(lat)) = (numbers[0].as_f64(), numbers[1].as_f64()) else {
        return Err(GeometryProblem::error(
            "a position must hold two numbers [lon, lat]",
        ));
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(GeometryProblem::error(format!(
            "coordinates out of range: [{lon}, {lat}] (longitude -180..180, latitude -90..90; GeoJSON is [lon, lat])"
        )));
    }
    if (!PLAUSIBLE_LON.contains(&lon) || !PLAUSIBLE_LAT.contains(&lat))
        && warnings
            .iter()
            .all(|w| !w.message.starts_with("far outside"))
    {
        warnings.push(GeometryProblem {
            severity: Severity::Warning,
            message: format!(
                "far outside the region: [{lon}, {lat}] (expected Europe; are lon and lat swapped?)"
            ),
        });
    }
    Ok(Coord { x: lon, y: lat })
}

fn positions(
    value: &Value,
    warnings: &mut Vec<GeometryProblem>,
) -> Result<Vec<Coord<f64>>, GeometryProblem> {
    list(value, "position list")?
        .iter()
        .map(|p| position(p, warnings))
        .collect()
}

fn line_string(
    value: &Value,
    warnings: &mut Vec<GeometryProblem>,
) -> Result<LineString<f64>, GeometryProblem> {
    let coords = positions(value, warnings)?;
    if coords.len() < 2 {
        return Err(GeometryProblem::error(format!(
            "a line needs at least 2 positions, found {}",
            coords.len()
        )));
    }
    Ok(LineString(coords))
}

fn polygon(
    value: &Value,
    warnings: &mut Vec<GeometryProblem>,
) -> Result<Polygon<f64>, GeometryProblem> {
    let rings = list(value, "Polygon")?;
    let mut closed = Vec::with_capacity(rings.len());
    for (i, ring) in rings.iter().enumerate() {
        let coords = positions(ring, warnings)?;
        let which = if i == 0 {
            "outer ring".to_owned()
        } else {
            format!("hole {i}")
        };
        if coords.len() < 4 {
            return Err(GeometryProblem::error(format!(
                "{which} has {} positions; a ring needs at least 4 (first = last)",
                coords.len()
            )));
        }
        if coords.first() != coords.last() {
            return Err(GeometryProblem::error(format!(
                "{which} is not closed: its first and last positions differ"
            )));
        }
        closed.push(LineString(coords));
    }
    let mut rings = closed.into_iter();
    let exterior = rings
        .next()
        .ok_or_else(|| GeometryProblem::error("a polygon needs an outer ring"))?;
    Ok(Polygon::new(exterior, rings.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_unclosed_ring_is_an_error() {
        let value = json!({"type": "Polygon", "coordinates": [[[30,50],[31,50],[31,51],[30,51]]]});
        let error = geometry(&value).err().map(|p| p.message);
        assert_eq!(
            error.as_deref(),
            Some("outer ring is not closed: its first and last positions differ")
        );
    }

    #[test]
    fn a_self_intersecting_ring_is_only_a_warning() {
        let value =
            json!({"type": "Polygon", "coordinates": [[[30,50],[31,51],[31,50],[30,51],[30,50]]]});
        let (_, warnings) = geometry(&value).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("invalid polygon"));
    }

    #[test]
    fn latitude_beyond_ninety_is_an_error() {
        let value = json!({"type": "Point", "coordinates": [30.0, 95.0]});
        assert!(geometry(&value).is_err());
    }
}
