//! Plain JS objects and arrays built field by field: the API results and event details. Built by
//! hand rather than through serde so no serializer is carried in the wasm; fields keep the order and
//! JSON shapes the serde derives give natively (`None` is `null`, enums are their snake_case names).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object)]
    type Fields;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Fields, key: &str, value: JsValue);
}

/// An object under construction; each setter adds one property, in call order.
pub struct Obj(Fields);

impl Obj {
    pub fn new() -> Obj {
        Obj(js_sys::Object::new().unchecked_into())
    }

    /// Out of line so every field is one small call.
    #[inline(never)]
    pub fn val(&self, key: &str, value: JsValue) -> &Obj {
        self.0.set(key, value);
        self
    }

    pub fn str(&self, key: &str, value: &str) -> &Obj {
        self.val(key, JsValue::from_str(value))
    }

    /// `null` for `None`, like serde's JSON.
    pub fn opt(&self, key: &str, value: Option<&str>) -> &Obj {
        self.val(key, value.map_or(JsValue::NULL, JsValue::from_str))
    }

    pub fn num(&self, key: &str, value: f64) -> &Obj {
        self.val(key, JsValue::from_f64(value))
    }

    pub fn bool(&self, key: &str, value: bool) -> &Obj {
        self.val(key, JsValue::from_bool(value))
    }

    pub fn strs<'a>(&self, key: &str, items: impl IntoIterator<Item = &'a str>) -> &Obj {
        self.val(key, str_array(items))
    }

    pub fn into_js(self) -> JsValue {
        self.0.into()
    }
}

/// A JS array of strings.
pub fn str_array<'a>(items: impl IntoIterator<Item = &'a str>) -> JsValue {
    array(items.into_iter().map(JsValue::from_str))
}

/// A JS array of values.
pub fn array(items: impl IntoIterator<Item = JsValue>) -> JsValue {
    let array = js_sys::Array::new();
    for item in items {
        array.push(&item);
    }
    array.into()
}
