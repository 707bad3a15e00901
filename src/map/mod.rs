//! Painting the map with egui: the basemap, the scenario, labels and decorations.
//! The same functions draw on screen (inside a walkers plugin) and off screen.

mod basemap_paint;
mod decorations;
mod labels;
mod mesh_paint;
mod scene_paint;
mod style;

pub use basemap_paint::{BasemapLayers, paint_basemap};
pub use decorations::{
    format_distance, metres_per_point, paint_attribution, paint_scale_bar, scale_bar_length,
};
pub use labels::{Occupied, halo_text, paint_place_labels};
pub use mesh_paint::{LineLook, append_fill, append_lines};
pub use scene_paint::{
    HUB_SYMBOL, HubPlacement, Selection, paint_hubs, paint_overlays, place_hub_labels, place_hubs,
};
pub use style::{MapStyle, SELECTION, hub_colours, layer_colour, status_stroke};

use egui::{Painter, Rect, vec2};

use crate::basemap::{ATTRIBUTION, Basemap};
use crate::mesh::WorldView;
use crate::model::Scenario;
use crate::scene::Scene;

/// Everything one map picture needs.
pub struct MapFrame<'a> {
    /// The basemap.
    pub basemap: &'a Basemap,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The scenario prepared for drawing.
    pub scene: &'a Scene,
    /// Visibility per scenario layer.
    pub visible: &'a [bool],
    /// Which basemap layers show.
    pub basemap_layers: BasemapLayers,
    /// The current selection.
    pub selection: Option<&'a Selection>,
    /// Palette.
    pub style: &'a MapStyle,
}

/// Paints the whole map for `view`: basemap, overlays, place labels, hubs, scale bar, attribution.
pub fn paint_map(painter: &Painter, view: &WorldView, frame: &MapFrame<'_>) {
    paint_basemap(
        painter,
        view,
        frame.basemap,
        frame.style,
        frame.basemap_layers,
    );
    paint_overlays(
        painter,
        view,
        frame.scenario,
        frame.scene,
        frame.visible,
        frame.selection,
    );
    let mut occupied = Occupied::default();
    // Keep labels off the scale bar and the attribution.
    occupied.take(Rect::from_min_size(
        view.screen.left_bottom() - vec2(0.0, 48.0),
        vec2(190.0, 48.0),
    ));
    occupied.take(Rect::from_min_size(
        view.screen.right_bottom() - vec2(300.0, 22.0),
        vec2(300.0, 22.0),
    ));
    let hubs_visible = frame
        .scenario
        .layers
        .iter()
        .zip(frame.visible)
        .any(|(l, v)| *v && l.kind == crate::model::LayerKind::Hubs);
    // Priority for space: hub symbols, Kyiv and capitals, hub labels, then other places.
    let mut hubs = if hubs_visible {
        place_hubs(view, frame.scenario, frame.scene, &mut occupied)
    } else {
        Vec::new()
    };
    let labels = &frame.basemap.labels;
    let show_places = frame.basemap_layers.labels;
    if show_places {
        paint_place_labels(painter, view, labels, 0..=1, frame.style, &mut occupied);
    }
    place_hub_labels(painter, view, frame.scenario, &mut hubs, &mut occupied);
    if show_places {
        paint_place_labels(
            painter,
            view,
            labels,
            2..=u8::MAX,
            frame.style,
            &mut occupied,
        );
    }
    paint_hubs(painter, &hubs, frame.scenario, frame.style, frame.selection);
    paint_scale_bar(painter, view, frame.style);
    paint_attribution(painter, view, frame.style, ATTRIBUTION);
}
