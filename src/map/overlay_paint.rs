//! Drawing the user's overlays (areas, lines, points in the overlay's colour) and finding
//! which of their features is under the pointer, touching only the chunks near it.

use egui::{Color32, Mesh, Painter, Pos2, Shape, Stroke};
use geo::{Contains, Geometry, Point};

use super::mesh_paint::{LineLook, append_fill, append_lines};
use super::scene_paint::visible_runs;
use super::{HOVER, SELECTION};
use crate::geometry::WorldPoint;
use crate::mesh::{FillMesh, LineMesh, WorldRect, WorldView, lines_of};
use crate::model::Selection;
use crate::overlay::UserLayer;
use crate::overlay::{Picture, ShownOverlay};

/// Fill opacity of user areas.
const FILL_ALPHA: f32 = 0.22;
use super::point_paint::{POINT_RADIUS, VisiblePoints};
/// How near the pointer must be to a line or point, points.
const HIT_TOLERANCE: f32 = 6.0;

fn colour(layer: &UserLayer) -> Color32 {
    Color32::from_rgb(layer.colour[0], layer.colour[1], layer.colour[2])
}

/// Paints the visible overlays, bottom first, and outlines the selected or hovered feature.
pub fn paint_user_overlays(
    painter: &Painter,
    view: &WorldView,
    overlays: &[ShownOverlay],
    selection: Option<&Selection>,
    hovered: Option<&Selection>,
    live: bool,
    as_of: Option<crate::model::Date>,
) {
    for overlay in overlays.iter().filter(|o| o.visible) {
        let layer = &overlay.layer;
        let (fill, lines) = if live {
            // A view never waits for a band: it draws the nearest one built while its
            // own is prepared in the background.
            let ctx = painter.ctx().clone();
            layer.prepare_band_for(view.zoom, move || ctx.request_repaint());
            let dense = crate::overlay::is_dense(layer, view);
            if dense {
                // Under the picture, until one made for this zoom is there: the coarsest
                // band, cheap at any zoom, so a zoomed-out view is never blank.
                let under = painter.add(Shape::Noop);
                match crate::overlay::paint_raster(painter, view, layer, &overlay.raster) {
                    Picture::ForThisZoom => layer.mark_drawn(),
                    Picture::None | Picture::ForAnotherZoom => {
                        let coarse = (layer.fill.built(0), layer.lines.built(0));
                        painter.set(under, overlay_mesh(painter, view, layer, coarse));
                    }
                }
                outline_selected(painter, view, layer, selection, hovered);
                continue;
            }
            if layer.is_ready_for(view.zoom) {
                layer.mark_drawn();
            }
            (
                layer.fill.nearest_built(view.zoom),
                layer.lines.nearest_built(view.zoom),
            )
        } else {
            (
                layer.fill.for_zoom(view.zoom),
                layer.lines.for_zoom(view.zoom),
            )
        };
        painter.add(overlay_mesh(painter, view, layer, (fill, lines)));
        super::point_paint::paint_points(painter, view, overlay, as_of);
        outline_selected(painter, view, layer, selection, hovered);
    }
}

/// The areas and lines of `meshes` in the layer's colour, or each feature's own look.
fn overlay_mesh(
    painter: &Painter,
    view: &WorldView,
    layer: &UserLayer,
    (fill, lines): (Option<&FillMesh>, Option<&LineMesh>),
) -> Shape {
    let ink = colour(layer);
    let mut mesh = Mesh::default();
    let rgba = |c: [u8; 4]| Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3]);
    if let Some(fill) = fill {
        let fill_colour = ink.gamma_multiply(FILL_ALPHA);
        append_fill(&mut mesh, view, fill, |feature| {
            layer
                .looks
                .get(&feature)
                .and_then(|l| l.fill)
                .map_or(fill_colour, |c| rgba(c).gamma_multiply(FILL_ALPHA / 0.5))
        });
    }
    if let Some(lines) = lines {
        let fringe = super::mesh_paint::line_fringe(painter);
        append_lines(&mut mesh, view, lines, fringe, |feature| {
            let look = layer.looks.get(&feature);
            LineLook {
                color: look.and_then(|l| l.stroke).map_or(ink, rgba),
                width: look
                    .and_then(|l| l.stroke_width)
                    .map_or(1.4, |w| w.clamp(0.5, 6.0)),
            }
        });
    }
    Shape::mesh(mesh)
}

fn outline_selected(
    painter: &Painter,
    view: &WorldView,
    layer: &UserLayer,
    selection: Option<&Selection>,
    hovered: Option<&Selection>,
) {
    for (selected, highlight) in [(selection, SELECTION), (hovered, HOVER)] {
        if let Some(Selection::User { layer: id, feature }) = selected
            && *id == layer.id
            && let Some(geometry) = layer.features.geometry(*feature)
        {
            outline(painter, view, geometry, highlight);
        }
    }
}

fn outline(painter: &Painter, view: &WorldView, geometry: &Geometry<f64>, colour: Color32) {
    use geo::CoordsIter;
    match geometry {
        Geometry::Point(_) | Geometry::MultiPoint(_) => {
            for c in geometry.coords_iter() {
                let p = view.lon_lat_to_screen(c.x, c.y);
                painter.circle_stroke(p, POINT_RADIUS + 3.0, Stroke::new(3.0, colour));
            }
        }
        _ => {
            for line in lines_of(geometry) {
                let points: Vec<Pos2> = line
                    .0
                    .iter()
                    .map(|c| view.lon_lat_to_screen(c.x, c.y))
                    .collect();
                for run in visible_runs(&points, view.screen.expand(10.0)) {
                    painter.add(Shape::line(run, Stroke::new(4.0, colour)));
                }
            }
        }
    }
}

fn near_line(view: &WorldView, line: &geo::LineString<f64>, pointer: Pos2) -> bool {
    line.0.windows(2).any(|pair| {
        let a = view.lon_lat_to_screen(pair[0].x, pair[0].y);
        let b = view.lon_lat_to_screen(pair[1].x, pair[1].y);
        let ab = b - a;
        let t = if ab.length_sq() > 0.0 {
            ((pointer - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        pointer.distance(a + ab * t) <= HIT_TOLERANCE
    })
}

/// The point under the pointer, or a cluster of one; a cluster of several is its own
/// handle (a click zooms into it).
fn point_at(
    view: &WorldView,
    overlay: &ShownOverlay,
    pointer: Pos2,
    as_of: Option<crate::model::Date>,
) -> Option<usize> {
    match super::point_paint::visible_points(view, overlay, as_of) {
        VisiblePoints::Single(points) => points
            .into_iter()
            .find(|(_, at)| at.distance(pointer) <= HIT_TOLERANCE)
            .map(|(row, _)| row),
        VisiblePoints::Clusters(clusters) => clusters
            .into_iter()
            .find(|c| c.count == 1 && view.to_screen(c.center).distance(pointer) <= HIT_TOLERANCE)
            .map(|c| c.feature),
    }
}

/// The topmost user feature under the pointer: points first, then lines, then areas.
pub fn user_feature_at(
    view: &WorldView,
    overlays: &[ShownOverlay],
    pointer: Pos2,
    as_of: Option<crate::model::Date>,
) -> Option<Selection> {
    let world = view.to_world(pointer);
    let reach = HIT_TOLERANCE as f64 / view.scale();
    let near = WorldRect {
        min: WorldPoint {
            x: world.x - reach,
            y: world.y - reach,
        },
        max: WorldPoint {
            x: world.x + reach,
            y: world.y + reach,
        },
    };
    let (lon, lat) = view.screen_to_lon_lat(pointer);
    for overlay in overlays.iter().rev().filter(|o| o.visible) {
        let layer = &overlay.layer;
        let pick = |feature: usize| {
            Some(Selection::User {
                layer: layer.id,
                feature,
            })
        };
        if let Some(feature) = point_at(view, overlay, pointer, as_of) {
            return pick(feature);
        }
        if let Some(lines) = layer.lines.nearest_built(view.zoom) {
            let mut candidates: Vec<usize> = lines
                .visible_chunks(&near)
                .into_iter()
                .map(|c| lines.chunks[c].feature)
                .collect();
            candidates.dedup();
            for feature in candidates {
                let Some(geometry) = layer.features.geometry(feature) else {
                    continue;
                };
                let is_line = matches!(
                    geometry,
                    Geometry::LineString(_) | Geometry::MultiLineString(_)
                );
                if is_line
                    && lines_of(geometry)
                        .iter()
                        .any(|l| near_line(view, l, pointer))
                {
                    return pick(feature);
                }
            }
        }
        if let Some(fill) = layer.fill.nearest_built(view.zoom) {
            let here = Point::new(lon, lat);
            let mut candidates: Vec<usize> = fill
                .visible_chunks(&near)
                .into_iter()
                .map(|c| fill.chunks[c].feature)
                .collect();
            candidates.dedup();
            for feature in candidates {
                if layer
                    .features
                    .geometry(feature)
                    .is_some_and(|g| g.contains(&here))
                {
                    return pick(feature);
                }
            }
        }
    }
    None
}
