//! Plain JS objects in and out, read and built field by field (no serde: its generic code was a
//! third of the wasm module's bytes).
//!
//! Reading follows one rule for every number: whatever is not a number (a string, a boolean, an
//! object, null) reads as NaN, so that the core's validation reports it with its field path and
//! allowed range like every other bad number. Absent required fields and keys nobody reads (typos
//! such as `d0M2perS`) are errors naming the field.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::names::Named;

/// Whether `value` is absent: `undefined` or `null`.
fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A JS object being read. Every key read is remembered; [`Fields::finish`] then rejects any
/// other key and reports the first required number that was missing.
pub(super) struct Fields {
    value: JsValue,
    path: String,
    read: Vec<&'static str>,
    missing: Option<&'static str>,
}

impl Fields {
    /// The object at `path`, which must be present.
    pub(super) fn required(value: JsValue, path: &str) -> Result<Fields, JsError> {
        Fields::optional(value, path)?
            .ok_or_else(|| JsError::new(&format!("{path}: missing (required)")))
    }

    /// The object at `path`, or `None` when it is `undefined` or `null`.
    pub(super) fn optional(value: JsValue, path: &str) -> Result<Option<Fields>, JsError> {
        if absent(&value) {
            return Ok(None);
        }
        if !value.is_object() || Array::is_array(&value) {
            return Err(JsError::new(&format!("{path}: expected an object {{ … }}")));
        }
        Ok(Some(Fields {
            value,
            path: path.to_string(),
            read: Vec::new(),
            missing: None,
        }))
    }

    /// The path of field `key`, as the core's messages write it.
    pub(super) fn path_of(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The raw value of `key` (`undefined` when absent).
    pub(super) fn take(&mut self, key: &'static str) -> JsValue {
        self.read.push(key);
        Reflect::get(&self.value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A required number (NaN when it is not a number).
    pub(super) fn number(&mut self, key: &'static str) -> f64 {
        let value = self.take(key);
        if value.is_undefined() && self.missing.is_none() {
            self.missing = Some(key);
        }
        value.as_f64().unwrap_or(f64::NAN)
    }

    /// An optional number: `None` when absent or null, NaN when it is not a number.
    pub(super) fn optional_number(&mut self, key: &'static str) -> Option<f64> {
        let value = self.take(key);
        (!absent(&value)).then(|| value.as_f64().unwrap_or(f64::NAN))
    }

    /// A number with a default for when it is absent or null.
    pub(super) fn number_or(&mut self, key: &'static str, default: f64) -> f64 {
        self.optional_number(key).unwrap_or(default)
    }

    /// Rejects every key that was not read, then reports a missing required number.
    pub(super) fn finish(self) -> Result<(), JsError> {
        let object: &Object = self.value.unchecked_ref();
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !self.read.contains(&key.as_str()) {
                let known = self.read.join(", ");
                return Err(JsError::new(&format!(
                    "{}: unknown field (expected: {known})",
                    self.path_of(&key)
                )));
            }
        }
        match self.missing {
            Some(key) => Err(JsError::new(&format!(
                "{}: missing (required number)",
                self.path_of(key)
            ))),
            None => Ok(()),
        }
    }
}

/// The items of the list at `path`, each with its own path (`path[i]`).
pub(super) fn list(value: JsValue, path: &str) -> Result<Vec<(String, JsValue)>, JsError> {
    if value.is_undefined() {
        return Err(JsError::new(&format!("{path}: missing (required list)")));
    }
    let items: Array = value
        .dyn_into()
        .map_err(|_| JsError::new(&format!("{path}: expected a list [ … ]")))?;
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| (format!("{path}[{i}]"), item))
        .collect())
}

/// The value of `T` that the string `value` names.
pub(super) fn name_of<T: Named>(value: &JsValue, path: &str) -> Result<T, JsError> {
    named(path, value.as_string().as_deref())
}

/// The value of `T` called `name`; `path` says where it was given, for the message.
pub(super) fn named<T: Named>(path: &str, name: Option<&str>) -> Result<T, JsError> {
    name.and_then(T::from_name).ok_or_else(|| {
        let given = name.map_or(String::new(), |n| format!("; got \"{n}\""));
        JsError::new(&format!("{path}: expected one of {}{given}", T::choices()))
    })
}

/// A plain JS object under construction.
pub(super) struct Build(Object);

impl Build {
    pub(super) fn new() -> Build {
        Build(Object::new())
    }

    /// Sets `key` to `value`.
    pub(super) fn set(self, key: &str, value: impl Into<JsValue>) -> Build {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }

    /// Sets `key` to a number, or to null when there is none.
    pub(super) fn maybe(self, key: &str, value: Option<f64>) -> Build {
        self.set(key, value.map_or(JsValue::NULL, JsValue::from_f64))
    }

    pub(super) fn done(self) -> JsValue {
        self.0.into()
    }
}

/// A JS array of `items`.
pub(super) fn array(items: impl IntoIterator<Item = JsValue>) -> JsValue {
    items.into_iter().collect::<Array>().into()
}
