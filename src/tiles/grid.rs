//! Slippy-map tile arithmetic: which tiles cover a view, and where each one lands on screen.

use egui::{Rect, pos2};

use crate::geometry::WorldPoint;
use crate::mesh::WorldView;

/// One tile of the XYZ scheme (y grows southwards, as in OpenStreetMap's URLs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileKey {
    /// Zoom level.
    pub z: u8,
    /// Column, 0 at 180°W.
    pub x: u32,
    /// Row, 0 at the north limit.
    pub y: u32,
}

impl TileKey {
    /// The tile one level up that contains this one.
    pub fn parent(self) -> Option<TileKey> {
        (self.z > 0).then(|| TileKey {
            z: self.z - 1,
            x: self.x / 2,
            y: self.y / 2,
        })
    }

    /// True when x and y exist at this zoom.
    pub fn is_valid(self) -> bool {
        self.z <= 30 && u64::from(self.x) < (1u64 << self.z) && u64::from(self.y) < (1u64 << self.z)
    }

    /// The part of `ancestor`'s picture that shows this tile (0..1 texture coordinates),
    /// when `ancestor` contains it.
    pub fn uv_within(self, ancestor: TileKey) -> Option<Rect> {
        if ancestor.z > self.z {
            return None;
        }
        let levels = u32::from(self.z - ancestor.z);
        let (ax, ay) = (self.x >> levels, self.y >> levels);
        if (ax, ay) != (ancestor.x, ancestor.y) {
            return None;
        }
        let n = (1u64 << levels) as f32;
        let (dx, dy) = (
            (self.x - (ancestor.x << levels)) as f32,
            (self.y - (ancestor.y << levels)) as f32,
        );
        Some(Rect::from_min_max(
            pos2(dx / n, dy / n),
            pos2((dx + 1.0) / n, (dy + 1.0) / n),
        ))
    }

    /// The tile's corner in normalised Web Mercator.
    fn world_corner(self, dx: u32, dy: u32) -> WorldPoint {
        let n = (1u64 << self.z) as f64;
        WorldPoint {
            x: f64::from(self.x + dx) / n,
            y: f64::from(self.y + dy) / n,
        }
    }

    /// Where the tile falls on screen for `view`.
    pub fn screen_rect(self, view: &WorldView) -> Rect {
        Rect::from_min_max(
            view.to_screen(self.world_corner(0, 0)),
            view.to_screen(self.world_corner(1, 1)),
        )
    }
}

/// A rectangle of tiles at one zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TileSpan {
    /// Zoom level.
    pub z: u8,
    /// First and last column (inclusive).
    pub x: (u32, u32),
    /// First and last row (inclusive).
    pub y: (u32, u32),
}

impl TileSpan {
    /// The tiles covering lon/lat bounds at zoom `z`.
    pub fn covering(z: u8, west: f64, south: f64, east: f64, north: f64) -> Self {
        let top_left = crate::geometry::lon_lat_to_world(west, north);
        let bottom_right = crate::geometry::lon_lat_to_world(east, south);
        Self::of_world(z, top_left, bottom_right)
    }

    fn of_world(z: u8, min: WorldPoint, max: WorldPoint) -> Self {
        let n = 1u64 << z;
        let last = (n - 1) as f64;
        let cell = |v: f64| (v * n as f64).floor().clamp(0.0, last) as u32;
        Self {
            z,
            x: (cell(min.x), cell(max.x)),
            y: (cell(min.y), cell(max.y)),
        }
    }

    /// How many tiles the span holds.
    pub fn count(&self) -> u64 {
        u64::from(self.x.1 - self.x.0 + 1) * u64::from(self.y.1 - self.y.0 + 1)
    }

    /// Every tile in the span, row by row.
    pub fn keys(&self) -> impl Iterator<Item = TileKey> + '_ {
        let z = self.z;
        (self.y.0..=self.y.1)
            .flat_map(move |y| (self.x.0..=self.x.1).map(move |x| TileKey { z, x, y }))
    }
}

/// The tile zoom that looks sharp at the view's zoom, for tiles of `tile_size` pixels,
/// kept inside the source's zoom range (beyond its maximum, its deepest tiles are enlarged).
pub fn tile_zoom_for_view(view_zoom: f64, tile_size: u32, min_zoom: u8, max_zoom: u8) -> u8 {
    let size_offset = (f64::from(tile_size.max(1)) / 256.0).log2();
    let wanted = (view_zoom - size_offset).round().clamp(0.0, 30.0) as u8;
    wanted.clamp(min_zoom, max_zoom.max(min_zoom))
}

/// The tiles covering the view, nearest the centre first (they are fetched in that order).
pub fn tiles_for_view(
    view: &WorldView,
    tile_size: u32,
    min_zoom: u8,
    max_zoom: u8,
) -> Vec<TileKey> {
    let z = tile_zoom_for_view(view.zoom, tile_size, min_zoom, max_zoom);
    let visible = view.visible_world(0.0);
    let span = TileSpan::of_world(z, visible.min, visible.max);
    let n = (1u64 << z) as f64;
    let centre = view.center;
    let mut keys: Vec<TileKey> = span.keys().collect();
    let distance = |k: &TileKey| {
        let dx = (f64::from(k.x) + 0.5) / n - centre.x;
        let dy = (f64::from(k.y) + 0.5) / n - centre.y;
        dx * dx + dy * dy
    };
    keys.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tile_knows_its_quarter_of_its_parent() {
        let tile = TileKey { z: 3, x: 5, y: 2 };
        let parent = tile.parent().unwrap_or(tile);
        assert_eq!(parent, TileKey { z: 2, x: 2, y: 1 });
        let uv = tile.uv_within(parent).unwrap_or(Rect::NOTHING);
        assert_eq!(uv, Rect::from_min_max(pos2(0.5, 0.0), pos2(1.0, 0.5)));
        assert!(tile.uv_within(TileKey { z: 2, x: 0, y: 0 }).is_none());
    }

    #[test]
    fn larger_tiles_are_taken_one_level_shallower() {
        assert_eq!(tile_zoom_for_view(7.2, 256, 0, 19), 7);
        assert_eq!(tile_zoom_for_view(7.2, 512, 0, 19), 6);
        assert_eq!(tile_zoom_for_view(18.0, 256, 0, 15), 15);
        assert_eq!(tile_zoom_for_view(1.0, 256, 3, 10), 3);
    }

    #[test]
    fn the_tiles_of_a_view_cover_it_and_start_at_the_centre() {
        let screen = Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(800.0, 600.0));
        let view = WorldView::new(30.5, 50.45, 8.0, screen);
        let keys = tiles_for_view(&view, 256, 0, 19);
        // 800×600 points at 256 points per tile: 4–5 columns and 3–4 rows.
        assert!((12..=20).contains(&keys.len()), "{}", keys.len());
        let first = keys[0].screen_rect(&view);
        assert!(first.contains(screen.center()));
        let covered = keys
            .iter()
            .fold(Rect::NOTHING, |r, k| r.union(k.screen_rect(&view)));
        assert!(covered.contains_rect(screen));
    }

    #[test]
    fn a_span_over_ukraine_counts_its_tiles() {
        let span = TileSpan::covering(6, 22.0, 44.0, 40.5, 52.5);
        assert_eq!(span.count(), span.keys().count() as u64);
        assert!(span.count() >= 8 && span.count() <= 20, "{}", span.count());
    }
}
