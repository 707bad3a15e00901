//! Positions on screen: the readout of the position under the pointer (in the format
//! chosen in the View menu), the map's right-click menu that copies a position or drops
//! a marker there, and the bar of a dropped marker that turns it into range rings or a
//! measured point.

use egui::{Align2, Rect, RichText, WidgetInfo};

use crate::app::{BackstopApp, Command, Tool};
use crate::geometry::position::{
    CoordinateFormat, ParsedPosition, PositionError, format_position, parse_position,
};

/// The readout at the bottom of the map, while the pointer is over it.
pub(super) fn pointer_readout(ui: &egui::Ui, app: &BackstopApp, map: Rect) {
    let Some([lon, lat]) = app.pointer_position else {
        return;
    };
    let text = format_position(lat, lon, app.coordinate_format);
    egui::Area::new(egui::Id::unique("pointer readout"))
        .order(egui::Order::Foreground)
        .interactable(false)
        .pivot(Align2::CENTER_BOTTOM)
        // Above the attribution line, which a narrow map's readout would cover.
        .fixed_pos(egui::pos2(map.center().x, map.bottom() - 24.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(egui::Margin::symmetric(8, 3))
                .show(ui, |ui| {
                    let label = ui.label(RichText::new(&text).monospace());
                    label.widget_info(|| {
                        WidgetInfo::labeled(
                            egui::Role::Label,
                            true,
                            format!("Pointer position: {text}"),
                        )
                    });
                });
        });
}

/// The choices for the coordinate format, as radio buttons (the View menu).
pub(super) fn format_choices(
    ui: &mut egui::Ui,
    current: CoordinateFormat,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new("Positions as").weak());
    for format in CoordinateFormat::ALL {
        if ui.radio(current == format, format.label()).clicked() {
            commands.push(Command::SetCoordinateFormat(format));
        }
    }
}

/// A field where a position is typed in any format; gives the position when Enter is
/// pressed on something that reads as one (the first reading, the others shown on
/// hover), and says why when it does not.
pub(super) fn position_field(ui: &mut egui::Ui, salt: &str, label: &str) -> Option<ParsedPosition> {
    let id = egui::Id::unique(salt);
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_default();
    let caption = ui.label(label);
    let readings = parse_position(&text);
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text("MGRS, UTM, lat lon…")
        .desired_width(130.0);
    if matches!(readings, Err(PositionError::Invalid(_))) {
        edit = edit.text_color(egui::Color32::from_rgb(200, 40, 40));
    }
    let response = ui.add(edit).labelled_by(caption.id);
    let response = match &readings {
        Ok(found) => response.on_hover_text(
            found
                .iter()
                .map(|r| {
                    format!(
                        "{} → {}",
                        r.understood,
                        format_position(r.lat, r.lon, CoordinateFormat::Decimal)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Err(PositionError::Invalid(reason)) => response.on_hover_text(reason),
        Err(PositionError::NotAPosition) => response,
    };
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let chosen = match readings {
        Ok(mut found) if entered && !found.is_empty() => {
            text.clear();
            Some(found.remove(0))
        }
        _ => None,
    };
    ui.data_mut(|d| d.insert_temp(id, text));
    chosen
}

/// The right-click menu of the map, for the position that was clicked.
pub(super) fn map_context_menu(
    response: &egui::Response,
    app: &BackstopApp,
    commands: &mut Vec<Command>,
) {
    let id = egui::Id::unique("map context position");
    if response.secondary_clicked()
        && let Some(at) = app.pointer_position
    {
        response.ctx.data_mut(|d| d.insert_temp(id, at));
    }
    if app.presenting() || app.documents.annotations.tool != Tool::Select {
        return;
    }
    response.context_menu(|ui| {
        let Some(at) = ui.ctx().data(|d| d.get_temp::<[f64; 2]>(id)) else {
            ui.close();
            return;
        };
        let written = format_position(at[1], at[0], app.coordinate_format);
        ui.label(RichText::new(&written).monospace());
        ui.separator();
        let copy = format!("Copy position ({})", app.coordinate_format.label());
        let shortcut = Command::CopyPointerPosition
            .shortcut()
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default();
        if ui
            .add(egui::Button::new(copy).shortcut_text(shortcut))
            .clicked()
        {
            commands.push(Command::CopyPosition(at));
            ui.close();
        }
        if ui.button("Drop a marker here").clicked() {
            commands.push(Command::DropMarker {
                at,
                label: written.clone(),
            });
            ui.close();
        }
        if ui.button("Range rings here").clicked() {
            commands.push(Command::PlaceRings {
                centre: at,
                name: written.clone(),
            });
            ui.close();
        }
    });
}

/// The dropped marker's bar at the top of the map: where it is, and what it can become.
pub(super) fn marker_bar(ui: &egui::Ui, app: &BackstopApp, map: Rect, commands: &mut Vec<Command>) {
    let Some(marker) = &app.tools.marker else {
        return;
    };
    if app.presenting() {
        return;
    }
    let [lon, lat] = marker.at;
    egui::Area::new(egui::Id::unique("marker bar"))
        .order(egui::Order::Foreground)
        .pivot(Align2::CENTER_TOP)
        .fixed_pos(egui::pos2(map.center().x, map.top() + 8.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(map.width() - 24.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("📍").color(egui::Color32::from_rgb(200, 20, 60)));
                    ui.label(&marker.label);
                    // The other ways of writing it than the one the label has.
                    let others: Vec<String> = [CoordinateFormat::Decimal, CoordinateFormat::Mgrs]
                        .into_iter()
                        .map(|f| format_position(lat, lon, f))
                        .filter(|written| !marker.label.contains(written.as_str()))
                        .collect();
                    if !others.is_empty() {
                        ui.label(RichText::new(others.join(" · ")).weak());
                    }
                    if ui.button("Range rings here").clicked() {
                        commands.push(Command::PlaceRings {
                            centre: marker.at,
                            name: marker.label.clone(),
                        });
                    }
                    if ui.button("Measure from here").clicked() {
                        commands.push(Command::SetTool(Tool::Measure));
                        commands.push(Command::ClearMeasurement);
                        commands.push(Command::AddMeasurePoint(marker.at));
                    }
                    if ui
                        .button("Copy")
                        .on_hover_text("Copy the position")
                        .clicked()
                    {
                        commands.push(Command::CopyPosition(marker.at));
                    }
                    if ui.button("✖").on_hover_text("Remove the marker").clicked() {
                        commands.push(Command::ClearMarker);
                    }
                });
            });
        });
}
