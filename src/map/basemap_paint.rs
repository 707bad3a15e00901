//! Drawing the basemap for one view.

use egui::{Color32, Mesh, Painter, Shape};

use super::MapFrame;
use super::mesh_paint::{LineLook, append_fill, append_lines};
use super::style::{HOVER, SELECTION};
use crate::mesh::WorldView;
use crate::model::Selection;

pub use crate::basemap::BasemapLayers;

/// Below this zoom the generalised Europe layer is drawn alone; above it, the detailed one on top.
const DETAIL_ZOOM: f64 = 4.0;

/// Paints water, land, lakes, rivers and borders (labels are separate, above the scenario).
pub fn paint_basemap(painter: &Painter, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, layers) = (frame.basemap, frame.style, frame.basemap_layers);
    let country_colour = |iso: &str| -> Color32 {
        let base = style.country_fill(iso);
        match frame.scene.nation_categories.get(iso) {
            // Ukraine keeps its own highlight; the others take a tint of their role.
            Some(category) if frame.coalition_layer && iso != "UA" => {
                // The lead nations' blue is stronger, so their land never reads as sea.
                let strength = match (category, style.is_dark()) {
                    (crate::model::RoleCategory::Lead, _) => 0.58,
                    (_, true) => 0.35,
                    (_, false) => 0.32,
                };
                lerp_colour(base, category.colour(), strength)
            }
            _ => base,
        }
    };
    painter.rect_filled(view.screen, 0.0, style.water);
    let zoom = view.zoom;
    let mut mesh = Mesh::default();
    if let Some(europe) = basemap.europe_fill.for_zoom(zoom) {
        append_fill(&mut mesh, view, europe, |i| {
            country_colour(basemap.europe_iso.get(i).map_or("", String::as_str))
        });
    }
    let detailed = zoom >= DETAIL_ZOOM;
    if detailed && let Some(countries) = basemap.country_fill.for_zoom(zoom) {
        append_fill(&mut mesh, view, countries, |i| {
            country_colour(basemap.country_iso.get(i).map_or("", String::as_str))
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
    if let Some(raster) = frame.raster {
        // Land and water first: where a tile is missing (offline, not in the pack) the
        // built-in basemap shows instead of a hole.
        painter.add(Shape::mesh(std::mem::take(&mut mesh)));
        paint_raster(painter, raster);
        if frame.coalition_layer {
            tint_coalition(&mut mesh, view, frame);
        }
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
    highlight_nation(&mut mesh, view, frame);
    painter.add(Shape::mesh(mesh));
}

/// Over raster tiles the coalition roles are a translucent wash, so the map detail shows.
fn tint_coalition(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let basemap = frame.basemap;
    let (fill, isos) = if view.zoom >= DETAIL_ZOOM {
        (
            basemap.country_fill.for_zoom(view.zoom),
            &basemap.country_iso,
        )
    } else {
        (basemap.europe_fill.for_zoom(view.zoom), &basemap.europe_iso)
    };
    let Some(fill) = fill else { return };
    append_fill(mesh, view, fill, |i| {
        let iso = isos.get(i).map_or("", String::as_str);
        match frame.scene.nation_categories.get(iso) {
            Some(category) if iso != "UA" => category.colour().gamma_multiply(0.28),
            _ => Color32::TRANSPARENT,
        }
    });
}

/// Draws the raster tiles (each already placed on screen).
fn paint_raster(painter: &Painter, raster: &crate::tiles::RasterLayer) {
    for tile in &raster.tiles {
        painter.image(tile.texture, tile.rect, tile.uv, Color32::WHITE);
    }
}

/// Outlines the selected and hovered countries.
fn highlight_nation(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let iso_of = |selection: Option<&Selection>| match selection {
        Some(Selection::Nation(iso)) => Some(iso.clone()),
        _ => None,
    };
    let (selected, hovered) = (iso_of(frame.selection), iso_of(frame.hovered));
    if selected.is_none() && hovered.is_none() {
        return;
    }
    let Some(outlines) = frame.basemap.europe_borders.for_zoom(view.zoom) else {
        return;
    };
    append_lines(mesh, view, outlines, |i| {
        let iso = frame.basemap.europe_iso.get(i);
        if iso.is_some() && iso == selected.as_ref() {
            LineLook {
                color: SELECTION,
                width: 3.0,
            }
        } else if iso.is_some() && iso == hovered.as_ref() {
            LineLook {
                color: HOVER,
                width: 2.5,
            }
        } else {
            LineLook {
                color: Color32::TRANSPARENT,
                width: 0.0,
            }
        }
    });
}

/// Mixes `b` into `a` by `t` (0 = a, 1 = b), in sRGB.
fn lerp_colour(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}
