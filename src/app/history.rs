//! Undo and redo by snapshots: small documents (annotations, slides) are cheap to copy.

/// Undo keeps this many steps; history is not saved to disk.
pub const UNDO_LIMIT: usize = 100;

/// The states before each change, and those undone.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T: Clone> History<T> {
    /// Records `current` before a change.
    pub fn checkpoint(&mut self, current: &T) {
        self.undo.push(current.clone());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps `current` back; false when there is nothing to undo.
    pub fn undo(&mut self, current: &mut T) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(current, previous));
        true
    }

    /// Steps `current` forward again; false when there is nothing to redo.
    pub fn redo(&mut self, current: &mut T) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(current, next));
        true
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }
}

/// The documents Undo and Redo act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UndoDomain {
    /// The user's annotations.
    Annotations,
    /// The slides.
    Slides,
}

impl super::BackstopApp {
    /// Notices new undo steps in the annotations and the slides, so Undo knows which
    /// document the latest step belongs to.
    pub(super) fn track_undo(&mut self) {
        let depths = (self.annotations.undo_depth(), self.slides.undo_depth());
        if depths.0 > self.seen_depths.0 {
            self.undo_order.push(UndoDomain::Annotations);
            self.redo_order.clear();
        }
        if depths.1 > self.seen_depths.1 {
            self.undo_order.push(UndoDomain::Slides);
            self.redo_order.clear();
        }
        self.seen_depths = depths;
    }

    /// Undoes the latest step, in whichever document it was.
    pub(super) fn undo_latest(&mut self) {
        while let Some(domain) = self.undo_order.pop() {
            let undone = match domain {
                UndoDomain::Annotations => self.annotations.undo(),
                UndoDomain::Slides => self.slides.undo(),
            };
            if undone {
                self.redo_order.push(domain);
                self.save_domain(domain);
                break;
            }
        }
        self.seen_depths = (self.annotations.undo_depth(), self.slides.undo_depth());
    }

    /// Redoes the latest undone step.
    pub(super) fn redo_latest(&mut self) {
        while let Some(domain) = self.redo_order.pop() {
            let redone = match domain {
                UndoDomain::Annotations => self.annotations.redo(),
                UndoDomain::Slides => self.slides.redo(),
            };
            if redone {
                self.undo_order.push(domain);
                self.save_domain(domain);
                break;
            }
        }
        self.seen_depths = (self.annotations.undo_depth(), self.slides.undo_depth());
    }

    fn save_domain(&mut self, domain: UndoDomain) {
        match domain {
            UndoDomain::Annotations => self.save_annotations(),
            UndoDomain::Slides => self.save_slides(),
        }
    }
}
