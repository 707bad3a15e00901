//! The app's picture: rebuilt when what it shows changes, and one per slide for a deck.

use std::sync::Arc;

use super::BackstopApp;
use crate::export::DeckPage;
use crate::model::Scenario;
use crate::scene::{Picture, PictureChoices, PictureParts, PictureText};

/// The words around a picture of `scenario`: its title, subtitle and caveat.
pub fn picture_text(scenario: &Scenario) -> PictureText {
    PictureText {
        title: scenario.title.clone(),
        subtitle: scenario.subtitle.clone(),
        as_of: None,
        caption: None,
        caveat: scenario.caveat.clone(),
        ..PictureText::default()
    }
}

impl BackstopApp {
    /// What every picture of the app is made of.
    fn picture_parts(&self) -> PictureParts<'_> {
        PictureParts {
            scenario: &self.documents.report.scenario,
            scene: &self.documents.scene,
            basemap: &self.basemap,
            timeline: &self.documents.timeline,
            annotations: &self.documents.annotations.items,
            tools: &self.tools,
            user_overlays: &self.overlays.layers,
            tiles: self.tile_backend(),
        }
    }

    fn tile_backend(&self) -> Option<Arc<dyn crate::tiles::TileBackend>> {
        self.basemaps.store.as_ref().map(|s| s.backend().clone())
    }

    /// A picture of what the app shows now, built afresh.
    pub fn build_picture(&self) -> Picture {
        Picture::build(
            self.picture_parts(),
            self.state.shown.clone(),
            picture_text(&self.documents.report.scenario),
        )
    }

    /// Rebuilds the picture when what it shows has changed since it was built: called
    /// once a frame, it costs a few comparisons when nothing has.
    pub fn refresh_picture(&mut self) {
        if self.picture_is_stale() {
            self.picture = self.build_picture();
        }
    }

    fn picture_is_stale(&self) -> bool {
        let picture = &self.picture;
        let overlays_differ = picture.user_overlays.len() != self.overlays.layers.len()
            || picture
                .user_overlays
                .iter()
                .zip(&self.overlays.layers)
                .any(|(a, b)| {
                    !Arc::ptr_eq(&a.layer, &b.layer)
                        || a.visible != b.visible
                        || a.points != b.points
                });
        let tiles_differ = match (&picture.tiles, self.basemaps.store.as_ref()) {
            (None, None) => false,
            (Some(a), Some(store)) => !Arc::ptr_eq(a, store.backend()),
            _ => true,
        };
        !Arc::ptr_eq(&picture.scenario, &self.documents.report.scenario)
            || !Arc::ptr_eq(&picture.scene, &self.documents.scene)
            || picture.choices != self.state.shown
            || *picture.tools != self.tools
            || *picture.annotations
                != *self
                    .state
                    .shown
                    .annotations
                    .pick(&self.documents.annotations.items)
            || overlays_differ
            || tiles_differ
    }

    /// Every slide as a page to render: a picture of what the slide shows, with its
    /// title and caption. The app's own view is not touched.
    pub fn deck_pages(&self) -> Vec<DeckPage> {
        let scenario = &self.documents.report.scenario;
        self.documents
            .slides
            .deck
            .slides
            .iter()
            .enumerate()
            .map(|(index, slide)| {
                let choices = PictureChoices::for_slide(
                    slide,
                    scenario,
                    &self.documents.timeline,
                    self.state.shown.basemap_layers,
                );
                let text = PictureText {
                    title: slide.title.clone(),
                    subtitle: scenario.title.clone(),
                    as_of: None,
                    caption: (!slide.caption.is_empty()).then(|| slide.caption.clone()),
                    caveat: scenario.caveat.clone(),
                    ..PictureText::default()
                };
                DeckPage {
                    file_stem: slide.file_stem(index + 1),
                    picture: Picture::build(self.picture_parts(), choices, text),
                    bounds: slide.bounds,
                    notes: slide.notes.clone(),
                }
            })
            .collect()
    }
}
