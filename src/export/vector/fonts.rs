//! The font faces a recorded drawing's text is in: egui's own fonts, so the vector file
//! uses the glyphs the PNG was rasterised from, and which face of a family's fallback
//! list holds each character (egui picks the first that has it; so do we).

use std::collections::HashMap;

use egui::FontFamily;
use skrifa::MetadataProvider;

/// Index of a face in [`FontFaces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// One glyph of a shaped run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// The glyph in its face.
    pub id: u32,
    /// The byte of the run's text its cluster starts at.
    pub cluster: usize,
    /// How far the pen moves after it, in ems.
    pub x_advance: f32,
    /// How far it is drawn right of the pen, in ems (marks).
    pub x_offset: f32,
}

/// One font face: its name and file.
pub struct Face {
    /// egui's name for it ("Ubuntu-Light").
    pub name: String,
    /// The font file's bytes.
    pub data: egui::epaint::text::Blob,
    /// The face's index in a collection (0 for a plain font file).
    pub index: u32,
    /// egui's size and baseline adjustment for this face (fallback faces are scaled).
    pub tweak: egui::epaint::text::FontTweak,
    /// The shaper's tables for this face, read on first use.
    shaper: std::sync::OnceLock<harfrust::ShaperData>,
}

impl Face {
    /// The em size egui draws this face at for a font of `size` points.
    pub fn em(&self, size: f32) -> f32 {
        size * self.tweak.scale
    }

    /// How far below the baseline egui moves this face's glyphs, in points.
    pub fn y_offset(&self, size: f32) -> f32 {
        self.em(size) * self.tweak.y_offset_factor + self.tweak.y_offset
    }
}

/// Every face of egui's font definitions, and each family's fallback order.
pub struct FontFaces {
    faces: Vec<Face>,
    families: HashMap<FontFamily, Vec<FaceId>>,
    found: HashMap<(FontFamily, char), FaceId>,
}

impl FontFaces {
    /// The faces of `definitions`, in each family's order.
    pub fn new(definitions: &egui::FontDefinitions) -> Self {
        let mut faces = Vec::new();
        let mut ids = HashMap::new();
        for (name, data) in &definitions.font_data {
            ids.insert(name.clone(), FaceId(faces.len()));
            faces.push(Face {
                name: name.clone(),
                data: data.font.clone(),
                index: data.index,
                tweak: data.tweak.clone(),
                shaper: std::sync::OnceLock::new(),
            });
        }
        let families = definitions
            .families
            .iter()
            .map(|(family, names)| {
                let list = names.iter().filter_map(|n| ids.get(n).copied()).collect();
                (family.clone(), list)
            })
            .collect();
        Self {
            faces,
            families,
            found: HashMap::new(),
        }
    }

    /// The face of `family` that draws `chr`: the first in the fallback list holding it,
    /// or the family's first face (whose missing-glyph box egui draws too).
    pub fn face_for(&mut self, family: &FontFamily, chr: char) -> Option<FaceId> {
        if let Some(face) = self.found.get(&(family.clone(), chr)) {
            return Some(*face);
        }
        let list = self
            .families
            .get(family)
            .or_else(|| self.families.get(&FontFamily::Proportional))?;
        let face = list
            .iter()
            .copied()
            .find(|id| self.has_glyph(*id, chr))
            .or_else(|| list.first().copied())?;
        self.found.insert((family.clone(), chr), face);
        Some(face)
    }

    /// The face `id`.
    pub fn face(&self, id: FaceId) -> Option<&Face> {
        self.faces.get(id.0)
    }

    /// Face `id`, read, and its units per em.
    fn read(&self, id: FaceId) -> Option<(&Face, skrifa::FontRef<'_>, f32)> {
        let face = self.faces.get(id.0)?;
        let font = skrifa::FontRef::from_index(face.data.as_ref().as_ref(), face.index).ok()?;
        let units = font
            .metrics(
                skrifa::instance::Size::unscaled(),
                skrifa::instance::LocationRef::default(),
            )
            .units_per_em;
        Some((face, font, f32::from(units).max(1.0)))
    }

    /// The glyph of `chr` in face `id`, if it has one.
    pub fn glyph_id(&self, id: FaceId, chr: char) -> Option<u32> {
        let (_, font, _) = self.read(id)?;
        font.charmap().map(chr).map(|g| g.to_u32())
    }

    /// How far the pen moves after `chr` in face `id`, in ems (unshaped, unkerned).
    pub fn advance_em(&self, id: FaceId, chr: char) -> Option<f32> {
        let (_, font, units) = self.read(id)?;
        let glyph = font.charmap().map(chr)?;
        let metrics = font.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        Some(metrics.advance_width(glyph)? / units)
    }

    /// `text` shaped in face `id` as egui shapes it (harfrust: ligatures, marks), left to
    /// right; `None` when the face cannot be read.
    pub fn shape(&self, id: FaceId, text: &str) -> Option<Vec<ShapedGlyph>> {
        let (face, font, units) = self.read(id)?;
        let data = face.shaper.get_or_init(|| harfrust::ShaperData::new(&font));
        let shaper = data.shaper(&font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        Some(
            shaped
                .glyph_infos()
                .iter()
                .zip(shaped.glyph_positions())
                .map(|(info, position)| ShapedGlyph {
                    id: info.glyph_id,
                    cluster: info.cluster as usize,
                    x_advance: position.x_advance as f32 / units,
                    x_offset: position.x_offset as f32 / units,
                })
                .collect(),
        )
    }

    fn has_glyph(&self, id: FaceId, chr: char) -> bool {
        self.glyph_id(id, chr).is_some_and(|g| g != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cyrillic_come_from_the_proportional_text_face() {
        let mut faces = FontFaces::new(&egui::FontDefinitions::default());
        let latin = faces.face_for(&FontFamily::Proportional, 'K');
        let cyrillic = faces.face_for(&FontFamily::Proportional, 'Ж');
        assert!(latin.is_some());
        assert_eq!(latin, cyrillic);
        let name = latin.and_then(|id| faces.face(id)).map(|f| f.name.as_str());
        assert_eq!(name, Some("Ubuntu-Light"));
    }

    #[test]
    fn fi_is_shaped_into_one_ligature_glyph_as_egui_draws_it() {
        let mut faces = FontFaces::new(&egui::FontDefinitions::default());
        let face = faces.face_for(&FontFamily::Proportional, 'f');
        let shaped = face
            .and_then(|f| faces.shape(f, "ceasefire"))
            .unwrap_or_default();
        assert_eq!(shaped.len(), 8, "{shaped:?}");
        assert_eq!(shaped[5].cluster, 5);
        assert_eq!(shaped[6].cluster, 7, "the ligature covers bytes 5 and 6");
    }

    #[test]
    fn a_symbol_missing_from_the_text_face_falls_back_to_the_next_face() {
        let mut faces = FontFaces::new(&egui::FontDefinitions::default());
        let text = faces.face_for(&FontFamily::Proportional, 'a');
        let symbol = faces.face_for(&FontFamily::Proportional, '⚠');
        assert!(symbol.is_some());
        assert_ne!(text, symbol);
    }
}
