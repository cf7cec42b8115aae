//! Grain size d(t) of eq. (12) under the program.

use super::Scale;
use crate::scenario::{Column, GRAIN_SIZE};

/// The curve it draws against time, and its axis's scale.
pub(super) const CURVE: (&Column, Scale) = (GRAIN_SIZE, Scale::Linear);

/// Its caption.
pub(super) const CAPTION: &str = "Grain size d(t) = (d₀ⁿ + k₀·I_g)^(1/n), eq. (12)";

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[GRAIN_SIZE];
