//! The scenario prepared for drawing: overlay areas triangulated and lines projected once.

use std::collections::HashMap;

use geo::Geometry;

use crate::geometry::{WorldPoint, lon_lat_to_world};
use crate::mesh::{FillBands, WorldRect};
use crate::model::{LayerKind, RoleCategory, Scenario};

/// An overlay feature's outline or line, in world units.
#[derive(Debug, Clone, Default)]
pub struct FeatureLines {
    /// Polylines (closed rings repeat their first point).
    pub lines: Vec<Vec<WorldPoint>>,
}

/// One scenario layer prepared for drawing.
#[derive(Debug, Default)]
pub struct LayerScene {
    /// A point inside or on each feature, for its handle and tooltip, by feature index.
    pub anchors: Vec<WorldPoint>,
    /// Triangulated areas of its polygon features, by feature index.
    pub fill: FillBands,
    /// Outlines and lines, by feature index.
    pub lines: Vec<FeatureLines>,
    /// Each feature's extent in world units, by feature index (for the legend).
    pub bounds: Vec<Option<WorldRect>>,
}

/// Every scenario layer prepared for drawing, in the scenario's layer order.
#[derive(Debug, Default)]
pub struct Scene {
    /// Aligned with `Scenario::layers`.
    pub layers: Vec<LayerScene>,
    /// Hub positions in world units, aligned with `Scenario::hubs`.
    pub hubs: Vec<WorldPoint>,
    /// Each nation's colour category on the coalition layer, by ISO code.
    pub nation_categories: HashMap<String, RoleCategory>,
}

impl Scene {
    /// Prepares `scenario` for drawing.
    pub fn build(scenario: &Scenario) -> Self {
        let layers = scenario
            .layers
            .iter()
            .map(|layer| {
                if layer.kind == LayerKind::Hubs {
                    return LayerScene::default();
                }
                let geometries: Vec<(usize, Geometry<f64>)> = layer
                    .features
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (i, f.geometry.clone()))
                    .collect();
                let anchors: Vec<WorldPoint> =
                    layer.features.iter().map(|f| anchor(&f.geometry)).collect();
                let lines: Vec<FeatureLines> = layer
                    .features
                    .iter()
                    .map(|f| project_lines(&f.geometry))
                    .collect();
                let bounds = lines
                    .iter()
                    .zip(&anchors)
                    .map(|(l, a)| WorldRect::around(l.lines.iter().flatten().copied().chain([*a])))
                    .collect();
                LayerScene {
                    anchors,
                    fill: FillBands::new(geometries),
                    lines,
                    bounds,
                }
            })
            .collect();
        let nation_categories = scenario
            .nations
            .iter()
            .filter_map(|n| Some((n.iso.clone(), RoleCategory::of(&n.roles)?)))
            .collect();
        Self {
            nation_categories,
            layers,
            hubs: scenario
                .hubs
                .iter()
                .map(|h| lon_lat_to_world(h.lon, h.lat))
                .collect(),
        }
    }
}

/// A point on a line (its middle vertex) or inside an area.
fn anchor(geometry: &Geometry<f64>) -> WorldPoint {
    use geo::InteriorPoint;
    let point = match geometry {
        Geometry::LineString(line) => line.0.get(line.0.len() / 2).map(|c| geo::Point(*c)),
        Geometry::MultiLineString(lines) => lines
            .0
            .first()
            .and_then(|line| line.0.get(line.0.len() / 2))
            .map(|c| geo::Point(*c)),
        other => other.interior_point(),
    };
    point.map_or_else(WorldPoint::default, |p| lon_lat_to_world(p.x(), p.y()))
}

fn project(line: &geo::LineString<f64>) -> Vec<WorldPoint> {
    line.0.iter().map(|c| lon_lat_to_world(c.x, c.y)).collect()
}

fn project_lines(geometry: &Geometry<f64>) -> FeatureLines {
    let lines = match geometry {
        Geometry::LineString(l) => vec![project(l)],
        Geometry::MultiLineString(ml) => ml.0.iter().map(project).collect(),
        Geometry::Polygon(p) => std::iter::once(p.exterior())
            .chain(p.interiors())
            .map(project)
            .collect(),
        Geometry::MultiPolygon(mp) => {
            mp.0.iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(project)
                .collect()
        }
        _ => Vec::new(),
    };
    FeatureLines { lines }
}
