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
    let count = app.documents.slides.deck.slides.len();
    let index = app.documents.slides.current.unwrap_or(0);
    if let Some(slide) = app.documents.slides.deck.slides.get(index) {
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

/// The speaker notes: the current slide's notes, the next slide's title and the time
/// since presenting began. A window of its own on a second screen when the system gives
/// one; inside the main window otherwise. Returns false once it is closed.
pub fn speaker_notes(ctx: &egui::Context, app: &BackstopApp) -> bool {
    let Some(presenter) = &app.presenter else {
        return false;
    };
    if !presenter.notes_window {
        return false;
    }
    let index = app.documents.slides.current.unwrap_or(0);
    let slides = &app.documents.slides.deck.slides;
    let elapsed = presenter.started.map_or(0, |t| t.elapsed().as_secs());
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("backstop_speaker_notes"),
        egui::ViewportBuilder::default()
            .with_title("Backstop — speaker notes")
            .with_inner_size([560.0, 440.0]),
        |ui, _class| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading(format!("{} / {}", index + 1, slides.len()));
                    ui.label(
                        RichText::new(format!("{:02}:{:02}", elapsed / 60, elapsed % 60))
                            .size(18.0)
                            .strong(),
                    );
                });
                if let Some(slide) = slides.get(index) {
                    ui.label(RichText::new(&slide.title).size(20.0).strong());
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(&slide.notes).size(17.0));
                        });
                }
                ui.separator();
                match slides.get(index + 1) {
                    Some(next) => {
                        ui.label(RichText::new(format!("Next: {}", next.title)).size(15.0))
                    }
                    None => ui.label(RichText::new("Last slide").size(15.0).weak()),
                };
                ui.label(RichText::new("N closes this window").weak());
            });
            !ui.ctx().input(|i| i.viewport().close_requested())
        },
    )
}
