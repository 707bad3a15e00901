//! Undo and redo across the user's documents (annotations, slides, the scenario's
//! files) in one order. Each
//! step is the state of one document before a change, tagged with that document when it
//! is taken, so undo and redo can never cross documents, however deep the history.

use std::collections::VecDeque;

use crate::model::{Annotation, Deck};

/// Undo keeps this many steps, all documents together; history is not saved to disk.
pub const UNDO_LIMIT: usize = 500;

/// The documents Undo and Redo act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoDomain {
    /// The user's annotations.
    Annotations,
    /// The slides.
    Slides,
    /// The scenario's own files (hubs, nations…), edited in Edit mode.
    Scenario,
}

/// One document's state, as it was before a step (or after one, on the redo side).
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentState {
    /// The annotations.
    Annotations(Vec<Annotation>),
    /// The deck of slides.
    Slides(Deck),
    /// One file of the scenario, as its whole text.
    ScenarioFile {
        /// Relative to the scenario folder.
        file: String,
        /// Its text; `None` when the file did not exist.
        text: Option<String>,
    },
    /// Several files changed by one action (a new layer: its file and its entry),
    /// undone together, the last first.
    ScenarioFiles(Vec<DocumentState>),
}

impl DocumentState {
    /// True when this state is (or holds) the text of the scenario's `file`.
    fn touches(&self, file: &str) -> bool {
        match self {
            DocumentState::ScenarioFile { file: f, .. } => f == file,
            DocumentState::ScenarioFiles(states) => states.iter().any(|s| s.touches(file)),
            _ => false,
        }
    }

    /// The document this state belongs to.
    pub fn domain(&self) -> UndoDomain {
        match self {
            DocumentState::Annotations(_) => UndoDomain::Annotations,
            DocumentState::Slides(_) => UndoDomain::Slides,
            DocumentState::ScenarioFile { .. } | DocumentState::ScenarioFiles(_) => {
                UndoDomain::Scenario
            }
        }
    }
}

/// The states before each change, latest last, and those undone.
#[derive(Debug, Default)]
pub struct UndoHistory {
    undo: VecDeque<DocumentState>,
    redo: Vec<DocumentState>,
}

impl UndoHistory {
    /// Records `before`, the state of one document before a change; the oldest step goes
    /// beyond the limit, and what was undone can no longer be redone.
    pub fn record(&mut self, before: DocumentState) {
        self.undo.push_back(before);
        while self.undo.len() > UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Takes the latest step to undo.
    pub fn take_undo(&mut self) -> Option<DocumentState> {
        self.undo.pop_back()
    }

    /// Takes the latest step to redo.
    pub fn take_redo(&mut self) -> Option<DocumentState> {
        self.redo.pop()
    }

    /// Keeps the state an undo replaced, for redo.
    pub fn push_redo(&mut self, after: DocumentState) {
        self.redo.push(after);
    }

    /// Keeps the state a redo replaced, for undo (redo stays as it is).
    pub fn push_undo(&mut self, before: DocumentState) {
        self.undo.push_back(before);
    }

    /// Forgets every step of `domain` (its document was replaced from outside).
    pub fn forget(&mut self, domain: UndoDomain) {
        self.undo.retain(|s| s.domain() != domain);
        self.redo.retain(|s| s.domain() != domain);
    }

    /// Forgets every step of the scenario's `file` (it was changed from outside);
    /// true when there were any.
    pub fn forget_file(&mut self, file: &str) -> bool {
        let had =
            self.undo.iter().any(|s| s.touches(file)) || self.redo.iter().any(|s| s.touches(file));
        self.undo.retain(|s| !s.touches(file));
        self.redo.retain(|s| !s.touches(file));
        had
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Makes the latest `count` steps one (one action that wrote several files).
    pub fn join_latest(&mut self, count: usize) {
        if count < 2 || self.undo.len() < count {
            return;
        }
        let steps: Vec<DocumentState> = self.undo.split_off(self.undo.len() - count).into();
        self.undo.push_back(DocumentState::ScenarioFiles(steps));
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl super::BackstopApp {
    /// The state of `domain`'s document now; none for the scenario's files, whose step
    /// is the text each edit replaces, taken as it writes.
    fn document_state(&self, domain: UndoDomain) -> Option<DocumentState> {
        match domain {
            UndoDomain::Annotations => Some(DocumentState::Annotations(
                self.documents.annotations.items.clone(),
            )),
            UndoDomain::Slides => Some(DocumentState::Slides(self.documents.slides.deck.clone())),
            UndoDomain::Scenario => None,
        }
    }

    /// Records one undo step for `domain` before a change the UI is about to make in
    /// several frames (a drag, typing in a field).
    pub(super) fn checkpoint(&mut self, domain: UndoDomain) {
        if let Some(before) = self.document_state(domain) {
            self.documents.history.record(before);
        }
    }

    /// Puts `state` in its document and returns what it replaced; the document is saved.
    /// `None` when a scenario file could not be written back (said in a toast).
    fn swap_in(&mut self, state: DocumentState) -> Option<DocumentState> {
        let replaced = match state {
            DocumentState::ScenarioFile { file, text } => {
                let now = self.swap_scenario_file(&file, text)?;
                return Some(DocumentState::ScenarioFile { file, text: now });
            }
            DocumentState::ScenarioFiles(states) => {
                // Last written, first put back; the replaced texts in writing order.
                let mut replaced = Vec::new();
                for state in states.into_iter().rev() {
                    replaced.push(self.swap_in(state)?);
                }
                replaced.reverse();
                return Some(DocumentState::ScenarioFiles(replaced));
            }
            DocumentState::Annotations(items) => {
                let old = std::mem::replace(&mut self.documents.annotations.items, items);
                self.documents.annotations.drop_missing_selection();
                DocumentState::Annotations(old)
            }
            DocumentState::Slides(deck) => {
                let old = std::mem::replace(&mut self.documents.slides.deck, deck);
                self.documents.slides.keep_current_in_range();
                DocumentState::Slides(old)
            }
        };
        match replaced.domain() {
            UndoDomain::Annotations => self.save_annotations(),
            UndoDomain::Slides => self.save_slides(),
            UndoDomain::Scenario => {}
        }
        Some(replaced)
    }

    /// Undoes the latest step, in whichever document it was.
    pub(super) fn undo_latest(&mut self) {
        self.flush_pending_saves();
        if let Some(before) = self.documents.history.take_undo()
            && let Some(after) = self.swap_in(before)
        {
            self.documents.history.push_redo(after);
        }
    }

    /// Redoes the latest undone step.
    pub(super) fn redo_latest(&mut self) {
        self.flush_pending_saves();
        if let Some(after) = self.documents.history.take_redo()
            && let Some(before) = self.swap_in(after)
        {
            self.documents.history.push_undo(before);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_is_capped_as_one_and_keeps_each_steps_document() {
        let mut history = UndoHistory::default();
        for _ in 0..UNDO_LIMIT + 20 {
            history.record(DocumentState::Annotations(Vec::new()));
        }
        history.record(DocumentState::Slides(Deck::default()));
        assert_eq!(
            history.take_undo().map(|s| s.domain()),
            Some(UndoDomain::Slides)
        );
        let mut left = 0;
        while let Some(step) = history.take_undo() {
            assert_eq!(step.domain(), UndoDomain::Annotations);
            left += 1;
        }
        assert_eq!(left, UNDO_LIMIT - 1);
    }

    #[test]
    fn a_new_step_clears_what_was_undone() {
        let mut history = UndoHistory::default();
        history.record(DocumentState::Slides(Deck::default()));
        if let Some(step) = history.take_undo() {
            history.push_redo(step);
        }
        assert!(history.can_redo());
        history.record(DocumentState::Annotations(Vec::new()));
        assert!(!history.can_redo());
    }
}
