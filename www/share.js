// What leaves the page and comes back: the state in the address bar's fragment (written after
// each edit, read on load), and the copied link and embed code.

import { $, debounced } from './dom.js';
import { MAX_LINK_TEXT, readData } from './data.js';
import { embedSnippet } from './embed.js';
import { FIELDS, SELECTS, TEXT_FIELDS, showMixingInputs } from './inputs.js';
import { quote, showNotice } from './messages.js';
import { MAX_PINS, restorePins } from './panels.js';
import { defaults, describePresets } from './presets.js';
import { SEGMENT_KINDS, segmentTexts, setSegments } from './program.js';
import { state } from './state.js';
import { UNIT_SELECTS, isNumberText, labelUnits } from './units.js';
import { guarded } from './wasm.js';

const STATE_VERSION = 1;
const FRAGMENT_DELAY_MS = 300;
/** Most segments a link may hold: the core's limit on a program. */
const MAX_LINK_SEGMENTS = 1000;
const TOP_KEYS = ['v', 'fields', 'selects', 'segments', 'mixing', 'grainOn', 'pins', 'data', 'sizes', 'lengths'];
/** The measurements' text boxes, by the key of a state. */
const DATA_TEXTS = { data: 'data-text', sizes: 'sizes-text', lengths: 'lengths-text' };
/** Longest pin label (as the input allows). */
const MAX_LABEL = 40;
const FIELD_TEXT = /^[-+0-9.eE:;, ]{0,200}$/;

/** The whole state of the inputs and pins, as a share link keeps it. */
export function pageState() {
  return {
    v: STATE_VERSION,
    fields: Object.fromEntries([...Object.keys(FIELDS), ...TEXT_FIELDS].map((id) => [id, $(id).value])),
    selects: Object.fromEntries(SELECTS.map((id) => [id, $(id).value])),
    segments: segmentTexts(),
    mixing: document.querySelector('input[name=mixing]:checked').value,
    grainOn: $('grain-on').checked,
    pins: state.pins.map(({ label, scenario }) => ({ label, scenario })),
    ...Object.fromEntries(Object.entries(DATA_TEXTS).map(([key, id]) => [key, $(id).value])),
  };
}

/** The state a share link keeps: measured points longer than a link can hold stay out of it. */
function linkState() {
  const s = pageState();
  for (const key of Object.keys(DATA_TEXTS)) if (s[key].length > MAX_LINK_TEXT) delete s[key];
  return s;
}

const toBase64Url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => new TextDecoder().decode(
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

const fragment = () => `v=${STATE_VERSION}&s=${toBase64Url(JSON.stringify(linkState()))}${state.view ? `&view=${state.view}` : ''}`;

/**
 * Brings the address bar in step with the inputs, a moment after the last edit: replaceState
 * costs several milliseconds, too much for every step of a slider drag.
 */
export const writeFragment = debounced(() => {
  const embed = document.body.classList.contains('embed') ? '&embed=1' : '';
  history.replaceState(null, '', `#${fragment()}${embed}`);
}, FRAGMENT_DELAY_MS);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The valid segments of a link, as input texts; the names of what is not valid go to `ignored`. */
function linkSegments(list, ignored) {
  return list.flatMap((seg, i) => {
    if (!isObject(seg) || !Object.hasOwn(SEGMENT_KINDS, seg.kind)) {
      ignored.push(`segments[${i}]`);
      return [];
    }
    const texts = { kind: seg.kind };
    for (const [key] of SEGMENT_KINDS[seg.kind].fields) {
      if (typeof seg[key] === 'string' && isNumberText(seg[key])) texts[key] = seg[key];
      else ignored.push(`segments[${i}].${key}`);
    }
    return [texts];
  });
}

/** Applies a link's state: every valid setting is taken; tells how many, and the names of the others. */
function applyState(raw) {
  const ignored = Object.keys(raw).filter((key) => !TOP_KEYS.includes(key));
  let applied = 0;
  for (const [id, value] of Object.entries(isObject(raw.selects) ? raw.selects : {})) {
    const select = SELECTS.includes(id) ? $(id) : null;
    if (select && typeof value === 'string' && [...select.options].some((o) => o.value === value)) {
      select.value = value;
      applied += 1;
    } else ignored.push(`selects.${id}`);
  }
  for (const [id, value] of Object.entries(isObject(raw.fields) ? raw.fields : {})) {
    const numeric = Object.hasOwn(FIELDS, id);
    const known = numeric || TEXT_FIELDS.includes(id);
    const ok = typeof value === 'string' && (!numeric || value.trim() === '' || isNumberText(value))
      && (id === 'pin-label' ? value.length <= 40 : FIELD_TEXT.test(value));
    if (known && ok) {
      $(id).value = value;
      applied += 1;
    } else ignored.push(`fields.${id}`);
  }
  if (Array.isArray(raw.segments) && raw.segments.length <= MAX_LINK_SEGMENTS) {
    const segments = linkSegments(raw.segments, ignored);
    setSegments(segments);
    applied += segments.length;
  } else if (Object.hasOwn(raw, 'segments')) ignored.push('segments');
  if (raw.mixing === 'entropy' || raw.mixing === 'direct') {
    document.querySelector(`input[name=mixing][value=${raw.mixing}]`).checked = true;
    applied += 1;
  } else if (Object.hasOwn(raw, 'mixing')) ignored.push('mixing');
  for (const [key, id] of Object.entries(DATA_TEXTS)) {
    if (typeof raw[key] === 'string' && raw[key].length <= MAX_LINK_TEXT) {
      $(id).value = raw[key];
      applied += 1;
    } else if (Object.hasOwn(raw, key)) ignored.push(key);
  }
  if (typeof raw.grainOn === 'boolean') {
    $('grain-on').checked = raw.grainOn;
    applied += 1;
  } else if (Object.hasOwn(raw, 'grainOn')) ignored.push('grainOn');
  const pins = Array.isArray(raw.pins) && raw.pins.length <= MAX_PINS ? raw.pins : [];
  if (Object.hasOwn(raw, 'pins') && pins.length === 0 && !(Array.isArray(raw.pins) && raw.pins.length === 0)) ignored.push('pins');
  const wellFormed = (p) => isObject(p) && typeof p.label === 'string' && p.label.length <= MAX_LABEL && isObject(p.scenario);
  pins.forEach((p, i) => { if (!wellFormed(p)) ignored.push(`pins[${i}]`); });
  return { applied, ignored, pins: pins.filter(wellFormed) };
}

/** “a”, “b”, “c” and 6 more: a few of the link's own names, quoted and cut short. */
function sample(names) {
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `${names.slice(0, 3).map((name) => quote(name)).join(', ')}${more}`;
}
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * Puts a state (a link's, or pageState()'s) into the inputs and pins, what it lacks at its
 * default; tells how many settings it applied, and the names of those it ignored.
 */
export function loadState(raw) {
  // Units first, so that defaults for anything the state lacks are shown in its units.
  const units = isObject(raw.selects) ? raw.selects : {};
  for (const id of Object.values(UNIT_SELECTS)) {
    if (typeof units[id] === 'string' && [...$(id).options].some((o) => o.value === units[id])) $(id).value = units[id];
  }
  defaults();
  const { applied, ignored, pins } = applyState(raw);
  describePresets();
  // The core checks each pinned scenario as it checks any input.
  ignored.push(...restorePins(pins).map((i) => `pins[${i}]`));
  labelUnits();
  showMixingInputs();
  readData();
  return { applied, ignored };
}

/** Loads the state of a share link's fragment (`#v=1&s=…`, `&embed=1`) into the inputs. */
export function readFragment(hash) {
  const params = new URLSearchParams(hash.slice(1));
  if (params.get('embed') === '1') document.body.classList.add('embed');
  const encoded = params.get('s');
  if (!encoded) return;
  let raw;
  try {
    raw = JSON.parse(fromBase64Url(encoded));
  } catch {
    raw = null;
  }
  // The newest version the link claims, in its fragment or in its state.
  const claimed = [params.get('v'), raw?.v].map(Number).filter((v) => Number.isInteger(v) && v >= 1);
  const version = Math.max(STATE_VERSION, ...claimed);
  const newer = version > STATE_VERSION ? `This link is from a newer version of the calculator (version ${version}; this page reads version ${STATE_VERSION}).` : '';
  if (!isObject(raw)) {
    showNotice(`${newer || 'The share link is damaged.'} It could not be read; the default scenario is shown.`);
    return;
  }
  const { applied, ignored } = loadState(raw);
  const names = count(ignored.length, 'entry', 'entries');
  if (newer) {
    const skipped = ignored.length ? `; ignored ${names}: ${sample(ignored)}` : '';
    showNotice(`${newer} Kept what this page understands (${count(applied, 'setting', 'settings')})${skipped}.`);
  } else if (ignored.length) {
    showNotice(`Loaded the share link; ignored what was not valid (${names}): ${sample(ignored)}.`);
  }
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    $('status').textContent = `${what} copied to the clipboard.`;
  } catch {
    $('status').textContent = `${what}: ${text}`;
  }
}

const shareUrl = (embed) => `${location.href.split('#')[0]}#${fragment()}${embed ? '&embed=1' : ''}`;
/** The link to the calculator as shown, outside any course page. */
export const fullUrl = () => shareUrl(false);

export const copyLink = () => copy(shareUrl(false), 'Link');
export const copyEmbed = () => copy(embedSnippet(shareUrl(true)), 'Embed code');
