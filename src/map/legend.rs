//! Painting the legend's rows: the same symbols, strokes and colours the map draws, over
//! the same land colour.

use egui::{Rect, Sense, Stroke, vec2};

use super::style::MapStyle;
use super::symbols::{HubMark, paint_hub_symbol};
use super::{layer_colour, status_stroke};
use crate::model::{OverlayKind, Scenario, Status};
use crate::scene::{LegendEntry, LegendHub};

/// A swatch's size in points.
pub const SWATCH: egui::Vec2 = egui::Vec2::new(30.0, 20.0);

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

/// How a hub's provenance is marked, in words.
fn status_label(status: Status) -> &'static str {
    match status {
        Status::Announced => "Announced officially: no mark",
        Status::Reported => "Reported (press, officials): R",
        Status::Analyst => "Analyst's assessment: A",
        Status::Illustrative => "Illustrative, not a real site: hatched, ?",
    }
}

/// A hub's frame, in words (APP-6 D: dashed is planned or anticipated).
fn frame_label(planned: bool) -> &'static str {
    if planned {
        "Planned or anticipated: dashed frame"
    } else {
        "Present: solid frame"
    }
}

fn mark(hub: LegendHub) -> HubMark {
    HubMark {
        kind: hub.kind,
        status: hub.status,
        planned: hub.planned,
    }
}

/// Draws `entries` (worked out for `scenario`) as rows of swatches and labels, each
/// painted over the land as the map in `style` paints it.
pub fn show_legend(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    user_overlays: &[crate::overlay::ShownOverlay],
    style: &MapStyle,
    entries: &[LegendEntry],
) {
    let hub_swatch = |painter: &egui::Painter, rect: Rect, hub: LegendHub| {
        painter.rect_filled(rect.expand(3.0), 2.0, style.land);
        paint_hub_symbol(painter, rect.shrink2(vec2(3.0, 2.0)), mark(hub), &[]);
    };
    for entry in entries {
        match *entry {
            LegendEntry::Heading(text) => {
                ui.label(egui::RichText::new(text).small().strong());
            }
            LegendEntry::HubKind(hub) => swatch_row(ui, hub.kind.label(), |painter, rect| {
                hub_swatch(painter, rect, hub);
            }),
            LegendEntry::HubFrame(hub) => {
                swatch_row(ui, frame_label(hub.planned), |painter, rect| {
                    hub_swatch(painter, rect, hub);
                });
            }
            LegendEntry::HubStatus(hub) => {
                swatch_row(ui, status_label(hub.status), |painter, rect| {
                    hub_swatch(painter, rect, hub);
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
                    painter.rect_filled(rect, 2.0, style.land);
                    let (stroke, width, dashed) = status_stroke(&layer.style, status);
                    if layer.style.fill_opacity > 0.0 && kind != OverlayKind::CeasefireLine {
                        painter.rect_filled(
                            rect,
                            2.0,
                            layer_colour(layer.style.fill, layer.style.fill_opacity),
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
            LegendEntry::UserOverlay(index) => {
                let Some(overlay) = user_overlays.get(index) else {
                    continue;
                };
                let [r, g, b] = overlay.layer.colour;
                let ink = egui::Color32::from_rgb(r, g, b);
                swatch_row(ui, &overlay.layer.name, |painter, rect| {
                    painter.rect_filled(rect, 2.0, style.land);
                    painter.rect_filled(rect.shrink(3.0), 1.0, ink.gamma_multiply(0.22));
                    painter.rect_stroke(
                        rect.shrink(3.0),
                        1.0,
                        Stroke::new(1.4, ink),
                        egui::StrokeKind::Inside,
                    );
                    painter.circle(
                        rect.center(),
                        3.5,
                        ink,
                        Stroke::new(1.0, egui::Color32::WHITE),
                    );
                });
            }
            LegendEntry::UserCategory { ref label, colour } => {
                let ink = egui::Color32::from_rgb(colour[0], colour[1], colour[2]);
                swatch_row(ui, label, |painter, rect| {
                    painter.circle(
                        rect.center(),
                        4.5,
                        ink,
                        Stroke::new(1.0, egui::Color32::WHITE),
                    );
                });
            }
            LegendEntry::Role(category) => swatch_row(ui, category.label(), |painter, rect| {
                painter.rect_filled(rect, 2.0, style.role_land(category));
                painter.rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(1.0, style.country_border),
                    egui::StrokeKind::Inside,
                );
            }),
        }
    }
}
