//! FlatGeobuf from a data pipeline, read with the flatgeobuf crate (header verified) and
//! geozero; the header's CRS, when it is not WGS84, is undone with proj4rs.

use std::io::Cursor;

use flatgeobuf::{FallibleStreamingIterator, FgbReader};
use geozero::{FeatureProperties, ToGeo};
use serde_json::{Map, Value};

use super::{Collector, Crs, FeaturesRead, feature_id};
use crate::io::diagnostic::{Diagnostic, Severity};

/// Reads a FlatGeobuf file.
pub(super) fn read_flatgeobuf(file: &str, bytes: &[u8]) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let reader = FgbReader::open(Cursor::new(bytes))
        .map_err(|e| fail(format!("not readable FlatGeobuf: {e}")))?;
    check_feature_sizes(
        bytes,
        reader.header().features_count(),
        reader.header().index_node_size(),
    )
    .map_err(fail)?;
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
    let mut read = Collector::new(file);
    let mut index = 0;
    loop {
        let feature = match iter.next() {
            Ok(Some(feature)) => feature,
            Ok(None) => break,
            Err(e) => {
                read.problem(Diagnostic::file(
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
        let id = feature_id(&properties, &["id", "name"]);
        let geometry = feature
            .to_geo()
            .map_err(|e| format!("its geometry cannot be read: {e}"));
        read.add(index, id, geometry, &crs, properties);
        index += 1;
    }
    Ok(read.finish())
}

/// Walks the features' size prefixes before the crate reads them: a damaged prefix would
/// have it set aside gigabytes for a feature the file cannot hold.
fn check_feature_sizes(bytes: &[u8], count: u64, node_size: u16) -> Result<(), String> {
    let word = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let header_size = word(8).ok_or("the header is cut short")?;
    let mut at = 12 + header_size;
    if node_size > 0 && count > 0 {
        // Each indexed feature takes 40 bytes of index at least.
        if node_size < 2 || count > (bytes.len() / 40) as u64 {
            return Err(format!(
                "the header claims {count} features in an index the file cannot hold"
            ));
        }
        at += flatgeobuf::packed_r_tree::PackedRTree::index_size(count as usize, node_size);
    }
    let mut feature = 0;
    while let Some(size) = word(at) {
        let left = bytes.len() - at - 4;
        if size > left {
            return Err(format!(
                "feature {feature} claims {size} bytes and the file has {left} left: it is cut short or damaged"
            ));
        }
        at += 4 + size;
        feature += 1;
    }
    Ok(())
}
