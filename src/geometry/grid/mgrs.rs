//! The MGRS grid: grid zone designations (with the Norway and Svalbard exceptions),
//! 100 km squares and their letters, and 10 km and 1 km lines, each cut exactly at its
//! zone's edges. Conversions are geoconvert's.

use geoconvert::{LatLon, Mgrs, UtmUps};

use super::{Bounds, Grid, GridLabel, GridLine, GridWeight, Runs, clamp, multiples};

/// The MGRS grid within `bounds` at `zoom`: zone boundaries always; 100 km squares from
/// zoom 5.5 (letters from 6); 10 km lines from 8.5; 1 km lines from 11.5.
pub fn mgrs_grid(bounds: Bounds, zoom: f64) -> Grid {
    let bounds = clamp(bounds, -80.0, 84.0);
    let mut grid = Grid::default();
    let step = line_step(zoom);
    for cell in zone_cells(bounds) {
        let [w, s, ..] = cell.extent;
        let [vw, vs, ve, vn] = cell.visible;
        // Each cell draws its west and south edges; its neighbours draw the others.
        if w >= bounds[0] {
            grid.lines.push(GridLine {
                points: vec![(w, vs), (w, vn)],
                weight: GridWeight::Major,
                runs: Runs::NorthSouth,
                label: None,
            });
        }
        if s >= bounds[1] {
            grid.lines.push(GridLine {
                points: vec![(vw, s), (ve, s)],
                weight: GridWeight::Major,
                runs: Runs::EastWest,
                label: None,
            });
        }
        if zoom < 8.0 {
            grid.labels.push(GridLabel {
                at: ((vw + ve) / 2.0, (vs + vn) / 2.0),
                text: format!("{}{}", cell.zone, cell.band),
                zone: true,
            });
        }
        if let Some(step) = step {
            cell_lines(&cell, bounds, step, zoom, &mut grid);
        }
    }
    grid.lines.sort_by_key(|l| std::cmp::Reverse(l.weight));
    grid
}

/// The spacing of the lines inside zones at `zoom`, in metres (none: zones only).
fn line_step(zoom: f64) -> Option<f64> {
    if zoom >= 11.5 {
        Some(1_000.0)
    } else if zoom >= 8.5 {
        Some(10_000.0)
    } else if zoom >= 5.5 {
        Some(100_000.0)
    } else {
        None
    }
}

/// What the MGRS grid shows at `zoom`, as a number: views of the same level have the
/// same lines and names (line spacing, square letters from 6, zone names below 8).
pub fn mgrs_level(zoom: f64) -> u32 {
    let step = match line_step(zoom) {
        None => 0,
        Some(s) if s >= 100_000.0 => 1,
        Some(s) if s >= 10_000.0 => 2,
        Some(_) => 3,
    };
    step * 4 + u32::from(zoom >= 6.0) * 2 + u32::from(zoom < 8.0)
}

/// One grid zone designation's area (a UTM zone within a latitude band), cut to a view.
struct ZoneCell {
    zone: i32,
    band: char,
    /// The whole cell: west, south, east, north.
    extent: Bounds,
    /// The cell within the view.
    visible: Bounds,
}

const BANDS: &str = "CDEFGHJKLMNPQRSTUVWX";

/// The grid zone designations that meet `bounds`, with the Norway and Svalbard
/// exceptions of the UTM standard.
fn zone_cells(bounds: Bounds) -> Vec<ZoneCell> {
    let [west, south, east, north] = bounds;
    let mut cells = Vec::new();
    for (index, band) in BANDS.chars().enumerate() {
        let band_south = -80.0 + 8.0 * index as f64;
        let band_north = if band == 'X' { 84.0 } else { band_south + 8.0 };
        if band_north <= south || band_south >= north {
            continue;
        }
        for zone in 1..=60 {
            let Some((zone_west, zone_east)) = zone_span(zone, band) else {
                continue;
            };
            if zone_east <= west || zone_west >= east {
                continue;
            }
            let extent = [zone_west, band_south, zone_east, band_north];
            cells.push(ZoneCell {
                zone,
                band,
                extent,
                visible: [
                    zone_west.max(west),
                    band_south.max(south),
                    zone_east.min(east),
                    band_north.min(north),
                ],
            });
        }
    }
    cells
}

/// A zone's longitudes within a band (`None` where the zone does not exist, as 32X).
fn zone_span(zone: i32, band: char) -> Option<(f64, f64)> {
    let west = -180.0 + 6.0 * f64::from(zone - 1);
    let span = match (band, zone) {
        ('V', 31) => (0.0, 3.0),
        ('V', 32) => (3.0, 12.0),
        ('X', 32 | 34 | 36) => return None,
        ('X', 31) => (0.0, 9.0),
        ('X', 33) => (9.0, 21.0),
        ('X', 35) => (21.0, 33.0),
        ('X', 37) => (33.0, 42.0),
        _ => (west, west + 6.0),
    };
    Some(span)
}

/// The lines of constant easting and northing every `step` metres inside one cell.
fn cell_lines(cell: &ZoneCell, view: Bounds, step: f64, zoom: f64, grid: &mut Grid) {
    let [w, s, e, n] = cell.visible;
    if w >= e || s >= n {
        return;
    }
    let northp = cell.extent[1] >= 0.0;
    // The cell's range of eastings and northings, from points just inside its edges.
    let mut ranges = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    let inset = 1e-7;
    for i in 0..=8 {
        let t = f64::from(i) / 8.0;
        for (lon, lat) in [
            (w + inset + (e - w - 2.0 * inset) * t, s + inset),
            (w + inset + (e - w - 2.0 * inset) * t, n - inset),
            (w + inset, s + inset + (n - s - 2.0 * inset) * t),
            (e - inset, s + inset + (n - s - 2.0 * inset) * t),
        ] {
            let Some(utm) = to_utm(lon, lat) else {
                continue;
            };
            if utm.zone() != cell.zone {
                continue;
            }
            ranges.0 = ranges.0.min(utm.easting());
            ranges.1 = ranges.1.max(utm.easting());
            ranges.2 = ranges.2.min(utm.northing());
            ranges.3 = ranges.3.max(utm.northing());
        }
    }
    let (e_min, e_max, n_min, n_max) = ranges;
    if e_min > e_max || n_min > n_max {
        return;
    }
    let weight = if step >= 100_000.0 {
        GridWeight::Square
    } else {
        GridWeight::Minor
    };
    // At most a few hundred lines per cell, whatever the view.
    if (e_max - e_min) / step > 400.0 || (n_max - n_min) / step > 400.0 {
        return;
    }
    let label = |metres: f64| {
        (step < 100_000.0).then(|| format!("{:02}", ((metres / 1000.0).round() as i64) % 100))
    };
    let samples = |from: f64, to: f64| -> Vec<f64> {
        // Two points per line spacing: grid lines bend little between them (under a
        // metre for 1 km lines, under a pixel for 100 km lines at their zooms).
        let count = (((to - from) / step) * 2.0).ceil().clamp(4.0, 400.0) as usize;
        (0..=count)
            .map(|i| from + (to - from) * i as f64 / count as f64)
            .collect()
    };
    let cut = [w, s, e, n];
    let mut line = |value: f64, runs: Runs| {
        let (along, from, to) = match runs {
            Runs::NorthSouth => (true, n_min, n_max),
            Runs::EastWest => (false, e_min, e_max),
        };
        let points = samples(from, to).into_iter().filter_map(|t| {
            let (easting, northing) = if along { (value, t) } else { (t, value) };
            from_utm(cell.zone, northp, easting, northing)
        });
        push_runs(grid, points, cut, weight, runs, label(value));
    };
    for easting in multiples(e_min, e_max, step) {
        line(easting, Runs::NorthSouth);
    }
    for northing in multiples(n_min, n_max, step) {
        line(northing, Runs::EastWest);
    }
    if step >= 100_000.0 && zoom >= 6.0 {
        square_labels(cell, view, (e_min, e_max, n_min, n_max), grid);
    }
}

/// The two letters of every 100 km square whose centre is in the cell and the view.
fn square_labels(cell: &ZoneCell, view: Bounds, ranges: (f64, f64, f64, f64), grid: &mut Grid) {
    let (e_min, e_max, n_min, n_max) = ranges;
    let [w, s, e, n] = cell.visible;
    let northp = cell.extent[1] >= 0.0;
    let first_e = (e_min / 100_000.0).floor() * 100_000.0;
    let first_n = (n_min / 100_000.0).floor() * 100_000.0;
    let mut easting = first_e;
    while easting < e_max {
        let mut northing = first_n;
        while northing < n_max {
            // The square's centre, or for a square cut by the zone's edge a point of
            // the part inside it.
            let inside = |(lon, lat): &(f64, f64)| {
                *lon >= w.max(view[0]) && *lon <= e.min(view[2]) && *lat >= s && *lat <= n
            };
            let spot = SQUARE_SPOTS
                .iter()
                .flat_map(|fe| SQUARE_SPOTS.iter().map(move |fn_| (*fe, *fn_)))
                .filter_map(|(fe, fn_)| {
                    from_utm(
                        cell.zone,
                        northp,
                        easting + fe * 100_000.0,
                        northing + fn_ * 100_000.0,
                    )
                })
                .find(inside);
            if let Some((lon, lat)) = spot
                && let Some(reference) = grid_reference(lon, lat)
            {
                grid.labels.push(GridLabel {
                    at: (lon, lat),
                    text: reference.square,
                    zone: false,
                });
            }
            northing += 100_000.0;
        }
        easting += 100_000.0;
    }
}

/// Where in a 100 km square its letters may go, as fractions of its side, best first.
const SQUARE_SPOTS: [f64; 5] = [0.5, 0.3, 0.7, 0.1, 0.9];

/// Adds the parts of a sampled line that lie inside `cell` (west, south, east, north),
/// cut exactly at its edges, as separate lines.
fn push_runs(
    grid: &mut Grid,
    points: impl Iterator<Item = (f64, f64)>,
    cell: Bounds,
    weight: GridWeight,
    runs: Runs,
    label: Option<String>,
) {
    let points: Vec<(f64, f64)> = points.collect();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut flush = |run: &mut Vec<(f64, f64)>| {
        if run.len() >= 2 {
            grid.lines.push(GridLine {
                points: std::mem::take(run),
                weight,
                runs,
                label: label.clone(),
            });
        }
        run.clear();
    };
    for pair in points.windows(2) {
        let Some((from, to)) = clip_segment(pair[0], pair[1], cell) else {
            flush(&mut run);
            continue;
        };
        if run.last() != Some(&from) {
            flush(&mut run);
            run.push(from);
        }
        run.push(to);
        if to != pair[1] {
            flush(&mut run);
        }
    }
    flush(&mut run);
}

/// The part of the segment `a`–`b` inside `cell` (Liang–Barsky), if any.
fn clip_segment(a: (f64, f64), b: (f64, f64), cell: Bounds) -> Option<((f64, f64), (f64, f64))> {
    let [west, south, east, north] = cell;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - west),
        (dx, east - a.0),
        (-dy, a.1 - south),
        (dy, north - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            enter = enter.max(t);
        } else {
            leave = leave.min(t);
        }
    }
    if enter > leave {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + dx * t, a.1 + dy * t)
        }
    };
    Some((at(enter), at(leave)))
}

/// Where a point is in MGRS: its grid zone, 100 km square and metres within it.
#[derive(Debug, Clone, PartialEq)]
pub struct GridReference {
    /// UTM zone, 1..=60.
    pub zone: i32,
    /// Latitude band letter.
    pub band: char,
    /// The 100 km square's two letters.
    pub square: String,
    /// Easting within the square, metres.
    pub easting: f64,
    /// Northing within the square, metres.
    pub northing: f64,
}

/// The MGRS reference of a point (`None` outside 80°S–84°N, where UPS applies).
pub fn grid_reference(lon: f64, lat: f64) -> Option<GridReference> {
    if !(-80.0..84.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let point = LatLon::create(lat, lon).ok()?;
    let utm = point.to_utmups();
    // Five digits a side: one metre. geoconvert asserts on a few points it cannot place
    // (the equator at the antimeridian); a centimetre north of them it can.
    let text = mgrs_text(lat, lon).or_else(|| mgrs_text(lat + 1e-7, lon))?;
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut letters = text[digits..].chars();
    let band = letters.next()?;
    let square: String = letters.by_ref().take(2).collect();
    if square.len() != 2 {
        return None;
    }
    Some(GridReference {
        zone: utm.zone(),
        band,
        square,
        easting: utm.easting().rem_euclid(100_000.0),
        northing: utm.northing().rem_euclid(100_000.0),
    })
}

/// MGRS at 1 m, or `None` where geoconvert gives up (its assertions caught, not a crash).
fn mgrs_text(lat: f64, lon: f64) -> Option<String> {
    let point = LatLon::create(lat, lon).ok()?;
    std::panic::catch_unwind(|| Mgrs::from_latlon(&point, 5).to_string()).ok()
}

fn to_utm(lon: f64, lat: f64) -> Option<UtmUps> {
    if !(-80.0..84.0).contains(&lat) {
        return None;
    }
    Some(LatLon::create(lat, lon).ok()?.to_utmups())
}

fn from_utm(zone: i32, northp: bool, easting: f64, northing: f64) -> Option<(f64, f64)> {
    let point = UtmUps::create(zone, northp, easting, northing)
        .ok()?
        .to_latlon();
    Some((point.longitude(), point.latitude()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norway_and_svalbard_have_their_own_zone_widths() {
        assert_eq!(zone_span(32, 'V'), Some((3.0, 12.0)));
        assert_eq!(zone_span(33, 'X'), Some((9.0, 21.0)));
        assert_eq!(zone_span(32, 'X'), None);
        assert_eq!(zone_span(36, 'U'), Some((30.0, 36.0)));
    }

    #[test]
    fn a_wide_view_has_zone_designations_and_no_squares() {
        let grid = mgrs_grid([20.0, 44.0, 42.0, 54.0], 4.5);
        assert!(grid.labels.iter().any(|l| l.zone && l.text == "36U"));
        assert!(grid.lines.iter().all(|l| l.weight == GridWeight::Major));
    }
}
