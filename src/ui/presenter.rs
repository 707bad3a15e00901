//! What the presenter view draws over the map: the slide's title and caption, large;
//! the slide counter; the pointer highlight; and the blackout.

use egui::{Align2, Color32, RichText, Stroke};

use crate::app::BackstopApp;

/// Caption, counter, highlight and blackout, over the map.
pub fn presenter_overlay(ctx: &egui::Context, app: &BackstopApp) {
    let Some(presenter) = &app.presenter else {
        return;
    };
    let Some(map) = app.map_rect else {
        return;
    };
    let count = app.slides.deck.slides.len();
    let index = app.slides.current.unwrap_or(0);
    if let Some(slide) = app.slides.deck.slides.get(index) {
        egui::Area::new(egui::Id::unique("presenter_caption"))
            .order(egui::Order::Foreground)
            // Clear of the scale bar in the corner.
            .fixed_pos(map.left_bottom() + egui::vec2(24.0, -56.0))
            .pivot(Align2::LEFT_BOTTOM)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::NONE
                    .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 235))
                    .stroke(Stroke::new(1.0, Color32::from_gray(160)))
                    .corner_radius(6.0)
                    .inner_margin(14.0)
                    .show(ui, |ui| {
                        ui.set_max_width((map.width() * 0.62).max(320.0));
                        ui.label(
                            RichText::new(&slide.title)
                                .size(26.0)
                                .strong()
                                .color(Color32::from_gray(15)),
                        );
                        if !slide.caption.is_empty() {
                            ui.label(
                                RichText::new(&slide.caption)
                                    .size(17.0)
                                    .color(Color32::from_gray(35)),
                            );
                        }
                        if let Some(as_of) = app.as_of_text() {
                            ui.label(
                                RichText::new(format!("as of {as_of}"))
                                    .size(14.0)
                                    .color(Color32::from_gray(70)),
                            );
                        }
                    });
            });
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("presenter_marks"),
    ));
    egui::Area::new(egui::Id::unique("presenter_counter"))
        .order(egui::Order::Foreground)
        .fixed_pos(map.right_bottom() + egui::vec2(-20.0, -20.0))
        .pivot(Align2::RIGHT_BOTTOM)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::NONE
                .fill(Color32::from_rgba_unmultiplied(20, 20, 20, 200))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(10, 5))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("{} / {}", index + 1, count))
                            .size(20.0)
                            .color(Color32::WHITE),
                    );
                });
        });
    if let Some(pointer) = presenter.highlight {
        painter.circle(
            pointer,
            22.0,
            Color32::from_rgba_unmultiplied(255, 40, 40, 60),
            Stroke::new(3.0, Color32::from_rgb(230, 30, 30)),
        );
        painter.circle_filled(pointer, 5.0, Color32::from_rgb(230, 30, 30));
    }
    if presenter.blackout {
        // Above the caption and the counter too.
        ctx.layer_painter(egui::LayerId::new(
            egui::Order::Tooltip,
            egui::Id::unique("presenter_blackout"),
        ))
        .rect_filled(ctx.content_rect(), 0.0, Color32::BLACK);
    }
}
