//! The briefing's slides: the deck, editing with undo, saving after each change, and
//! turning the map's state into a slide and back.

use std::path::PathBuf;

use super::BackstopApp;
use super::history::{DocumentState, UndoHistory};
use crate::io::{ScenarioFiles, load_slides, save_slides};
use crate::model::{Deck, Slide};

/// The deck and everything about editing it.
#[derive(Debug, Default)]
pub struct Slides {
    /// The slides.
    pub deck: Deck,
    /// The slide last shown or chosen.
    pub current: Option<usize>,
    /// Where they are saved.
    pub path: Option<PathBuf>,
}

impl Slides {
    /// Loads the slides for `files` from `path`; problems are returned for the user.
    pub fn load(path: PathBuf, files: &ScenarioFiles) -> (Self, Vec<crate::io::Diagnostic>) {
        let load = load_slides(&path, files);
        let slides = Self {
            current: (!load.deck.slides.is_empty()).then_some(0),
            deck: load.deck,
            path: Some(path),
        };
        (slides, load.problems)
    }

    /// Keeps the current slide one that exists.
    pub(super) fn keep_current_in_range(&mut self) {
        let count = self.deck.slides.len();
        self.current = match self.current {
            _ if count == 0 => None,
            Some(i) => Some(i.min(count - 1)),
            None => None,
        };
    }

    /// Inserts a slide after the current one and makes it current (one undo step).
    pub fn insert(&mut self, slide: Slide, history: &mut UndoHistory) {
        history.record(DocumentState::Slides(self.deck.clone()));
        let at = self.current.map_or(self.deck.slides.len(), |i| i + 1);
        let at = at.min(self.deck.slides.len());
        self.deck.slides.insert(at, slide);
        self.current = Some(at);
    }

    /// Replaces slide `index`'s map state with `slide`'s, keeping its words.
    pub fn update(&mut self, index: usize, slide: Slide, history: &mut UndoHistory) {
        if let Some(old) = self.deck.slides.get(index) {
            let words = (old.title.clone(), old.caption.clone(), old.notes.clone());
            history.record(DocumentState::Slides(self.deck.clone()));
            let target = &mut self.deck.slides[index];
            *target = slide;
            (target.title, target.caption, target.notes) = words;
        }
    }

    /// Copies slide `index` right after it.
    pub fn duplicate(&mut self, index: usize, history: &mut UndoHistory) {
        if let Some(slide) = self.deck.slides.get(index).cloned() {
            history.record(DocumentState::Slides(self.deck.clone()));
            self.deck.slides.insert(index + 1, slide);
            self.current = Some(index + 1);
        }
    }

    /// Removes slide `index`.
    pub fn delete(&mut self, index: usize, history: &mut UndoHistory) {
        if index < self.deck.slides.len() {
            history.record(DocumentState::Slides(self.deck.clone()));
            self.deck.slides.remove(index);
            self.keep_current_in_range();
        }
    }

    /// Moves slide `from` to position `to`.
    pub fn move_slide(&mut self, from: usize, to: usize, history: &mut UndoHistory) {
        let count = self.deck.slides.len();
        if from < count && to < count && from != to {
            history.record(DocumentState::Slides(self.deck.clone()));
            let slide = self.deck.slides.remove(from);
            self.deck.slides.insert(to, slide);
            self.current = Some(to);
        }
    }

    /// Writes the deck to its file.
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        save_slides(path, &self.deck)
            .map_err(|e| format!("could not save slides to {}: {e}", path.display()))
    }
}

impl BackstopApp {
    /// The map as it is now, as a slide (with a title to be edited).
    pub fn capture_slide(&self) -> Slide {
        let bounds = self.world_view().map_or(super::UKRAINE_BOUNDS, |view| {
            let rect = view.visible_world(0.0);
            let (west, north) = crate::geometry::world_to_lon_lat(rect.min);
            let (east, south) = crate::geometry::world_to_lon_lat(rect.max);
            [west, south, east, north]
        });
        let layers = self.layer_choices();
        let as_of = self
            .state
            .shown
            .as_of
            .and_then(|stop| self.documents.timeline.stops.get(stop))
            .map(|stop| stop.id.clone());
        Slide {
            title: format!("Slide {}", self.documents.slides.deck.slides.len() + 1),
            caption: String::new(),
            notes: String::new(),
            bounds,
            layers,
            coalition_layer: self.state.shown.coalition_layer,
            filters: crate::scene::slide_filters(&self.state.shown.filters),
            as_of,
            annotations: self.state.shown.annotations.clone(),
            grid: {
                let layers = self.state.shown.basemap_layers;
                Some(crate::model::SlideGrid::of(
                    layers.graticule,
                    layers.mgrs_grid,
                ))
            },
        }
    }

    /// Sets everything but the camera from `slide`: layers, filters, time, annotations.
    pub fn apply_slide_state(&mut self, slide: &Slide) {
        self.state.shown = crate::scene::PictureChoices::for_slide(
            slide,
            &self.documents.report.scenario,
            &self.documents.timeline,
            self.state.shown.basemap_layers,
        );
        self.state.playing = false;
        self.state.selection = None;
        self.refresh_picture();
    }

    /// Shows slide `index` at once: its state and its framing.
    pub fn show_slide(&mut self, index: usize) {
        let Some(slide) = self.documents.slides.deck.slides.get(index).cloned() else {
            return;
        };
        self.documents.slides.current = Some(index);
        self.apply_slide_state(&slide);
        let [west, south, east, north] = slide.bounds;
        self.fit_bounds(west, south, east, north);
    }

    /// Saves the slides; a failure is said in a toast and the work stays in memory.
    pub fn save_slides(&mut self) {
        self.save_now(super::UndoDomain::Slides);
    }

    /// The annotations a slide (or the user) chose to show.
    /// Borrowed when all show, so the usual frame copies nothing.
    pub fn shown_annotations(&self) -> std::borrow::Cow<'_, [crate::model::Annotation]> {
        self.state
            .shown
            .annotations
            .pick(&self.documents.annotations.items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Slide {
        Slide {
            title: title.into(),
            ..Slide::default()
        }
    }

    fn titles(deck: &Deck) -> Vec<String> {
        deck.slides.iter().map(|x| x.title.clone()).collect()
    }

    #[test]
    fn each_deck_edit_records_the_deck_before_it_and_no_op_edits_record_nothing() {
        let mut history = UndoHistory::default();
        let mut slides = Slides::default();
        slides.insert(titled("a"), &mut history);
        slides.insert(titled("b"), &mut history);
        slides.insert(titled("c"), &mut history);
        slides.move_slide(2, 0, &mut history);
        assert_eq!(titles(&slides.deck), ["c", "a", "b"]);
        slides.delete(1, &mut history);
        slides.delete(9, &mut history);
        slides.move_slide(0, 0, &mut history);
        slides.duplicate(0, &mut history);
        assert_eq!(titles(&slides.deck), ["c", "c", "b"]);
        let mut before = Vec::new();
        while let Some(DocumentState::Slides(deck)) = history.take_undo() {
            before.push(titles(&deck));
        }
        assert_eq!(
            before,
            [
                vec!["c", "b"],
                vec!["c", "a", "b"],
                vec!["a", "b", "c"],
                vec!["a", "b"],
                vec!["a"],
                vec![],
            ]
        );
    }
}
