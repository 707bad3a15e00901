//! The map in the central panel: walkers handles pan and zoom; we paint everything, find
//! what is under the pointer, and give every hub, feature and country on screen an
//! accessible handle.

use egui::{Rect, Response, Role, Sense, Ui, WidgetInfo, vec2};
use walkers::{Map, lon_lat};

use super::map_handles::{HANDLE, HubInput, country_handles, feature_handles, hub_handles};
use super::map_input::{annotate, grabs_annotation, measure_or_place_rings};
use crate::app::{AuthorCommand, BackstopApp, Command, Tool};
use crate::io::authoring::HubDraft;
use crate::map::{MapFrame, feature_at, paint_map, user_feature_at};
use crate::mesh::WorldView;
use crate::model::Scenario;
use crate::model::Selection;

/// The map, filling the space the panels leave.
pub fn map_view(ui: &mut Ui, app: &mut BackstopApp) {
    let mut commands = Vec::new();
    let mut drawn_rect = None;
    let mut context_response = None;
    let mut hovered = None;
    let mut pointer = None;
    let style = app.style();
    let coordinate_format = app.coordinate_format;
    // Primary-button drags draw with a drawing tool, and move a selected annotation under
    // the pointer; the map pans with the other buttons then.
    let grabbing = grabs_annotation(ui.ctx(), app);
    let presenting = app.presenting();
    let pan_buttons = if app.documents.annotations.tool.draws_by_dragging() || grabbing {
        egui::DragPanButtons::SECONDARY | egui::DragPanButtons::MIDDLE
    } else {
        egui::DragPanButtons::all()
    };
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let view = app.documents.report.scenario.view.unwrap_or_default();
        let home = lon_lat(view.lon, view.lat);
        let BackstopApp {
            picture,
            state,
            map_memory,
            documents,
            basemaps,
            authoring,
            ..
        } = app;
        let annotations = &documents.annotations;
        let (scenario, scene, basemap) = (&picture.scenario, &picture.scene, &picture.basemap);
        let drawing = annotations.tool != Tool::Select;
        let map = Map::new(None, map_memory, home)
            .zoom_with_ctrl(false)
            .drag_pan_buttons(pan_buttons)
            .double_click_to_zoom(!drawing && !presenting && authoring.sketch.is_none());
        let response = map.show(ui, |ui, response, projector, _memory| {
            let screen = projector.clip_rect();
            let centre = projector.unproject(screen.center().to_vec2());
            let world_view = WorldView::new(centre.x(), centre.y(), projector.zoom(), screen);
            let raster = basemaps
                .store
                .as_mut()
                .map(|store| store.layer_for_view(&world_view, ui.ctx()));
            // The picture, with what only the window has: selection, hover, the shape
            // being drawn, handles, and dense overlays drawn from background pictures.
            let mut frame = MapFrame::of(picture, &style);
            frame.selection = state.selection.as_ref();
            frame.hovered = state.hovered.as_ref();
            frame.annotation_selection = Some(&annotations.selected);
            frame.draft = annotations.draft.as_ref().map(|d| (d, &annotations.style));
            frame.live = true;
            frame.raster = raster.as_ref();
            // A draft is drawn while it differs from the hub the file has.
            frame.hub_draft = authoring.hub.as_ref().filter(|draft| {
                let saved = draft.original_id.as_deref().and_then(|id| scenario.hub(id));
                !saved.is_some_and(|hub| crate::io::authoring::same_hub(&HubDraft::of(hub), draft))
            });
            let feature_rings = authoring
                .feature
                .as_ref()
                .map(|f| crate::map::geometry_rings(&f.geometry));
            let mid_points = if authoring.sketch.is_none() {
                super::vertex_handles::draft_mid_points(authoring.feature.as_ref())
            } else {
                Vec::new()
            };
            frame.mid_points = &mid_points;
            frame.sketch = match (&authoring.sketch, &feature_rings) {
                (Some(sketch), _) => Some((
                    sketch.rings.as_slice(),
                    sketch.shape == crate::io::authoring::SketchShape::Area,
                )),
                (None, Some(rings)) => Some((rings.as_slice(), false)),
                (None, None) => None,
            };
            let painter = ui.painter().with_clip_rect(screen);
            paint_map(&painter, &world_view, &frame);
            // The attribution is painted; this handle lets screen readers and tests read it.
            let attribution =
                crate::map::attribution(raster.as_ref().map(|r| r.attribution.as_str()));
            let corner = Rect::from_min_max(
                screen.right_bottom() - vec2(HANDLE, HANDLE),
                screen.right_bottom(),
            );
            ui.interact(corner, ui.scope_id().with("attribution"), Sense::hover())
                .widget_info(|| WidgetInfo::labeled(Role::Label, true, &attribution));
            drawn_rect = Some(screen);

            let mut handled = false;
            if frame.hubs_visible() {
                handled |= hub_handles(
                    ui,
                    &world_view,
                    &frame,
                    HubInput {
                        tool: annotations.tool,
                        editing: authoring.editing,
                        draft: authoring.hub.as_ref(),
                    },
                    &mut commands,
                    &mut hovered,
                );
            }
            // While a shape is drawn or a hub placed, a click is a place on the map, not a
            // feature or country to select.
            if authoring.sketch.is_none() && authoring.placing.is_none() {
                handled |= feature_handles(
                    ui,
                    &world_view,
                    scenario,
                    scene,
                    state,
                    &picture.presence,
                    &mut commands,
                );
                handled |= super::point_handles::point_handles(
                    ui,
                    &world_view,
                    &picture.user_overlays,
                    picture.as_of_date,
                    &mut commands,
                );
                handled |= country_handles(
                    ui,
                    &world_view,
                    app_nations(scenario),
                    basemap,
                    &mut commands,
                );
            }

            if authoring.sketch.is_none()
                && let Some(draft) = &authoring.feature
            {
                handled |=
                    super::vertex_handles::vertex_handles(ui, &world_view, draft, &mut commands);
            }
            if authoring.sketch.is_some() && !handled {
                handled |= sketch_input(ui, response, &world_view, &mut commands);
            }
            if let Some(kind) = authoring.placing
                && response.clicked()
                && !handled
                && let Some(p) = response.interact_pointer_pos()
            {
                let (lon, lat) = world_view.screen_to_lon_lat(p);
                commands.push(Command::Author(AuthorCommand::PlaceHub {
                    kind,
                    at: [lon, lat],
                }));
                handled = true;
            }
            if annotations.tool.is_analysis() {
                handled |= measure_or_place_rings(
                    response,
                    &world_view,
                    annotations.tool,
                    &picture.tools.measurement,
                    coordinate_format,
                    &mut commands,
                );
            } else if drawing || grabbing || !annotations.selected.is_empty() || response.clicked()
            {
                handled |= annotate(ui, response, &world_view, annotations, &mut commands);
            }
            let pointer_over_map = response.hover_pos();
            // The user's overlays are drawn on top, so they are hit first.
            let under = |pointer| {
                user_feature_at(
                    &world_view,
                    &picture.user_overlays,
                    pointer,
                    picture.as_of_date,
                )
                .or_else(|| {
                    feature_at(
                        &world_view,
                        scenario,
                        scene,
                        &picture.choices.visible,
                        Some(&picture.presence),
                        basemap,
                        pointer,
                    )
                })
            };
            if hovered.is_none() {
                hovered = pointer_over_map.and_then(under);
            }
            pointer = pointer_over_map.map(|p| {
                let (lon, lat) = world_view.screen_to_lon_lat(p);
                [lon, lat]
            });
            if response.clicked() && !handled {
                let target = response.interact_pointer_pos().and_then(under);
                commands.push(target.map_or(Command::ClearSelection, Command::Select));
            }
        });
        let response = response.response.on_hover_ui_at_pointer(|ui| {
            if let Some(selection) = &hovered {
                tooltip(ui, scenario, selection);
            }
        });
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Map"));
        context_response = Some(response);
    });
    app.map_rect = drawn_rect;
    app.pointer_position = pointer;
    if let Some(response) = &context_response {
        super::position::map_context_menu(response, app, &mut commands);
    }
    if let Some(rect) = drawn_rect {
        crate::ui::basemap_status(ui, app, rect);
        super::position::pointer_readout(ui, app, rect);
        super::position::marker_bar(ui, app, rect, &mut commands);
    }
    app.state.hovered = hovered;
    for command in commands {
        app.queue(command);
    }
}

fn app_nations(scenario: &Scenario) -> impl Iterator<Item = (&str, &str)> {
    scenario
        .nations
        .iter()
        .map(|n| (n.iso.as_str(), n.name.as_str()))
}

/// Drawing a shape: a click adds a point, a double-click or Enter finishes it, Esc
/// stops. Returns true when it used a click.
fn sketch_input(
    ui: &Ui,
    response: &Response,
    view: &WorldView,
    commands: &mut Vec<Command>,
) -> bool {
    if response.double_clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        commands.push(Command::Author(AuthorCommand::FinishSketch));
        return true;
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let (lon, lat) = view.screen_to_lon_lat(p);
        commands.push(Command::Author(AuthorCommand::AddSketchPoint([lon, lat])));
        return true;
    }
    false
}

fn tooltip(ui: &mut Ui, scenario: &Scenario, selection: &Selection) {
    match selection {
        Selection::Hub(id) => {
            if let Some(hub) = scenario.hub(id) {
                ui.strong(&hub.name);
                ui.label(format!("{} · {}", hub.kind.label(), hub.status.label()));
            }
        }
        Selection::Feature { layer, id } => {
            if let Some(feature) = scenario
                .layer(layer)
                .and_then(|l| l.features.iter().find(|f| f.id == *id))
            {
                ui.strong(&feature.name);
                ui.label(format!(
                    "{} · {}",
                    feature.kind.label(),
                    feature.status.label()
                ));
            }
        }
        Selection::User { .. } => {}
        Selection::Nation(iso) => {
            if let Some(nation) = scenario.nation(iso) {
                ui.strong(&nation.name);
                let roles: Vec<&str> = nation.roles.iter().map(|r| r.label()).collect();
                ui.label(roles.join(", "));
            }
        }
    }
}
