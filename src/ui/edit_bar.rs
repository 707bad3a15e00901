//! Edit mode's bar (what is edited, the hub kinds to place), the "save a copy" question
//! for the read-only built-in scenario, and File → New scenario.

use egui::{RichText, Ui};

use crate::app::{AuthorCommand, BackstopApp, Command, NewScenarioDialog};
use crate::io::ScenarioSource;
use crate::io::authoring::{NewScenario, SketchShape};
use crate::model::HubKind;

fn author(command: AuthorCommand) -> Command {
    Command::Author(command)
}

/// The bar under the top bar while Edit mode is on.
pub fn edit_bar(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::top("edit_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong("✏ Edit mode");
            let where_ = match app.documents.files.source() {
                ScenarioSource::Builtin => {
                    "built-in scenario (read-only: the first edit saves a copy)".to_owned()
                }
                ScenarioSource::Folder(folder) => folder.display().to_string(),
            };
            ui.label(RichText::new(where_).weak());
            ui.separator();
            ui.label("Place a hub:");
            for kind in HubKind::ALL {
                let on = app.authoring.placing == Some(*kind);
                if ui
                    .selectable_label(on, format!("+ {}", kind.label()))
                    .on_hover_text(format!("Then click the map to place a {}", kind.label()))
                    .clicked()
                {
                    commands.push(author(AuthorCommand::PlaceHubKind((!on).then_some(*kind))));
                }
            }
            ui.separator();
            let hint = match app.authoring.placing {
                Some(kind) => format!("Click the map to place the {}", kind.label()),
                None => "Click a hub to edit it; drag it to move it".to_owned(),
            };
            ui.label(RichText::new(hint).italics());
            ui.separator();
            if ui.button("Scenario settings…").clicked() {
                commands.push(author(AuthorCommand::ShowSettings(true)));
            }
            if ui.button("Events and phases…").clicked() {
                commands.push(author(AuthorCommand::ShowTimelineEditor(true)));
            }
            if ui
                .button("Done")
                .on_hover_text("Leave Edit mode (E)")
                .clicked()
            {
                commands.push(author(AuthorCommand::ToggleEditMode));
            }
        });
        draw_row(ui, app, commands);
    });
}

/// The windows of authoring: the copy question, the New scenario dialog, the scenario
/// settings and the events and phases.
pub fn authoring_windows(ctx: &egui::Context, app: &mut BackstopApp) {
    let mut commands = Vec::new();
    super::settings_window(ctx, app, &mut commands);
    super::timeline_editor(ctx, app, &mut commands);
    if let Some(prompt) = &app.authoring.copy_prompt {
        copy_prompt(ctx, &prompt.folder, &mut commands);
    }
    if let Some(dialog) = &app.authoring.new_scenario {
        new_scenario_window(ctx, dialog, &mut commands);
    }
    for command in commands {
        app.queue(command);
    }
}

fn copy_prompt(ctx: &egui::Context, folder: &str, commands: &mut Vec<Command>) {
    egui::Window::new("Save a copy to edit")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(
                "The built-in scenario is read-only. Backstop will copy it, every file \
                 with its comments, to a folder of your own, open the copy, and make your \
                 edit there.",
            );
            let mut text = folder.to_owned();
            ui.horizontal(|ui| {
                let caption = ui.label("Folder for the copy");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(380.0))
                    .labelled_by(caption.id);
                if response.changed() {
                    commands.push(author(AuthorCommand::SetCopyFolder(text.clone())));
                }
                if ui.button("Browse…").clicked()
                    && let Some(chosen) = rfd::FileDialog::new().pick_folder()
                {
                    commands.push(author(AuthorCommand::SetCopyFolder(
                        chosen.display().to_string(),
                    )));
                }
            });
            ui.horizontal(|ui| {
                let ready = !text.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Save the copy and edit it"))
                    .clicked()
                {
                    commands.push(author(AuthorCommand::CopyBuiltinAndEdit(
                        text.trim().into(),
                    )));
                }
                if ui.button("Cancel").clicked() {
                    commands.push(author(AuthorCommand::CancelCopy));
                }
            });
        });
}

fn new_scenario_window(
    ctx: &egui::Context,
    dialog: &NewScenarioDialog,
    commands: &mut Vec<Command>,
) {
    let mut edited = dialog.clone();
    let mut open = true;
    egui::Window::new("New scenario")
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let caption = ui.label("Folder");
                ui.add(egui::TextEdit::singleline(&mut edited.folder).desired_width(380.0))
                    .labelled_by(caption.id);
                if ui.button("Browse…").clicked()
                    && let Some(chosen) = rfd::FileDialog::new().pick_folder()
                {
                    edited.folder = chosen.display().to_string();
                }
            });
            ui.radio_value(
                &mut edited.kind,
                NewScenario::CopyOfBuiltin,
                "A copy of the built-in scenario (every file, comments and all)",
            );
            ui.radio_value(
                &mut edited.kind,
                NewScenario::Blank,
                "Blank: a title, a caveat, an empty hubs layer and the coalition's nations",
            );
            if let Some(error) = &dialog.error {
                ui.colored_label(egui::Color32::from_rgb(200, 40, 40), error);
            }
            let ready = !edited.folder.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Make the scenario"))
                .clicked()
            {
                commands.push(author(AuthorCommand::CreateScenario {
                    folder: edited.folder.trim().into(),
                    kind: edited.kind,
                }));
            }
        });
    if !open {
        commands.push(author(AuthorCommand::SetNewScenarioDialog(None)));
    } else if edited != *dialog {
        commands.push(author(AuthorCommand::SetNewScenarioDialog(Some(edited))));
    }
}

/// Drawing into an overlay layer: which layer, the shapes, a new layer.
fn draw_row(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let layers = app.drawable_layers();
    let current = app
        .authoring
        .draw_layer
        .clone()
        .or_else(|| layers.first().map(|l| l.0.clone()));
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label("Draw into");
        let shown = layers
            .iter()
            .find(|l| Some(&l.0) == current.as_ref())
            .map_or("no overlay layer".to_owned(), |l| l.1.clone());
        egui::ComboBox::from_id_salt("draw_layer")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (id, title, file) in &layers {
                    if ui
                        .selectable_label(current.as_ref() == Some(id), title)
                        .on_hover_text(file)
                        .clicked()
                    {
                        commands.push(author(AuthorCommand::SetDrawLayer(id.clone())));
                    }
                }
            })
            .response
            .labelled_by(caption.id);
        match &app.authoring.sketch {
            None => shape_buttons(ui, commands),
            Some(sketch) => sketch_buttons(ui, sketch, commands),
        }
        ui.separator();
        let mut title = app.authoring.new_layer_title.clone();
        let caption = ui.label("New layer");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut title)
                    .hint_text("its title")
                    .desired_width(140.0),
            )
            .labelled_by(caption.id);
        if response.changed() {
            commands.push(author(AuthorCommand::SetNewLayerTitle(title.clone())));
        }
        if ui
            .add_enabled(!title.trim().is_empty(), egui::Button::new("Add layer"))
            .clicked()
        {
            commands.push(author(AuthorCommand::AddOverlayLayer(title)));
        }
    });
}

fn shape_buttons(ui: &mut Ui, commands: &mut Vec<Command>) {
    for (shape, text) in [
        (SketchShape::Point, "point"),
        (SketchShape::Line, "line"),
        (SketchShape::Area, "area"),
    ] {
        if ui
            .button(format!("Draw {text}"))
            .on_hover_text(format!("Then click the map to draw a {text}"))
            .clicked()
        {
            commands.push(author(AuthorCommand::StartSketch(shape)));
        }
    }
}

fn sketch_buttons(ui: &mut Ui, sketch: &crate::io::authoring::Sketch, commands: &mut Vec<Command>) {
    let points: usize = sketch.rings.iter().map(Vec::len).sum();
    ui.label(
        RichText::new(format!(
            "Click the map to add points ({points} so far); double-click or Enter to finish"
        ))
        .italics(),
    );
    if sketch.shape == SketchShape::Area {
        let ready = sketch.rings.last().is_some_and(|r| r.len() >= 3);
        if ui
            .add_enabled(ready, egui::Button::new("Add a hole"))
            .on_hover_text("Close this outline and draw a hole inside the area")
            .clicked()
        {
            commands.push(author(AuthorCommand::StartHole));
        }
    }
    if ui.button("Finish shape").clicked() {
        commands.push(author(AuthorCommand::FinishSketch));
    }
    if ui.button("Cancel shape").clicked() {
        commands.push(author(AuthorCommand::CancelSketch));
    }
}
