// Numbers as the user types them, and their units: parsing, conversion to and from SI through
// the core, and the text an input shows for an SI value.

import { $ } from './dom.js';
import { state } from './state.js';

export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Unit kind → the id of the select that chooses it. */
export const UNIT_SELECTS = {
  temperature: 'u-temperature', rate: 'u-rate', time: 'u-time', energy: 'u-energy',
  diffusivity: 'u-diffusivity', length: 'u-length',
};

/** A value the page cannot send to the core, with the input it came from. */
export class InputProblem extends Error {
  constructor(input, message) {
    super(message);
    this.input = input;
  }
}

/** Whether `text` is a finite number as the inputs accept it. */
export const isNumberText = (text) => NUMBER.test(text.trim()) && Number.isFinite(Number(text));

/**
 * The number typed in `input`, or NaN when there is none (empty, not a number, too large): the
 * core then names the field and its range, in the units chosen, like any other bad value.
 */
function parseNumber(input) {
  const text = input.value.trim();
  const value = NUMBER.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) ? value : NaN;
}

/** The unit inputs of `kind` are typed in ("auto" time is typed in seconds). */
export const unitOf = (kind) => {
  const unit = $(UNIT_SELECTS[kind]).value;
  return unit === 'auto' ? 'second' : unit;
};
/** The symbol of the unit inputs of `kind` are typed in. */
export const unitSymbol = (kind) => $(UNIT_SELECTS[kind]).selectedOptions[0].dataset.symbol
  ?? $(UNIT_SELECTS[kind]).selectedOptions[0].textContent;

/** The units the core shows results in: the selects' (time may be "auto"). */
export const displayUnits = () => Object.fromEntries(Object.entries(UNIT_SELECTS).map(([kind, id]) => [kind, $(id).value]));

// Each input's last text and unit with its exact SI value: an edit converts only what changed,
// and a rounded conversion keeps the exact value while its text stays. `original` is the text
// the input had before the first conversion, with its unit, restored when converting back.
const converted = new WeakMap();
/** `value` in `unit` converted to SI, or NaN when the result would not be finite (1e308 eV, say). */
function toSiOrNaN(value, unit) {
  try {
    return state.wasm.toSi(value, unit);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    return NaN;
  }
}

/** The SI value of `input`, whose number is in the unit chosen for `kind` (none: already SI). */
export function siValue(input, kind) {
  const unit = kind ? unitOf(kind) : null;
  const last = converted.get(input);
  if (last && last.text === input.value && last.unit === unit) return last.si;
  const value = parseNumber(input);
  const si = unit && Number.isFinite(value) ? toSiOrNaN(value, unit) : value;
  converted.set(input, { text: input.value, unit, si });
  return si;
}

/** Significant digits an input shows of a value that has more (a conversion, say). */
const INPUT_DIGITS = 4;
/** Values with at most this many significant digits are shown as they are (298.15, 2.66e-6). */
const EXACT_DIGITS = 6;

/** Text for an input: the value itself when it is short, else rounded to four significant digits. */
export function format(v) {
  const exact = Number(v.toPrecision(10));
  const digits = exact.toExponential().replace(/e.*$/, '').replace(/[-.]/g, '').length;
  const r = digits <= EXACT_DIGITS ? exact : Number(v.toPrecision(INPUT_DIGITS));
  return r !== 0 && (Math.abs(r) < 1e-3 || Math.abs(r) >= 1e7) ? r.toExponential().replace('e+', 'e') : String(r);
}

/** The text an input of unit kind `kind` shows for SI value `si`. */
export const display = (si, kind) => format(kind ? state.wasm.fromSi(si, unitOf(kind)) : si);

/** Writes SI value `si` into `input` (unit kind `kind`), keeping the exact value while the text stays. */
export function showSi(input, si, kind) {
  input.value = display(si, kind);
  converted.set(input, { text: input.value, unit: kind ? unitOf(kind) : null, si });
}

/** Rewrites the numbers of `inputs` from unit `from` into unit `to`: the same quantities, so no preset changes. */
export function convertInputs(inputs, from, to) {
  for (const input of inputs) {
    if (!NUMBER.test(input.value.trim()) || from === to) continue;
    const last = converted.get(input);
    const known = last && last.text === input.value && last.unit === from;
    const si = known ? last.si : state.wasm.toSi(Number(input.value), from);
    const original = (known && last.original) || { text: input.value, unit: from };
    input.value = original.unit === to ? original.text : format(state.wasm.fromSi(si, to));
    converted.set(input, { text: input.value, unit: to, si, original });
  }
}

/** Writes the chosen unit into every unit label of the page. */
export function labelUnits() {
  for (const span of document.querySelectorAll('.unit[data-unit]')) span.textContent = unitSymbol(span.dataset.unit);
}
