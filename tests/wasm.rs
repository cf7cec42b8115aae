//! The wasm facade in a real browser (headless Chromium): the scripting API with JS objects and
//! JS `Error`s (with their field, value and range), hostile callers, and the calculator drawing
//! on real `<canvas>` elements.
#![cfg(target_arch = "wasm32")]

use js_sys::{Float64Array, JSON, Reflect};
use synthesis_kinetics::wasm::{
    Calculator, arrhenius_integral, configurational_entropy_js, evaluate_scenario, fit_arrhenius,
    fit_diffusion_lengths, fit_grain_growth, flux_at, grain_size_after, presets, to_si,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

wasm_bindgen_test_configure!(run_in_browser);

const SCENARIO: &str = r#"{
  "program": { "startK": 298.15, "segments": [
    { "kind": "ramp", "rateKPerS": 100000, "targetK": 2000 },
    { "kind": "hold", "durationS": 0.055 },
    { "kind": "ramp", "rateKPerS": 100000, "targetK": 298.15 } ] },
  "diffusion": { "d0M2PerS": 2.66e-6, "eaJPerMol": 318000, "concentrationMolPerM3": 10000,
                 "validMinK": 1173, "validMaxK": 1673 },
  "mixing": { "kind": "entropy", "lengthM": 1e-8, "basis": "perMixedSite",
              "sublattices": [ { "sitesPerFormulaUnit": 1, "amounts": [1, 1, 1, 1, 1] } ] },
  "grainGrowth": { "exponent": 2, "d0M": 1e-7, "k0": 10000, "eaJPerMol": 600000 },
  "homogenisation": { "wavelengthM": 1e-8, "targetResidual": 0.01 },
  "sampling": { "points": 400, "scale": "linear", "decades": 6 }
}"#;

fn scenario() -> JsValue {
    JSON::parse(SCENARIO).unwrap()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

fn error_message(e: impl Into<JsValue>) -> String {
    let value: JsValue = e.into();
    assert!(
        value.is_instance_of::<js_sys::Error>(),
        "errors are JS Error objects"
    );
    String::from(value.unchecked_into::<js_sys::Error>().message())
}

#[wasm_bindgen_test]
fn evaluate_returns_summary_and_typed_arrays() {
    let out = evaluate_scenario(scenario()).unwrap();
    let curves = get(&out, "curves");
    let time: Float64Array = get(&curves, "timeS").dyn_into().unwrap();
    let temp: Float64Array = get(&curves, "temperatureK").dyn_into().unwrap();
    assert!(time.length() >= 400);
    assert_eq!(time.length(), temp.length());
    // The curves are views of one buffer: each starts where it should and none overlaps another.
    assert_eq!(time.get_index(0), 0.0);
    assert_eq!(temp.get_index(0), 298.15);
    assert_eq!(temp.get_index(temp.length() - 1), 298.15);
    let grain: Float64Array = get(&curves, "grainSizeM").dyn_into().unwrap();
    assert_eq!(grain.length(), time.length());
    assert!((grain.get_index(0) - 1e-7).abs() < 1e-12);
    time.set_index(time.length() - 1, f64::NAN);
    assert_eq!(temp.get_index(temp.length() - 1), 298.15);
    let summary = get(&out, "summary");
    assert_eq!(get(&summary, "peakK").as_f64(), Some(2000.0));
    let entropy = get(&summary, "entropyJPerMolK").as_f64().unwrap();
    assert!((entropy - 13.381).abs() < 1e-3);
}

#[wasm_bindgen_test]
fn bad_values_come_back_as_errors_naming_the_field() {
    let s = scenario();
    let seg0 = get(&get(&get(&s, "program"), "segments"), "0");
    Reflect::set(&seg0, &"rateKPerS".into(), &JsValue::from_f64(-5.0)).unwrap();
    let msg = error_message(evaluate_scenario(s).unwrap_err());
    assert!(msg.contains("program.segments[0].rateKPerS"), "{msg}");
    assert!(msg.contains("K/s"), "{msg}");
}

#[wasm_bindgen_test]
fn wrong_types_and_unknown_fields_are_named() {
    let s = scenario();
    Reflect::set(&get(&s, "diffusion"), &"eaJPerMol".into(), &"lots".into()).unwrap();
    let msg = error_message(evaluate_scenario(s).unwrap_err());
    assert!(msg.contains("diffusion.eaJPerMol"), "{msg}");
    let s = scenario();
    Reflect::set(
        &get(&s, "diffusion"),
        &"d0M2perS".into(),
        &JsValue::from_f64(1.0),
    )
    .unwrap();
    let msg = error_message(evaluate_scenario(s).unwrap_err());
    assert!(msg.contains("d0M2perS"), "{msg}");
}

/// `scenario()` with `from` replaced by `to` in its JSON text (which must contain `from`).
fn edited(from: &str, to: &str) -> JsValue {
    assert!(SCENARIO.contains(from), "{from}");
    JSON::parse(&SCENARIO.replacen(from, to, 1)).unwrap()
}

#[wasm_bindgen_test]
fn a_non_number_anywhere_is_reported_by_validation_with_its_field_and_range() {
    for (from, to, field) in [
        (
            "\"eaJPerMol\": 318000",
            "\"eaJPerMol\": \"lots\"",
            "diffusion.eaJPerMol",
        ),
        (
            "\"targetResidual\": 0.01",
            "\"targetResidual\": [1]",
            "homogenisation.targetResidual",
        ),
        (
            "\"wavelengthM\": 1e-8",
            "\"wavelengthM\": {\"a\": 1}",
            "homogenisation.wavelengthM",
        ),
        (
            "\"amounts\": [1, 1",
            "\"amounts\": [true, 1",
            "mixing.sublattices[0].amounts",
        ),
        (
            "\"validMinK\": 1173",
            "\"validMinK\": \"x\"",
            "diffusion.validMinK",
        ),
        (
            "\"targetK\": 2000",
            "\"targetK\": null",
            "program.segments[0].targetK",
        ),
        ("\"points\": 400", "\"points\": false", "sampling.points"),
    ] {
        let msg = error_message(evaluate_scenario(edited(from, to)).unwrap_err());
        assert!(msg.starts_with(field), "{to}: {msg}");
        assert!(
            msg.contains("finite") || msg.contains("range"),
            "{to}: {msg}"
        );
    }
}

#[wasm_bindgen_test]
fn the_shape_of_a_scenario_is_checked_with_the_path_of_each_problem() {
    for (from, to, start) in [
        ("\"d0M2PerS\": 2.66e-6, ", "", "diffusion.d0M2PerS: missing"),
        (
            "\"targetResidual\": 0.01",
            "\"targetResidual\": 0.01, \"extra\": 1",
            "homogenisation.extra: unknown field (expected \"wavelengthM\", \"targetResidual\")",
        ),
        (
            "{ \"kind\": \"hold\",",
            "{ \"kind\": \"soak\",",
            "program.segments[1].kind: expected one of",
        ),
        (
            "{ \"kind\": \"hold\",",
            "{",
            "program.segments[1].kind: missing",
        ),
        (
            "{ \"kind\": \"hold\",",
            "{ \"kind\": null,",
            "program.segments[1].kind: missing",
        ),
        (
            "\"durationS\": 0.055",
            "\"durationS\": 0.055, \"targetK\": 1",
            "program.segments[1].targetK: unknown field",
        ),
        (
            "\"segments\": [",
            "\"x\": 3, \"segments\": [",
            "program.x: unknown field",
        ),
        (
            "\"segments\": [",
            "\"segments\": 3, \"x\": [",
            "program.segments: expected a list",
        ),
        (
            "\"kind\": \"entropy\"",
            "\"kind\": \"given\"",
            "mixing.kind: expected one of",
        ),
        (
            "\"perMixedSite\"",
            "\"perSite\"",
            "mixing.basis: expected one of \"perFormulaUnit\", \"perMixedSite\"",
        ),
        (
            "\"scale\": \"linear\"",
            "\"scale\": 2",
            "sampling.scale: expected one of",
        ),
    ] {
        let msg = error_message(evaluate_scenario(edited(from, to)).unwrap_err());
        assert!(msg.starts_with(start), "{to}: {msg}");
    }
    let list = edited(
        "\"homogenisation\": { \"wavelengthM\": 1e-8, \"targetResidual\": 0.01 }",
        "\"homogenisation\": [1e-8, 0.01]",
    );
    let msg = error_message(evaluate_scenario(list).unwrap_err());
    assert!(
        msg.starts_with("homogenisation: expected an object"),
        "{msg}"
    );
    let msg = error_message(evaluate_scenario(JsValue::from_str("scenario")).unwrap_err());
    assert!(msg.starts_with("scenario: expected an object"), "{msg}");
    let msg = error_message(evaluate_scenario(JsValue::UNDEFINED).unwrap_err());
    assert!(msg.starts_with("scenario: missing"), "{msg}");
}

#[wasm_bindgen_test]
fn optional_parts_default_when_absent_or_null() {
    // Without a measured range nothing is extrapolated; one bound alone leaves the other open.
    let no_range = edited(
        "\"validMinK\": 1173, \"validMaxK\": 1673",
        "\"validMinK\": null",
    );
    let out = evaluate_scenario(no_range).unwrap();
    assert!(get(&get(&out, "summary"), "extrapolatedFraction").is_null());
    let out = evaluate_scenario(edited("\"validMinK\": 1173", "\"validMinK\": null")).unwrap();
    let share = get(&get(&out, "summary"), "extrapolatedFraction")
        .as_f64()
        .unwrap();
    assert!((0.0..=1.0).contains(&share));
    let out = evaluate_scenario(edited(
        "\"grainGrowth\": { \"exponent\": 2, \"d0M\": 1e-7, \"k0\": 10000, \"eaJPerMol\": 600000 },",
        "\"grainGrowth\": null,",
    ))
    .unwrap();
    assert!(get(&get(&out, "summary"), "grainSizeM").is_null());
    // No sampling: 600 linear base points; a partial one keeps the other defaults.
    let out = evaluate_scenario(edited(
        ",\n  \"sampling\": { \"points\": 400, \"scale\": \"linear\", \"decades\": 6 }",
        "",
    ))
    .unwrap();
    let n = get(&get(&out, "curves"), "timeS")
        .unchecked_into::<Float64Array>()
        .length();
    assert!((600..700).contains(&n), "{n}");
    let out = evaluate_scenario(edited(
        "\"points\": 400, \"scale\": \"linear\", \"decades\": 6",
        "\"scale\": \"log\"",
    ))
    .unwrap();
    let time: Float64Array = get(&get(&out, "curves"), "timeS").dyn_into().unwrap();
    assert!(time.get_index(2) / time.get_index(1) > 1.01, "log spacing");
    // No start temperature: room temperature.
    let out = evaluate_scenario(edited("\"startK\": 298.15, ", "")).unwrap();
    let temp: Float64Array = get(&get(&out, "curves"), "temperatureK")
        .dyn_into()
        .unwrap();
    assert_eq!(temp.get_index(0), 298.15);
}

#[wasm_bindgen_test]
fn direct_functions() {
    let program =
        JSON::parse(r#"{"startK": 1200, "segments": [{"kind": "hold", "durationS": 100}]}"#)
            .unwrap();
    let r = arrhenius_integral(program, 300e3.into(), JsValue::UNDEFINED).unwrap();
    let want = 100f64.ln() - 300e3 / (8.314_462_618 * 1200.0);
    assert!((get(&r, "lnIntegralS").as_f64().unwrap() - want).abs() < 1e-12);
    let q = JSON::parse(
        r#"{"d0M2PerS": 1e-6, "eaJPerMol": 3e5, "concentrationMolPerM3": 1e4, "gJPerKMolM": 1e7, "temperatureK": 0}"#,
    )
    .unwrap();
    let msg = error_message(flux_at(q).unwrap_err());
    assert!(msg.contains("query.temperatureK"), "{msg}");
    let p = presets();
    assert!(
        Reflect::get(&get(&p, "techniques"), &"length".into())
            .unwrap()
            .as_f64()
            .unwrap()
            >= 6.0
    );
}

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(width);
    c.set_height(height);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Share of pixels differing from the top-left (background) pixel.
fn ink(data: ImageData) -> f64 {
    let data = data.data();
    let bg = &data[0..4];
    let differing = data.chunks(4).filter(|px| px != &bg).count();
    differing as f64 / (data.len() / 4) as f64
}

const KINDS: [&str; 5] = ["temperature", "flux", "transport", "grain", "arrhenius"];

/// Draws every chart on its own canvas; each must show ink.
fn draw_every_chart() -> Calculator {
    let mut calc = Calculator::new();
    let canvases: Vec<HtmlCanvasElement> = KINDS.iter().map(|_| canvas(640, 360)).collect();
    for (k, c) in KINDS.iter().zip(&canvases) {
        calc.attach(k, c.clone().into()).unwrap();
    }
    calc.update(scenario()).unwrap();
    calc.draw().unwrap();
    for (k, c) in KINDS.iter().zip(&canvases) {
        let ctx: CanvasRenderingContext2d =
            c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let share = ink(ctx.get_image_data(0.0, 0.0, 640.0, 360.0).unwrap());
        assert!(share > 0.01, "{k} chart is not blank: {share}");
    }
    calc
}

#[wasm_bindgen_test]
fn a_chart_resized_and_resized_back_is_drawn_again() {
    // Resizing a canvas clears it; the page then calls setAppearance. A chart drawn at 640×360,
    // resized away and back to 640×360, must not be taken for the drawing it showed before.
    let mut calc = Calculator::new();
    let c = canvas(640, 360);
    calc.attach("flux", c.clone().into()).unwrap();
    calc.update(scenario()).unwrap();
    calc.draw().unwrap();
    c.set_width(320);
    c.set_width(640);
    calc.set_appearance(false, 1.0);
    calc.draw().unwrap();
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let share = ink(ctx.get_image_data(0.0, 0.0, 640.0, 360.0).unwrap());
    assert!(share > 0.01, "the chart is drawn again: {share}");
}

/// The scenario with diffusion Ea = `ea` J/mol.
fn scenario_with_ea(ea: f64) -> JsValue {
    let s = scenario();
    Reflect::set(&get(&s, "diffusion"), &"eaJPerMol".into(), &ea.into()).unwrap();
    s
}

#[wasm_bindgen_test]
fn a_chart_redrawn_over_its_kept_guides_has_the_pixels_of_a_first_drawing() {
    let (w, h) = (700, 420);
    let pixels = |c: &HtmlCanvasElement| {
        let ctx: CanvasRenderingContext2d =
            c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        ctx.get_image_data(0.0, 0.0, w.into(), h.into())
            .unwrap()
            .data()
            .to_vec()
    };
    for kind in ["flux", "transport"] {
        // The same chart drawn once, and drawn after another Ea (its guides kept or redrawn).
        let (once, after) = (canvas(w, h), canvas(w, h));
        let mut kept = Calculator::new();
        kept.attach(kind, after.clone().into()).unwrap();
        kept.update(scenario_with_ea(318e3)).unwrap();
        kept.draw().unwrap();
        for (ea, axis) in [(318.5e3, "linear"), (318.5e3, "log"), (330e3, "log")] {
            // A fresh calculator draws its guides anew; `kept` reuses them when they are equal.
            let mut first = Calculator::new();
            first.attach(kind, once.clone().into()).unwrap();
            for calc in [&mut first, &mut kept] {
                calc.set_time_axis(axis).unwrap();
                calc.update(scenario_with_ea(ea)).unwrap();
                calc.draw().unwrap();
            }
            assert!(
                pixels(&once) == pixels(&after),
                "{kind}, Ea = {ea}, {axis} time axis"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_redraw_lays_out_the_chart_as_the_first_drawing() {
    // The second drawing takes its label widths from the calculator's cache.
    let c = canvas(640, 360);
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let pixels = || {
        ctx.get_image_data(0.0, 0.0, 640.0, 360.0)
            .unwrap()
            .data()
            .to_vec()
    };
    let mut calc = Calculator::new();
    calc.attach("flux", c.clone().into()).unwrap();
    calc.update(scenario()).unwrap();
    calc.draw().unwrap();
    let first = pixels();
    calc.draw().unwrap();
    assert!(
        first == pixels(),
        "the redrawn flux chart differs from the first drawing"
    );
}

#[wasm_bindgen_test]
fn calculator_refuses_a_canvas_without_a_2d_context() {
    let mut calc = Calculator::new();
    let msg = error_message(
        calc.attach("flux", js_sys::Object::new().into())
            .unwrap_err(),
    );
    assert!(msg.contains("canvas: expected a <canvas> element"), "{msg}");
    let taken = canvas(64, 64);
    taken.get_context("bitmaprenderer").unwrap().unwrap();
    let msg = error_message(calc.attach("flux", taken.into()).unwrap_err());
    assert!(
        msg.contains("canvas: the canvas has no 2D context"),
        "{msg}"
    );
    // Nothing was attached, and the calculator still works.
    calc.update(scenario()).unwrap();
    calc.draw().unwrap();
    assert!(calc.svg("flux", 640, 360).is_err());
}

fn prop(e: &JsValue, key: &str) -> JsValue {
    get(e, key)
}

#[wasm_bindgen_test]
fn errors_carry_their_field_value_and_range_as_properties() {
    let e: JsValue = evaluate_scenario(edited("\"rateKPerS\": 100000", "\"rateKPerS\": -5"))
        .unwrap_err()
        .into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "program.segments[0].rateKPerS"
    );
    assert_eq!(prop(&e, "kind").as_string().unwrap(), "outOfRange");
    assert_eq!(prop(&e, "value").as_f64(), Some(-5.0));
    let allowed = prop(&e, "allowed");
    assert_eq!(prop(&allowed, "min").as_f64(), Some(1e-9));
    assert_eq!(prop(&allowed, "unit").as_string().unwrap(), "K/s");
    // Each query names the object its caller passed.
    let q = JSON::parse(
        r#"{"d0M2PerS": 1e-6, "eaJPerMol": 3e5, "concentrationMolPerM3": -1, "gJPerKMolM": 1e7, "temperatureK": 1000}"#,
    )
    .unwrap();
    let e: JsValue = flux_at(q).unwrap_err().into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "query.concentrationMolPerM3"
    );
    let growth =
        JSON::parse(r#"{"exponent": 1, "d0M": 1e-7, "k0": 1e300, "eaJPerMol": 1}"#).unwrap();
    let long =
        JSON::parse(r#"{"startK": 1200, "segments": [{"kind": "hold", "durationS": 1e10}]}"#)
            .unwrap();
    let e: JsValue = grain_size_after(long, growth).unwrap_err().into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "growth.k0",
        "no Infinity"
    );
}

#[wasm_bindgen_test]
fn a_hostile_caller_gets_field_errors_and_cannot_break_the_module() {
    // A getter that throws and a Proxy that throws: errors naming the field, never an exception
    // through Rust frames (which, repeated, corrupted the module's stack).
    let throwing = js_sys::Function::new_no_args(
        "const s = JSON.parse(globalThis.__sk_scenario);
         Object.defineProperty(s.diffusion, 'eaJPerMol', { get() { throw new Error('gotcha'); }, enumerable: true });
         return s;",
    );
    let proxy = js_sys::Function::new_no_args(
        "const s = JSON.parse(globalThis.__sk_scenario);
         s.program = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
         return s;",
    );
    Reflect::set(&js_sys::global(), &"__sk_scenario".into(), &SCENARIO.into()).unwrap();
    for _ in 0..2000 {
        for (make, field) in [(&throwing, "diffusion.eaJPerMol"), (&proxy, "program")] {
            let hostile = make.call0(&JsValue::NULL).unwrap();
            let e: JsValue = evaluate_scenario(hostile).unwrap_err().into();
            assert_eq!(prop(&e, "field").as_string().unwrap(), field);
        }
    }
    assert!(
        evaluate_scenario(scenario()).is_ok(),
        "valid calls still work"
    );
    // A million segments are refused by their number, before any is read.
    let many = js_sys::Function::new_no_args(
        "const s = JSON.parse(globalThis.__sk_scenario);
         s.program.segments = new Array(1000000).fill({ kind: 'hold', durationS: 1 });
         return s;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let e: JsValue = evaluate_scenario(many).unwrap_err().into();
    assert_eq!(prop(&e, "field").as_string().unwrap(), "program.segments");
    assert_eq!(prop(&e, "kind").as_string().unwrap(), "tooLong");
    // So are entropy amounts.
    let amounts = JSON::parse(&format!(
        r#"{{"basis": "perMixedSite", "sublattices": [{{"sitesPerFormulaUnit": 1, "amounts": [{}]}}]}}"#,
        vec!["1"; 5000].join(",")
    ))
    .unwrap();
    let e: JsValue = configurational_entropy_js(amounts).unwrap_err().into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "mixing.sublattices[0].amounts"
    );
    // Top-level numbers are numbers, not strings that look like them.
    let program =
        JSON::parse(r#"{"startK": 1200, "segments": [{"kind": "hold", "durationS": 100}]}"#)
            .unwrap();
    let e: JsValue = arrhenius_integral(program.clone(), "318000".into(), JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    assert_eq!(prop(&e, "field").as_string().unwrap(), "eaJPerMol");
    // A time past the program's end is refused, not answered with the total.
    let e: JsValue = arrhenius_integral(program, 318e3.into(), 101.0.into())
        .unwrap_err()
        .into();
    assert_eq!(prop(&e, "field").as_string().unwrap(), "timeS");
    // Conversions refuse NaN and results beyond a double.
    for value in [f64::NAN, 1e308] {
        let e: JsValue = to_si(value.into(), "kjPerMol").unwrap_err().into();
        assert_eq!(prop(&e, "field").as_string().unwrap(), "value");
    }
}

#[wasm_bindgen_test]
fn calculator_draws_every_chart_on_a_real_canvas() {
    let mut calc = draw_every_chart();

    let text = calc.readout("temperature", 320.0).unwrap().unwrap();
    assert!(text.contains("T = "), "{text}");
    // A bad update keeps the last good state and charts.
    let before = calc.summary_text();
    let bad = scenario();
    Reflect::set(
        &get(&bad, "homogenisation"),
        &"targetResidual".into(),
        &JsValue::from_f64(f64::NAN),
    )
    .unwrap();
    let msg = error_message(calc.update(bad).unwrap_err());
    assert!(msg.contains("homogenisation.targetResidual"), "{msg}");
    assert_eq!(calc.summary_text(), before);
    assert!(calc.svg("flux", 640, 360).unwrap().contains("<svg"));
    assert!(calc.csv().lines().count() > 400);
}

/// The time [ms] the readout of chart `kind` gives ("current: t = 12.5 ms, T = …").
fn readout_ms(calc: &Calculator, kind: &str, css_x: f64) -> f64 {
    let text = calc.readout(kind, css_x).unwrap().unwrap();
    let t = text.split("t = ").nth(1).and_then(|r| r.split(' ').next());
    t.and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("{text}"))
}

#[wasm_bindgen_test]
fn a_drag_zooms_every_time_chart_into_its_time_and_a_reset_shows_all() {
    let mut calc = draw_every_chart();
    let (from, to) = (
        readout_ms(&calc, "temperature", 200.0),
        readout_ms(&calc, "temperature", 400.0),
    );
    assert!(calc.zoom_window().is_none());
    // A tap, the Arrhenius plot and a number given as text do not zoom.
    assert!(
        !calc
            .zoom("temperature", 300.0.into(), 303.0.into())
            .unwrap()
    );
    assert!(!calc.zoom("arrhenius", 200.0.into(), 400.0.into()).unwrap());
    let e: JsValue = calc
        .zoom("temperature", "200".into(), 400.0.into())
        .unwrap_err()
        .into();
    assert_eq!(prop(&e, "field"), "from");

    assert!(
        calc.zoom("temperature", 400.0.into(), 200.0.into())
            .unwrap()
    );
    assert!(calc.zoom_window().is_some());
    // The whole plot now spans the time between the two columns, on every time chart.
    let step = (to - from) / 20.0;
    for x in [120.0, 200.0, 300.0, 400.0, 520.0] {
        let t = readout_ms(&calc, "temperature", x);
        assert!(
            t >= from - step && t <= to + step,
            "{t} ms at x = {x}, zoomed into {from}–{to} ms"
        );
    }
    let t = readout_ms(&calc, "flux", 300.0);
    assert!(t >= from && t <= to, "flux chart: {t} ms");
    // Another Calculator given the zoom, the scenario and a canvas of the same size exports the
    // same SVG (the page's exports come from the scripting library's instance).
    let window = calc.zoom_window().unwrap();
    let mut other = Calculator::new();
    other.attach("flux", canvas(640, 360).into()).unwrap();
    other.update(scenario()).unwrap();
    other
        .set_zoom_window(window[0].into(), window[1].into())
        .unwrap();
    assert_eq!(
        other.svg("flux", 640, 360).unwrap(),
        calc.svg("flux", 640, 360).unwrap()
    );
    for (a, b) in [(f64::NAN, 1.0), (2.0, 1.0), (-1.0, 1.0)] {
        assert!(other.set_zoom_window(a.into(), b.into()).is_err());
    }
    // An edit keeps the zoom; a reset shows the whole program again.
    calc.update(scenario_with_ea(300e3)).unwrap();
    calc.draw().unwrap();
    assert!(calc.zoom_window().is_some());
    calc.reset_zoom().unwrap();
    assert!(calc.zoom_window().is_none());
    assert!(readout_ms(&calc, "temperature", 520.0) > to);
}

#[wasm_bindgen_test]
fn keys_read_before_do_not_let_an_unknown_key_through() {
    // The same keys again are known; one more key is not, however often it comes.
    for _ in 0..3 {
        evaluate_scenario(scenario()).unwrap();
    }
    let extra = edited(
        "\"targetResidual\": 0.01",
        "\"targetResidual\": 0.01, \"extra\": 1",
    );
    for _ in 0..2 {
        let msg = error_message(evaluate_scenario(extra.clone()).unwrap_err());
        assert!(
            msg.starts_with("homogenisation.extra: unknown field"),
            "{msg}"
        );
    }
    // A key with a dot in it is not the nesting it looks like.
    let (nested, dotted) = (
        "\"sampling\": { \"points\": 400, \"scale\": \"linear\", \"decades\": 6 }",
        "\"sampling\": { \"scale\": \"linear\", \"decades\": 6 }, \"sampling.points\": 400",
    );
    evaluate_scenario(edited(nested, nested)).unwrap();
    let msg = error_message(evaluate_scenario(edited(nested, dotted)).unwrap_err());
    assert!(msg.contains("unknown field"), "{msg}");
}

#[wasm_bindgen_test]
fn grain_sizes_after_three_anneals_are_fitted_and_a_bad_one_is_named() {
    // The mpmath fit of tests/reference/generate.py: five sizes from three anneals.
    let all = JSON::parse(include_str!("reference/values.json")).unwrap();
    let case = get(&all, "grainFit");
    let query = || {
        let q = js_sys::Object::new();
        for key in ["exponent", "d0M", "programs", "points"] {
            Reflect::set(&q, &key.into(), &get(&case, key)).unwrap();
        }
        JsValue::from(q)
    };
    let fit = fit_grain_growth(query()).unwrap();
    let close = |got: f64, key: &str| {
        let want = get(&case, key).as_f64().unwrap();
        assert!((got / want - 1.0).abs() < 1e-9, "{key}: {got} vs {want}");
    };
    close(get(&get(&fit, "k0"), "value").as_f64().unwrap(), "k0");
    close(
        get(&get(&fit, "eaJPerMol"), "value").as_f64().unwrap(),
        "eaJPerMol",
    );
    assert_eq!(get(&fit, "degreesOfFreedom").as_f64(), Some(3.0));

    let edit = |path: &[&str], value: JsValue| {
        let q = JSON::parse(&String::from(JSON::stringify(&query()).unwrap())).unwrap();
        let mut at = q.clone();
        for key in &path[..path.len() - 1] {
            at = get(&at, key);
        }
        Reflect::set(&at, &(*path.last().unwrap()).into(), &value).unwrap();
        q
    };
    for (path, value, field) in [
        (
            &["points", "4", "timeS"][..],
            1e6.into(),
            "query.points[4].timeS",
        ),
        (
            &["points", "1", "lengthM"],
            "big".into(),
            "query.points[1].lengthM",
        ),
        (
            &["points", "2", "program"],
            7.into(),
            "query.points[2].program",
        ),
        (
            &["programs", "1", "segments", "0", "rateKPerS"],
            (-1).into(),
            "query.programs[1].segments[0].rateKPerS",
        ),
        (&["exponent"], 0.into(), "query.exponent"),
    ] {
        let e: JsValue = fit_grain_growth(edit(path, value)).unwrap_err().into();
        assert_eq!(prop(&e, "field").as_string().unwrap(), field, "{path:?}");
    }
}

#[wasm_bindgen_test]
fn diffusion_lengths_after_three_anneals_give_back_d0_and_ea() {
    // Lengths L = √(D0·I) after the anneals of tests/reference/generate.py, from the core's
    // integral (arrheniusIntegral), at the times of its grain sizes.
    let all = JSON::parse(include_str!("reference/values.json")).unwrap();
    let case = get(&all, "grainFit");
    let (d0, ea) = (2.66e-6, 318e3);
    let points = js_sys::Array::from(&get(&case, "points"));
    for p in points.iter() {
        let programs = js_sys::Array::from(&get(&case, "programs"));
        let program = programs.get(get(&p, "program").as_f64().unwrap() as u32);
        // The reference's times, to the microsecond (one ends 4 ps after its program).
        let t = (get(&p, "timeS").as_f64().unwrap() * 1e6).round() / 1e6;
        let integral = arrhenius_integral(program, ea.into(), t.into()).unwrap();
        let length = (d0 * get(&integral, "integralS").as_f64().unwrap()).sqrt();
        Reflect::set(&p, &"timeS".into(), &t.into()).unwrap();
        Reflect::set(&p, &"lengthM".into(), &length.into()).unwrap();
    }
    let query = js_sys::Object::new();
    Reflect::set(&query, &"programs".into(), &get(&case, "programs")).unwrap();
    Reflect::set(&query, &"points".into(), &points).unwrap();
    let fit = fit_diffusion_lengths(query.clone().into()).unwrap();
    let value = |key| get(&get(&fit, key), "value").as_f64().unwrap();
    assert!(
        (value("d0M2PerS") / d0 - 1.0).abs() < 1e-8,
        "{}",
        value("d0M2PerS")
    );
    assert!(
        (value("eaJPerMol") / ea - 1.0).abs() < 1e-10,
        "{}",
        value("eaJPerMol")
    );
    Reflect::set(&points.get(3), &"lengthM".into(), &(-1.0).into()).unwrap();
    let e: JsValue = fit_diffusion_lengths(query.into()).unwrap_err().into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "query.points[3].lengthM"
    );
}

#[wasm_bindgen_test]
fn measured_grain_sizes_are_drawn_with_their_scenario_and_a_bad_one_is_named() {
    let mut calc = Calculator::new();
    calc.attach("grain", canvas(640, 360).into()).unwrap();
    calc.update(scenario()).unwrap();
    calc.pin("pinned".into()).unwrap();
    // One size at the end of the current program, one 10 ms into the pinned one's.
    calc.set_measured_lengths("grain", &[0, 1], &[f64::INFINITY, 0.01], &[2e-7, 1.5e-7])
        .unwrap();
    // Each point is a filled circle with an outline.
    let circles = |calc: &mut Calculator| {
        calc.svg("grain", 640, 360)
            .unwrap()
            .matches("<circle")
            .count()
    };
    assert_eq!(circles(&mut calc), 4);
    for (scenes, times, sizes, field) in [
        (&[2][..], &[0.01][..], &[2e-7][..], "lengths[0].scene"),
        (&[0, 0], &[0.01, 5.0], &[2e-7, 2e-7], "lengths[1].timeS"),
        (&[0], &[f64::NEG_INFINITY], &[2e-7], "lengths[0].timeS"),
        (&[0], &[0.01], &[f64::NAN], "lengths[0].lengthM"),
        (&[0, 0], &[0.01], &[2e-7], "lengths"),
        // Not above d0 = 100 nm, where eq. (12) starts.
        (&[0, 1], &[0.01, 0.01], &[2e-7, 8e-8], "lengths[1].lengthM"),
    ] {
        let e: JsValue = calc
            .set_measured_lengths("grain", scenes, times, sizes)
            .unwrap_err()
            .into();
        assert_eq!(prop(&e, "field").as_string().unwrap(), field, "{times:?}");
    }
    // d0 itself is refused too: the range says so.
    let e: JsValue = calc
        .set_measured_lengths("grain", &[0], &[f64::INFINITY], &[1e-7])
        .unwrap_err()
        .into();
    let allowed = prop(&e, "allowed");
    assert_eq!(prop(&allowed, "min").as_f64(), Some(1e-7));
    assert_eq!(prop(&allowed, "minInclusive").as_bool(), Some(false));
    // A diffusion length has no such floor.
    calc.set_measured_lengths("transport", &[0], &[f64::INFINITY], &[5e-8])
        .unwrap();
    assert_eq!(
        circles(&mut calc),
        4,
        "the sizes drawn stay after a refusal"
    );
    // The pinned scenario's size goes with it.
    calc.clear_pins();
    assert_eq!(circles(&mut calc), 2);
    calc.set_measured_lengths("grain", &[], &[], &[]).unwrap();
    assert_eq!(circles(&mut calc), 0);
}

#[wasm_bindgen_test]
fn measured_points_are_fitted_and_a_bad_one_is_named_by_its_index() {
    // The fixed data set of fit.rs's tests (mpmath: Eₐ = 369773.4776 J/mol).
    let query = JSON::parse(
        r#"{"points": [{"temperatureK": 1100, "dM2PerS": 1.1e-19}, {"temperatureK": 1200, "dM2PerS": 2.9e-18},
            {"temperatureK": 1300, "dM2PerS": 5.2e-17}, {"temperatureK": 1400, "dM2PerS": 5.9e-16},
            {"temperatureK": 1500, "dM2PerS": 5.3e-15}]}"#,
    )
    .unwrap();
    let fit = fit_arrhenius(query).unwrap();
    let ea = get(&get(&fit, "eaJPerMol"), "value").as_f64().unwrap();
    assert!((ea / 369_773.477_610_905_3 - 1.0).abs() < 1e-9, "{ea}");
    assert_eq!(get(&fit, "degreesOfFreedom").as_f64(), Some(3.0));
    assert_eq!(js_sys::Array::from(&get(&fit, "residualsLn")).length(), 5);
    for (points, field) in [
        (
            r#"{"points": [{"temperatureK": 1100, "dM2PerS": 1e-19}, {"temperatureK": 1200, "dM2PerS": -1}]}"#,
            "query.points[1].dM2PerS",
        ),
        (
            r#"{"points": [{"temperatureK": 1100}]}"#,
            "query.points[0].dM2PerS",
        ),
        (r#"{"points": []}"#, "query.points"),
        (r#"{"points": 5}"#, "query.points"),
    ] {
        let e: JsValue = fit_arrhenius(JSON::parse(points).unwrap())
            .unwrap_err()
            .into();
        assert_eq!(prop(&e, "field").as_string().unwrap(), field, "{points}");
    }
    // The calculator draws points only when every one is valid; a refusal names the point.
    let mut calc = Calculator::new();
    calc.update(scenario()).unwrap();
    calc.set_measured(&[1100.0, 1200.0], &[1e-19, 2e-18])
        .unwrap();
    let e: JsValue = calc
        .set_measured(&[1100.0, f64::NAN], &[1e-19, 2e-18])
        .unwrap_err()
        .into();
    assert_eq!(
        prop(&e, "field").as_string().unwrap(),
        "points[1].temperatureK"
    );
    let e: JsValue = calc.set_measured(&[1100.0], &[]).unwrap_err().into();
    assert_eq!(prop(&e, "field").as_string().unwrap(), "points");
}
