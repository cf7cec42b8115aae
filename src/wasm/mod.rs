//! The wasm boundary, the only `#[wasm_bindgen]` code in the crate: the scripting API (`api`; the
//! questions the page does not ask in `scripting`), the page's calculator (`calculator`) and its
//! drawing (`render`), over the reading, writing and errors of `boundary`. Inputs arrive as plain
//! JS objects with SI units in every name and are validated by the core; errors come back as JS
//! `Error`s naming the field, value and range.

mod api;
mod boundary;
mod calculator;
mod render;
#[cfg(feature = "scripting")]
mod scripting;

pub use api::*;
pub use calculator::Calculator;
#[cfg(feature = "scripting")]
pub use scripting::*;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}
