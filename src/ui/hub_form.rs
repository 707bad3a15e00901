//! The hub form of Edit mode, in the Details panel: every field the README documents,
//! the checks' messages live, and the hub written each time a field is left (when the
//! checks allow; until then it stays a draft, drawn on the map, with the reasons).

use egui::{RichText, Ui};

use super::form_fields::{
    Edited, identity_fields, nations_choice, sources_editor, text_field, validity_field,
};
use crate::app::{AuthorCommand, BackstopApp, Command};
use crate::geometry::position::format_position;
use crate::io::authoring::HubDraft;
use crate::model::{HubKind, Status};

/// The form for the hub being edited (`app.authoring.hub`).
pub fn hub_form(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let Some(original) = &app.authoring.hub else {
        return;
    };
    let scenario = &app.documents.report.scenario;
    let mut draft = original.clone();
    let saved = draft
        .original_id
        .as_deref()
        .and_then(|id| scenario.hub(id))
        .map(HubDraft::of);
    let is_new = saved.is_none();
    ui.horizontal(|ui| {
        ui.heading(if is_new { "New hub" } else { "Edit hub" });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Close the form").clicked() {
                commands.push(Command::Author(AuthorCommand::SetHubDraft(None)));
            }
        });
    });
    let file = app.hubs_file().unwrap_or_default();
    ui.label(RichText::new(format!("in {file}")).weak());
    // What the checks say and what can be done come first, in sight without scrolling.
    let mut save_clicked = false;
    super::form_fields::checks_block(ui, &app.authoring.hub_problems);
    let dirty = !saved
        .as_ref()
        .is_some_and(|saved| crate::io::authoring::same_hub(saved, original));
    let has_errors = app.authoring.hub_problems.iter().any(|d| d.is_error());
    ui.horizontal_wrapped(|ui| {
        let save = ui
            .add_enabled(dirty && !has_errors, egui::Button::new("Save hub"))
            .on_disabled_hover_text(if has_errors {
                "Fix the problems above first: nothing invalid is written"
            } else {
                "Nothing to save"
            });
        if save.clicked() {
            save_clicked = true;
        }
        if let Some(saved) = &saved {
            if dirty && ui.button("Revert").clicked() {
                commands.push(Command::Author(AuthorCommand::SetHubDraft(Some(
                    saved.clone(),
                ))));
                return;
            }
            if ui.button("Delete hub").clicked()
                && let Some(id) = &saved.original_id
            {
                commands.push(Command::Author(AuthorCommand::DeleteHub(id.clone())));
            }
        } else if ui.button("Discard").clicked() {
            commands.push(Command::Author(AuthorCommand::SetHubDraft(None)));
        }
    });
    super::form_fields::saved_line(ui, app.authoring.last_saved.as_deref());
    ui.separator();

    let mut edited = Edited {
        changed: false,
        committed: save_clicked,
    };
    edited.add(identity_fields(
        ui,
        "Hub",
        (&mut draft.name, &mut draft.id),
        (&mut draft.kind, HubKind::ALL, HubKind::label),
        &mut draft.status,
    ));
    edited.add(nations_choice(
        ui,
        "Lead nations",
        &mut draft.lead,
        scenario,
    ));
    edited.add(nations_choice(
        ui,
        "Partner nations",
        &mut draft.partners,
        scenario,
    ));
    edited.add(text_field(
        ui,
        "Personnel (a number or a range)",
        &mut draft.personnel,
        1,
    ));
    position_rows(ui, app, &mut draft, &mut edited);
    edited.add(validity_field(
        ui,
        "Valid from",
        &mut draft.valid_from,
        scenario,
    ));
    edited.add(validity_field(
        ui,
        "Valid to",
        &mut draft.valid_to,
        scenario,
    ));
    let description_label = if draft.status == Status::Illustrative {
        "Description (what this illustrative site rests on)"
    } else {
        "Description"
    };
    edited.add(text_field(ui, description_label, &mut draft.description, 4));
    ui.add_space(4.0);
    edited.add(sources_editor(ui, &mut draft.sources));

    if edited.changed || edited.committed {
        if draft != *original {
            commands.push(Command::Author(AuthorCommand::SetHubDraft(Some(draft))));
        }
        // A field left unchanged writes nothing: the app skips an unchanged file.
        if edited.committed {
            commands.push(Command::Author(AuthorCommand::SaveHub));
        }
    }
}

/// Where the hub is, in the chosen format, and a field to move it by typing a position.
fn position_rows(ui: &mut Ui, app: &BackstopApp, draft: &mut HubDraft, edited: &mut Edited) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Position");
        ui.monospace(format_position(draft.lat, draft.lon, app.coordinate_format));
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(position) = super::position::position_field(ui, "hub-move-to", "Move to") {
            draft.lon = position.lon;
            draft.lat = position.lat;
            *edited = Edited::CHOSEN;
        }
    });
    ui.label(RichText::new("or drag the hub on the map").weak());
}
