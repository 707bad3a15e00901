//! A user overlay's points at any count: which pass the user's property filter and the
//! timeline (a date column), their colour by a chosen property, and clusters on a grid
//! fixed to the world, so 200,000 events draw as a few hundred counted circles at low
//! zoom and as single symbols close in.
//!
//! Grid clustering (as Google's MarkerClusterer does) rather than the supercluster crate:
//! that one takes and keeps a `geojson::Feature` per point (hundreds of bytes each) and
//! must be rebuilt whenever a filter or the timeline changes which points count; a grid
//! pass over compact points is a few milliseconds, made once per zoom level and filter.

use std::collections::{BTreeSet, HashMap};

use crate::geometry::WorldPoint;
use crate::mesh::WorldRect;
use crate::model::Date;

use super::UserLayer;

/// Cluster cells are this many points across on screen.
pub const CELL_POINTS: f64 = 64.0;
/// From this zoom on, points are drawn one by one (unless too many are in view).
pub const SINGLE_POINTS_ZOOM: f64 = 12.0;
/// More points than this in view are clustered even close in.
pub const MAX_SINGLE_POINTS: usize = 20_000;

/// Colours for a property's values, in turn (Okabe–Ito, then Tableau's), beyond them grey.
pub const CATEGORY_COLOURS: [[u8; 3]; 10] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [230, 159, 0],
    [86, 180, 233],
    [240, 228, 66],
    [148, 103, 189],
    [140, 86, 75],
    [23, 190, 207],
];
/// The colour of values past the palette's end.
pub const OTHER_COLOUR: [u8; 3] = [127, 127, 127];

/// What the user chose for a layer's points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PointStyle {
    /// The property whose values colour the points (with a legend), if any.
    pub colour_by: Option<String>,
    /// The property the filter looks at, and its values that are hidden.
    pub filter: Option<(String, BTreeSet<String>)>,
}

/// A property's value as the text the legend and the filter show.
pub fn value_label(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "(none)".into(),
        other => other.to_string(),
    }
}

/// The dates of a layer's features, from its first column that holds dates.
#[derive(Debug, Clone, Default)]
pub struct DateColumn {
    /// The column's name.
    pub key: String,
    /// Each feature's date as days since 1970-01-01 (`i32::MIN` where it has none).
    pub days: Vec<i32>,
    /// The first and last date.
    pub range: Option<(Date, Date)>,
}

/// Days since 1970-01-01 of a calendar date (proleptic Gregorian).
pub fn days_of(date: Date) -> i32 {
    let (y, m, d) = (date.year, i32::from(date.month), i32::from(date.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date at the start of a text (`2025-03-14`, `2025-03-14T10:00:00Z`).
fn date_in(text: &str) -> Option<Date> {
    Date::parse(text.get(..10)?)
}

impl DateColumn {
    /// The first column whose name says date or time and whose values read as dates.
    pub fn find(features: &crate::io::FeatureTable) -> Option<DateColumn> {
        let named = |key: &&String| {
            let key = key.to_lowercase();
            ["date", "time", "дата", "час"]
                .iter()
                .any(|w| key.contains(w))
        };
        let key = features.keys().iter().filter(named).find(|key| {
            let sample: Vec<_> = (0..features.len().min(50))
                .filter_map(|row| features.property(row, key))
                .collect();
            !sample.is_empty()
                && sample
                    .iter()
                    .all(|v| v.as_str().and_then(date_in).is_some())
        })?;
        let mut range: Option<(Date, Date)> = None;
        let days = (0..features.len())
            .map(|row| {
                let date = features
                    .property(row, key)
                    .and_then(|v| v.as_str())
                    .and_then(date_in);
                if let Some(date) = date {
                    range = Some(range.map_or((date, date), |(a, b)| (a.min(date), b.max(date))));
                }
                date.map_or(i32::MIN, days_of)
            })
            .collect();
        Some(DateColumn {
            key: key.clone(),
            days,
            range,
        })
    }
}

/// Which of a layer's points count now, and how each is coloured.
pub struct PointFilter<'a> {
    layer: &'a UserLayer,
    style: &'a PointStyle,
    until: Option<i32>,
    hidden: Vec<bool>,
}

impl<'a> PointFilter<'a> {
    /// The filter of `style`, and the timeline at `as_of` (every date when `None`).
    pub fn new(layer: &'a UserLayer, style: &'a PointStyle, as_of: Option<Date>) -> Self {
        let hidden = match &style.filter {
            Some((key, values)) => layer
                .features
                .category_values(key)
                .unwrap_or_default()
                .iter()
                .map(|value| values.contains(&value_label(value)))
                .collect(),
            None => Vec::new(),
        };
        Self {
            layer,
            style,
            until: as_of.filter(|_| layer.dates.is_some()).map(days_of),
            hidden,
        }
    }

    /// True when feature `row` is shown.
    pub fn passes(&self, row: usize) -> bool {
        if let (Some(until), Some(dates)) = (self.until, &self.layer.dates)
            && dates.days.get(row).is_none_or(|day| *day > until)
        {
            return false;
        }
        match &self.style.filter {
            Some((key, _)) => self
                .layer
                .features
                .category_of(row, key)
                .is_none_or(|c| !self.hidden.get(c).copied().unwrap_or(false)),
            None => true,
        }
    }

    /// Feature `row`'s colour: its value's under "colour by", else the layer's.
    pub fn colour(&self, row: usize) -> [u8; 3] {
        let Some(key) = &self.style.colour_by else {
            return self.layer.colour;
        };
        match self.layer.features.category_of(row, key) {
            Some(c) => CATEGORY_COLOURS.get(c).copied().unwrap_or(OTHER_COLOUR),
            None => OTHER_COLOUR,
        }
    }

    /// A key that changes whenever the points that pass do.
    fn key(&self) -> FilterKey {
        (self.until, self.style.filter.clone())
    }
}

/// Points in one grid cell: counted, centred on their mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The mean of its points, world units.
    pub center: WorldPoint,
    /// Around its points.
    pub bounds: WorldRect,
    /// How many points.
    pub count: usize,
    /// Its first point's feature (the feature itself when it holds one).
    pub feature: usize,
    /// The colour most of its points have.
    pub colour: [u8; 3],
}

/// What a set of clusters was made for: the zoom level, the filter and the colouring.
type ClusterKey = (i32, FilterKey, Option<String>);

/// What decides which points pass: the timeline's day and the property filter.
type FilterKey = (Option<i32>, Option<(String, BTreeSet<String>)>);

/// The clusters of one zoom level, made for one filter.
#[derive(Debug, Default)]
pub struct ClusterCache {
    made_for: Option<ClusterKey>,
    clusters: Vec<Cluster>,
}

impl ClusterCache {
    /// The clusters of `layer`'s points at whole zoom `level` under `filter`, made now if
    /// the level or the filter changed since the last call.
    pub fn clusters(&mut self, level: i32, filter: &PointFilter<'_>) -> &[Cluster] {
        let key = (level, filter.key(), filter.style.colour_by.clone());
        if self.made_for.as_ref() != Some(&key) {
            self.clusters = cluster(filter, level);
            self.made_for = Some(key);
        }
        &self.clusters
    }
}

/// Bins the passing points into cells of [`CELL_POINTS`] at whole zoom `level`.
fn cluster(filter: &PointFilter<'_>, level: i32) -> Vec<Cluster> {
    let cell = CELL_POINTS * crate::mesh::world_per_pixel(f64::from(level));
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut sums: Vec<(f64, f64, HashMap<[u8; 3], usize>)> = Vec::new();
    for (row, point) in &filter.layer.points {
        if !filter.passes(*row) {
            continue;
        }
        let at = (
            (point.x / cell).floor() as i64,
            (point.y / cell).floor() as i64,
        );
        let colour = filter.colour(*row);
        let index = *cells.entry(at).or_insert_with(|| {
            clusters.push(Cluster {
                center: *point,
                bounds: WorldRect {
                    min: *point,
                    max: *point,
                },
                count: 0,
                feature: *row,
                colour,
            });
            sums.push((0.0, 0.0, HashMap::new()));
            clusters.len() - 1
        });
        let cluster = &mut clusters[index];
        cluster.count += 1;
        cluster.bounds = cluster.bounds.including(*point);
        let sum = &mut sums[index];
        sum.0 += point.x;
        sum.1 += point.y;
        *sum.2.entry(colour).or_default() += 1;
    }
    for (cluster, (x, y, colours)) in clusters.iter_mut().zip(sums) {
        let n = cluster.count as f64;
        cluster.center = WorldPoint { x: x / n, y: y / n };
        if let Some((colour, _)) = colours.into_iter().max_by_key(|(c, n)| (*n, *c)) {
            cluster.colour = colour;
        }
    }
    clusters
}

/// The on-screen radius of a cluster of `count` points.
pub fn cluster_radius(count: usize) -> f32 {
    if count <= 1 {
        return 3.5;
    }
    10.0 + 4.0 * (count as f32).log10()
}

/// A count as a cluster shows it: "842", "1.2k", "37k".
pub fn count_label(count: usize) -> String {
    match count {
        0..=999 => count.to_string(),
        1000..=9_999 => format!("{:.1}k", count as f64 / 1000.0),
        _ => format!("{}k", count / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_1970() {
        let day = |y, m, d| {
            days_of(Date {
                year: y,
                month: m,
                day: d,
            })
        };
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2026, 1, 6) - day(2025, 12, 31), 6);
        assert_eq!(day(2024, 3, 1) - day(2024, 2, 28), 2);
    }

    #[test]
    fn counts_are_short() {
        assert_eq!(count_label(842), "842");
        assert_eq!(count_label(1234), "1.2k");
        assert_eq!(count_label(37_400), "37k");
    }
}
