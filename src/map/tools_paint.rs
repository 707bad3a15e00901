//! Drawing the Measure tool's path and the range rings: geodesics and geodesic circles,
//! so what is drawn is what is on the ground, with their figures beside them.

use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke};

use super::MapStyle;
use super::labels::halo_text;
use super::scene_paint::visible_runs;
use crate::analysis::{MapTools, Measurement, PlacedRings};
use crate::geometry::{geodesic_circle, geodesic_path};
use crate::mesh::WorldView;

/// The measuring ink: strong, and unlike any layer's colour.
const MEASURE: Color32 = Color32::from_rgb(220, 0, 120);
/// Range ring ink.
const RINGS: Color32 = Color32::from_rgb(90, 30, 140);

fn screen_line(view: &WorldView, points: &[[f64; 2]]) -> Vec<Pos2> {
    points
        .iter()
        .map(|p| view.lon_lat_to_screen(p[0], p[1]))
        .collect()
}

fn stroke_runs(
    painter: &Painter,
    view: &WorldView,
    points: &[Pos2],
    stroke: Stroke,
    halo: Color32,
) {
    for run in visible_runs(points, view.screen.expand(40.0)) {
        painter.add(Shape::line(
            run.clone(),
            Stroke::new(stroke.width + 3.0, halo),
        ));
        painter.add(Shape::line(run, stroke));
    }
}

/// Paints the measurement and the rings.
pub fn paint_tools(painter: &Painter, view: &WorldView, tools: &MapTools, style: &MapStyle) {
    for rings in &tools.rings {
        paint_rings(painter, view, rings, style);
    }
    paint_measurement(painter, view, &tools.measurement, style);
    if let Some(marker) = &tools.marker {
        paint_marker(painter, view, marker, style);
    }
}

/// Colour of a dropped marker: a red that no layer uses.
const MARKER: Color32 = Color32::from_rgb(200, 20, 60);

/// A pin whose point is on the position, and what was searched beside it.
fn paint_marker(
    painter: &Painter,
    view: &WorldView,
    marker: &crate::analysis::Marker,
    style: &MapStyle,
) {
    let at = view.lon_lat_to_screen(marker.at[0], marker.at[1]);
    if !view.screen.expand(40.0).contains(at) {
        return;
    }
    let head = at - egui::vec2(0.0, 14.0);
    painter.add(Shape::convex_polygon(
        vec![
            at,
            head + egui::vec2(-5.0, 3.0),
            head + egui::vec2(5.0, 3.0),
        ],
        MARKER,
        Stroke::NONE,
    ));
    painter.circle(head, 6.0, MARKER, Stroke::new(1.5, Color32::WHITE));
    painter.circle_filled(head, 2.0, Color32::WHITE);
    // Above and right of the pin's head: the place it marks (a city's own label, say)
    // is written to the right of the point itself.
    halo_text(
        painter,
        head + egui::vec2(8.0, -3.0),
        Align2::LEFT_BOTTOM,
        &marker.label,
        FontId::proportional(12.0),
        MARKER,
        style.label_halo,
    );
}

fn paint_rings(painter: &Painter, view: &WorldView, rings: &PlacedRings, style: &MapStyle) {
    let centre = view.lon_lat_to_screen(rings.centre[0], rings.centre[1]);
    for radius in &rings.radii_km {
        let ring = geodesic_circle(rings.centre, *radius, 180);
        let points = screen_line(view, &ring);
        for run in visible_runs(&points, view.screen.expand(40.0)) {
            painter.extend(Shape::dashed_line(&run, Stroke::new(1.8, RINGS), 9.0, 5.0));
        }
        // The label sits on the ring's northernmost point.
        if let Some(north) = points.first()
            && view.screen.contains(*north)
        {
            halo_text(
                painter,
                *north,
                Align2::CENTER_BOTTOM,
                &format!("{radius} km"),
                FontId::proportional(12.0),
                RINGS,
                style.label_halo,
            );
        }
    }
    painter.line_segment(
        [centre - egui::vec2(6.0, 0.0), centre + egui::vec2(6.0, 0.0)],
        Stroke::new(2.0, RINGS),
    );
    painter.line_segment(
        [centre - egui::vec2(0.0, 6.0), centre + egui::vec2(0.0, 6.0)],
        Stroke::new(2.0, RINGS),
    );
    // The name goes under the innermost ring, clear of the hub's own label.
    let south = rings
        .radii_km
        .first()
        .map(|r| geodesic_circle(rings.centre, *r, 4))
        .and_then(|ring| ring.get(2).copied())
        .map_or(centre, |p| view.lon_lat_to_screen(p[0], p[1]));
    if view.screen.contains(south) {
        halo_text(
            painter,
            south + egui::vec2(0.0, 3.0),
            Align2::CENTER_TOP,
            &rings.name,
            FontId::proportional(12.0),
            RINGS,
            style.label_halo,
        );
    }
}

fn paint_measurement(painter: &Painter, view: &WorldView, m: &Measurement, style: &MapStyle) {
    let path = m.path();
    let legs = m.legs();
    for (pair, leg) in path.windows(2).zip(&legs) {
        let curve = geodesic_path(pair[0], pair[1], 32);
        let points = screen_line(view, &curve);
        stroke_runs(
            painter,
            view,
            &points,
            Stroke::new(2.5, MEASURE),
            style.label_halo,
        );
        if let Some(middle) = points.get(points.len() / 2)
            && view.screen.contains(*middle)
        {
            halo_text(
                painter,
                *middle + egui::vec2(6.0, -4.0),
                Align2::LEFT_BOTTOM,
                &format!(
                    "{:.1} km · {:.0}° · {:.0} mil",
                    leg.km,
                    leg.bearing_deg,
                    leg.mils()
                ),
                FontId::proportional(12.0),
                MEASURE,
                style.label_halo,
            );
        }
    }
    for point in &m.points {
        let p = view.lon_lat_to_screen(point[0], point[1]);
        painter.circle(p, 4.5, style.label_halo, Stroke::new(2.0, MEASURE));
    }
    if let Some(last) = m.points.last()
        && m.points.len() > 1
    {
        let p = view.lon_lat_to_screen(last[0], last[1]);
        let mut text = format!("Total {:.1} km", m.total_km());
        if let Some(area) = m.area_km2() {
            text.push_str(&format!("\nArea {area:.0} km²"));
        }
        halo_text(
            painter,
            p + egui::vec2(8.0, 6.0),
            Align2::LEFT_TOP,
            &text,
            FontId::proportional(14.0),
            MEASURE,
            style.label_halo,
        );
    }
}
