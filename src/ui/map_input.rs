//! Pointer input on the map for the annotation tools, and for Measure and Range rings.

use egui::{Response, Ui};

use crate::app::{Annotations, BackstopApp, Command, Tool, UndoDomain, extend_stroke};
use crate::map::annotation_at;
use crate::mesh::WorldView;
use crate::model::{AnnotationShape, LonLat};

/// True when the primary button went down, in Select mode, on a selected annotation.
pub(super) fn grabs_annotation(ctx: &egui::Context, app: &BackstopApp) -> bool {
    if app.documents.annotations.tool != Tool::Select
        || app.documents.annotations.selected.is_empty()
    {
        return false;
    }
    let (Some(pointer), Some(view)) = (ctx.pointer_interact_pos(), app.world_view()) else {
        return false;
    };
    annotation_at(&view, &app.documents.annotations.items, pointer)
        .is_some_and(|id| app.documents.annotations.selected.contains(&id))
}

/// Turns pointer input on the map into annotation commands (select, move, draw, add).
/// Returns true when it used a click.
pub(super) fn annotate(
    ui: &Ui,
    response: &Response,
    view: &WorldView,
    annotations: &Annotations,
    commands: &mut Vec<Command>,
) -> bool {
    let to_lon_lat = |p: egui::Pos2| {
        let (lon, lat) = view.screen_to_lon_lat(p);
        [lon, lat]
    };
    let pointer = response.interact_pointer_pos().or(response.hover_pos());
    // A step in degrees that is about two points on screen, so strokes stay light.
    let min_step = 2.0 * 360.0 / view.scale();
    let shift = ui.input(|i| i.modifiers.shift);
    let mut used_click = false;
    // The shape being drawn, changed here and handed back as one command.
    let mut draft = annotations.draft.clone();
    match annotations.tool {
        Tool::Select => {
            let mut selected = annotations.selected.clone();
            if response.clicked() {
                let hit = pointer.and_then(|p| annotation_at(view, &annotations.items, p));
                match hit {
                    Some(id) if shift => {
                        if !selected.remove(&id) {
                            selected.insert(id);
                        }
                        used_click = true;
                    }
                    Some(id) => {
                        selected = std::collections::BTreeSet::from([id]);
                        used_click = true;
                    }
                    None if !shift => selected.clear(),
                    None => {}
                }
            }
            if selected != annotations.selected {
                commands.push(Command::SelectAnnotations(selected.clone()));
            }
            if response.drag_started_by(egui::PointerButton::Primary)
                && pointer
                    .and_then(|p| annotation_at(view, &annotations.items, p))
                    .is_some_and(|id| selected.contains(&id))
            {
                // The whole drag is one undo step.
                commands.push(Command::Checkpoint(UndoDomain::Annotations));
                draft = None;
            }
            if response.dragged_by(egui::PointerButton::Primary)
                && grabbing_now(ui, view, annotations)
            {
                let delta = response.drag_delta();
                if let Some(p) = pointer {
                    let (a, b) = (to_lon_lat(p - delta), to_lon_lat(p));
                    commands.push(Command::MoveSelectedAnnotations([b[0] - a[0], b[1] - a[1]]));
                }
            }
            if response.drag_stopped_by(egui::PointerButton::Primary) && !selected.is_empty() {
                commands.push(Command::SaveAnnotations);
            }
        }
        Tool::Text | Tool::Callout => {
            if response.clicked()
                && let Some(p) = pointer
            {
                let at = to_lon_lat(p);
                commands.push(Command::AddAnnotation(if annotations.tool == Tool::Text {
                    AnnotationShape::Text { at }
                } else {
                    AnnotationShape::Callout {
                        at,
                        number: annotations.next_callout_number(),
                    }
                }));
                used_click = true;
            }
        }
        Tool::Line => {
            if response.double_clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                if let Some(AnnotationShape::Line { points }) = draft.take()
                    && points.len() >= 2
                {
                    commands.push(Command::AddAnnotation(AnnotationShape::Line { points }));
                }
                used_click = true;
            } else if response.clicked()
                && let Some(p) = pointer
            {
                match &mut draft {
                    Some(AnnotationShape::Line { points }) => points.push(to_lon_lat(p)),
                    other => {
                        *other = Some(AnnotationShape::Line {
                            points: vec![to_lon_lat(p)],
                        })
                    }
                }
                used_click = true;
            }
        }
        Tool::Measure | Tool::Rings => {}
        Tool::Arrow | Tool::Rectangle | Tool::Circle | Tool::Freehand | Tool::Highlight => {
            if let Some(p) = pointer {
                drag_shape(
                    response,
                    annotations.tool,
                    &mut draft,
                    to_lon_lat(p),
                    to_lon_lat(p - response.drag_delta()),
                    min_step,
                    commands,
                );
            }
        }
    }
    if draft != annotations.draft {
        commands.push(Command::SetDraft(draft));
    }
    used_click
}

/// A shape drawn by dragging: started, stretched, and added when the drag ends.
fn drag_shape(
    response: &Response,
    tool: Tool,
    draft: &mut Option<AnnotationShape>,
    here: LonLat,
    start: LonLat,
    min_step: f64,
    commands: &mut Vec<Command>,
) {
    if response.drag_started_by(egui::PointerButton::Primary) {
        *draft = Some(match tool {
            Tool::Arrow => AnnotationShape::Arrow {
                from: start,
                to: here,
            },
            Tool::Rectangle => AnnotationShape::Rectangle { a: start, b: here },
            Tool::Circle => AnnotationShape::Circle {
                centre: start,
                radius_km: 0.0,
            },
            Tool::Freehand => AnnotationShape::Freehand {
                points: vec![start, here],
            },
            _ => AnnotationShape::Highlight {
                points: vec![start, here],
            },
        });
    } else if response.dragged_by(egui::PointerButton::Primary) {
        match draft {
            Some(AnnotationShape::Arrow { to, .. }) => *to = here,
            Some(AnnotationShape::Rectangle { b, .. }) => *b = here,
            Some(AnnotationShape::Circle { centre, radius_km }) => {
                use geo::Distance;
                *radius_km = geo::Geodesic.distance(
                    geo::Point::new(centre[0], centre[1]),
                    geo::Point::new(here[0], here[1]),
                ) / 1000.0;
            }
            Some(AnnotationShape::Freehand { points } | AnnotationShape::Highlight { points }) => {
                extend_stroke(points, here, min_step);
            }
            _ => {}
        }
    }
    if response.drag_stopped_by(egui::PointerButton::Primary)
        && let Some(shape) = draft.take()
    {
        let big_enough = match &shape {
            AnnotationShape::Circle { radius_km, .. } => *radius_km > 0.0,
            AnnotationShape::Arrow { from, to } | AnnotationShape::Rectangle { a: from, b: to } => {
                from != to
            }
            _ => true,
        };
        if big_enough {
            commands.push(Command::AddAnnotation(shape));
        }
    }
}

/// True while a drag that started on a selected annotation goes on.
fn grabbing_now(ui: &Ui, view: &WorldView, annotations: &Annotations) -> bool {
    let Some(origin) = ui.input(|i| i.pointer.press_origin()) else {
        return false;
    };
    annotation_at(view, &annotations.items, origin)
        .is_some_and(|id| annotations.selected.contains(&id))
}

/// Measure: a click adds a point, a double-click ends the path (Esc too), a click on
/// the first point closes it into an area, a right-click takes back the last point.
/// Range rings: a click puts rings around the point. Returns true when it used a click.
pub(super) fn measure_or_place_rings(
    response: &Response,
    view: &WorldView,
    tool: Tool,
    measurement: &crate::analysis::Measurement,
    format: crate::geometry::position::CoordinateFormat,
    commands: &mut Vec<Command>,
) -> bool {
    let Some(pointer) = response.interact_pointer_pos().or(response.hover_pos()) else {
        return false;
    };
    let (lon, lat) = view.screen_to_lon_lat(pointer);
    match tool {
        Tool::Measure => {
            if response.double_clicked() {
                commands.push(Command::ClearSelection);
                return true;
            }
            if response.secondary_clicked() {
                commands.push(Command::UndoMeasurePoint);
                return true;
            }
            if response.clicked() {
                let first = measurement
                    .points
                    .first()
                    .map(|p| view.lon_lat_to_screen(p[0], p[1]));
                let on_first = first.is_some_and(|f| f.distance(pointer) < 8.0);
                if on_first && measurement.points.len() >= 3 && !measurement.finished {
                    commands.push(Command::CloseMeasurement);
                } else {
                    commands.push(Command::AddMeasurePoint([lon, lat]));
                }
                return true;
            }
            false
        }
        Tool::Rings if response.clicked() => {
            commands.push(Command::PlaceRings {
                centre: [lon, lat],
                name: crate::geometry::position::format_position(lat, lon, format),
            });
            true
        }
        _ => false,
    }
}
