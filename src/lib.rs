//! # synthesis-kinetics
//!
//! The kinetic core of the synthesis-kinetics calculator: the flux–driving-force theory of
//! Meng et al., *Mater. Horiz.* 2023, 10, 5343 (DOI 10.1039/d3mh01302b), made exact over real
//! thermal programs. Pure Rust, SI units throughout; the one wasm boundary is [`wasm`] (built only
//! for `wasm32`), and charts draw on any plotters backend in [`charts`].

pub mod arrhenius;
pub mod charts;
pub mod display;
pub mod error;
pub mod expint;
pub mod fit;
pub mod flux;
pub mod grain;
pub mod homogenisation;
pub mod input;
pub mod mixing;
pub mod names;
pub mod presets;
pub mod program;
pub mod report;
pub mod scenario;
pub mod units;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
