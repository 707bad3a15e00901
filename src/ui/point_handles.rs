//! Handles on a user overlay's clusters and points: each a labelled widget ("Cluster:
//! 1,234 points of events.csv", "Point: UKR17 (events.csv)") that screen readers and
//! tests find; a click on a cluster zooms into it, on a point selects it.

use egui::{Rect, Ui, vec2};

use super::map_handles::handle;
use crate::app::Command;
use crate::geometry::world_to_lon_lat;
use crate::map::{POINT_RADIUS, VisiblePoints, visible_points};
use crate::mesh::WorldView;
use crate::model::{Date, Selection};
use crate::overlay::{ShownOverlay, cluster_radius};

/// At most this many handles per layer and frame (the biggest clusters first): enough
/// for what a screen shows, cheap for a frame.
const MAX_HANDLES: usize = 400;

/// The handles of every visible overlay's points; true when one was clicked.
pub(super) fn point_handles(
    ui: &mut Ui,
    view: &WorldView,
    overlays: &[ShownOverlay],
    as_of: Option<Date>,
    commands: &mut Vec<Command>,
) -> bool {
    let mut clicked = false;
    for overlay in overlays.iter().filter(|o| o.visible) {
        let layer = &overlay.layer;
        if layer.points.is_empty() {
            continue;
        }
        match visible_points(view, overlay, as_of) {
            VisiblePoints::Single(points) => {
                for (row, at) in points.into_iter().take(MAX_HANDLES) {
                    clicked |= point_handle(ui, overlay, row, at, commands);
                }
            }
            VisiblePoints::Clusters(mut clusters) => {
                clusters.sort_by_key(|c| std::cmp::Reverse(c.count));
                for cluster in clusters.into_iter().take(MAX_HANDLES) {
                    let at = view.to_screen(cluster.center);
                    if !view.screen.contains(at) {
                        continue;
                    }
                    if cluster.count == 1 {
                        clicked |= point_handle(ui, overlay, cluster.feature, at, commands);
                        continue;
                    }
                    let radius = cluster_radius(cluster.count);
                    let rect = Rect::from_center_size(at, vec2(radius * 2.0, radius * 2.0));
                    let label = format!(
                        "Cluster: {} points of {}",
                        crate::model::group_digits(cluster.count as u64),
                        layer.name
                    );
                    let response = handle(
                        ui,
                        rect,
                        ("cluster", layer.id, cluster.feature, cluster.count),
                        label.clone(),
                    )
                    .on_hover_text(format!(
                        "{} — click to zoom in",
                        label.trim_start_matches("Cluster: ")
                    ));
                    if response.clicked() {
                        clicked = true;
                        let (west, north) = world_to_lon_lat(cluster.bounds.min);
                        let (east, south) = world_to_lon_lat(cluster.bounds.max);
                        commands.push(Command::ZoomToBounds([west, south, east, north]));
                    }
                }
            }
        }
    }
    clicked
}

fn point_handle(
    ui: &mut Ui,
    overlay: &ShownOverlay,
    row: usize,
    at: egui::Pos2,
    commands: &mut Vec<Command>,
) -> bool {
    let layer = &overlay.layer;
    let size = (POINT_RADIUS + 3.0) * 2.0;
    let rect = Rect::from_center_size(at, vec2(size, size));
    let label = format!("Point: {} ({})", point_title(overlay, row), layer.name);
    let response = handle(ui, rect, ("point", layer.id, row), label);
    if response.clicked() {
        commands.push(Command::Select(Selection::User {
            layer: layer.id,
            feature: row,
        }));
        return true;
    }
    false
}

/// What a point is called: its name, title, label or id, else its number.
pub(super) fn point_title(overlay: &ShownOverlay, row: usize) -> String {
    let features = &overlay.layer.features;
    let named = ["name", "title", "label", "id"]
        .iter()
        .find_map(|key| features.property(row, key))
        .or_else(|| {
            features
                .keys()
                .iter()
                .find(|k| k.to_lowercase().contains("id"))
                .and_then(|k| features.property(row, k))
        });
    named.map_or_else(|| format!("feature {row}"), crate::overlay::value_label)
}
