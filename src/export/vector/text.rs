//! Text shapes as glyph runs: each character with the face egui drew it in and the x egui
//! laid it out at, split where the face, size, colour or baseline changes; egui's halo
//! (recoloured copies of the galley) becomes one stroke under the run.

use std::sync::Arc;

use egui::epaint::TextShape;
use egui::{Color32, Pos2, Rect, vec2};

use super::shapes::Converter;
use super::{ItemKind, PlacedGlyph, TextRun};

impl Converter<'_> {
    /// egui's halo is the text's galley drawn recoloured at small offsets, then the text
    /// itself: those copies become one halo stroke under the text.
    pub(super) fn halo_or_text(&mut self, clip: Rect, shape: &TextShape) {
        if shape.override_text_color.is_some() {
            let same = self
                .halo
                .first()
                .is_none_or(|(_, first)| Arc::ptr_eq(&first.galley, &shape.galley));
            if !same {
                self.flush_halo();
            }
            self.halo.push((clip, shape.clone()));
            return;
        }
        let copies = std::mem::take(&mut self.halo);
        let reach = copies
            .iter()
            .map(|(_, c)| (c.pos - shape.pos).length())
            .fold(0.0f32, f32::max);
        let is_halo = !copies.is_empty()
            && reach <= 2.5
            && copies
                .iter()
                .all(|(_, c)| Arc::ptr_eq(&c.galley, &shape.galley));
        if is_halo {
            let colour = copies[0].1.override_text_color.unwrap_or(Color32::WHITE);
            self.text(clip, shape, Some((colour, reach.max(0.5) * 2.0)));
        } else {
            self.halo = copies;
            self.flush_halo();
            self.text(clip, shape, None);
        }
    }

    pub(super) fn text(&mut self, clip: Rect, shape: &TextShape, halo: Option<(Color32, f32)>) {
        let galley = &shape.galley;
        let job = &galley.job;
        let byte_of: Vec<usize> = job.text.char_indices().map(|(i, _)| i).collect();
        let rotation = egui::emath::Rot2::from_angle(shape.angle);
        let mut char_index = 0usize;
        for placed in &galley.rows {
            let row = &placed.row;
            // The run being filled, and where its origin is in galley coordinates.
            let mut run: Option<(TextRun, Pos2)> = None;
            let mut colour = shape.fallback_color;
            for glyph in &row.glyphs {
                let byte = byte_of.get(char_index).copied().unwrap_or(usize::MAX);
                char_index += 1;
                let Some(format) = format_at(job, byte) else {
                    continue;
                };
                if let Some(vertex) = row.visuals.mesh.vertices.get(glyph.first_vertex as usize)
                    && !glyph.chr.is_whitespace()
                {
                    colour = vertex.color;
                }
                let ink = ink_of(shape, colour);
                let Some(face_id) = self.faces.face_for(&format.font_id.family, glyph.chr) else {
                    continue;
                };
                let Some(face) = self.faces.face(face_id) else {
                    continue;
                };
                let size = face.em(format.font_id.size);
                let baseline = placed.pos
                    + glyph.pos.to_vec2()
                    + vec2(0.0, face.y_offset(format.font_id.size));
                let continues = run.as_ref().is_some_and(|(r, start)| {
                    r.face == face_id
                        && r.size == size
                        && r.colour == ink
                        && (start.y - baseline.y).abs() < 0.01
                });
                if !continues {
                    if let Some((done, _)) = run.take() {
                        self.push_run(clip, done);
                    }
                    let started = TextRun {
                        origin: shape.pos + rotation * baseline.to_vec2(),
                        angle: shape.angle,
                        size,
                        colour: ink,
                        face: face_id,
                        glyphs: Vec::new(),
                        halo,
                    };
                    run = Some((started, baseline));
                }
                if let Some((run, start)) = run.as_mut() {
                    self.place(run, glyph, baseline.x - start.x, face_id, size);
                }
            }
            if let Some((done, _)) = run.take() {
                self.push_run(clip, done);
            }
            if placed.ends_with_newline {
                char_index += 1;
            }
        }
    }

    /// Adds `glyph` to `run` at `x`, drawing a shaped ligature's characters one by one.
    fn place(
        &mut self,
        run: &mut TextRun,
        glyph: &egui::epaint::text::Glyph,
        x: f32,
        face_id: super::FaceId,
        size: f32,
    ) {
        let mut x = x;
        // egui shapes ligatures ("fi"): the first character's glyph draws both,
        // the next is a zero-width continuation. Without the ligature's glyph
        // the characters are drawn one by one, each at its own advance.
        if glyph.advance_width == 0.0
            && !glyph.chr.is_whitespace()
            && let Some(previous) = run.glyphs.last_mut()
            && let Some(advance) = self.faces.advance_em(face_id, previous.chr)
        {
            previous.advance = advance * size;
            x = previous.x + previous.advance;
        }
        let advance = if glyph.advance_width == 0.0 {
            self.faces
                .advance_em(face_id, glyph.chr)
                .map_or(0.0, |a| a * size)
        } else {
            glyph.advance_width
        };
        run.glyphs.push(PlacedGlyph {
            chr: glyph.chr,
            x,
            advance,
        });
    }

    fn push_run(&mut self, clip: Rect, run: TextRun) {
        if run.glyphs.iter().any(|g| !g.chr.is_whitespace()) && run.colour.a() > 0 {
            self.push(clip, ItemKind::Text(run));
        }
    }
}

/// The colour a glyph is drawn in: its section's (the fallback for a placeholder), or
/// the shape's override, faded by the shape's opacity.
fn ink_of(shape: &TextShape, colour: Color32) -> Color32 {
    let ink = match shape.override_text_color {
        Some(over) => over,
        None if colour == Color32::PLACEHOLDER => shape.fallback_color,
        None => colour,
    };
    ink.gamma_multiply(shape.opacity_factor)
}

/// The text format of the section holding byte `byte` of the job's text (the last
/// section for an elision mark past the end).
fn format_at(job: &egui::text::LayoutJob, byte: usize) -> Option<&egui::TextFormat> {
    job.sections
        .iter()
        .find(|s| egui::epaint::text::ByteRangeExt::as_usize(&s.byte_range).contains(&byte))
        .or(job.sections.last())
        .map(|s| &s.format)
}
