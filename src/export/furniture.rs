//! The parts of a briefing picture around the map: the caption's box, the north arrow,
//! a printed page's stated scale, and the sources and credit lines.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, vec2};

use super::ExportView;
use crate::map::MapStyle;
use crate::mesh::WorldView;
use crate::scene::Picture;

/// "Sources: …": every source of the scenario, cited.
pub fn sources_line(picture: &Picture) -> String {
    let sources: Vec<String> = picture
        .scenario
        .sources
        .iter()
        .map(crate::model::Source::citation)
        .collect();
    format!("Sources: {}", sources.join("; "))
}

/// "Prepared by … · basemap attribution · Backstop".
pub fn credit_line(picture: &Picture) -> String {
    let prepared_by = &picture.text.prepared_by;
    format!(
        "{}{} · Backstop",
        if prepared_by.is_empty() {
            String::new()
        } else {
            format!("Prepared by {prepared_by} · ")
        },
        crate::map::attribution(
            picture
                .tiles
                .as_ref()
                .map(|b| b.info().attribution.as_str())
        )
    )
}

/// A slide's caption in a box at the bottom left of the map, large enough to read on a
/// projector; only its place when `draw` is false. Returns the box.
pub(super) fn caption_box(painter: &egui::Painter, map: Rect, caption: &str, draw: bool) -> Rect {
    let width = (map.width() * 0.9).clamp(240.0, 900.0);
    let galley = painter.layout(
        caption.to_owned(),
        FontId::proportional(19.0),
        Color32::from_gray(25),
        width - 28.0,
    );
    let size = galley.size() + vec2(28.0, 22.0);
    let rect = Rect::from_min_size(map.left_bottom() + vec2(16.0, -size.y - 56.0), size);
    if !draw {
        return rect;
    }
    painter.rect_filled(
        rect,
        6.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 236),
    );
    painter.rect_stroke(
        rect,
        6.0,
        egui::Stroke::new(1.0, Color32::from_gray(150)),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(14.0, 11.0), galley, Color32::from_gray(25));
    rect
}

/// A printed page's scale, right of the scale bar on its row: "1:2,000,000 at 48.5°N"
/// (Web Mercator's scale is true on one parallel; the centre's is stated).
pub(super) fn stated_scale(
    painter: &egui::Painter,
    world_view: &WorldView,
    view: ExportView,
    paper_metres_per_point: f64,
    style: &MapStyle,
) {
    let (_, bar) = crate::map::scale_bar_length(world_view, 140.0);
    let origin = crate::map::scale_bar_origin(world_view);
    let denominator = super::page::scale_denominator(&view, paper_metres_per_point);
    let hemisphere = if view.lat < 0.0 { 'S' } else { 'N' };
    crate::map::halo_text(
        painter,
        origin + vec2(bar + 14.0, -4.0),
        Align2::LEFT_CENTER,
        &format!(
            "Scale {} at {:.1}°{hemisphere}",
            super::page::format_scale(denominator),
            view.lat.abs()
        ),
        FontId::proportional(13.0),
        style.ink,
        style.label_halo,
    );
}

/// A north arrow: Web Mercator keeps north up everywhere.
pub(super) fn north_arrow(painter: &egui::Painter, centre: Pos2, style: &MapStyle) {
    let tip = centre - vec2(0.0, 22.0);
    let left = centre + vec2(-10.0, 12.0);
    let right = centre + vec2(10.0, 12.0);
    painter.circle_filled(centre, 26.0, style.label_halo);
    painter.add(egui::Shape::convex_polygon(
        vec![tip, centre + vec2(0.0, 6.0), left],
        style.ink,
        Stroke::NONE,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![tip, right, centre + vec2(0.0, 6.0)],
        Color32::WHITE,
        Stroke::new(1.2, style.ink),
    ));
    painter.text(
        tip - vec2(0.0, 2.0),
        Align2::CENTER_BOTTOM,
        "N",
        FontId::proportional(13.0),
        style.ink,
    );
}

/// The title, subtitle, as-of date and date-time group in the title bar.
pub(super) fn title_words(painter: &egui::Painter, bar: Rect, text: &crate::scene::PictureText) {
    painter.text(
        bar.left_top() + vec2(16.0, 8.0),
        Align2::LEFT_TOP,
        &text.title,
        FontId::proportional(28.0),
        Color32::from_gray(20),
    );
    painter.text(
        bar.left_top() + vec2(16.0, 42.0),
        Align2::LEFT_TOP,
        &text.subtitle,
        FontId::proportional(14.0),
        Color32::from_gray(70),
    );
    if let Some(as_of) = &text.as_of {
        painter.text(
            bar.right_top() + vec2(-16.0, 8.0),
            Align2::RIGHT_TOP,
            format!("as of {as_of}"),
            FontId::proportional(20.0),
            Color32::from_gray(20),
        );
    }
    if let Some(group) = &text.date_time_group {
        painter.text(
            bar.right_top() + vec2(-16.0, 36.0),
            Align2::RIGHT_TOP,
            format!("DTG {group}"),
            FontId::monospace(15.0),
            Color32::from_gray(40),
        );
    }
}

/// The sources, wrapped, and the credit line in the footer bar.
pub(super) fn footer_words(painter: &egui::Painter, bar: Rect, picture: &Picture) {
    let galley = painter.layout(
        sources_line(picture),
        FontId::proportional(11.0),
        Color32::from_gray(50),
        bar.width() - 32.0,
    );
    painter.galley(
        bar.left_top() + vec2(16.0, 4.0),
        galley,
        Color32::from_gray(50),
    );
    painter.text(
        bar.right_bottom() - vec2(16.0, 4.0),
        Align2::RIGHT_BOTTOM,
        credit_line(picture),
        FontId::proportional(11.0),
        Color32::from_gray(50),
    );
}
