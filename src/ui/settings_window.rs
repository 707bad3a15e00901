//! Edit mode's Scenario settings window: title, subtitle, as-of date, prepared by,
//! caveat and buffer width; each layer's title and style (colours, width, dash,
//! opacity) and its place in the drawing order.

use egui::{Color32, Ui};

use super::form_fields::{Edited, problems_list, text_field};
use crate::app::{AuthorCommand, BackstopApp, Command};
use crate::io::authoring::{LayerStyleDraft, SettingsDraft};

fn author(command: AuthorCommand) -> Command {
    Command::Author(command)
}

/// The window, while `app.authoring.settings` is open.
pub fn settings_window(ctx: &egui::Context, app: &BackstopApp, commands: &mut Vec<Command>) {
    let Some(original) = &app.authoring.settings else {
        return;
    };
    let mut open = true;
    egui::Window::new("Scenario settings")
        .open(&mut open)
        .default_width(460.0)
        .vscroll(true)
        .show(ctx, |ui| {
            settings_form(ui, app, original, commands);
            ui.separator();
            ring_sets_form(ui, app, commands);
            ui.separator();
            layers_form(ui, app, commands);
        });
    if !open {
        commands.push(author(AuthorCommand::ShowSettings(false)));
    }
}

fn settings_form(
    ui: &mut Ui,
    app: &BackstopApp,
    original: &SettingsDraft,
    commands: &mut Vec<Command>,
) {
    let mut draft = original.clone();
    problems_list(ui, &app.authoring.settings_problems);
    let mut edited = Edited::default();
    edited.add(text_field(ui, "Scenario title", &mut draft.title, 1));
    edited.add(text_field(ui, "Subtitle", &mut draft.subtitle, 2));
    edited.add(text_field(ui, "As of (YYYY-MM-DD)", &mut draft.as_of, 1));
    edited.add(text_field(ui, "Prepared by", &mut draft.prepared_by, 1));
    edited.add(text_field(ui, "Caveat (the banner)", &mut draft.caveat, 2));
    if app.documents.report.scenario.buffer.is_some() {
        edited.add(text_field(
            ui,
            "Buffer width (km)",
            &mut draft.buffer_width_km,
            1,
        ));
    }
    if draft != *original {
        commands.push(author(AuthorCommand::SetSettingsDraft(draft)));
    }
    if edited.committed {
        commands.push(author(AuthorCommand::SaveSettings));
    }
    super::form_fields::saved_line(ui, app.authoring.last_saved.as_deref());
}

fn colour_row(ui: &mut Ui, label: &str, colour: &mut [u8; 3]) -> Edited {
    let mut edited = Edited::default();
    ui.horizontal(|ui| {
        let caption = ui.label(label);
        let mut picked = Color32::from_rgb(colour[0], colour[1], colour[2]);
        let response = egui::widgets::color_picker::color_edit_button_srgba(
            ui,
            &mut picked,
            egui::widgets::color_picker::Alpha::Opaque,
        )
        .labelled_by(caption.id);
        // A colour changes the draft; "Save layer" writes it, not every step of a drag
        // in the picker.
        if response.changed() {
            *colour = [picked.r(), picked.g(), picked.b()];
            edited.changed = true;
        }
    });
    edited
}

/// Each layer in drawing order (the first is at the bottom): moved up and down, and its
/// title and style in a form.
fn layers_form(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    ui.strong("Layers, in drawing order (the first is at the bottom)");
    let layers = &app.documents.report.scenario.layers;
    for (index, layer) in layers.iter().enumerate() {
        ui.horizontal(|ui| {
            let up = ui.add_enabled(index > 0, egui::Button::new("⏶").small());
            let name = format!("Move {} down the drawing order", layer.title);
            up.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if up.clicked() {
                commands.push(author(AuthorCommand::MoveLayer {
                    id: layer.id.clone(),
                    step: -1,
                }));
            }
            let down = ui.add_enabled(index + 1 < layers.len(), egui::Button::new("⏷").small());
            let name = format!("Move {} up the drawing order", layer.title);
            down.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if down.clicked() {
                commands.push(author(AuthorCommand::MoveLayer {
                    id: layer.id.clone(),
                    step: 1,
                }));
            }
            let editing = app
                .authoring
                .layer_style
                .as_ref()
                .is_some_and(|l| l.id == layer.id);
            let row = ui.selectable_label(editing, &layer.title);
            let name = format!("Edit layer {}", layer.title);
            row.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if row.clicked() {
                let draft = (!editing).then(|| LayerStyleDraft::of(layer));
                commands.push(author(AuthorCommand::SetLayerStyleDraft(draft)));
            }
        });
    }
    let Some(original) = &app.authoring.layer_style else {
        return;
    };
    let mut draft = original.clone();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let mut edited = Edited::default();
        edited.add(text_field(ui, "Layer title", &mut draft.title, 1));
        edited.add(colour_row(ui, "Stroke colour", &mut draft.stroke));
        edited.add(colour_row(ui, "Fill colour", &mut draft.fill));
        for (label, value, range) in [
            ("Fill opacity", &mut draft.fill_opacity, 0.0..=1.0),
            ("Stroke width", &mut draft.width, 0.2..=8.0),
        ] {
            ui.horizontal(|ui| {
                let caption = ui.label(label);
                let response = ui
                    .add(egui::Slider::new(value, range))
                    .labelled_by(caption.id);
                edited.changed |= response.changed();
                edited.committed |= response.drag_stopped();
            });
        }
        if ui.checkbox(&mut draft.dashed, "Dashed stroke").changed() {
            edited = Edited::CHOSEN;
        }
        let unsaved = app
            .documents
            .report
            .scenario
            .layer(&draft.id)
            .is_some_and(|layer| LayerStyleDraft::of(layer) != draft);
        if ui
            .add_enabled(unsaved, egui::Button::new("Save layer"))
            .clicked()
        {
            edited.committed = true;
        }
        if draft != *original {
            commands.push(author(AuthorCommand::SetLayerStyleDraft(Some(
                draft.clone(),
            ))));
        }
        if edited.committed {
            commands.push(author(AuthorCommand::SaveLayerStyle));
        }
    });
}

/// Each named ring set's name and radii, written when a field is left.
fn ring_sets_form(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    ui.strong("Range ring sets");
    for set in &app.documents.report.scenario.ring_sets {
        let saved = crate::io::authoring::RingSetDraft::of(set);
        let id = egui::Id::unique(("ring-set-form", &set.id));
        let mut draft = ui.data(|d| d.get_temp::<(String, String)>(id)).map_or(
            saved.clone(),
            |(name, radii)| crate::io::authoring::RingSetDraft {
                name,
                radii,
                ..saved.clone()
            },
        );
        let mut edited = Edited::default();
        ui.push_id(&set.id, |ui| {
            edited.add(text_field(
                ui,
                &format!("Ring set {} name", set.id),
                &mut draft.name,
                1,
            ));
            edited.add(text_field(
                ui,
                &format!("Ring set {} radii (km)", set.id),
                &mut draft.radii,
                1,
            ));
        });
        let problems = crate::io::authoring::check_ring_set(&draft);
        problems_list(ui, &problems);
        if edited.committed && draft != saved {
            commands.push(author(AuthorCommand::SaveRingSet(draft.clone())));
        }
        if edited.committed {
            ui.data_mut(|d| d.remove::<(String, String)>(id));
        } else if draft != saved {
            ui.data_mut(|d| d.insert_temp(id, (draft.name.clone(), draft.radii.clone())));
        }
    }
}
