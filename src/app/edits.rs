//! Applying the edits of the user's documents (annotations and slides) that the map and
//! the panels ask for: each takes its undo step here, or belongs to one a `Checkpoint`
//! command took when a drag or typing began.

use super::{BackstopApp, Command, UndoDomain};

impl BackstopApp {
    /// Applies an edit command (the other commands are applied in `apply_command`).
    pub(super) fn apply_edit(&mut self, command: Command) {
        match command {
            Command::Checkpoint(domain) => self.checkpoint(domain),
            Command::SelectAnnotations(ids) => self.documents.annotations.selected = ids,
            Command::MoveSelectedAnnotations([d_lon, d_lat]) => {
                for annotation in self.documents.annotations.selected_mut() {
                    crate::model::translate(&mut annotation.shape, d_lon, d_lat);
                }
            }
            Command::AddAnnotation(shape) => {
                self.documents.annotations.draft = None;
                self.documents
                    .annotations
                    .add(shape, &mut self.documents.history);
                self.save_annotations();
            }
            Command::SetDraft(draft) => self.documents.annotations.draft = draft,
            Command::EditSelectedAnnotations { text, style } => {
                for annotation in self.documents.annotations.selected_mut() {
                    if let Some(text) = &text {
                        annotation.text.clone_from(text);
                    }
                    if let Some(style) = style {
                        annotation.style = style;
                    }
                }
                self.save_later(UndoDomain::Annotations);
            }
            Command::SetAnnotationStyle(style) => self.documents.annotations.style = style,
            Command::SetRingRadii(text) => self.tools.radii_text = text,
            Command::EditSlideWords {
                index,
                title,
                caption,
                notes,
            } => {
                if let Some(slide) = self.documents.slides.deck.slides.get_mut(index) {
                    (slide.title, slide.caption, slide.notes) = (title, caption, notes);
                    self.save_later(UndoDomain::Slides);
                }
            }
            Command::SetSlideAnnotations(index, choice) => {
                let changed = self
                    .documents
                    .slides
                    .deck
                    .slides
                    .get(index)
                    .is_some_and(|s| s.annotations != choice);
                if changed {
                    self.checkpoint(UndoDomain::Slides);
                    if let Some(slide) = self.documents.slides.deck.slides.get_mut(index) {
                        slide.annotations = choice.clone();
                    }
                    self.state.shown.annotations = choice;
                    self.save_slides();
                }
            }
            other => log::warn!("not an edit command: {}", other.label()),
        }
    }
}
