// The thermal program's editor: one <li> per segment, built, edited and removed on its own, so
// that changing one segment costs the same in a program of 3 segments as in one of 1,000.

import { $, el, uniqueId } from './dom.js';
import { state } from './state.js';
import { display, siValue, unitSymbol } from './units.js';

/** Segment kinds: title and inputs (key in share links, label, unit kind, SI field of the scenario). */
export const SEGMENT_KINDS = {
  ramp: { title: 'Ramp', fields: [['rate', 'Rate', 'rate', 'rateKPerS'], ['target', 'Target', 'temperature', 'targetK']] },
  hold: { title: 'Hold', fields: [['duration', 'Duration', 'time', 'durationS']] },
  pulses: {
    title: 'Pulse train',
    fields: [['count', 'Pulses', null, 'count'], ['on', 'On', 'time', 'onS'], ['off', 'Off', 'time', 'offS'],
      ['peak', 'Peak', 'temperature', 'peakK'], ['base', 'Base', 'temperature', 'baseK']],
  },
};
// The segment each "+" button adds, in SI.
const NEW_SEGMENTS = {
  ramp: { kind: 'ramp', rateKPerS: 10 / 60, targetK: 1273.15 },
  hold: { kind: 'hold', durationS: 600 },
  pulses: { kind: 'pulses', count: 10, onS: 0.055, offS: 0.55, peakK: 1800, baseK: 298.15 },
};

/** A segment in SI, as the core's presets give it → its input texts in the chosen units. */
function textsOf(si) {
  const texts = { kind: si.kind };
  for (const [key, , unit, field] of SEGMENT_KINDS[si.kind].fields) texts[key] = display(si[field], unit);
  return texts;
}

/** A segment's <li> and its inputs, from its input texts `{ kind, rate: '10', … }`. */
function build(texts) {
  const { title, fields } = SEGMENT_KINDS[texts.kind];
  const id = uniqueId('seg');
  const inputs = {};
  const labels = fields.map(([key, label, unit]) => {
    inputs[key] = el('input', { id: `${id}-${key}`, inputMode: 'decimal', value: texts[key] ?? '' });
    const symbol = unit ? [el('span', { className: 'unit', textContent: unitSymbol(unit), dataset: { unit } })] : [];
    return el('label', { className: 'field' }, [`${label} `, ...symbol, inputs[key]]);
  });
  const head = el('div', { className: 'head' }, [
    el('b', { id: `${id}-title`, textContent: title }),
    // Named "Remove Ramp"; its number is the list item's position, so removing a segment
    // renumbers none of the others.
    el('button', {
      type: 'button', className: 'secondary', id: `${id}-remove`, textContent: 'Remove',
      dataset: { remove: '' }, attrs: { 'aria-labelledby': `${id}-remove ${id}-title` },
    }),
  ]);
  return { kind: texts.kind, li: el('li', {}, [head, el('div', { className: 'grid' }, labels)]), inputs };
}

/** Replaces the whole program by segments given as input texts (from a share link). */
export function setSegments(list) {
  state.segments = list.map(build);
  $('segments').replaceChildren(...state.segments.map((seg) => seg.li));
}

/** Replaces the whole program by segments given in SI (from a preset). */
export const setSegmentsSi = (list) => setSegments(list.map(textsOf));

/** Appends a new segment of `kind` ("ramp", "hold" or "pulses"). */
export function addSegment(kind) {
  const seg = build(textsOf(NEW_SEGMENTS[kind]));
  state.segments.push(seg);
  $('segments').append(seg.li);
}

/** Removes the segment whose <li> is `li`. */
export function removeSegment(li) {
  const index = state.segments.findIndex((seg) => seg.li === li);
  if (index < 0) return;
  state.segments.splice(index, 1);
  li.remove();
}

/** The segments as the scenario gives them to the core, in SI. */
export function programSegments() {
  return state.segments.map((seg) => {
    const out = { kind: seg.kind };
    for (const [key, , unit, field] of SEGMENT_KINDS[seg.kind].fields) out[field] = siValue(seg.inputs[key], unit);
    return out;
  });
}

/** The segments as a share link keeps them: the texts of their inputs. */
export function segmentTexts() {
  return state.segments.map((seg) => {
    const texts = { kind: seg.kind };
    for (const [key] of SEGMENT_KINDS[seg.kind].fields) texts[key] = seg.inputs[key].value;
    return texts;
  });
}

/** The input of segment `index` holding SI field `field` (its first input when none does). */
export function segmentInput(index, field) {
  const seg = state.segments[index];
  if (!seg) return null;
  const fields = SEGMENT_KINDS[seg.kind].fields;
  const [key] = fields.find(([, , , f]) => f === field) ?? fields[0];
  return seg.inputs[key];
}

/** Every segment input whose number is in the unit chosen for `kind`. */
export function segmentInputs(kind) {
  return state.segments.flatMap((seg) => SEGMENT_KINDS[seg.kind].fields
    .filter(([, , unit]) => unit === kind)
    .map(([key]) => seg.inputs[key]));
}
