//! Annotation editing: tools, the selection, undo and redo, and saving after each change.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::history::{DocumentState, UndoHistory};
use crate::io::{load_annotations, save_annotations};
use crate::model::{Annotation, AnnotationShape, AnnotationStyle, LonLat};

/// The drawing tool in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tool {
    /// Select, move and edit annotations; pan the map.
    #[default]
    Select,
    /// Place a text label.
    Text,
    /// Drag an arrow.
    Arrow,
    /// Click points of a line; double-click or Enter ends it.
    Line,
    /// Drag a rectangle.
    Rectangle,
    /// Drag from a centre: the radius is measured on the ground.
    Circle,
    /// Draw freehand.
    Freehand,
    /// Place a numbered callout.
    Callout,
    /// Highlighter.
    Highlight,
    /// Measure distances, bearings and areas (not an annotation).
    Measure,
    /// Place range rings on a hub or a point (not an annotation).
    Rings,
}

impl Tool {
    /// Every tool, in toolbar order.
    pub const ALL: [Tool; 11] = [
        Tool::Select,
        Tool::Text,
        Tool::Arrow,
        Tool::Line,
        Tool::Rectangle,
        Tool::Circle,
        Tool::Freehand,
        Tool::Callout,
        Tool::Highlight,
        Tool::Measure,
        Tool::Rings,
    ];

    /// Toolbar label.
    pub fn label(self) -> &'static str {
        match self {
            Tool::Select => "Select",
            Tool::Text => "Text",
            Tool::Arrow => "Arrow",
            Tool::Line => "Line",
            Tool::Rectangle => "Rectangle",
            Tool::Circle => "Circle (km)",
            Tool::Freehand => "Freehand",
            Tool::Callout => "Callout",
            Tool::Highlight => "Highlight",
            Tool::Measure => "Measure",
            Tool::Rings => "Range rings",
        }
    }

    /// True for the analyst's tools, which measure rather than annotate.
    pub fn is_analysis(self) -> bool {
        matches!(self, Tool::Measure | Tool::Rings)
    }

    /// True for tools that draw by dragging on the map.
    pub fn draws_by_dragging(self) -> bool {
        matches!(
            self,
            Tool::Arrow | Tool::Rectangle | Tool::Circle | Tool::Freehand | Tool::Highlight
        )
    }
}

/// The user's annotations and everything about editing them.
#[derive(Debug, Default)]
pub struct Annotations {
    /// The annotations, in drawing order.
    pub items: Vec<Annotation>,
    /// Selected annotation ids.
    pub selected: BTreeSet<u64>,
    /// The tool in use.
    pub tool: Tool,
    /// Style for new annotations.
    pub style: AnnotationStyle,
    /// A shape being drawn.
    pub draft: Option<AnnotationShape>,
    /// Where they are saved.
    pub path: Option<PathBuf>,
}

impl Annotations {
    /// Loads from `path`; problems (a corrupt file moved aside) come back as sentences.
    pub fn load(path: PathBuf) -> (Self, Vec<String>) {
        let load = load_annotations(&path);
        let annotations = Self {
            items: load.annotations,
            path: Some(path),
            ..Self::default()
        };
        (annotations, load.problems)
    }

    /// The next free id.
    fn next_id(&self) -> u64 {
        self.items.iter().map(|a| a.id).max().unwrap_or(0) + 1
    }

    /// Forgets selected annotations that no longer exist (after an undo, say).
    pub(super) fn drop_missing_selection(&mut self) {
        let ids: BTreeSet<u64> = self.items.iter().map(|a| a.id).collect();
        self.selected.retain(|id| ids.contains(id));
    }

    /// Adds a finished shape (one undo step in `history`) and selects it.
    pub fn add(&mut self, shape: AnnotationShape, history: &mut UndoHistory) -> u64 {
        history.record(DocumentState::Annotations(self.items.clone()));
        let id = self.next_id();
        let text = match &shape {
            AnnotationShape::Text { .. } => "Label".to_owned(),
            _ => String::new(),
        };
        self.items.push(Annotation {
            id,
            shape,
            style: self.style,
            text,
        });
        self.selected = BTreeSet::from([id]);
        id
    }

    /// The number for a new callout.
    pub fn next_callout_number(&self) -> u32 {
        self.items
            .iter()
            .filter_map(|a| match a.shape {
                AnnotationShape::Callout { number, .. } => Some(number),
                _ => None,
            })
            .max()
            .unwrap_or(0)
            + 1
    }

    /// Deletes the selected annotations (one undo step in `history`).
    pub fn delete_selected(&mut self, history: &mut UndoHistory) {
        if self.selected.is_empty() {
            return;
        }
        history.record(DocumentState::Annotations(self.items.clone()));
        let selected = std::mem::take(&mut self.selected);
        self.items.retain(|a| !selected.contains(&a.id));
    }

    /// The selected annotations, mutable.
    pub fn selected_mut(&mut self) -> impl Iterator<Item = &mut Annotation> {
        let selected = self.selected.clone();
        self.items
            .iter_mut()
            .filter(move |a| selected.contains(&a.id))
    }

    /// Saves to the file, if there is one.
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        save_annotations(path, &self.items)
            .map_err(|e| format!("could not save annotations to {}: {e}", path.display()))
    }
}

/// Appends `point` to a stroke unless it is too close to the last one (in degrees).
pub fn extend_stroke(points: &mut Vec<LonLat>, point: LonLat, min_step: f64) {
    if points
        .last()
        .is_none_or(|last| (last[0] - point[0]).hypot(last[1] - point[1]) >= min_step)
    {
        points.push(point);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_and_deleting_each_record_one_step_of_the_annotations() {
        let mut history = UndoHistory::default();
        let mut annotations = Annotations::default();
        annotations.add(AnnotationShape::Text { at: [30.0, 50.0] }, &mut history);
        let added = annotations.items.clone();
        annotations.delete_selected(&mut history);
        // Nothing is selected any more: no step.
        annotations.delete_selected(&mut history);
        assert!(annotations.items.is_empty());
        assert_eq!(history.take_undo(), Some(DocumentState::Annotations(added)));
        assert_eq!(
            history.take_undo(),
            Some(DocumentState::Annotations(Vec::new()))
        );
        assert_eq!(history.take_undo(), None);
    }
}
