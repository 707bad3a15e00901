//! The Edit mode's actions: placing, moving and filling in hubs, editing nations, and
//! making new scenario folders. One variant of [`super::Command`] carries them.

use std::path::PathBuf;

use crate::io::authoring::{
    FeatureDraft, HubDraft, LayerStyleDraft, NationDraft, NewScenario, RingSetDraft, SettingsDraft,
    SketchShape, TimelineDraft, TimelineKind, VertexEdit,
};
use crate::model::HubKind;

/// An edit of the scenario's own files, or a step towards one.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthorCommand {
    /// Turn Edit mode on or off.
    ToggleEditMode,
    /// The next click on the map places a hub of this kind (none: stop placing).
    PlaceHubKind(Option<HubKind>),
    /// Start a new hub of `kind` at a place, in the form.
    PlaceHub {
        /// What it does.
        kind: HubKind,
        /// Longitude and latitude.
        at: [f64; 2],
    },
    /// Open a hub in the form.
    EditHub(String),
    /// The hub in the form, as typed or dragged (not written; none closes the form).
    SetHubDraft(Option<HubDraft>),
    /// Write the hub in the form, if its checks allow (one undo step).
    SaveHub,
    /// Take a hub out of the hubs file (one undo step).
    DeleteHub(String),
    /// Open a nation in the form.
    EditNation(String),
    /// Start a new nation in the form.
    AddNation,
    /// The nation in the form, as typed (none closes the form).
    SetNationDraft(Option<NationDraft>),
    /// Write the nation in the form, if its checks allow (one undo step).
    SaveNation,
    /// Take a nation out of nations.toml (one undo step).
    RemoveNation(String),
    /// Show the New scenario dialog.
    ShowNewScenarioDialog,
    /// The dialog's fields, as typed (none closes it).
    SetNewScenarioDialog(Option<crate::app::NewScenarioDialog>),
    /// Make a scenario folder and open it.
    CreateScenario {
        /// The folder (must not exist, or be empty).
        folder: PathBuf,
        /// A copy of the built-in scenario, or blank.
        kind: NewScenario,
    },
    /// Copy the built-in scenario to a folder, open it and make the edit that asked.
    CopyBuiltinAndEdit(PathBuf),
    /// The folder typed in the "save a copy" question.
    SetCopyFolder(String),
    /// Do not make a copy: the edit is dropped.
    CancelCopy,
    /// The overlay layer new shapes are drawn into (its id).
    SetDrawLayer(String),
    /// Add an overlay layer with this title (its file and its `[[layers]]` entry).
    AddOverlayLayer(String),
    /// The title typed for a new overlay layer.
    SetNewLayerTitle(String),
    /// Start drawing a point, line or area into the draw layer.
    StartSketch(SketchShape),
    /// Add a point to the ring being drawn.
    AddSketchPoint([f64; 2]),
    /// Close the ring being drawn and start a hole inside the area.
    StartHole,
    /// Finish the shape: it becomes a feature in the form.
    FinishSketch,
    /// Stop drawing; nothing is kept.
    CancelSketch,
    /// The overlay feature in the form (none closes it).
    SetFeatureDraft(Option<FeatureDraft>),
    /// Write the overlay feature in the form, if its checks allow (one undo step).
    SaveFeature,
    /// Take the overlay feature in the form out of its file (one undo step).
    DeleteFeature,
    /// Move, add or delete a point of the feature in the form; `save` writes it.
    EditVertex {
        /// What to do.
        edit: VertexEdit,
        /// Write it now (a drag writes when it ends).
        save: bool,
    },
    /// Show or hide the Scenario settings window.
    ShowSettings(bool),
    /// The settings as typed.
    SetSettingsDraft(SettingsDraft),
    /// Write the settings that changed (one undo step).
    SaveSettings,
    /// A layer's title and style as chosen (none closes its form).
    SetLayerStyleDraft(Option<LayerStyleDraft>),
    /// Write the layer's title and style (one undo step).
    SaveLayerStyle,
    /// Move a layer one place up (−1, drawn earlier) or down (+1) in scenario.toml.
    MoveLayer {
        /// The layer's id.
        id: String,
        /// −1 or +1.
        step: isize,
    },
    /// Write a ring set's name and radii, if they check (one undo step).
    SaveRingSet(RingSetDraft),
    /// Show or hide the Events and phases window.
    ShowTimelineEditor(bool),
    /// Open an event or phase in the form.
    EditTimeline {
        /// Event or phase.
        kind: TimelineKind,
        /// Its id.
        id: String,
    },
    /// Start a new event or phase in the form.
    AddTimeline(TimelineKind),
    /// The event or phase in the form, as typed (none closes it).
    SetTimelineDraft(Option<TimelineDraft>),
    /// Write the event or phase in the form, if its checks allow (one undo step).
    SaveTimeline,
    /// Take an event or phase out of events.toml.
    RemoveTimeline {
        /// Event or phase.
        kind: TimelineKind,
        /// Its id.
        id: String,
    },
    /// Move an event or phase one place in events.toml.
    MoveTimeline {
        /// Event or phase.
        kind: TimelineKind,
        /// Its id.
        id: String,
        /// −1 or +1.
        step: isize,
    },
}

impl AuthorCommand {
    /// A short label for buttons, menus and the help overlay.
    pub fn label(&self) -> String {
        match self {
            AuthorCommand::ToggleEditMode => "Edit mode".into(),
            AuthorCommand::PlaceHubKind(Some(kind)) => format!("Place a hub: {}", kind.label()),
            AuthorCommand::PlaceHubKind(None) => "Stop placing".into(),
            AuthorCommand::PlaceHub { .. } => "Place a hub".into(),
            AuthorCommand::EditHub(_) => "Edit the hub".into(),
            AuthorCommand::SetHubDraft(_) => "Change the hub".into(),
            AuthorCommand::SaveHub => "Save the hub".into(),
            AuthorCommand::DeleteHub(_) => "Delete the hub".into(),
            AuthorCommand::EditNation(_) => "Edit the nation".into(),
            AuthorCommand::AddNation => "Add a nation".into(),
            AuthorCommand::SetNationDraft(_) => "Change the nation".into(),
            AuthorCommand::SaveNation => "Save the nation".into(),
            AuthorCommand::RemoveNation(_) => "Remove the nation".into(),
            AuthorCommand::ShowNewScenarioDialog => "New scenario…".into(),
            AuthorCommand::SetNewScenarioDialog(_) => "New scenario".into(),
            AuthorCommand::CreateScenario { .. } => "Make the scenario".into(),
            AuthorCommand::CopyBuiltinAndEdit(_) => "Save a copy and edit it".into(),
            AuthorCommand::SetCopyFolder(_) => "Folder for the copy".into(),
            AuthorCommand::CancelCopy => "Cancel".into(),
            AuthorCommand::SetDrawLayer(_) => "Draw into layer".into(),
            AuthorCommand::AddOverlayLayer(_) => "Add an overlay layer".into(),
            AuthorCommand::SetNewLayerTitle(_) => "Title of the new layer".into(),
            AuthorCommand::StartSketch(SketchShape::Point) => "Draw a point".into(),
            AuthorCommand::StartSketch(SketchShape::Line) => "Draw a line".into(),
            AuthorCommand::StartSketch(SketchShape::Area) => "Draw an area".into(),
            AuthorCommand::AddSketchPoint(_) => "Add a point".into(),
            AuthorCommand::StartHole => "Add a hole".into(),
            AuthorCommand::FinishSketch => "Finish the shape".into(),
            AuthorCommand::CancelSketch => "Cancel the shape".into(),
            AuthorCommand::SetFeatureDraft(_) => "Change the feature".into(),
            AuthorCommand::SaveFeature => "Save the feature".into(),
            AuthorCommand::EditVertex { .. } => "Edit the shape".into(),
            AuthorCommand::DeleteFeature => "Delete the feature".into(),
            AuthorCommand::ShowSettings(_) => "Scenario settings…".into(),
            AuthorCommand::SetSettingsDraft(_) => "Change the settings".into(),
            AuthorCommand::SaveSettings => "Save the settings".into(),
            AuthorCommand::SetLayerStyleDraft(_) => "Change the layer".into(),
            AuthorCommand::SaveLayerStyle => "Save the layer".into(),
            AuthorCommand::MoveLayer { .. } => "Move the layer".into(),
            AuthorCommand::SaveRingSet(_) => "Save the ring set".into(),
            AuthorCommand::ShowTimelineEditor(_) => "Events and phases…".into(),
            AuthorCommand::EditTimeline { .. } => "Edit the event".into(),
            AuthorCommand::AddTimeline(TimelineKind::Event) => "Add an event".into(),
            AuthorCommand::AddTimeline(TimelineKind::Phase) => "Add a phase".into(),
            AuthorCommand::SetTimelineDraft(_) => "Change the event".into(),
            AuthorCommand::SaveTimeline => "Save the event".into(),
            AuthorCommand::RemoveTimeline { .. } => "Remove the event".into(),
            AuthorCommand::MoveTimeline { .. } => "Move the event".into(),
        }
    }
}
