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

function parseNumber(input) {
  const text = input.value.trim();
  if (!NUMBER.test(text)) {
    throw new InputProblem(input, text === '' ? 'Required: enter a number.' : `“${text.slice(0, 24)}” is not a number; use e.g. 1500, 0.25 or 2.66e-6.`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputProblem(input, 'Too large: the number must be finite.');
  return value;
}

export const unitOf = (kind) => $(UNIT_SELECTS[kind]).value;
/** The symbol of the unit chosen for `kind`, as its select shows it. */
export const unitSymbol = (kind) => $(UNIT_SELECTS[kind]).selectedOptions[0].textContent;

// Each input's last text and unit with its SI value: an edit converts only what changed.
const converted = new WeakMap();
/** The SI value of `input`, whose number is in the unit chosen for `kind` (none: already SI). */
export function siValue(input, kind) {
  const unit = kind ? unitOf(kind) : null;
  const last = converted.get(input);
  if (last && last.text === input.value && last.unit === unit) return last.si;
  const value = parseNumber(input);
  const si = unit ? state.wasm.toSi(value, unit) : value;
  converted.set(input, { text: input.value, unit, si });
  return si;
}

/** Shortest text that round-trips to 10 significant digits; scientific notation when small or large. */
export function format(v) {
  const r = Number(v.toPrecision(10));
  return r !== 0 && (Math.abs(r) < 1e-3 || Math.abs(r) >= 1e7) ? r.toExponential().replace('e+', 'e') : String(r);
}

/** The text an input of unit kind `kind` shows for SI value `si`. */
export const display = (si, kind) => format(kind ? state.wasm.fromSi(si, unitOf(kind)) : si);

/** Rewrites the numbers of `inputs` from unit `from` into unit `to`: the same quantities, so no preset changes. */
export function convertInputs(inputs, from, to) {
  for (const input of inputs) {
    const text = input.value.trim();
    if (NUMBER.test(text)) input.value = format(state.wasm.fromSi(state.wasm.toSi(Number(text), from), to));
  }
}

/** Writes the chosen unit into every unit label of the page. */
export function labelUnits() {
  for (const span of document.querySelectorAll('.unit[data-unit]')) span.textContent = unitSymbol(span.dataset.unit);
}
