//! The window: one frame of the panels around the map (or of the presenter view), with
//! the app's own work before and after it; and Backstop as an eframe application.

use crate::app::BackstopApp;

/// Draws one frame of the app: eframe and the tests both call this.
pub fn show(ui: &mut egui::Ui, app: &mut BackstopApp) {
    if app.presenting() {
        presenter_frame(ui, app);
        return;
    }
    app.begin_frame(ui.ctx());
    super::top_bar(ui, app);
    super::annotation_bar(ui, app);
    super::filter_chips(ui, app);
    let state = &app.state;
    let shown = [
        state.show_timeline,
        state.show_slides_panel,
        state.show_layers_panel,
        state.show_details_panel,
        state.show_problems,
        state.show_coalition_panel,
        state.show_exposure_panel,
    ];
    let panels: [fn(&mut egui::Ui, &mut BackstopApp); 7] = [
        super::timeline_panel,
        super::slides_panel,
        super::layers_panel,
        super::details_panel,
        super::problems_panel,
        super::coalition_panel,
        super::exposure_panel,
    ];
    for (panel, shown) in panels.into_iter().zip(shown) {
        if shown {
            panel(ui, app);
        }
    }
    super::map_view(ui, app);
    super::open_dialog(ui.ctx(), app);
    super::help_overlay(ui.ctx(), app);
    super::export_dialog(ui.ctx(), app);
    super::prepare_pack_window(ui.ctx(), app);
    super::toasts(ui.ctx(), app);
    app.end_frame(ui.ctx());
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
}
