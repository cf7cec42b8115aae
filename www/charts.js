// The charts: one <canvas> per chart, which the core draws on in place; their sizes, which of
// them are on screen, hover readouts, data tables and PNG export (SVG: exports.js).

import { $, download, el, showTable } from './dom.js';
import { exportSvg } from './exports.js';
import { showNotice } from './messages.js';
import { slidersUnder } from './sliders.js';
import { state } from './state.js';
import { guarded } from './wasm.js';

const TABLE_ROWS = 25;
const CHARTS = [
  ['temperature', 'Temperature T(t) of the program'],
  ['flux', 'Flux |J(t)|; its control coefficients G and E in the caption and the readout'],
  ['transport', 'Diffusion length L(t); transported amount and homogenisation residual in the readout'],
  ['grain', 'Grain size d(t), eq. (12)'],
  ['arrhenius', 'Arrhenius plot of D against 1/T; extrapolation shaded'],
  ['mixing', 'Temperature that homogenises against the mixing length, the paper’s routes marked (§3.2)'],
  ['rate', 'Diffusion length against the heating rate, technique presets marked (§3.3)'],
  ['growth', 'Grain size after a hold against its temperature, n = 2 and 3 (§3.4)'],
  ['kissinger', 'Kissinger plot: ln(β/T_p²) against 1000/T_p of the homogenisation rate’s peak, techniques marked'],
];
/** The charts of the paper's questions and the Kissinger check, shown only in their view (views.js). */
export const VIEW_CHARTS = ['mixing', 'rate', 'growth', 'kissinger'];
/** Every chart's name. */
export const CHART_KINDS = CHARTS.map(([kind]) => kind);
/** The title of chart `kind`. */
export const chartTitle = (kind) => CHARTS.find(([k]) => k === kind)[1];
/** The canvas of chart `kind`. */
export const canvasOf = (kind) => $(`chart-${kind}`);
/** The figure of chart `kind`: caption, canvas, sliders, readout, buttons and table. */
export const figureOf = (kind) => canvasOf(kind).closest('figure');

// Only charts on screen are redrawn on each edit; the core redraws a stale one as it scrolls in.
// The observer may report before the first draw, so the page keeps the last report.
const onScreen = new Map();
const visibility = new IntersectionObserver((entries) => {
  for (const e of entries) onScreen.set(e.target.id.replace('chart-', ''), e.isIntersecting);
  if (state.lastGood) guarded(reportVisibility);
}, { rootMargin: '100px' });

/** Tells the core which charts are on screen. */
export function reportVisibility(calc) {
  for (const [kind, visible] of onScreen) calc.setVisible(kind, visible);
}

/** Gives every canvas as many pixels as it shows; tells whether any size changed. */
export function sizeCanvases() {
  const ratio = window.devicePixelRatio || 1;
  let changed = false;
  for (const [kind] of CHARTS) {
    const canvas = canvasOf(kind);
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      changed = true;
    }
  }
  return changed;
}

// A canvas's backing store and the first use of a font are set up lazily, at a cost of tens of
// milliseconds per chart on a slow phone; doing both while the wasm module downloads takes that
// cost off the first render. The charts paint their own background, so their canvases are opaque.
function prepareCanvases() {
  for (const [kind] of CHARTS) {
    const canvas = canvasOf(kind);
    const context = canvas.getContext('2d', { alpha: false });
    context.font = '13px sans-serif';
    context.measureText('0');
    context.clearRect(0, 0, canvas.width, canvas.height);
  }
}

/** After the layout changed: canvases resized to what they show, and redrawn if any changed. */
export const fitCharts = () => guarded((calc) => {
  if (sizeCanvases() && state.lastGood) {
    // A point read out on a canvas of another size is no longer where its line is.
    for (const cursor of document.querySelectorAll('figure.chart .cursor')) cursor.hidden = true;
    setAppearance(calc);
    draw(calc);
  }
});

/** Hands every canvas to a new Calculator, in the current colours and pixel ratio. */
export function attachCharts(calc) {
  sizeCanvases();
  for (const [kind] of CHARTS) calc.attach(kind, canvasOf(kind));
  setAppearance(calc);
}

export function setAppearance(calc) {
  calc.setAppearance(matchMedia('(prefers-color-scheme: dark)').matches, window.devicePixelRatio || 1);
}

/** Counts a drawing of the charts on screen (read by the benchmark and the tests). */
function drawn() {
  // The first draw covers every chart.
  if (!performance.getEntriesByName('sk-charts-drawn').length) performance.mark('sk-charts-drawn');
  const body = document.body;
  body.dataset.draws = String(Number(body.dataset.draws || 0) + 1);
  body.dataset.ready = '1';
  // The wasm heap after each draw.
  body.dataset.wasmBytes = String(state.memory.buffer.byteLength);
}

// Zoom: dragging across a time chart zooms every time chart into that time; a button under each
// shows the whole programs again.
const TIME_CHARTS = ['temperature', 'flux', 'transport', 'grain'];
/** How long a finger rests before its drag zooms [ms]: a finger that moves at once reads the chart. */
const TOUCH_HOLD_MS = 400;

/** Shows the reset buttons while the charts are zoomed (every edit passes here). */
function showZoom(calc) {
  const hidden = !calc.zoomWindow();
  for (const kind of TIME_CHARTS) {
    const button = $(`zoom-reset-${kind}`);
    if (button.hidden !== hidden) button.hidden = hidden;
  }
}

/** Redraws the charts on screen (the others when they scroll into view). */
export function draw(calc) {
  calc.draw();
  showZoom(calc);
  drawn();
}

/** After a zoom or its reset, which redrew the charts: the reset buttons and the open tables. */
function afterZoom(calc) {
  showZoom(calc);
  refreshTables(calc);
  drawn();
}

const resetZoom = () => guarded((calc) => {
  calc.resetZoom();
  afterZoom(calc);
});

/** Places `element` over `canvas`, from CSS pixel column `left`, `width` wide, the canvas's height. */
function placeOver(element, canvas, left, width) {
  element.style.cssText = `left:${canvas.offsetLeft + left}px;top:${canvas.offsetTop}px;width:${width}px;height:${canvas.offsetHeight}px`;
}

/** Lets a drag across the canvas of time chart `kind` zoom, showing the span dragged on `band`. */
function zoomByDrag(kind, canvas, band) {
  let start = null;
  let held = 0;
  const span = (x) => [Math.min(start, x), Math.max(start, x)];
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    start = e.offsetX;
    held = e.pointerType === 'touch' ? performance.now() + TOUCH_HOLD_MS : 0;
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (start === null) return;
    // A finger that moves before resting reads the chart along its way instead.
    if (performance.now() < held) {
      start = null;
      return;
    }
    const [a, b] = span(e.offsetX);
    band.hidden = b === a;
    placeOver(band, canvas, a, b - a);
  });
  const end = (e) => {
    if (start === null) return;
    const [a, b] = span(e.offsetX);
    start = null;
    band.hidden = true;
    if (e.type !== 'pointerup') return;
    // The core zooms only into a span wide enough not to be a tap.
    guarded((calc) => {
      if (calc.zoom(kind, a, b)) afterZoom(calc);
    });
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
}

function renderTable(calc, kind, details) {
  const rows = calc.table(kind, TABLE_ROWS);
  if (rows) showTable(details, chartTitle(kind), rows);
}

/** Refills the open data tables. */
export function refreshTables(calc) {
  for (const [kind] of CHARTS) {
    const details = canvasOf(kind).parentElement.querySelector('details');
    if (details.open) renderTable(calc, kind, details);
  }
}

/** Brings every chart shown up to date, on screen or not (before printing, say). */
export const drawEveryChart = () => guarded((calc) => {
  for (const [kind] of CHARTS) if (!figureOf(kind).hidden) calc.ensureDrawn(kind);
});

const exportPng = (kind) => guarded((calc) => {
  calc.ensureDrawn(kind);
  canvasOf(kind).toBlob((blob) => {
    if (blob) download(`kinetics-${kind}.png`, blob); else showNotice('The PNG could not be made.');
  }, 'image/png');
});

/** One figure per chart: caption, canvas, readout, export buttons and data table. */
function buildFigure(kind, title) {
  const canvas = el('canvas', { id: `chart-${kind}`, attrs: { role: 'img', 'aria-label': `${title}. Values are in the data table below.` } });
  const zoomable = TIME_CHARTS.includes(kind);
  const hint = `Hover or touch for exact values${zoomable ? '; drag across to zoom (with a finger, rest it first)' : ''}.`;
  const readout = el('output', { id: `readout-${kind}`, textContent: hint });
  // A line through the point read out, so that a finger sees where it reads.
  const cursor = el('div', { className: 'cursor', hidden: true });
  const read = (e) => guarded((calc) => {
    const text = calc.readout(kind, e.offsetX);
    if (text) readout.textContent = text;
    cursor.hidden = !text;
    if (text) placeOver(cursor, canvas, e.offsetX, 0);
  });
  canvas.addEventListener('pointermove', read);
  canvas.addEventListener('pointerdown', read);
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') cursor.hidden = true;
  });
  const buttons = [['PNG', exportPng], ['SVG', exportSvg]].map(([label, fn]) => {
    const b = el('button', {
      type: 'button', className: 'secondary', textContent: label,
      dataset: { export: `${kind}-${label.toLowerCase()}` },
      attrs: { 'aria-label': `Download the ${kind} chart as ${label}` },
    });
    b.addEventListener('click', () => fn(kind));
    return b;
  });
  const band = el('div', { className: 'zoom-band', hidden: true });
  if (zoomable) {
    zoomByDrag(kind, canvas, band);
    const reset = el('button', { type: 'button', id: `zoom-reset-${kind}`, className: 'secondary', textContent: 'Reset zoom', hidden: true });
    reset.addEventListener('click', resetZoom);
    buttons.push(reset);
  }
  const details = el('details', {}, [el('summary', { textContent: 'Data table' })]);
  details.addEventListener('toggle', () => {
    if (details.open) guarded((calc) => renderTable(calc, kind, details));
  });
  return el('figure', { className: 'chart', hidden: VIEW_CHARTS.includes(kind) }, [
    el('figcaption', { className: 'source', textContent: title }), canvas, band, cursor, ...slidersUnder(kind), readout,
    el('div', { className: 'row' }, [...buttons, details]),
  ]);
}

/** Builds the charts' figures and prepares their canvases, before the Calculator exists. */
export function buildCharts() {
  $('charts').append(...CHARTS.map(([kind, title]) => buildFigure(kind, title)));
  for (const [kind] of CHARTS) visibility.observe(canvasOf(kind));
  sizeCanvases();
  prepareCanvases();
}
