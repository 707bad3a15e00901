//! Pages for vector exports: paper sizes in either orientation or a picture's pixel
//! size, how many layout points a page holds, and the stated scale of a printed map.

use super::ExportView;

/// A sheet of paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    /// ISO A4, 297 × 210 mm.
    A4,
    /// ISO A3, 420 × 297 mm.
    A3,
    /// ISO A1, 841 × 594 mm.
    A1,
    /// US Letter, 11 × 8.5 in.
    Letter,
}

impl Paper {
    /// Every paper, in the order offered.
    pub const ALL: [Paper; 4] = [Paper::A4, Paper::A3, Paper::A1, Paper::Letter];

    /// Long and short side in millimetres.
    fn sides_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
            Paper::A1 => (841.0, 594.0),
            Paper::Letter => (279.4, 215.9),
        }
    }

    /// "A4", "Letter".
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A1 => "A1",
            Paper::Letter => "Letter",
        }
    }
}

/// What size a vector export's page is.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PageSize {
    /// A sheet of paper; `landscape` when its long side is across.
    Paper {
        /// Which sheet.
        paper: Paper,
        /// Long side across.
        landscape: bool,
    },
    /// A picture's size, as the PNG export of that size would be laid out (96 pixels per
    /// inch on the page).
    Pixels {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

/// Layout points per PDF point on paper: text and symbols laid out for the screen come
/// out at two thirds of their size, as a printed map's lettering (the 11-point sources
/// line prints at 7.3 points, the title at 19).
pub const LAYOUT_PER_PAPER_POINT: f32 = 1.5;

/// PDF points (1/72 inch) per millimetre.
const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// Raster content (tiles) of a paper page is fetched at this resolution.
pub const PAPER_DPI: f32 = 200.0;

impl PageSize {
    /// Parses "a4", "a3-portrait", "letter-landscape" or "2400x1600".
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_lowercase();
        let (name, orientation) = lower
            .split_once('-')
            .unwrap_or((lower.as_str(), "landscape"));
        let landscape = match orientation {
            "landscape" => true,
            "portrait" => false,
            other => {
                return Err(format!(
                    "\"{other}\" is not an orientation (use landscape or portrait)"
                ));
            }
        };
        if let Some(paper) = Paper::ALL
            .into_iter()
            .find(|p| p.label().eq_ignore_ascii_case(name))
        {
            return Ok(PageSize::Paper { paper, landscape });
        }
        match name.split_once('x') {
            Some((w, h)) => {
                let number = |s: &str| {
                    s.parse::<u32>()
                        .ok()
                        .filter(|n| (200..=16384).contains(n))
                        .ok_or_else(|| format!("\"{s}\" is not a whole number from 200 to 16384"))
                };
                Ok(PageSize::Pixels {
                    width: number(w)?,
                    height: number(h)?,
                })
            }
            None => Err(format!(
                "\"{text}\" is not a page size (use A4, A3, A1 or Letter, with -portrait or -landscape, or WIDTHxHEIGHT in pixels)"
            )),
        }
    }

    /// Width and height in millimetres.
    pub fn millimetres(self) -> (f32, f32) {
        match self {
            PageSize::Paper { paper, landscape } => {
                let (long, short) = paper.sides_mm();
                if landscape {
                    (long, short)
                } else {
                    (short, long)
                }
            }
            PageSize::Pixels { width, height } => {
                (width as f32 * 25.4 / 96.0, height as f32 * 25.4 / 96.0)
            }
        }
    }

    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        let (w, h) = self.millimetres();
        (w * POINTS_PER_MM, h * POINTS_PER_MM)
    }

    /// The page's size in layout points, the units the picture is drawn in.
    pub fn layout(self, points_high: f32) -> egui::Vec2 {
        match self {
            PageSize::Paper { .. } => {
                let (w, h) = self.points();
                egui::vec2(w, h) * LAYOUT_PER_PAPER_POINT
            }
            PageSize::Pixels { width, height } => {
                egui::vec2(width as f32, height as f32) * (points_high / height as f32)
            }
        }
    }

    /// Pixels per layout point at which raster content is fetched.
    pub fn raster_pixels_per_point(self, points_high: f32) -> f32 {
        match self {
            PageSize::Paper { .. } => PAPER_DPI / 72.0 / LAYOUT_PER_PAPER_POINT,
            PageSize::Pixels { height, .. } => height as f32 / points_high,
        }
    }

    /// Metres of paper per layout point, for a printed page's stated scale.
    pub fn paper_metres_per_point(self, points_high: f32) -> f64 {
        let (_, h_mm) = self.millimetres();
        f64::from(h_mm) / 1000.0 / f64::from(self.layout(points_high).y)
    }

    /// "A4 landscape", "1920 × 1080 px".
    pub fn label(self) -> String {
        match self {
            PageSize::Paper { paper, landscape } => format!(
                "{} {}",
                paper.label(),
                if landscape { "landscape" } else { "portrait" }
            ),
            PageSize::Pixels { width, height } => format!("{width} × {height} px"),
        }
    }
}

/// Web Mercator ground metres per layout point at `lat` and `zoom` (256-point tiles).
fn ground_metres_per_point(lat: f64, zoom: f64) -> f64 {
    const EQUATOR_M: f64 = 40_075_016.686;
    EQUATOR_M * lat.to_radians().cos() / (256.0 * 2f64.powf(zoom))
}

/// The representative fraction's denominator of `view` printed at `paper_metres_per_point`
/// (2,000,000 for 1:2,000,000), true at the view's centre latitude.
pub fn scale_denominator(view: &ExportView, paper_metres_per_point: f64) -> f64 {
    ground_metres_per_point(view.lat, view.zoom) / paper_metres_per_point
}

/// The zoom at which `lat` prints at 1:`denominator`.
pub fn zoom_for_scale(lat: f64, denominator: f64, paper_metres_per_point: f64) -> f64 {
    let wanted = denominator * paper_metres_per_point;
    (ground_metres_per_point(lat, 0.0) / wanted).log2()
}

/// Parses "1:2000000", "1:2,000,000" or "2000000".
pub fn parse_scale(text: &str) -> Result<f64, String> {
    let digits: String = text
        .trim()
        .trim_start_matches("1:")
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    digits
        .parse::<f64>()
        .ok()
        .filter(|n| (1000.0..=100_000_000.0).contains(n))
        .ok_or_else(|| {
            format!(
                "\"{text}\" is not a scale (write 1:2000000, between 1:1,000 and 1:100,000,000)"
            )
        })
}

/// "1:2,000,000", rounded to three significant figures.
pub fn format_scale(denominator: f64) -> String {
    let magnitude = 10f64.powf(denominator.log10().floor() - 2.0).max(1.0);
    let rounded = ((denominator / magnitude).round() * magnitude) as u64;
    format!("1:{}", crate::model::group_digits(rounded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_names_parse_in_either_orientation() {
        assert_eq!(
            PageSize::parse("A4").map(PageSize::millimetres),
            Ok((297.0, 210.0))
        );
        assert_eq!(
            PageSize::parse("a3-portrait").map(PageSize::millimetres),
            Ok((297.0, 420.0))
        );
        assert!(PageSize::parse("b5").is_err());
        assert_eq!(
            PageSize::parse("1920x1080"),
            Ok(PageSize::Pixels {
                width: 1920,
                height: 1080
            })
        );
    }

    #[test]
    fn an_a4_landscape_page_is_842_by_595_points() {
        let (w, h) = PageSize::parse("a4")
            .map(PageSize::points)
            .unwrap_or_default();
        assert!(
            (w - 841.9).abs() < 0.1 && (h - 595.3).abs() < 0.1,
            "{w} × {h}"
        );
    }

    #[test]
    fn a_stated_scale_gives_the_zoom_that_prints_at_it() {
        let page = PageSize::Paper {
            paper: Paper::A4,
            landscape: true,
        };
        let per_point = page.paper_metres_per_point(1080.0);
        let zoom = zoom_for_scale(48.5, 2_000_000.0, per_point);
        let view = ExportView {
            lon: 31.0,
            lat: 48.5,
            zoom,
        };
        assert!((scale_denominator(&view, per_point) - 2_000_000.0).abs() < 1.0);
        assert_eq!(
            format_scale(scale_denominator(&view, per_point)),
            "1:2,000,000"
        );
    }

    #[test]
    fn scales_parse_with_or_without_separators() {
        assert_eq!(parse_scale("1:2,000,000"), Ok(2_000_000.0));
        assert_eq!(parse_scale("250000"), Ok(250_000.0));
        assert!(parse_scale("1:10").is_err());
        assert_eq!(format_scale(1_234_567.0), "1:1,230,000");
    }
}
