//! The nation form of Edit mode, in the Coalition panel: roles, commitment, personnel,
//! status and sources, written into nations.toml in place when a field is left.

use egui::{RichText, Ui};

use super::form_fields::{Edited, keyword_choice, sources_editor, text_field};
use crate::app::{AuthorCommand, BackstopApp, Command};
use crate::io::authoring::NationDraft;
use crate::model::{Role, Status};

/// The form for the nation being edited, or a hint and "Add a nation".
pub fn nation_form(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let Some(original) = &app.authoring.nation else {
        ui.label(RichText::new("Edit mode: click a country in the table to edit it.").weak());
        if ui.button("Add a nation").clicked() {
            commands.push(Command::Author(AuthorCommand::AddNation));
        }
        return;
    };
    let scenario = &app.documents.report.scenario;
    let saved = original
        .original_iso
        .as_deref()
        .and_then(|iso| scenario.nation(iso))
        .map(NationDraft::of);
    let mut draft = original.clone();
    egui::ScrollArea::vertical()
        .id_salt("nation_form")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(match &saved {
                    Some(n) => format!("Edit {}", n.name),
                    None => "New nation".to_owned(),
                });
                if ui.button("Close").clicked() {
                    commands.push(Command::Author(AuthorCommand::SetNationDraft(None)));
                }
            });
            super::form_fields::checks_block(ui, &app.authoring.nation_problems);
            ui.horizontal(|ui| {
                if let Some(iso) = &original.original_iso
                    && ui.button("Remove nation").clicked()
                {
                    commands.push(Command::Author(AuthorCommand::RemoveNation(iso.clone())));
                }
                if saved.is_none() && ui.button("Discard").clicked() {
                    commands.push(Command::Author(AuthorCommand::SetNationDraft(None)));
                }
            });
            super::form_fields::saved_line(ui, app.authoring.last_saved.as_deref());
            ui.separator();
            let mut edited = Edited::default();
            ui.horizontal(|ui| {
                edited.add(text_field(ui, "ISO code", &mut draft.iso, 1));
            });
            edited.add(text_field(ui, "Country name", &mut draft.name, 1));
            ui.label("Roles");
            ui.horizontal_wrapped(|ui| {
                for role in Role::ALL {
                    let mut on = draft.roles.contains(role);
                    let response =
                        ui.push_id(role.keyword(), |ui| ui.checkbox(&mut on, role.label()));
                    if response.inner.changed() {
                        if on {
                            draft.roles.push(*role);
                        } else {
                            draft.roles.retain(|r| r != role);
                        }
                        edited = Edited::CHOSEN;
                    }
                }
            });
            edited.add(text_field(ui, "Commitment", &mut draft.commitment, 3));
            edited.add(text_field(
                ui,
                "Nation personnel (a number or a range)",
                &mut draft.personnel,
                1,
            ));
            edited.add(keyword_choice(
                ui,
                "Nation status",
                &mut draft.status,
                Status::ALL,
                Status::label,
            ));
            edited.add(sources_editor(ui, &mut draft.sources));
            if draft != *original {
                commands.push(Command::Author(AuthorCommand::SetNationDraft(Some(
                    draft.clone(),
                ))));
            }
            if edited.committed {
                commands.push(Command::Author(AuthorCommand::SaveNation));
            }
        });
}
