//! The map's handles: every hub, feature and country on screen is a labelled widget
//! (clickable, hoverable, found by screen readers and tests); in Edit mode a hub's is
//! dragged to move it.

use egui::{Rect, Response, Role, Sense, Ui, Vec2, WidgetInfo, vec2};

use crate::analysis::{Presence, PresenceMap};
use crate::app::{AuthorCommand, Command, Tool, ViewState};
use crate::io::authoring::HubDraft;
use crate::map::{MapFrame, Occupied, place_hubs};
use crate::mesh::WorldView;
use crate::model::Scenario;
use crate::model::Selection;
use crate::scene::Scene;

/// Size of the invisible handle that labels a feature or country for screen readers and tests.
pub(super) const HANDLE: f32 = 14.0;

/// A clickable, labelled handle; returns its response.
pub(super) fn handle(
    ui: &mut Ui,
    rect: Rect,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: String,
) -> Response {
    handle_sensing(ui, rect, salt, label, Sense::click())
}

/// A labelled handle that senses `sense`.
fn handle_sensing(
    ui: &mut Ui,
    rect: Rect,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: String,
    sense: Sense,
) -> Response {
    let response = ui.interact(rect, ui.scope_id().with(salt), sense);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    response
}

/// What a hub handle does: with a tool, it is a place to measure from; in Edit mode it
/// opens the hub's form and can be dragged.
pub(super) struct HubInput<'a> {
    pub(super) tool: Tool,
    pub(super) editing: bool,
    pub(super) draft: Option<&'a HubDraft>,
}

/// Hub symbols are real widgets: clickable, hoverable, labelled "Hub: name"; in Edit mode
/// they are dragged to move the hub (written when the drag ends).
pub(super) fn hub_handles(
    ui: &mut Ui,
    view: &WorldView,
    frame: &MapFrame<'_>,
    input: HubInput<'_>,
    commands: &mut Vec<Command>,
    hovered: &mut Option<Selection>,
) -> bool {
    let tool = input.tool;
    let mut clicked = false;
    let scenario = frame.scenario;
    for placement in place_hubs(
        view,
        scenario,
        frame.scene,
        frame.presence,
        &mut Occupied::default(),
    ) {
        let Some(hub) = scenario.hubs.get(placement.hub) else {
            continue;
        };
        if !placement.others.is_empty() {
            // A cluster: clicking it zooms in until its hubs separate.
            let names: Vec<&str> = placement
                .members()
                .filter_map(|i| scenario.hubs.get(i))
                .map(|h| h.name.as_str())
                .collect();
            let label = format!("Hubs: {}", names.join(", "));
            let response = handle(
                ui,
                placement.symbol.expand(3.0),
                ("cluster", &hub.id),
                label,
            )
            .on_hover_text(format!("{}\nClick to zoom in", names.join("\n")));
            if response.clicked() {
                clicked = true;
                commands.push(Command::FocusOn {
                    lon: hub.lon,
                    lat: hub.lat,
                    zoom: view.zoom + 2.0,
                });
            }
            continue;
        }
        let sense = if input.editing {
            Sense::click_and_drag()
        } else {
            Sense::click()
        };
        let response = handle_sensing(
            ui,
            placement.symbol.expand(3.0),
            ("hub", &hub.id),
            format!("Hub: {}", hub.name),
            sense,
        );
        if input.editing {
            drag_hub(&response, view, hub, input.draft, commands);
            if response.clicked() {
                clicked = true;
                commands.push(Command::Select(Selection::Hub(hub.id.clone())));
                commands.push(Command::Author(AuthorCommand::EditHub(hub.id.clone())));
            }
            if response.hovered() {
                *hovered = Some(Selection::Hub(hub.id.clone()));
            }
            continue;
        }
        if response.hovered() {
            *hovered = Some(Selection::Hub(hub.id.clone()));
        }
        if response.clicked() {
            clicked = true;
            // With Measure or Range rings, a hub is a precise place to measure from.
            commands.push(match tool {
                Tool::Measure => Command::AddMeasurePoint([hub.lon, hub.lat]),
                Tool::Rings => Command::PlaceRings {
                    centre: [hub.lon, hub.lat],
                    name: hub.name.clone(),
                },
                _ => Command::Select(Selection::Hub(hub.id.clone())),
            });
        }
    }
    clicked
}

/// A drag of a hub's symbol moves its draft; the end of the drag writes it (one step).
fn drag_hub(
    response: &Response,
    view: &WorldView,
    hub: &crate::model::Hub,
    draft: Option<&HubDraft>,
    commands: &mut Vec<Command>,
) {
    let Some(pointer) = response.interact_pointer_pos() else {
        return;
    };
    let moving = |draft: Option<&HubDraft>| {
        let mut moved = match draft {
            Some(d) if d.original_id.as_deref() == Some(hub.id.as_str()) => d.clone(),
            _ => HubDraft::of(hub),
        };
        let (lon, lat) = view.screen_to_lon_lat(pointer);
        (moved.lon, moved.lat) = (lon, lat);
        moved
    };
    if response.dragged_by(egui::PointerButton::Primary) && response.drag_delta() != Vec2::ZERO {
        commands.push(Command::Author(AuthorCommand::SetHubDraft(Some(moving(
            draft,
        )))));
    }
    if response.drag_stopped_by(egui::PointerButton::Primary) {
        commands.push(Command::Author(AuthorCommand::SetHubDraft(Some(moving(
            draft,
        )))));
        commands.push(Command::Author(AuthorCommand::SaveHub));
    }
}

/// A small handle on each visible overlay feature, labelled "Feature: name".
pub(super) fn feature_handles(
    ui: &mut Ui,
    view: &WorldView,
    scenario: &Scenario,
    scene: &Scene,
    state: &ViewState,
    presence: &PresenceMap,
    commands: &mut Vec<Command>,
) -> bool {
    let mut clicked = false;
    for (index, layer) in scenario.layers.iter().enumerate() {
        if !state.shown.visible.get(index).copied().unwrap_or(false) {
            continue;
        }
        let Some(layer_scene) = scene.layers.get(index) else {
            continue;
        };
        for (feature_index, (feature, anchor)) in
            layer.features.iter().zip(&layer_scene.anchors).enumerate()
        {
            if presence.feature(index, feature_index) == Presence::Hidden {
                continue;
            }
            let centre = view.to_screen(*anchor);
            if !view.screen.contains(centre) {
                continue;
            }
            let rect = Rect::from_center_size(centre, vec2(HANDLE, HANDLE));
            let response = handle(
                ui,
                rect,
                ("feature", &layer.id, &feature.id),
                format!("Feature: {}", feature.name),
            );
            if response.clicked() {
                clicked = true;
                commands.push(Command::Select(Selection::Feature {
                    layer: layer.id.clone(),
                    id: feature.id.clone(),
                }));
            }
        }
    }
    clicked
}

/// A small handle at each scenario nation's label point, labelled "Country: name".
pub(super) fn country_handles<'a>(
    ui: &mut Ui,
    view: &WorldView,
    nations: impl Iterator<Item = (&'a str, &'a str)>,
    basemap: &crate::basemap::Basemap,
    commands: &mut Vec<Command>,
) -> bool {
    let mut clicked = false;
    for (iso, name) in nations {
        let Some((lon, lat)) = basemap.country_anchor(iso) else {
            continue;
        };
        let centre = view.lon_lat_to_screen(lon, lat);
        if !view.screen.shrink(HANDLE).contains(centre) {
            continue;
        }
        let rect = Rect::from_center_size(centre, vec2(HANDLE, HANDLE));
        if handle(ui, rect, ("country", iso), format!("Country: {name}")).clicked() {
            clicked = true;
            commands.push(Command::Select(Selection::Nation(iso.to_owned())));
        }
    }
    clicked
}
