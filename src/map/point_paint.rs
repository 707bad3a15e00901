//! A user overlay's points: clustered and counted at low zoom, single symbols close in,
//! coloured by the chosen property and filtered by the chosen values and the timeline.

use egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Shape, epaint::Vertex};

use crate::mesh::{WorldRect, WorldView};
use crate::model::Date;
use crate::overlay::{
    Cluster, MAX_SINGLE_POINTS, PointFilter, SINGLE_POINTS_ZOOM, ShownOverlay, cluster_radius,
    count_label,
};

/// A single point's radius, points.
pub const POINT_RADIUS: f32 = 3.5;

/// What a view shows of a layer's points.
pub enum VisiblePoints {
    /// Each point: its feature and where it is on screen.
    Single(Vec<(usize, Pos2)>),
    /// Clusters in view (a cluster of one is a point).
    Clusters(Vec<Cluster>),
}

/// The points of `overlay` that `view` shows, at the timeline's `as_of`.
pub fn visible_points(
    view: &WorldView,
    overlay: &ShownOverlay,
    as_of: Option<Date>,
) -> VisiblePoints {
    let layer = &overlay.layer;
    let filter = PointFilter::new(layer, &overlay.points, as_of);
    let area = view.screen.expand(POINT_RADIUS);
    if view.zoom >= SINGLE_POINTS_ZOOM || layer.points.len() <= 1 {
        let mut single = Vec::new();
        let world = view.visible_world(POINT_RADIUS);
        for (row, point) in layer.points_between(world.min.x, world.max.x) {
            let p = view.to_screen(*point);
            if area.contains(p) && filter.passes(*row) {
                single.push((*row, p));
                if single.len() > MAX_SINGLE_POINTS {
                    break;
                }
            }
        }
        if single.len() <= MAX_SINGLE_POINTS {
            return VisiblePoints::Single(single);
        }
    }
    let level = view.zoom.floor().clamp(0.0, 20.0) as i32;
    let Ok(mut cache) = overlay.clusters.lock() else {
        return VisiblePoints::Clusters(Vec::new());
    };
    let visible = view.visible_world(40.0);
    let clusters = cache
        .clusters(level, &filter)
        .iter()
        .filter(|c| in_rect(&visible, c))
        .cloned()
        .collect();
    VisiblePoints::Clusters(clusters)
}

fn in_rect(rect: &WorldRect, cluster: &Cluster) -> bool {
    let p = cluster.center;
    p.x >= rect.min.x && p.x <= rect.max.x && p.y >= rect.min.y && p.y <= rect.max.y
}

fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Paints the points of `overlay`.
pub fn paint_points(
    painter: &Painter,
    view: &WorldView,
    overlay: &ShownOverlay,
    as_of: Option<Date>,
) {
    let layer = &overlay.layer;
    if layer.points.is_empty() {
        return;
    }
    let filter = PointFilter::new(layer, &overlay.points, as_of);
    // A feature's own marker colour (KML, simplestyle) wins unless the user colours by
    // a property.
    let colour_of = |row: usize| {
        let own = layer
            .looks
            .get(&row)
            .and_then(|l| l.marker.or(l.stroke))
            .filter(|_| overlay.points.colour_by.is_none());
        own.map_or_else(
            || rgb(filter.colour(row)),
            |c| Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3]),
        )
    };
    match visible_points(view, overlay, as_of) {
        VisiblePoints::Single(points) => {
            let mut mesh = Mesh::default();
            for (row, at) in points {
                disc(&mut mesh, at, POINT_RADIUS + 1.0, Color32::WHITE);
                disc(&mut mesh, at, POINT_RADIUS, colour_of(row));
            }
            painter.add(Shape::mesh(mesh));
        }
        VisiblePoints::Clusters(clusters) => {
            let mut mesh = Mesh::default();
            let mut counts = Vec::new();
            for cluster in &clusters {
                let at = view.to_screen(cluster.center);
                if cluster.count == 1 {
                    disc(&mut mesh, at, POINT_RADIUS + 1.0, Color32::WHITE);
                    disc(&mut mesh, at, POINT_RADIUS, colour_of(cluster.feature));
                    continue;
                }
                let radius = cluster_radius(cluster.count);
                disc(&mut mesh, at, radius + 1.5, Color32::WHITE);
                disc(
                    &mut mesh,
                    at,
                    radius,
                    rgb(cluster.colour).gamma_multiply(0.85),
                );
                counts.push((at, count_label(cluster.count), ink_on(cluster.colour)));
            }
            painter.add(Shape::mesh(mesh));
            for (at, text, ink) in counts {
                painter.text(
                    at,
                    Align2::CENTER_CENTER,
                    text,
                    FontId::proportional(11.0),
                    ink,
                );
            }
        }
    }
}

/// The count's colour on a cluster of `fill`: dark on light fills (the palette's yellow,
/// sky blue), white on the rest.
fn ink_on(fill: [u8; 3]) -> Color32 {
    let [r, g, b] = fill.map(f32::from);
    let luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
    if luminance > 0.6 {
        Color32::from_rgb(20, 20, 20)
    } else {
        Color32::WHITE
    }
}

/// A filled circle as a fan of triangles, added to `mesh` (one shape for thousands of
/// points, rather than a shape each).
fn disc(mesh: &mut Mesh, at: Pos2, radius: f32, colour: Color32) {
    let segments: u32 = if radius < 6.0 { 10 } else { 24 };
    let centre = mesh.vertices.len() as u32;
    let vertex = |pos: Pos2| Vertex {
        pos,
        uv: egui::epaint::WHITE_UV,
        color: colour,
    };
    mesh.vertices.push(vertex(at));
    for i in 0..segments {
        let angle = i as f32 / segments as f32 * std::f32::consts::TAU;
        mesh.vertices
            .push(vertex(at + radius * egui::vec2(angle.cos(), angle.sin())));
    }
    for i in 0..segments {
        mesh.indices
            .extend_from_slice(&[centre, centre + 1 + i, centre + 1 + (i + 1) % segments]);
    }
}
