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
/// The world layers lie beneath everything; in detailed views the detailed box is
/// cleared to water and redrawn from the detailed layers, whose lines meet the world's
/// lines cut at the box's edge, so there is no seam and no double coast.
pub fn paint_basemap(painter: &Painter, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, layers) = (frame.basemap, frame.style, frame.basemap_layers);
    let world = basemap.world();
    let country_colour = |iso: &str| -> Color32 {
        let category = frame
            .coalition_layer
            .then(|| frame.scene.nation_categories.get(iso).copied())
            .flatten();
        style.nation_land(iso, category)
    };
    painter.rect_filled(view.screen, 0.0, style.water);
    let zoom = view.zoom;
    let detailed = zoom >= DETAIL_ZOOM;
    let mut mesh = Mesh::default();
    if let Some(fill) = world.fill.for_zoom(zoom) {
        append_fill(&mut mesh, view, fill, |i| {
            country_colour(world.iso.get(i).map_or("", String::as_str))
        });
    }
    if layers.lakes
        && let Some(lakes) = world.lakes.for_zoom(zoom)
    {
        append_fill(&mut mesh, view, lakes, |_| style.water);
    }
    if detailed {
        clear_detail_box(&mut mesh, view, style.water);
        if let Some(countries) = basemap.country_fill.for_zoom(zoom) {
            append_fill(&mut mesh, view, countries, |i| {
                country_colour(basemap.country_iso.get(i).map_or("", String::as_str))
            });
        }
        if layers.lakes
            && let Some(lakes) = basemap.lakes.for_zoom(zoom)
        {
            append_fill(&mut mesh, view, lakes, |_| style.water);
        }
    }
    if layers.rivers {
        paint_rivers(&mut mesh, view, frame);
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
        paint_detailed_lines(&mut mesh, view, frame);
    } else if let Some(outlines) = world.outlines.for_zoom(zoom) {
        append_lines(&mut mesh, view, outlines, |i| LineLook {
            color: style.country_border,
            width: if world.iso.get(i).is_some_and(|iso| iso == "UA") {
                1.6
            } else {
                0.7
            },
        });
    }
    highlight_nation(&mut mesh, view, frame);
    painter.add(Shape::mesh(mesh));
}

/// Covers the detailed box with water, so the detailed layers alone say where land is.
fn clear_detail_box(mesh: &mut Mesh, view: &WorldView, water: Color32) {
    let world_box = crate::basemap::detail_box_world();
    let rect =
        egui::Rect::from_min_max(view.to_screen(world_box.min), view.to_screen(world_box.max))
            .intersect(view.screen.expand(2.0));
    if rect.is_positive() {
        mesh.add_colored_rect(rect, water);
    }
}

/// Rivers by Natural Earth's scale rank: only major rivers in wide views.
fn paint_rivers(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, zoom) = (frame.basemap, frame.style, view.zoom);
    let world = basemap.world();
    let max_rank = (zoom * 1.5 - 3.0).clamp(1.0, 12.0) as u8;
    let width = if zoom < 6.0 { 0.7 } else { 1.1 };
    let river = style.river;
    let look = |ranks: &[u8], i: usize| LineLook {
        color: if ranks.get(i).copied().unwrap_or(10) <= max_rank {
            river
        } else {
            Color32::TRANSPARENT
        },
        width,
    };
    let (world_rivers, detailed) = if zoom >= DETAIL_ZOOM {
        (world.outside_detail().rivers.for_zoom(zoom), true)
    } else {
        (world.rivers.for_zoom(zoom), false)
    };
    if let Some(rivers) = world_rivers {
        append_lines(mesh, view, rivers, |i| look(&world.river_rank, i));
    }
    if detailed && let Some(rivers) = basemap.rivers.for_zoom(zoom) {
        append_lines(mesh, view, rivers, |i| look(&basemap.river_rank, i));
    }
}

/// Coasts and borders of a detailed view: the detailed layers inside their box, the
/// world's cut lines outside it.
fn paint_detailed_lines(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, zoom) = (frame.basemap, frame.style, view.zoom);
    let outside = basemap.world().outside_detail();
    let coast = LineLook {
        color: style.coastline,
        width: 0.8,
    };
    let border = LineLook {
        color: style.country_border,
        width: 1.2,
    };
    for (lines, look) in [
        (outside.coasts.for_zoom(zoom), coast),
        (basemap.coastline.for_zoom(zoom), coast),
    ] {
        if let Some(lines) = lines {
            append_lines(mesh, view, lines, |_| look);
        }
    }
    if frame.basemap_layers.oblasts
        && zoom >= 4.5
        && let Some(oblasts) = basemap.oblast_borders.for_zoom(zoom)
    {
        append_lines(mesh, view, oblasts, |_| LineLook {
            color: style.oblast_border,
            width: 0.8,
        });
    }
    for lines in [
        outside.borders.for_zoom(zoom),
        basemap.country_borders.for_zoom(zoom),
    ]
    .into_iter()
    .flatten()
    {
        append_lines(mesh, view, lines, |_| border);
    }
    if let Some(ukraine) = basemap.ukraine_outline.for_zoom(zoom) {
        append_lines(mesh, view, ukraine, |_| LineLook {
            color: style.ukraine_border,
            width: 1.8,
        });
    }
}

/// Over raster tiles the coalition roles are a translucent wash, so the map detail shows.
fn tint_coalition(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, zoom) = (frame.basemap, view.zoom);
    let world = basemap.world();
    let wash = |iso: &str| match frame.scene.nation_categories.get(iso) {
        Some(category) if iso != "UA" => category.colour().gamma_multiply(0.28),
        _ => Color32::TRANSPARENT,
    };
    // In detailed views, countries of the detailed box take the detailed outline; the
    // rest of the world its own.
    let detailed = zoom >= DETAIL_ZOOM;
    if let Some(fill) = world.fill.for_zoom(zoom) {
        append_fill(mesh, view, fill, |i| {
            let iso = world.iso.get(i).map_or("", String::as_str);
            if detailed && basemap.country_iso.iter().any(|d| d == iso) {
                Color32::TRANSPARENT
            } else {
                wash(iso)
            }
        });
    }
    if detailed && let Some(fill) = basemap.country_fill.for_zoom(zoom) {
        append_fill(mesh, view, fill, |i| {
            wash(basemap.country_iso.get(i).map_or("", String::as_str))
        });
    }
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
    let world = frame.basemap.world();
    let Some(outlines) = world.outlines.for_zoom(view.zoom) else {
        return;
    };
    append_lines(mesh, view, outlines, |i| {
        let iso = world.iso.get(i);
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
