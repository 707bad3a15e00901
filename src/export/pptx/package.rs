//! The parts of a PowerPoint package that do not depend on the slides' content: content
//! types, relationships, the presentation, one blank master and layout, a notes master
//! and the themes (ECMA-376, PresentationML; only what a deck needs).

use std::fmt::Write as _;

/// The slide's size: 16:9, 13.333 × 7.5 inches, in EMU (914,400 per inch).
pub const SLIDE_WIDTH_EMU: i64 = 12_192_000;
/// See [`SLIDE_WIDTH_EMU`].
pub const SLIDE_HEIGHT_EMU: i64 = 6_858_000;

pub(super) const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
pub(super) const NAMESPACES: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// A relationships part: (id, type's last word, target).
pub(super) fn relationships(rels: &[(String, &str, String)]) -> String {
    let mut xml = format!(
        r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in rels {
        let kind = match *kind {
            "core-properties" => {
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                    .to_owned()
            }
            other => format!("{REL}/{other}"),
        };
        let _ = write!(
            xml,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        );
    }
    xml.push_str("</Relationships>");
    xml
}

/// `[Content_Types].xml` for `slides` slides with notes.
pub(super) fn content_types(slides: usize) -> String {
    let mut xml = format!(
        r#"{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/ppt/presentation.xml" ContentType="{CT}.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{CT}.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="{CT}.slideLayout+xml"/><Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="{CT}.notesMaster+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/presProps.xml" ContentType="{CT}.presProps+xml"/><Override PartName="/ppt/viewProps.xml" ContentType="{CT}.viewProps+xml"/><Override PartName="/ppt/tableStyles.xml" ContentType="{CT}.tableStyles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
    );
    for n in 1..=slides {
        let _ = write!(
            xml,
            r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="{CT}.slide+xml"/><Override PartName="/ppt/notesSlides/notesSlide{n}.xml" ContentType="{CT}.notesSlide+xml"/>"#
        );
    }
    xml.push_str("</Types>");
    xml
}

/// The package's relationships: the presentation and the document properties.
pub(super) fn root_relationships() -> String {
    relationships(&[
        (
            "rId1".into(),
            "officeDocument",
            "ppt/presentation.xml".into(),
        ),
        ("rId2".into(), "core-properties", "docProps/core.xml".into()),
        (
            "rId3".into(),
            "extended-properties",
            "docProps/app.xml".into(),
        ),
    ])
}

/// The presentation part's relationship id of slide `n` (from 1).
pub(super) fn slide_relationship_id(n: usize) -> String {
    format!("rId{}", 10 + n)
}

/// `ppt/presentation.xml`: the master, the notes master, the slides and their size.
pub(super) fn presentation(slides: usize) -> String {
    let mut list = String::new();
    for n in 1..=slides {
        let _ = write!(
            list,
            r#"<p:sldId id="{}" r:id="{}"/>"#,
            255 + n,
            slide_relationship_id(n)
        );
    }
    format!(
        r#"{XML_HEAD}<p:presentation {NAMESPACES} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{list}</p:sldIdLst><p:sldSz cx="{SLIDE_WIDTH_EMU}" cy="{SLIDE_HEIGHT_EMU}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#
    )
}

/// `ppt/_rels/presentation.xml.rels`.
pub(super) fn presentation_relationships(slides: usize) -> String {
    let mut rels = vec![
        (
            "rId1".to_owned(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        (
            "rId2".to_owned(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".to_owned(),
        ),
        ("rId3".to_owned(), "theme", "theme/theme1.xml".to_owned()),
        ("rId4".to_owned(), "presProps", "presProps.xml".to_owned()),
        ("rId5".to_owned(), "viewProps", "viewProps.xml".to_owned()),
        (
            "rId6".to_owned(),
            "tableStyles",
            "tableStyles.xml".to_owned(),
        ),
    ];
    for n in 1..=slides {
        rels.push((
            slide_relationship_id(n),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    relationships(&rels)
}

/// An empty shape tree's group properties, which every tree starts with.
pub(super) const TREE_START: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

const COLOUR_MAP: &str = r#"bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink""#;

/// The one slide master: blank, white.
pub(super) fn slide_master() -> String {
    format!(
        r#"{XML_HEAD}<p:sldMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}</p:spTree></p:cSld><p:clrMap {COLOUR_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>"#
    )
}

/// The slide master's relationships: its layout and theme.
pub(super) fn slide_master_relationships() -> String {
    relationships(&[
        (
            "rId1".into(),
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".into(),
        ),
        ("rId2".into(), "theme", "../theme/theme1.xml".into()),
    ])
}

/// The one layout: blank.
pub(super) fn slide_layout() -> String {
    format!(
        r#"{XML_HEAD}<p:sldLayout {NAMESPACES} type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>{TREE_START}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
    )
}

/// The layout's relationship to its master.
pub(super) fn slide_layout_relationships() -> String {
    relationships(&[(
        "rId1".into(),
        "slideMaster",
        "../slideMasters/slideMaster1.xml".into(),
    )])
}

/// The notes master: the slide's picture at the top of the page, the notes under it.
pub(super) fn notes_master() -> String {
    format!(
        r#"{XML_HEAD}<p:notesMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB"/><a:t>Notes</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMap {COLOUR_MAP}/><p:notesStyle><a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:defRPr sz="1200" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"#
    )
}

/// The notes master's relationship to its theme.
pub(super) fn notes_master_relationships() -> String {
    relationships(&[("rId1".into(), "theme", "../theme/theme2.xml".into())])
}

/// A theme: Office's colours, Calibri, and the three fill, line, effect and background
/// styles every theme must list.
pub(super) fn theme(name: &str) -> String {
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>"#
        )
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"{XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{name}"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        line(6350),
        line(12700),
        line(19050)
    )
}

/// `ppt/presProps.xml`, `ppt/viewProps.xml` and `ppt/tableStyles.xml`: empty, as allowed.
pub(super) fn presentation_properties() -> [(&'static str, String); 3] {
    [
        (
            "ppt/presProps.xml",
            format!(r#"{XML_HEAD}<p:presentationPr {NAMESPACES}/>"#),
        ),
        (
            "ppt/viewProps.xml",
            format!(r#"{XML_HEAD}<p:viewPr {NAMESPACES}/>"#),
        ),
        (
            "ppt/tableStyles.xml",
            format!(
                r#"{XML_HEAD}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
            ),
        ),
    ]
}

/// `docProps/core.xml` with the deck's title, and `docProps/app.xml`.
pub(super) fn document_properties(title: &str, slides: usize) -> [(&'static str, String); 2] {
    [
        (
            "docProps/core.xml",
            format!(
                r#"{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Backstop</dc:creator></cp:coreProperties>"#,
                super::xml_text(title)
            ),
        ),
        (
            "docProps/app.xml",
            format!(
                r#"{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Backstop</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides><Notes>{slides}</Notes></Properties>"#
            ),
        ),
    ]
}
