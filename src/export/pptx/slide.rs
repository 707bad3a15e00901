//! One slide's parts: the map picture full-bleed, and the title, caveat banners, caption
//! and sources as editable text boxes where the PNG slide has them; its notes page.

use std::fmt::Write as _;

use egui::Rect;

use super::package::{NAMESPACES, SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU, TREE_START, XML_HEAD};
use super::xml_text;
use crate::export::PictureLayout;

/// The words of one slide and where the picture left room for them.
pub struct SlideWords {
    /// Where the picture's parts are, in its points.
    pub layout: PictureLayout,
    /// The slide's title.
    pub title: String,
    /// The line under it (the scenario's title).
    pub subtitle: String,
    /// "as of 2026-01-10" at the title bar's right, if the picture has a date.
    pub as_of: Option<String>,
    /// "DTG 101200ZJAN26" under it, when the scenario gives a time.
    pub date_time_group: Option<String>,
    /// The caption, if any.
    pub caption: Option<String>,
    /// The caveat banners' text (no banners when empty).
    pub caveat: String,
    /// "Sources: …".
    pub sources: String,
    /// "Prepared by … · attribution · Backstop".
    pub credit: String,
    /// The briefer's notes.
    pub notes: String,
}

/// A text box's look.
struct BoxStyle {
    /// Fill colour and opacity (0..=100,000), or none.
    fill: Option<(&'static str, u32)>,
    /// Outline colour and width in points of the picture.
    line: Option<(&'static str, f32)>,
    /// Rounded corners.
    rounded: bool,
    /// Inner margins: left and right, top and bottom, in points of the picture.
    insets: (f32, f32),
    /// "t", "ctr" or "b".
    anchor: &'static str,
}

/// A paragraph's text, size in points of the picture, colour, alignment and weight.
struct Words<'a> {
    text: &'a str,
    size: f32,
    colour: &'static str,
    align: &'static str,
    bold: bool,
}

/// Writes slide XML in EMU from the picture's points.
struct SlideWriter {
    emu_per_point: f64,
    type_points_per_point: f64,
    shapes: String,
    next_id: u32,
}

impl SlideWriter {
    fn new(layout: &PictureLayout) -> Self {
        let height = f64::from(layout.full.height().max(1.0));
        Self {
            emu_per_point: SLIDE_HEIGHT_EMU as f64 / height,
            // 7.5 inches are 540 points of type.
            type_points_per_point: 540.0 / height,
            shapes: String::new(),
            next_id: 3,
        }
    }

    fn emu(&self, points: f32) -> i64 {
        (f64::from(points) * self.emu_per_point).round() as i64
    }

    fn text_box(
        &mut self,
        name: &str,
        placeholder: Option<&str>,
        rect: Rect,
        style: &BoxStyle,
        paragraphs: &[Words<'_>],
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let (x, y) = (self.emu(rect.min.x), self.emu(rect.min.y));
        let (cx, cy) = (
            self.emu(rect.width()).max(1),
            self.emu(rect.height()).max(1),
        );
        let shape_kind = match placeholder {
            Some(kind) => format!(
                r#"<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{kind}"/></p:nvPr>"#
            ),
            None => r#"<p:cNvSpPr txBox="1"/><p:nvPr/>"#.to_owned(),
        };
        let geometry = if style.rounded {
            r#"<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 8000"/></a:avLst></a:prstGeom>"#
        } else {
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#
        };
        let fill = match style.fill {
            Some((colour, 100_000)) => {
                format!(r#"<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>"#)
            }
            Some((colour, alpha)) => format!(
                r#"<a:solidFill><a:srgbClr val="{colour}"><a:alpha val="{alpha}"/></a:srgbClr></a:solidFill>"#
            ),
            None => "<a:noFill/>".to_owned(),
        };
        let line = match style.line {
            Some((colour, width)) => format!(
                r#"<a:ln w="{}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln>"#,
                self.emu(width)
            ),
            None => "<a:ln><a:noFill/></a:ln>".to_owned(),
        };
        let (side, top) = (self.emu(style.insets.0), self.emu(style.insets.1));
        let mut body = String::new();
        for words in paragraphs {
            body.push_str(&self.paragraphs(words));
        }
        let _ = write!(
            self.shapes,
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}"/>{shape_kind}</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{geometry}{fill}{line}</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{side}" tIns="{top}" rIns="{side}" bIns="{top}" anchor="{}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            xml_text(name),
            style.anchor
        );
    }

    /// One `<a:p>` per line of `words`.
    fn paragraphs(&self, words: &Words<'_>) -> String {
        let size = (f64::from(words.size) * self.type_points_per_point * 100.0).round() as i64;
        let bold = if words.bold { "1" } else { "0" };
        let mut xml = String::new();
        for line in words.text.split('\n') {
            let _ = write!(
                xml,
                r#"<a:p><a:pPr algn="{}"/><a:r><a:rPr lang="en-GB" sz="{size}" b="{bold}" dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill></a:rPr><a:t>{}</a:t></a:r></a:p>"#,
                words.align,
                words.colour,
                xml_text(line)
            );
        }
        xml
    }
}

/// `ppt/slides/slideN.xml`: the picture (relationship `rId2`) and the text boxes.
/// A text box with no fill, no outline and no margins.
fn plain(anchor: &'static str) -> BoxStyle {
    BoxStyle {
        fill: None,
        line: None,
        rounded: false,
        insets: (0.0, 0.0),
        anchor,
    }
}

/// The title, the as-of date and the subtitle in the title bar.
fn title_boxes(writer: &mut SlideWriter, words: &SlideWords) {
    let layout = &words.layout;
    if let Some(bar) = layout.title_bar {
        let title = Rect::from_min_size(
            bar.min + egui::vec2(16.0, 6.0),
            egui::vec2(bar.width() - 32.0, 36.0),
        );
        writer.text_box(
            "Title",
            Some("title"),
            title,
            &plain("t"),
            &[Words {
                text: &words.title,
                size: 28.0,
                colour: "141414",
                align: "l",
                bold: false,
            }],
        );
        if let Some(as_of) = &words.as_of {
            let right = Rect::from_min_max(
                egui::pos2(bar.center().x, bar.top() + 6.0),
                egui::pos2(bar.right() - 16.0, bar.top() + 34.0),
            );
            writer.text_box(
                "As of",
                None,
                right,
                &plain("t"),
                &[Words {
                    text: as_of,
                    size: 20.0,
                    colour: "141414",
                    align: "r",
                    bold: false,
                }],
            );
        }
        if let Some(group) = &words.date_time_group {
            let right = Rect::from_min_max(
                egui::pos2(bar.center().x, bar.top() + 34.0),
                egui::pos2(bar.right() - 16.0, bar.top() + 56.0),
            );
            writer.text_box(
                "Date-time group",
                None,
                right,
                &plain("t"),
                &[Words {
                    text: group,
                    size: 15.0,
                    colour: "282828",
                    align: "r",
                    bold: false,
                }],
            );
        }
        let subtitle = Rect::from_min_size(
            bar.min + egui::vec2(16.0, 41.0),
            egui::vec2(bar.width() - 32.0, 20.0),
        );
        writer.text_box(
            "Subtitle",
            None,
            subtitle,
            &plain("t"),
            &[Words {
                text: &words.subtitle,
                size: 14.0,
                colour: "464646",
                align: "l",
                bold: false,
            }],
        );
    }
}

/// The caveat banners, red, top and bottom.
fn banner_boxes(writer: &mut SlideWriter, words: &SlideWords) {
    let layout = &words.layout;
    for (i, banner) in layout.banners.iter().enumerate() {
        writer.text_box(
            if i == 0 {
                "Caveat (top)"
            } else {
                "Caveat (bottom)"
            },
            None,
            *banner,
            &BoxStyle {
                fill: Some(("961E1E", 100_000)),
                ..plain("ctr")
            },
            &[Words {
                text: &words.caveat,
                size: 15.0,
                colour: "FFFFFF",
                align: "ctr",
                bold: false,
            }],
        );
    }
}

/// The caption in its white box on the map.
fn caption_box(writer: &mut SlideWriter, words: &SlideWords) {
    let layout = &words.layout;
    if let (Some(rect), Some(caption)) = (layout.caption, &words.caption) {
        writer.text_box(
            "Caption",
            None,
            rect,
            &BoxStyle {
                fill: Some(("FFFFFF", 92_000)),
                line: Some(("969696", 1.0)),
                rounded: true,
                insets: (14.0, 11.0),
                anchor: "t",
            },
            &[Words {
                text: caption,
                size: 19.0,
                colour: "191919",
                align: "l",
                bold: false,
            }],
        );
    }
}

/// The sources and the credit line under the map.
fn footer_boxes(writer: &mut SlideWriter, words: &SlideWords) {
    let layout = &words.layout;
    if let Some(bar) = layout.footer_bar {
        let sources = Rect::from_min_size(
            bar.min + egui::vec2(16.0, 3.0),
            egui::vec2(bar.width() - 32.0, bar.height() - 20.0),
        );
        writer.text_box(
            "Sources",
            None,
            sources,
            &plain("t"),
            &[Words {
                text: &words.sources,
                size: 11.0,
                colour: "323232",
                align: "l",
                bold: false,
            }],
        );
        let credit = Rect::from_min_max(
            egui::pos2(bar.center().x, bar.bottom() - 18.0),
            egui::pos2(bar.right() - 16.0, bar.bottom() - 3.0),
        );
        writer.text_box(
            "Credit",
            None,
            credit,
            &plain("b"),
            &[Words {
                text: &words.credit,
                size: 11.0,
                colour: "323232",
                align: "r",
                bold: false,
            }],
        );
    }
}

pub fn slide_xml(words: &SlideWords) -> String {
    let layout = &words.layout;
    let mut writer = SlideWriter::new(layout);
    title_boxes(&mut writer, words);
    banner_boxes(&mut writer, words);
    caption_box(&mut writer, words);
    footer_boxes(&mut writer, words);
    let picture = format!(
        r#"<p:pic><p:nvPicPr><p:cNvPr id="2" name="Map" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{SLIDE_WIDTH_EMU}" cy="{SLIDE_HEIGHT_EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
        xml_text(&format!("Map: {}", words.title))
    );
    format!(
        r#"{XML_HEAD}<p:sld {NAMESPACES}><p:cSld><p:spTree>{TREE_START}{picture}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
        writer.shapes
    )
}

/// `ppt/notesSlides/notesSlideN.xml`: the slide's picture and its notes.
pub fn notes_xml(notes: &str) -> String {
    let mut body = String::new();
    for line in notes.split('\n') {
        let _ = write!(
            body,
            r#"<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
            xml_text(line)
        );
    }
    format!(
        r#"{XML_HEAD}<p:notes {NAMESPACES}><p:cSld><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}
