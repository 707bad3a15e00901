//! Drawing the basemap for one view.

use egui::{Color32, Mesh, Painter, Shape};

use super::MapFrame;
use super::mesh_paint::{LineLook, append_fill, append_lines, append_lines_within, line_fringe};
use super::style::{HOVER, SELECTION};
use crate::mesh::WorldView;
use crate::model::Selection;

pub use crate::basemap::BasemapLayers;

/// Below this zoom the generalised Europe layer is drawn alone; above it, the detailed one on top.
const DETAIL_ZOOM: f64 = 4.0;

/// Paints water, land, lakes, rivers and borders (labels are separate, above the scenario).
/// The world layers lie beneath everything; in detailed views the detailed box is
/// cleared to water and redrawn from the detailed layers, and the world's lines are
/// drawn only in the screen strips around the box, so there is no seam and no double
/// coast.
pub fn paint_basemap(painter: &Painter, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, layers) = (frame.basemap, frame.style, frame.basemap_layers);
    let world = basemap.world();
    let fringe = line_fringe(painter);
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
        // The fills first: the world's rivers outside the box are shapes of their own.
        painter.add(Shape::mesh(std::mem::take(&mut mesh)));
        paint_rivers(painter, &mut mesh, view, frame);
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
        paint_detailed_lines(painter, &mut mesh, view, frame);
    } else if let Some(outlines) = world.outlines.for_zoom(zoom) {
        append_lines(&mut mesh, view, outlines, fringe, |i| LineLook {
            color: style.country_border,
            width: if world.iso.get(i).is_some_and(|iso| iso == "UA") {
                1.6
            } else {
                0.7
            },
        });
    }
    highlight_nation(&mut mesh, view, frame, fringe);
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
fn paint_rivers(painter: &Painter, mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>) {
    let (basemap, style, zoom) = (frame.basemap, frame.style, view.zoom);
    let world = basemap.world();
    let fringe = line_fringe(painter);
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
    if zoom >= DETAIL_ZOOM {
        if let Some(rivers) = world.rivers.for_zoom(zoom) {
            paint_outside_detail(painter, view, rivers, |i| look(&world.river_rank, i));
        }
        if let Some(rivers) = basemap.rivers.for_zoom(zoom) {
            append_lines(mesh, view, rivers, fringe, |i| look(&basemap.river_rank, i));
        }
    } else if let Some(rivers) = world.rivers.for_zoom(zoom) {
        append_lines(mesh, view, rivers, fringe, |i| look(&world.river_rank, i));
    }
}

/// Paints the world's `lines` only outside the detailed box, where the detailed layers
/// do not reach: one mesh per strip of the screen around the box, each clipped to its
/// strip, so no line is drawn twice and none stops short of the box's edge.
fn paint_outside_detail(
    painter: &Painter,
    view: &WorldView,
    lines: &crate::mesh::LineMesh,
    look: impl Fn(usize) -> LineLook,
) {
    let world_box = crate::basemap::detail_box_world();
    let inner =
        egui::Rect::from_min_max(view.to_screen(world_box.min), view.to_screen(world_box.max));
    let screen = painter.clip_rect().intersect(view.screen);
    let strips = [
        egui::Rect::from_min_max(screen.min, egui::pos2(screen.right(), inner.top())),
        egui::Rect::from_min_max(egui::pos2(screen.left(), inner.bottom()), screen.max),
        egui::Rect::from_min_max(
            egui::pos2(screen.left(), inner.top()),
            egui::pos2(inner.left(), inner.bottom()),
        ),
        egui::Rect::from_min_max(
            egui::pos2(inner.right(), inner.top()),
            egui::pos2(screen.right(), inner.bottom()),
        ),
    ];
    for strip in strips {
        let strip = strip.intersect(screen);
        if !strip.is_positive() {
            continue;
        }
        let within = crate::mesh::WorldRect {
            min: view.to_world(strip.min - egui::vec2(8.0, 8.0)),
            max: view.to_world(strip.max + egui::vec2(8.0, 8.0)),
        };
        let mut mesh = Mesh::default();
        append_lines_within(&mut mesh, view, lines, &within, line_fringe(painter), &look);
        if !mesh.is_empty() {
            painter.with_clip_rect(strip).add(Shape::mesh(mesh));
        }
    }
}

/// Coasts and borders of a detailed view: the detailed layers inside their box, the
/// world's cut lines outside it.
fn paint_detailed_lines(
    painter: &Painter,
    mesh: &mut Mesh,
    view: &WorldView,
    frame: &MapFrame<'_>,
) {
    let (basemap, style, zoom) = (frame.basemap, frame.style, view.zoom);
    let world = basemap.world();
    let fringe = line_fringe(painter);
    let coast = LineLook {
        color: style.coastline,
        width: 0.8,
    };
    let border = LineLook {
        color: style.country_border,
        width: 1.2,
    };
    // Outside the box: the world's rings as coast, its borders over them.
    painter.add(Shape::mesh(std::mem::take(mesh)));
    if let Some(outlines) = world.outlines.for_zoom(zoom) {
        paint_outside_detail(painter, view, outlines, |_| coast);
    }
    if let Some(borders) = world.borders.for_zoom(zoom) {
        paint_outside_detail(painter, view, borders, |_| border);
    }
    if let Some(lines) = basemap.coastline.for_zoom(zoom) {
        append_lines(mesh, view, lines, fringe, |_| coast);
    }
    if frame.basemap_layers.oblasts
        && zoom >= 4.5
        && let Some(oblasts) = basemap.oblast_borders.for_zoom(zoom)
    {
        append_lines(mesh, view, oblasts, fringe, |_| LineLook {
            color: style.oblast_border,
            width: 0.8,
        });
    }
    if let Some(lines) = basemap.country_borders.for_zoom(zoom) {
        append_lines(mesh, view, lines, fringe, |_| border);
    }
    if let Some(ukraine) = basemap.ukraine_outline.for_zoom(zoom) {
        append_lines(mesh, view, ukraine, fringe, |_| LineLook {
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
fn highlight_nation(mesh: &mut Mesh, view: &WorldView, frame: &MapFrame<'_>, fringe: f32) {
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
    append_lines(mesh, view, outlines, fringe, |i| {
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
