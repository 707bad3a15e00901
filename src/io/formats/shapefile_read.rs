//! ESRI Shapefiles, loose (.shp beside its .dbf, .shx, .prj, .cpg) or zipped, read with
//! the shapefile crate: points, lines and polygons, attributes in the encoding the .cpg
//! names, and coordinates converted from whatever projection the .prj describes.

use std::io::Cursor;
use std::path::Path;

use serde_json::{Map, Number, Value};
use shapefile::dbase::{self, FieldValue};

use super::{Collector, Crs, FeaturesRead, ReadOptions, feature_id, feature_problem, zipped};
use crate::io::diagnostic::{Diagnostic, Severity};

/// A Shapefile's parts, read into memory.
struct Parts {
    shp: Vec<u8>,
    dbf: Option<Vec<u8>>,
    prj: Option<String>,
    cpg: Option<String>,
}

/// Reads a .shp and the parts beside it.
pub(super) fn read_loose(
    file: &str,
    path: &Path,
    shp: &[u8],
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let beside = |extension: &str| {
        let lower = path.with_extension(extension);
        let upper = path.with_extension(extension.to_uppercase());
        [lower, upper]
            .into_iter()
            .find(|p| p.is_file())
            .and_then(|p| crate::io::read_bounded(&p, crate::io::MAX_FILE_BYTES).ok())
    };
    let text = |bytes: Option<Vec<u8>>| bytes.map(|b| String::from_utf8_lossy(&b).into_owned());
    read_parts(
        file,
        Parts {
            shp: shp.to_vec(),
            dbf: beside("dbf"),
            prj: text(beside("prj")),
            cpg: text(beside("cpg")),
        },
    )
}

/// Reads the Shapefile inside a .zip: the one `options.table` names, else the first.
pub(super) fn read_zipped(
    file: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let names = zipped::member_names(bytes).map_err(fail)?;
    let shapes: Vec<&String> = names
        .iter()
        .filter(|n| n.to_lowercase().ends_with(".shp"))
        .collect();
    let wanted = options.table.as_deref();
    let Some(shp_name) = shapes
        .iter()
        .find(|n| wanted.is_none_or(|w| stem(n).eq_ignore_ascii_case(w)))
        .copied()
    else {
        return Err(fail(match wanted {
            Some(w) => format!("the zip holds no Shapefile called \"{w}\""),
            None => "the zip holds no .shp file".into(),
        }));
    };
    let sibling = |extension: &str| -> Result<Option<Vec<u8>>, Vec<Diagnostic>> {
        let base = &shp_name[..shp_name.len() - 4];
        let name = names.iter().find(|n| {
            n.len() == base.len() + 4
                && n[..base.len()] == *base
                && n[base.len()..].eq_ignore_ascii_case(extension)
        });
        match name {
            Some(name) => zipped::member(bytes, name).map_err(fail),
            None => Ok(None),
        }
    };
    let text = |b: Option<Vec<u8>>| b.map(|b| String::from_utf8_lossy(&b).into_owned());
    let parts = Parts {
        shp: zipped::member(bytes, shp_name)
            .map_err(fail)?
            .unwrap_or_default(),
        dbf: sibling(".dbf")?,
        prj: text(sibling(".prj")?),
        cpg: text(sibling(".cpg")?),
    };
    let (features, mut problems) = read_parts(file, parts)?;
    if shapes.len() > 1 && wanted.is_none() {
        problems.push(Diagnostic::file(
            file,
            Severity::Warning,
            format!(
                "the zip holds {} Shapefiles; read \"{}\" (the others: {})",
                shapes.len(),
                stem(shp_name),
                shapes
                    .iter()
                    .skip(1)
                    .map(|n| stem(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok((features, problems))
}

fn stem(name: &str) -> &str {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

fn read_parts(file: &str, parts: Parts) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let crs = match parts
        .prj
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(wkt) => Crs::from_wkt(wkt).map_err(|e| fail(format!("its .prj: {e}")))?,
        None => Crs::wgs84(),
    };
    let shapes = shapefile::ShapeReader::new(Cursor::new(parts.shp))
        .map_err(|e| fail(format!("not a readable Shapefile: {e}")))?;
    let mut read = Collector::new(file);
    let records: Vec<Option<Map<String, Value>>> = match parts.dbf {
        Some(dbf) => read_records(file, dbf, parts.cpg.as_deref())?,
        None => {
            read.problem(Diagnostic::file(
                file,
                Severity::Warning,
                "no .dbf beside the .shp: the shapes have no attributes",
            ));
            Vec::new()
        }
    };
    let mut shapes = shapes;
    for (index, shape) in shapes.iter_shapes().enumerate() {
        let properties = records.get(index).cloned().flatten().unwrap_or_default();
        let id = feature_id(&properties, &["id", "name"]);
        let shape = match shape {
            Ok(shape) => shape,
            Err(e) => {
                // The records after a broken one cannot be found: stop, saying where.
                let stopped = Err(format!("the shape cannot be read: {e}"));
                read.add(index, id, stopped, &crs, properties);
                break;
            }
        };
        if matches!(shape, shapefile::Shape::NullShape) {
            read.problem(feature_problem(
                file,
                index,
                id,
                "geometry",
                Severity::Warning,
                "a null shape: left out",
            ));
            continue;
        }
        let geometry =
            geo::Geometry::<f64>::try_from(shape).map_err(|e| format!("unsupported shape: {e}"));
        read.add(index, id, geometry, &crs, properties);
    }
    Ok(read.finish())
}

/// The .dbf's records as properties, decoded as the .cpg says (else as the .dbf's own
/// language mark says).
fn read_records(
    file: &str,
    dbf: Vec<u8>,
    cpg: Option<&str>,
) -> Result<Vec<Option<Map<String, Value>>>, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let source = Cursor::new(dbf);
    let reader = match cpg.and_then(dbase::encoding::DynEncoding::from_name) {
        Some(encoding) => dbase::ReaderBuilder::new()
            .with_encoding(encoding)
            .build(source),
        None => dbase::Reader::new(source),
    };
    let mut reader = reader.map_err(|e| fail(format!("its .dbf cannot be read: {e}")))?;
    let order: Vec<String> = reader
        .fields()
        .iter()
        .map(|f| f.name().to_owned())
        .collect();
    Ok(reader
        .iter_records()
        .map(|record| {
            let mut record = record.ok()?;
            let mut properties = Map::new();
            for name in &order {
                if let Some(value) = record.remove(name) {
                    properties.insert(name.clone(), field_value(value));
                }
            }
            Some(properties)
        })
        .collect())
}

fn field_value(value: FieldValue) -> Value {
    let number = |v: f64| Number::from_f64(v).map_or(Value::Null, Value::Number);
    match value {
        FieldValue::Character(Some(s)) | FieldValue::Memo(s) => {
            Value::String(s.trim_end().to_owned())
        }
        FieldValue::Numeric(Some(v)) | FieldValue::Double(v) | FieldValue::Currency(v) => number(v),
        FieldValue::Float(Some(v)) => number(f64::from(v)),
        FieldValue::Integer(v) => Value::Number(v.into()),
        FieldValue::Logical(Some(v)) => Value::Bool(v),
        FieldValue::Date(Some(d)) => {
            Value::String(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        }
        FieldValue::DateTime(t) => {
            let d = t.date();
            Value::String(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        }
        _ => Value::Null,
    }
}
