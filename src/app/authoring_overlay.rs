//! Edit mode's overlay features: drawing a point, line or area (with holes) into an
//! overlay layer, the feature's form and its checks, and new overlay layers.

use super::{AuthorCommand, BackstopApp, Command};
use crate::io::authoring::{
    FeatureDraft, GeoJsonDocument, LayerDraft, Sketch, SketchShape, check_feature_draft,
};
use crate::model::{LayerKind, OverlayKind};

impl BackstopApp {
    /// The overlay layers that can be drawn into: (id, title, file).
    pub fn drawable_layers(&self) -> Vec<(String, String, String)> {
        self.documents
            .report
            .scenario
            .layers
            .iter()
            .filter(|l| l.kind == LayerKind::Overlay && !l.failed)
            .filter_map(|l| Some((l.id.clone(), l.title.clone(), l.file.clone()?)))
            .collect()
    }

    /// Applies the drawing and overlay-feature commands.
    pub(super) fn apply_drawing(&mut self, command: AuthorCommand) {
        let authoring = &mut self.authoring;
        match command {
            AuthorCommand::SetDrawLayer(id) => authoring.draw_layer = Some(id),
            AuthorCommand::AddOverlayLayer(title) => self.add_overlay_layer(&title),
            AuthorCommand::SetNewLayerTitle(title) => authoring.new_layer_title = title,
            AuthorCommand::StartSketch(shape) => {
                let layer = authoring
                    .draw_layer
                    .clone()
                    .or_else(|| self.drawable_layers().first().map(|l| l.0.clone()));
                match layer {
                    Some(layer) => {
                        self.authoring.editing = true;
                        self.authoring.placing = None;
                        self.authoring.draw_layer = Some(layer.clone());
                        self.authoring.sketch = Some(Sketch {
                            layer,
                            shape,
                            rings: vec![Vec::new()],
                        });
                    }
                    None => self.toast("Add an overlay layer to draw into first", true),
                }
            }
            AuthorCommand::AddSketchPoint(at) => {
                let finished_point = match &mut authoring.sketch {
                    Some(sketch) => {
                        if let Some(ring) = sketch.rings.last_mut() {
                            ring.push(at);
                        }
                        sketch.shape == SketchShape::Point
                    }
                    None => false,
                };
                if finished_point {
                    self.finish_sketch();
                }
            }
            AuthorCommand::StartHole => {
                if let Some(sketch) = &mut authoring.sketch
                    && sketch.shape == SketchShape::Area
                    && sketch.rings.last().is_some_and(|r| r.len() >= 3)
                {
                    sketch.rings.push(Vec::new());
                }
            }
            AuthorCommand::FinishSketch => self.finish_sketch(),
            AuthorCommand::CancelSketch => authoring.sketch = None,
            AuthorCommand::SetFeatureDraft(draft) => {
                authoring.feature = draft;
                self.check_feature();
            }
            AuthorCommand::SaveFeature => self.save_feature(),
            AuthorCommand::DeleteFeature => {
                let Some(draft) = authoring.feature.clone() else {
                    return;
                };
                let Some(id) = draft.original_id.clone() else {
                    authoring.feature = None;
                    return;
                };
                let retry = Command::Author(AuthorCommand::DeleteFeature);
                if self.edit_file(&draft.file, retry, |text| {
                    crate::io::authoring::delete_feature(text, &id)
                }) {
                    self.authoring.feature = None;
                    self.state.selection = None;
                }
            }
            AuthorCommand::EditVertex { edit, save } => {
                let Some(draft) = &mut authoring.feature else {
                    return;
                };
                match crate::io::authoring::edit_vertex(&draft.geometry, edit) {
                    Ok(geometry) => {
                        draft.geometry = geometry;
                        self.check_feature();
                        if save {
                            self.save_feature();
                        }
                    }
                    Err(e) => self.toast(e, true),
                }
            }
            settings => self.apply_settings_edit(settings),
        }
    }

    /// Opens an overlay feature of the scenario's files in the form (not the computed
    /// buffer, which has no file of its own).
    pub(super) fn open_feature(&mut self, layer_id: &str, id: &str) {
        let scenario = &self.documents.report.scenario;
        let Some(layer) = scenario.layer(layer_id) else {
            return;
        };
        let (Some(file), LayerKind::Overlay) = (&layer.file, layer.kind) else {
            return;
        };
        let Some(feature) = layer.features.iter().find(|f| f.id == id) else {
            return;
        };
        self.authoring.feature = Some(FeatureDraft::of(feature, file));
        self.authoring.hub = None;
        self.authoring.last_saved = None;
        self.check_feature();
    }

    /// The sketch becomes a feature in the form, when it is a whole shape.
    fn finish_sketch(&mut self) {
        let Some(sketch) = self.authoring.sketch.take() else {
            return;
        };
        let Some(geometry) = sketch.geometry() else {
            self.toast(
                "A line needs two points and an area three: keep clicking the map",
                true,
            );
            self.authoring.sketch = Some(sketch);
            return;
        };
        let scenario = &self.documents.report.scenario;
        let Some(layer) = scenario.layer(&sketch.layer) else {
            return;
        };
        let kind = most_common_kind(layer).unwrap_or(match sketch.shape {
            SketchShape::Area => OverlayKind::DroneSector,
            _ => OverlayKind::SensorField,
        });
        let file = layer.file.clone().unwrap_or_default();
        self.authoring.feature = Some(FeatureDraft::new_in(&file, kind, geometry, scenario));
        self.authoring.hub = None;
        self.authoring.last_saved = None;
        self.state.show_details_panel = true;
        self.check_feature();
    }

    /// Checks the feature draft again.
    pub(super) fn check_feature(&mut self) {
        let Some(draft) = &self.authoring.feature else {
            self.authoring.feature_problems.clear();
            return;
        };
        let document = self
            .documents
            .files
            .read_text(&draft.file)
            .ok()
            .and_then(|t| GeoJsonDocument::parse(&t).ok())
            .unwrap_or_else(GeoJsonDocument::empty);
        self.authoring.feature_problems =
            check_feature_draft(draft, &self.documents.report.scenario, &document);
    }

    /// Writes the feature draft into its layer's file, if the checks allow.
    fn save_feature(&mut self) {
        self.check_feature();
        let Some(draft) = self.authoring.feature.clone() else {
            return;
        };
        if self.authoring.feature_problems.iter().any(|d| d.is_error()) {
            self.authoring.last_saved = Some("Not saved: see the problems above".into());
            return;
        }
        let retry = Command::Author(AuthorCommand::SaveFeature);
        if self.edit_file(&draft.file, retry, |text| {
            crate::io::authoring::write_feature(text, &draft)
        }) {
            let mut written = draft;
            written.original_id = Some(written.id.trim().to_owned());
            self.authoring.feature = Some(written);
        }
    }

    /// Adds an overlay layer: an empty file under overlays/ and its `[[layers]]` entry
    /// (the entry is the undo step); new shapes are then drawn into it.
    fn add_overlay_layer(&mut self, title: &str) {
        if title.trim().is_empty() {
            self.toast("Give the new layer a title", true);
            return;
        }
        let layer = LayerDraft::titled(title, &self.documents.report.scenario);
        let retry = Command::Author(AuthorCommand::AddOverlayLayer(title.to_owned()));
        let empty = GeoJsonDocument::empty().to_text();
        let steps_before = self.documents.history.undo_len();
        if !self.edit_file(&layer.file, retry.clone(), |_| Ok(empty)) {
            return;
        }
        if self.edit_file("scenario.toml", retry, |text| {
            crate::io::authoring::add_layer(text, &layer)
        }) {
            // The file and its entry are one action: one undo step.
            let steps = self.documents.history.undo_len() - steps_before;
            self.documents.history.join_latest(steps);
            self.authoring.draw_layer = Some(layer.id.clone());
            self.authoring.new_layer_title.clear();
            self.toast(
                format!("Layer \"{}\" added ({})", layer.title, layer.file),
                false,
            );
        }
    }
}

/// The kind most of a layer's features have.
fn most_common_kind(layer: &crate::model::Layer) -> Option<OverlayKind> {
    let mut counts: Vec<(OverlayKind, usize)> = Vec::new();
    for feature in &layer.features {
        match counts.iter_mut().find(|(k, _)| *k == feature.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((feature.kind, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(k, _)| k)
}
