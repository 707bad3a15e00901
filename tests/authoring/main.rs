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
