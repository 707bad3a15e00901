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
