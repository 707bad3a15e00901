//! Drawings as PDF pages, with krilla: outlines and strokes as paths, text as text in
//! the embedded (subset) egui fonts, so a reader can search and select it, and images
//! at their own resolution.

use std::collections::HashMap;

use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::{Drawing, FaceId, FontFaces, ItemKind, TextRun, straight};

/// One page: a drawing scaled to the page's size in PDF points (1/72 inch).
pub struct PdfPage<'a> {
    /// What the page shows, filling it.
    pub drawing: &'a Drawing,
    /// The page's width in PDF points.
    pub width: f32,
    /// The page's height in PDF points.
    pub height: f32,
}

/// Writes `pages` as one PDF document titled `title`.
pub fn write_pdf(pages: &[PdfPage<'_>], faces: &FontFaces, title: &str) -> Result<Vec<u8>, String> {
    let mut document = krilla::Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator("Backstop".to_owned()),
    );
    let mut fonts: HashMap<FaceId, Option<Font>> = HashMap::new();
    for page in pages {
        let settings =
            krilla::page::PageSettings::from_wh(page.width, page.height).ok_or_else(|| {
                format!(
                    "a page of {}×{} points cannot be made",
                    page.width, page.height
                )
            })?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        let drawing = page.drawing;
        let scale = page.width / drawing.size.x.max(1.0);
        surface.push_transform(&Transform::from_scale(scale, scale));
        let images: Vec<krilla::image::Image> = drawing
            .images
            .iter()
            .map(|i| krilla::image::Image::from_rgba8(i.rgba.clone(), i.width, i.height))
            .collect();
        let whole = egui::Rect::from_min_size(egui::Pos2::ZERO, drawing.size);
        let mut clipped: Option<egui::Rect> = None;
        for item in &drawing.items {
            let wanted = (!item.clip.contains_rect(whole)).then_some(item.clip);
            if wanted != clipped {
                if clipped.is_some() {
                    surface.pop();
                }
                if let Some(clip) = wanted
                    && let Some(path) = rect_path(clip)
                {
                    surface.push_clip_path(&path, &FillRule::NonZero);
                    clipped = Some(clip);
                } else {
                    clipped = None;
                }
            }
            draw_item(&mut surface, &item.kind, &images, &mut fonts, faces);
        }
        if clipped.is_some() {
            surface.pop();
        }
        surface.pop();
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("the PDF could not be written: {e:?}"))
}

/// Paints one item on a page's surface; fonts are embedded on first use.
fn draw_item(
    surface: &mut krilla::surface::Surface<'_>,
    kind: &ItemKind,
    images: &[krilla::image::Image],
    fonts: &mut HashMap<FaceId, Option<Font>>,
    faces: &FontFaces,
) {
    match kind {
        ItemKind::Fill { rings, colour } => {
            let mut builder = PathBuilder::new();
            for ring in rings {
                trace(&mut builder, ring, true);
            }
            if let Some(path) = builder.finish() {
                let (rgb, opacity) = straight(*colour);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: krilla::color::rgb::Color::new(rgb[0], rgb[1], rgb[2]).into(),
                    opacity: normalized(opacity),
                    rule: FillRule::NonZero,
                }));
                surface.draw_path(&path);
            }
        }
        ItemKind::Stroke {
            points,
            closed,
            width,
            colour,
        } => {
            let mut builder = PathBuilder::new();
            trace(&mut builder, points, *closed);
            if let Some(path) = builder.finish() {
                let (rgb, opacity) = straight(*colour);
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: krilla::color::rgb::Color::new(rgb[0], rgb[1], rgb[2]).into(),
                    width: *width,
                    miter_limit: 4.0,
                    line_cap: LineCap::Butt,
                    line_join: LineJoin::Miter,
                    opacity: normalized(opacity),
                    dash: None,
                }));
                surface.draw_path(&path);
            }
        }
        ItemKind::Text(run) => {
            let font = fonts
                .entry(run.face)
                .or_insert_with(|| {
                    let face = faces.face(run.face)?;
                    Font::new(krilla::Data::from(face.data.clone()), face.index)
                })
                .clone();
            if let Some(font) = font {
                draw_run(surface, run, font, faces);
            }
        }
        ItemKind::Image {
            image,
            rect,
            opacity,
        } => {
            let (Some(image), Some(size)) = (
                images.get(*image),
                Size::from_wh(rect.width(), rect.height()),
            ) else {
                return;
            };
            surface.push_transform(&Transform::from_translate(rect.min.x, rect.min.y));
            let faded = *opacity < 1.0;
            if faded {
                surface.push_opacity(normalized(*opacity));
            }
            surface.draw_image(image.clone(), size);
            if faded {
                surface.pop();
            }
            surface.pop();
        }
    }
}

fn draw_run(
    surface: &mut krilla::surface::Surface<'_>,
    run: &TextRun,
    font: Font,
    faces: &FontFaces,
) {
    let text = run.text();
    let size = run.size.max(0.1);
    let glyphs = shaped_glyphs(run, &text, size, faces)
        .unwrap_or_else(|| glyphs_one_by_one(run, size, faces));
    let (sin, cos) = run.angle.sin_cos();
    surface.push_transform(&Transform::from_row(
        cos,
        sin,
        -sin,
        cos,
        run.origin.x,
        run.origin.y,
    ));
    if let Some((halo, width)) = run.halo {
        let (rgb, opacity) = straight(halo);
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: krilla::color::rgb::Color::new(rgb[0], rgb[1], rgb[2]).into(),
            width,
            miter_limit: 4.0,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            opacity: normalized(opacity),
            dash: None,
        }));
        surface.draw_glyphs(
            Point::from_xy(0.0, 0.0),
            &glyphs,
            font.clone(),
            &text,
            size,
            false,
        );
    }
    let (rgb, opacity) = straight(run.colour);
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: krilla::color::rgb::Color::new(rgb[0], rgb[1], rgb[2]).into(),
        opacity: normalized(opacity),
        rule: FillRule::NonZero,
    }));
    surface.draw_glyphs(Point::from_xy(0.0, 0.0), &glyphs, font, &text, size, false);
    surface.pop();
}

/// The run shaped as egui shapes it (ligatures, marks), each cluster at the x egui laid
/// its first character out at; `None` if the face cannot be shaped.
fn shaped_glyphs(
    run: &TextRun,
    text: &str,
    size: f32,
    faces: &FontFaces,
) -> Option<Vec<KrillaGlyph>> {
    let shaped = faces.shape(run.face, text).filter(|s| !s.is_empty())?;
    // Where each character starts, by byte.
    let mut x_of = HashMap::new();
    let mut byte = 0;
    for glyph in &run.glyphs {
        x_of.insert(byte, glyph.x);
        byte += glyph.chr.len_utf8();
    }
    let mut clusters: Vec<usize> = shaped.iter().map(|g| g.cluster).collect();
    clusters.sort_unstable();
    clusters.dedup();
    // Pen positions: from egui's x at each cluster, by the shaper's advances within it.
    let mut pens = Vec::with_capacity(shaped.len());
    let (mut pen, mut cluster) = (0.0, usize::MAX);
    for glyph in &shaped {
        if glyph.cluster != cluster {
            cluster = glyph.cluster;
            pen = x_of.get(&cluster).copied().unwrap_or(pen);
        }
        pens.push(pen);
        pen += glyph.x_advance * size;
    }
    Some(
        shaped
            .iter()
            .enumerate()
            .map(|(i, glyph)| {
                let advance = pens
                    .get(i + 1)
                    .map_or(glyph.x_advance * size, |next| next - pens[i]);
                let end = clusters
                    .iter()
                    .copied()
                    .find(|c| *c > glyph.cluster)
                    .unwrap_or(text.len());
                KrillaGlyph::new(
                    GlyphId::new(glyph.id),
                    advance / size,
                    glyph.x_offset,
                    0.0,
                    0.0,
                    glyph.cluster..end,
                    None,
                )
            })
            .collect(),
    )
}

/// Each character as its own glyph (the face's cmap), at the x egui laid it out at.
fn glyphs_one_by_one(run: &TextRun, size: f32, faces: &FontFaces) -> Vec<KrillaGlyph> {
    let mut glyphs = Vec::with_capacity(run.glyphs.len());
    let mut offset = 0;
    for (i, glyph) in run.glyphs.iter().enumerate() {
        let next_x = run
            .glyphs
            .get(i + 1)
            .map_or(glyph.x + glyph.advance, |g| g.x);
        let bytes = glyph.chr.len_utf8();
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(faces.glyph_id(run.face, glyph.chr).unwrap_or(0)),
            (next_x - glyph.x) / size,
            0.0,
            0.0,
            0.0,
            offset..offset + bytes,
            None,
        ));
        offset += bytes;
    }
    glyphs
}

fn trace(builder: &mut PathBuilder, points: &[egui::Pos2], closed: bool) {
    let mut points = points.iter();
    let Some(first) = points.next() else {
        return;
    };
    builder.move_to(first.x, first.y);
    for p in points {
        builder.line_to(p.x, p.y);
    }
    if closed {
        builder.close();
    }
}

fn rect_path(rect: egui::Rect) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(krilla::geom::Rect::from_ltrb(
        rect.left(),
        rect.top(),
        rect.right(),
        rect.bottom(),
    )?);
    builder.finish()
}

fn normalized(value: f32) -> NormalizedF32 {
    NormalizedF32::new(value.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE)
}
