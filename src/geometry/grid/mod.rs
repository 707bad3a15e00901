//! Map grids as lines in longitude/latitude with their labels: a graticule, and the MGRS
//! grid (grid zone designations, 100 km squares with their two letters, then 10 km and
//! 1 km lines as the view closes in). UTM and MGRS conversions are geoconvert's, a port
//! of GeographicLib; this module only decides which lines a view needs.

mod mgrs;

pub use mgrs::{GridReference, grid_reference, mgrs_grid, mgrs_level};

/// How strongly a grid line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GridWeight {
    /// Grid zone boundaries, and the graticule's lines.
    Major,
    /// 100 km square boundaries.
    Square,
    /// 10 km or 1 km lines.
    Minor,
}

/// Which way a line runs, so its label goes on the right edges of the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runs {
    /// North–south (a meridian, or a line of constant easting): labelled top and bottom.
    NorthSouth,
    /// East–west (a parallel, or a line of constant northing): labelled left and right.
    EastWest,
}

/// One line of a grid, in lon/lat.
#[derive(Debug, Clone, PartialEq)]
pub struct GridLine {
    /// Its points, west to east or south to north.
    pub points: Vec<(f64, f64)>,
    /// How strongly it is drawn.
    pub weight: GridWeight,
    /// Which way it runs.
    pub runs: Runs,
    /// What the picture's edge says where the line meets it ("30°E", "24").
    pub label: Option<String>,
}

/// A name written inside a grid cell: a grid zone ("36U") or a 100 km square ("UA").
#[derive(Debug, Clone, PartialEq)]
pub struct GridLabel {
    /// Where, lon/lat.
    pub at: (f64, f64),
    /// The text.
    pub text: String,
    /// True for a grid zone designation (drawn larger).
    pub zone: bool,
}

/// The lines and names of a grid within a view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// Lines, the strongest last.
    pub lines: Vec<GridLine>,
    /// Names inside cells.
    pub labels: Vec<GridLabel>,
}

/// A view's extent in degrees: west, south, east, north.
pub type Bounds = [f64; 4];

/// The graticule: meridians and parallels at a round interval for `zoom`.
pub fn graticule(bounds: Bounds, zoom: f64) -> Grid {
    let [west, south, east, north] = clamp(bounds, -85.0, 85.0);
    let step = GRATICULE_STEPS[graticule_level(zoom)];
    let mut grid = Grid::default();
    for lon in multiples(west, east, step) {
        grid.lines.push(GridLine {
            points: vec![(lon, south), (lon, north)],
            weight: GridWeight::Major,
            runs: Runs::NorthSouth,
            label: Some(format_angle(lon, step, 'E', 'W')),
        });
    }
    for lat in multiples(south, north, step) {
        grid.lines.push(GridLine {
            points: vec![(west, lat), (east, lat)],
            weight: GridWeight::Major,
            runs: Runs::EastWest,
            label: Some(format_angle(lat, step, 'N', 'S')),
        });
    }
    grid
}

/// The graticule's intervals in degrees, widest first.
const GRATICULE_STEPS: [f64; 12] = [
    30.0,
    20.0,
    10.0,
    5.0,
    2.0,
    1.0,
    0.5,
    0.25,
    1.0 / 6.0,
    1.0 / 12.0,
    1.0 / 30.0,
    1.0 / 60.0,
];

/// Which interval the graticule uses at `zoom`: about six lines across a view (30° at
/// zoom 2, 1° at zoom 7, 1′ at zoom 13). Views of the same level have the same lines.
pub fn graticule_level(zoom: f64) -> usize {
    let wanted = 360.0 / 2f64.powf(zoom) * 1.2;
    GRATICULE_STEPS
        .iter()
        .position(|s| *s <= wanted)
        .unwrap_or(GRATICULE_STEPS.len() - 1)
}

/// "30°E", "48°30′N", "30°31′E".
fn format_angle(value: f64, step: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < -1e-9 { negative } else { positive };
    let total_minutes = (value.abs() * 60.0).round() as i64;
    let (degrees, minutes) = (total_minutes / 60, total_minutes % 60);
    if step >= 1.0 || minutes == 0 {
        format!("{degrees}°{hemisphere}")
    } else {
        format!("{degrees}°{minutes:02}′{hemisphere}")
    }
}

/// Every multiple of `step` from `from` to `to`.
pub(super) fn multiples(from: f64, to: f64, step: f64) -> impl Iterator<Item = f64> {
    let first = (from / step).ceil() as i64;
    let last = (to / step).floor() as i64;
    (first..=last.max(first - 1)).map(move |k| k as f64 * step)
}

pub(super) fn clamp(bounds: Bounds, min_lat: f64, max_lat: f64) -> Bounds {
    let [w, s, e, n] = bounds;
    [w.max(-180.0), s.max(min_lat), e.min(180.0), n.min(max_lat)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_graticule_labels_its_lines_in_degrees_and_minutes() {
        let grid = graticule([29.0, 49.0, 32.0, 51.0], 9.0);
        let labels: Vec<&str> = grid
            .lines
            .iter()
            .filter_map(|l| l.label.as_deref())
            .collect();
        assert!(labels.contains(&"30°30′E"), "{labels:?}");
        assert!(labels.contains(&"50°N"), "{labels:?}");
    }
}
