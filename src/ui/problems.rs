//! The Problems panel: every diagnostic; clicking one selects the feature it names.

use egui::{Color32, RichText};

use crate::app::{BackstopApp, Command};
use crate::io::Severity;
use crate::model::Selection;

/// Lists every load problem at the bottom of the window.
pub fn problems_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let mut select = None;
    egui::Panel::bottom("problems_panel")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            ui.heading("Problems");
            if app.all_diagnostics().next().is_none() {
                ui.label("No problems: every file loaded cleanly.");
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for diagnostic in app.all_diagnostics() {
                        let (icon, colour) = match diagnostic.severity {
                            Severity::Error => ("⛔", Color32::from_rgb(200, 40, 40)),
                            Severity::Warning => ("⚠", Color32::from_rgb(190, 130, 0)),
                        };
                        let text = RichText::new(format!("{icon} {diagnostic}"))
                            .color(colour)
                            .monospace();
                        if ui.selectable_label(false, text).clicked() {
                            select = diagnostic.record_id().and_then(|id| selection_for(app, id));
                        }
                    }
                });
        });
    if let Some(selection) = select {
        commands.push(Command::Select(selection));
    }
}

fn selection_for(app: &BackstopApp, id: &str) -> Option<Selection> {
    let scenario = &app.documents.report.scenario;
    if scenario.hub(id).is_some() {
        return Some(Selection::Hub(id.to_owned()));
    }
    scenario
        .overlay_features()
        .find(|(_, f)| f.id == id)
        .map(|(layer, f)| Selection::Feature {
            layer: layer.id.clone(),
            id: f.id.clone(),
        })
}
