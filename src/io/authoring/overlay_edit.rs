//! Overlay features drawn in Edit mode (points, lines, areas with holes), checked by the
//! reader `backstop check` uses and written into their layer's GeoJSON; and new overlay
//! layers, added to scenario.toml in place.

use geo::{Coord, Geometry, LineString, Point, Polygon};
use serde_json::{Map, Value};
use toml_edit::{DocumentMut, InlineTable, Item, Table};

use super::geojson_doc::GeoJsonDocument;
use super::sources::{FeatureText, SourceDraft, feature_properties, text_or_null};
use crate::io::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{OverlayKind, Scenario, Status};

/// What is being drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SketchShape {
    /// One click.
    Point,
    /// Two clicks or more.
    Line,
    /// An outline of three points or more, and holes in it.
    Area,
}

/// A shape being drawn: its rings of lon/lat points (the first is the outline).
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// The layer it goes into (its id).
    pub layer: String,
    /// Point, line or area.
    pub shape: SketchShape,
    /// The outline, then each hole; the last ring is the one being drawn.
    pub rings: Vec<Vec<[f64; 2]>>,
}

impl Sketch {
    /// The geometry drawn so far, when it is one (a line needs two points, an area's
    /// rings three each; a hole with fewer is left out).
    pub fn geometry(&self) -> Option<Geometry<f64>> {
        let coords = |ring: &[[f64; 2]]| -> Vec<Coord<f64>> {
            ring.iter().map(|p| Coord { x: p[0], y: p[1] }).collect()
        };
        let first = self.rings.first()?;
        match self.shape {
            SketchShape::Point => first
                .first()
                .map(|p| Geometry::Point(Point::new(p[0], p[1]))),
            SketchShape::Line if first.len() >= 2 => {
                Some(Geometry::LineString(LineString::new(coords(first))))
            }
            SketchShape::Area if first.len() >= 3 => {
                let holes = self.rings[1..]
                    .iter()
                    .filter(|r| r.len() >= 3)
                    .map(|r| LineString::new(coords(r)))
                    .collect();
                Some(Geometry::Polygon(Polygon::new(
                    LineString::new(coords(first)),
                    holes,
                )))
            }
            _ => None,
        }
    }
}

/// Every property of an overlay feature as the form shows it, with its geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureDraft {
    /// The layer's file, relative to the scenario folder.
    pub file: String,
    /// The id in the file, or `None` for a feature not yet written.
    pub original_id: Option<String>,
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it shows.
    pub kind: OverlayKind,
    /// Who runs it.
    pub operator: String,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<SourceDraft>,
    /// Free text; an illustrative feature's statement.
    pub description: String,
    /// A date or a phase id, or empty.
    pub valid_from: String,
    /// A date or a phase id, or empty.
    pub valid_to: String,
    /// Lon/lat degrees.
    pub geometry: Geometry<f64>,
}

impl FeatureDraft {
    /// A new feature of `geometry` for the layer whose file is `file`, with an id no
    /// feature of `scenario` has; illustrative until the form says more.
    pub fn new_in(
        file: &str,
        kind: OverlayKind,
        geometry: Geometry<f64>,
        scenario: &Scenario,
    ) -> Self {
        let taken = |id: &str| {
            scenario.hub(id).is_some() || scenario.overlay_features().any(|(_, f)| f.id == id)
        };
        let id = (1..)
            .map(|n| format!("new-{}-{n}", kind.keyword().replace('_', "-")))
            .find(|id| !taken(id))
            .unwrap_or_default();
        Self {
            file: file.to_owned(),
            original_id: None,
            id,
            name: format!("New {}", kind.label().to_lowercase()),
            kind,
            operator: String::new(),
            status: Status::Illustrative,
            sources: Vec::new(),
            description: String::new(),
            valid_from: String::new(),
            valid_to: String::new(),
            geometry,
        }
    }

    /// The form's copy of a loaded feature of the layer whose file is `file`.
    pub fn of(feature: &crate::model::OverlayFeature, file: &str) -> Self {
        let validity = |v: &Option<crate::model::Validity>| match v {
            Some(crate::model::Validity::Date(date)) => date.to_string(),
            Some(crate::model::Validity::Phase(id)) => id.clone(),
            None => String::new(),
        };
        Self {
            file: file.to_owned(),
            original_id: Some(feature.id.clone()),
            id: feature.id.clone(),
            name: feature.name.clone(),
            kind: feature.kind,
            operator: feature.operator.clone(),
            status: feature.status,
            sources: feature.sources.iter().map(SourceDraft::of).collect(),
            description: feature.description.clone(),
            valid_from: validity(&feature.valid_from),
            valid_to: validity(&feature.valid_to),
            geometry: feature.geometry.clone(),
        }
    }

    /// The properties the file will hold; empty optional fields are null (removed).
    pub fn properties(&self) -> Map<String, Value> {
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
            vec![("operator", text_or_null(&self.operator))],
        )
    }

    /// The geometry as GeoJSON, rounded to 1e-6° (about 10 cm), as hand-written files
    /// give positions: a click on the map is not more precise than that.
    fn geometry_json(&self) -> Value {
        use geo::MapCoords;
        let round = |v: f64| (v * 1e6).round() / 1e6;
        let rounded = self.geometry.map_coords(|c| Coord {
            x: round(c.x),
            y: round(c.y),
        });
        serde_json::to_value(geojson::Geometry::from(&rounded)).unwrap_or(Value::Null)
    }
}

/// Everything wrong with `draft` as a feature of its layer, by the reader `backstop
/// check` uses; an illustrative feature must also say what it rests on.
pub fn check_feature_draft(
    draft: &FeatureDraft,
    scenario: &Scenario,
    document: &GeoJsonDocument,
) -> Vec<Diagnostic> {
    let raw = document.draft_feature(
        draft.original_id.as_deref(),
        draft.properties(),
        draft.geometry_json(),
    );
    let index = raw.index;
    let phase_ids = crate::io::load::phase_ids(scenario);
    let mut out = Vec::new();
    crate::io::features::read_overlay(&draft.file, &[raw], &phase_ids, &mut out);
    let at = |field: &str| Location::Record {
        what: "feature",
        index,
        id: Some(draft.id.trim().to_owned()),
        field: Some(field.into()),
    };
    if draft.status == Status::Illustrative && draft.description.trim().is_empty() {
        out.push(Diagnostic {
            file: draft.file.clone(),
            location: at("description"),
            severity: Severity::Error,
            message: "an illustrative feature must say what statement it rests on (description)"
                .into(),
        });
    }
    let id = draft.id.trim();
    let used = scenario.hub(id).is_some()
        || scenario
            .overlay_features()
            .any(|(_, f)| f.id == id && Some(id) != draft.original_id.as_deref());
    if !id.is_empty() && used {
        out.push(Diagnostic {
            file: draft.file.clone(),
            location: at("id"),
            severity: Severity::Error,
            message: "another feature of the scenario has this id".into(),
        });
    }
    out
}

/// `text` (the layer's file; empty for a file not yet made) with `draft` written in.
pub fn write_feature(text: &str, draft: &FeatureDraft) -> Result<String, String> {
    let mut document = if text.trim().is_empty() {
        GeoJsonDocument::empty()
    } else {
        GeoJsonDocument::parse(text)?
    };
    document.write_draft(
        draft.original_id.as_deref(),
        draft.properties(),
        draft.geometry_json(),
    )?;
    Ok(document.to_text())
}

/// A new overlay layer: its entry in scenario.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerDraft {
    /// Unique id.
    pub id: String,
    /// Title in the layer list and legend.
    pub title: String,
    /// Its file, e.g. `overlays/sensors.geojson`.
    pub file: String,
    /// Stroke colour `#rrggbb`.
    pub stroke: String,
    /// Fill colour `#rrggbb`.
    pub fill: String,
    /// Fill opacity, 0..=1.
    pub fill_opacity: f64,
    /// Stroke width in points.
    pub width: f64,
    /// Dashed outline.
    pub dashed: bool,
}

impl LayerDraft {
    /// A layer titled `title`, with an id and a file name made from it that no layer
    /// of `scenario` uses.
    pub fn titled(title: &str, scenario: &Scenario) -> Self {
        let slug: String = title
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let slug = if slug.is_empty() {
            "layer".to_owned()
        } else {
            slug
        };
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    slug.clone()
                } else {
                    format!("{slug}-{n}")
                }
            })
            .find(|id| scenario.layer(id).is_none())
            .unwrap_or(slug);
        Self {
            file: format!("overlays/{id}.geojson"),
            id,
            title: title.trim().to_owned(),
            stroke: "#6a3d9a".into(),
            fill: "#cab2d6".into(),
            fill_opacity: 0.2,
            width: 1.5,
            dashed: false,
        }
    }
}

/// `text` (scenario.toml) with a `[[layers]]` entry for `layer` added at the end, its
/// style on one line as the built-in file writes it.
pub fn add_layer(text: &str, layer: &LayerDraft) -> Result<String, String> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e| format!("scenario.toml cannot be edited: {e}"))?;
    if !document.contains_key("layers") {
        document.insert("layers", Item::ArrayOfTables(Default::default()));
    }
    let layers = document
        .get_mut("layers")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| "\"layers\" is not a list of [[layers]] tables".to_owned())?;
    let mut table = Table::new();
    table.insert("id", toml_edit::value(layer.id.as_str()));
    table.insert("title", toml_edit::value(layer.title.as_str()));
    table.insert("file", toml_edit::value(layer.file.as_str()));
    table.insert("kind", toml_edit::value("overlay"));
    table.insert("visible", toml_edit::value(true));
    let mut style = InlineTable::new();
    style.insert("stroke", layer.stroke.as_str().into());
    style.insert("fill", layer.fill.as_str().into());
    style.insert("fill_opacity", layer.fill_opacity.into());
    style.insert("width", layer.width.into());
    if layer.dashed {
        style.insert("dashed", true.into());
    }
    style.fmt();
    table.insert("style", toml_edit::value(style));
    table.decor_mut().set_prefix("\n");
    layers.push(table);
    Ok(document.to_string())
}
