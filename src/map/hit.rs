//! What is under the pointer: overlay features (top layer first), then countries.

use egui::Pos2;
use geo::{Contains, Point};

use crate::basemap::Basemap;
use crate::mesh::WorldView;
use crate::model::Selection;
use crate::model::{LayerKind, Scenario};
use crate::scene::Scene;

/// How close, in points, the pointer must be to a line to be over it.
const LINE_TOLERANCE: f32 = 6.0;

/// The overlay feature or country at `pointer`, if any. Lines win over areas in the same
/// layer; upper layers win over lower ones; countries come last and only those in the
/// scenario's nations.
pub fn feature_at(
    view: &WorldView,
    scenario: &Scenario,
    scene: &Scene,
    visible: &[bool],
    presence: Option<&crate::analysis::PresenceMap>,
    basemap: &Basemap,
    pointer: Pos2,
) -> Option<Selection> {
    let shown = |layer: usize, feature: usize| {
        presence.is_none_or(|p| p.feature(layer, feature) != crate::analysis::Presence::Hidden)
    };
    let (lon, lat) = view.screen_to_lon_lat(pointer);
    let point = Point::new(lon, lat);
    for (index, layer) in scenario.layers.iter().enumerate().rev() {
        if layer.kind == LayerKind::Hubs || !visible.get(index).copied().unwrap_or(false) {
            continue;
        }
        let Some(layer_scene) = scene.layers.get(index) else {
            continue;
        };
        let near_line = layer
            .features
            .iter()
            .zip(&layer_scene.lines)
            .enumerate()
            .filter(|(i, _)| shown(index, *i))
            .map(|(_, pair)| pair)
            .find(|(feature, lines)| {
                !matches!(
                    feature.geometry,
                    geo::Geometry::Polygon(_) | geo::Geometry::MultiPolygon(_)
                ) && lines.lines.iter().any(|line| {
                    line.windows(2).any(|pair| {
                        distance_to_segment(
                            pointer,
                            view.to_screen(pair[0]),
                            view.to_screen(pair[1]),
                        ) <= LINE_TOLERANCE
                    })
                })
            });
        let hit = near_line.map(|(f, _)| f).or_else(|| {
            layer
                .features
                .iter()
                .enumerate()
                .filter(|(i, _)| shown(index, *i))
                .map(|(_, feature)| feature)
                .find(|feature| match &feature.geometry {
                    geo::Geometry::Polygon(p) => p.contains(&point),
                    geo::Geometry::MultiPolygon(mp) => mp.contains(&point),
                    _ => false,
                })
        });
        if let Some(feature) = hit {
            return Some(Selection::Feature {
                layer: layer.id.clone(),
                id: feature.id.clone(),
            });
        }
    }
    country_at(basemap, scenario, lon, lat).map(Selection::Nation)
}

/// The scenario nation whose country contains lon/lat.
pub fn country_at(basemap: &Basemap, scenario: &Scenario, lon: f64, lat: f64) -> Option<String> {
    let point = Point::new(lon, lat);
    let detailed = basemap
        .country_fill
        .features()
        .iter()
        .map(|(i, g)| (basemap.country_iso.get(*i), g));
    let world = basemap.world();
    let everywhere = world
        .fill
        .features()
        .iter()
        .map(|(i, g)| (world.iso.get(*i), g));
    detailed
        .chain(everywhere)
        .filter_map(|(iso, geometry)| Some((iso?, geometry)))
        .filter(|(iso, _)| scenario.nation(iso).is_some())
        .find(|(_, geometry)| geometry.contains(&point))
        .map(|(iso, _)| iso.clone())
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq == 0.0 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn distance_to_a_segment_is_measured_to_its_nearest_point() {
        assert_eq!(
            distance_to_segment(pos2(5.0, 3.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            3.0
        );
        assert_eq!(
            distance_to_segment(pos2(-4.0, 3.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            5.0
        );
    }
}
