//! Applying the Edit mode's commands: drafts are set and checked here, and every write
//! goes through `edit_file`, which takes its undo step.

use super::{AuthorCommand, BackstopApp, Command, NewScenarioDialog};
use crate::io::authoring::{HubDraft, NationDraft, NewScenario};
use crate::model::Selection;

impl BackstopApp {
    /// Applies one Edit mode command.
    pub(super) fn apply_author(&mut self, command: AuthorCommand) {
        let authoring = &mut self.authoring;
        match command {
            AuthorCommand::ToggleEditMode => {
                authoring.editing = !authoring.editing;
                if !authoring.editing {
                    // Leaving Edit mode stops placing and drawing; a form with unsaved
                    // work stays open (it has its own Close), so nothing typed is lost.
                    authoring.placing = None;
                    authoring.sketch = None;
                } else if authoring.hub.is_none()
                    && let Some(Selection::Hub(id)) = &self.state.selection
                {
                    let id = id.clone();
                    self.open_hub(&id);
                }
            }
            AuthorCommand::PlaceHubKind(kind) => {
                authoring.editing = true;
                authoring.placing = kind;
            }
            AuthorCommand::PlaceHub { kind, at } => {
                let draft = HubDraft::new_at(kind, at[0], at[1], &self.documents.report.scenario);
                self.authoring.hub = Some(draft);
                self.authoring.feature = None;
                self.authoring.placing = None;
                self.authoring.last_saved = None;
                self.state.show_details_panel = true;
                self.check_hub();
            }
            AuthorCommand::EditHub(id) => self.open_hub(&id),
            AuthorCommand::SetHubDraft(draft) => {
                authoring.hub = draft;
                self.check_hub();
            }
            AuthorCommand::SaveHub => self.save_hub(),
            AuthorCommand::DeleteHub(id) => self.delete_hub(&id),
            AuthorCommand::EditNation(iso) => {
                authoring.nation = self
                    .documents
                    .report
                    .scenario
                    .nation(&iso)
                    .map(NationDraft::of);
                authoring.last_saved = None;
                self.check_nation();
            }
            AuthorCommand::AddNation => {
                authoring.nation = Some(NationDraft::blank());
                authoring.last_saved = None;
                self.check_nation();
            }
            AuthorCommand::SetNationDraft(draft) => {
                authoring.nation = draft;
                self.check_nation();
            }
            AuthorCommand::SaveNation => self.save_nation(),
            AuthorCommand::RemoveNation(iso) => {
                let retry = Command::Author(AuthorCommand::RemoveNation(iso.clone()));
                if self.edit_file("nations.toml", retry, |text| {
                    crate::io::authoring::remove_nation(text, &iso)
                }) {
                    self.authoring.nation = None;
                }
            }
            AuthorCommand::ShowNewScenarioDialog => {
                let folder = super::unused_folder(&self.folders.scenarios_folder(), "briefing");
                authoring.new_scenario = Some(NewScenarioDialog {
                    folder: folder.display().to_string(),
                    kind: NewScenario::CopyOfBuiltin,
                    error: None,
                });
            }
            AuthorCommand::SetNewScenarioDialog(dialog) => authoring.new_scenario = dialog,
            AuthorCommand::CreateScenario { folder, kind } => {
                match self.create_scenario(&folder, kind, None) {
                    Ok(()) => self.authoring.new_scenario = None,
                    Err(e) => {
                        if let Some(dialog) = &mut self.authoring.new_scenario {
                            dialog.error = Some(e.clone());
                        }
                        self.toast(e, true);
                    }
                }
            }
            AuthorCommand::CopyBuiltinAndEdit(folder) => {
                let then = authoring.copy_prompt.take().map(|p| *p.then);
                if let Err(e) = self.create_scenario(&folder, NewScenario::CopyOfBuiltin, then) {
                    self.toast(e, true);
                }
            }
            AuthorCommand::SetCopyFolder(folder) => {
                if let Some(prompt) = &mut authoring.copy_prompt {
                    prompt.folder = folder;
                }
            }
            AuthorCommand::CancelCopy => authoring.copy_prompt = None,
            drawing => self.apply_drawing(drawing),
        }
    }

    /// Opens hub `id` in the form (and turns Edit mode on).
    fn open_hub(&mut self, id: &str) {
        self.authoring.editing = true;
        self.authoring.hub = self.documents.report.scenario.hub(id).map(HubDraft::of);
        self.authoring.feature = None;
        self.authoring.last_saved = None;
        self.check_hub();
    }

    /// Takes hub `id` out of the hubs file.
    fn delete_hub(&mut self, id: &str) {
        let Some(file) = self.hubs_file() else {
            return;
        };
        let retry = Command::Author(AuthorCommand::DeleteHub(id.to_owned()));
        if self.edit_file(&file, retry, |text| {
            crate::io::authoring::delete_feature(text, id)
        }) {
            if self
                .authoring
                .hub
                .as_ref()
                .is_some_and(|d| d.original_id.as_deref() == Some(id))
            {
                self.authoring.hub = None;
            }
            if self.state.selection == Some(Selection::Hub(id.to_owned())) {
                self.state.selection = None;
            }
        }
    }
}
