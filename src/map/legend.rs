//! Painting the legend's rows: the same symbols, strokes and colours the map draws.

use egui::{Rect, Sense, Stroke, vec2};

use super::{layer_colour, paint_hub_symbol, status_stroke};
use crate::model::{HubKind, OverlayKind, Scenario, Status};
use crate::scene::LegendEntry;

const SWATCH: egui::Vec2 = egui::Vec2::new(30.0, 20.0);

fn swatch_row(ui: &mut egui::Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(SWATCH + vec2(8.0, 8.0), Sense::hover());
        paint(
            ui.painter(),
            Rect::from_center_size(rect.center(), SWATCH * 0.8),
        );
        // Long labels wrap, so the legend never sets the panel's width.
        ui.add(egui::Label::new(label).wrap());
    });
}

/// What a hub status looks like, in words.
fn status_label(status: Status) -> &'static str {
    match status {
        Status::Announced => "Announced: solid frame",
        Status::Reported => "Reported: solid frame",
        Status::Analyst => "Analyst: dashed frame",
        Status::Illustrative => "Illustrative: ghosted, hatched, \"?\"",
    }
}

/// Draws `entries` (worked out for `scenario`) as rows of swatches and labels.
pub fn show_legend(ui: &mut egui::Ui, scenario: &Scenario, entries: &[LegendEntry]) {
    for entry in entries {
        match *entry {
            LegendEntry::Heading(text) => {
                ui.label(egui::RichText::new(text).small().strong());
            }
            LegendEntry::HubKind(kind) => swatch_row(ui, kind.label(), |painter, rect| {
                paint_hub_symbol(painter, rect, kind, Status::Reported, &[]);
            }),
            LegendEntry::HubStatus(status) => {
                swatch_row(ui, status_label(status), |painter, rect| {
                    paint_hub_symbol(painter, rect, HubKind::Logistics, status, &[]);
                });
            }
            LegendEntry::Overlay {
                layer,
                kind,
                status,
            } => {
                let Some(layer) = scenario.layers.get(layer) else {
                    continue;
                };
                let label = if status == Status::Illustrative {
                    format!("{} (illustrative, dashed)", kind.label())
                } else {
                    kind.label().to_owned()
                };
                swatch_row(ui, &label, |painter, rect| {
                    let (stroke, width, dashed) = status_stroke(&layer.style, status);
                    if layer.style.fill_opacity > 0.0 && kind != OverlayKind::CeasefireLine {
                        painter.rect_filled(
                            rect,
                            2.0,
                            layer_colour(layer.style.fill, layer.style.fill_opacity.max(0.25)),
                        );
                    }
                    let y = rect.center().y;
                    let points = [rect.left_center(), egui::pos2(rect.right(), y)];
                    if dashed {
                        painter.extend(egui::Shape::dashed_line(
                            &points,
                            Stroke::new(width, stroke),
                            5.0,
                            3.0,
                        ));
                    } else {
                        painter.line_segment(points, Stroke::new(width, stroke));
                    }
                });
            }
            LegendEntry::Role(category) => swatch_row(ui, category.label(), |painter, rect| {
                painter.rect_filled(rect, 2.0, category.colour());
            }),
        }
    }
}
