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
