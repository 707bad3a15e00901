//! Drawing the basemap for one view.

use egui::{Mesh, Painter, Shape};

use super::mesh_paint::{LineLook, append_fill, append_lines};
use super::style::MapStyle;
use crate::basemap::Basemap;
use crate::mesh::WorldView;

/// Which basemap layers are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BasemapLayers {
    /// Oblast borders.
    pub oblasts: bool,
    /// Rivers.
    pub rivers: bool,
    /// Lakes.
    pub lakes: bool,
    /// City labels.
    pub labels: bool,
}

impl Default for BasemapLayers {
    fn default() -> Self {
        Self {
            oblasts: true,
            rivers: true,
            lakes: true,
            labels: true,
        }
    }
}

/// Below this zoom the generalised Europe layer is drawn alone; above it, the detailed one on top.
const DETAIL_ZOOM: f64 = 4.0;

/// Paints water, land, lakes, rivers and borders (labels are separate, above the scenario).
pub fn paint_basemap(
    painter: &Painter,
    view: &WorldView,
    basemap: &Basemap,
    style: &MapStyle,
    layers: BasemapLayers,
) {
    painter.rect_filled(view.screen, 0.0, style.water);
    let zoom = view.zoom;
    let mut mesh = Mesh::default();
    if let Some(europe) = basemap.europe_fill.for_zoom(zoom) {
        append_fill(&mut mesh, view, europe, |i| {
            style.country_fill(basemap.europe_iso.get(i).map_or("", String::as_str))
        });
    }
    let detailed = zoom >= DETAIL_ZOOM;
    if detailed && let Some(countries) = basemap.country_fill.for_zoom(zoom) {
        append_fill(&mut mesh, view, countries, |i| {
            style.country_fill(basemap.country_iso.get(i).map_or("", String::as_str))
        });
    }
    if layers.lakes
        && let Some(lakes) = basemap.lakes.for_zoom(zoom)
    {
        append_fill(&mut mesh, view, lakes, |_| style.water);
    }
    if layers.rivers
        && let Some(rivers) = basemap.rivers.for_zoom(zoom)
    {
        // Natural Earth's scale rank: only major rivers in wide views.
        let max_rank = (zoom * 1.5 - 3.0).clamp(1.0, 12.0) as u8;
        let width = if zoom < 6.0 { 0.7 } else { 1.1 };
        append_lines(&mut mesh, view, rivers, |i| LineLook {
            color: if basemap.river_rank.get(i).copied().unwrap_or(10) <= max_rank {
                style.river
            } else {
                egui::Color32::TRANSPARENT
            },
            width,
        });
    }
    if detailed {
        if let Some(coast) = basemap.coastline.for_zoom(zoom) {
            append_lines(&mut mesh, view, coast, |_| LineLook {
                color: style.coastline,
                width: 0.8,
            });
        }
        if layers.oblasts
            && zoom >= 4.5
            && let Some(oblasts) = basemap.oblast_borders.for_zoom(zoom)
        {
            append_lines(&mut mesh, view, oblasts, |_| LineLook {
                color: style.oblast_border,
                width: 0.8,
            });
        }
        if let Some(borders) = basemap.country_borders.for_zoom(zoom) {
            append_lines(&mut mesh, view, borders, |_| LineLook {
                color: style.country_border,
                width: 1.2,
            });
        }
        if let Some(ukraine) = basemap.ukraine_outline.for_zoom(zoom) {
            append_lines(&mut mesh, view, ukraine, |_| LineLook {
                color: style.ukraine_border,
                width: 1.8,
            });
        }
    } else if let Some(europe) = basemap.europe_borders.for_zoom(zoom) {
        append_lines(&mut mesh, view, europe, |i| LineLook {
            color: style.country_border,
            width: if basemap.europe_iso.get(i).is_some_and(|iso| iso == "UA") {
                1.6
            } else {
                0.7
            },
        });
    }
    painter.add(Shape::mesh(mesh));
}
