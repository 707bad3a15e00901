//! The legend, generated from what the map actually draws: hub kinds present, the status
//! styles, overlay kinds of the visible layers, and coalition role colours.

use std::collections::BTreeSet;

use egui::{Rect, Sense, Stroke, vec2};

use crate::app::BackstopApp;
use crate::map::{RoleCategory, layer_colour, paint_hub_symbol, status_stroke};
use crate::model::{HubKind, LayerKind, Scenario, Status};

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

/// Draws the legend.
pub fn legend(ui: &mut egui::Ui, app: &BackstopApp) {
    legend_of(
        ui,
        &app.report.scenario,
        &app.state.visible,
        app.state
            .coalition_layer
            .then_some(&app.scene.nation_categories),
    );
}

/// Draws the legend of `scenario` with these layers visible, and the coalition colours
/// when `coalition` is given.
pub fn legend_of(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    shown_layers: &[bool],
    coalition: Option<&std::collections::HashMap<String, RoleCategory>>,
) {
    let visible = |kind: LayerKind| {
        scenario
            .layers
            .iter()
            .zip(shown_layers)
            .any(|(l, v)| *v && l.kind == kind)
    };
    if visible(LayerKind::Hubs) && !scenario.hubs.is_empty() {
        ui.label(egui::RichText::new("Hubs by kind").small().strong());
        let kinds: BTreeSet<HubKind> = scenario.hubs.iter().map(|h| h.kind).collect();
        for kind in kinds {
            swatch_row(ui, kind.label(), |painter, rect| {
                paint_hub_symbol(painter, rect, kind, Status::Reported, &[]);
            });
        }
        ui.label(egui::RichText::new("How much is known").small().strong());
        let statuses: BTreeSet<Status> = scenario.hubs.iter().map(|h| h.status).collect();
        for status in Status::ALL.iter().filter(|s| statuses.contains(s)) {
            let label = match status {
                Status::Announced => "Announced: solid frame",
                Status::Reported => "Reported: solid frame",
                Status::Analyst => "Analyst: dashed frame",
                Status::Illustrative => "Illustrative: ghosted, hatched, \"?\"",
            };
            swatch_row(ui, label, |painter, rect| {
                paint_hub_symbol(painter, rect, HubKind::Logistics, *status, &[]);
            });
        }
    }
    let mut overlay_rows = Vec::new();
    for (layer, shown) in scenario.layers.iter().zip(shown_layers) {
        if !*shown || layer.kind == LayerKind::Hubs {
            continue;
        }
        let kinds: BTreeSet<_> = layer.features.iter().map(|f| (f.kind, f.status)).collect();
        for (kind, status) in kinds {
            overlay_rows.push((layer, kind, status));
        }
    }
    if !overlay_rows.is_empty() {
        ui.label(egui::RichText::new("Monitoring and areas").small().strong());
        for (layer, kind, status) in overlay_rows {
            let label = if status == Status::Illustrative {
                format!("{} (illustrative, dashed)", kind.label())
            } else {
                kind.label().to_owned()
            };
            swatch_row(ui, &label, |painter, rect| {
                let (stroke, width, dashed) = status_stroke(&layer.style, status);
                if layer.style.fill_opacity > 0.0
                    && kind != crate::model::OverlayKind::CeasefireLine
                {
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
    }
    if let Some(categories) = coalition.filter(|c| !c.is_empty()) {
        ui.label(
            egui::RichText::new("Coalition roles (countries)")
                .small()
                .strong(),
        );
        let used: BTreeSet<RoleCategory> = categories.values().copied().collect();
        for category in RoleCategory::ALL.iter().filter(|c| used.contains(c)) {
            swatch_row(ui, category.label(), |painter, rect| {
                painter.rect_filled(rect, 2.0, category.colour());
            });
        }
    }
}
