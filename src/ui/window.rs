//! The window: one frame of the panels around the map (or of the presenter view), with
//! the app's own work before and after it; and Backstop as an eframe application.
//!
//! Panels get the app read-only and push Commands; the app applies them at the end of
//! the frame. Only the map view (walkers moves the camera), the dialogs (their own typed
//! fields) and the search box write state of their own.

use crate::app::{BackstopApp, Command};

/// A panel: draws from the app, asks for changes.
type Panel = fn(&mut egui::Ui, &BackstopApp, &mut Vec<Command>);

/// Draws one frame of the app: eframe and the tests both call this.
pub fn show(ui: &mut egui::Ui, app: &mut BackstopApp) {
    if app.presenting() {
        presenter_frame(ui, app);
        return;
    }
    app.begin_frame(ui.ctx());
    super::top_bar(ui, app);
    let state = &app.state;
    let panels: [(bool, Panel); 11] = [
        (app.authoring.editing, super::edit_bar),
        (true, super::annotation_bar),
        (true, super::filter_chips),
        (state.show_timeline, super::timeline_panel),
        (state.show_slides_panel, super::slides_panel),
        (state.show_layers_panel, super::layers_panel),
        (state.show_details_panel, super::details_panel),
        (state.show_problems, super::problems_panel),
        (state.show_coalition_panel, super::coalition_panel),
        (state.show_exposure_panel, super::exposure_panel),
        (state.show_help, help),
    ];
    let mut commands = Vec::new();
    for (shown, panel) in panels {
        if shown {
            panel(ui, app, &mut commands);
        }
    }
    for command in commands {
        app.queue(command);
    }
    super::map_view(ui, app);
    super::open_dialog(ui.ctx(), app);
    super::export_dialog(ui.ctx(), app);
    super::prepare_pack_window(ui.ctx(), app);
    super::authoring_windows(ui.ctx(), app);
    super::toasts(ui.ctx(), app);
    app.end_frame(ui.ctx());
}

fn help(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    super::help_overlay(ui.ctx(), app, commands);
}

/// One frame of the presenter view: banner, map, caption, counter, speaker notes.
fn presenter_frame(ui: &mut egui::Ui, app: &mut BackstopApp) {
    app.begin_presenter_frame(ui.ctx());
    super::caveat_banner(ui, app);
    let before = app.map_rect;
    super::map_view(ui, app);
    app.after_presenter_map(before, ui.ctx());
    super::presenter_overlay(ui.ctx(), app);
    if !super::speaker_notes(ui.ctx(), app) {
        app.notes_window_closed();
    }
    super::toasts(ui.ctx(), app);
    app.end_presenter_frame(ui.ctx());
}

/// Backstop in a native window: a frame each time eframe asks, and the settings saved
/// when it asks for that.
pub struct Window(pub BackstopApp);

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        show(ui, &mut self.0);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.0.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // What was typed last is written before the window goes.
        self.0.flush_pending_saves();
    }
}
