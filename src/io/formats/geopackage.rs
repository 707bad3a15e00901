//! OGC GeoPackages from a GIS team, read through the rusqlite Backstop already builds
//! (SQLite compiled in) with geometry blobs decoded by geozero. Every feature table is
//! read (each feature's `layer` says which) unless one is chosen.

use std::path::Path;

use geozero::ToGeo;
use geozero::wkb::GpkgWkb;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Map, Number, Value};

use super::{Collector, Crs, FeaturesRead, ReadOptions, feature_id};
use crate::io::diagnostic::{Diagnostic, Severity};

/// A feature table and its geometry column.
struct Table {
    name: String,
    geometry_column: String,
    srs_id: i64,
}

/// Reads a GeoPackage's feature tables.
pub(super) fn read_geopackage(
    file: &str,
    path: &Path,
    options: &ReadOptions,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| fail(format!("cannot open it as a GeoPackage: {e}")))?;
    let tables = feature_tables(&connection).map_err(|e| {
        fail(format!(
            "not a GeoPackage with feature tables (gpkg_contents, gpkg_geometry_columns): {e}"
        ))
    })?;
    let chosen: Vec<&Table> = match options.table.as_deref() {
        Some(wanted) => tables.iter().filter(|t| t.name == wanted).collect(),
        None => tables.iter().collect(),
    };
    if chosen.is_empty() {
        return Err(fail(match options.table.as_deref() {
            Some(wanted) => format!(
                "no feature table \"{wanted}\" (it has {})",
                tables
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "the GeoPackage has no feature tables".into(),
        }));
    }
    let mut read = Collector::new(file);
    if chosen.len() > 1 {
        read.problem(Diagnostic::file(
            file,
            Severity::Warning,
            format!(
                "{} feature tables ({}): all are shown, each feature's \"layer\" names its table; to read one, choose it under Your overlays (or give --table)",
                chosen.len(),
                chosen.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    for table in chosen {
        let crs = table_crs(&connection, table.srs_id)
            .map_err(|e| fail(format!("table \"{}\": {e}", table.name)))?;
        read_table(&connection, table, &crs, tables.len() > 1, &mut read)
            .map_err(|e| fail(format!("table \"{}\" cannot be read: {e}", table.name)))?;
    }
    Ok(read.finish())
}

fn feature_tables(connection: &Connection) -> rusqlite::Result<Vec<Table>> {
    let mut statement = connection.prepare(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c \
         JOIN gpkg_geometry_columns g ON g.table_name = c.table_name \
         WHERE c.data_type = 'features' ORDER BY c.table_name",
    )?;
    statement
        .query_map([], |row| {
            Ok(Table {
                name: row.get(0)?,
                geometry_column: row.get(1)?,
                srs_id: row.get(2)?,
            })
        })?
        .collect()
}

/// The table's CRS from gpkg_spatial_ref_sys: its EPSG code, else its WKT definition.
/// Ids 0 and -1 are the specification's "undefined": taken as lon/lat.
fn table_crs(connection: &Connection, srs_id: i64) -> Result<Crs, String> {
    if srs_id <= 0 || srs_id == 4326 {
        return Ok(Crs::wgs84());
    }
    let (organisation, code, definition): (String, i64, String) = connection
        .query_row(
            "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
            [srs_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .map_err(|e| format!("its coordinate system {srs_id} is not described: {e}"))?;
    if organisation.eq_ignore_ascii_case("EPSG")
        && let Ok(crs) = Crs::from_epsg(code as u32)
    {
        return Ok(crs);
    }
    Crs::from_wkt(&definition)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn read_table(
    connection: &Connection,
    table: &Table,
    crs: &Crs,
    name_layer: bool,
    read: &mut Collector<'_>,
) -> rusqlite::Result<()> {
    let mut statement = connection.prepare(&format!("SELECT * FROM {}", quoted(&table.name)))?;
    let columns: Vec<String> = statement
        .column_names()
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    let geometry_at = columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(&table.geometry_column));
    let mut rows = statement.query([])?;
    let mut index = 0;
    while let Some(row) = rows.next()? {
        let mut properties = Map::new();
        if name_layer {
            properties.insert("layer".into(), Value::String(table.name.clone()));
        }
        let mut blob = None;
        for (at, column) in columns.iter().enumerate() {
            let value = row.get_ref(at)?;
            if Some(at) == geometry_at {
                if let ValueRef::Blob(b) = value {
                    blob = Some(b.to_vec());
                }
                continue;
            }
            properties.insert(column.clone(), sql_value(value));
        }
        let id = feature_id(&properties, &["id", "fid", "name"])
            .map(|id| format!("{}/{id}", table.name));
        let geometry = blob
            .ok_or_else(|| "the feature has no geometry".to_owned())
            .and_then(|b| {
                GpkgWkb(b)
                    .to_geo()
                    .map_err(|e| format!("its geometry blob cannot be read: {e}"))
            });
        read.add(index, id, geometry, crs, properties);
        index += 1;
    }
    Ok(())
}

fn sql_value(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Number(i.into()),
        ValueRef::Real(r) => Number::from_f64(r).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(format!("({} bytes)", b.len())),
    }
}
