//! The screen's view of the world: an affine map from world units to screen points.

use egui::{Pos2, Rect, pos2};

use crate::geometry::{WorldPoint, lon_lat_to_world, world_to_lon_lat};

/// An axis-aligned rectangle in world units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldRect {
    /// Minimum x and y.
    pub min: WorldPoint,
    /// Maximum x and y.
    pub max: WorldPoint,
}

impl WorldRect {
    /// True when the two rectangles overlap.
    pub fn intersects(&self, other: &WorldRect) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    /// This rectangle grown to hold `point`.
    pub fn including(self, point: WorldPoint) -> Self {
        WorldRect {
            min: WorldPoint {
                x: self.min.x.min(point.x),
                y: self.min.y.min(point.y),
            },
            max: WorldPoint {
                x: self.max.x.max(point.x),
                y: self.max.y.max(point.y),
            },
        }
    }

    /// The smallest rectangle holding all `points` (None for none).
    pub fn around(points: impl IntoIterator<Item = WorldPoint>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let mut rect = WorldRect {
            min: first,
            max: first,
        };
        for p in points {
            rect.min.x = rect.min.x.min(p.x);
            rect.min.y = rect.min.y.min(p.y);
            rect.max.x = rect.max.x.max(p.x);
            rect.max.y = rect.max.y.max(p.y);
        }
        Some(rect)
    }
}

/// Where the map is looking: centre, zoom and the screen rectangle it fills.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldView {
    /// The world point at the centre of `screen`.
    pub center: WorldPoint,
    /// Web Mercator zoom (256-pixel tiles).
    pub zoom: f64,
    /// The map's rectangle on screen, in points.
    pub screen: Rect,
}

impl WorldView {
    /// A view centred on lon/lat.
    pub fn new(lon: f64, lat: f64, zoom: f64, screen: Rect) -> Self {
        Self {
            center: lon_lat_to_world(lon, lat),
            zoom,
            screen,
        }
    }

    /// Screen points per world unit.
    pub fn scale(&self) -> f64 {
        256.0 * 2f64.powf(self.zoom)
    }

    /// World point → screen point.
    #[inline]
    pub fn to_screen(&self, p: WorldPoint) -> Pos2 {
        let scale = self.scale();
        let c = self.screen.center();
        pos2(
            c.x + ((p.x - self.center.x) * scale) as f32,
            c.y + ((p.y - self.center.y) * scale) as f32,
        )
    }

    /// Screen point → world point.
    pub fn to_world(&self, p: Pos2) -> WorldPoint {
        let scale = self.scale();
        let c = self.screen.center();
        WorldPoint {
            x: self.center.x + f64::from(p.x - c.x) / scale,
            y: self.center.y + f64::from(p.y - c.y) / scale,
        }
    }

    /// lon/lat → screen point.
    pub fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        self.to_screen(lon_lat_to_world(lon, lat))
    }

    /// Screen point → (lon, lat).
    pub fn screen_to_lon_lat(&self, p: Pos2) -> (f64, f64) {
        world_to_lon_lat(self.to_world(p))
    }

    /// The part of the world on screen, grown by `margin` points on each side.
    pub fn visible_world(&self, margin: f32) -> WorldRect {
        let r = self.screen.expand(margin);
        WorldRect {
            min: self.to_world(r.min),
            max: self.to_world(r.max),
        }
    }

    /// The zoom at which the lon/lat box fits `screen` with `padding` points to spare.
    pub fn zoom_to_fit(
        west: f64,
        south: f64,
        east: f64,
        north: f64,
        screen: Rect,
        padding: f32,
    ) -> f64 {
        let a = lon_lat_to_world(west, north);
        let b = lon_lat_to_world(east, south);
        let width = (screen.width() - 2.0 * padding).max(50.0) as f64;
        let height = (screen.height() - 2.0 * padding).max(50.0) as f64;
        let scale = (width / (b.x - a.x).abs().max(1e-9)).min(height / (b.y - a.y).abs().max(1e-9));
        (scale / 256.0).log2().clamp(1.0, 18.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_world_round_trip() {
        let view = WorldView::new(
            31.0,
            49.0,
            6.0,
            Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0)),
        );
        let p = pos2(123.0, 456.0);
        let back = view.to_screen(view.to_world(p));
        assert!((back - p).length() < 1e-3);
        assert!((view.lon_lat_to_screen(31.0, 49.0) - pos2(400.0, 300.0)).length() < 1e-3);
    }
}
