//! Every user action as one enum, so menus, shortcuts, help and tests read the same list.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::io::ScenarioSource;
use crate::map::Selection;

/// Something the user asked for. Queued by the UI, applied by the app once a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Frame the whole of Ukraine.
    FitUkraine,
    /// Zoom in one level around the centre.
    ZoomIn,
    /// Zoom out one level around the centre.
    ZoomOut,
    /// Show or hide a scenario layer, by index.
    ToggleLayer(usize),
    /// Select a hub or feature.
    Select(Selection),
    /// Clear the selection.
    ClearSelection,
    /// Show or hide the Problems panel.
    ToggleProblems,
    /// Show the "Open scenario folder" dialog.
    ShowOpenDialog,
    /// Load another scenario in place of the current one.
    OpenScenario(ScenarioSource),
    /// Read the current scenario's files again.
    ReloadScenario,
}

impl Command {
    /// The commands that have a keyboard shortcut, for the key handler and the help list.
    pub const WITH_SHORTCUTS: &'static [Command] = &[
        Command::FitUkraine,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ClearSelection,
        Command::ToggleProblems,
        Command::ShowOpenDialog,
        Command::ReloadScenario,
    ];

    /// A short label for buttons and menus.
    pub fn label(&self) -> String {
        match self {
            Command::FitUkraine => "Fit Ukraine".into(),
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::ToggleLayer(_) => "Show or hide layer".into(),
            Command::Select(_) => "Select".into(),
            Command::ClearSelection => "Clear selection".into(),
            Command::ToggleProblems => "Problems".into(),
            Command::ShowOpenDialog => "Open scenario folder…".into(),
            Command::OpenScenario(source) => format!("Open {}", source.describe()),
            Command::ReloadScenario => "Reload scenario".into(),
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let key = |k| Some(KeyboardShortcut::new(Modifiers::NONE, k));
        match self {
            Command::FitUkraine => key(Key::Home),
            Command::ZoomIn => key(Key::Plus),
            Command::ZoomOut => key(Key::Minus),
            Command::ClearSelection => key(Key::Escape),
            Command::ToggleProblems => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::P,
            )),
            Command::ShowOpenDialog => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Command::ReloadScenario => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::R)),
            Command::ToggleLayer(_) | Command::Select(_) | Command::OpenScenario(_) => None,
        }
    }
}
