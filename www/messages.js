// What the page tells the user. Inputs the core or the page cannot use are marked, with their
// message next to them. One alert holds the page's own notice (a damaged share link, a restart),
// which stays until the user edits an input, and the current inputs' problem that belongs to no
// single input, which every recompute replaces.

import { $, el, labelText, setText } from './dom.js';
import { SEGMENT_KINDS, segmentInput } from './program.js';
import { state } from './state.js';
import { unitOf } from './units.js';

/** Scenario field paths → input ids, for showing a core error next to its input. */
const PATHS = {
  'program.startK': 'start', 'diffusion.d0M2PerS': 'd0', 'diffusion.eaJPerMol': 'ea',
  'diffusion.concentrationMolPerM3': 'conc', 'diffusion.validMinK': 'valid-min',
  'diffusion.validMaxK': 'valid-max', 'mixing.lengthM': 'mix-length', 'mixing.gJPerKMolM': 'g',
  'mixing.sublattices': 'composition', 'homogenisation.wavelengthM': 'wavelength',
  'homogenisation.targetResidual': 'residual', 'grainGrowth.exponent': 'grain-n',
  'grainGrowth.d0M': 'grain-d0', 'grainGrowth.k0': 'grain-k0', 'grainGrowth.eaJPerMol': 'grain-ea',
  'sampling.points': 'points', 'uncertainty.eaJPerMol': 'ea-sigma', 'uncertainty.d0Factor': 'd0-factor',
  'uncertainty.deltaTemperatureK': 'temp-sigma',
};
const SEGMENT_PATH = /^program\.segments\[(\d+)\](?:\.(\w+))?/;

/** Untrusted text as the page quotes it: on one line, at most `max` characters, in “quotes”. */
export function quote(text, max = 24) {
  const line = String(text).replace(/[\p{C}\s]+/gu, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}

// The inputs marked invalid, with their messages: an edit clears them without searching the page.
const marked = new Map();

export function markInvalid(input, message) {
  marked.get(input)?.remove();
  const msg = el('span', { className: 'msg', id: `${input.id}-msg`, textContent: message });
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', msg.id);
  input.insertAdjacentElement('afterend', msg);
  marked.set(input, msg);
}

// Each edit passes here: the alert and the note are written only when they change.
function showAlertIfAny() {
  const hidden = $('notice').textContent === '' && $('problem').textContent === '';
  if ($('alert').hidden !== hidden) $('alert').hidden = hidden;
}

/** Says whether the charts and results show an older scenario than the inputs (one has a problem). */
export function showStale(stale) {
  const note = $('stale');
  if (note.hidden === stale) note.hidden = !stale;
}

/** Clears what the last recompute reported: the marked inputs and the alert's problem. */
export function clearMessages() {
  for (const [input, msg] of marked) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    msg.remove();
  }
  marked.clear();
  setText($('problem'), '');
  showAlertIfAny();
}

/** Shows a problem of the current inputs that no single input owns, until the next recompute. */
export function showProblem(text) {
  $('problem').textContent = text;
  showAlertIfAny();
}

/**
 * Shows the page's own message until the user edits an input, or, `untilReload`, for good (the
 * calculator stopped).
 */
export function showNotice(text, { untilReload = false } = {}) {
  $('notice').textContent = text;
  $('notice').dataset.untilReload = untilReload ? 'true' : '';
  showAlertIfAny();
}

/** Clears the page's message once the user acts (edits an input). */
export function dismissNotice() {
  if ($('notice').textContent === '' || $('notice').dataset.untilReload) return;
  $('notice').textContent = '';
  showAlertIfAny();
}

/** The input that holds the scenario field at `path`, or null. */
function inputForPath(path) {
  const segment = SEGMENT_PATH.exec(path);
  if (segment) return segmentInput(Number(segment[1]), segment[2]);
  const key = Object.keys(PATHS).find((p) => path === p || path.startsWith(`${p}[`) || path.startsWith(`${p}.`));
  return key ? $(PATHS[key]) : null;
}

/** The name of `input` as the page labels it: “Rate of ramp 1”, “Eₐ”. */
function inputName(input, path) {
  const name = labelText(input) || input.id;
  const segment = SEGMENT_PATH.exec(path);
  if (!segment) return name;
  const kind = SEGMENT_KINDS[state.segments[Number(segment[1])]?.kind];
  return kind ? `${name} of ${kind.title.toLowerCase()} ${Number(segment[1]) + 1}` : name;
}

/**
 * A refused number in the reader's words: the input's name, its range and the value in the unit
 * the input is typed in (“Rate of ramp 1 must be at least 6 × 10⁻⁸ K/min; got −5 K/min”).
 */
function rangeMessage(error, input) {
  const kind = input.labels?.[0]?.querySelector('.unit[data-unit]')?.dataset.unit;
  const { unit } = error.allowed;
  const show = (si, digits) => (kind
    ? state.wasm.showQuantity(si, unitOf(kind), digits)
    : `${state.wasm.showQuantity(si, undefined, digits)}${unit ? ` ${unit}` : ''}`);
  return `${inputName(input, error.field)} ${refusal(error, show)}`;
}

/**
 * What a refused number should be, with its range and value written by `show` (SI and optional
 * significant digits → text in the reader's unit): “must be at least 6 × 10⁻⁸ K/min; got −5
 * K/min.” A value just past its bound gets the digits that tell the two apart.
 */
export function refusal(error, show) {
  const { min, max } = error.allowed;
  if (error.kind === 'notFinite' || !Number.isFinite(error.value)) return `must be a number from ${show(min)} to ${show(max)}.`;
  const exclusive = error.allowed.minInclusive === false;
  const low = error.value < min || (error.value === min && exclusive);
  const [side, bound] = low ? [exclusive ? 'more than' : 'at least', min] : ['at most', max];
  const digits = [undefined, 6, 9, 12].find((d) => show(bound, d) !== show(error.value, d));
  return `must be ${side} ${show(bound, digits)}; got ${show(error.value, digits)}.`;
}

/** Shows an error of the core next to the input its `field` names, or in the alert. */
export function reportCoreError(error) {
  const message = String(error?.message ?? error);
  const input = typeof error?.field === 'string' && error.field !== '' ? inputForPath(error.field) : null;
  if (!input) {
    showProblem(message);
    return;
  }
  const refused = ['outOfRange', 'notFinite'].includes(error.kind) && error.allowed;
  // Other errors explain themselves after the field's path, which the mark next to the input replaces.
  markInvalid(input, refused ? rangeMessage(error, input) : message.replace(/^[\w.[\]]+: /, ''));
}
