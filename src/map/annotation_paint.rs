//! Drawing annotations, and finding the one under the pointer.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, vec2};

use super::labels::halo_text;
use super::style::{MapStyle, SELECTION};
use crate::io::circle_ring;
use crate::mesh::WorldView;
use crate::model::{Annotation, AnnotationShape, AnnotationStyle, LonLat};

fn to_screen(view: &WorldView, p: LonLat) -> Pos2 {
    view.lon_lat_to_screen(p[0], p[1])
}

fn colour(style: &AnnotationStyle) -> Color32 {
    Color32::from_rgb(style.colour[0], style.colour[1], style.colour[2])
}

/// Paints annotations (and a shape being drawn), with handles on the selected ones.
pub fn paint_annotations(
    painter: &Painter,
    view: &WorldView,
    annotations: &[Annotation],
    selected: &std::collections::BTreeSet<u64>,
    draft: Option<(&AnnotationShape, &AnnotationStyle)>,
    map_style: &MapStyle,
) {
    for annotation in annotations {
        paint_shape(
            painter,
            view,
            &annotation.shape,
            &annotation.style,
            &annotation.text,
            map_style,
        );
        if selected.contains(&annotation.id) {
            let mut shape = annotation.shape.clone();
            for position in shape.positions_mut() {
                let p = to_screen(view, *position);
                painter.rect(
                    Rect::from_center_size(p, vec2(7.0, 7.0)),
                    1.0,
                    Color32::WHITE,
                    Stroke::new(1.5, SELECTION),
                    egui::StrokeKind::Middle,
                );
            }
        }
    }
    if let Some((shape, style)) = draft {
        paint_shape(painter, view, shape, style, "", map_style);
    }
}

fn paint_shape(
    painter: &Painter,
    view: &WorldView,
    shape: &AnnotationShape,
    style: &AnnotationStyle,
    text: &str,
    map_style: &MapStyle,
) {
    let ink = colour(style);
    let stroke = Stroke::new(style.width, ink);
    let fill = if style.fill {
        ink.gamma_multiply(0.25)
    } else {
        Color32::TRANSPARENT
    };
    match shape {
        AnnotationShape::Text { at } => {
            halo_text(
                painter,
                to_screen(view, *at),
                Align2::LEFT_CENTER,
                text,
                FontId::proportional(style.font_size),
                ink,
                map_style.label_halo,
            );
        }
        AnnotationShape::Arrow { from, to } => {
            let (a, b) = (to_screen(view, *from), to_screen(view, *to));
            painter.line_segment([a, b], stroke);
            let direction = (b - a).normalized();
            let head = (style.width * 4.0).max(10.0);
            let normal = vec2(-direction.y, direction.x);
            let back = b - direction * head;
            painter.add(Shape::convex_polygon(
                vec![b, back + normal * head * 0.5, back - normal * head * 0.5],
                ink,
                Stroke::NONE,
            ));
        }
        AnnotationShape::Line { points } | AnnotationShape::Freehand { points } => {
            painter.add(Shape::line(
                points.iter().map(|p| to_screen(view, *p)).collect(),
                stroke,
            ));
        }
        AnnotationShape::Highlight { points } => {
            let broad = Stroke::new(style.width * 5.0, ink.gamma_multiply(0.35));
            painter.add(Shape::line(
                points.iter().map(|p| to_screen(view, *p)).collect(),
                broad,
            ));
        }
        AnnotationShape::Rectangle { a, b } => {
            let rect = Rect::from_two_pos(to_screen(view, *a), to_screen(view, *b));
            painter.rect(rect, 0.0, fill, stroke, egui::StrokeKind::Middle);
        }
        AnnotationShape::Circle { centre, radius_km } => {
            let ring: Vec<Pos2> = circle_ring(*centre, *radius_km)
                .iter()
                .map(|p| to_screen(view, *p))
                .collect();
            if style.fill {
                painter.add(Shape::convex_polygon(ring.clone(), fill, Stroke::NONE));
            }
            // The radius is named at the circle's northern point, clear of what is at its centre.
            if let Some(north) = ring.first().copied() {
                let label = format!("r = {}", super::format_distance(radius_km * 1000.0));
                halo_text(
                    painter,
                    north - vec2(0.0, 4.0),
                    Align2::CENTER_BOTTOM,
                    &label,
                    FontId::proportional(13.0),
                    ink,
                    map_style.label_halo,
                );
            }
            painter.add(Shape::closed_line(ring, stroke));
        }
        AnnotationShape::Callout { at, number } => {
            let centre = to_screen(view, *at);
            let radius = style.font_size * 0.75;
            painter.circle(centre, radius, ink, Stroke::new(2.0, Color32::WHITE));
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                number.to_string(),
                FontId::proportional(style.font_size * 0.9),
                Color32::WHITE,
            );
            if !text.is_empty() {
                halo_text(
                    painter,
                    centre + vec2(radius + 4.0, 0.0),
                    Align2::LEFT_CENTER,
                    text,
                    FontId::proportional(style.font_size),
                    ink,
                    map_style.label_halo,
                );
            }
        }
    }
    if !text.is_empty()
        && !matches!(
            shape,
            AnnotationShape::Text { .. } | AnnotationShape::Callout { .. }
        )
    {
        let mut first = shape.clone();
        if let Some(anchor) = first.positions_mut().first().map(|p| to_screen(view, **p)) {
            halo_text(
                painter,
                anchor + vec2(6.0, -6.0),
                Align2::LEFT_BOTTOM,
                text,
                FontId::proportional(style.font_size),
                ink,
                map_style.label_halo,
            );
        }
    }
}

fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = if ab.length_sq() == 0.0 {
                0.0
            } else {
                ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
            };
            p.distance(a + ab * t)
        })
        .fold(
            points.first().map_or(f32::INFINITY, |a| p.distance(*a)),
            f32::min,
        )
}

/// The topmost annotation within reach of `pointer`.
pub fn annotation_at(view: &WorldView, annotations: &[Annotation], pointer: Pos2) -> Option<u64> {
    let reach = 8.0;
    annotations.iter().rev().find_map(|annotation| {
        let style = &annotation.style;
        let near =
            |points: Vec<Pos2>| distance_to_polyline(pointer, &points) <= style.width / 2.0 + reach;
        let hit = match &annotation.shape {
            AnnotationShape::Text { at } => {
                let size = vec2(
                    annotation.text.chars().count() as f32 * style.font_size * 0.55,
                    style.font_size * 1.2,
                );
                Align2::LEFT_CENTER
                    .anchor_size(to_screen(view, *at), size)
                    .expand(4.0)
                    .contains(pointer)
            }
            AnnotationShape::Callout { at, .. } => {
                to_screen(view, *at).distance(pointer) <= style.font_size * 0.75 + reach
            }
            AnnotationShape::Arrow { from, to } => {
                near(vec![to_screen(view, *from), to_screen(view, *to)])
            }
            AnnotationShape::Line { points }
            | AnnotationShape::Freehand { points }
            | AnnotationShape::Highlight { points } => {
                near(points.iter().map(|p| to_screen(view, *p)).collect())
            }
            AnnotationShape::Rectangle { a, b } => {
                let rect = Rect::from_two_pos(to_screen(view, *a), to_screen(view, *b));
                let corners = vec![
                    rect.left_top(),
                    rect.right_top(),
                    rect.right_bottom(),
                    rect.left_bottom(),
                    rect.left_top(),
                ];
                near(corners) || (style.fill && rect.contains(pointer))
            }
            AnnotationShape::Circle { centre, radius_km } => {
                let ring: Vec<Pos2> = circle_ring(*centre, *radius_km)
                    .iter()
                    .map(|p| to_screen(view, *p))
                    .collect();
                let centre = to_screen(view, *centre);
                let radius = ring.first().map_or(0.0, |p| p.distance(centre));
                near(ring) || (style.fill && centre.distance(pointer) < radius)
            }
        };
        hit.then_some(annotation.id)
    })
}
