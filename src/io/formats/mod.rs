//! The files an analyst brings, in whatever format they come: GeoJSON, KML and KMZ, CSV,
//! Shapefile (loose or zipped), GeoPackage, FlatGeobuf and GPX, each read by a maintained
//! crate into the same features (lon/lat geometry, properties) with the same diagnostics.

mod crs;
mod csv_points;
mod flatgeobuf_read;
mod geopackage;
mod gpx_read;
mod kml_read;
mod kml_style;
mod shapefile_read;
mod text;
mod zipped;

pub use crs::Crs;
pub use text::TextEncoding;

use std::path::Path;

use geo::{CoordsIter, Geometry};

use super::diagnostic::{Diagnostic, Location, Severity};
use super::fast_geojson::UserFeature;
use super::feature_table::FeatureTable;

/// The formats Backstop reads overlays from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayFormat {
    /// RFC 7946 GeoJSON (a legacy `crs` member is honoured).
    GeoJson,
    /// Keyhole Markup Language, from Google Earth or ATAK.
    Kml,
    /// A zipped KML.
    Kmz,
    /// Comma-, semicolon- or tab-separated values with coordinate columns.
    Csv,
    /// An ESRI Shapefile (.shp beside its .dbf, .shx, .prj, .cpg).
    Shapefile,
    /// A .zip holding a Shapefile's parts.
    ZippedShapefile,
    /// An OGC GeoPackage (SQLite).
    GeoPackage,
    /// FlatGeobuf.
    FlatGeobuf,
    /// GPS Exchange Format: waypoints, routes, tracks.
    Gpx,
}

impl OverlayFormat {
    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            OverlayFormat::GeoJson => "GeoJSON",
            OverlayFormat::Kml => "KML",
            OverlayFormat::Kmz => "KMZ",
            OverlayFormat::Csv => "CSV",
            OverlayFormat::Shapefile => "Shapefile",
            OverlayFormat::ZippedShapefile => "zipped Shapefile",
            OverlayFormat::GeoPackage => "GeoPackage",
            OverlayFormat::FlatGeobuf => "FlatGeobuf",
            OverlayFormat::Gpx => "GPX",
        }
    }

    /// File name extensions the open dialog offers.
    pub const EXTENSIONS: [&'static str; 13] = [
        "geojson", "json", "kml", "kmz", "csv", "tsv", "txt", "shp", "zip", "gpkg", "fgb", "gpx",
        "xml",
    ];

    /// Tells the format from the file's first bytes, then from its extension.
    pub fn detect(path: &Path, head: &[u8]) -> Option<OverlayFormat> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if head.starts_with(b"SQLite format 3\0") {
            return Some(OverlayFormat::GeoPackage);
        }
        if head.starts_with(b"fgb\x03") {
            return Some(OverlayFormat::FlatGeobuf);
        }
        if head.starts_with(&[0x00, 0x00, 0x27, 0x0A]) {
            return Some(OverlayFormat::Shapefile);
        }
        if head.starts_with(b"PK\x03\x04") {
            return Some(if extension == "kmz" {
                OverlayFormat::Kmz
            } else {
                zipped::zip_kind(head).unwrap_or(OverlayFormat::ZippedShapefile)
            });
        }
        let text = text::start_of_text(head);
        if text.starts_with('{') || text.starts_with('[') {
            return Some(OverlayFormat::GeoJson);
        }
        if text.starts_with('<') {
            let lower = text.to_lowercase();
            if lower.contains("<gpx") {
                return Some(OverlayFormat::Gpx);
            }
            if lower.contains("<kml") || lower.contains("<document") || lower.contains("<placemark")
            {
                return Some(OverlayFormat::Kml);
            }
        }
        match extension.as_str() {
            "geojson" | "json" => Some(OverlayFormat::GeoJson),
            "kml" => Some(OverlayFormat::Kml),
            "kmz" => Some(OverlayFormat::Kmz),
            "csv" | "tsv" | "txt" => Some(OverlayFormat::Csv),
            "shp" => Some(OverlayFormat::Shapefile),
            "gpkg" => Some(OverlayFormat::GeoPackage),
            "fgb" => Some(OverlayFormat::FlatGeobuf),
            "gpx" => Some(OverlayFormat::Gpx),
            _ if !text.is_empty() && text::looks_delimited(&text) => Some(OverlayFormat::Csv),
            _ => None,
        }
    }
}

/// True for the files that travel with a .shp (.dbf, .shx, .prj, .cpg and indexes) and
/// are read with it, never alone.
pub fn is_shapefile_part(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| {
            matches!(
                e.as_str(),
                "dbf" | "shx" | "prj" | "cpg" | "qix" | "sbn" | "sbx" | "qmd"
            )
        })
}

/// Choices a user can make about how a file is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// The text encoding of a CSV, when detection is not to be trusted.
    pub encoding: Option<TextEncoding>,
    /// Which feature table of a GeoPackage (or layer of a zip) to read.
    pub table: Option<String>,
}

/// What reading a file gave: the features, and what was wrong with the rest.
pub type FeaturesRead = (FeatureTable, Vec<Diagnostic>);

/// Reads an overlay file of any supported format. `bytes` is the file's content, already
/// read within the size limit; `path` finds a Shapefile's other parts and opens a
/// GeoPackage. A problem with the whole file is the error; problems with single
/// features come back beside the features that did load.
pub fn read_overlay(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let name = file_name(path);
    let fail = |message: String| vec![Diagnostic::file(&name, Severity::Error, message)];
    let Some(format) = OverlayFormat::detect(path, bytes) else {
        return Err(fail(
            "not a format Backstop reads (GeoJSON, KML, KMZ, CSV, Shapefile, GeoPackage, FlatGeobuf or GPX)"
                .into(),
        ));
    };
    // A reader crate that panics on a hostile file must not take the app (or `check`)
    // with it: the panic is this file's error like any other.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_as(format, &name, path, bytes, options)
    }));
    read.unwrap_or_else(|_| {
        Err(fail(format!(
            "the {} reader failed on this file (it is damaged or not really {})",
            format.name(),
            format.name()
        )))
    })
}

fn read_as(
    format: OverlayFormat,
    name: &str,
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let name = name.to_owned();
    match format {
        OverlayFormat::GeoJson => {
            let mut features = FeatureTable::new();
            super::fast_geojson::read_geojson_into(&name, text::without_bom(bytes), &mut features)
                .map(|problems| (features, problems))
                .map_err(|d| vec![*d])
        }
        OverlayFormat::Kml => kml_read::read_kml(&name, bytes),
        OverlayFormat::Kmz => zipped::kml_of_kmz(&name, bytes).and_then(|kml| {
            let inside = |href: &str| {
                zipped::member(bytes, href.trim_start_matches("./"))
                    .ok()
                    .flatten()
            };
            kml_read::read_kml_with(&name, &kml, Some(&inside))
        }),
        OverlayFormat::Csv => csv_points::read_csv(&name, bytes, options.encoding),
        OverlayFormat::Shapefile => shapefile_read::read_loose(&name, path, bytes),
        OverlayFormat::ZippedShapefile => shapefile_read::read_zipped(&name, bytes, options),
        OverlayFormat::GeoPackage => geopackage::read_geopackage(&name, path, options),
        OverlayFormat::FlatGeobuf => flatgeobuf_read::read_flatgeobuf(&name, bytes),
        OverlayFormat::Gpx => gpx_read::read_gpx(&name, bytes),
    }
}

/// The name problems are filed under: the file's name.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A problem with one feature of a file, filed under its position (and id or name).
pub(crate) fn feature_problem(
    file: &str,
    index: usize,
    id: Option<String>,
    field: &str,
    severity: Severity,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        location: Location::Record {
            what: "feature",
            index,
            id,
            field: Some(field.to_owned()),
        },
        severity,
        message: message.into(),
    }
}

/// Features being read from a file: each one's geometry is converted from the file's CRS
/// and checked, then kept, or its problem is filed under its position and id.
pub(crate) struct Collector<'a> {
    file: &'a str,
    features: FeatureTable,
    problems: Vec<Diagnostic>,
}

impl<'a> Collector<'a> {
    /// Nothing read yet from `file`.
    pub(crate) fn new(file: &'a str) -> Self {
        Self {
            file,
            features: FeatureTable::new(),
            problems: Vec::new(),
        }
    }

    /// Keeps the feature at `index` if its geometry reads, converts from `crs` and lies
    /// in lon/lat range; otherwise files why under the feature's `geometry`.
    pub(crate) fn add(
        &mut self,
        index: usize,
        id: Option<String>,
        geometry: Result<Geometry<f64>, String>,
        crs: &Crs,
        properties: serde_json::Map<String, serde_json::Value>,
    ) {
        let geometry = geometry
            .and_then(|mut g| crs.to_lon_lat(&mut g).map(|()| g))
            .and_then(|g| check_lon_lat(&g).map(|()| g));
        match geometry {
            Ok(geometry) => self.features.push(UserFeature {
                geometry,
                properties,
            }),
            Err(message) => self.problems.push(feature_problem(
                self.file,
                index,
                id,
                "geometry",
                Severity::Error,
                message,
            )),
        }
    }

    /// Files a problem of the file's own.
    pub(crate) fn problem(&mut self, problem: Diagnostic) {
        self.problems.push(problem);
    }

    /// What was read.
    pub(crate) fn finish(self) -> FeaturesRead {
        (self.features, self.problems)
    }
}

/// The text of the first of `keys` a feature's properties hold: its id for messages.
pub(crate) fn feature_id(
    properties: &serde_json::Map<String, serde_json::Value>,
    keys: &[&str],
) -> Option<String> {
    keys.iter().find_map(|key| {
        properties
            .get(*key)
            .filter(|v| !v.is_null())
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    })
}

/// Checks that every coordinate is a finite longitude and latitude: what a reader gives
/// after any projection.
pub(crate) fn check_lon_lat(geometry: &Geometry<f64>) -> Result<(), String> {
    if geometry.coords_count() == 0 {
        return Err("the geometry has no coordinates".into());
    }
    for c in geometry.coords_iter() {
        if !c.x.is_finite() || !c.y.is_finite() {
            return Err("a coordinate is not a number".into());
        }
        if !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y) {
            return Err(format!(
                "coordinates out of range: [{}, {}] (longitude -180..180, latitude -90..90); is the file in a projection it does not declare?",
                c.x, c.y
            ));
        }
    }
    Ok(())
}
