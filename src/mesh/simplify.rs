//! Simplifying a line or ring in bounded time and stack. Douglas–Peucker (geo's) keeps
//! shapes best but recurses once per vertex it keeps and takes quadratic time on a
//! zigzag: 5,000,000 zigzag vertices never finished. Long lines go to Visvalingam–Whyatt,
//! which works from a priority queue in O(n log n).

use geo::{LineString, Simplify, SimplifyVw};

/// Lines up to this long use Douglas–Peucker (at most this deep, and this squared in the
/// worst case: a fraction of a second); longer ones Visvalingam–Whyatt.
const DOUGLAS_PEUCKER_MAX: usize = 20_000;

/// `line` simplified so no vertex dropped is more than about `tolerance` off it.
pub fn simplify_line(line: &LineString<f64>, tolerance: f64) -> LineString<f64> {
    if line.0.len() <= DOUGLAS_PEUCKER_MAX {
        line.simplify(tolerance)
    } else {
        // A triangle whose height is the tolerance, on a base of about twice it.
        line.simplify_vw(tolerance * tolerance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_million_vertex_zigzag_simplifies_without_recursing_away() {
        let zigzag: LineString<f64> = (0..1_000_000)
            .map(|i| (f64::from(i) * 0.001, f64::from(i % 2)))
            .collect::<Vec<_>>()
            .into();
        // Run where the stack is a test thread's 2 MB; Douglas–Peucker would overflow.
        let simplified = simplify_line(&zigzag, 0.5);
        assert!(simplified.0.len() >= 2);
        assert!(simplified.0.len() <= zigzag.0.len());
    }

    #[test]
    fn short_lines_keep_the_shape_douglas_peucker_gives() {
        let line = LineString::from(vec![(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0)]);
        assert_eq!(simplify_line(&line, 1.0), line.simplify(1.0));
    }
}
