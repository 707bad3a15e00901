//! The shortcut list (F1), read from the Command enum so it is never out of date.

use crate::app::{BackstopApp, Command};

/// Mouse controls, which have no Command.
const MOUSE: &[(&str, &str)] = &[
    ("Drag", "Pan"),
    ("Wheel", "Zoom around the pointer"),
    ("Double-click", "Zoom in"),
    ("Click", "Select a hub, feature or country"),
];

/// The "Keyboard shortcuts" window.
pub fn help_overlay(ctx: &egui::Context, app: &BackstopApp, commands: &mut Vec<Command>) {
    if !app.state.show_help {
        return;
    }
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for command in Command::WITH_SHORTCUTS {
                        if let Some(shortcut) = command.shortcut() {
                            ui.monospace(ctx.format_shortcut(&shortcut));
                            ui.label(command.label());
                            ui.end_row();
                        }
                    }
                    for (input, action) in MOUSE {
                        ui.monospace(*input);
                        ui.label(*action);
                        ui.end_row();
                    }
                });
        });
    if !open {
        commands.push(Command::ToggleHelp);
    }
}
