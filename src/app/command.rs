//! Every user action as one enum, so menus, shortcuts, the help overlay and tests read
//! the same list.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Tool;
use super::UndoDomain;
use super::settings::Theme;
use crate::io::ScenarioSource;
use crate::model::{AnnotationShape, AnnotationStyle, Selection};

/// Something the user asked for. Queued by the UI, applied by the app once a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Frame the whole of Ukraine.
    FitUkraine,
    /// Zoom in one level around the centre.
    ZoomIn,
    /// Zoom out one level around the centre.
    ZoomOut,
    /// Move the map by a fraction of its size (x right, y down).
    Pan(f32, f32),
    /// Centre on a place at a zoom.
    FocusOn {
        /// Longitude.
        lon: f64,
        /// Latitude.
        lat: f64,
        /// Zoom.
        zoom: f64,
    },
    /// Frame a box: west, south, east, north.
    ZoomToBounds([f64; 4]),
    /// Put the keyboard in the search box.
    FocusSearch,
    /// Select the next hub and centre on it.
    NextHub,
    /// Select the previous hub and centre on it.
    PreviousHub,
    /// Show or hide a scenario layer, by index.
    ToggleLayer(usize),
    /// Set a scenario layer's opacity, by index.
    SetLayerOpacity(usize, f32),
    /// Frame a scenario layer's features, by index.
    ZoomToLayer(usize),
    /// Show or hide the countries coloured by coalition role.
    ToggleCoalitionLayer,
    /// Show or hide the latitude/longitude graticule.
    ToggleGraticule,
    /// Show or hide the MGRS grid.
    ToggleMgrsGrid,
    /// Select a hub, feature or country.
    Select(Selection),
    /// Clear the selection.
    ClearSelection,
    /// Show or hide the Problems panel.
    ToggleProblems,
    /// Show or hide the Coalition panel.
    ToggleCoalitionPanel,
    /// Show or hide the Exposure panel.
    ToggleExposurePanel,
    /// Show or hide the Layers panel.
    ToggleLayersPanel,
    /// Show or hide the timeline.
    ToggleTimeline,
    /// Reload the open folder's files when they change on disk.
    ToggleLiveReload,
    /// Cut between slides instead of flying and fading.
    ToggleReduceMotion,
    /// Show or hide the Details panel.
    ToggleDetailsPanel,
    /// Light or dark.
    SetTheme(Theme),
    /// Show or hide the list of shortcuts.
    ToggleHelp,
    /// Show the "Open scenario folder" dialog.
    ShowOpenDialog,
    /// Load another scenario in place of the current one.
    OpenScenario(ScenarioSource),
    /// Read the current scenario's files again.
    ReloadScenario,
    /// Show a basemap: built-in, an online source or a tile pack.
    ChooseBasemap(crate::tiles::BasemapChoice),
    /// Show the "Open tile pack" dialog.
    ShowOpenTilePackDialog,
    /// Show the "Prepare offline pack" window for the current view.
    ShowPreparePack,
    /// Start downloading the Prepare offline pack window's plan.
    StartPreparingPack,
    /// Close the Prepare offline pack window, stopping a download under way.
    ClosePreparePack,
    /// Show the "Add overlay" dialog.
    ShowAddOverlayDialog,
    /// Load a GeoJSON file as an extra layer (in the background).
    AddOverlay(std::path::PathBuf),
    /// Load a file as an overlay, read as the user chose (a CSV's encoding, a
    /// GeoPackage's table).
    AddOverlayWith(std::path::PathBuf, crate::io::formats::ReadOptions),
    /// Stop loading an overlay, by its place among the loads.
    CancelOverlayLoad(usize),
    /// Remove a user overlay, by id.
    RemoveOverlay(u64),
    /// Read an overlay again with only this table of its GeoPackage (every table: `None`).
    ReadOverlayTable {
        /// The overlay.
        id: u64,
        /// The table.
        table: Option<String>,
    },
    /// Show or hide a user overlay, by id.
    ToggleOverlay(u64),
    /// Colour a user overlay's points by a property's values (its own colour: `None`).
    SetPointColour {
        /// The overlay.
        id: u64,
        /// The property.
        by: Option<String>,
    },
    /// Hide a user overlay's features with these values of a property (none: `None`).
    SetPointFilter {
        /// The overlay.
        id: u64,
        /// The property and its hidden values.
        filter: Option<(String, std::collections::BTreeSet<String>)>,
    },
    /// Save exactly what the map shows as a PNG in the Pictures folder.
    SaveViewAsPng,
    /// Show the Export image dialog.
    ShowExportDialog,
    /// Render the Export dialog's picture onto the clipboard.
    CopyExportToClipboard,
    /// Stop the picture export under way; nothing is written.
    CancelExport,
    /// Pick an annotation tool.
    SetTool(Tool),
    /// Undo the last annotation change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Delete the selected annotations.
    DeleteAnnotations,
    /// Write the annotations to their file.
    SaveAnnotations,
    /// Add a point to the measured path (lon, lat).
    AddMeasurePoint([f64; 2]),
    /// Take back the last measured point.
    UndoMeasurePoint,
    /// Close the measured path into an area.
    CloseMeasurement,
    /// Clear the measured path.
    ClearMeasurement,
    /// Put range rings around a place, with the radii chosen in the toolbar.
    PlaceRings {
        /// Centre, lon/lat.
        centre: [f64; 2],
        /// What they are around.
        name: String,
    },
    /// Remove every range ring.
    ClearRings,
    /// Write positions in this format.
    SetCoordinateFormat(crate::geometry::position::CoordinateFormat),
    /// Copy a position (lon, lat) to the clipboard in the chosen format.
    CopyPosition([f64; 2]),
    /// Copy the position under the pointer to the clipboard.
    CopyPointerPosition,
    /// Put a marker at a position (a searched grid reference, say).
    DropMarker {
        /// Where, lon/lat.
        at: [f64; 2],
        /// What it is, as the user wrote it.
        label: String,
    },
    /// Take the marker away.
    ClearMarker,
    /// Show or hide the Slides panel.
    ToggleSlidesPanel,
    /// Add the current view as a slide after the current one.
    AddSlide,
    /// Give a slide the current view (keeping its words).
    UpdateSlide(usize),
    /// Copy a slide.
    DuplicateSlide(usize),
    /// Delete a slide.
    DeleteSlide(usize),
    /// Move a slide from one place to another.
    MoveSlide(usize, usize),
    /// Show a slide.
    GoToSlide(usize),
    /// Write the slides to their file.
    SaveSlides,
    /// Present from the current slide: full screen, panels hidden.
    StartPresenting,
    /// Leave the presenter view.
    StopPresenting,
    /// The next slide.
    NextSlide,
    /// The previous slide.
    PreviousSlide,
    /// The first slide.
    FirstSlide,
    /// The last slide.
    LastSlide,
    /// Black the screen out, or back.
    ToggleBlackout,
    /// Render every slide into a folder of PNGs, a PowerPoint deck or a PDF handout.
    ExportSlides(crate::app::DeckTarget),
    /// Stop a deck export under way (the slides written so far stay).
    CancelDeckExport,
    /// Whether the PDF handout puts the speaker notes under each slide.
    SetHandoutNotes(bool),
    /// One undo step for a document, before an edit that lasts several frames (a drag,
    /// typing in a field); the edit's own commands then take none.
    Checkpoint(UndoDomain),
    /// Select these annotations (the Select tool).
    SelectAnnotations(std::collections::BTreeSet<u64>),
    /// Move the selected annotations by a lon/lat step (part of a drag).
    MoveSelectedAnnotations([f64; 2]),
    /// Add a finished annotation (one undo step) and select it.
    AddAnnotation(AnnotationShape),
    /// The shape being drawn, or none.
    SetDraft(Option<AnnotationShape>),
    /// Change the selected annotations' text or style (written once typing pauses).
    EditSelectedAnnotations {
        /// New text for all of them.
        text: Option<String>,
        /// New style for all of them.
        style: Option<AnnotationStyle>,
    },
    /// The style new annotations get.
    SetAnnotationStyle(AnnotationStyle),
    /// A slide's words (written once typing pauses).
    EditSlideWords {
        /// Which slide.
        index: usize,
        /// Its title.
        title: String,
        /// Its caption.
        caption: String,
        /// Its speaker notes.
        notes: String,
    },
    /// Show the scenario as of a timeline stop, or at every time; stops Play.
    SetAsOf(Option<usize>),
    /// Step through the timeline's stops on its own, or stop doing so.
    TogglePlay,
    /// Filter hubs and features by nation, kind, status and phase.
    SetFilters(crate::analysis::Filters),
    /// Which basemap layers are drawn.
    SetBasemapLayers(crate::basemap::BasemapLayers),
    /// Sort the coalition table.
    SortCoalition(crate::analysis::CoalitionSort),
    /// Sort the exposure table.
    SortExposure(crate::analysis::ExposureSort),
    /// The radii the next range rings get, as typed.
    SetRingRadii(String),
    /// Which annotations a slide shows (one undo step).
    SetSlideAnnotations(usize, crate::model::SlideAnnotations),
    /// An edit of the scenario's own files (Edit mode).
    Author(super::AuthorCommand),
}

/// How far one arrow key press moves the map, as a fraction of its size.
const PAN_STEP: f32 = 0.15;

impl Command {
    /// The commands that have a keyboard shortcut, in the order the help lists them.
    pub const WITH_SHORTCUTS: &'static [Command] = &[
        Command::FitUkraine,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::Pan(-PAN_STEP, 0.0),
        Command::Pan(PAN_STEP, 0.0),
        Command::Pan(0.0, -PAN_STEP),
        Command::Pan(0.0, PAN_STEP),
        // Shift+Tab before Tab: a shortcut without Shift may also match with it.
        Command::PreviousHub,
        Command::NextHub,
        Command::ClearSelection,
        // Ctrl+Shift+C before C.
        Command::CopyPointerPosition,
        Command::ToggleCoalitionLayer,
        // Ctrl+Shift+G before Ctrl+G, which may also match with Shift.
        Command::ToggleMgrsGrid,
        Command::ToggleGraticule,
        Command::ToggleCoalitionPanel,
        Command::ToggleExposurePanel,
        Command::ToggleSlidesPanel,
        Command::StartPresenting,
        Command::ToggleProblems,
        // Ctrl+Shift+O before Ctrl+O, which may also match with Shift.
        Command::ShowAddOverlayDialog,
        Command::ShowOpenDialog,
        Command::FocusSearch,
        Command::ReloadScenario,
        Command::SaveViewAsPng,
        Command::ShowExportDialog,
        // Redo (Ctrl+Shift+Z) before Undo (Ctrl+Z), which may also match with Shift.
        Command::Redo,
        Command::Undo,
        Command::DeleteAnnotations,
        Command::SetTool(Tool::Select),
        Command::SetTool(Tool::Text),
        Command::SetTool(Tool::Arrow),
        Command::SetTool(Tool::Line),
        Command::SetTool(Tool::Rectangle),
        Command::SetTool(Tool::Circle),
        Command::SetTool(Tool::Freehand),
        Command::SetTool(Tool::Callout),
        Command::SetTool(Tool::Highlight),
        Command::SetTool(Tool::Measure),
        Command::SetTool(Tool::Rings),
        Command::Author(super::AuthorCommand::ToggleEditMode),
        Command::ToggleHelp,
    ];

    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let key = |k| Some(KeyboardShortcut::new(Modifiers::NONE, k));
        let command = |k| Some(KeyboardShortcut::new(Modifiers::COMMAND, k));
        match self {
            Command::FitUkraine => key(Key::Home),
            Command::ZoomIn => key(Key::Plus),
            Command::ZoomOut => key(Key::Minus),
            Command::Pan(x, _) if *x < 0.0 => key(Key::ArrowLeft),
            Command::Pan(x, _) if *x > 0.0 => key(Key::ArrowRight),
            Command::Pan(_, y) if *y < 0.0 => key(Key::ArrowUp),
            Command::Pan(..) => key(Key::ArrowDown),
            Command::NextHub => key(Key::Tab),
            Command::PreviousHub => Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab)),
            Command::ClearSelection => key(Key::Escape),
            Command::ToggleCoalitionLayer => key(Key::C),
            Command::CopyPointerPosition => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::C,
            )),
            Command::ToggleGraticule => command(Key::G),
            Command::ToggleMgrsGrid => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::G,
            )),
            Command::ToggleCoalitionPanel => command(Key::K),
            Command::ToggleExposurePanel => command(Key::J),
            Command::ToggleSlidesPanel => command(Key::L),
            Command::StartPresenting => key(Key::F5),
            Command::ToggleProblems => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::P,
            )),
            Command::ShowOpenDialog => command(Key::O),
            Command::ShowAddOverlayDialog => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::O,
            )),
            Command::FocusSearch => command(Key::F),
            Command::ReloadScenario => command(Key::R),
            Command::ToggleHelp => key(Key::F1),
            Command::Author(super::AuthorCommand::ToggleEditMode) => key(Key::E),
            Command::SaveViewAsPng => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            Command::ShowExportDialog => command(Key::E),
            Command::Undo => command(Key::Z),
            Command::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            Command::DeleteAnnotations => key(Key::Delete),
            Command::SetTool(tool) => key(match tool {
                Tool::Select => Key::V,
                Tool::Text => Key::T,
                Tool::Arrow => Key::A,
                Tool::Line => Key::L,
                Tool::Rectangle => Key::R,
                Tool::Circle => Key::O,
                Tool::Freehand => Key::F,
                Tool::Callout => Key::N,
                Tool::Highlight => Key::H,
                Tool::Measure => Key::M,
                Tool::Rings => Key::G,
            }),
            _ => None,
        }
    }
}
