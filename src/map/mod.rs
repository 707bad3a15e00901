//! Painting the map with egui: the basemap, the scenario, labels and decorations.
//! The same functions draw on screen (inside a walkers plugin) and off screen.

mod annotation_paint;
mod basemap_paint;
mod coalition;
mod decorations;
mod draft_paint;
mod grid_paint;
mod hit;
mod labels;
mod legend;
mod mesh_paint;
mod overlay_paint;
mod point_paint;
mod scene_paint;
mod style;
mod symbols;
mod tools_paint;

pub use annotation_paint::{annotation_at, paint_annotations};
pub use basemap_paint::{BasemapLayers, paint_basemap};
pub use coalition::flag_colours;
pub use decorations::{
    format_distance, metres_per_point, paint_attribution, paint_scale_bar, scale_bar_length,
    scale_bar_origin,
};
pub use draft_paint::{geometry_rings, paint_hub_draft, paint_mid_points, paint_sketch};
pub use grid_paint::{GridEdges, GridShow, paint_grids};
pub use hit::{country_at, feature_at};
pub use labels::{Occupied, halo_text, paint_place_labels, reserve_place_dots};
pub use legend::show_legend;
pub use mesh_paint::{LineLook, append_fill, append_lines};
pub use overlay_paint::{paint_user_overlays, user_feature_at};
pub use point_paint::{POINT_RADIUS, VisiblePoints, visible_points};
pub use scene_paint::{
    HUB_SYMBOL, HubPlacement, paint_hubs, paint_overlays, place_hub_labels, place_hubs,
    visible_runs,
};
pub use style::{HOVER, MapStyle, SELECTION, Theme, hub_colours, layer_colour, status_stroke};
pub use symbols::{HubMark, paint_hub_symbol, provenance_badge};
pub use tools_paint::paint_tools;

use egui::{Painter, Rect, vec2};

use crate::basemap::{ATTRIBUTION, Basemap};
use crate::mesh::WorldView;
use crate::model::Scenario;
use crate::model::Selection;
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
    /// Opacity per scenario layer.
    pub opacity: &'a [f32],
    /// Which basemap layers show.
    pub basemap_layers: BasemapLayers,
    /// Countries coloured by coalition role.
    pub coalition_layer: bool,
    /// The current selection.
    pub selection: Option<&'a Selection>,
    /// What the pointer is over.
    pub hovered: Option<&'a Selection>,
    /// Palette.
    pub style: &'a MapStyle,
    /// Draw the scale bar.
    pub scale_bar: bool,
    /// The user's annotations, drawn on top.
    pub annotations: &'a [crate::model::Annotation],
    /// Selected annotations (handles are drawn on them).
    pub annotation_selection: Option<&'a std::collections::BTreeSet<u64>>,
    /// A shape being drawn, with its style.
    pub draft: Option<(
        &'a crate::model::AnnotationShape,
        &'a crate::model::AnnotationStyle,
    )>,
    /// The measured path and range rings.
    pub tools: Option<&'a crate::analysis::MapTools>,
    /// The user's own overlays.
    pub user_overlays: &'a [crate::overlay::ShownOverlay],
    /// On screen: dense overlays may be drawn from a picture made in the background.
    /// Off screen (exports) everything is drawn as vectors, at once.
    pub live: bool,
    /// Shown, dimmed or hidden per hub and feature (all shown when `None`).
    pub presence: Option<&'a crate::analysis::PresenceMap>,
    /// Raster tiles drawn over the built-in land and water, beneath borders and labels.
    pub raster: Option<&'a crate::tiles::RasterLayer>,
    /// Which edges carry the grids' labels (all four on exports).
    pub grid_edges: GridEdges,
    /// The hub being placed or moved in Edit mode (the window only).
    pub hub_draft: Option<&'a crate::io::authoring::HubDraft>,
    /// The shape being drawn in Edit mode, or a drawn feature not yet written (rings of
    /// lon/lat points; closed for areas).
    pub sketch: Option<(&'a [Vec<[f64; 2]>], bool)>,
    /// Where a point can be added to the feature being edited (its edges' mid-points).
    pub mid_points: &'a [[f64; 2]],
    /// The timeline's date: dated user points after it are not drawn.
    pub as_of: Option<crate::model::Date>,
}

impl<'a> MapFrame<'a> {
    /// What `picture` shows, painted in `style`, with nothing selected or hovered, no
    /// draft, a scale bar, everything as vectors and no raster tiles; the window sets
    /// what it has live on top.
    pub fn of(picture: &'a crate::scene::Picture, style: &'a MapStyle) -> Self {
        let choices = &picture.choices;
        Self {
            basemap: &picture.basemap,
            scenario: &picture.scenario,
            scene: &picture.scene,
            visible: &choices.visible,
            opacity: &choices.opacity,
            basemap_layers: choices.basemap_layers,
            coalition_layer: choices.coalition_layer,
            selection: None,
            hovered: None,
            style,
            scale_bar: true,
            annotations: &picture.annotations,
            annotation_selection: None,
            draft: None,
            tools: Some(&picture.tools),
            presence: Some(&picture.presence),
            user_overlays: &picture.user_overlays,
            live: false,
            raster: None,
            grid_edges: GridEdges::TopLeft,
            hub_draft: None,
            sketch: None,
            mid_points: &[],
            as_of: picture.as_of_date,
        }
    }

    /// A hub's presence under the filters and the timeline.
    pub fn hub_presence(&self, index: usize) -> crate::analysis::Presence {
        self.presence.map(|p| p.hub(index)).unwrap_or_default()
    }

    /// True when a hub is planned at the picture's time (drawn with a dashed frame).
    pub fn hub_planned(&self, index: usize) -> bool {
        self.presence.is_some_and(|p| p.hub_planned(index))
    }

    /// A feature's presence under the filters and the timeline.
    pub fn feature_presence(&self, layer: usize, feature: usize) -> crate::analysis::Presence {
        self.presence
            .map(|p| p.feature(layer, feature))
            .unwrap_or_default()
    }

    /// True when the hubs layer is visible.
    pub fn hubs_visible(&self) -> bool {
        self.scenario
            .layers
            .iter()
            .zip(self.visible)
            .any(|(l, v)| *v && l.kind == crate::model::LayerKind::Hubs)
    }
}

/// Paints the whole map for `view`: basemap, overlays, place labels, hubs, scale bar, attribution.
pub fn paint_map(painter: &Painter, view: &WorldView, frame: &MapFrame<'_>) {
    paint_basemap(painter, view, frame);
    paint_overlays(painter, view, frame);
    paint_user_overlays(
        painter,
        view,
        frame.user_overlays,
        frame.selection,
        frame.hovered,
        frame.live,
        frame.as_of,
    );
    paint_grids(
        painter,
        view,
        frame.style,
        GridShow {
            graticule: frame.basemap_layers.graticule,
            mgrs: frame.basemap_layers.mgrs_grid,
            edges: frame.grid_edges,
        },
    );
    let mut occupied = Occupied::default();
    // Keep labels off the scale bar and the attribution.
    occupied.take(Rect::from_min_size(
        view.screen.left_bottom() - vec2(0.0, 48.0),
        vec2(190.0, 48.0),
    ));
    let tiles = frame.raster.map(|r| r.attribution.as_str());
    let attribution_text = attribution(tiles);
    // Roughly 5.6 points per character at the attribution's 11-point size.
    let attribution_width = (attribution_text.chars().count() as f32 * 5.6).max(300.0);
    occupied.take(Rect::from_min_size(
        view.screen.right_bottom() - vec2(attribution_width, 22.0),
        vec2(attribution_width, 22.0),
    ));
    let hubs_visible = frame.hubs_visible();
    // Priority for space: hub symbols, Kyiv and capitals, hub labels, then other places.
    let mut hubs = if hubs_visible {
        place_hubs(
            view,
            frame.scenario,
            frame.scene,
            frame.presence,
            &mut occupied,
        )
    } else {
        Vec::new()
    };
    let labels = &frame.basemap.labels;
    let show_places = frame.basemap_layers.labels;
    if show_places {
        paint_place_labels(painter, view, labels, 0..=1, frame.style, &mut occupied);
    }
    // The dots of oblast centres are kept clear of hub labels, so a hub label never
    // hides the city it is named after; they are freed again for the cities' own labels.
    let reserved_from = occupied.mark();
    if show_places {
        reserve_place_dots(view, labels, 2, &mut occupied);
    }
    let reserved = reserved_from..occupied.mark();
    let coast = if view.zoom >= 4.0 {
        frame.basemap.coastline.for_zoom(view.zoom)
    } else {
        None
    };
    let crosses_coast = |rect: Rect| {
        coast.is_some_and(|lines| {
            let world = crate::mesh::WorldRect {
                min: view.to_world(rect.min),
                max: view.to_world(rect.max),
            };
            lines.passes_through(&world)
        })
    };
    place_hub_labels(
        painter,
        view,
        frame.scenario,
        &mut hubs,
        &mut occupied,
        &crosses_coast,
    );
    occupied.release(reserved);
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
    paint_hubs(painter, &hubs, frame);
    if let Some(draft) = frame.hub_draft {
        paint_hub_draft(painter, view, draft, frame.scenario);
    }
    if let Some((rings, closed)) = frame.sketch {
        paint_sketch(painter, view, rings, closed);
    }
    paint_mid_points(painter, view, frame.mid_points);
    let none = std::collections::BTreeSet::new();
    paint_annotations(
        painter,
        view,
        frame.annotations,
        frame.annotation_selection.unwrap_or(&none),
        frame.draft,
        frame.style,
    );
    if let Some(tools) = frame.tools {
        paint_tools(painter, view, tools, frame.style);
    }
    if frame.scale_bar {
        paint_scale_bar(painter, view, frame.style);
    }
    paint_attribution(painter, view, frame.style, &attribution_text);
}

/// The attribution line: the raster source's, when one is shown, then Natural Earth's.
pub fn attribution(tiles: Option<&str>) -> String {
    match tiles {
        Some(text) if !text.is_empty() => {
            let mut text = text.to_owned();
            crate::model::cut_text(&mut text, crate::model::MAX_LABEL_CHARS);
            format!("Tiles: {text} · {ATTRIBUTION}")
        }
        _ => ATTRIBUTION.to_owned(),
    }
}
