//! What crosses the wasm boundary: plain JS objects read into the core's serde structs with
//! serde-wasm-bindgen, results written back with it, and errors as JS `Error`s that carry their
//! field, value and allowed range as properties.
//!
//! A caller's object is first copied by `plainCopy` (in `plain.js`, beside this file), which
//! catches what a getter or a Proxy throws where it is thrown, so that it becomes an error naming
//! its field instead of a JS exception unwinding through Rust frames, and which refuses a list by
//! its length before any of its items is read. serde-wasm-bindgen then reads
//! the copy, which has no getters and no proxies. It reads only the fields a struct declares, so
//! [`read`] refuses the other keys itself: a key of the copy that the value read back does not
//! have is unknown. An error serde reports is placed by reading the copy again through proxies
//! that note each property read ([`serde_error`]).

use js_sys::{Array, Object, Reflect};
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::prelude::*;

use crate::error::{Bounds, InputError, limits};

/// Most items in any list (a program's segments, a sublattice's amounts).
const MAX_ITEMS: usize = limits::SEGMENT_COUNT.max as usize;
/// Most values in one argument, all lists and objects together.
const MAX_VALUES: usize = 50_000;
/// Deepest nesting of lists and objects in one argument.
const MAX_DEPTH: usize = 8;
/// Longest text in an argument (names such as "ramp" or "perMixedSite").
const MAX_TEXT: usize = 200;

/// An error for the caller: a JS `Error` whose `message` reads on its own, with properties
/// `kind`, `field` (the path in the object the caller passed, "" when not about one field),
/// `value` (when a number) and `allowed` (`{ min, max, minInclusive, unit }`, SI).
#[derive(Debug)]
pub struct ApiError {
    kind: &'static str,
    field: String,
    message: String,
    value: Option<f64>,
    allowed: Option<Bounds>,
}

impl ApiError {
    /// An error of `kind` about `field`; the message is `field: reason`.
    pub fn new(kind: &'static str, field: &str, reason: impl std::fmt::Display) -> ApiError {
        let message = if field.is_empty() {
            reason.to_string()
        } else {
            format!("{field}: {reason}")
        };
        ApiError {
            kind,
            field: field.to_string(),
            message,
            value: None,
            allowed: None,
        }
    }

    /// The same error with its field moved from under `from` to under `to` (the core names the
    /// objects of a scenario; a query's caller passed an object of another name).
    pub fn rooted(mut self, from: &str, to: &str) -> ApiError {
        let rest = if from.is_empty() {
            Some(self.field.as_str())
        } else {
            self.field.strip_prefix(from)
        };
        if let Some(rest) =
            rest.filter(|r| from.is_empty() || r.is_empty() || r.starts_with(['.', '[']))
        {
            let field = format!("{to}{}{rest}", if from.is_empty() { "." } else { "" });
            if let Some(reason) = self.message.strip_prefix(self.field.as_str()) {
                self.message = format!("{field}{reason}");
            }
            self.field = field;
        }
        self
    }
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> ApiError {
        let (kind, value, allowed) = match &e {
            InputError::NotFinite { value, allowed, .. } => ("notFinite", *value, Some(*allowed)),
            InputError::OutOfRange { value, allowed, .. } => ("outOfRange", *value, Some(*allowed)),
            InputError::Unreachable { .. } => ("unreachable", f64::NAN, None),
            _ => ("invalid", f64::NAN, None),
        };
        ApiError {
            kind,
            field: e.field().to_string(),
            message: e.to_string(),
            value: (!value.is_nan()).then_some(value),
            allowed,
        }
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> JsValue {
        let error = js_sys::Error::new(&e.message);
        let allowed = e.allowed.map_or(JsValue::UNDEFINED, |b| {
            let o = Object::new();
            for (key, value) in [
                ("min", JsValue::from_f64(b.min)),
                ("max", JsValue::from_f64(b.max)),
                ("minInclusive", JsValue::from_bool(b.min_inclusive)),
                ("unit", JsValue::from_str(b.unit)),
            ] {
                let _ = Reflect::set(&o, &key.into(), &value);
            }
            o.into()
        });
        for (key, value) in [
            ("kind", JsValue::from_str(e.kind)),
            ("field", JsValue::from_str(&e.field)),
            (
                "value",
                e.value.map_or(JsValue::UNDEFINED, JsValue::from_f64),
            ),
            ("allowed", allowed),
        ] {
            // Setting a property on a fresh Error cannot fail.
            let _ = Reflect::set(&error, &key.into(), &value);
        }
        error.into()
    }
}

#[wasm_bindgen(module = "/src/wasm/plain.js")]
extern "C" {
    /// `{ value, keysKnown }`, a plain copy of `value`, or `{ refused: { kind, field, message } }`.
    #[wasm_bindgen(js_name = plainCopy)]
    fn plain_copy(
        value: &JsValue,
        root: &str,
        type_name: &str,
        max_items: usize,
        max_values: usize,
        max_depth: usize,
        max_text: usize,
    ) -> JsValue;

    /// Remembers that the keys of the last copy made are all known.
    #[wasm_bindgen(js_name = keysKnown)]
    fn remember_keys_known();

    /// The first key of `copy` that `known` lacks, as `{ field, expected }`, or null.
    #[wasm_bindgen(js_name = unknownKey)]
    fn unknown_key(copy: &JsValue, known: &JsValue, path: &str) -> JsValue;

    /// `copy` behind proxies that note what is read of it, to place an error.
    #[wasm_bindgen(js_name = watchedCopy)]
    fn watched_copy(copy: &JsValue, root: &str) -> JsValue;

    /// Where the error of the last read of a watched copy lies, as `{ path, inList }`.
    #[wasm_bindgen(js_name = errorPath)]
    fn error_path(missing: Option<&str>, unknown: Option<&str>) -> JsValue;
}

/// Property `key` of `object` as a string ("" if it is none).
fn text_of(object: &JsValue, key: &str) -> String {
    Reflect::get(object, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A plain copy of the caller's `value`, read as a `type_name`, and whether a value of that type
/// with the same keys was read before without an unknown key; or why it was refused.
fn snapshot(value: &JsValue, root: &str, type_name: &str) -> Result<(JsValue, bool), ApiError> {
    let copied = plain_copy(
        value, root, type_name, MAX_ITEMS, MAX_VALUES, MAX_DEPTH, MAX_TEXT,
    );
    let refused = Reflect::get(&copied, &"refused".into()).unwrap_or_default();
    if refused.is_object() {
        let kind = match text_of(&refused, "kind").as_str() {
            "tooLong" => "tooLong",
            _ => "type",
        };
        let field = text_of(&refused, "field");
        return Err(ApiError::new(kind, &field, text_of(&refused, "message")));
    }
    let keys_known = Reflect::get(&copied, &"keysKnown".into()).is_ok_and(|k| k.is_truthy());
    Ok((
        Reflect::get(&copied, &"value".into()).unwrap_or_default(),
        keys_known,
    ))
}

/// The name in serde's message "`prefix` `name`…", if the message is of that form.
fn named_in<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message
        .strip_prefix(prefix)?
        .strip_prefix('`')?
        .split('`')
        .next()
}

/// An error serde reported while reading `copy`, placed where it lies by reading the copy again,
/// watched (see `plain.js`). `root` is the name the caller's object goes by in paths ("" for a
/// scenario).
fn serde_error<T: DeserializeOwned>(
    e: serde_wasm_bindgen::Error,
    copy: &JsValue,
    root: &str,
) -> ApiError {
    let message = e.to_string();
    // serde-wasm-bindgen's errors are JS Errors, whose text starts with their name.
    let message = message.strip_prefix("Error: ").unwrap_or(&message);
    let readable = message.replace('`', "\"");
    let missing = named_in(message, "missing field ");
    let unknown = named_in(message, "unknown field ");
    // Read again the same way, it fails at the same place, noting its way there.
    let _ = T::deserialize(serde_wasm_bindgen::Deserializer::from(watched_copy(
        copy, root,
    )));
    let found = error_path(missing, unknown);
    let path = text_of(&found, "path");
    let in_list = Reflect::get(&found, &"inList".into()).is_ok_and(|v| v.is_truthy());
    let name = match path.as_str() {
        "" => "scenario",
        p => p,
    };
    if missing.is_some() && in_list {
        return ApiError::new("type", name, "expected an object { … }");
    }
    if missing.is_some() {
        return ApiError::new("missing", name, "missing (required)");
    }
    if let Some(field) = unknown {
        let prefix = format!("unknown field \"{field}\", expected ");
        let expected = readable.strip_prefix(prefix.as_str()).unwrap_or("");
        return ApiError::new(
            "unknownField",
            name,
            format_args!("unknown field (expected {expected})"),
        );
    }
    // A list is read through the JS iteration protocol, which a number does not have.
    if message.starts_with("TypeError") {
        return ApiError::new("type", name, "expected a list [ … ]");
    }
    if message.starts_with("invalid type") {
        // "invalid type: map, expected a sequence": what was expected follows the last comma.
        let expected = message.rsplit(',').next().unwrap_or("").trim_start();
        let shape = if expected.starts_with("expected a sequence") {
            "expected a list [ … ]"
        } else if expected.starts_with("expected struct") {
            "expected an object { … }"
        } else {
            readable.as_str()
        };
        return ApiError::new("type", name, shape);
    }
    ApiError::new("invalid", name, readable)
}

/// Refuses every key of `copy` that `known` (the value read, written back) lacks.
fn refuse_unknown_keys(copy: &JsValue, known: &JsValue, root: &str) -> Result<(), ApiError> {
    let found = unknown_key(copy, known, root);
    if found.is_null() {
        return Ok(());
    }
    Err(ApiError::new(
        "unknownField",
        &text_of(&found, "field"),
        format_args!("unknown field (expected {})", text_of(&found, "expected")),
    ))
}

/// Reads the caller's object `value` as a `T`. `root` names it in error paths ("" for a
/// scenario, whose paths start at its parts: `diffusion.eaJPerMol`).
pub fn read<T: DeserializeOwned + Serialize>(value: &JsValue, root: &str) -> Result<T, ApiError> {
    let name = if root.is_empty() { "scenario" } else { root };
    if value.is_undefined() {
        return Err(ApiError::new("missing", name, "missing (required)"));
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(ApiError::new("type", name, "expected an object { … }"));
    }
    let (copy, keys_known) = snapshot(value, root, std::any::type_name::<T>())?;
    let read = T::deserialize(serde_wasm_bindgen::Deserializer::from(copy.clone()))
        .map_err(|e| serde_error::<T>(e, &copy, root))?;
    if !keys_known {
        let known =
            serde_wasm_bindgen::to_value(&read).map_err(|e| ApiError::new("invalid", name, e))?;
        refuse_unknown_keys(&copy, &known, root)?;
        remember_keys_known();
    }
    Ok(read)
}

/// A number argument: a JS number, nothing else (no string that looks like one).
pub fn number(value: &JsValue, field: &str) -> Result<f64, ApiError> {
    value
        .as_f64()
        .ok_or_else(|| ApiError::new("type", field, "expected a number"))
}

/// `value` as a plain JS object; absent parts (`None`) are `null`.
pub fn write(value: &impl Serialize) -> JsValue {
    let out = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    // The core's results are plain structs of numbers, strings and lists: they always serialize.
    value.serialize(&out).unwrap_or(JsValue::NULL)
}

/// The value of `T` called `name`; `what` names the argument in the message.
pub fn named<T: crate::names::Named>(what: &str, name: &str) -> Result<T, ApiError> {
    T::from_name(name).ok_or_else(|| ApiError::new("invalid", what, T::refusal(name)))
}
