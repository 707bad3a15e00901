//! Annotations on disk: a GeoJSON FeatureCollection that QGIS and Google Earth users can
//! open. Written atomically; a file that fails to parse is kept as a backup and reported,
//! never silently replaced.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::write_atomic;
use crate::model::{Annotation, AnnotationShape, AnnotationStyle, LonLat};

/// The file name inside a scenario folder.
pub const ANNOTATIONS_FILE: &str = "annotations.geojson";

/// Larger annotation files are refused (they are hand-drawn; this is a broken file).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What loading found.
#[derive(Debug, Default)]
pub struct AnnotationLoad {
    /// The annotations that loaded.
    pub annotations: Vec<Annotation>,
    /// Problems worth telling the user, one sentence each.
    pub problems: Vec<String>,
    /// Where a file that failed to parse was moved to.
    pub backup: Option<PathBuf>,
}

/// What reading an annotations file found.
enum FileRead {
    /// No file there.
    Missing,
    /// Something that is not a regular file.
    NotAFile(super::ReadError),
    /// The annotations and the features skipped, or why the file cannot be read.
    Parsed(Result<(Vec<Annotation>, Vec<String>), String>),
}

fn read_file(path: &Path) -> FileRead {
    match super::read_bounded(path, MAX_BYTES) {
        Err(super::ReadError::NotFound) => FileRead::Missing,
        Err(e @ super::ReadError::NotAFile(_)) => FileRead::NotAFile(e),
        Err(e) => FileRead::Parsed(Err(e.to_string())),
        Ok(bytes) => FileRead::Parsed(
            super::text_of(bytes)
                .and_then(|text| {
                    serde_json::from_str::<Value>(&text).map_err(|e| format!("invalid JSON: {e}"))
                })
                .and_then(|value| from_geojson(&value)),
        ),
    }
}

/// Loads annotations from `path`. A missing file is an empty set; a broken one is moved
/// aside as `<name>.bak-<timestamp>` and reported.
pub fn load_annotations(path: &Path) -> AnnotationLoad {
    super::backup::remove_stale_temporaries(path);
    let mut load = AnnotationLoad::default();
    let parsed = match read_file(path) {
        FileRead::Missing => return load,
        FileRead::NotAFile(e) => {
            // Never moved aside: it is not a broken copy of the user's annotations.
            load.problems
                .push(format!("{}: cannot read annotations: {e}", path.display()));
            return load;
        }
        FileRead::Parsed(parsed) => parsed,
    };
    match parsed {
        Ok((annotations, skipped)) => {
            load.annotations = annotations;
            load.problems.extend(
                skipped
                    .into_iter()
                    .map(|s| format!("{}: {s}", path.display())),
            );
        }
        Err(message) => {
            let (problem, backup) = super::backup::move_aside(path, "annotations", &message);
            load.problems.push(problem);
            load.backup = backup;
        }
    }
    load
}

/// Checks the annotations at `path` without touching the file (for `backstop check`).
/// A missing file is no problem.
pub fn check_annotations_file(path: &Path) -> Vec<super::Diagnostic> {
    let problem = |severity, message: String| {
        super::Diagnostic::file(
            ANNOTATIONS_FILE,
            severity,
            format!("{}: {message}", path.display()),
        )
    };
    let parsed = match read_file(path) {
        FileRead::Missing => return Vec::new(),
        FileRead::NotAFile(e) => return vec![problem(super::Severity::Error, e.to_string())],
        FileRead::Parsed(parsed) => parsed,
    };
    match parsed {
        Ok((_, skipped)) => skipped
            .into_iter()
            .map(|s| problem(super::Severity::Warning, s))
            .collect(),
        Err(reason) => vec![problem(
            super::Severity::Error,
            format!("cannot be read ({reason}); the app would keep it as a backup"),
        )],
    }
}

/// Writes annotations to `path` atomically.
pub fn save_annotations(path: &Path, annotations: &[Annotation]) -> std::io::Result<()> {
    let text =
        serde_json::to_string_pretty(&to_geojson(annotations)).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

fn point(p: LonLat) -> Value {
    json!([p[0], p[1]])
}

fn hex(colour: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", colour[0], colour[1], colour[2])
}

/// A geodesic circle as a closed ring of 64 points.
pub fn circle_ring(centre: LonLat, radius_km: f64) -> Vec<LonLat> {
    crate::geometry::geodesic_circle(centre, radius_km, 64)
}

/// Annotations as an RFC 7946 FeatureCollection. Circles and rectangles are written as
/// polygons (what other tools understand), with what Backstop needs to read them back.
pub fn to_geojson(annotations: &[Annotation]) -> Value {
    let features: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let mut properties = json!({
                "id": a.id,
                "kind": a.shape.kind(),
                "text": a.text,
                "colour": hex(a.style.colour),
                "width": a.style.width,
                "font_size": a.style.font_size,
                "fill": a.style.fill,
            });
            let geometry = match &a.shape {
                AnnotationShape::Text { at } => json!({"type": "Point", "coordinates": point(*at)}),
                AnnotationShape::Callout { at, number } => {
                    properties["number"] = json!(number);
                    json!({"type": "Point", "coordinates": point(*at)})
                }
                AnnotationShape::Arrow { from, to } => {
                    json!({"type": "LineString", "coordinates": [point(*from), point(*to)]})
                }
                AnnotationShape::Line { points }
                | AnnotationShape::Freehand { points }
                | AnnotationShape::Highlight { points } => {
                    json!({"type": "LineString", "coordinates": points.iter().map(|p| point(*p)).collect::<Vec<_>>()})
                }
                AnnotationShape::Rectangle { a, b } => {
                    let ring = [*a, [b[0], a[1]], *b, [a[0], b[1]], *a];
                    json!({"type": "Polygon", "coordinates": [ring.iter().map(|p| point(*p)).collect::<Vec<_>>()]})
                }
                AnnotationShape::Circle { centre, radius_km } => {
                    properties["centre"] = point(*centre);
                    properties["radius_km"] = json!(radius_km);
                    json!({"type": "Polygon", "coordinates": [circle_ring(*centre, *radius_km).iter().map(|p| point(*p)).collect::<Vec<_>>()]})
                }
            };
            json!({"type": "Feature", "properties": properties, "geometry": geometry})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

fn position(value: &Value) -> Option<LonLat> {
    let pair = value.as_array()?;
    let (lon, lat) = (pair.first()?.as_f64()?, pair.get(1)?.as_f64()?);
    ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some([lon, lat])
}

fn positions(value: &Value) -> Option<Vec<LonLat>> {
    value.as_array()?.iter().map(position).collect()
}

fn style(properties: &Map<String, Value>) -> AnnotationStyle {
    let defaults = AnnotationStyle::default();
    let number = |key: &str, default: f32, range: std::ops::RangeInclusive<f32>| {
        properties
            .get(key)
            .and_then(Value::as_f64)
            .map(|v| v as f32)
            .filter(|v| range.contains(v))
            .unwrap_or(default)
    };
    AnnotationStyle {
        colour: properties
            .get("colour")
            .and_then(Value::as_str)
            .and_then(crate::io::parse_hex_colour)
            .unwrap_or(defaults.colour),
        width: number("width", defaults.width, 0.5..=40.0),
        font_size: number("font_size", defaults.font_size, 6.0..=96.0),
        fill: properties
            .get("fill")
            .and_then(Value::as_bool)
            .unwrap_or(defaults.fill),
    }
}

fn shape(kind: &str, properties: &Map<String, Value>, geometry: &Value) -> Option<AnnotationShape> {
    let coordinates = geometry.get("coordinates")?;
    let first_ring = || positions(coordinates.as_array()?.first()?);
    Some(match kind {
        "text" => AnnotationShape::Text {
            at: position(coordinates)?,
        },
        "callout" => AnnotationShape::Callout {
            at: position(coordinates)?,
            number: properties
                .get("number")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(1),
        },
        "arrow" => {
            let points = positions(coordinates)?;
            AnnotationShape::Arrow {
                from: *points.first()?,
                to: *points.last()?,
            }
        }
        "line" => AnnotationShape::Line {
            points: positions(coordinates).filter(|p| p.len() >= 2)?,
        },
        "freehand" => AnnotationShape::Freehand {
            points: positions(coordinates).filter(|p| p.len() >= 2)?,
        },
        "highlight" => AnnotationShape::Highlight {
            points: positions(coordinates).filter(|p| p.len() >= 2)?,
        },
        "rectangle" => {
            let ring = first_ring()?;
            AnnotationShape::Rectangle {
                a: *ring.first()?,
                b: *ring.get(2)?,
            }
        }
        "circle" => AnnotationShape::Circle {
            centre: properties.get("centre").and_then(position)?,
            radius_km: properties
                .get("radius_km")
                .and_then(Value::as_f64)
                .filter(|r| *r > 0.0 && *r < 20_000.0)?,
        },
        _ => return None,
    })
}

/// Reads a FeatureCollection written by [`to_geojson`]. The error is for a file that is not
/// one at all; features that cannot be read are skipped and listed.
pub fn from_geojson(value: &Value) -> Result<(Vec<Annotation>, Vec<String>), String> {
    if value.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err("not a GeoJSON FeatureCollection".into());
    }
    let features = value
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| "\"features\" must be a list".to_owned())?;
    let mut annotations = Vec::new();
    let mut skipped = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        let empty = Map::new();
        let properties = feature
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let kind = properties.get("kind").and_then(Value::as_str).unwrap_or("");
        let parsed = feature
            .get("geometry")
            .and_then(|g| shape(kind, properties, g));
        let Some(shape) = parsed else {
            skipped.push(format!(
                "annotation {index} (kind \"{kind}\") could not be read and was left out"
            ));
            continue;
        };
        let id = properties.get("id").and_then(Value::as_u64).unwrap_or(0);
        let mut text = properties
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if crate::model::cut_text(&mut text, crate::model::MAX_TEXT_CHARS) {
            skipped.push(format!(
                "annotation {index}: its text was longer than {} characters and was cut there",
                crate::model::MAX_TEXT_CHARS
            ));
        }
        annotations.push(Annotation {
            id,
            shape,
            style: style(properties),
            text,
        });
    }
    // Ids must be unique for selection: renumber clashes.
    let mut seen = std::collections::HashSet::new();
    let mut next = annotations.iter().map(|a| a.id).max().unwrap_or(0) + 1;
    for annotation in &mut annotations {
        if !seen.insert(annotation.id) {
            annotation.id = next;
            seen.insert(next);
            next += 1;
        }
    }
    Ok((annotations, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Annotation> {
        let shapes = vec![
            AnnotationShape::Text { at: [30.5, 50.4] },
            AnnotationShape::Arrow {
                from: [30.0, 50.0],
                to: [31.0, 49.0],
            },
            AnnotationShape::Line {
                points: vec![[30.0, 50.0], [31.0, 49.5], [32.0, 49.0]],
            },
            AnnotationShape::Rectangle {
                a: [30.0, 50.0],
                b: [31.0, 49.0],
            },
            AnnotationShape::Circle {
                centre: [30.5, 50.4],
                radius_km: 100.0,
            },
            AnnotationShape::Freehand {
                points: vec![[30.0, 50.0], [30.1, 50.1]],
            },
            AnnotationShape::Callout {
                at: [33.0, 47.0],
                number: 3,
            },
            AnnotationShape::Highlight {
                points: vec![[30.0, 46.0], [31.0, 46.5]],
            },
        ];
        shapes
            .into_iter()
            .enumerate()
            .map(|(i, shape)| Annotation {
                id: i as u64 + 1,
                shape,
                style: AnnotationStyle::default(),
                text: format!("note {i}"),
            })
            .collect()
    }

    #[test]
    fn every_kind_of_annotation_survives_a_round_trip_through_geojson() {
        let annotations = every_kind();
        let (back, skipped) = from_geojson(&to_geojson(&annotations)).unwrap_or_default();
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(back, annotations);
    }

    #[test]
    fn a_corrupt_file_is_kept_as_a_backup_and_reported() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(ANNOTATIONS_FILE);
        std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": [")
            .unwrap_or_else(|e| panic!("{e}"));
        let load = load_annotations(&path);
        assert!(load.annotations.is_empty());
        assert_eq!(load.problems.len(), 1);
        let backup = load.backup.unwrap_or_default();
        assert!(backup.exists() && !path.exists());
        assert!(
            std::fs::read_to_string(backup)
                .unwrap_or_default()
                .starts_with("{\"type\"")
        );
    }
}
