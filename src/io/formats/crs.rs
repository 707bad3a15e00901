//! Coordinate reference systems a file declares (a Shapefile's .prj, a GeoPackage's
//! spatial reference table, a legacy GeoJSON `crs`), turned into lon/lat by proj4rs.

use geo::{Geometry, MapCoordsInPlace};
use proj4rs::Proj;

/// A source CRS: WGS84 lon/lat as is, or a projection to undo.
pub struct Crs {
    /// `None` for WGS84 longitude/latitude, where nothing needs doing.
    source: Option<(Proj, Proj)>,
    /// How the file named it, for messages.
    name: String,
    /// True when the source is in degrees (proj4rs works in radians there).
    geographic: bool,
}

impl std::fmt::Debug for Crs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Crs({})", self.name)
    }
}

const WGS84_LON_LAT: &str = "+proj=longlat +datum=WGS84 +no_defs";

impl Crs {
    /// WGS84 longitude and latitude: coordinates are taken as they are.
    pub fn wgs84() -> Crs {
        Crs {
            source: None,
            name: "WGS 84".into(),
            geographic: true,
        }
    }

    /// The CRS of an EPSG code.
    pub fn from_epsg(code: u32) -> Result<Crs, String> {
        if code == 4326 {
            return Ok(Crs::wgs84());
        }
        let known = u16::try_from(code)
            .ok()
            .and_then(crs_definitions::from_code)
            .ok_or_else(|| format!("EPSG:{code} is not a coordinate system Backstop knows"))?;
        Crs::from_proj_string(known.proj4, &format!("EPSG:{code}"))
    }

    /// The CRS a WKT definition describes (a .prj file, a GeoPackage definition).
    pub fn from_wkt(wkt: &str) -> Result<Crs, String> {
        let name = wkt_name(wkt);
        if let Some(code) = epsg_authority(wkt)
            && let Ok(crs) = Crs::from_epsg(code)
        {
            return Ok(crs);
        }
        let projstring = proj4wkt::wkt_to_projstring(wkt)
            .map_err(|e| format!("the projection \"{name}\" cannot be read: {e}"))?;
        Crs::from_proj_string(&projstring, &name)
    }

    /// The CRS a GeoJSON 2008 `crs` name gives ("EPSG:3857", "urn:ogc:def:crs:EPSG::32636",
    /// "urn:ogc:def:crs:OGC:1.3:CRS84").
    pub fn from_name(name: &str) -> Result<Crs, String> {
        let upper = name.trim().to_uppercase();
        if upper.ends_with("CRS84") || upper.ends_with("CRS:84") {
            return Ok(Crs::wgs84());
        }
        let code = upper
            .rsplit(':')
            .next()
            .and_then(|c| c.parse::<u32>().ok())
            .filter(|_| upper.contains("EPSG"))
            .ok_or_else(|| {
                format!("the coordinate system \"{name}\" is not an EPSG code Backstop reads")
            })?;
        Crs::from_epsg(code)
    }

    fn from_proj_string(projstring: &str, name: &str) -> Result<Crs, String> {
        let wgs84_like = projstring.contains("+proj=longlat")
            && (projstring.contains("+datum=WGS84")
                || (projstring.contains("+ellps=WGS84") && !projstring.contains("+towgs84")));
        if wgs84_like {
            return Ok(Crs {
                source: None,
                name: name.to_owned(),
                geographic: true,
            });
        }
        let source = Proj::from_proj_string(projstring)
            .map_err(|e| format!("the projection \"{name}\" is not supported ({e})"))?;
        let target = Proj::from_proj_string(WGS84_LON_LAT)
            .map_err(|e| format!("WGS84 cannot be set up: {e}"))?;
        Ok(Crs {
            geographic: source.is_latlong(),
            source: Some((source, target)),
            name: name.to_owned(),
        })
    }

    /// True when coordinates need no conversion.
    pub fn is_wgs84(&self) -> bool {
        self.source.is_none()
    }

    /// Converts a geometry in this CRS to WGS84 lon/lat, in place.
    pub fn to_lon_lat(&self, geometry: &mut Geometry<f64>) -> Result<(), String> {
        let Some((source, target)) = &self.source else {
            return Ok(());
        };
        let failure = std::cell::RefCell::new(None);
        let failure_ref = &failure;
        let geographic = self.geographic;
        let name = self.name.as_str();
        geometry.map_coords_in_place(|c| {
            let mut point = if geographic {
                (c.x.to_radians(), c.y.to_radians(), 0.0)
            } else {
                (c.x, c.y, 0.0)
            };
            match proj4rs::transform::transform(source, target, &mut point) {
                Ok(()) => geo::Coord {
                    x: point.0.to_degrees(),
                    y: point.1.to_degrees(),
                },
                Err(e) => {
                    failure_ref.borrow_mut().get_or_insert_with(|| {
                        format!("[{}, {}] cannot be converted from {name}: {e}", c.x, c.y)
                    });
                    c
                }
            }
        });
        let failure = failure.into_inner();
        failure.map_or(Ok(()), Err)
    }
}

/// The name in a WKT's first quotes: `PROJCS["WGS 84 / UTM zone 36N",…` gives the name.
fn wkt_name(wkt: &str) -> String {
    wkt.split('"').nth(1).unwrap_or("unnamed").to_owned()
}

/// The EPSG code of the outermost AUTHORITY of a WKT, when it ends with one.
fn epsg_authority(wkt: &str) -> Option<u32> {
    let tail = wkt.trim().trim_end_matches(']').trim_end();
    let at = tail.rfind("AUTHORITY[\"EPSG\",")?;
    let after = &tail[at + "AUTHORITY[\"EPSG\",".len()..];
    let code: String = after
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '"')
        .collect();
    // Only the outermost authority sits at the very end of the text.
    if after.contains('[') {
        return None;
    }
    code.trim_matches('"').parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Point;

    #[test]
    fn web_mercator_comes_back_as_degrees() {
        let crs = Crs::from_name("urn:ogc:def:crs:EPSG::3857").unwrap_or_else(|e| panic!("{e}"));
        // Kyiv, projected with the spherical Mercator formulas.
        let radius = 6_378_137.0_f64;
        let (lon, lat) = (30.5234_f64, 50.4501_f64);
        let x = radius * lon.to_radians();
        let y = radius
            * (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
                .tan()
                .ln();
        let mut point = Geometry::Point(Point::new(x, y));
        crs.to_lon_lat(&mut point).unwrap_or_else(|e| panic!("{e}"));
        let Geometry::Point(p) = point else { panic!() };
        assert!((p.x() - lon).abs() < 1e-7, "{p:?}");
        assert!((p.y() - lat).abs() < 1e-7, "{p:?}");
    }

    #[test]
    fn crs84_needs_no_conversion() {
        assert!(Crs::from_name("urn:ogc:def:crs:OGC:1.3:CRS84").is_ok_and(|c| c.is_wgs84()));
    }

    #[test]
    fn an_unknown_code_is_named_in_the_error() {
        let error = Crs::from_name("EPSG:999999").err().unwrap_or_default();
        assert!(error.contains("999999"), "{error}");
    }
}
