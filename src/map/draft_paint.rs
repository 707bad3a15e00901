//! The hub being placed or moved in Edit mode: its symbol where the form puts it, ringed
//! as a draft, with a dashed line back to where the file has it.

use egui::{Align2, Color32, FontId, Painter, Rect, Shape, Stroke};

use super::scene_paint::HUB_SYMBOL;
use super::symbols::{HubMark, paint_hub_symbol};
use crate::io::authoring::HubDraft;
use crate::mesh::WorldView;
use crate::model::Scenario;

/// The draft's colour: the selection's amber, so it reads as "being edited".
const DRAFT: Color32 = Color32::from_rgb(235, 150, 0);

/// Paints `draft` over the hubs.
pub fn paint_hub_draft(painter: &Painter, view: &WorldView, draft: &HubDraft, scenario: &Scenario) {
    let at = view.lon_lat_to_screen(draft.lon, draft.lat);
    let saved = draft
        .original_id
        .as_deref()
        .and_then(|id| scenario.hub(id))
        .map(|hub| view.lon_lat_to_screen(hub.lon, hub.lat));
    if let Some(from) = saved
        && from.distance(at) > 2.0
    {
        painter.extend(Shape::dashed_line(
            &[from, at],
            Stroke::new(1.5, DRAFT),
            5.0,
            4.0,
        ));
        painter.circle_stroke(from, 4.0, Stroke::new(1.5, DRAFT));
    }
    let symbol = Rect::from_center_size(at, HUB_SYMBOL);
    painter.rect_stroke(
        symbol.expand(4.0),
        3.0,
        Stroke::new(2.5, DRAFT),
        egui::StrokeKind::Outside,
    );
    let mark = HubMark {
        kind: draft.kind,
        status: draft.status,
        planned: false,
    };
    paint_hub_symbol(painter, symbol, mark, &draft.lead);
    super::halo_text(
        painter,
        symbol.center_bottom() + egui::vec2(0.0, 8.0),
        Align2::CENTER_TOP,
        draft.name.trim(),
        FontId::proportional(12.0),
        Color32::BLACK,
        Color32::WHITE,
    );
}

/// Paints a shape being drawn (each ring, its points, the outline closing back to its
/// start) or a drawn feature not yet written, in the draft colour.
pub fn paint_sketch(painter: &Painter, view: &WorldView, rings: &[Vec<[f64; 2]>], closed: bool) {
    let stroke = Stroke::new(2.0, DRAFT);
    for ring in rings {
        let points: Vec<egui::Pos2> = ring
            .iter()
            .map(|p| view.lon_lat_to_screen(p[0], p[1]))
            .collect();
        if points.len() >= 2 {
            painter.add(Shape::line(points.clone(), stroke));
        }
        if closed
            && points.len() >= 3
            && let (Some(first), Some(last)) = (points.first(), points.last())
        {
            painter.extend(Shape::dashed_line(&[*last, *first], stroke, 5.0, 4.0));
        }
        for point in &points {
            painter.circle(*point, 3.5, Color32::WHITE, stroke);
        }
    }
}

/// The rings of a geometry as lon/lat points, for [`paint_sketch`].
pub fn geometry_rings(geometry: &geo::Geometry<f64>) -> Vec<Vec<[f64; 2]>> {
    let ring = |line: &geo::LineString<f64>| line.coords().map(|c| [c.x, c.y]).collect();
    match geometry {
        geo::Geometry::Point(p) => vec![vec![[p.x(), p.y()]]],
        geo::Geometry::LineString(line) => vec![ring(line)],
        geo::Geometry::Polygon(polygon) => std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .map(ring)
            .collect(),
        _ => Vec::new(),
    }
}

/// Small hollow squares where a click adds a point to the feature being edited.
pub fn paint_mid_points(painter: &Painter, view: &WorldView, points: &[[f64; 2]]) {
    for point in points {
        let at = view.lon_lat_to_screen(point[0], point[1]);
        painter.rect(
            Rect::from_center_size(at, egui::vec2(6.0, 6.0)),
            0.0,
            Color32::from_rgba_unmultiplied(255, 255, 255, 200),
            Stroke::new(1.2, DRAFT),
            egui::StrokeKind::Middle,
        );
    }
}
