//! Scale bar and attribution.

use egui::{Align2, FontId, Painter, Pos2, Stroke, pos2, vec2};

use super::labels::halo_text;
use super::style::MapStyle;
use crate::geometry::world_to_lon_lat;
use crate::mesh::WorldView;

/// Earth's equatorial circumference in metres (WGS84), the length of Web Mercator's x axis.
const EQUATOR_M: f64 = 40_075_016.686;

/// Metres on the ground per screen point, east–west, at the latitude of screen row `y`.
/// Web Mercator's scale changes with latitude, so a scale bar is true only on its own row.
pub fn metres_per_point(view: &WorldView, y: f32) -> f64 {
    let (_, lat) = world_to_lon_lat(view.to_world(pos2(view.screen.center().x, y)));
    EQUATOR_M * lat.to_radians().cos() / view.scale()
}

/// Where the scale bar's left end sits.
pub fn scale_bar_origin(view: &WorldView) -> egui::Pos2 {
    pos2(view.screen.left() + 16.0, view.screen.bottom() - 18.0)
}

/// The longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in `max_points` on the
/// scale bar's row, and its length in points.
pub fn scale_bar_length(view: &WorldView, max_points: f32) -> (f64, f32) {
    let per_point = metres_per_point(view, scale_bar_origin(view).y);
    let max_metres = per_point * f64::from(max_points);
    let magnitude = 10f64.powf(max_metres.log10().floor());
    let metres = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|m| *m <= max_metres)
        .unwrap_or(magnitude);
    (metres, (metres / per_point) as f32)
}

/// "200 km" or "500 m".
pub fn format_distance(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", (metres / 1000.0).round())
    } else {
        format!("{} m", metres.round())
    }
}

/// "200 km at 48.5°N": Web Mercator's scale holds only on the bar's own parallel.
pub fn scale_bar_label(view: &WorldView, metres: f64) -> String {
    let (_, lat) = view.screen_to_lon_lat(scale_bar_origin(view));
    let hemisphere = if lat < 0.0 { 'S' } else { 'N' };
    format!(
        "{} at {:.1}°{hemisphere}",
        format_distance(metres),
        lat.abs()
    )
}

/// Paints a scale bar with its label at the bottom left of the view.
pub fn paint_scale_bar(painter: &Painter, view: &WorldView, style: &MapStyle) {
    let (metres, length) = scale_bar_length(view, 140.0);
    let left = scale_bar_origin(view);
    let right = left + vec2(length, 0.0);
    let halo = Stroke::new(5.0, style.label_halo);
    let ink = Stroke::new(2.0, style.ink);
    for stroke in [halo, ink] {
        painter.line_segment([left, right], stroke);
        painter.line_segment([left, left - vec2(0.0, 7.0)], stroke);
        painter.line_segment([right, right - vec2(0.0, 7.0)], stroke);
    }
    halo_text(
        painter,
        left + vec2(length / 2.0, -9.0),
        Align2::CENTER_BOTTOM,
        &scale_bar_label(view, metres),
        FontId::proportional(13.0),
        style.ink,
        style.label_halo,
    );
}

/// Paints the attribution at the bottom right of the view.
pub fn paint_attribution(painter: &Painter, view: &WorldView, style: &MapStyle, text: &str) {
    let pos = Pos2::new(view.screen.right() - 8.0, view.screen.bottom() - 6.0);
    halo_text(
        painter,
        pos,
        Align2::RIGHT_BOTTOM,
        text,
        FontId::proportional(11.0),
        style.ink,
        style.label_halo,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Rect;

    #[test]
    fn the_scale_bar_is_a_round_distance_that_fits() {
        let view = WorldView::new(
            31.0,
            49.0,
            6.0,
            Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
        );
        let (metres, points) = scale_bar_length(&view, 140.0);
        assert!(points <= 140.0 && points > 50.0, "{points}");
        let leading = metres / 10f64.powf(metres.log10().floor());
        assert!([1.0, 2.0, 5.0].iter().any(|l| (leading - l).abs() < 1e-9));
        // The bar's label agrees with the projection: Web Mercator scale at 49°N, zoom 6.
        let (_, bar_lat) = view.screen_to_lon_lat(scale_bar_origin(&view));
        let expected_per_point = 40_075_016.686 * bar_lat.to_radians().cos() / (256.0 * 64.0);
        assert!(
            (metres / f64::from(points) - expected_per_point).abs() / expected_per_point < 1e-4
        );
        assert_eq!(
            scale_bar_label(&view, metres),
            format!("{} at {:.1}°N", format_distance(metres), bar_lat)
        );
    }
}
