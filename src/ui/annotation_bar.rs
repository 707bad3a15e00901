//! The annotation toolbar, and the editor for selected annotations.

use egui::{Color32, RichText};

use crate::app::{BackstopApp, Command, Tool, UndoDomain};
use crate::model::{AnnotationShape, AnnotationStyle};

/// The palette offered for annotations: strong colours that read on both themes.
const PALETTE: [([u8; 3], &str); 6] = [
    ([200, 30, 30], "Red"),
    ([230, 120, 0], "Orange"),
    ([0, 90, 200], "Blue"),
    ([0, 140, 70], "Green"),
    ([120, 40, 160], "Purple"),
    ([20, 20, 20], "Black"),
];

/// The row of tools under the top bar.
pub fn annotation_bar(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::top("annotation_bar").show(ui, |ui| {
        // The tools' controls wrap onto a second row rather than run off a narrow window.
        ui.horizontal_wrapped(|ui| {
            if ui
                .selectable_label(app.authoring.editing, "✏ Edit")
                .on_hover_text(
                    "Edit mode: place, move and fill in hubs, draw overlay features, edit \
                     nations (E)",
                )
                .clicked()
            {
                commands.push(Command::Author(crate::app::AuthorCommand::ToggleEditMode));
            }
            ui.separator();
            ui.label(RichText::new("Annotate").strong());
            for tool in Tool::ALL {
                if ui
                    .selectable_label(app.documents.annotations.tool == tool, tool.label())
                    .clicked()
                {
                    commands.push(Command::SetTool(tool));
                }
            }
            ui.separator();
            if app.documents.annotations.tool.is_analysis() {
                analysis_controls(ui, app, commands);
                return;
            }
            let mut style = app.documents.annotations.style;
            if style_controls(ui, &mut style, "New") {
                commands.push(Command::SetAnnotationStyle(style));
            }
            ui.separator();
            if ui
                .add_enabled(app.documents.history.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                commands.push(Command::Undo);
            }
            if ui
                .add_enabled(app.documents.history.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
                .clicked()
            {
                commands.push(Command::Redo);
            }
            if app.documents.annotations.tool == Tool::Line {
                ui.label(RichText::new("click points; double-click or Enter ends the line").weak());
            }
        });
    });
}

/// The Measure tool's figures, or the Range rings tool's radii, in the toolbar.
fn analysis_controls(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let tools = &app.tools;
    if app.documents.annotations.tool == Tool::Measure {
        let m = &tools.measurement;
        if m.points.len() < 2 {
            ui.label(
                RichText::new(
                    "click points (or hubs); double-click or Esc ends; click the first point to close; right-click takes back a point",
                )
                .weak(),
            );
        } else {
            let legs = m.legs();
            let last = legs.last().copied();
            ui.label(RichText::new(format!("Total {:.1} km", m.total_km())).strong());
            if let Some(area) = m.area_km2() {
                ui.label(RichText::new(format!("Area {area:.0} km²")).strong());
            }
            if let Some(leg) = last {
                ui.label(format!(
                    "{} legs · last {:.1} km at {:.1}° ({:.0} mil)",
                    legs.len(),
                    leg.km,
                    leg.bearing_deg,
                    leg.mils()
                ));
            }
            if ui
                .add_enabled(
                    m.points.len() >= 3 && !m.closed,
                    egui::Button::new("Close path"),
                )
                .on_hover_text("Join the last point to the first and measure the area")
                .clicked()
            {
                commands.push(Command::CloseMeasurement);
            }
            if ui.button("Clear").clicked() {
                commands.push(Command::ClearMeasurement);
            }
        }
        if let Some(&[lon, lat]) = m.points.last() {
            let written =
                crate::geometry::position::format_position(lat, lon, app.coordinate_format);
            ui.label(
                RichText::new(format!("last point {written}"))
                    .monospace()
                    .weak(),
            );
        }
        if let Some(place) = super::position::position_field(ui, "measure to", "Add point") {
            commands.push(Command::AddMeasurePoint([place.lon, place.lat]));
        }
        return;
    }
    let label = ui.label("Radii (km)");
    let valid = crate::analysis::parse_radii(&tools.radii_text).is_some();
    let mut radii = tools.radii_text.clone();
    let mut edit = egui::TextEdit::singleline(&mut radii).desired_width(110.0);
    if !valid {
        edit = edit.text_color(Color32::from_rgb(200, 40, 40));
    }
    if ui.add(edit).labelled_by(label.id).changed() {
        commands.push(Command::SetRingRadii(radii));
    }
    let presets: Vec<&crate::model::RingSet> = app
        .documents
        .report
        .scenario
        .ring_sets
        .iter()
        .filter(|s| s.origin == crate::model::RingOrigin::Preset)
        .collect();
    if !presets.is_empty() {
        ui.menu_button("Presets", |ui| {
            for set in presets {
                if ui
                    .button(&set.name)
                    .on_hover_text(&set.description)
                    .clicked()
                {
                    let radii: Vec<String> = set.radii_km.iter().map(ToString::to_string).collect();
                    commands.push(Command::SetRingRadii(radii.join(", ")));
                    ui.close();
                }
            }
        });
    }
    ui.label(RichText::new("click a hub or a point").weak());
    if ui
        .add_enabled(
            !tools.rings.is_empty(),
            egui::Button::new(format!("Clear rings ({})", tools.rings.len())),
        )
        .clicked()
    {
        commands.push(Command::ClearRings);
    }
    if let Some(place) = super::position::position_field(ui, "rings at", "or at") {
        commands.push(Command::PlaceRings {
            centre: [place.lon, place.lat],
            name: place.understood,
        });
    }
}

/// Colour swatches and width; returns true when something changed.
fn style_controls(ui: &mut egui::Ui, style: &mut AnnotationStyle, prefix: &str) -> bool {
    let mut changed = false;
    for (colour, name) in PALETTE {
        let selected = style.colour == colour;
        let fill = Color32::from_rgb(colour[0], colour[1], colour[2]);
        let button = egui::Button::new(
            RichText::new(if selected { "✔" } else { "  " }).color(Color32::WHITE),
        )
        .fill(fill)
        .min_size(egui::vec2(20.0, 20.0));
        let label = format!("{prefix}: {name}");
        let response = ui.add(button).on_hover_text(&label);
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        if response.clicked() {
            style.colour = colour;
            changed = true;
        }
    }
    changed |= ui
        .add(egui::Slider::new(&mut style.width, 1.0..=12.0).text("width"))
        .changed();
    changed
}

/// The editor for the selected annotations, in the details panel.
pub fn annotation_editor(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let count = app.documents.annotations.selected.len();
    ui.heading(if count == 1 {
        "Annotation".to_owned()
    } else {
        format!("{count} annotations")
    });
    let Some(first) = app
        .documents
        .annotations
        .items
        .iter()
        .find(|a| app.documents.annotations.selected.contains(&a.id))
        .cloned()
    else {
        return;
    };
    ui.label(RichText::new(first.shape.kind()).small().weak());
    if let AnnotationShape::Circle { radius_km, .. } = first.shape {
        ui.label(format!("Radius {radius_km:.1} km (on the ground)"));
    }
    let mut text = first.text.clone();
    let mut style = first.style;
    let label = ui.label("Text");
    let text_response = ui
        .add(egui::TextEdit::multiline(&mut text).desired_rows(2))
        .labelled_by(label.id);
    let mut changed_style = false;
    ui.horizontal_wrapped(|ui| changed_style |= style_controls(ui, &mut style, "Colour"));
    let size = ui.add(egui::Slider::new(&mut style.font_size, 8.0..=48.0).text("text size"));
    changed_style |= size.changed();
    changed_style |= ui.checkbox(&mut style.fill, "Fill").changed();
    // One undo step per edit: when typing starts, or a control is first touched.
    if text_response.gained_focus() || size.drag_started() || (changed_style && !size.dragged()) {
        commands.push(Command::Checkpoint(UndoDomain::Annotations));
    }
    if text_response.changed() || changed_style {
        commands.push(Command::EditSelectedAnnotations {
            text: text_response.changed().then_some(text),
            style: changed_style.then_some(style),
        });
    }
    if ui
        .button("Delete")
        .on_hover_text("Delete the selected annotations (Delete)")
        .clicked()
    {
        commands.push(Command::DeleteAnnotations);
    }
}
