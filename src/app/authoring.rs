//! Authoring: Edit mode, the drafts its forms hold (one hub, one nation), their checks,
//! and every write of a scenario file. An edit reads the file as it is on disk, changes
//! only what it touches, writes it atomically and keeps the text it replaced as one
//! undo step; the scenario is then read again through the usual load job, so what the
//! map shows is always what the files say.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{BackstopApp, Command, DocumentState};
use crate::io::authoring::{
    GeoJsonDocument, HubDraft, NationDraft, NewScenario, check_hub_draft, check_nation_draft,
};
use crate::io::{Diagnostic, ScenarioFiles, ScenarioSource};
use crate::model::HubKind;

/// The Edit mode's state: what is being placed or edited, and what its checks say.
#[derive(Debug, Default)]
pub struct Authoring {
    /// Edit mode is on: hubs can be placed, dragged and filled in.
    pub editing: bool,
    /// The next click on the map places a hub of this kind.
    pub placing: Option<HubKind>,
    /// The hub in the form, as typed (not yet written when it has problems).
    pub hub: Option<HubDraft>,
    /// What the checks say of `hub`; errors keep it from being written.
    pub hub_problems: Vec<Diagnostic>,
    /// The nation in the Coalition panel's form.
    pub nation: Option<NationDraft>,
    /// What the checks say of `nation`.
    pub nation_problems: Vec<Diagnostic>,
    /// The built-in scenario is read-only: where to save a copy to edit, and the edit
    /// that asked.
    pub copy_prompt: Option<CopyPrompt>,
    /// The File → New scenario dialog, while open.
    pub new_scenario: Option<NewScenarioDialog>,
    /// The overlay layer new shapes go into (its id).
    pub draw_layer: Option<String>,
    /// The shape being drawn.
    pub sketch: Option<crate::io::authoring::Sketch>,
    /// The overlay feature in the form.
    pub feature: Option<crate::io::authoring::FeatureDraft>,
    /// What the checks say of `feature`.
    pub feature_problems: Vec<Diagnostic>,
    /// The title typed for a new overlay layer.
    pub new_layer_title: String,
    /// The Scenario settings window is open, with the settings as typed.
    pub settings: Option<crate::io::authoring::SettingsDraft>,
    /// What the checks say of `settings`.
    pub settings_problems: Vec<Diagnostic>,
    /// The layer whose title and style are in the settings window's form.
    pub layer_style: Option<crate::io::authoring::LayerStyleDraft>,
    /// The Events and phases window is open.
    pub show_timeline_editor: bool,
    /// The event or phase in its form.
    pub timeline: Option<crate::io::authoring::TimelineDraft>,
    /// What the checks say of `timeline`.
    pub timeline_problems: Vec<Diagnostic>,
    /// The last save's outcome, for the form ("Saved to hubs.geojson").
    pub last_saved: Option<String>,
    /// The text each file had when this app last wrote it, to tell its own writes from
    /// outside changes.
    own_writes: HashMap<String, u64>,
    /// An edit to apply once the scenario that is loading is shown.
    after_load: Option<Command>,
}

/// "The built-in scenario is read-only: save a copy to edit."
#[derive(Debug, Clone, PartialEq)]
pub struct CopyPrompt {
    /// The folder typed (or chosen) for the copy.
    pub folder: String,
    /// The edit to make in the copy.
    pub then: Box<Command>,
}

/// The File → New scenario dialog's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct NewScenarioDialog {
    /// The folder to make.
    pub folder: String,
    /// A copy of the built-in scenario, or a blank one.
    pub kind: NewScenario,
    /// Why the last attempt failed.
    pub error: Option<String>,
}

/// A new folder name in `base` that does not exist yet.
pub fn unused_folder(base: &Path, stem: &str) -> PathBuf {
    (1..)
        .map(|n| {
            if n == 1 {
                base.join(stem)
            } else {
                base.join(format!("{stem}-{n}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| base.join(stem))
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl BackstopApp {
    /// The hubs layer's file, relative to the scenario folder.
    pub fn hubs_file(&self) -> Option<String> {
        let file = crate::io::hubs_file_of(&self.documents.report.scenario);
        (!file.is_empty()).then_some(file)
    }

    /// True when the scenario's file `file` loaded with errors: an edit could lose what
    /// the reader could not understand, so editing it waits until it is fixed.
    fn file_is_broken(&self, file: &str) -> bool {
        self.documents
            .report
            .diagnostics
            .iter()
            .any(|d| d.file == file && d.is_error() && d.location_is_whole_file())
    }

    /// Checks the hub draft again (after every change to it).
    pub(super) fn check_hub(&mut self) {
        let Some(draft) = &self.authoring.hub else {
            self.authoring.hub_problems.clear();
            return;
        };
        let file = self.hubs_file().unwrap_or_else(|| "hubs.geojson".into());
        let document = self
            .documents
            .files
            .read_text(&file)
            .ok()
            .and_then(|t| GeoJsonDocument::parse(&t).ok())
            .unwrap_or_else(GeoJsonDocument::empty);
        self.authoring.hub_problems =
            check_hub_draft(draft, &self.documents.report.scenario, &file, &document);
    }

    /// Checks the nation draft again.
    pub(super) fn check_nation(&mut self) {
        self.authoring.nation_problems = match &self.authoring.nation {
            Some(draft) => check_nation_draft(draft, &self.documents.report.scenario),
            None => Vec::new(),
        };
    }

    /// Writes the hub draft into the hubs file, if the checks allow.
    pub(super) fn save_hub(&mut self) {
        self.check_hub();
        let Some(draft) = self.authoring.hub.clone() else {
            return;
        };
        if self.authoring.hub_problems.iter().any(Diagnostic::is_error) {
            self.authoring.last_saved = Some("Not saved: see the problems above".into());
            return;
        }
        let Some(file) = self.hubs_file() else {
            self.toast("This scenario has no hubs layer to add hubs to", true);
            return;
        };
        let retry = Command::Author(super::AuthorCommand::SaveHub);
        let saved = self.edit_file(&file, retry, |text| {
            crate::io::authoring::write_hub(text, &draft)
        });
        if saved {
            let mut written = draft;
            written.original_id = Some(written.id.trim().to_owned());
            self.authoring.hub = Some(written);
            self.authoring.placing = None;
        }
    }

    /// Writes the nation draft into nations.toml, changing only what changed.
    pub(super) fn save_nation(&mut self) {
        self.check_nation();
        let Some(after) = self.authoring.nation.clone() else {
            return;
        };
        if self
            .authoring
            .nation_problems
            .iter()
            .any(Diagnostic::is_error)
        {
            self.authoring.last_saved = Some("Not saved: see the problems above".into());
            return;
        }
        let before = after
            .original_iso
            .as_deref()
            .and_then(|iso| self.documents.report.scenario.nation(iso))
            .map(NationDraft::of)
            .unwrap_or_else(NationDraft::blank);
        let retry = Command::Author(super::AuthorCommand::SaveNation);
        let saved = self.edit_file("nations.toml", retry, |text| {
            crate::io::authoring::write_nation(text, &before, &after)
        });
        if saved {
            let mut written = after;
            written.original_iso = Some(written.iso.trim().to_owned());
            self.authoring.nation = Some(written);
        }
    }

    /// Changes `file` by `edit` (its text in, the new text out), writes it, takes one
    /// undo step and reads the scenario again. On the built-in scenario it asks where to
    /// save a copy, and `retry` is applied there. Returns true when the file was written.
    pub(super) fn edit_file(
        &mut self,
        file: &str,
        retry: Command,
        edit: impl FnOnce(&str) -> Result<String, String>,
    ) -> bool {
        if *self.documents.files.source() == ScenarioSource::Builtin {
            self.ask_for_a_copy(retry);
            return false;
        }
        if self.file_is_broken(file) {
            self.toast(
                format!("{file} has errors that stop it being read: fix them first (see Problems)"),
                true,
            );
            return false;
        }
        let path = match self.documents.files.writable_path(file) {
            Ok(path) => path,
            Err(e) => {
                self.toast(format!("{file}: {e}"), true);
                return false;
            }
        };
        let before = match self.documents.files.read_text(file) {
            Ok(text) => Some(text),
            Err(e) if path.exists() => {
                self.toast(format!("{file}: {e}"), true);
                return false;
            }
            Err(_) => None,
        };
        let after = match edit(before.as_deref().unwrap_or_default()) {
            Ok(text) => text,
            Err(e) => {
                self.toast(format!("{file}: not saved: {e}"), true);
                return false;
            }
        };
        if before.as_ref() == Some(&after) {
            return true;
        }
        if let Err(e) = self.write_scenario_text(file, &path, &after) {
            self.toast(e, true);
            return false;
        }
        self.documents.history.record(DocumentState::ScenarioFile {
            file: file.to_owned(),
            text: before,
        });
        self.authoring.last_saved = Some(format!("Saved to {file}"));
        true
    }

    /// Writes `text` to the scenario's `file` (at `path`), remembered as the app's own
    /// write, and starts reading the scenario again.
    fn write_scenario_text(&mut self, file: &str, path: &Path, text: &str) -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{file}: cannot write: {e}"))?;
        }
        crate::io::write_atomic(path, text.as_bytes())
            .map_err(|e| format!("{file}: cannot write: {e}"))?;
        self.authoring
            .own_writes
            .insert(file.to_owned(), text_hash(text));
        self.load(self.documents.files.clone());
        Ok(())
    }

    /// Puts `text` back as `file`'s content (undo, redo), or removes the file when it
    /// did not exist (`None`); gives what it replaced, in the same terms. `None` outside
    /// when it could not (said in a toast).
    pub(super) fn swap_scenario_file(
        &mut self,
        file: &str,
        text: Option<String>,
    ) -> Option<Option<String>> {
        let path = match self.documents.files.writable_path(file) {
            Ok(path) => path,
            Err(e) => {
                self.toast(format!("Undo: {file}: {e}"), true);
                return None;
            }
        };
        let now = path
            .exists()
            .then(|| self.documents.files.read_text(file).unwrap_or_default());
        let put = match &text {
            Some(text) => self.write_scenario_text(file, &path, text),
            None => std::fs::remove_file(&path)
                .map_err(|e| format!("{file}: cannot remove: {e}"))
                .map(|()| {
                    self.authoring.own_writes.remove(file);
                    self.load(self.documents.files.clone());
                }),
        };
        match put {
            Ok(()) => Some(now),
            Err(e) => {
                self.toast(e, true);
                None
            }
        }
    }

    /// True when the scenario's `file` holds exactly what this app last wrote there.
    pub(super) fn is_own_write(&self, file: &str) -> bool {
        let Some(hash) = self.authoring.own_writes.get(file) else {
            return false;
        };
        self.documents
            .files
            .read_text(file)
            .is_ok_and(|t| text_hash(&t) == *hash)
    }

    /// An outside program changed `files` (relative names) of the open scenario: their
    /// undo steps go, and a draft of one of them gives way to the outside version.
    pub(super) fn outside_changes(&mut self, files: &[String]) {
        for file in files {
            let had_steps = self.documents.history.forget_file(file);
            let hubs = self.hubs_file().is_some_and(|h| &h == file);
            let editing_hub = hubs && self.authoring.hub.is_some();
            let editing_nation = file == "nations.toml" && self.authoring.nation.is_some();
            let editing_feature = self
                .authoring
                .feature
                .as_ref()
                .is_some_and(|f| &f.file == file);
            let editing_timeline = file == "events.toml" && self.authoring.timeline.is_some();
            let editing_settings = file == "scenario.toml"
                && (self.authoring.settings.is_some() || self.authoring.layer_style.is_some());
            let editing = editing_hub
                || editing_nation
                || editing_feature
                || editing_timeline
                || editing_settings;
            if editing || had_steps {
                self.toast(
                    format!(
                        "{file} was changed outside Backstop: the outside version is kept, \
                         and its edits can no longer be undone"
                    ),
                    true,
                );
            }
            if editing_hub {
                self.authoring.hub = None;
                self.authoring.hub_problems.clear();
            }
            if editing_nation {
                self.authoring.nation = None;
                self.authoring.nation_problems.clear();
            }
            if editing_feature {
                self.authoring.feature = None;
                self.authoring.feature_problems.clear();
            }
            if editing_timeline {
                self.authoring.timeline = None;
                self.authoring.timeline_problems.clear();
            }
            if editing_settings {
                // Read again from the outside version when the window next opens.
                self.authoring.settings = None;
                self.authoring.layer_style = None;
            }
        }
    }

    /// Opens the "save a copy" question for an edit of the built-in scenario.
    fn ask_for_a_copy(&mut self, then: Command) {
        let folder = unused_folder(&self.folders.scenarios_folder(), "my-briefing");
        self.authoring.copy_prompt = Some(CopyPrompt {
            folder: folder.display().to_string(),
            then: Box::new(then),
        });
    }

    /// Makes a new scenario folder and opens it; `then` is applied once it is shown.
    pub(super) fn create_scenario(
        &mut self,
        folder: &Path,
        kind: NewScenario,
        then: Option<Command>,
    ) -> Result<(), String> {
        crate::io::authoring::write_new_scenario(folder, kind)?;
        self.authoring.after_load = then;
        self.load(ScenarioFiles::new(ScenarioSource::Folder(
            folder.to_path_buf(),
        )));
        self.toast(format!("New scenario in {}", folder.display()), false);
        Ok(())
    }

    /// After a scenario is shown: the drafts are checked against it, and an edit that
    /// waited for it (the first edit of the built-in, made in its copy) is applied.
    pub(super) fn after_scenario_shown(&mut self) {
        if let Some(command) = self.authoring.after_load.take() {
            self.queue(command);
        }
        if let Some(draft) = &self.authoring.hub
            && let Some(id) = &draft.original_id
        {
            match self.documents.report.scenario.hub(id).map(HubDraft::of) {
                // Undone or deleted: a draft of a hub the file no longer has would re-add it.
                None => self.authoring.hub = None,
                // Written: the form shows the hub as read back (trimmed, rounded), so it
                // is not taken for an unsaved change.
                Some(saved) if crate::io::authoring::same_hub(&saved, draft) => {
                    self.authoring.hub = Some(saved);
                }
                Some(_) => {}
            }
        }
        self.check_hub();
        self.check_nation();
    }
}
