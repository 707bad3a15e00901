//! Points from a spreadsheet's CSV: latitude and longitude columns found by their header
//! in English, Ukrainian, Russian or French, or one column of positions in any format the
//! coordinate parser reads (MGRS, UTM, DMS…); comma, semicolon or tab separated, decimal
//! commas, UTF-8 or a legacy code page. Every other column is a property. A row that
//! cannot be read is reported with its line and column; the rest load.

use geo::{Geometry, Point};
use serde_json::Value;

use super::text::{TextEncoding, decode};
use super::{FeaturesRead, check_lon_lat};
use crate::geometry::position::parse_position_exactly;
use crate::io::diagnostic::{Diagnostic, Location, Severity};

const LATITUDE: &[&str] = &[
    "lat",
    "latitude",
    "latitud",
    "y",
    "point_y",
    "lat_dd",
    "широта",
    "ширина",
];
const LONGITUDE: &[&str] = &[
    "lon",
    "lng",
    "long",
    "longitude",
    "longitud",
    "x",
    "point_x",
    "lon_dd",
    "довгота",
    "долгота",
];
const POSITION: &[&str] = &[
    "mgrs",
    "utm",
    "coordinates",
    "coordinate",
    "coords",
    "coord",
    "position",
    "location",
    "grid",
    "grid reference",
    "gridref",
    "grid ref",
    "координати",
    "координаты",
    "коорд",
    "позиція",
    "coordonnées",
    "coordonnees",
    "position mgrs",
];

/// Where a row's position comes from.
enum Columns {
    LatLon { lat: usize, lon: usize },
    Position(usize),
}

/// Reads a CSV of points.
pub(super) fn read_csv(
    file: &str,
    bytes: &[u8],
    encoding: Option<TextEncoding>,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let (text, _encoding) = decode(bytes, encoding);
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| fail(format!("the header line cannot be read: {e}")))?
        .iter()
        .map(|h| h.trim_matches('\u{feff}').trim().to_owned())
        .collect();
    let columns = find_columns(&headers).ok_or_else(|| {
        fail(format!(
            "no position columns: expected latitude and longitude columns (lat/latitude/широта, lon/longitude/довгота/долгота, x/y) or one column of positions (mgrs, coordinates, координати…); the columns are {}",
            headers
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let used: Vec<usize> = match columns {
        Columns::LatLon { lat, lon } => vec![lat, lon],
        Columns::Position(at) => vec![at],
    };
    let mut features = crate::io::FeatureTable::new();
    let mut problems = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(row_problem(
                    file,
                    line,
                    None,
                    format!("the row cannot be read: {e}"),
                ));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.iter().all(str::is_empty) {
            continue;
        }
        let point = match &columns {
            Columns::LatLon { lat, lon } => lat_lon_cells(&row, &headers, *lat, *lon),
            Columns::Position(at) => position_cell(&row, &headers, *at),
        };
        let point = match point {
            Ok(point) => point,
            Err((column, message)) => {
                problems.push(row_problem(file, line, Some(column), message));
                continue;
            }
        };
        let geometry = Geometry::Point(point);
        if let Err(message) = check_lon_lat(&geometry) {
            problems.push(row_problem(file, line, None, message));
            continue;
        }
        let properties = row
            .iter()
            .enumerate()
            .filter(|(index, _)| !used.contains(index))
            .map(|(index, value)| {
                (
                    property_name(&headers, index),
                    Value::String(value.to_owned()),
                )
            });
        features.push_parts(geometry, properties);
    }
    Ok((features, problems))
}

/// A column's name: its header, or "column N" where the header is empty or missing.
fn property_name(headers: &[String], index: usize) -> std::borrow::Cow<'_, str> {
    match headers.get(index).filter(|h| !h.is_empty()) {
        Some(header) => std::borrow::Cow::Borrowed(header.as_str()),
        None => std::borrow::Cow::Owned(format!("column {}", index + 1)),
    }
}

fn row_problem(file: &str, line: usize, column: Option<String>, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        location: Location::Row { line, column },
        severity: Severity::Error,
        message: format!("{message}: the row is left out"),
    }
}

/// Tab when the header has one, else semicolon when it has as many as commas.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[0] > 0 {
        b'\t'
    } else if counts[1] > 0 && counts[1] >= counts[2] {
        b';'
    } else {
        b','
    }
}

/// True when a header names one of `names`, alone or followed by a unit or qualifier
/// ("Latitude (WGS84)", "lat_dd").
fn header_is(header: &str, names: &[&str]) -> bool {
    let header = header.to_lowercase();
    let header = header.trim();
    names.iter().any(|name| {
        header == *name
            || header
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with([' ', '(', '[', '_', ',', '.']))
    })
}

fn find_columns(headers: &[String]) -> Option<Columns> {
    let find = |names: &[&str]| headers.iter().position(|h| header_is(h, names));
    if let (Some(lat), Some(lon)) = (find(LATITUDE), find(LONGITUDE)) {
        return Some(Columns::LatLon { lat, lon });
    }
    find(POSITION).map(Columns::Position)
}

fn column_name(headers: &[String], index: usize) -> String {
    headers
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("column {}", index + 1))
}

/// A number as a spreadsheet writes it: "50.45", "50,45" (decimal comma), "+50.45".
fn number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    let normalised = if cell.matches(',').count() == 1 && !cell.contains('.') {
        cell.replace(',', ".")
    } else {
        cell.to_owned()
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A latitude or longitude cell: a number, or degrees-minutes-seconds with a letter.
fn coordinate_cell(cell: &str, latitude: bool) -> Option<f64> {
    if let Some(value) = number(cell) {
        return Some(value);
    }
    // "50°27′N" alone: read it with a partner on the equator or meridian.
    let pair = if latitude {
        format!("{cell}, 0E")
    } else {
        format!("0N, {cell}")
    };
    let reading = parse_position_exactly(&pair).ok()?;
    Some(if latitude { reading.lat } else { reading.lon })
}

fn lat_lon_cells(
    row: &csv::StringRecord,
    headers: &[String],
    lat: usize,
    lon: usize,
) -> Result<Point<f64>, (String, String)> {
    let cell = |index: usize, latitude: bool| {
        let text = row.get(index).unwrap_or("");
        let name = column_name(headers, index);
        if text.is_empty() {
            return Err((name, "the cell is empty".to_owned()));
        }
        coordinate_cell(text, latitude)
            .ok_or_else(|| (name, format!("\"{text}\" is not a coordinate")))
    };
    Ok(Point::new(cell(lon, false)?, cell(lat, true)?))
}

fn position_cell(
    row: &csv::StringRecord,
    headers: &[String],
    at: usize,
) -> Result<Point<f64>, (String, String)> {
    let text = row.get(at).unwrap_or("");
    let name = column_name(headers, at);
    if text.is_empty() {
        return Err((name, "the cell is empty".to_owned()));
    }
    parse_position_exactly(text)
        .map(|p| Point::new(p.lon, p.lat))
        .map_err(|e| (name, format!("\"{text}\" is not a position: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_decimal_commas_with_ukrainian_headers_read() {
        let text = "назва;широта;довгота\nКиїв;50,45;30,52\nЛьвів;49,84;24,03\n";
        let (features, problems) =
            read_csv("m.csv", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e:?}"));
        let features = features.to_features();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(features.len(), 2);
        assert_eq!(
            features[0].geometry,
            Geometry::Point(Point::new(30.52, 50.45))
        );
        assert_eq!(features[1].properties["назва"], "Львів");
    }

    #[test]
    fn a_column_of_mgrs_references_reads() {
        let text = "name,MGRS\nKyiv,36U UA 12345 67890\nbad,36U UA 123 45\n";
        let (features, problems) =
            read_csv("m.csv", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e:?}"));
        let features = features.to_features();
        assert_eq!(features.len(), 1);
        assert_eq!(problems.len(), 1);
        let line = problems[0].to_string();
        assert!(line.starts_with("m.csv:3: column \"MGRS\""), "{line}");
    }

    #[test]
    fn a_file_without_position_columns_names_the_columns_it_has() {
        let error = read_csv("m.csv", b"name,size\na,1\n", None)
            .err()
            .unwrap_or_default();
        assert!(
            error[0].message.contains("\"name\", \"size\""),
            "{}",
            error[0]
        );
    }

    #[test]
    fn a_bad_row_is_named_by_line_and_column_and_the_rest_load() {
        let text = "lat,lon,name\n50.1,30.2,a\nabc,30.2,b\n50.3,,c\n50.4,30.5,d\n";
        let (features, problems) =
            read_csv("m.csv", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e:?}"));
        let features = features.to_features();
        assert_eq!(features.len(), 2);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(lines[0].starts_with("m.csv:3: column \"lat\""), "{lines:?}");
        assert!(lines[1].starts_with("m.csv:4: column \"lon\""), "{lines:?}");
    }
}
