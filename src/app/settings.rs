//! What is remembered between runs (eframe persistence): layer choices, panels, theme,
//! the last map view. Loaded data, caches and the selection are not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::map::BasemapLayers;

pub use crate::map::Theme;

/// A scenario layer's remembered visibility and opacity (the same as on a slide).
pub use crate::model::SlideLayer as LayerChoice;

/// The map's centre and zoom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Web Mercator zoom.
    pub zoom: f64,
}

/// Settings saved by eframe between runs. Every field has a default, so an older or
/// newer file still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Scenario layers by id.
    pub layers: BTreeMap<String, LayerChoice>,
    /// Basemap layer toggles.
    pub basemap_layers: BasemapLayers,
    /// Countries coloured by coalition role.
    pub coalition_layer: bool,
    /// Light or dark.
    pub theme: Theme,
    /// Layers and legend panel shown.
    pub show_layers_panel: bool,
    /// Details panel shown.
    pub show_details_panel: bool,
    /// Coalition panel shown.
    pub show_coalition_panel: bool,
    /// Problems panel shown.
    pub show_problems: bool,
    /// Exposure panel shown.
    pub show_exposure_panel: bool,
    /// Timeline shown.
    pub show_timeline: bool,
    /// Reload the open folder's files when they change.
    pub live_reload: bool,
    /// Cut between slides instead of flying and fading.
    pub reduce_motion: bool,
    /// How positions are written: the pointer readout, the details panel, copies.
    pub coordinate_format: crate::geometry::position::CoordinateFormat,
    /// Slides panel shown.
    pub show_slides_panel: bool,
    /// The last map view.
    pub camera: Option<Camera>,
    /// The basemap shown: built-in, an online source or a tile pack.
    pub basemap: crate::tiles::BasemapChoice,
    /// Tile packs opened recently, newest first.
    pub recent_packs: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            layers: BTreeMap::new(),
            basemap_layers: BasemapLayers::default(),
            coalition_layer: true,
            show_exposure_panel: false,
            show_timeline: true,
            live_reload: true,
            reduce_motion: false,
            coordinate_format: crate::geometry::position::CoordinateFormat::default(),
            show_slides_panel: false,
            theme: Theme::Light,
            show_layers_panel: true,
            show_details_panel: true,
            show_coalition_panel: false,
            show_problems: false,
            camera: None,
            basemap: crate::tiles::BasemapChoice::BuiltIn,
            recent_packs: Vec::new(),
        }
    }
}

impl super::BackstopApp {
    /// Each scenario layer's visibility and opacity now, by layer id.
    pub fn layer_choices(&self) -> BTreeMap<String, LayerChoice> {
        self.documents
            .report
            .scenario
            .layers
            .iter()
            .enumerate()
            .map(|(i, layer)| {
                let choice = LayerChoice {
                    visible: self
                        .state
                        .shown
                        .visible
                        .get(i)
                        .copied()
                        .unwrap_or(layer.visible),
                    opacity: self.state.shown.opacity.get(i).copied().unwrap_or(1.0),
                };
                (layer.id.clone(), choice)
            })
            .collect()
    }

    /// What to remember between runs.
    pub fn settings(&self) -> Settings {
        let layers = self.layer_choices();
        let camera = self.world_view().map(|view| {
            let (lon, lat) = crate::geometry::world_to_lon_lat(view.center);
            Camera {
                lon,
                lat,
                zoom: view.zoom,
            }
        });
        Settings {
            layers,
            basemap_layers: self.state.shown.basemap_layers,
            coalition_layer: self.state.shown.coalition_layer,
            theme: self.state.theme,
            show_layers_panel: self.state.show_layers_panel,
            show_details_panel: self.state.show_details_panel,
            show_coalition_panel: self.state.show_coalition_panel,
            show_problems: self.state.show_problems,
            show_exposure_panel: self.state.show_exposure_panel,
            show_timeline: self.state.show_timeline,
            live_reload: self.live_reload,
            reduce_motion: self.reduce_motion,
            coordinate_format: self.coordinate_format,
            show_slides_panel: self.state.show_slides_panel,
            camera,
            basemap: self.basemaps.choice.clone(),
            recent_packs: self.basemaps.recent_packs.clone(),
        }
    }

    /// Restores what was remembered; layers that no longer exist are ignored.
    pub fn apply_settings(&mut self, settings: &Settings) {
        for (i, layer) in self.documents.report.scenario.layers.iter().enumerate() {
            if let Some(choice) = settings.layers.get(&layer.id) {
                if let Some(visible) = self.state.shown.visible.get_mut(i) {
                    *visible = choice.visible;
                }
                if let Some(opacity) = self.state.shown.opacity.get_mut(i) {
                    *opacity = choice.opacity.clamp(0.0, 1.0);
                }
            }
        }
        self.state.shown.basemap_layers = settings.basemap_layers;
        self.state.shown.coalition_layer = settings.coalition_layer;
        self.state.theme = settings.theme;
        self.state.show_layers_panel = settings.show_layers_panel;
        self.state.show_details_panel = settings.show_details_panel;
        self.state.show_coalition_panel = settings.show_coalition_panel;
        self.state.show_problems = settings.show_problems;
        self.state.show_exposure_panel = settings.show_exposure_panel;
        self.state.show_timeline = settings.show_timeline;
        self.live_reload = settings.live_reload;
        self.reduce_motion = settings.reduce_motion;
        self.coordinate_format = settings.coordinate_format;
        self.state.show_slides_panel = settings.show_slides_panel;
        if self.basemaps.recent_packs.is_empty() {
            self.basemaps.recent_packs = settings.recent_packs.clone();
        }
        if settings.basemap != self.basemaps.choice {
            // A pack that was moved away since: say so, and keep the built-in basemap.
            self.choose_basemap(settings.basemap.clone(), None);
        }
        if let Some(camera) = settings.camera
            && camera.lon.is_finite()
            && camera.lat.is_finite()
            && self.map_memory.set_zoom(camera.zoom).is_ok()
        {
            self.map_memory
                .center_at(walkers::lon_lat(camera.lon, camera.lat));
            self.fit_pending = false;
        }
    }
}
