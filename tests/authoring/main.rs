//! Authoring: new scenario folders, and Edit mode writing hubs and nations back to their
//! files — minimal diffs, provenance enforced, undo shared with annotations and slides,
//! outside edits kept.

#[path = "../common/mod.rs"]
mod common;

mod files;
mod hubs;
mod nations;
mod overlays;
mod settings;

use backstop::BackstopApp;
use backstop::app::{AuthorCommand, Command};
use egui_kittest::Harness;

/// Queues an Edit mode command and applies it.
pub fn author(harness: &mut Harness<'_, BackstopApp>, command: AuthorCommand) {
    harness.state_mut().queue(Command::Author(command));
    harness.run_steps(2);
}

/// Opens hub `id` in the form, changes it and saves it, as leaving a field does.
pub fn edit_hub(
    harness: &mut Harness<'_, BackstopApp>,
    id: &str,
    change: impl FnOnce(&mut backstop::io::authoring::HubDraft),
) {
    author(harness, AuthorCommand::EditHub(id.into()));
    let mut draft = harness
        .state()
        .authoring
        .hub
        .clone()
        .unwrap_or_else(|| panic!("hub {id} opens in the form"));
    change(&mut draft);
    author(harness, AuthorCommand::SetHubDraft(Some(draft)));
    author(harness, AuthorCommand::SaveHub);
}

/// The app on a copy of data/ in Edit mode (E pressed), with the folder.
pub fn edit_mode_on_a_copy() -> (common::AppHarness, tempfile::TempDir) {
    let (mut harness, folder) = common::data_copy_harness();
    harness.key_press(egui::Key::E);
    harness.run_steps(2);
    (harness, folder)
}

/// Steps until no scenario load is under way.
pub fn settle(harness: &mut Harness<'_, BackstopApp>) {
    common::run_until(harness, "the scenario read again", |app| !app.is_loading());
}

/// The lines of `after` that differ from `before`, which must have as many lines.
pub fn changed_lines(before: &str, after: &str) -> Vec<(usize, String)> {
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(old.len(), new.len(), "the edit changed the number of lines");
    old.iter()
        .zip(&new)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (_, b))| (i, (*b).to_owned()))
        .collect()
}
