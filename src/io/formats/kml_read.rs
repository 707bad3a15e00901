//! KML from Google Earth or ATAK, read with georust's kml: Placemarks (points, lines,
//! polygons with holes, MultiGeometry) inside any Folders, their name, description and
//! ExtendedData as properties, the folder path as `folder`, and their styles as the
//! simplestyle properties (`stroke`, `stroke-width`, `fill`, `fill-opacity`,
//! `marker-color`) the map draws with. NetworkLinks are not followed, except those of a
//! KMZ to documents inside the same archive (how GDAL's LIBKML writes layers).

use std::collections::HashMap;

use geo::Geometry;
use kml::types::{Element, Placemark};

use super::kml_style::{Look, apply_look, inline_look, look_of_style};
use kml::{Kml, KmlReader};
use serde_json::{Map, Value};

use super::{Collector, FeaturesRead};
use crate::io::diagnostic::{Diagnostic, Severity};

/// Finds a document a NetworkLink names inside the same archive.
pub(super) type Resolver<'r> = &'r dyn Fn(&str) -> Option<Vec<u8>>;

/// How deep links inside an archive are followed.
const MAX_LINK_DEPTH: usize = 4;

struct Walk<'a> {
    file: &'a str,
    resolve: Option<Resolver<'a>>,
    followed: Vec<String>,
    styles: HashMap<String, Look>,
    style_maps: HashMap<String, String>,
    read: Collector<'a>,
    placemarks: usize,
    network_links: usize,
}

/// Checks that the document is whole, well-formed XML: every element closed, names
/// matching. kml 0.15 waits forever for the end of an element a file cut short never
/// has, so nothing reaches it without this check.
fn check_whole(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<String> = Vec::new();
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(start)) => {
                open.push(String::from_utf8_lossy(start.local_name().as_ref()).into_owned());
            }
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Eof) => {
                return match open.last() {
                    Some(inside) => Err(format!(
                        "the document ends inside <{inside}>: the file is cut short"
                    )),
                    None => Ok(()),
                };
            }
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "not well-formed XML at byte {}: {e}",
                    reader.error_position()
                ));
            }
        }
        buffer.clear();
    }
}

fn parse(file: &str, bytes: &[u8]) -> Result<Kml<f64>, Vec<Diagnostic>> {
    check_whole(super::text::without_bom(bytes)).map_err(|message| {
        vec![Diagnostic::file(
            file,
            Severity::Error,
            format!("not readable KML: {message}"),
        )]
    })?;
    let text = String::from_utf8_lossy(super::text::without_bom(bytes));
    KmlReader::<_, f64>::from_string(&text).read().map_err(|e| {
        vec![Diagnostic::file(
            file,
            Severity::Error,
            format!("not readable KML: {e}"),
        )]
    })
}

/// Reads a KML document.
pub(super) fn read_kml(file: &str, bytes: &[u8]) -> Result<FeaturesRead, Vec<Diagnostic>> {
    read_kml_with(file, bytes, None)
}

/// Reads a KML document whose NetworkLinks may lead to other documents `resolve` finds
/// (the members of a KMZ).
pub(super) fn read_kml_with(
    file: &str,
    bytes: &[u8],
    resolve: Option<Resolver<'_>>,
) -> Result<FeaturesRead, Vec<Diagnostic>> {
    let root = parse(file, bytes)?;
    let mut walk = Walk {
        file,
        resolve,
        followed: Vec::new(),
        styles: HashMap::new(),
        style_maps: HashMap::new(),
        read: Collector::new(file),
        placemarks: 0,
        network_links: 0,
    };
    walk.collect_styles(&root);
    walk.visit(root, &mut Vec::new());
    if walk.network_links > 0 {
        walk.read.problem(Diagnostic::file(
            file,
            Severity::Warning,
            format!(
                "{} NetworkLink{} not followed: Backstop reads only what is in the file (save the linked data and open it too)",
                walk.network_links,
                if walk.network_links == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(walk.read.finish())
}

impl Walk<'_> {
    fn collect_styles(&mut self, node: &Kml<f64>) {
        match node {
            Kml::KmlDocument(d) => d.elements.iter().for_each(|e| self.collect_styles(e)),
            Kml::Document { elements, .. } => elements.iter().for_each(|e| self.collect_styles(e)),
            Kml::Folder(f) => f.elements.iter().for_each(|e| self.collect_styles(e)),
            Kml::Style(style) => {
                if let Some(id) = &style.id {
                    self.styles.insert(id.clone(), look_of_style(style));
                }
            }
            Kml::StyleMap(map) => {
                if let (Some(id), Some(normal)) =
                    (&map.id, map.pairs.iter().find(|p| p.key == "normal"))
                {
                    self.style_maps.insert(id.clone(), normal.style_url.clone());
                }
            }
            _ => {}
        }
    }

    fn visit(&mut self, node: Kml<f64>, folders: &mut Vec<String>) {
        match node {
            Kml::KmlDocument(d) => d.elements.into_iter().for_each(|e| self.visit(e, folders)),
            Kml::Document { elements, .. } => {
                elements.into_iter().for_each(|e| self.visit(e, folders))
            }
            Kml::Folder(folder) => {
                folders.push(folder.name.clone().unwrap_or_else(|| "Folder".into()));
                folder
                    .elements
                    .into_iter()
                    .for_each(|e| self.visit(e, folders));
                folders.pop();
            }
            Kml::Placemark(placemark) => self.placemark(placemark, folders),
            Kml::Element(element) if element.name == "NetworkLink" => {
                self.network_link(&element, folders)
            }
            // A bare geometry at the top of the file is a feature without properties.
            Kml::Point(_) | Kml::LineString(_) | Kml::Polygon(_) | Kml::MultiGeometry(_) => {
                let geometry = match node {
                    Kml::Point(p) => kml::types::Geometry::Point(p),
                    Kml::LineString(l) => kml::types::Geometry::LineString(l),
                    Kml::Polygon(p) => kml::types::Geometry::Polygon(p),
                    Kml::MultiGeometry(m) => kml::types::Geometry::MultiGeometry(m),
                    _ => return,
                };
                self.placemark(
                    Placemark {
                        geometry: Some(geometry),
                        ..Placemark::default()
                    },
                    folders,
                );
            }
            _ => {}
        }
    }

    /// Follows a link to a document inside the archive; any other is counted, not followed.
    fn network_link(&mut self, link: &Element, folders: &mut Vec<String>) {
        let href = link
            .children
            .iter()
            .filter(|c| c.name == "Link" || c.name == "Url")
            .flat_map(|c| c.children.iter())
            .find(|c| c.name == "href")
            .and_then(|c| c.content.clone())
            .map(|h| h.trim().to_owned());
        let inside = href
            .filter(|h| !h.contains("://") && !self.followed.contains(h))
            .filter(|_| self.followed.len() < MAX_LINK_DEPTH * 8)
            .and_then(|h| Some((self.resolve?(&h)?, h)));
        let Some((bytes, href)) = inside else {
            self.network_links += 1;
            return;
        };
        self.followed.push(href);
        match parse(self.file, &bytes) {
            Ok(document) => {
                self.collect_styles(&document);
                self.visit(document, folders);
            }
            Err(problems) => problems.into_iter().for_each(|p| self.read.problem(p)),
        }
    }

    fn placemark(&mut self, placemark: Placemark<f64>, folders: &[String]) {
        let index = self.placemarks;
        self.placemarks += 1;
        let id = placemark
            .attrs
            .get("id")
            .cloned()
            .or_else(|| placemark.name.clone());
        let geometry = match placemark.geometry.clone() {
            Some(raw) => Geometry::<f64>::try_from(raw)
                .map(simplify_collection)
                .map_err(|e| format!("unsupported geometry: {e}")),
            None => Err("the placemark has no geometry: left out".to_owned()),
        };
        let mut properties = Map::new();
        if let Some(id) = placemark.attrs.get("id") {
            properties.insert("id".into(), Value::String(id.clone()));
        }
        if let Some(name) = &placemark.name {
            properties.insert("name".into(), Value::String(name.trim().to_owned()));
        }
        if let Some(description) = &placemark.description {
            properties.insert(
                "description".into(),
                Value::String(description.trim().to_owned()),
            );
        }
        if !folders.is_empty() {
            properties.insert("folder".into(), Value::String(folders.join("/")));
        }
        for child in &placemark.children {
            if child.name == "ExtendedData" {
                extended_data(child, &mut properties);
            }
        }
        let look = self.look_of(&placemark);
        apply_look(&look, &mut properties);
        // KML is WGS84 lon/lat by definition.
        self.read
            .add(index, id, geometry, &super::Crs::wgs84(), properties);
    }

    /// The placemark's style: shared (through a StyleMap's "normal" pair), then inline.
    fn look_of(&self, placemark: &Placemark<f64>) -> Look {
        let mut look = placemark
            .style_url
            .as_deref()
            .map(|url| url.trim_start_matches('#'))
            .and_then(|id| {
                let target = self
                    .style_maps
                    .get(id)
                    .map_or(id, |normal| normal.trim_start_matches('#'));
                self.styles.get(target)
            })
            .cloned()
            .unwrap_or_default();
        for child in placemark.children.iter().filter(|c| c.name == "Style") {
            inline_look(child, &mut look);
        }
        look
    }
}

/// A MultiGeometry of one kind is that kind's multi-geometry.
fn simplify_collection(geometry: Geometry<f64>) -> Geometry<f64> {
    let Geometry::GeometryCollection(collection) = geometry else {
        return geometry;
    };
    let parts = collection.0;
    if parts.len() == 1 {
        return parts.into_iter().next().map_or(
            Geometry::GeometryCollection(geo::GeometryCollection(Vec::new())),
            simplify_collection,
        );
    }
    if parts.iter().all(|g| matches!(g, Geometry::Point(_))) {
        return Geometry::MultiPoint(
            parts
                .into_iter()
                .filter_map(|g| geo::Point::try_from(g).ok())
                .collect(),
        );
    }
    if parts.iter().all(|g| matches!(g, Geometry::LineString(_))) {
        return Geometry::MultiLineString(geo::MultiLineString(
            parts
                .into_iter()
                .filter_map(|g| geo::LineString::try_from(g).ok())
                .collect(),
        ));
    }
    if parts.iter().all(|g| matches!(g, Geometry::Polygon(_))) {
        return Geometry::MultiPolygon(geo::MultiPolygon(
            parts
                .into_iter()
                .filter_map(|g| geo::Polygon::try_from(g).ok())
                .collect(),
        ));
    }
    Geometry::GeometryCollection(geo::GeometryCollection(parts))
}

/// `<Data name="x"><value>…</value></Data>` and `<SchemaData><SimpleData name="x">…`.
fn extended_data(element: &Element, properties: &mut Map<String, Value>) {
    for child in &element.children {
        match child.name.as_str() {
            "Data" => {
                let Some(name) = child.attrs.get("name") else {
                    continue;
                };
                let value = child
                    .children
                    .iter()
                    .find(|c| c.name == "value")
                    .and_then(|c| c.content.clone())
                    .unwrap_or_default();
                properties.insert(name.clone(), Value::String(value.trim().to_owned()));
            }
            "SchemaData" => extended_data(child, properties),
            "SimpleData" => {
                if let Some(name) = child.attrs.get("name") {
                    let value = child.content.clone().unwrap_or_default();
                    properties.insert(name.clone(), Value::String(value.trim().to_owned()));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Style id="red"><LineStyle><color>ff0000ff</color><width>3</width></LineStyle></Style>
  <Folder><name>Recon</name>
    <Placemark id="p1"><name>Observation post</name><description>seen 5 Jan</description>
      <ExtendedData><Data name="unit"><value>3rd</value></Data></ExtendedData>
      <Point><coordinates>30.52,50.45,0</coordinates></Point></Placemark>
    <Placemark><name>Route</name><styleUrl>#red</styleUrl>
      <LineString><coordinates>30,50 31,51</coordinates></LineString></Placemark>
  </Folder>
  <Placemark><name>Area</name><Polygon>
    <outerBoundaryIs><LinearRing><coordinates>30,50 32,50 32,52 30,52 30,50</coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>30.5,50.5 31,50.5 31,51 30.5,50.5</coordinates></LinearRing></innerBoundaryIs>
  </Polygon></Placemark>
  <NetworkLink><Link><href>http://example.invalid/x.kml</href></Link></NetworkLink>
</Document></kml>"##;

    #[test]
    fn placemarks_keep_their_folder_data_and_style() {
        let (features, problems) =
            read_kml("mine.kml", SAMPLE.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let features = features.to_features();
        assert_eq!(features.len(), 3);
        let post = &features[0].properties;
        assert_eq!(post["name"], "Observation post");
        assert_eq!(post["folder"], "Recon");
        assert_eq!(post["unit"], "3rd");
        assert_eq!(features[1].properties["stroke"], "#ff0000");
        assert_eq!(features[1].properties["stroke-width"], 3.0);
        let Geometry::Polygon(area) = &features[2].geometry else {
            panic!("not a polygon: {:?}", features[2].geometry)
        };
        assert_eq!(area.interiors().len(), 1);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("NetworkLink"));
    }

    #[test]
    fn a_file_cut_short_is_an_error_for_the_file_not_a_hang() {
        let cut = &SAMPLE.as_bytes()[..SAMPLE.len() * 9 / 10];
        let error = read_kml("cut.kml", cut).err().unwrap_or_default();
        let line = error.first().map(ToString::to_string).unwrap_or_default();
        assert!(
            line.starts_with("cut.kml: error: not readable KML"),
            "{line}"
        );
        assert!(line.contains("cut short"), "{line}");
        let mismatched = read_kml("bad.kml", b"<kml><Document><Placemark></kml>");
        assert!(mismatched.is_err());
    }
}
