//! T(t) of the thermal program.

use super::Scale;
use crate::scenario::{Column, TEMPERATURE};

/// The curve it draws against time, and its axis's scale.
pub(super) const CURVE: (&Column, Scale) = (TEMPERATURE, Scale::Linear);

/// Its caption.
pub(super) const CAPTION: &str = "Temperature T(t)";

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[TEMPERATURE];
