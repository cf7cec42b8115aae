// The calculator page: wires the DOM to the Rust core. No physics lives here — every number the
// page shows is computed and formatted by the wasm module; this file parses what the user types,
// converts units through the core, and keeps inputs, share links and charts in step.

import init, { Calculator, presets, toSi, fromSi } from '../pkg/synthesis_kinetics.js';

const $ = (id) => document.getElementById(id);
const STATE_VERSION = 1;
const MAX_PINS = 3;
const TABLE_ROWS = 25;
const FRAGMENT_DELAY_MS = 300;
const PANEL_DELAY_MS = 250;

const CHARTS = [
  ['temperature', 'Temperature T(t) of the program'],
  ['flux', 'Flux |J(t)| with its linear (G) and exponential (E) control coefficients'],
  ['transport', 'Transported amount, diffusion length and homogenisation residual'],
  ['grain', 'Grain size d(t), eq. (12)'],
  ['arrhenius', 'Arrhenius plot of D against 1/T; extrapolation shaded'],
];

// Input id → unit kind (a key of UNIT_SELECTS), or null for numbers in fixed SI units.
const FIELDS = {
  start: 'temperature', d0: 'diffusivity', ea: 'energy', conc: null, 'valid-min': 'temperature',
  'valid-max': 'temperature', 'mix-length': 'length', g: null, wavelength: 'length', residual: null,
  'grain-n': null, 'grain-d0': 'length', 'grain-k0': null, 'grain-ea': 'energy', points: null,
  'q-duration': 'time', 'q-temperature': 'temperature', 'q-length': 'length',
};
const TEXT_FIELDS = ['composition', 'pin-label'];
const UNIT_SELECTS = {
  temperature: 'u-temperature', rate: 'u-rate', time: 'u-time', energy: 'u-energy',
  diffusivity: 'u-diffusivity', length: 'u-length',
};
const SELECTS = ['technique', 'material', 'basis', 'grain-law', 'grain-n-choice', 'time-axis',
  ...Object.values(UNIT_SELECTS)];

// Segment kinds: their inputs (state key, label, unit kind, SI field of the scenario).
const SEGMENT_FIELDS = {
  ramp: [['rate', 'Rate', 'rate', 'rateKPerS'], ['target', 'Target', 'temperature', 'targetK']],
  hold: [['duration', 'Duration', 'time', 'durationS']],
  pulses: [['count', 'Pulses', null, 'count'], ['on', 'On', 'time', 'onS'], ['off', 'Off', 'time', 'offS'],
    ['peak', 'Peak', 'temperature', 'peakK'], ['base', 'Base', 'temperature', 'baseK']],
};
// Scenario field paths → input ids, for showing a core error next to its input.
const PATHS = {
  'program.startK': 'start', 'diffusion.d0M2PerS': 'd0', 'diffusion.eaJPerMol': 'ea',
  'diffusion.concentrationMolPerM3': 'conc', 'diffusion.validMinK': 'valid-min',
  'diffusion.validMaxK': 'valid-max', 'mixing.lengthM': 'mix-length', 'mixing.gJPerKMolM': 'g',
  'mixing.sublattices': 'composition', 'homogenisation.wavelengthM': 'wavelength',
  'homogenisation.targetResidual': 'residual', 'grainGrowth.exponent': 'grain-n',
  'grainGrowth.d0M': 'grain-d0', 'grainGrowth.k0': 'grain-k0', 'grainGrowth.eaJPerMol': 'grain-ea',
  'sampling.points': 'points',
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PRESETS = { techniques: [], materials: [], grainLaws: [] };
let calc = null;
let memory = null;
let segments = [];
let lastGood = null;
let scheduled = false;

class InputProblem extends Error {
  constructor(input, message) { super(message); this.input = input; }
}

function parseNumber(input) {
  const text = input.value.trim();
  if (!NUMBER.test(text)) {
    throw new InputProblem(input, text === '' ? 'Required: enter a number.' : `“${text.slice(0, 24)}” is not a number; use e.g. 1500, 0.25 or 2.66e-6.`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputProblem(input, 'Too large: the number must be finite.');
  return value;
}

const unitOf = (kind) => $(UNIT_SELECTS[kind]).value;
// Each input's last text and unit with its SI value: an edit converts only what changed.
const converted = new WeakMap();
function siValue(input, kind) {
  const unit = kind ? unitOf(kind) : null;
  const last = converted.get(input);
  if (last && last.text === input.value && last.unit === unit) return last.si;
  const value = parseNumber(input);
  const si = unit ? toSi(value, unit) : value;
  converted.set(input, { text: input.value, unit, si });
  return si;
}
// Shortest text that round-trips to 10 significant digits; scientific notation when small or large.
const format = (v) => {
  const r = Number(v.toPrecision(10));
  return r !== 0 && (Math.abs(r) < 1e-3 || Math.abs(r) >= 1e7) ? r.toExponential().replace('e+', 'e') : String(r);
};
const display = (si, kind) => format(kind ? fromSi(si, unitOf(kind)) : si);

// ---------- messages ----------

// The inputs marked invalid, with their messages: an edit clears them without searching the page.
const marked = new Map();

function clearMessages() {
  for (const [input, msg] of marked) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    msg.remove();
  }
  marked.clear();
  $('alert').hidden = true;
}

function markInvalid(input, message) {
  marked.get(input)?.remove();
  input.setAttribute('aria-invalid', 'true');
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.id = `${input.id}-msg`;
  msg.textContent = message;
  input.setAttribute('aria-describedby', msg.id);
  input.insertAdjacentElement('afterend', msg);
  marked.set(input, msg);
}

function showAlert(message) {
  $('alert').textContent = message;
  $('alert').hidden = false;
}

function inputForPath(path) {
  const seg = /^program\.segments\[(\d+)\]\.(\w+)/.exec(path);
  if (seg) return document.querySelector(`#segments li:nth-child(${Number(seg[1]) + 1}) input[data-si="${seg[2]}"]`);
  const key = Object.keys(PATHS).find((p) => path === p || path.startsWith(`${p}[`) || path.startsWith(`${p}.`));
  return key ? $(PATHS[key]) : null;
}

function reportCoreError(error) {
  const message = String(error && error.message ? error.message : error);
  const path = message.split(/[\s:=]/)[0];
  const input = inputForPath(path);
  if (input) markInvalid(input, message); else showAlert(message);
}

// ---------- segments ----------

function renderSegments() {
  const list = $('segments');
  list.replaceChildren();
  segments.forEach((seg, index) => {
    const li = document.createElement('li');
    const head = document.createElement('div');
    head.className = 'head';
    const title = document.createElement('b');
    title.textContent = { ramp: 'Ramp', hold: 'Hold', pulses: 'Pulse train' }[seg.kind];
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove segment ${index + 1}`);
    remove.addEventListener('click', () => { segments.splice(index, 1); renderSegments(); customProgram(); });
    head.append(title, remove);
    const grid = document.createElement('div');
    grid.className = 'grid';
    for (const [key, label, unit, si] of SEGMENT_FIELDS[seg.kind]) {
      const lab = document.createElement('label');
      lab.className = 'field';
      lab.append(`${label} `);
      if (unit) {
        const u = document.createElement('span');
        u.className = 'unit';
        u.dataset.unit = unit;
        u.textContent = $(UNIT_SELECTS[unit]).selectedOptions[0].textContent;
        lab.append(u);
      }
      const input = document.createElement('input');
      input.id = `seg-${index}-${key}`;
      input.inputMode = 'decimal';
      input.value = seg[key] ?? '';
      input.dataset.si = si;
      input.dataset.unit = unit ?? '';
      input.addEventListener('input', () => { seg[key] = input.value; customProgram(); });
      lab.append(input);
      grid.append(lab);
    }
    li.append(head, grid);
    list.append(li);
  });
}

function customProgram() {
  $('technique').value = 'custom';
  $('technique-source').textContent = 'Custom program.';
  schedule();
}

// ---------- presets ----------

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function sourceLine(el, text, confirmed) {
  el.replaceChildren(text);
  if (!confirmed) {
    const mark = document.createElement('span');
    mark.className = 'unconfirmed';
    mark.textContent = ' Unconfirmed placeholder values.';
    el.append(mark);
  }
}

function applyTechnique(id) {
  const t = PRESETS.techniques.find((x) => x.id === id);
  if (!t) return;
  $('start').value = display(t.startK, 'temperature');
  segments = t.segments.map((s) => {
    const seg = { kind: s.kind };
    for (const [key, , unit, si] of SEGMENT_FIELDS[s.kind]) seg[key] = display(s[si], unit);
    return seg;
  });
  renderSegments();
  sourceLine($('technique-source'), t.source, t.confirmed);
}

function applyMaterial(id) {
  const m = PRESETS.materials.find((x) => x.id === id);
  if (!m) return;
  $('d0').value = display(m.d0M2PerS, 'diffusivity');
  $('ea').value = display(m.eaJPerMol, 'energy');
  $('valid-min').value = display(m.validMinK, 'temperature');
  $('valid-max').value = display(m.validMaxK, 'temperature');
  sourceLine($('material-source'), `${m.source}. Measured ${m.validMinK}–${m.validMaxK} K.`, m.d0Confirmed);
}

function applyGrainLaw(id) {
  const g = PRESETS.grainLaws.find((x) => x.id === id);
  if (!g) return;
  $('grain-n-choice').value = String(g.exponent);
  $('grain-n').value = String(g.exponent);
  $('grain-ea').value = display(g.eaJPerMol, 'energy');
  $('grain-k0').value = format(g.k0);
}

function describePresets() {
  const t = PRESETS.techniques.find((x) => x.id === $('technique').value);
  if (t) sourceLine($('technique-source'), t.source, t.confirmed); else $('technique-source').textContent = 'Custom program.';
  const m = PRESETS.materials.find((x) => x.id === $('material').value);
  if (m) sourceLine($('material-source'), `${m.source}. Measured ${m.validMinK}–${m.validMaxK} K.`, m.d0Confirmed);
  else $('material-source').textContent = 'Custom values.';
}

function fillPresets() {
  Object.assign(PRESETS, presets());
  const tech = $('technique');
  for (const t of PRESETS.techniques) tech.append(option(t.id, t.confirmed ? t.name : `${t.name} (unconfirmed)`));
  tech.append(option('custom', 'Custom program'));
  for (const m of PRESETS.materials) $('material').append(option(m.id, m.d0Confirmed ? m.name : `${m.name} (D0 unconfirmed)`));
  $('material').append(option('custom', 'Custom'));
  for (const g of PRESETS.grainLaws) $('grain-law').append(option(g.id, g.name));
  $('grain-law').append(option('custom', 'Custom'));
  const sources = $('sources');
  for (const item of [...PRESETS.techniques, ...PRESETS.materials, ...PRESETS.grainLaws]) {
    const li = document.createElement('li');
    li.textContent = `${item.name}: ${item.source}`;
    sources.append(li);
  }
  const paper = document.createElement('li');
  paper.textContent = 'Theory: Z. Meng et al., Mater. Horiz. 2023, 10, 5343, DOI 10.1039/d3mh01302b.';
  sources.prepend(paper);
}

function defaults() {
  $('technique').value = 'furnace';
  applyTechnique('furnace');
  $('material').value = PRESETS.materials[0].id;
  applyMaterial(PRESETS.materials[0].id);
  $('conc').value = '1e4';
  $('composition').value = '1: 1, 1, 1, 1, 1';
  $('mix-length').value = display(1e-6, 'length');
  $('g').value = '1.338e7';
  $('wavelength').value = display(1e-6, 'length');
  $('residual').value = '0.01';
  $('grain-law').value = PRESETS.grainLaws[0].id;
  applyGrainLaw(PRESETS.grainLaws[0].id);
  $('grain-d0').value = display(1e-7, 'length');
  $('points').value = '600';
  $('q-duration').value = display(7200, 'time');
  $('q-temperature').value = display(1473.15, 'temperature');
  $('q-length').value = display(1e-7, 'length');
}

// ---------- scenario ----------

function composition() {
  const input = $('composition');
  const parts = input.value.split(';').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new InputProblem(input, 'Required: e.g. “1: 1, 1, 1, 1, 1” for five equimolar cations on one site.');
  return parts.map((part) => {
    const [sites, amounts] = part.includes(':') ? part.split(':', 2) : ['1', part];
    const num = (text) => {
      const t = text.trim();
      if (!NUMBER.test(t) || !Number.isFinite(Number(t))) {
        throw new InputProblem(input, `“${t.slice(0, 24)}” is not a number; write sublattices as “sites: amount, amount; …”.`);
      }
      return Number(t);
    };
    return { sitesPerFormulaUnit: num(sites), amounts: amounts.split(',').map(num) };
  });
}

function scenario() {
  const si = (id) => siValue($(id), FIELDS[id]);
  const program = {
    startK: si('start'),
    segments: [...document.querySelectorAll('#segments li')].map((li, i) => {
      const out = { kind: segments[i].kind };
      for (const input of li.querySelectorAll('input')) out[input.dataset.si] = siValue(input, input.dataset.unit || null);
      return out;
    }),
  };
  const mixing = document.querySelector('input[name=mixing]:checked').value === 'direct'
    ? { kind: 'direct', gJPerKMolM: si('g') }
    : { kind: 'entropy', lengthM: si('mix-length'), sublattices: composition(), basis: $('basis').value };
  const axis = $('time-axis').value;
  return {
    program,
    diffusion: {
      d0M2PerS: si('d0'), eaJPerMol: si('ea'), concentrationMolPerM3: si('conc'),
      // The measured range is optional: without it nothing is flagged as extrapolated.
      validMinK: optionalSi('valid-min'), validMaxK: optionalSi('valid-max'),
    },
    mixing,
    grainGrowth: $('grain-on').checked
      ? { exponent: si('grain-n'), d0M: si('grain-d0'), k0: si('grain-k0'), eaJPerMol: si('grain-ea') }
      : null,
    homogenisation: { wavelengthM: si('wavelength'), targetResidual: si('residual') },
    sampling: { points: si('points'), scale: axis === 'log' ? 'log' : 'linear', decades: 6 },
  };
}

function optionalSi(id) {
  return $(id).value.trim() === '' ? undefined : siValue($(id), FIELDS[id]);
}

// ---------- drawing ----------

// An edit is recomputed in a task of its own, right after the input that caused it (inputs
// arriving meanwhile join it): the browser's frame then holds only its own layout and paint, so
// dragging a slider does not build one long task out of both.
const recomputeTask = new MessageChannel();
recomputeTask.port1.onmessage = () => { scheduled = false; recompute(); };
function schedule() {
  if (scheduled) return;
  scheduled = true;
  recomputeTask.port2.postMessage(null);
}

function recompute() {
  // Read by the benchmark: the last edit's duration. Only the last is kept, so that a long
  // session does not fill the performance timeline.
  performance.clearMarks('sk-update-start');
  performance.clearMeasures('sk-update');
  performance.mark('sk-update-start');
  clearMessages();
  let s;
  try {
    s = scenario();
  } catch (e) {
    if (e instanceof InputProblem) { markInvalid(e.input, e.message); return; }
    throw e;
  }
  guarded(() => {
    try {
      calc.update(s);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      reportCoreError(e);
      return;
    }
    lastGood = s;
    // The slider stops at its ends; its label gives the value itself.
    const eaKj = fromSi(s.diffusion.eaJPerMol, 'kjPerMol');
    $('ea-slider').value = String(eaKj);
    setText($('ea-slider-value'), format(eaKj));
    calc.setLabel(currentLabel());
    calc.setTimeAxis($('time-axis').value);
    draw();
    setText($('mixing-out'), calc.mixingText());
    refreshPanels();
    refreshTables();
    writeFragment();
    performance.measure('sk-update', 'sk-update-start');
  });
}

// Replacing a text node costs a layout even when the text is the same.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function inverse() {
  try {
    setText($('inverse'), calc.inverseText(optionalSi('q-duration'), optionalSi('q-temperature'), optionalSi('q-length')));
  } catch (e) {
    if (e instanceof InputProblem) markInvalid(e.input, e.message); else throw e;
  }
}

// The summary and the inverse questions follow every edit while on screen. Off screen they are
// marked busy and filled a moment after the last edit, or as soon as they scroll into view: while
// a slider is dragged, laying out their text on every frame would cost more than the charts.
const PANELS = new Map([
  ['summary-panel', { visible: false, fill: () => setText($('summary'), calc.summaryText()) }],
  ['inverse-panel', { visible: false, fill: inverse }],
]);
const panelVisibility = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const panel = PANELS.get(e.target.id);
    panel.visible = e.isIntersecting;
    if (panel.visible && e.target.hasAttribute('aria-busy')) guarded(() => fillPanel(e.target.id));
  }
}, { rootMargin: '200px' });

function fillPanel(id) {
  PANELS.get(id).fill();
  $(id).removeAttribute('aria-busy');
}

let panelTimer = 0;
function refreshPanels() {
  clearTimeout(panelTimer);
  for (const [id, panel] of PANELS) {
    if (panel.visible) fillPanel(id); else $(id).setAttribute('aria-busy', 'true');
  }
  panelTimer = setTimeout(() => guarded(() => {
    for (const id of PANELS.keys()) if ($(id).hasAttribute('aria-busy')) fillPanel(id);
  }), PANEL_DELAY_MS);
}

function currentLabel() {
  return $('technique').selectedOptions[0]?.textContent || 'current';
}

// Each chart canvas hands its drawing to an OffscreenCanvas where the browser has them: its frames
// then reach the screen only when it is drawn, while a canvas drawn in place is handed to the
// compositor again at every frame the page paints (in Chromium without GPU raster, a copy of
// every chart at each step of a slider drag). Elsewhere the canvas is drawn in place.
const OFFSCREEN = (() => {
  try {
    return 'transferControlToOffscreen' in HTMLCanvasElement.prototype && new OffscreenCanvas(1, 1).getContext('2d') !== null;
  } catch {
    return false;
  }
})();
// What each chart is drawn on, by kind: its canvas's OffscreenCanvas, or the canvas.
const surfaces = new Map();
// A spare canvas per chart, by kind, on which the core keeps the chart's guides (axes, labels,
// legend): an edit that leaves them as they were redraws only the traces over a copy of them.
const layers = new Map();

// Gives every chart, and its layer, as many pixels as its canvas shows; tells whether any size
// changed. (The core sizes a layer itself; sizing it here lets prepareCanvases set it up early.)
function sizeCanvases() {
  const ratio = window.devicePixelRatio || 1;
  let changed = false;
  for (const [kind, surface] of surfaces) {
    const canvas = $(`chart-${kind}`);
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (surface.width !== w || surface.height !== h) { surface.width = w; surface.height = h; changed = true; }
    const layer = layers.get(kind);
    if (layer.width !== w || layer.height !== h) { layer.width = w; layer.height = h; }
  }
  return changed;
}

// A canvas's backing store and the first use of a font are set up lazily, at a cost of tens of
// milliseconds per chart on a slow phone; doing both while the wasm module downloads takes that
// cost off the first render. The charts paint their own background, so their canvases are opaque.
function prepareCanvases() {
  for (const surface of [...surfaces.values(), ...layers.values()]) {
    const context = surface.getContext('2d', { alpha: false });
    context.font = '13px sans-serif';
    context.measureText('0');
    context.clearRect(0, 0, surface.width, surface.height);
  }
}

function setAppearance() {
  calc.setAppearance(matchMedia('(prefers-color-scheme: dark)').matches, window.devicePixelRatio || 1);
}

function draw() {
  calc.draw();
  // Read by the benchmark: the first draw covers every chart.
  if (!performance.getEntriesByName('sk-charts-drawn').length) performance.mark('sk-charts-drawn');
  const body = document.body;
  body.dataset.draws = String(Number(body.dataset.draws || 0) + 1);
  body.dataset.ready = '1';
  // Read by the benchmark: the wasm heap after each draw.
  body.dataset.wasmBytes = String(memory.buffer.byteLength);
}

function buildCharts() {
  const host = $('charts');
  for (const [kind, title] of CHARTS) {
    const fig = document.createElement('figure');
    fig.className = 'chart';
    const canvas = document.createElement('canvas');
    canvas.id = `chart-${kind}`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${title}. Values are in the data table below.`);
    const out = document.createElement('output');
    out.id = `readout-${kind}`;
    out.textContent = 'Hover or touch the chart for exact values.';
    const read = (e) => guarded(() => {
      const text = calc.readout(kind, e.offsetX);
      if (text) out.textContent = text;
    });
    canvas.addEventListener('pointermove', read);
    canvas.addEventListener('pointerdown', read);
    const caption = document.createElement('figcaption');
    caption.className = 'source';
    caption.textContent = title;
    const row = document.createElement('div');
    row.className = 'row';
    for (const [label, fn] of [['PNG', () => exportPng(kind)], ['SVG', () => exportSvg(kind, canvas)]]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = label;
      b.setAttribute('aria-label', `Download the ${kind} chart as ${label}`);
      b.dataset.export = `${kind}-${label.toLowerCase()}`;
      b.addEventListener('click', fn);
      row.append(b);
    }
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Data table';
    details.append(summary);
    details.addEventListener('toggle', () => { if (details.open) renderTable(kind, details); });
    fig.append(caption, canvas, ...(kind === 'flux' ? [$('ea-explore')] : []), out, row, details);
    host.append(fig);
    surfaces.set(kind, OFFSCREEN ? canvas.transferControlToOffscreen() : canvas);
    layers.set(kind, OFFSCREEN ? new OffscreenCanvas(1, 1) : document.createElement('canvas'));
  }
}

function renderTable(kind, details) {
  const rows = calc.table(kind, TABLE_ROWS);
  if (!rows) return;
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = CHARTS.find(([k]) => k === kind)[1];
  table.append(caption);
  rows.forEach((cells, r) => {
    const tr = document.createElement('tr');
    for (const text of cells) {
      const cell = document.createElement(r === 0 ? 'th' : 'td');
      if (r === 0) cell.scope = 'col';
      cell.textContent = text;
      tr.append(cell);
    }
    table.append(tr);
  });
  details.querySelector('table')?.remove();
  details.append(table);
}

function refreshTables() {
  const details = document.querySelectorAll('#charts details');
  CHARTS.forEach(([kind], i) => { if (details[i].open) renderTable(kind, details[i]); });
}

// ---------- exports and sharing ----------

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const exportPng = (kind) => guarded(() => {
  calc.ensureDrawn(kind);
  const surface = surfaces.get(kind);
  const png = OFFSCREEN ? surface.convertToBlob({ type: 'image/png' }) : new Promise((resolve) => surface.toBlob(resolve, 'image/png'));
  png.then((blob) => download(`kinetics-${kind}.png`, blob), (e) => showAlert(`The PNG could not be made: ${e.message || e}`));
});
const exportSvg = (kind, canvas) => guarded(() => download(`kinetics-${kind}.svg`,
  new Blob([calc.svg(kind, canvas.clientWidth, canvas.clientHeight)], { type: 'image/svg+xml' })));

function exportJson() {
  guarded(() => {
    const current = calc.current();
    const curves = Object.fromEntries(Object.entries(current.curves).map(([k, v]) => [k, Array.from(v)]));
    const body = { scenario: lastGood, summary: current.summary, curves, state: state() };
    download('kinetics.json', new Blob([JSON.stringify(body)], { type: 'application/json' }));
  });
}

function state() {
  const fields = {};
  for (const id of [...Object.keys(FIELDS), ...TEXT_FIELDS]) fields[id] = $(id).value;
  const selects = {};
  for (const id of SELECTS) selects[id] = $(id).value;
  return {
    v: STATE_VERSION, fields, selects, segments,
    mixing: document.querySelector('input[name=mixing]:checked').value, grainOn: $('grain-on').checked,
  };
}

const toBase64Url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => new TextDecoder().decode(
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

function fragment() {
  return `v=${STATE_VERSION}&s=${toBase64Url(JSON.stringify(state()))}`;
}

// The address bar follows the inputs a moment after the last edit: replaceState costs several
// milliseconds, too much for every step of a slider drag.
let fragmentTimer = 0;
function writeFragment() {
  clearTimeout(fragmentTimer);
  fragmentTimer = setTimeout(() => {
    const embed = document.body.classList.contains('embed') ? '&embed=1' : '';
    history.replaceState(null, '', `#${fragment()}${embed}`);
  }, FRAGMENT_DELAY_MS);
}

const FIELD_TEXT = /^[-+0-9.eE:;, ]{0,200}$/;

// Applies a share-link state: every valid field is taken, everything else is listed as ignored.
function applyState(raw) {
  const ignored = [];
  const take = (obj, key, test) => {
    if (!Object.hasOwn(obj, key)) return undefined;
    if (test(obj[key])) return obj[key];
    ignored.push(key);
    return undefined;
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['the whole link (not an object)'];
  for (const key of Object.keys(raw)) if (!['v', 'fields', 'selects', 'segments', 'mixing', 'grainOn'].includes(key)) ignored.push(key);
  if (raw.v !== STATE_VERSION) ignored.push(`version ${String(raw.v).slice(0, 10)}`);
  const selects = typeof raw.selects === 'object' && raw.selects ? raw.selects : {};
  for (const [id, value] of Object.entries(selects)) {
    const el = SELECTS.includes(id) ? $(id) : null;
    if (el && typeof value === 'string' && [...el.options].some((o) => o.value === value)) el.value = value;
    else ignored.push(`selects.${id}`);
  }
  const fields = typeof raw.fields === 'object' && raw.fields ? raw.fields : {};
  for (const [id, value] of Object.entries(fields)) {
    const known = Object.hasOwn(FIELDS, id) || TEXT_FIELDS.includes(id);
    const numeric = !Object.hasOwn(FIELDS, id) || (typeof value === 'string' && (value.trim() === '' || (NUMBER.test(value.trim()) && Number.isFinite(Number(value)))));
    const ok = typeof value === 'string' && numeric && (id === 'pin-label' ? value.length <= 40 : FIELD_TEXT.test(value));
    if (known && ok) $(id).value = value; else ignored.push(`fields.${id}`);
  }
  const segs = take(raw, 'segments', (v) => Array.isArray(v) && v.length <= 50);
  if (segs) {
    segments = [];
    segs.forEach((seg, i) => {
      if (!seg || typeof seg !== 'object' || !Object.hasOwn(SEGMENT_FIELDS, seg.kind)) { ignored.push(`segments[${i}]`); return; }
      const clean = { kind: seg.kind };
      for (const [key] of SEGMENT_FIELDS[seg.kind]) {
        if (typeof seg[key] === 'string' && NUMBER.test(seg[key].trim()) && Number.isFinite(Number(seg[key]))) clean[key] = seg[key];
        else ignored.push(`segments[${i}].${key}`);
      }
      segments.push(clean);
    });
  }
  const mixing = take(raw, 'mixing', (v) => v === 'entropy' || v === 'direct');
  if (mixing) document.querySelector(`input[name=mixing][value=${mixing}]`).checked = true;
  const grainOn = take(raw, 'grainOn', (v) => typeof v === 'boolean');
  if (grainOn !== undefined) $('grain-on').checked = grainOn;
  return ignored;
}

function readFragment(hash) {
  const params = new URLSearchParams(hash.slice(1));
  if (params.get('embed') === '1') document.body.classList.add('embed');
  const encoded = params.get('s');
  if (!encoded) return;
  let raw;
  try {
    raw = JSON.parse(fromBase64Url(encoded));
  } catch {
    showAlert('The share link is damaged and could not be read; the default scenario is shown.');
    return;
  }
  // Units first, so that defaults for anything the link lacks are shown in the link's units.
  const units = raw && typeof raw === 'object' && raw.selects && typeof raw.selects === 'object' ? raw.selects : {};
  for (const id of Object.values(UNIT_SELECTS)) {
    if (typeof units[id] === 'string' && [...$(id).options].some((o) => o.value === units[id])) $(id).value = units[id];
  }
  defaults();
  const ignored = applyState(raw);
  describePresets();
  if (ignored.length) showAlert(`Loaded the share link; ignored what was not valid: ${ignored.slice(0, 12).join(', ')}${ignored.length > 12 ? ', …' : ''}.`);
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    $('status').textContent = `${what} copied to the clipboard.`;
  } catch {
    $('status').textContent = `${what}: ${text}`;
  }
}

function shareUrl(embed) {
  const base = location.href.split('#')[0];
  return `${base}#${fragment()}${embed ? '&embed=1' : ''}`;
}

// ---------- units ----------

function changeUnit(kind, select) {
  const old = select.dataset.previous;
  const next = select.value;
  const inputs = [
    ...Object.entries(FIELDS).filter(([, k]) => k === kind).map(([id]) => $(id)),
    ...document.querySelectorAll(`#segments input[data-unit="${kind}"]`),
  ];
  for (const input of inputs) {
    const text = input.value.trim();
    if (!NUMBER.test(text)) continue;
    input.value = format(fromSi(toSi(Number(text), old), next));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  select.dataset.previous = next;
  labelUnits();
}

function labelUnits() {
  for (const span of document.querySelectorAll('.unit[data-unit]')) {
    span.textContent = $(UNIT_SELECTS[span.dataset.unit]).selectedOptions[0].textContent;
  }
}

// ---------- robustness: a panic in the wasm module restarts it without a reload ----------

let restarts = 0;
async function restart(error) {
  restarts += 1;
  const module = await import(new URL(`pkg/synthesis_kinetics.js?restart=${restarts}`, document.baseURI).href);
  ({ memory } = await module.default());
  calc = new module.Calculator();
  attachCanvases();
  setAppearance();
  reportVisibility();
  showAlert(`The calculator hit an internal error and restarted; your inputs are kept. (${String(error.message || error).slice(0, 200)})`);
  if (lastGood) recompute();
}

function guarded(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) { restart(e); return undefined; }
    throw e;
  }
}

function attachCanvases() {
  for (const [kind, surface] of surfaces) calc.attach(kind, surface, layers.get(kind));
}

// Only charts on screen are redrawn on each edit; the core redraws a stale one as it scrolls in.
// The observer may report before the wasm module is ready, so the page keeps the last report.
const onScreen = new Map();
const visibility = new IntersectionObserver((entries) => {
  for (const e of entries) onScreen.set(e.target.id.replace('chart-', ''), e.isIntersecting);
  if (lastGood) guarded(reportVisibility);
}, { rootMargin: '100px' });
function reportVisibility() {
  for (const [kind, visible] of onScreen) calc.setVisible(kind, visible);
}

// ---------- start ----------

function wire() {
  const form = $('inputs');
  form.addEventListener('input', (e) => {
    if (['d0', 'ea', 'valid-min', 'valid-max'].includes(e.target.id)) $('material').value = 'custom';
    if (['grain-n', 'grain-k0', 'grain-ea'].includes(e.target.id)) $('grain-law').value = 'custom';
    if (e.target.id === 'start') customProgram();
    schedule();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  // The slider (under the flux chart, outside the form) edits Ea as if it were typed.
  $('ea-slider').addEventListener('input', (e) => {
    $('ea').value = display(toSi(Number(e.target.value), 'kjPerMol'), 'energy');
    $('ea').dispatchEvent(new Event('input', { bubbles: true }));
  });
  for (const id of ['q-duration', 'q-temperature', 'q-length', 'pin-label']) $(id).addEventListener('input', schedule);
  $('technique').addEventListener('change', (e) => { applyTechnique(e.target.value); schedule(); });
  $('material').addEventListener('change', (e) => { applyMaterial(e.target.value); schedule(); });
  $('grain-law').addEventListener('change', (e) => { applyGrainLaw(e.target.value); schedule(); });
  $('grain-n-choice').addEventListener('change', (e) => {
    if (e.target.value !== 'custom') $('grain-n').value = e.target.value;
    schedule();
  });
  for (const [kind, id] of Object.entries(UNIT_SELECTS)) {
    const select = $(id);
    select.dataset.previous = select.value;
    select.addEventListener('change', () => { changeUnit(kind, select); schedule(); });
  }
  for (const radio of document.querySelectorAll('input[name=mixing]')) {
    radio.addEventListener('change', () => {
      const direct = radio.value === 'direct' && radio.checked;
      $('mixing-direct').hidden = !direct;
      $('mixing-entropy').hidden = direct;
    });
  }
  for (const b of document.querySelectorAll('[data-add]')) {
    b.addEventListener('click', () => {
      const kind = b.dataset.add;
      const t = (k) => display(k, 'temperature');
      segments.push({
        ramp: { kind, rate: display(10 / 60, 'rate'), target: t(1273.15) },
        hold: { kind, duration: display(600, 'time') },
        pulses: { kind, count: '10', on: display(0.055, 'time'), off: display(0.55, 'time'), peak: t(1800), base: t(298.15) },
      }[kind]);
      renderSegments();
      customProgram();
    });
  }
  $('pin').addEventListener('click', () => guarded(() => {
    try {
      const n = calc.pin($('pin-label').value.trim() || currentLabel());
      $('pins').textContent = `${n} of ${MAX_PINS} pinned; they are drawn with the current scenario on every chart.`;
      draw();
    } catch (e) { showAlert(String(e.message || e)); }
  }));
  $('clear-pins').addEventListener('click', () => guarded(() => { calc.clearPins(); $('pins').textContent = ''; draw(); }));
  $('copy-link').addEventListener('click', () => copy(shareUrl(false), 'Link'));
  $('copy-embed').addEventListener('click', () => copy(
    `<iframe src="${shareUrl(true)}" title="Synthesis Kinetics Calculator" width="100%" height="900" style="border:0" loading="lazy"></iframe>`,
    'Embed code'));
  $('export-csv').addEventListener('click', () => guarded(() => download('kinetics.csv', new Blob([calc.csv()], { type: 'text/csv' }))));
  $('export-json').addEventListener('click', exportJson);
  $('help-toggle').addEventListener('click', (e) => {
    const open = $('help').hidden;
    $('help').hidden = !open;
    e.target.setAttribute('aria-expanded', String(open));
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => guarded(() => { setAppearance(); draw(); }));
  // Canvas sizes are read only when the layout changes, never on the per-edit path.
  new ResizeObserver(() => guarded(() => {
    if (sizeCanvases() && lastGood) { setAppearance(); draw(); }
  })).observe($('charts'));
}

// The built page carries the module's bytes in a data block after this script (.ci/inline.mjs),
// so that they arrive with the page in one round trip. They are compiled as a stream, each
// function on its first call.
async function loadWasm() {
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const inlined = $('sk-wasm');
  const base64 = inlined.textContent;
  inlined.remove();
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return init({ module_or_path: new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }) });
}

async function main() {
  const hash = location.hash;
  // The page is laid out while the wasm module arrives and compiles.
  const wasm = loadWasm();
  buildCharts();
  for (const [kind] of CHARTS) visibility.observe($(`chart-${kind}`));
  for (const id of PANELS.keys()) panelVisibility.observe($(id));
  labelUnits();
  sizeCanvases();
  prepareCanvases();
  ({ memory } = await wasm);
  calc = new Calculator();
  attachCanvases();
  setAppearance();
  fillPresets();
  defaults();
  // The first render draws every chart, so that all are ready before the user scrolls to them;
  // from then on only the charts on screen follow the edits. The default scenario is drawn first,
  // so a share link with invalid values still shows charts (the last valid state) next to the
  // marked inputs. Nothing can be edited before it is drawn, so listeners are added after.
  recompute();
  reportVisibility();
  wire();
  if (hash.length > 1) {
    readFragment(hash);
    labelUnits();
    for (const select of Object.values(UNIT_SELECTS)) $(select).dataset.previous = $(select).value;
    renderSegments();
    for (const radio of document.querySelectorAll('input[name=mixing]')) radio.dispatchEvent(new Event('change'));
    recompute();
  }
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

main().catch((e) => {
  showAlert(`The calculator could not start: ${String(e.message || e)}`);
  throw e;
});
