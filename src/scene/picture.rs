//! The picture snapshot: an immutable, `Arc`-backed description of everything one
//! picture shows. The app builds one when what it shows changes; the window's map, the
//! image export, the deck and the command line draw from it, so none of them needs the
//! app, and a picture can be rendered on another thread while the app goes on.

use std::sync::Arc;

use super::{LegendEntry, LegendScope, PictureChoices, Scene, legend_entries};
use crate::analysis::{MapTools, PresenceMap, Timeline};
use crate::basemap::Basemap;
use crate::model::{Annotation, Scenario};
use crate::overlay::ShownOverlay;
use crate::tiles::TileBackend;

/// The words around a picture: title, subtitle, "as of", a slide's caption, the caveat.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PictureText {
    /// The title over the map.
    pub title: String,
    /// The line under the title.
    pub subtitle: String,
    /// The "as of" line: the timeline's stop, or the scenario's date.
    pub as_of: Option<String>,
    /// A slide's caption, in a box on the map.
    pub caption: Option<String>,
    /// The caveat banner's text (none when empty).
    pub caveat: String,
    /// The date-time group ("101200ZJAN26") when the scenario gives a time for its date.
    pub date_time_group: Option<String>,
    /// Who prepared the picture (none when empty).
    pub prepared_by: String,
}

/// Everything one picture shows. Cheap to clone: the large parts are shared.
#[derive(Clone)]
pub struct Picture {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The scenario prepared for drawing.
    pub scene: Arc<Scene>,
    /// The basemap.
    pub basemap: Arc<Basemap>,
    /// Layers, filters, time and annotations chosen.
    pub choices: PictureChoices,
    /// Shown, dimmed or hidden per hub and feature, from the filters and the time.
    pub presence: Arc<PresenceMap>,
    /// The annotations shown.
    pub annotations: Arc<[Annotation]>,
    /// The measured path and range rings.
    pub tools: Arc<MapTools>,
    /// The user's own overlays (shared, not copied).
    pub user_overlays: Arc<[ShownOverlay]>,
    /// The raster basemap's tiles, when one is chosen (read again at an export's zoom).
    pub tiles: Option<Arc<dyn TileBackend>>,
    /// Title, subtitle, as-of, caption and caveat.
    pub text: PictureText,
    /// The date the timeline's cursor is at, if it is at a dated stop: user overlays with
    /// a date column show what happened up to it.
    pub as_of_date: Option<crate::model::Date>,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picture")
            .field("title", &self.text.title)
            .field("choices", &self.choices)
            .field("annotations", &self.annotations.len())
            .field("user_overlays", &self.user_overlays.len())
            .finish_non_exhaustive()
    }
}

/// What a picture is made of, before its presence and legend are worked out.
pub struct PictureParts<'a> {
    /// The scenario.
    pub scenario: &'a Arc<Scenario>,
    /// The scenario prepared for drawing.
    pub scene: &'a Arc<Scene>,
    /// The basemap.
    pub basemap: &'a Arc<Basemap>,
    /// The scenario's events and phases, for the "as of" choice.
    pub timeline: &'a Timeline,
    /// Every annotation (the choices pick those shown).
    pub annotations: &'a [Annotation],
    /// The measured path and range rings.
    pub tools: &'a MapTools,
    /// The user's own overlays; only the visible ones are drawn.
    pub user_overlays: &'a [ShownOverlay],
    /// The raster basemap.
    pub tiles: Option<Arc<dyn TileBackend>>,
}

impl Picture {
    /// The picture of `parts` with `choices` and `text` (whose `as_of`, when `None`,
    /// is worked out from the choices and the scenario's date).
    pub fn build(parts: PictureParts<'_>, choices: PictureChoices, mut text: PictureText) -> Self {
        let scenario = parts.scenario;
        let as_of_key = choices.as_of.and_then(|s| parts.timeline.key_at(s));
        let presence = PresenceMap::compute(scenario, &choices.filters, parts.timeline, as_of_key);
        if choices.as_of.is_none()
            && let (Some(date), Some((hours, minutes))) = (scenario.as_of, scenario.as_of_time)
        {
            text.date_time_group = Some(date.date_time_group(hours, minutes));
        }
        if text.prepared_by.is_empty() {
            text.prepared_by.clone_from(&scenario.prepared_by);
        }
        if text.as_of.is_none() {
            text.as_of = match choices.as_of {
                Some(stop) => Some(parts.timeline.describe(stop)),
                None => scenario.as_of.map(|d| d.to_string()),
            };
        }
        Self {
            scenario: scenario.clone(),
            scene: parts.scene.clone(),
            basemap: parts.basemap.clone(),
            annotations: choices.annotations.pick(parts.annotations).into(),
            presence: Arc::new(presence),
            tools: Arc::new(parts.tools.clone()),
            user_overlays: parts.user_overlays.iter().cloned().collect(),
            tiles: parts.tiles,
            choices,
            text,
            as_of_date: match as_of_key {
                Some(crate::analysis::TimeKey::Dated(date)) => Some(date),
                _ => None,
            },
        }
    }

    /// The legend of what this picture shows within `view` (world units; the whole
    /// picture when `None`).
    pub fn legend_in(&self, view: Option<crate::mesh::WorldRect>) -> Vec<LegendEntry> {
        let mut entries = legend_entries(
            &self.scenario,
            &self.scene,
            LegendScope {
                shown_layers: &self.choices.visible,
                presence: &self.presence,
                view,
                coalition: self
                    .choices
                    .coalition_layer
                    .then(|| &self.basemap.world().country_bounds),
            },
        );
        // The user's files, when something of them is in the picture.
        let in_view = |index: &usize| {
            let overlay = &self.user_overlays[*index];
            overlay.visible
                && match (view, overlay.layer.bounds) {
                    (Some(view), Some(bounds)) => view.intersects(&bounds),
                    (None, Some(_)) => true,
                    (_, None) => false,
                }
        };
        let user: Vec<usize> = (0..self.user_overlays.len()).filter(in_view).collect();
        if !user.is_empty() {
            entries.push(LegendEntry::Heading("Your overlays"));
            for index in user {
                entries.push(LegendEntry::UserOverlay(index));
                entries.extend(colour_legend(&self.user_overlays[index]));
            }
        }
        entries
    }

    /// True when the caveat banner has something to say.
    pub fn has_caveat(&self) -> bool {
        !self.text.caveat.is_empty()
    }
}

/// The legend rows of the property an overlay's points are coloured by: each value shown
/// (those its filter hides are left out), in its colour.
fn colour_legend(overlay: &ShownOverlay) -> Vec<LegendEntry> {
    use crate::overlay::{CATEGORY_COLOURS, MAX_LEGEND_VALUES, OTHER_COLOUR, value_label};
    let Some(key) = &overlay.points.colour_by else {
        return Vec::new();
    };
    let hidden = |label: &String| {
        overlay
            .points
            .filter
            .as_ref()
            .is_some_and(|(k, values)| k == key && values.contains(label))
    };
    let categories = overlay.layer.features.categories(key).unwrap_or_default();
    categories
        .iter()
        .enumerate()
        .take(MAX_LEGEND_VALUES)
        .map(|(index, (value, _))| (index, value_label(value)))
        .filter(|(_, label)| !hidden(label))
        .map(|(index, label)| LegendEntry::UserCategory {
            label,
            colour: CATEGORY_COLOURS.get(index).copied().unwrap_or(OTHER_COLOUR),
        })
        .collect()
}
