//! Presets as data: synthesis techniques (thermal programs) and materials (Arrhenius laws),
//! each with its source, validity range and whether its numbers are confirmed (physics.md).
//! Everything here is editable on the page; unconfirmed values are labelled as such.

use serde::Serialize;

use crate::program::{ROOM_TEMPERATURE_K, Segment};

/// A synthesis technique: a representative thermal program.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Technique {
    /// Stable identifier (used in share links).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Its abbreviation, where a chart marks it.
    pub short: &'static str,
    /// Literature source of the rates and temperatures.
    pub source: &'static str,
    /// Whether the program's numbers come from the cited source.
    pub confirmed: bool,
    /// Program start temperature [K].
    pub start_k: f64,
    /// The program.
    pub segments: &'static [Segment],
}

/// A diffusing species in a host: D = D0·exp(−Ea/(R T)) over its measured range.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Material {
    /// Stable identifier (used in share links).
    pub id: &'static str,
    /// Display name, saying which D it is (tracer, interdiffusion, grain boundary).
    pub name: &'static str,
    /// Literature source.
    pub source: &'static str,
    /// Pre-exponential factor D0 [m²/s].
    pub d0_m2_per_s: f64,
    /// Whether D0 is taken from the source (false: an illustrative placeholder).
    pub d0_confirmed: bool,
    /// Activation energy Ea [J/mol].
    pub ea_j_per_mol: f64,
    /// Lowest measured temperature [K].
    pub valid_min_k: f64,
    /// Highest measured temperature [K].
    pub valid_max_k: f64,
}

/// A grain-growth law of eq. (12).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrainLaw {
    /// Stable identifier.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Literature source of the activation energy.
    pub source: &'static str,
    /// Growth exponent n.
    pub exponent: f64,
    /// Activation energy [J/mol].
    pub ea_j_per_mol: f64,
    /// Rate constant k0 [mⁿ/s]: always a placeholder here; calibrate it from a measured point.
    pub k0: f64,
}

const fn ramp(rate_k_per_s: f64, target_k: f64) -> Segment {
    Segment::Ramp {
        rate_k_per_s,
        target_k,
    }
}

const fn hold(duration_s: f64) -> Segment {
    Segment::Hold { duration_s }
}

const PER_MIN: f64 = 1.0 / 60.0;

/// The technique presets.
/// Every preset, as the scripting API's `presets()` gives them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Presets {
    /// Thermal programs of synthesis techniques.
    pub techniques: &'static [Technique],
    /// Diffusing species.
    pub materials: &'static [Material],
    /// Grain-growth laws.
    pub grain_laws: &'static [GrainLaw],
    /// The paper's synthesis routes (§3.2).
    pub routes: &'static [Route],
}

/// All presets.
pub const ALL: Presets = Presets {
    techniques: TECHNIQUES,
    materials: MATERIALS,
    grain_laws: GRAIN_LAWS,
    routes: ROUTES,
};

pub const TECHNIQUES: &[Technique] = &[
    Technique {
        id: "furnace",
        name: "Conventional furnace",
        short: "furnace",
        source: "Typical solid-state practice: 5–10 K/min, holds of hours, ~1500 K",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[
            ramp(10.0 * PER_MIN, 1500.0),
            hold(4.0 * 3600.0),
            ramp(5.0 * PER_MIN, ROOM_TEMPERATURE_K),
        ],
    },
    Technique {
        id: "sps",
        name: "Spark plasma sintering",
        short: "SPS",
        source: "Typical SPS practice: 100–1000 K/min, holds of minutes",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[
            ramp(100.0 * PER_MIN, 1500.0),
            hold(300.0),
            ramp(200.0 * PER_MIN, ROOM_TEMPERATURE_K),
        ],
    },
    Technique {
        id: "uhs",
        name: "Ultrafast high-temperature sintering",
        short: "UHS",
        source: "Wang et al., Science 2020, 368, 521: 10³–10⁴ K/min, up to ~3000 K, ~10 s",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[
            ramp(1.0e4 * PER_MIN, 2000.0),
            hold(10.0),
            ramp(1.0e4 * PER_MIN, ROOM_TEMPERATURE_K),
        ],
    },
    Technique {
        id: "cts",
        name: "Carbothermal shock",
        short: "CTS",
        source: "Yao et al., Science 2018, 359, 1489: ~2000 K for 55 ms, ~10⁵ K/s",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[
            ramp(1.0e5, 2000.0),
            hold(0.055),
            ramp(1.0e5, ROOM_TEMPERATURE_K),
        ],
    },
    Technique {
        id: "shockwave",
        name: "High-temperature shockwave",
        short: "HTS",
        source: "Yao et al., Nat. Nanotechnol. 2019: 1500–2000 K, 55 ms on, ~10× longer off, repeated",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[Segment::Pulses {
            count: 10.0,
            on_s: 0.055,
            off_s: 0.55,
            peak_k: 1800.0,
            base_k: ROOM_TEMPERATURE_K,
        }],
    },
    Technique {
        id: "programmable",
        name: "Programmable heating and quenching",
        short: "PHQ",
        source: "Dong et al., Nature 2022, 605, 470: 0.02 s on / 1.08 s off, up to ~2400 K",
        confirmed: true,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[Segment::Pulses {
            count: 100.0,
            on_s: 0.02,
            off_s: 1.08,
            peak_k: 2400.0,
            base_k: ROOM_TEMPERATURE_K,
        }],
    },
    Technique {
        id: "other",
        name: "Microwave, laser, flame, plasma, infrared, induction",
        short: "other",
        source: "No confirmed rates: an editable placeholder (100 K/s to 1500 K, 60 s hold)",
        confirmed: false,
        start_k: ROOM_TEMPERATURE_K,
        segments: &[
            ramp(100.0, 1500.0),
            hold(60.0),
            ramp(100.0, ROOM_TEMPERATURE_K),
        ],
    },
];

/// The material presets.
pub const MATERIALS: &[Material] = &[
    Material {
        id: "lacro3-ca-sr",
        name: "Ca–Sr interdiffusion in (La,Ca)CrO₃",
        source: "Solid State Ionics 1998 (interdiffusion)",
        d0_m2_per_s: 2.66e-6,
        d0_confirmed: true,
        ea_j_per_mol: 318e3,
        valid_min_k: 1173.0,
        valid_max_k: 1673.0,
    },
    Material {
        id: "lamno3-mn",
        name: "Mn tracer in LaMnO₃",
        source: "Palcut et al., J. Phys. Chem. C 2007, 111, 813: Ea = 280 ± 40 kJ/mol; D0 is a placeholder",
        d0_m2_per_s: 1.0e-6,
        d0_confirmed: false,
        ea_j_per_mol: 280e3,
        valid_min_k: 1370.0,
        valid_max_k: 1673.0,
    },
    Material {
        id: "lsf-y",
        name: "Y tracer in La₀.₉Sr₀.₁FeO₃ (bulk)",
        source: "Wærnhus et al., Solid State Ionics 2007: Ea = 168 kJ/mol; D0 is a placeholder",
        d0_m2_per_s: 1.0e-10,
        d0_confirmed: false,
        ea_j_per_mol: 168e3,
        valid_min_k: 1173.0,
        valid_max_k: 1373.0,
    },
    Material {
        id: "lsf-cr",
        name: "Cr tracer in La₀.₉Sr₀.₁FeO₃ (bulk)",
        source: "Wærnhus et al., Solid State Ionics 2007: Ea = 150 kJ/mol; D0 is a placeholder",
        d0_m2_per_s: 1.0e-11,
        d0_confirmed: false,
        ea_j_per_mol: 150e3,
        valid_min_k: 1173.0,
        valid_max_k: 1373.0,
    },
    Material {
        id: "lsf-gb",
        name: "Grain-boundary diffusion in La₀.₉Sr₀.₁FeO₃",
        source: "Wærnhus et al., Solid State Ionics 2007: ~5 orders above bulk, 128 kJ/mol; D0 is a placeholder",
        d0_m2_per_s: 1.0e-6,
        d0_confirmed: false,
        ea_j_per_mol: 128e3,
        valid_min_k: 1173.0,
        valid_max_k: 1373.0,
    },
];

/// A synthesis route of the paper's §3.2: how finely its precursors are mixed, and the
/// temperature and time it needed to give a single homogeneous phase.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// Stable identifier.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Where the temperature and time come from (the paper's references), and the mixing length.
    pub source: &'static str,
    /// Mixing length λ [m]: physics.md's typical length for this kind of mixing.
    pub mixing_length_m: f64,
    /// Synthesis temperature [K].
    pub temperature_k: f64,
    /// Synthesis time [s].
    pub time_s: f64,
}

const HOUR: f64 = 3600.0;

/// The paper's three routes to high-entropy perovskites (§3.2).
pub const ROUTES: &[Route] = &[
    Route {
        id: "solid-state",
        name: "Solid state, λ ~ 1 µm",
        source: "Paper §3.2, ref. 28: above 1200 °C, several tens of hours; λ ~ 1 µm (solid-state mixing)",
        mixing_length_m: 1e-6,
        temperature_k: 1473.15,
        time_s: 20.0 * HOUR,
    },
    Route {
        id: "template",
        name: "Template, λ ~ 10 nm",
        source: "Paper §3.2, ref. 29: 700–800 °C, 3–5 h; λ ~ 10 nm (molecular mixing, 1–50 nm)",
        mixing_length_m: 1e-8,
        temperature_k: 1023.15,
        time_s: 4.0 * HOUR,
    },
    Route {
        id: "atomic",
        name: "Atomic mixing, λ ~ 1 nm",
        source: "Paper §3.2, ref. 30 (Zhang et al.): 400 °C, 2 h; λ ~ 1 nm (atomic-level mixing)",
        mixing_length_m: 1e-9,
        temperature_k: 673.15,
        time_s: 2.0 * HOUR,
    },
];

/// The grain-growth presets.
pub const GRAIN_LAWS: &[GrainLaw] = &[
    GrainLaw {
        id: "alumina",
        name: "Alumina, normal growth (n = 2)",
        source: "Q ≈ 577–628 kJ/mol for alumina; k0 is a placeholder — calibrate from a measured point",
        exponent: 2.0,
        ea_j_per_mol: 600e3,
        k0: 1.0e4,
    },
    GrainLaw {
        id: "alumina-ca",
        name: "Ca-doped alumina, drag-limited growth (n = 3)",
        source: "Q ≈ 450 kJ/mol for Ca-doped alumina; k0 is a placeholder — calibrate from a measured point",
        exponent: 3.0,
        ea_j_per_mol: 450e3,
        k0: 1.0e-5,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrhenius::Arrhenius;
    use crate::grain::GrainGrowth;
    use crate::program::ThermalProgram;

    #[test]
    fn every_preset_is_valid_input() {
        for t in TECHNIQUES {
            let p = ThermalProgram::new(t.start_k, t.segments)
                .unwrap_or_else(|e| panic!("{}: {e}", t.id));
            assert!(p.peak_k() >= 1500.0, "{}", t.id);
        }
        for m in MATERIALS {
            Arrhenius::new("diffusion", m.d0_m2_per_s, m.ea_j_per_mol).unwrap();
            assert!(m.valid_min_k < m.valid_max_k);
            assert!(
                m.d0_confirmed || m.source.contains("placeholder"),
                "{}",
                m.id
            );
        }
        for g in GRAIN_LAWS {
            GrainGrowth::new(g.exponent, 1e-7, g.k0, g.ea_j_per_mol).unwrap();
            assert!(g.source.contains("placeholder"));
        }
    }

    #[test]
    fn carbothermal_shock_lasts_about_55_ms_at_2000_k() {
        let cts = TECHNIQUES.iter().find(|t| t.id == "cts").unwrap();
        let p = ThermalProgram::new(cts.start_k, cts.segments).unwrap();
        assert_eq!(p.peak_k(), 2000.0);
        assert!(p.duration_s() < 0.1);
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = TECHNIQUES
            .iter()
            .map(|t| t.id)
            .chain(MATERIALS.iter().map(|m| m.id))
            .collect();
        ids.extend(ROUTES.iter().map(|r| r.id));
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
