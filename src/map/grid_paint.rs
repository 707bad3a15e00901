//! Drawing the grids: lines over the basemap and overlays, zone and square names in
//! their cells, and each line's value where it meets the picture's edge, as a printed
//! military map labels its grid.

use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke, pos2};

use super::labels::{Occupied, halo_text};
use super::style::MapStyle;
use std::sync::Arc;

use crate::geometry::grid::{
    Bounds, Grid, GridLine, GridWeight, Runs, graticule, graticule_level, mgrs_grid, mgrs_level,
};
use crate::mesh::WorldView;

/// Which edges carry a grid's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridEdges {
    /// Top and left (on screen, where the scale bar and attribution leave room).
    TopLeft,
    /// All four, as on a printed sheet.
    All,
}

/// The graticule's ink: blue, so it is never taken for the MGRS grid (lighter on the
/// dark theme).
fn graticule_ink(style: &MapStyle) -> Color32 {
    if style.is_dark() {
        Color32::from_rgba_unmultiplied(130, 170, 230, 190)
    } else {
        Color32::from_rgba_unmultiplied(40, 70, 130, 200)
    }
}

/// Paints the grids chosen in `frame`'s basemap layers.
pub fn paint_grids(painter: &Painter, view: &WorldView, style: &MapStyle, show: GridShow) {
    if !show.graticule && !show.mgrs {
        return;
    }
    let bounds = view_bounds(view);
    if show.graticule {
        let level = graticule_level(view.zoom) as u32;
        let grid = cached(painter, "graticule", level, bounds, |b| {
            graticule(b, view.zoom)
        });
        let ink = graticule_ink(style);
        paint_lines(painter, view, &grid, |_| Stroke::new(0.8, ink));
        paint_edge_labels(painter, view, &grid, style, ink, show.edges, 0.0);
    }
    if show.mgrs {
        let level = mgrs_level(view.zoom);
        let grid = cached(painter, "mgrs", level, bounds, |b| mgrs_grid(b, view.zoom));
        let ink = if style.is_dark() {
            Color32::from_rgba_unmultiplied(235, 235, 235, 200)
        } else {
            Color32::from_rgba_unmultiplied(25, 25, 25, 190)
        };
        paint_lines(painter, view, &grid, |weight| match weight {
            GridWeight::Major => Stroke::new(1.6, ink),
            GridWeight::Square => Stroke::new(0.8, ink.gamma_multiply(0.8)),
            GridWeight::Minor => Stroke::new(0.6, ink.gamma_multiply(0.75)),
        });
        // The graticule's labels keep the edge itself; the grid's sit just inside it.
        let inset = if show.graticule { 16.0 } else { 0.0 };
        paint_edge_labels(painter, view, &grid, style, ink, show.edges, inset);
        paint_cell_names(painter, view, &grid, style, ink);
    }
}

/// A grid worked out for an area around a view (a third larger each side), kept while
/// the view stays inside it at the same level, so panning and redrawing do not convert
/// every line again each frame.
#[derive(Clone)]
struct CachedGrid {
    level: u32,
    covers: Bounds,
    grid: Arc<Grid>,
}

/// The grid of `kind` for `bounds` at `level`: the cached one, or `make` for the view
/// grown by a third of its size on each side.
fn cached(
    painter: &Painter,
    kind: &'static str,
    level: u32,
    bounds: Bounds,
    make: impl FnOnce(Bounds) -> Grid,
) -> Arc<Grid> {
    let id = egui::Id::unique(("backstop grid", kind));
    let ctx = painter.ctx();
    let kept: Option<CachedGrid> = ctx.data(|d| d.get_temp(id));
    let [w, s, e, n] = bounds;
    if let Some(kept) = kept
        && kept.level == level
        && kept.covers[0] <= w
        && kept.covers[1] <= s
        && kept.covers[2] >= e
        && kept.covers[3] >= n
    {
        return kept.grid;
    }
    let (dx, dy) = ((e - w) / 3.0, (n - s) / 3.0);
    let covers = [w - dx, s - dy, e + dx, n + dy];
    let grid = Arc::new(make(covers));
    ctx.data_mut(|d| {
        d.insert_temp(
            id,
            CachedGrid {
                level,
                covers,
                grid: grid.clone(),
            },
        );
    });
    grid
}

/// Which grids a picture draws, and where their labels go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridShow {
    /// The latitude/longitude graticule.
    pub graticule: bool,
    /// The MGRS grid.
    pub mgrs: bool,
    /// Which edges are labelled.
    pub edges: GridEdges,
}

/// The view's extent in degrees, west, south, east, north.
fn view_bounds(view: &WorldView) -> [f64; 4] {
    let (west, north) = view.screen_to_lon_lat(view.screen.left_top());
    let (east, south) = view.screen_to_lon_lat(view.screen.right_bottom());
    [west, south, east, north]
}

fn screen_points(view: &WorldView, line: &GridLine) -> Vec<Pos2> {
    line.points
        .iter()
        .map(|(lon, lat)| view.lon_lat_to_screen(*lon, *lat))
        .collect()
}

fn paint_lines(
    painter: &Painter,
    view: &WorldView,
    grid: &Grid,
    stroke: impl Fn(GridWeight) -> Stroke,
) {
    let screen = view.screen.expand(4.0);
    for line in &grid.lines {
        let points = screen_points(view, line);
        // The cached grid reaches beyond the view: lines off screen cost nothing.
        let bounds = egui::Rect::from_points(&points);
        if bounds.intersects(screen) {
            painter.add(Shape::line(points, stroke(line.weight)));
        }
    }
}

/// Where a polyline first crosses the horizontal `y` (or the vertical `x`).
fn crossing(points: &[Pos2], at: f32, vertical_edge: bool) -> Option<Pos2> {
    points.windows(2).find_map(|pair| {
        let (a, b) = (pair[0], pair[1]);
        let (va, vb) = if vertical_edge {
            (a.x, b.x)
        } else {
            (a.y, b.y)
        };
        if (va - at) * (vb - at) > 0.0 || va == vb {
            return None;
        }
        let t = (at - va) / (vb - va);
        Some(a + (b - a) * t)
    })
}

fn paint_edge_labels(
    painter: &Painter,
    view: &WorldView,
    grid: &Grid,
    style: &MapStyle,
    ink: Color32,
    edges: GridEdges,
    inset: f32,
) {
    let screen = view.screen;
    let font = FontId::proportional(11.0);
    let mut occupied = Occupied::default();
    let ink = ink.to_opaque();
    for line in &grid.lines {
        let Some(label) = &line.label else { continue };
        let points = screen_points(view, line);
        let (first, second) = match line.runs {
            Runs::NorthSouth => (
                (screen.top() + 2.0 + inset, false, Align2::CENTER_TOP),
                (screen.bottom() - 2.0 - inset, false, Align2::CENTER_BOTTOM),
            ),
            Runs::EastWest => (
                (screen.left() + 3.0 + inset, true, Align2::LEFT_CENTER),
                (screen.right() - 3.0 - inset, true, Align2::RIGHT_CENTER),
            ),
        };
        let wanted = match edges {
            GridEdges::TopLeft => vec![first],
            GridEdges::All => vec![first, second],
        };
        for (at, vertical, align) in wanted {
            let Some(pos) = crossing(&points, at, vertical) else {
                continue;
            };
            let galley = painter.layout_no_wrap(label.clone(), font.clone(), ink);
            let rect = align.anchor_size(pos, galley.size()).expand(2.0);
            if !screen.contains_rect(rect) || !occupied.is_free(rect) {
                continue;
            }
            occupied.take(rect);
            halo_text(
                painter,
                pos,
                align,
                label,
                font.clone(),
                ink,
                style.label_halo,
            );
        }
    }
}

fn paint_cell_names(
    painter: &Painter,
    view: &WorldView,
    grid: &Grid,
    style: &MapStyle,
    ink: Color32,
) {
    // Zone names first, then squares; a name that would overlap one placed is left out
    // (two zones' halves of a square cut by the zone edge would otherwise collide).
    let mut occupied = Occupied::default();
    let ink = ink.to_opaque().gamma_multiply(0.8);
    for zone in [true, false] {
        for label in grid.labels.iter().filter(|l| l.zone == zone) {
            let pos = view.lon_lat_to_screen(label.at.0, label.at.1);
            if !view.screen.shrink(12.0).contains(pos) {
                continue;
            }
            let font = FontId::proportional(if zone { 22.0 } else { 14.0 });
            let size = painter
                .layout_no_wrap(label.text.clone(), font.clone(), ink)
                .size();
            let rect = Align2::CENTER_CENTER.anchor_size(pos, size).expand(3.0);
            if !occupied.is_free(rect) {
                continue;
            }
            occupied.take(rect);
            halo_text(
                painter,
                pos2(pos.x, pos.y),
                Align2::CENTER_CENTER,
                &label.text,
                font,
                ink,
                style.label_halo,
            );
        }
    }
}
