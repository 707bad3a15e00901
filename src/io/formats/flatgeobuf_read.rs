//! FlatGeobuf from a data pipeline, read with the flatgeobuf crate (header verified) and
//! geozero; the header's CRS, when it is not WGS84, is undone with proj4rs.

use std::io::Cursor;

use flatgeobuf::{FallibleStreamingIterator, FgbReader};
use geozero::{FeatureProperties, ToGeo};
use serde_json::{Map, Value};

use super::{Crs, FeaturesRead, check_lon_lat, feature_problem};
use crate::io::diagnostic::{Diagnostic, Severity};

/// Reads a FlatGeobuf file.
pub(super) fn read_flatgeobuf(file: &str, bytes: &[u8]) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let reader = FgbReader::open(Cursor::new(bytes))
        .map_err(|e| fail(format!("not readable FlatGeobuf: {e}")))?;
    let crs = match reader.header().crs() {
        Some(crs) if crs.code() > 0 && crs.code() != 4326 => Crs::from_epsg(crs.code() as u32),
        Some(crs) => match crs.wkt() {
            Some(wkt) if crs.code() != 4326 && !wkt.trim().is_empty() => Crs::from_wkt(wkt),
            _ => Ok(Crs::wgs84()),
        },
        None => Ok(Crs::wgs84()),
    }
    .map_err(fail)?;
    let mut iter = reader
        .select_all()
        .map_err(|e| fail(format!("the features cannot be read: {e}")))?;
    let mut features = Vec::new();
    let mut problems = Vec::new();
    let mut index = 0;
    loop {
        let feature = match iter.next() {
            Ok(Some(feature)) => feature,
            Ok(None) => break,
            Err(e) => {
                problems.push(Diagnostic::file(
                    file,
                    Severity::Error,
                    format!("reading stopped at feature {index}: {e}"),
                ));
                break;
            }
        };
        let properties: Map<String, Value> = feature
            .properties()
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        let id = properties
            .get("id")
            .or_else(|| properties.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let geometry = feature
            .to_geo()
            .map_err(|e| format!("its geometry cannot be read: {e}"))
            .and_then(|mut g| crs.to_lon_lat(&mut g).map(|()| g))
            .and_then(|g| check_lon_lat(&g).map(|()| g));
        match geometry {
            Ok(geometry) => features.push(crate::io::UserFeature {
                geometry,
                properties,
            }),
            Err(message) => problems.push(feature_problem(
                file,
                index,
                id,
                "geometry",
                Severity::Error,
                message,
            )),
        }
        index += 1;
    }
    Ok((features, problems))
}
