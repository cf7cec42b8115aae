//! The plain-data forms of the inputs written as `{ kind, … }`: a thermal program's segments and
//! the mixing spec. Each is read as a flat struct (its kind and the fields of every kind) and then
//! turned into its enum, refusing a field its kind does not take and naming one it lacks. (Flat
//! structs read in one pass; serde's internally tagged enums buffer their input, which cost 11 KB
//! of the gzip-compressed wasm.)

use serde::{Deserialize, Serialize};

use super::given_number as given;
use crate::mixing::{EntropyBasis, Sublattice};
use crate::names::Named;
use crate::program::Segment;
use crate::scenario::MixingSpec;

/// Whether a field is absent, and so not written.
fn none(field: &Option<f64>) -> bool {
    field.is_none()
}

/// The error of a tagged object without its kind, in serde's words.
const MISSING_KIND: &str = "missing field `kind`";

/// The error of a tagged object (`{ kind, … }`) that lacks a field its kind needs, or has one
/// it does not take, in serde's words, so that it reads like serde's own errors.
fn check_kind_fields<T>(
    given: &[(&'static str, Option<T>)],
    takes: &[&'static str],
) -> Result<(), String> {
    if let Some((name, _)) = given
        .iter()
        .find(|(name, value)| value.is_some() && !takes.contains(name))
    {
        let expected: Vec<String> = takes.iter().map(|t| format!("`{t}`")).collect();
        return Err(format!(
            "unknown field `{name}`, expected {}",
            expected.join(", ")
        ));
    }
    match given
        .iter()
        .find(|(name, value)| value.is_none() && takes.contains(name))
    {
        Some((name, _)) => Err(format!("missing field `{name}`")),
        None => Ok(()),
    }
}

/// The kinds of segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// [`Segment::Ramp`].
    Ramp,
    /// [`Segment::Hold`].
    Hold,
    /// [`Segment::Pulses`].
    Pulses,
}

impl Named for SegmentKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("ramp", SegmentKind::Ramp),
        ("hold", SegmentKind::Hold),
        ("pulses", SegmentKind::Pulses),
    ];
}

crate::serde_by_name!(SegmentKind);

/// A segment as plain data: its kind and the fields of that kind.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct SegmentFields {
    kind: Option<SegmentKind>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    rate_k_per_s: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    target_k: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    duration_s: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    count: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    on_s: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    off_s: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    peak_k: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    base_k: Option<f64>,
}

impl TryFrom<SegmentFields> for Segment {
    type Error = String;

    fn try_from(f: SegmentFields) -> Result<Segment, String> {
        let given = [
            ("rateKPerS", f.rate_k_per_s),
            ("targetK", f.target_k),
            ("durationS", f.duration_s),
            ("count", f.count),
            ("onS", f.on_s),
            ("offS", f.off_s),
            ("peakK", f.peak_k),
            ("baseK", f.base_k),
        ];
        let kind = f.kind.ok_or(MISSING_KIND)?;
        let takes: &[&str] = match kind {
            SegmentKind::Ramp => &["rateKPerS", "targetK"],
            SegmentKind::Hold => &["durationS"],
            SegmentKind::Pulses => &["count", "onS", "offS", "peakK", "baseK"],
        };
        check_kind_fields(&given, takes)?;
        let v = |field: Option<f64>| field.unwrap_or(f64::NAN);
        Ok(match kind {
            SegmentKind::Ramp => Segment::Ramp {
                rate_k_per_s: v(f.rate_k_per_s),
                target_k: v(f.target_k),
            },
            SegmentKind::Hold => Segment::Hold {
                duration_s: v(f.duration_s),
            },
            SegmentKind::Pulses => Segment::Pulses {
                count: v(f.count),
                on_s: v(f.on_s),
                off_s: v(f.off_s),
                peak_k: v(f.peak_k),
                base_k: v(f.base_k),
            },
        })
    }
}

impl From<Segment> for SegmentFields {
    fn from(segment: Segment) -> SegmentFields {
        match segment {
            Segment::Ramp {
                rate_k_per_s,
                target_k,
            } => SegmentFields {
                kind: Some(SegmentKind::Ramp),
                rate_k_per_s: Some(rate_k_per_s),
                target_k: Some(target_k),
                ..Default::default()
            },
            Segment::Hold { duration_s } => SegmentFields {
                kind: Some(SegmentKind::Hold),
                duration_s: Some(duration_s),
                ..Default::default()
            },
            Segment::Pulses {
                count,
                on_s,
                off_s,
                peak_k,
                base_k,
            } => SegmentFields {
                kind: Some(SegmentKind::Pulses),
                count: Some(count),
                on_s: Some(on_s),
                off_s: Some(off_s),
                peak_k: Some(peak_k),
                base_k: Some(base_k),
                ..Default::default()
            },
        }
    }
}

/// The two ways of giving G.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixingKind {
    /// [`MixingSpec::Direct`].
    Direct,
    /// [`MixingSpec::Entropy`].
    Entropy,
}

impl Named for MixingKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("direct", MixingKind::Direct),
        ("entropy", MixingKind::Entropy),
    ];
}

crate::serde_by_name!(MixingKind);

/// A mixing spec as plain data: its kind and the fields of that kind.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct MixingFields {
    kind: Option<MixingKind>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    g_j_per_k_mol_m: Option<f64>,
    #[serde(deserialize_with = "given", skip_serializing_if = "none")]
    length_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sublattices: Option<Vec<Sublattice>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<EntropyBasis>,
}

impl TryFrom<MixingFields> for MixingSpec {
    type Error = String;

    fn try_from(f: MixingFields) -> Result<MixingSpec, String> {
        let given = [
            ("gJPerKMolM", f.g_j_per_k_mol_m.map(|_| ())),
            ("lengthM", f.length_m.map(|_| ())),
            ("sublattices", f.sublattices.as_ref().map(|_| ())),
            ("basis", f.basis.map(|_| ())),
        ];
        Ok(match f.kind.ok_or(MISSING_KIND)? {
            MixingKind::Direct => {
                check_kind_fields(&given, &["gJPerKMolM"])?;
                MixingSpec::Direct {
                    g_j_per_k_mol_m: f.g_j_per_k_mol_m.unwrap_or(f64::NAN),
                }
            }
            MixingKind::Entropy => {
                check_kind_fields(&given, &["lengthM", "sublattices", "basis"])?;
                MixingSpec::Entropy {
                    length_m: f.length_m.unwrap_or(f64::NAN),
                    sublattices: f.sublattices.unwrap_or_default(),
                    basis: f.basis.unwrap_or(EntropyBasis::PerMixedSite),
                }
            }
        })
    }
}

impl From<MixingSpec> for MixingFields {
    fn from(spec: MixingSpec) -> MixingFields {
        match spec {
            MixingSpec::Direct { g_j_per_k_mol_m } => MixingFields {
                kind: Some(MixingKind::Direct),
                g_j_per_k_mol_m: Some(g_j_per_k_mol_m),
                ..Default::default()
            },
            MixingSpec::Entropy {
                length_m,
                sublattices,
                basis,
            } => MixingFields {
                kind: Some(MixingKind::Entropy),
                length_m: Some(length_m),
                sublattices: Some(sublattices),
                basis: Some(basis),
                ..Default::default()
            },
        }
    }
}
