//! Place labels: density follows zoom, and no label overlaps another.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, vec2};

use super::style::MapStyle;
use crate::basemap::PlaceLabel;
use crate::mesh::WorldView;

/// Space kept between a capital's dot and text placed above or below it, clear of a hub symbol.
const HUB_CLEARANCE: f32 = 18.0;

/// At most this many place labels at once, so a wide view stays readable.
const MAX_LABELS: usize = 90;

/// Rectangles already taken on screen by labels and symbols.
#[derive(Debug, Default)]
pub struct Occupied {
    rects: Vec<Rect>,
}

impl Occupied {
    /// True when `rect` meets nothing placed so far.
    pub fn is_free(&self, rect: Rect) -> bool {
        self.rects.iter().all(|r| !r.intersects(rect))
    }

    /// Marks `rect` as taken.
    pub fn take(&mut self, rect: Rect) {
        self.rects.push(rect);
    }

    /// How many rectangles are taken (a mark for [`Occupied::release`]).
    pub fn mark(&self) -> usize {
        self.rects.len()
    }

    /// Frees the rectangles taken between two marks.
    pub fn release(&mut self, taken: std::ops::Range<usize>) {
        if taken.start <= taken.end && taken.end <= self.rects.len() {
            self.rects.drain(taken);
        }
    }
}

/// Paints text with a halo so it reads over any background.
pub fn halo_text(
    painter: &Painter,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    color: Color32,
    halo: Color32,
) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), font, color);
    let rect = anchor.anchor_size(pos, galley.size());
    for offset in [
        vec2(-1.0, 0.0),
        vec2(1.0, 0.0),
        vec2(0.0, -1.0),
        vec2(0.0, 1.0),
    ] {
        painter.galley_with_override_text_color(rect.min + offset, galley.clone(), halo);
    }
    painter.galley(rect.min, galley, color);
    rect
}

/// Claims the dots of places of rank `rank` in view (their names come later, if room).
pub fn reserve_place_dots(
    view: &WorldView,
    labels: &[PlaceLabel],
    rank: u8,
    occupied: &mut Occupied,
) {
    let screen = view.screen.shrink(4.0);
    for label in labels
        .iter()
        .filter(|l| l.rank == rank && view.zoom >= l.min_zoom)
    {
        let anchor = view.to_screen(label.position);
        if screen.contains(anchor) {
            occupied.take(Rect::from_center_size(anchor, vec2(8.0, 8.0)));
        }
    }
}

/// Places and paints city labels of the given ranks in priority order, skipping any that
/// would overlap; returns how many were placed.
pub fn paint_place_labels(
    painter: &Painter,
    view: &WorldView,
    labels: &[PlaceLabel],
    ranks: std::ops::RangeInclusive<u8>,
    style: &MapStyle,
    occupied: &mut Occupied,
) -> usize {
    let screen = view.screen.shrink(4.0);
    let mut placed = 0;
    for label in labels.iter().filter(|l| ranks.contains(&l.rank)) {
        if placed >= MAX_LABELS {
            break;
        }
        if view.zoom < label.min_zoom {
            continue;
        }
        let anchor = view.to_screen(label.position);
        if !screen.contains(anchor) {
            continue;
        }
        let (size, dot) = match label.rank {
            0 => (17.0, 4.0),
            1 => (14.0, 3.2),
            2 => (13.0, 2.6),
            _ => (12.0, 2.0),
        };
        let font = FontId::proportional(size);
        let galley = painter.layout_no_wrap(label.name.clone(), font.clone(), style.label);
        let text_size = galley.size();
        let dot_rect = Rect::from_center_size(anchor, vec2(dot * 2.0 + 2.0, dot * 2.0 + 2.0));
        let right = Rect::from_min_size(anchor + vec2(dot + 3.0, -text_size.y / 2.0), text_size);
        let left = Rect::from_min_size(
            anchor - vec2(dot + 3.0 + text_size.x, text_size.y / 2.0),
            text_size,
        );
        let above = Rect::from_min_size(
            anchor - vec2(text_size.x / 2.0, dot + 2.0 + HUB_CLEARANCE + text_size.y),
            text_size,
        );
        let below = Rect::from_min_size(
            anchor + vec2(-text_size.x / 2.0, dot + 2.0 + HUB_CLEARANCE),
            text_size,
        );
        // Capitals are always named: their text may sit around a dot that a hub symbol covers.
        let capital = label.rank <= 1;
        if !capital && !occupied.is_free(dot_rect) {
            continue;
        }
        let candidates: &[Rect] = if capital {
            &[right, left, above, below]
        } else {
            &[right, left]
        };
        let Some(text_rect) = candidates
            .iter()
            .copied()
            .find(|r| screen.contains_rect(*r) && occupied.is_free(r.expand(2.0)))
        else {
            continue;
        };
        occupied.take(text_rect.expand(2.0));
        occupied.take(dot_rect);
        painter.circle(anchor, dot, style.label, Stroke::new(1.0, style.label_halo));
        halo_text(
            painter,
            text_rect.min,
            Align2::LEFT_TOP,
            &label.name,
            font,
            style.label,
            style.label_halo,
        );
        placed += 1;
    }
    placed
}
