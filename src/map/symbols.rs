//! Hub symbols in the manner of APP-6 (D) / MIL-STD-2525D: a friendly (rectangular) frame
//! with a pictogram for the kind, drawn with shapes so they stay crisp at any size and in
//! exports. Time and certainty are two marks: the frame is solid for a hub that is
//! present and dashed for one planned or anticipated (as APP-6 has it); how it is known
//! is a badge at the upper right (none when announced, "R" reported, "A" an analyst's
//! assessment, "?" with hatching when illustrative), which APP-6 uses for nothing else.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::coalition::flag_colours;
use super::style::hub_colours;
use crate::model::{HubKind, Status};

/// What one hub symbol shows: its kind, how it is known, and whether it is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HubMark {
    /// The pictogram.
    pub kind: HubKind,
    /// How it is known (the badge and the fill).
    pub status: Status,
    /// Planned or anticipated, not yet present (a dashed frame).
    pub planned: bool,
}

/// The provenance badge's letter for a status, if it has one.
pub fn provenance_badge(status: Status) -> Option<&'static str> {
    match status {
        Status::Announced => None,
        Status::Reported => Some("R"),
        Status::Analyst => Some("A"),
        Status::Illustrative => Some("?"),
    }
}

/// Paints one hub symbol in `rect`, with a strip of the lead nations' colours above it.
pub fn paint_hub_symbol(painter: &Painter, rect: Rect, mark: HubMark, leads: &[String]) {
    let (frame, fill) = hub_colours(mark.status);
    painter.rect_filled(rect, 0.0, fill);
    if mark.status == Status::Illustrative {
        hatch(
            painter,
            rect,
            Color32::from_rgba_unmultiplied(0, 40, 95, 70),
        );
    }
    let outline = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    if mark.planned {
        painter.extend(Shape::dashed_line(
            &outline,
            Stroke::new(1.8, frame),
            4.0,
            2.5,
        ));
    } else {
        painter.rect_stroke(rect, 0.0, Stroke::new(1.8, frame), egui::StrokeKind::Middle);
    }
    pictogram(painter, rect, mark.kind, Stroke::new(1.6, frame));
    lead_strip(painter, rect, leads);
    if let Some(letter) = provenance_badge(mark.status) {
        let badge = Pos2::new(rect.right() + 1.0, rect.top() - 1.0);
        painter.circle(
            badge,
            6.0,
            Color32::from_rgb(255, 255, 255),
            Stroke::new(1.2, frame),
        );
        painter.text(
            badge,
            Align2::CENTER_CENTER,
            letter,
            FontId::proportional(10.0),
            frame,
        );
    }
}

/// Diagonal hatching inside `rect`.
fn hatch(painter: &Painter, rect: Rect, colour: Color32) {
    let clipped = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let step = 5.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        clipped.line_segment(
            [pos2(x, rect.bottom()), pos2(x + rect.height(), rect.top())],
            Stroke::new(1.0, colour),
        );
        x += step;
    }
}

/// The colours of up to two lead nations, side by side, above the frame.
fn lead_strip(painter: &Painter, rect: Rect, leads: &[String]) {
    let leads: Vec<&String> = leads.iter().take(2).collect();
    if leads.is_empty() {
        return;
    }
    let strip = Rect::from_min_max(
        rect.left_top() - vec2(0.0, 5.0),
        rect.right_top() - vec2(0.0, 1.0),
    );
    let width = strip.width() / leads.len() as f32;
    for (i, iso) in leads.iter().enumerate() {
        let colours = flag_colours(iso);
        let part = width / colours.len() as f32;
        for (j, colour) in colours.iter().enumerate() {
            let left = strip.left() + i as f32 * width + j as f32 * part;
            painter.rect_filled(
                Rect::from_min_max(pos2(left, strip.top()), pos2(left + part, strip.bottom())),
                0.0,
                *colour,
            );
        }
    }
    painter.rect_stroke(
        strip,
        0.0,
        Stroke::new(0.5, Color32::from_gray(60)),
        egui::StrokeKind::Outside,
    );
}

/// The kind's pictogram inside the frame.
fn pictogram(painter: &Painter, rect: Rect, kind: HubKind, stroke: Stroke) {
    let c = rect.center();
    let (w, h) = (rect.width(), rect.height());
    let text = |s: &str| {
        painter.text(
            c,
            Align2::CENTER_CENTER,
            s,
            FontId::proportional(h * 0.55),
            stroke.color,
        );
    };
    match kind {
        HubKind::Hq => {
            // Headquarters: a staff down from the frame's lower left corner, and "HQ".
            painter.line_segment(
                [rect.left_bottom(), rect.left_bottom() + vec2(0.0, h * 0.7)],
                Stroke::new(2.0, stroke.color),
            );
            text("HQ");
        }
        HubKind::Coordination => {
            // Liaison / coordination: two linked arrows.
            let y = c.y;
            painter.line_segment(
                [
                    pos2(rect.left() + w * 0.2, y),
                    pos2(rect.right() - w * 0.2, y),
                ],
                stroke,
            );
            for (tip, dir) in [
                (pos2(rect.right() - w * 0.2, y), -1.0),
                (pos2(rect.left() + w * 0.2, y), 1.0),
            ] {
                painter.line_segment([tip, tip + vec2(dir * 4.0, -3.0)], stroke);
                painter.line_segment([tip, tip + vec2(dir * 4.0, 3.0)], stroke);
            }
        }
        HubKind::Air => {
            // Fixed-wing aviation: the propeller (two triangles tip to tip).
            let a = w * 0.28;
            let b = h * 0.28;
            painter.add(Shape::convex_polygon(
                vec![c, pos2(c.x - a, c.y - b), pos2(c.x - a, c.y + b)],
                stroke.color,
                Stroke::NONE,
            ));
            painter.add(Shape::convex_polygon(
                vec![c, pos2(c.x + a, c.y + b), pos2(c.x + a, c.y - b)],
                stroke.color,
                Stroke::NONE,
            ));
        }
        HubKind::Maritime => {
            // An anchor.
            let top = pos2(c.x, rect.top() + h * 0.18);
            let bottom = pos2(c.x, rect.bottom() - h * 0.2);
            painter.line_segment([top, bottom], stroke);
            painter.line_segment([top + vec2(-3.5, 2.5), top + vec2(3.5, 2.5)], stroke);
            let radius = w * 0.22;
            let arc: Vec<Pos2> = (0..=8)
                .map(|i| {
                    let t = std::f32::consts::PI * (i as f32 / 8.0);
                    pos2(
                        c.x + radius * t.cos(),
                        bottom.y - radius * 0.6 + radius * 0.6 * t.sin(),
                    )
                })
                .collect();
            painter.add(Shape::line(arc, stroke));
        }
        HubKind::Training => text("TNG"),
        HubKind::Logistics => {
            // Supply: a bar across the lower part of the frame.
            let y = rect.bottom() - h * 0.3;
            painter.line_segment([pos2(rect.left(), y), pos2(rect.right(), y)], stroke);
        }
        HubKind::Storage => {
            // Supply bar and a depot box.
            let y = rect.bottom() - h * 0.3;
            painter.line_segment([pos2(rect.left(), y), pos2(rect.right(), y)], stroke);
            let depot =
                Rect::from_center_size(pos2(c.x, rect.top() + h * 0.38), vec2(w * 0.3, h * 0.3));
            painter.rect_stroke(depot, 0.0, stroke, egui::StrokeKind::Middle);
        }
        HubKind::Medical => {
            painter.line_segment(
                [pos2(c.x, rect.top() + 3.0), pos2(c.x, rect.bottom() - 3.0)],
                Stroke::new(2.2, stroke.color),
            );
            painter.line_segment(
                [
                    pos2(rect.left() + w * 0.3, c.y),
                    pos2(rect.right() - w * 0.3, c.y),
                ],
                Stroke::new(2.2, stroke.color),
            );
        }
        HubKind::Monitoring => {
            // Surveillance: a radar dish (an open arc with a feed).
            let arc: Vec<Pos2> = (0..=8)
                .map(|i| {
                    let t = std::f32::consts::PI * (0.15 + 0.7 * i as f32 / 8.0);
                    pos2(
                        c.x + w * 0.22 * t.cos(),
                        c.y + h * 0.1 + h * 0.3 * t.sin() - h * 0.3,
                    )
                })
                .collect();
            painter.add(Shape::line(arc, stroke));
            painter.line_segment([pos2(c.x, c.y), pos2(c.x, rect.bottom() - 2.0)], stroke);
        }
    }
}
