//! The points of the overlay feature being edited, as handles on the map: drag a point
//! to move it, click a mid-point square to add one, right-click a point to delete it.

use egui::{Rect, Role, Sense, Ui, WidgetInfo, vec2};

use crate::app::{AuthorCommand, Command};
use crate::io::authoring::{FeatureDraft, SketchShape, VertexEdit, editable_rings, mid_points};
use crate::mesh::WorldView;

/// The mid-points of the draft's edges, where a point can be added.
pub fn draft_mid_points(draft: Option<&FeatureDraft>) -> Vec<[f64; 2]> {
    draft
        .and_then(|d| editable_rings(&d.geometry))
        .map(|(shape, rings)| mid_points(shape, &rings).into_iter().map(|m| m.2).collect())
        .unwrap_or_default()
}

fn ring_name(shape: SketchShape, ring: usize) -> String {
    match (shape, ring) {
        (SketchShape::Area, 0) => "the outline".into(),
        (SketchShape::Area, n) => format!("hole {n}"),
        _ => "the line".into(),
    }
}

/// Handles for every point and mid-point of `draft`; true when one took the pointer.
pub fn vertex_handles(
    ui: &mut Ui,
    view: &WorldView,
    draft: &FeatureDraft,
    commands: &mut Vec<Command>,
) -> bool {
    let Some((shape, rings)) = editable_rings(&draft.geometry) else {
        return false;
    };
    let mut used = false;
    for (r, ring) in rings.iter().enumerate() {
        for (i, point) in ring.iter().enumerate() {
            let at = view.lon_lat_to_screen(point[0], point[1]);
            let rect = Rect::from_center_size(at, vec2(12.0, 12.0));
            let response = ui.interact(
                rect,
                ui.scope_id().with(("vertex", r, i)),
                Sense::click_and_drag(),
            );
            let label = format!("Point {} of {}", i + 1, ring_name(shape, r));
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
            let response = response.on_hover_text("Drag to move; right-click to delete");
            if let Some(pointer) = response.interact_pointer_pos()
                && response.dragged_by(egui::PointerButton::Primary)
            {
                let (lon, lat) = view.screen_to_lon_lat(pointer);
                let edit = VertexEdit::Move {
                    ring: r,
                    index: i,
                    to: [lon, lat],
                };
                // The whole drag is written once, when it ends.
                commands.push(Command::Author(AuthorCommand::EditVertex {
                    edit,
                    save: false,
                }));
                used = true;
            }
            if response.drag_stopped_by(egui::PointerButton::Primary) {
                commands.push(Command::Author(AuthorCommand::SaveFeature));
                used = true;
            }
            if response.secondary_clicked() {
                let edit = VertexEdit::Delete { ring: r, index: i };
                commands.push(Command::Author(AuthorCommand::EditVertex {
                    edit,
                    save: true,
                }));
                used = true;
            }
            used |= response.clicked();
        }
    }
    for (r, after, at) in mid_points(shape, &rings) {
        let centre = view.lon_lat_to_screen(at[0], at[1]);
        let rect = Rect::from_center_size(centre, vec2(10.0, 10.0));
        let response = ui.interact(rect, ui.scope_id().with(("mid", r, after)), Sense::click());
        let next = (after + 1) % rings[r].len() + 1;
        let label = format!(
            "Add a point between {} and {next} of {}",
            after + 1,
            ring_name(shape, r)
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if response.clicked() {
            let edit = VertexEdit::Insert { ring: r, after, at };
            commands.push(Command::Author(AuthorCommand::EditVertex {
                edit,
                save: true,
            }));
            used = true;
        }
    }
    used
}
