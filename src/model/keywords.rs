//! Closed vocabularies used in the data files (kinds, statuses, roles).

/// Defines an enum whose variants are spelled in data files as fixed keywords.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $word:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The keyword used in data files.
            pub fn keyword(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }

            /// A human-readable label for panels and legends.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses the keyword used in data files.
            pub fn from_keyword(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }

            /// All keywords, comma separated, for "expected one of" messages.
            pub fn expected() -> String {
                [$($word,)+].join(", ")
            }
        }
    };
}

keyword_enum! {
    /// How much we know about a feature's existence and place.
    Status {
        /// Officially announced by a government.
        Announced => "announced", "Announced";
        /// Reported by reputable media, not officially confirmed.
        Reported => "reported", "Reported";
        /// An analyst's assessment.
        Analyst => "analyst", "Analyst assessment";
        /// Placed by the data author to illustrate; not a known site.
        Illustrative => "illustrative", "Illustrative";
    }
}

keyword_enum! {
    /// What a military hub does.
    HubKind {
        /// Headquarters.
        Hq => "hq", "Headquarters";
        /// Coordination cell.
        Coordination => "coordination", "Coordination cell";
        /// Air component.
        Air => "air", "Air";
        /// Maritime component.
        Maritime => "maritime", "Maritime";
        /// Training of Ukraine's forces.
        Training => "training", "Training";
        /// Logistics.
        Logistics => "logistics", "Logistics";
        /// Protected storage of weapons and equipment.
        Storage => "storage", "Protected storage";
        /// Medical support.
        Medical => "medical", "Medical";
        /// Ceasefire monitoring.
        Monitoring => "monitoring", "Monitoring";
    }
}

keyword_enum! {
    /// A country's part in the coalition, as reported.
    Role {
        /// Leads the multinational force.
        ForceLead => "force_lead", "Force lead";
        /// Contributes troops to the force.
        ForceContributor => "force_contributor", "Force contributor";
        /// Considering troops, undecided.
        Considering => "considering", "Considering troops";
        /// Maritime contribution.
        Maritime => "maritime", "Maritime";
        /// Air contribution.
        Air => "air", "Air";
        /// Ceasefire monitoring.
        Monitoring => "monitoring", "Monitoring";
        /// Logistics and organisation.
        Logistics => "logistics", "Logistics";
        /// Training.
        Training => "training", "Training";
        /// Rules out troops in Ukraine.
        NoTroops => "no_troops", "No troops in Ukraine";
        /// Host nation.
        Host => "host", "Host nation";
        /// Opposes the force.
        Adversary => "adversary", "Adversary";
        /// Attended, no specific pledge.
        Attendee => "attendee", "Attended, no pledge";
    }
}

keyword_enum! {
    /// What a monitoring overlay feature shows.
    OverlayKind {
        /// The monitored ceasefire line.
        CeasefireLine => "ceasefire_line", "Monitored ceasefire line";
        /// A buffer zone along the line.
        BufferZone => "buffer_zone", "Buffer zone";
        /// A drone patrol sector.
        DroneSector => "drone_sector", "Drone patrol sector";
        /// Satellite coverage.
        SatelliteCoverage => "satellite_coverage", "Satellite coverage";
        /// A ground sensor field.
        SensorField => "sensor_field", "Sensor field";
        /// An air policing area.
        AirPolicing => "air_policing", "Air policing area";
        /// A maritime security area.
        MaritimeArea => "maritime_area", "Maritime security area";
        /// A demining area.
        DeminingArea => "demining_area", "Demining area";
    }
}

keyword_enum! {
    /// What a scenario layer holds.
    LayerKind {
        /// Hub points (hubs.geojson).
        Hubs => "hubs", "Hubs";
        /// Monitoring overlay features from a GeoJSON file.
        Overlay => "overlay", "Overlay";
        /// The buffer zone computed from the ceasefire line.
        Buffer => "buffer", "Computed buffer";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_parses_back_to_its_value() {
        for role in Role::ALL {
            assert_eq!(Role::from_keyword(role.keyword()), Some(*role));
        }
        assert_eq!(Status::from_keyword("rumoured"), None);
        assert!(Status::expected().contains("illustrative"));
    }
}
