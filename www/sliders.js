// The sliders of the drivers, each under the chart it moves most so that the chart is on screen
// while it is dragged (on a phone too). A slider edits its input as if the value were typed;
// after each recompute it follows the input (and stops at its ends when the value lies beyond).

import { $, el, setText } from './dom.js';
import { state } from './state.js';
import { displayUnits, showSi, siValue } from './units.js';

/** The first segment of `kind`, or the ramp reaching the highest target for `highest`. */
function segment(kind, { highest = false } = {}) {
  const of = state.segments.filter((s) => s.kind === kind);
  if (!highest) return of[0];
  const target = (s) => siValue(s.inputs.target, 'temperature');
  return of.reduce((best, s) => (!best || target(s) > target(best) ? s : best), undefined);
}

/**
 * Each slider: the chart it sits under, its label, the input it edits (null when the program has
 * none), the input's unit kind, and its scale: SI value ↔ position, linear (`per` SI units per
 * step of the position) or logarithmic (the position is log10 of the SI value).
 */
const SLIDERS = [
  { id: 'rate', chart: 'temperature', label: 'Heating rate (first ramp)', kind: 'rate',
    input: () => segment('ramp')?.inputs.rate, log: true, min: 1 / 3600, max: 1e6 },
  { id: 'peak', chart: 'temperature', label: 'Highest ramp target', kind: 'temperature',
    input: () => segment('ramp', { highest: true })?.inputs.target, per: 1, min: 400, max: 3000 },
  { id: 'ea', chart: 'flux', label: 'Eₐ', kind: 'energy', input: () => $('ea'), per: 1000, min: 50e3, max: 800e3 },
  { id: 'mix', chart: 'flux', label: 'Mixing length λ', kind: 'length',
    input: () => $('mix-length'), log: true, min: 1e-9, max: 1e-5 },
  { id: 'hold', chart: 'transport', label: 'Hold time (first hold)', kind: 'time',
    input: () => segment('hold')?.inputs.duration, log: true, min: 1, max: 1e6 },
];

const position = (s, si) => (s.log ? Math.log10(si) : si / s.per);
const fromPosition = (s, p) => (s.log ? 10 ** p : p * s.per);

/** Steps of a logarithmic slider [decades]. */
const LOG_STEP = 0.01;

function sliderOf(s) {
  // The ends on the slider's steps, so that every step is a round position.
  const [min, max] = s.log
    ? [Math.floor(position(s, s.min) / LOG_STEP) * LOG_STEP, Math.ceil(position(s, s.max) / LOG_STEP) * LOG_STEP]
    : [position(s, s.min), position(s, s.max)];
  const range = el('input', {
    id: `${s.id}-slider`, type: 'range', min: min.toFixed(2), max: max.toFixed(2), step: s.log ? String(LOG_STEP) : '1',
  });
  range.addEventListener('input', () => {
    const input = s.input();
    if (!input) return;
    showSi(input, fromPosition(s, Number(range.value)), s.kind);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return el('label', { id: `${s.id}-explore`, className: 'explore' }, [
    `${s.label}: `, el('output', { id: `${s.id}-slider-value`, htmlFor: range.id }), range,
  ]);
}

/** The sliders to put under chart `kind`. */
export const slidersUnder = (kind) => SLIDERS.filter((s) => s.chart === kind).map(sliderOf);

// What each slider shows (hidden or not, its label's value and unit, its position), so that an
// edit writes to the page, and asks the core for a label, only where something changed.
const shown = new Map();

/** Brings every slider in step with its input; a slider whose input the program lacks is hidden. */
export function followInputs() {
  const units = displayUnits();
  for (const s of SLIDERS) {
    const input = s.input();
    const si = input ? siValue(input, s.kind) : NaN;
    const last = shown.get(s.id) ?? {};
    // Hidden when the program has no such input, or while its value is unusable.
    const hidden = !Number.isFinite(si);
    if (last.hidden !== hidden) $(`${s.id}-explore`).hidden = hidden;
    if (hidden) {
      shown.set(s.id, { ...last, hidden });
      continue;
    }
    const label = `${si} ${units[s.kind]}`;
    const slider = $(`${s.id}-slider`);
    const value = String(position(s, si));
    // A dragged slider already shows its value: writing it again would lay the slider out anew.
    if (last.value !== value && slider.value !== value) slider.value = value;
    if (last.label !== label) setText($(`${s.id}-slider-value`), state.wasm.showQuantity(si, units[s.kind]));
    shown.set(s.id, { hidden, label, value });
  }
}
