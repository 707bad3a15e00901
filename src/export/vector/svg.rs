//! Drawings as SVG documents, with the svg crate: outlines and strokes as paths, text as
//! `<text>` with every character placed where egui put it (so the layout holds in any
//! font) in the embedded egui faces, and images inlined as PNG.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use base64::Engine as _;
use svg::Document;
use svg::Node as _;
use svg::node::element::{
    ClipPath, Definitions, Group, Image, Path, Rectangle, Style, TSpan, Text,
};

use super::{Drawing, FaceId, FontFaces, ItemKind, RasterImage, TextRun, straight};

/// Families a viewer falls back to when it does not load the embedded faces.
const FALLBACK_FAMILIES: &str = "Ubuntu, 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

/// Writes `drawing` as an SVG document `width_mm` × `height_mm` large (its viewBox in
/// the drawing's points).
pub fn write_svg(
    drawing: &Drawing,
    faces: &FontFaces,
    width_mm: f32,
    height_mm: f32,
    title: &str,
) -> Result<Vec<u8>, String> {
    let size = drawing.size;
    let mut document = Document::new()
        .set("viewBox", (0.0, 0.0, size.x, size.y))
        .set("width", format!("{width_mm:.2}mm"))
        .set("height", format!("{height_mm:.2}mm"))
        .add(svg::node::element::Title::new(
            title
                .chars()
                .filter(|c| allowed_in_xml(*c))
                .collect::<String>(),
        ));
    let used: BTreeSet<FaceId> = drawing
        .items
        .iter()
        .filter_map(|item| match &item.kind {
            ItemKind::Text(run) => Some(run.face),
            _ => None,
        })
        .collect();
    let mut definitions = Definitions::new().add(Style::new(font_faces(faces, &used)));
    let whole = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let mut clips: HashMap<[u32; 4], String> = HashMap::new();
    let images: Vec<Option<String>> = drawing.images.iter().map(png_data_url).collect();
    // Consecutive items with one clip share a group.
    let mut group: Option<(Option<String>, Group)> = None;
    for item in &drawing.items {
        let clip = (!item.clip.contains_rect(whole)).then(|| {
            let r = item.clip;
            let key = [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
            let next = clips.len();
            clips
                .entry(key)
                .or_insert_with(|| {
                    let id = format!("clip{next}");
                    definitions = std::mem::take(&mut definitions).add(
                        ClipPath::new().set("id", id.clone()).add(
                            Rectangle::new()
                                .set("x", r.min.x)
                                .set("y", r.min.y)
                                .set("width", r.width())
                                .set("height", r.height()),
                        ),
                    );
                    id
                })
                .clone()
        });
        if group.as_ref().is_none_or(|(current, _)| *current != clip) {
            if let Some((_, done)) = group.take() {
                document = document.add(done);
            }
            let mut fresh = Group::new();
            if let Some(id) = &clip {
                fresh = fresh.set("clip-path", format!("url(#{id})"));
            }
            group = Some((clip, fresh));
        }
        let Some((_, current)) = group.as_mut() else {
            continue;
        };
        let node = item_node(&item.kind, &images, faces);
        if let Some(node) = node {
            current.append(node);
        }
    }
    if let Some((_, done)) = group.take() {
        document = document.add(done);
    }
    let document = document.add(definitions);
    Ok(document.to_string().into_bytes())
}

/// One item as an SVG element (none for an image that could not be encoded).
fn item_node(
    kind: &ItemKind,
    images: &[Option<String>],
    faces: &FontFaces,
) -> Option<Box<dyn svg::Node>> {
    match kind {
        ItemKind::Fill { rings, colour } => {
            let mut d = String::new();
            for ring in rings {
                trace(&mut d, ring, true);
            }
            let (rgb, opacity) = straight(*colour);
            let mut path = Path::new().set("d", d).set("fill", hex(rgb));
            if opacity < 1.0 {
                path = path.set("fill-opacity", round(opacity));
            }
            Some(Box::new(path))
        }
        ItemKind::Stroke {
            points,
            closed,
            width,
            colour,
        } => {
            let mut d = String::new();
            trace(&mut d, points, *closed);
            let (rgb, opacity) = straight(*colour);
            let mut path = Path::new()
                .set("d", d)
                .set("fill", "none")
                .set("stroke", hex(rgb))
                .set("stroke-width", round(*width));
            if opacity < 1.0 {
                path = path.set("stroke-opacity", round(opacity));
            }
            Some(Box::new(path))
        }
        ItemKind::Text(run) => Some(Box::new(text(run, faces))),
        ItemKind::Image {
            image,
            rect,
            opacity,
        } => images.get(*image).cloned().flatten().map(|url| {
            let mut element = Image::new()
                .set("x", round(rect.min.x))
                .set("y", round(rect.min.y))
                .set("width", round(rect.width()))
                .set("height", round(rect.height()))
                .set("preserveAspectRatio", "none")
                .set("href", url);
            if *opacity < 1.0 {
                element = element.set("opacity", round(*opacity));
            }
            Box::new(element) as Box<dyn svg::Node>
        }),
    }
}

fn text(run: &TextRun, faces: &FontFaces) -> Text {
    // SVG drops leading and trailing white space and collapses runs of it (the
    // document's own line breaks around the text are white space too): keep the
    // characters that survive, so that each x belongs to its character.
    let mut kept: Vec<&super::PlacedGlyph> = Vec::new();
    for glyph in run.glyphs.iter().filter(|g| allowed_in_xml(g.chr)) {
        let space = glyph.chr.is_whitespace();
        if space && kept.last().is_none_or(|g| g.chr.is_whitespace()) {
            continue;
        }
        kept.push(glyph);
    }
    while kept.last().is_some_and(|g| g.chr.is_whitespace()) {
        kept.pop();
    }
    // One tspan per word, each placed where egui put it: viewers that do not take a
    // position per character (librsvg) or lack the embedded face still place every
    // word right, and the words read as one text with spaces between them.
    let mut words: Vec<(f32, String)> = Vec::new();
    let mut in_word = false;
    for glyph in &kept {
        if glyph.chr.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            words.push((run.origin.x + glyph.x, String::new()));
            in_word = true;
        }
        if let Some((_, word)) = words.last_mut() {
            word.push(glyph.chr);
        }
    }
    let (rgb, opacity) = straight(run.colour);
    let family = faces
        .face(run.face)
        .map_or(FALLBACK_FAMILIES.to_owned(), |_| {
            format!("{}, {FALLBACK_FAMILIES}", face_family(run.face))
        });
    let mut element = Text::new("")
        .set("y", round(run.origin.y))
        .set("font-family", family)
        .set("font-size", round(run.size))
        .set("fill", hex(rgb));
    if opacity < 1.0 {
        element = element.set("fill-opacity", round(opacity));
    }
    if let Some((halo, width)) = run.halo {
        let (rgb, opacity) = straight(halo);
        element = element
            .set("stroke", hex(rgb))
            .set("stroke-width", round(width))
            .set("stroke-linejoin", "round")
            .set("paint-order", "stroke");
        if opacity < 1.0 {
            element = element.set("stroke-opacity", round(opacity));
        }
    }
    for (x, word) in words {
        element = element.add(TSpan::new(word).set("x", round(x)));
    }
    if run.angle != 0.0 {
        element = element.set(
            "transform",
            format!(
                "rotate({} {} {})",
                round(run.angle.to_degrees()),
                round(run.origin.x),
                round(run.origin.y)
            ),
        );
    }
    element
}

/// XML 1.0 has no way to write most control characters, even escaped: a title or label
/// holding one (a stray byte in a data file) must not make the document unreadable.
fn allowed_in_xml(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The family name a face is embedded under.
fn face_family(face: FaceId) -> String {
    format!("backstop-face-{}", face.0)
}

/// `@font-face` rules embedding each used face's font file.
fn font_faces(faces: &FontFaces, used: &BTreeSet<FaceId>) -> String {
    let mut css = String::new();
    for id in used {
        let Some(face) = faces.face(*id) else {
            continue;
        };
        let data = base64::engine::general_purpose::STANDARD.encode(face.data.as_ref().as_ref());
        let _ = write!(
            css,
            "@font-face {{ font-family: '{}'; src: url(data:font/ttf;base64,{data}) format('truetype'); }} ",
            face_family(*id)
        );
    }
    css
}

fn png_data_url(image: &RasterImage) -> Option<String> {
    let buffer = image::RgbaImage::from_raw(image.width, image.height, image.rgba.clone())?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .ok()?;
    Some(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

/// Path data for `points`: a move, lines, and a close for rings.
fn trace(d: &mut String, points: &[egui::Pos2], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            round(p.x),
            round(p.y)
        );
    }
    if closed && !points.is_empty() {
        d.push('Z');
    }
}

/// Hundredths of a point: finer than any printer, and half the file of full floats.
fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_left_out_of_the_document() {
        assert!(!allowed_in_xml('\u{7}'));
        assert!(!allowed_in_xml('\u{1b}'));
        assert!(allowed_in_xml('\t') && allowed_in_xml('К') && allowed_in_xml('&'));
    }
}
