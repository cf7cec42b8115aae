//! What crosses the wasm boundary: plain JS objects read into the core's serde structs with
//! serde-wasm-bindgen, results written back with it, and errors as JS `Error`s that carry their
//! field, value and allowed range as properties.
//!
//! A caller's object is first copied by [`snapshot`], through the JS APIs that catch what they
//! throw (`Reflect.get`, `Reflect.ownKeys`), so that a getter or a Proxy that throws becomes an
//! error naming its field instead of a JS exception unwinding through Rust frames, and so that a
//! list is refused by its length before any of its items is read. serde-wasm-bindgen then reads
//! the copy, which has no getters and no proxies. It reads only the fields a struct declares, so
//! [`read`] refuses the other keys itself: a key of the copy that the value read back does not
//! have is unknown.

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
/// Longest piece of a caller's text quoted back in a message.
const QUOTED_CHARS: usize = 24;

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
        if let Some(rest) = rest.filter(|r| from.is_empty() || r.starts_with(['.', '['])) {
            let field = format!("{to}{}{rest}", if from.is_empty() { "." } else { "" });
            self.message = self.message.replacen(&self.field, &field, 1);
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

/// `text` quoted for a message: at most a few characters of it.
fn quoted(text: &str) -> String {
    let short: String = text.chars().take(QUOTED_CHARS).collect();
    let more = if text.chars().count() > QUOTED_CHARS {
        "…"
    } else {
        ""
    };
    format!("\"{short}{more}\"")
}

/// `parent.key` or `key`.
fn join(parent: &str, key: &str) -> String {
    match (parent.is_empty(), key.starts_with('[')) {
        (true, _) | (_, true) => format!("{parent}{key}"),
        _ => format!("{parent}.{key}"),
    }
}

/// A plain copy of `value` made through catching reads, refusing what is too large or deep.
fn snapshot(
    value: &JsValue,
    path: &str,
    depth: usize,
    values: &mut usize,
) -> Result<JsValue, ApiError> {
    *values += 1;
    let too_large = || {
        ApiError::new(
            "tooLong",
            path,
            format_args!("too large: more than {MAX_VALUES} values"),
        )
    };
    if *values > MAX_VALUES {
        return Err(too_large());
    }
    if let Some(text) = value.as_string() {
        if text.len() > MAX_TEXT {
            return Err(ApiError::new(
                "tooLong",
                path,
                format_args!("text longer than {MAX_TEXT} characters"),
            ));
        }
        return Ok(value.clone());
    }
    if !value.is_object() {
        if value.is_function() || value.is_symbol() {
            return Err(ApiError::new(
                "type",
                path,
                "expected plain data, got a function or a symbol",
            ));
        }
        return Ok(value.clone());
    }
    if value.is_function() {
        return Err(ApiError::new(
            "type",
            path,
            "expected plain data, got a function",
        ));
    }
    if depth >= MAX_DEPTH {
        return Err(ApiError::new(
            "tooLong",
            path,
            format_args!("nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    let unreadable = |at: &str, e: JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        ApiError::new(
            "type",
            at,
            format_args!("could not be read ({})", quoted(&why)),
        )
    };
    if Array::is_array(value) {
        let length = Reflect::get(value, &"length".into()).map_err(|e| unreadable(path, e))?;
        let length = length.as_f64().unwrap_or(f64::NAN);
        if length.is_nan() || length > MAX_ITEMS as f64 {
            return Err(ApiError::new(
                "tooLong",
                path,
                format_args!("at most {MAX_ITEMS} items; got {length}"),
            ));
        }
        let copy = Array::new();
        for i in 0..length as u32 {
            let at = format!("{path}[{i}]");
            let item = Reflect::get_u32(value, i).map_err(|e| unreadable(&at, e))?;
            copy.push(&snapshot(&item, &at, depth + 1, values)?);
        }
        return Ok(copy.into());
    }
    let keys = Reflect::own_keys(value).map_err(|e| unreadable(path, e))?;
    if keys.length() as usize > MAX_ITEMS {
        return Err(ApiError::new(
            "tooLong",
            path,
            format_args!("at most {MAX_ITEMS} keys"),
        ));
    }
    let copy = Object::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let at = join(path, &name);
        let item = Reflect::get(value, &key).map_err(|e| unreadable(&at, e))?;
        let _ = Reflect::set(&copy, &key, &snapshot(&item, &at, depth + 1, values)?);
    }
    Ok(copy.into())
}

/// The value at serde path `path` in `root`, if there is one.
fn at_path(root: &JsValue, path: &serde_path_to_error::Path) -> JsValue {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(root.clone(), |value, segment| match segment {
            Segment::Seq { index } => Reflect::get_u32(&value, *index as u32).unwrap_or_default(),
            Segment::Map { key } => Reflect::get(&value, &key.into()).unwrap_or_default(),
            _ => value,
        })
}

/// The name in serde's message "`prefix` `name`…", if the message is of that form.
fn named_in<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message
        .strip_prefix(prefix)?
        .strip_prefix('`')?
        .split('`')
        .next()
}

/// An error serde reported at `path` of `copy` as the caller sees it (`root` is the name the
/// caller's object goes by in paths, "" for a scenario).
fn serde_error(
    e: serde_path_to_error::Error<serde_wasm_bindgen::Error>,
    copy: &JsValue,
    root: &str,
) -> ApiError {
    let segments = e.path().iter().count();
    let here = match segments {
        0 => root.to_string(),
        _ => join(root, &e.path().to_string()),
    };
    let name = if here.is_empty() {
        "scenario"
    } else {
        here.as_str()
    };
    let message = e.inner().to_string();
    // serde-wasm-bindgen's errors are JS Errors, whose text starts with their name.
    let message = message.strip_prefix("Error: ").unwrap_or(&message);
    let readable = message.replace('`', "\"");
    if Array::is_array(&at_path(copy, e.path())) && message.starts_with("missing field") {
        return ApiError::new("type", name, "expected an object { … }");
    }
    if let Some(field) = named_in(message, "missing field ") {
        return ApiError::new("missing", &join(&here, field), "missing (required)");
    }
    if let Some(field) = named_in(message, "unknown field ") {
        let expected = readable.split_once(", expected ").map_or("", |(_, e)| e);
        return ApiError::new(
            "unknownField",
            &join(&here, field),
            format_args!("unknown field (expected {expected})"),
        );
    }
    // A list is read through the JS iteration protocol, which a number does not have.
    if message.starts_with("TypeError") {
        return ApiError::new("type", name, "expected a list [ … ]");
    }
    if message.starts_with("invalid type") {
        let shape = if message.contains("expected a sequence") {
            "expected a list [ … ]"
        } else if message.contains("expected struct") {
            "expected an object { … }"
        } else {
            readable.as_str()
        };
        return ApiError::new("type", name, shape);
    }
    ApiError::new("invalid", name, readable)
}

/// Refuses every key of `copy` that `known` (the value read, written back) lacks.
fn refuse_unknown_keys(copy: &JsValue, known: &JsValue, path: &str) -> Result<(), ApiError> {
    if !copy.is_object() || !known.is_object() {
        return Ok(());
    }
    if Array::is_array(copy) {
        for (i, item) in Array::from(copy).iter().enumerate() {
            let known = Reflect::get_u32(known, i as u32).unwrap_or_default();
            refuse_unknown_keys(&item, &known, &format!("{path}[{i}]"))?;
        }
        return Ok(());
    }
    for key in Object::keys(copy.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let at = join(path, &name);
        if !Reflect::has(known, &key).unwrap_or(false) {
            let expected: Vec<String> = Object::keys(known.unchecked_ref::<Object>())
                .iter()
                .filter_map(|k| k.as_string())
                .map(|k| format!("\"{k}\""))
                .collect();
            let field = join(path, &quoted(&name).replace('"', ""));
            return Err(ApiError::new(
                "unknownField",
                &field,
                format_args!("unknown field (expected {})", expected.join(", ")),
            ));
        }
        let (item, known) = (
            Reflect::get(copy, &key).unwrap_or_default(),
            Reflect::get(known, &key).unwrap_or_default(),
        );
        refuse_unknown_keys(&item, &known, &at)?;
    }
    Ok(())
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
    let copy = snapshot(value, root, 0, &mut 0)?;
    let read: T =
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(copy.clone()))
            .map_err(|e| serde_error(e, &copy, root))?;
    let known =
        serde_wasm_bindgen::to_value(&read).map_err(|e| ApiError::new("invalid", name, e))?;
    refuse_unknown_keys(&copy, &known, root)?;
    Ok(read)
}

/// A number argument: a JS number, nothing else (no string that looks like one).
pub fn number(value: &JsValue, field: &str) -> Result<f64, ApiError> {
    value
        .as_f64()
        .ok_or_else(|| ApiError::new("type", field, "expected a number"))
}

/// An optional number argument: `undefined` or `null` is `None`.
pub fn optional_number(value: &JsValue, field: &str) -> Result<Option<f64>, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    number(value, field).map(Some)
}

/// `value` as a plain JS object; absent parts (`None`) are `null`.
pub fn write(value: &impl Serialize) -> JsValue {
    let out = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    // The core's results are plain structs of numbers, strings and lists: they always serialize.
    value.serialize(&out).unwrap_or(JsValue::NULL)
}

/// The value of `T` called `name`; `what` names the argument in the message.
pub fn named<T: crate::names::Named>(what: &str, name: &str) -> Result<T, ApiError> {
    T::from_name(name).ok_or_else(|| {
        ApiError::new(
            "invalid",
            what,
            format_args!("expected one of {}; got {}", T::choices(), quoted(name)),
        )
    })
}
