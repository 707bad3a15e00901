//! What is remembered between runs (eframe persistence): layer choices, panels, theme,
//! the last map view. Loaded data, caches and the selection are not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::map::BasemapLayers;

/// Light or dark; both legible on a projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Light map and panels.
    #[default]
    Light,
    /// Dark map and panels.
    Dark,
}

/// A scenario layer's remembered visibility and opacity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayerChoice {
    /// Shown.
    pub visible: bool,
    /// Opacity multiplier, 0..=1.
    pub opacity: f32,
}

impl Default for LayerChoice {
    fn default() -> Self {
        Self {
            visible: true,
            opacity: 1.0,
        }
    }
}

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
    /// Slides panel shown.
    pub show_slides_panel: bool,
    /// The last map view.
    pub camera: Option<Camera>,
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
            show_slides_panel: false,
            theme: Theme::Light,
            show_layers_panel: true,
            show_details_panel: true,
            show_coalition_panel: false,
            show_problems: false,
            camera: None,
        }
    }
}
