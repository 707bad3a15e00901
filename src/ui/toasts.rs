//! Toasts: short messages at the bottom right, such as where an export was saved.

use egui::{Color32, RichText};

use crate::app::BackstopApp;

/// Draws the current toasts.
pub fn toasts(ctx: &egui::Context, app: &BackstopApp) {
    if app.jobs.exports.toasts.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("backstop toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
        .interactable(false)
        .show(ctx, |ui| {
            for toast in &app.jobs.exports.toasts {
                let colour = if toast.is_error {
                    Color32::from_rgb(200, 40, 40)
                } else {
                    ui.visuals().text_color()
                };
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(&toast.text).color(colour));
                });
            }
        });
}
