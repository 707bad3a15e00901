//! What the user (or a slide) chose to show: layers and their opacity, basemap layers,
//! the coalition tint, filters, the time, and which annotations.

use crate::analysis::{Filters, Timeline};
use crate::basemap::BasemapLayers;
use crate::model::{HubKind, OverlayKind, Scenario, Slide, SlideAnnotations, SlideFilters, Status};

/// The choices that shape a picture, apart from the camera.
#[derive(Debug, Clone, PartialEq)]
pub struct PictureChoices {
    /// Visibility per scenario layer.
    pub visible: Vec<bool>,
    /// Opacity per scenario layer, 0..=1.
    pub opacity: Vec<f32>,
    /// Basemap layer toggles.
    pub basemap_layers: BasemapLayers,
    /// Countries coloured by coalition role.
    pub coalition_layer: bool,
    /// Filters by nation, kind, status and phase.
    pub filters: Filters,
    /// The timeline's "as of" stop; `None` shows every time at once.
    pub as_of: Option<usize>,
    /// Which annotations show.
    pub annotations: SlideAnnotations,
}

impl PictureChoices {
    /// What `slide` shows of `scenario`: layers it does not name keep their default
    /// visibility, and an as-of the timeline does not have shows every time.
    pub fn for_slide(
        slide: &Slide,
        scenario: &Scenario,
        timeline: &Timeline,
        mut basemap_layers: BasemapLayers,
    ) -> Self {
        if let Some(grid) = slide.grid {
            (basemap_layers.graticule, basemap_layers.mgrs_grid) = grid.shows();
        }
        let (visible, opacity) = scenario
            .layers
            .iter()
            .map(|layer| match slide.layers.get(&layer.id) {
                Some(choice) => (choice.visible, choice.opacity.clamp(0.0, 1.0)),
                None => (layer.visible, 1.0),
            })
            .unzip();
        Self {
            visible,
            opacity,
            basemap_layers,
            coalition_layer: slide.coalition_layer,
            filters: filters_of(&slide.filters),
            as_of: slide
                .as_of
                .as_ref()
                .and_then(|id| timeline.stops.iter().position(|s| s.id == *id)),
            annotations: slide.annotations.clone(),
        }
    }
}

/// A slide's filters, spelled as keywords in the file, as the filter panel's.
fn filters_of(slide: &SlideFilters) -> Filters {
    Filters {
        nations: slide.nations.iter().map(|n| n.to_uppercase()).collect(),
        hub_kinds: slide
            .hub_kinds
            .iter()
            .filter_map(|k| HubKind::from_keyword(k))
            .collect(),
        overlay_kinds: slide
            .overlay_kinds
            .iter()
            .filter_map(|k| OverlayKind::from_keyword(k))
            .collect(),
        statuses: slide
            .statuses
            .iter()
            .filter_map(|s| Status::from_keyword(s))
            .collect(),
        phase: slide.phase.clone(),
        hide: slide.hide,
    }
}

/// Filters as keywords, for the slide file.
pub fn slide_filters(filters: &Filters) -> SlideFilters {
    SlideFilters {
        nations: filters.nations.clone(),
        hub_kinds: filters
            .hub_kinds
            .iter()
            .map(|k| k.keyword().to_owned())
            .collect(),
        overlay_kinds: filters
            .overlay_kinds
            .iter()
            .map(|k| k.keyword().to_owned())
            .collect(),
        statuses: filters
            .statuses
            .iter()
            .map(|s| s.keyword().to_owned())
            .collect(),
        phase: filters.phase.clone(),
        hide: filters.hide,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_that_names_a_grid_sets_it_and_one_that_does_not_keeps_the_viewers() {
        let scenario = Scenario::default();
        let timeline = Timeline::of(&scenario);
        let viewer = BasemapLayers {
            graticule: true,
            ..BasemapLayers::default()
        };
        let mut slide = Slide::default();
        let kept = PictureChoices::for_slide(&slide, &scenario, &timeline, viewer);
        assert!(kept.basemap_layers.graticule && !kept.basemap_layers.mgrs_grid);
        slide.grid = Some(crate::model::SlideGrid::Mgrs);
        let set = PictureChoices::for_slide(&slide, &scenario, &timeline, viewer);
        assert!(!set.basemap_layers.graticule && set.basemap_layers.mgrs_grid);
        let text = toml::to_string(&slide).unwrap_or_default();
        assert!(text.contains("grid = \"mgrs\""), "{text}");
    }

    #[test]
    fn filters_survive_the_trip_through_a_slide() {
        let mut filters = Filters::default();
        filters.statuses.insert(Status::Reported);
        filters.hub_kinds.insert(HubKind::Maritime);
        filters.nations.insert("FR".into());
        filters.phase = Some("D".into());
        filters.hide = true;
        assert_eq!(filters_of(&slide_filters(&filters)), filters);
    }
}
