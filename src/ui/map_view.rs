//! The map in the central panel: walkers handles pan and zoom; we paint everything.

use egui::{Role, Sense, WidgetInfo};
use walkers::{Map, lon_lat};

use crate::app::{BackstopApp, Command};
use crate::map::{MapFrame, Occupied, Selection, paint_map, place_hubs};
use crate::mesh::WorldView;

/// The map, filling the space the panels leave.
pub fn map_view(ui: &mut egui::Ui, app: &mut BackstopApp) {
    let mut commands = Vec::new();
    let mut drawn_rect = None;
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let view = app.report.scenario.view.unwrap_or_default();
        let home = lon_lat(view.lon, view.lat);
        let BackstopApp {
            report,
            scene,
            basemap,
            state,
            map_memory,
            style,
            ..
        } = app;
        let map = Map::new(None, map_memory, home)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true);
        let response = map.show(ui, |ui, response, projector, _memory| {
            let screen = projector.clip_rect();
            let centre = projector.unproject(screen.center().to_vec2());
            let world_view = WorldView::new(centre.x(), centre.y(), projector.zoom(), screen);
            let frame = MapFrame {
                basemap,
                scenario: &report.scenario,
                scene,
                visible: &state.visible,
                basemap_layers: state.basemap_layers,
                selection: state.selection.as_ref(),
                style,
            };
            let painter = ui.painter().with_clip_rect(screen);
            paint_map(&painter, &world_view, &frame);
            drawn_rect = Some(screen);

            let hubs_visible = report
                .scenario
                .layers
                .iter()
                .zip(&state.visible)
                .any(|(l, v)| *v && l.kind == crate::model::LayerKind::Hubs);
            let mut hub_clicked = false;
            if hubs_visible {
                let placements = place_hubs(
                    &world_view,
                    &report.scenario,
                    scene,
                    &mut Occupied::default(),
                );
                for placement in placements {
                    let Some(hub) = report.scenario.hubs.get(placement.hub) else {
                        continue;
                    };
                    let hub_response = ui
                        .interact(
                            placement.symbol.expand(3.0),
                            ui.scope_id().with(("hub", &hub.id)),
                            Sense::click(),
                        )
                        .on_hover_text(format!(
                            "{}\n{} · {}",
                            hub.name,
                            hub.kind.label(),
                            hub.status.label()
                        ));
                    let label = format!("Hub: {}", hub.name);
                    hub_response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                    if hub_response.clicked() {
                        hub_clicked = true;
                        commands.push(Command::Select(Selection::Hub(hub.id.clone())));
                    }
                }
            }
            if response.clicked() && !hub_clicked {
                commands.push(Command::ClearSelection);
            }
        });
        response
            .response
            .widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Map"));
    });
    app.map_rect = drawn_rect;
    for command in commands {
        app.queue(command);
    }
}
