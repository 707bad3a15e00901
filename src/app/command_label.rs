//! What each command is called in menus and the help overlay.

use super::Command;
use super::settings::Theme;

impl Command {
    /// A short label for buttons, menus and the help overlay.
    pub fn label(&self) -> String {
        match self {
            Command::FitUkraine => "Fit Ukraine".into(),
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::Pan(x, _) if *x < 0.0 => "Pan left".into(),
            Command::Pan(x, _) if *x > 0.0 => "Pan right".into(),
            Command::Pan(_, y) if *y < 0.0 => "Pan up".into(),
            Command::Pan(..) => "Pan down".into(),
            Command::FocusOn { .. } => "Zoom to a place".into(),
            Command::ZoomToBounds(_) => "Zoom to an area".into(),
            Command::FocusSearch => "Search".into(),
            Command::NextHub => "Next hub".into(),
            Command::PreviousHub => "Previous hub".into(),
            Command::ToggleLayer(_) => "Show or hide layer".into(),
            Command::SetLayerOpacity(..) => "Layer opacity".into(),
            Command::ZoomToLayer(_) => "Zoom to layer".into(),
            Command::ToggleCoalitionLayer => "Coalition roles on the map".into(),
            Command::ToggleGraticule => "Latitude/longitude grid".into(),
            Command::ToggleMgrsGrid => "MGRS grid".into(),
            Command::Select(_) => "Select".into(),
            Command::ClearSelection => "Clear selection".into(),
            Command::ToggleProblems => "Problems panel".into(),
            Command::ToggleCoalitionPanel => "Coalition panel".into(),
            Command::ToggleExposurePanel => "Exposure panel".into(),
            Command::ToggleLayersPanel => "Layers panel".into(),
            Command::ToggleTimeline => "Timeline".into(),
            Command::ToggleLiveReload => "Reload files when they change".into(),
            Command::ToggleReduceMotion => "Reduce motion (cut between slides)".into(),
            Command::ToggleDetailsPanel => "Details panel".into(),
            Command::SetTheme(Theme::Light) => "Light theme".into(),
            Command::SetTheme(Theme::Dark) => "Dark theme".into(),
            Command::ToggleHelp => "Keyboard shortcuts".into(),
            Command::ShowOpenDialog => "Open scenario folder…".into(),
            Command::OpenScenario(source) => format!("Open {}", source.describe()),
            Command::ReloadScenario => "Reload scenario".into(),
            Command::ChooseBasemap(crate::tiles::BasemapChoice::BuiltIn) => {
                "Built-in (vector)".into()
            }
            Command::ChooseBasemap(crate::tiles::BasemapChoice::Online(name)) => name.clone(),
            Command::ChooseBasemap(crate::tiles::BasemapChoice::Pack(path)) => {
                path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            }
            Command::ShowOpenTilePackDialog => "Open tile pack…".into(),
            Command::ShowPreparePack => "Prepare offline pack…".into(),
            Command::StartPreparingPack => "Start".into(),
            Command::ClosePreparePack => "Close".into(),
            Command::ShowAddOverlayDialog => "Add overlay…".into(),
            Command::AddOverlay(path) | Command::AddOverlayWith(path, _) => {
                format!("Add {}", path.display())
            }
            Command::RemoveOverlay(_) => "Remove overlay".into(),
            Command::ReadOverlayTable { .. } => "Read one table".into(),
            Command::CancelOverlayLoad(_) => "Cancel loading".into(),
            Command::ToggleOverlay(_) => "Show or hide overlay".into(),
            Command::SetPointColour { .. } => "Colour points by".into(),
            Command::SetPointFilter { .. } => "Filter overlay by property".into(),
            Command::SaveViewAsPng => "Save view as PNG".into(),
            Command::ShowExportDialog => "Export image…".into(),
            Command::CopyExportToClipboard => "Copy image to clipboard".into(),
            Command::CancelExport => "Cancel the export".into(),
            Command::SetTool(tool) => tool.label().into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::DeleteAnnotations => "Delete selected annotations".into(),
            Command::SaveAnnotations => "Save annotations".into(),
            Command::AddMeasurePoint(_) => "Measure to here".into(),
            Command::UndoMeasurePoint => "Take back the last point".into(),
            Command::CloseMeasurement => "Close the path (area)".into(),
            Command::ClearMeasurement => "Clear the measurement".into(),
            Command::PlaceRings { .. } => "Range rings here".into(),
            Command::ClearRings => "Clear range rings".into(),
            Command::SetCoordinateFormat(format) => format.label().into(),
            Command::CopyPosition(_) => "Copy position".into(),
            Command::CopyPointerPosition => "Copy the position under the pointer".into(),
            Command::DropMarker { .. } => "Drop a marker".into(),
            Command::ClearMarker => "Remove the marker".into(),
            Command::ToggleSlidesPanel => "Slides panel".into(),
            Command::AddSlide => "Add the current view as a slide".into(),
            Command::UpdateSlide(_) => "Update the slide from the view".into(),
            Command::DuplicateSlide(_) => "Duplicate the slide".into(),
            Command::DeleteSlide(_) => "Delete the slide".into(),
            Command::MoveSlide(..) => "Move the slide".into(),
            Command::GoToSlide(_) => "Show the slide".into(),
            Command::SaveSlides => "Save slides".into(),
            Command::StartPresenting => "Present (full screen)".into(),
            Command::StopPresenting => "Leave the presenter view".into(),
            Command::NextSlide => "Next slide".into(),
            Command::PreviousSlide => "Previous slide".into(),
            Command::FirstSlide => "First slide".into(),
            Command::LastSlide => "Last slide".into(),
            Command::ToggleBlackout => "Black out the screen".into(),
            Command::ExportSlides(crate::app::DeckTarget::Pictures(_)) => "Export slides…".into(),
            Command::ExportSlides(crate::app::DeckTarget::PowerPoint(_)) => {
                "Export slides as PowerPoint…".into()
            }
            Command::ExportSlides(crate::app::DeckTarget::Handout { .. }) => {
                "Export slides as a PDF handout…".into()
            }
            Command::CancelDeckExport => "Cancel the slide export".into(),
            Command::SetHandoutNotes(true) => "Handout with notes".into(),
            Command::SetHandoutNotes(false) => "Handout without notes".into(),
            Command::Checkpoint(_) => "Start an edit".into(),
            Command::SelectAnnotations(_) => "Select annotations".into(),
            Command::MoveSelectedAnnotations(_) => "Move annotations".into(),
            Command::AddAnnotation(_) => "Add an annotation".into(),
            Command::SetDraft(_) => "Draw".into(),
            Command::EditSelectedAnnotations { .. } => "Edit annotations".into(),
            Command::SetAnnotationStyle(_) => "Style of new annotations".into(),
            Command::EditSlideWords { .. } => "Edit the slide's words".into(),
            Command::SetSlideAnnotations(..) => "Annotations on the slide".into(),
            Command::SetRingRadii(_) => "Range ring radii".into(),
            Command::SetAsOf(_) => "Show as of".into(),
            Command::TogglePlay => "Play the timeline".into(),
            Command::SetFilters(_) => "Filter".into(),
            Command::SetBasemapLayers(_) => "Basemap layers".into(),
            Command::SortCoalition(_) | Command::SortExposure(_) => "Sort the table".into(),
            Command::Author(command) => command.label(),
        }
    }
}
