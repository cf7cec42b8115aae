//! The diffusion length L = √(D0·I) against time, in the reader's length unit; the
//! transported amount Q and the homogenisation residual are read out beside it.

use super::Scale;
use crate::scenario::{AMOUNT, Column, DIFFUSION_LENGTH, RESIDUAL};

/// The curve it draws against time, and its axis's scale.
pub(super) const CURVE: (&Column, Scale) = (DIFFUSION_LENGTH, Scale::Log10);

/// Its caption.
pub(super) const CAPTION: &str = "Diffusion length L(t) = √(D₀·I(t))";

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[DIFFUSION_LENGTH, AMOUNT, RESIDUAL];
