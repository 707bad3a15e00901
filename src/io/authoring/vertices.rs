//! The vertices of a drawn feature, edited: moved, inserted at a mid-point, deleted. A
//! polygon's rings are handled open (without the closing point) and closed again.

use geo::{Coord, Geometry, LineString, Point, Polygon};

use super::overlay_edit::SketchShape;

/// The rings of `geometry` as open lists of lon/lat points (a polygon's closing point
/// left out), with its shape; `None` for geometries that are not edited by vertex.
pub fn editable_rings(geometry: &Geometry<f64>) -> Option<(SketchShape, Vec<Vec<[f64; 2]>>)> {
    let open = |line: &LineString<f64>, closed: bool| {
        let mut points: Vec<[f64; 2]> = line.coords().map(|c| [c.x, c.y]).collect();
        if closed && points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        points
    };
    match geometry {
        Geometry::Point(p) => Some((SketchShape::Point, vec![vec![[p.x(), p.y()]]])),
        Geometry::LineString(line) => Some((SketchShape::Line, vec![open(line, false)])),
        Geometry::Polygon(polygon) => Some((
            SketchShape::Area,
            std::iter::once(polygon.exterior())
                .chain(polygon.interiors())
                .map(|r| open(r, true))
                .collect(),
        )),
        _ => None,
    }
}

/// The geometry of `shape` made of `rings` (open lists; polygons are closed here).
pub fn from_rings(shape: SketchShape, rings: &[Vec<[f64; 2]>]) -> Option<Geometry<f64>> {
    let line = |ring: &[[f64; 2]]| {
        LineString::new(ring.iter().map(|p| Coord { x: p[0], y: p[1] }).collect())
    };
    let first = rings.first()?;
    match shape {
        SketchShape::Point => first
            .first()
            .map(|p| Geometry::Point(Point::new(p[0], p[1]))),
        SketchShape::Line if first.len() >= 2 => Some(Geometry::LineString(line(first))),
        SketchShape::Area if first.len() >= 3 => Some(Geometry::Polygon(Polygon::new(
            line(first),
            rings[1..]
                .iter()
                .filter(|r| r.len() >= 3)
                .map(|r| line(r))
                .collect(),
        ))),
        _ => None,
    }
}

/// What can be done to one vertex or edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VertexEdit {
    /// Vertex `index` of ring `ring` moves to a place.
    Move {
        /// Which ring (0 is the outline).
        ring: usize,
        /// Which vertex.
        index: usize,
        /// Where to.
        to: [f64; 2],
    },
    /// A vertex is added after `index` of ring `ring`, at a place (an edge's mid-point).
    Insert {
        /// Which ring.
        ring: usize,
        /// The new vertex comes after this one.
        after: usize,
        /// Where.
        at: [f64; 2],
    },
    /// Vertex `index` of ring `ring` goes.
    Delete {
        /// Which ring.
        ring: usize,
        /// Which vertex.
        index: usize,
    },
}

/// `geometry` with `edit` made; an error says why it cannot be (a line keeps two
/// points, an area's ring three).
pub fn edit_vertex(geometry: &Geometry<f64>, edit: VertexEdit) -> Result<Geometry<f64>, String> {
    let (shape, mut rings) = editable_rings(geometry)
        .ok_or_else(|| "this shape is not edited by its points".to_owned())?;
    let least = match shape {
        SketchShape::Point => 1,
        SketchShape::Line => 2,
        SketchShape::Area => 3,
    };
    let ring_of = |rings: &mut Vec<Vec<[f64; 2]>>, ring: usize| -> Result<usize, String> {
        rings
            .get(ring)
            .map(Vec::len)
            .ok_or_else(|| format!("there is no ring {ring}"))
    };
    match edit {
        VertexEdit::Move { ring, index, to } => {
            let len = ring_of(&mut rings, ring)?;
            if index >= len {
                return Err(format!("there is no point {index}"));
            }
            rings[ring][index] = to;
        }
        VertexEdit::Insert { ring, after, at } => {
            let len = ring_of(&mut rings, ring)?;
            if shape == SketchShape::Point || after >= len {
                return Err("a point cannot be added here".into());
            }
            rings[ring].insert(after + 1, at);
        }
        VertexEdit::Delete { ring, index } => {
            let len = ring_of(&mut rings, ring)?;
            if index >= len {
                return Err(format!("there is no point {index}"));
            }
            if len <= least {
                return Err(match shape {
                    SketchShape::Area if ring > 0 => {
                        "a hole keeps three points (delete the feature's hole by redrawing)".into()
                    }
                    SketchShape::Area => "an area keeps three points".into(),
                    SketchShape::Line => "a line keeps two points".into(),
                    SketchShape::Point => "a point cannot be deleted: delete the feature".into(),
                });
            }
            rings[ring].remove(index);
        }
    }
    from_rings(shape, &rings).ok_or_else(|| "the shape would not be whole".to_owned())
}

/// The mid-points of each edge of `rings` (areas' closing edges too), with the ring
/// and the vertex they come after.
pub fn mid_points(shape: SketchShape, rings: &[Vec<[f64; 2]>]) -> Vec<(usize, usize, [f64; 2])> {
    let mut out = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        let edges = match shape {
            SketchShape::Point => 0,
            SketchShape::Line => ring.len().saturating_sub(1),
            SketchShape::Area => ring.len(),
        };
        for i in 0..edges {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            out.push((r, i, [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Geometry<f64> {
        from_rings(
            SketchShape::Area,
            &[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]],
        )
        .unwrap_or(Geometry::Point(Point::new(0.0, 0.0)))
    }

    #[test]
    fn moving_an_areas_first_point_moves_its_closing_point_too() {
        let moved = edit_vertex(
            &square(),
            VertexEdit::Move {
                ring: 0,
                index: 0,
                to: [-1.0, -1.0],
            },
        );
        let Ok(Geometry::Polygon(polygon)) = moved else {
            panic!("still an area");
        };
        let exterior: Vec<Coord<f64>> = polygon.exterior().coords().copied().collect();
        assert_eq!(exterior.first(), Some(&Coord { x: -1.0, y: -1.0 }));
        assert_eq!(exterior.first(), exterior.last());
        assert_eq!(exterior.len(), 5);
    }

    #[test]
    fn a_point_inserted_at_a_mid_point_and_one_deleted_keep_the_area_whole() {
        let mids = editable_rings(&square())
            .map(|(s, r)| mid_points(s, &r))
            .unwrap_or_default();
        assert_eq!(mids.len(), 4, "the closing edge has a mid-point too");
        let (ring, after, at) = mids[3];
        let inserted = edit_vertex(&square(), VertexEdit::Insert { ring, after, at });
        let rings = inserted
            .as_ref()
            .ok()
            .and_then(editable_rings)
            .map(|(_, r)| r);
        assert_eq!(rings.as_ref().map(|r| r[0].len()), Some(5));
        assert_eq!(rings.map(|r| r[0][4]), Some([0.0, 0.5]));
        let triangle = edit_vertex(&square(), VertexEdit::Delete { ring: 0, index: 1 });
        assert!(triangle.is_ok());
        let refused =
            triangle.and_then(|t| edit_vertex(&t, VertexEdit::Delete { ring: 0, index: 0 }));
        assert!(refused.is_err_and(|e| e.contains("three points")));
    }
}
