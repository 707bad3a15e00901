//! The outline of a mesh's triangles: what a fill mesh or a prepared stroke covers, as
//! polygons with holes, so a vector file holds one shape per country or stroke rather
//! than thousands of triangles (and no hairline seams between them).

use std::collections::HashMap;

use egui::Pos2;

/// The outline of the union of `triangles`: each triangle's edges, turned one way, with
/// every edge shared by two triangles (inside the union) cancelled, then chained into
/// rings. Filled with the nonzero rule the rings cover exactly what the triangles do.
pub(super) fn union_outline(triangles: &[[Pos2; 3]]) -> Vec<Vec<Pos2>> {
    type Key = (u32, u32);
    let key = |p: Pos2| (p.x.to_bits(), p.y.to_bits());
    let mut points: HashMap<Key, Pos2> = HashMap::new();
    let mut edges: HashMap<(Key, Key), u32> = HashMap::new();
    for [a, b, c] in triangles {
        let area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        if area.abs() < 1e-6 {
            continue;
        }
        let ring = if area > 0.0 {
            [*a, *b, *c]
        } else {
            [*a, *c, *b]
        };
        for i in 0..3 {
            let (from, to) = (ring[i], ring[(i + 1) % 3]);
            let (kf, kt) = (key(from), key(to));
            if kf == kt {
                continue;
            }
            points.insert(kf, from);
            points.insert(kt, to);
            match edges.get_mut(&(kt, kf)) {
                Some(count) if *count > 0 => *count -= 1,
                _ => *edges.entry((kf, kt)).or_insert(0) += 1,
            }
        }
    }
    let mut outgoing: HashMap<Key, Vec<Key>> = HashMap::new();
    let mut ordered: Vec<(Key, Key, u32)> = edges
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|((from, to), count)| (from, to, count))
        .collect();
    // Hash order is random: sort so that the same picture writes the same file.
    ordered.sort_unstable();
    for (from, to, count) in ordered {
        for _ in 0..count {
            outgoing.entry(from).or_default().push(to);
        }
    }
    let mut starts: Vec<Key> = outgoing.keys().copied().collect();
    starts.sort_unstable();
    let mut rings = Vec::new();
    for start in starts {
        while let Some(mut next) = outgoing.get_mut(&start).and_then(Vec::pop) {
            let mut ring = vec![points[&start]];
            // Every vertex has as many edges in as out, so the walk comes back to start.
            while next != start {
                ring.push(points[&next]);
                match outgoing.get_mut(&next).and_then(Vec::pop) {
                    Some(after) => next = after,
                    None => break,
                }
            }
            if ring.len() >= 3 {
                rings.push(ring);
            }
        }
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn two_triangles_of_a_square_become_its_four_corners() {
        let (a, b, c, d) = (
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        );
        let rings = union_outline(&[[a, b, c], [a, c, d]]);
        assert_eq!(rings.len(), 1);
        assert_eq!(rings[0].len(), 4);
        for corner in [a, b, c, d] {
            assert!(rings[0].contains(&corner));
        }
    }

    #[test]
    fn a_ring_of_triangles_keeps_its_hole() {
        // A frame around the square 1..2 made of eight triangles.
        let p = |x: f32, y: f32| pos2(x, y);
        let outer = [p(0.0, 0.0), p(3.0, 0.0), p(3.0, 3.0), p(0.0, 3.0)];
        let inner = [p(1.0, 1.0), p(2.0, 1.0), p(2.0, 2.0), p(1.0, 2.0)];
        let mut triangles = Vec::new();
        for i in 0..4 {
            let j = (i + 1) % 4;
            triangles.push([outer[i], outer[j], inner[j]]);
            triangles.push([outer[i], inner[j], inner[i]]);
        }
        let rings = union_outline(&triangles);
        assert_eq!(rings.len(), 2, "an outer ring and the hole: {rings:?}");
        assert!(rings.iter().all(|r| r.len() == 4));
    }

    #[test]
    fn degenerate_triangles_add_nothing() {
        let p = |x: f32, y: f32| pos2(x, y);
        let rings = union_outline(&[[p(0.0, 0.0), p(1.0, 1.0), p(2.0, 2.0)]]);
        assert!(rings.is_empty());
    }
}
