//! Editing a scenario's own files: new scenario folders, hubs and overlay features written
//! into their GeoJSON in a stable layout, nations and layers into TOML in place. Each function takes a file's
//! text and gives the new text; the app writes it atomically and keeps the old one for
//! undo. Every check is the one `backstop check` runs.

mod event_edit;
mod geojson_doc;
mod hub_edit;
mod nation_edit;
mod new_scenario;
mod overlay_edit;
mod scenario_edit;
mod sources;
mod toml_records;
mod toml_values;
mod vertices;

pub use event_edit::{TimelineDraft, TimelineKind, check_timeline_draft, write_timeline};
pub use geojson_doc::{GeoJsonDocument, point_geometry};
pub use hub_edit::{HubDraft, check_hub_draft, delete_feature, same_hub, write_hub};
pub use nation_edit::{NationDraft, check_nation_draft, remove_nation, write_nation};
pub use new_scenario::{NewScenario, new_scenario_files, write_new_scenario};
pub use overlay_edit::{
    FeatureDraft, LayerDraft, Sketch, SketchShape, add_layer, check_feature_draft, write_feature,
};
pub use scenario_edit::{
    LayerStyleDraft, RingSetDraft, SettingsDraft, check_ring_set, check_settings,
    write_layer_style, write_ring_set, write_settings,
};
pub use sources::{SourceDraft, personnel_json, personnel_text, sources_json};
pub use toml_records::{FieldChange, edit_record, move_record, remove_record};
pub use vertices::{VertexEdit, edit_vertex, editable_rings, from_rings, mid_points};
