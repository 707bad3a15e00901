//! The overlay feature form of Edit mode, in the Details panel: a drawn point, line or
//! area's properties, checked live and written into its layer's file when a field is
//! left and the checks allow.

use egui::{RichText, Ui};

use super::form_fields::{Edited, identity_fields, sources_editor, text_field, validity_field};
use crate::app::{AuthorCommand, BackstopApp, Command};
use crate::model::OverlayKind;

fn shape_summary(geometry: &geo::Geometry<f64>) -> String {
    use geo::CoordsIter;
    match geometry {
        geo::Geometry::Point(_) => "a point".into(),
        geo::Geometry::LineString(line) => format!("a line of {} points", line.coords_count()),
        geo::Geometry::Polygon(polygon) => format!(
            "an area of {} points, {} hole{}",
            polygon.exterior().coords_count().saturating_sub(1),
            polygon.interiors().len(),
            if polygon.interiors().len() == 1 {
                ""
            } else {
                "s"
            }
        ),
        _ => "a shape".into(),
    }
}

/// The form for the overlay feature being edited (`app.authoring.feature`).
pub fn feature_form(ui: &mut Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let Some(original) = &app.authoring.feature else {
        return;
    };
    let scenario = &app.documents.report.scenario;
    let mut draft = original.clone();
    let written = draft
        .original_id
        .as_deref()
        .is_some_and(|id| scenario.overlay_features().any(|(_, f)| f.id == id));
    ui.horizontal(|ui| {
        ui.heading(if written {
            "Edit feature"
        } else {
            "New feature"
        });
        if ui.button("Close").clicked() {
            commands.push(Command::Author(AuthorCommand::SetFeatureDraft(None)));
        }
    });
    ui.label(
        RichText::new(format!(
            "{} in {}",
            shape_summary(&draft.geometry),
            draft.file
        ))
        .weak(),
    );
    super::form_fields::checks_block(ui, &app.authoring.feature_problems);
    let has_errors = app.authoring.feature_problems.iter().any(|d| d.is_error());
    let mut save_clicked = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!has_errors, egui::Button::new("Save feature"))
            .clicked()
        {
            save_clicked = true;
        }
        if !written && ui.button("Discard").clicked() {
            commands.push(Command::Author(AuthorCommand::SetFeatureDraft(None)));
        }
        if written && ui.button("Delete feature").clicked() {
            commands.push(Command::Author(AuthorCommand::DeleteFeature));
        }
    });
    super::form_fields::saved_line(ui, app.authoring.last_saved.as_deref());
    ui.separator();
    let mut edited = Edited {
        changed: false,
        committed: save_clicked,
    };
    edited.add(identity_fields(
        ui,
        "Feature",
        (&mut draft.name, &mut draft.id),
        (&mut draft.kind, OverlayKind::ALL, OverlayKind::label),
        &mut draft.status,
    ));
    edited.add(text_field(ui, "Operator", &mut draft.operator, 1));
    edited.add(validity_field(
        ui,
        "Feature valid from",
        &mut draft.valid_from,
        scenario,
    ));
    edited.add(validity_field(
        ui,
        "Feature valid to",
        &mut draft.valid_to,
        scenario,
    ));
    edited.add(text_field(
        ui,
        "Feature description",
        &mut draft.description,
        4,
    ));
    edited.add(sources_editor(ui, &mut draft.sources));
    if draft != *original {
        commands.push(Command::Author(AuthorCommand::SetFeatureDraft(Some(draft))));
    }
    if edited.committed {
        commands.push(Command::Author(AuthorCommand::SaveFeature));
    }
}
