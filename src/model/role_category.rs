//! A country's role category on the coalition layer: its most telling reported role.

use super::Role;

/// The category a country is coloured by: its most telling reported role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleCategory {
    /// Leads the force.
    Lead,
    /// Sends troops or trainers.
    Contributor,
    /// Monitors the ceasefire.
    Monitoring,
    /// Maritime or air contribution.
    SeaAndAir,
    /// Considering troops.
    Considering,
    /// Supports without troops in Ukraine.
    NoTroops,
    /// Attended, no pledge.
    Attendee,
    /// The host nation.
    Host,
    /// Opposes the force.
    Adversary,
}

impl RoleCategory {
    /// Every category, in legend order.
    pub const ALL: [RoleCategory; 9] = [
        RoleCategory::Host,
        RoleCategory::Lead,
        RoleCategory::Contributor,
        RoleCategory::Monitoring,
        RoleCategory::SeaAndAir,
        RoleCategory::Considering,
        RoleCategory::NoTroops,
        RoleCategory::Attendee,
        RoleCategory::Adversary,
    ];

    /// The category of a country with these roles.
    pub fn of(roles: &[Role]) -> Option<RoleCategory> {
        let has = |role: Role| roles.contains(&role);
        Some(if has(Role::Adversary) {
            RoleCategory::Adversary
        } else if has(Role::Host) {
            RoleCategory::Host
        } else if has(Role::ForceLead) {
            RoleCategory::Lead
        } else if has(Role::ForceContributor) {
            RoleCategory::Contributor
        } else if has(Role::Monitoring) {
            RoleCategory::Monitoring
        } else if has(Role::Maritime) || has(Role::Air) {
            RoleCategory::SeaAndAir
        } else if has(Role::Considering) {
            RoleCategory::Considering
        } else if has(Role::Training) {
            RoleCategory::Contributor
        } else if has(Role::NoTroops) || has(Role::Logistics) {
            RoleCategory::NoTroops
        } else if has(Role::Attendee) {
            RoleCategory::Attendee
        } else {
            return None;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_country_gets_its_most_telling_role() {
        assert_eq!(
            RoleCategory::of(&[Role::ForceLead, Role::Training]),
            Some(RoleCategory::Lead)
        );
        assert_eq!(
            RoleCategory::of(&[Role::NoTroops, Role::Logistics]),
            Some(RoleCategory::NoTroops)
        );
        assert_eq!(
            RoleCategory::of(&[Role::Monitoring, Role::Considering]),
            Some(RoleCategory::Monitoring)
        );
        assert_eq!(
            RoleCategory::of(&[Role::Air, Role::Maritime, Role::Training]),
            Some(RoleCategory::SeaAndAir)
        );
        assert_eq!(
            RoleCategory::of(&[Role::Considering, Role::Training]),
            Some(RoleCategory::Considering)
        );
        assert_eq!(
            RoleCategory::of(&[Role::Training]),
            Some(RoleCategory::Contributor)
        );
        assert_eq!(RoleCategory::of(&[]), None);
    }
}
