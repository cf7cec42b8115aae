// The paper's questions, one tap each. A view sets what its question needs, shows its charts at
// the top of the page with two or three sentences, the core's numbers and what the model cannot
// say, and is part of the share link (`view=…`; with `embed=1`, a course page shows the view
// alone). A chart's name is a view too: `embed=1&view=flux` embeds that chart.

import { CHART_KINDS, VIEW_CHARTS, chartTitle, figureOf, fitCharts } from './charts.js';
import { $, fetchDocument, setText, showTable } from './dom.js';
import { optionalSi } from './inputs.js';
import { quote, showNotice } from './messages.js';
import { addPanel, clearPins, pin } from './panels.js';
import { applyGrainLaw, applyTechnique, defaults, markCustomProgram } from './presets.js';
import { setSegmentsSi } from './program.js';
import { recompute } from './recompute.js';
import { loadState, pageState } from './share.js';
import { state } from './state.js';
import { displayUnits, showSi } from './units.js';
import { useLibrary } from './wasm.js';

const ROOM_K = 298.15;
const PEAK_K = 1500;
/** Heating rate of the ramp before a route's hold [K/s]. */
const ROUTE_RAMP_K_PER_S = 10 / 60;
/** Fig. 2's slow and fast ramps [K/s]. */
const FURNACE_K_PER_S = 5 / 60;
const SHOCK_K_PER_S = 1e4;

/** Sets the program to `segments` (in SI) from room temperature, as the user's own program. */
function program(segments) {
  showSi($('start'), ROOM_K, 'temperature');
  setSegmentsSi(segments);
  markCustomProgram();
}

/** Pins the inputs' scenario as `label`, if the core takes it (else the page says what to mend). */
function pinAs(label) {
  if (recompute()) pin(label);
}

/** `si` [K/s] as a person writes it, in the rate unit chosen. */
const rate = (si) => state.wasm.showQuantity(si, displayUnits().rate);

/** A route of §3.2 as inputs: its mixing length, and a ramp to its temperature held for its time. */
function route(r) {
  showSi($('mix-length'), r.mixingLengthM, 'length');
  program([{ kind: 'ramp', rateKPerS: ROUTE_RAMP_K_PER_S, targetK: r.temperatureK }, { kind: 'hold', durationS: r.timeS }]);
  showSi($('q-duration'), r.timeS, 'time');
  showSi($('q-temperature'), r.temperatureK, 'temperature');
}

/** Applies technique preset `id` to the program. */
function technique(id) {
  $('technique').value = id;
  applyTechnique(id);
}

/**
 * The views of the paper: their charts (first the chart of the paper's question, where it has
 * one), how each sets the inputs (pinning the programs it compares), and whether the inverse
 * answers belong to its numbers. Their words are in www/views.html.
 */
const PAPER_VIEWS = {
  ramps: {
    charts: ['flux', 'temperature'],
    apply() {
      program([{ kind: 'ramp', rateKPerS: FURNACE_K_PER_S, targetK: PEAK_K }]);
      $('time-axis').value = 'normalised';
      pinAs(`Furnace ramp, ${rate(FURNACE_K_PER_S)}`);
      program([{ kind: 'ramp', rateKPerS: SHOCK_K_PER_S, targetK: PEAK_K }]);
      state.label = `Shock ramp, ${rate(SHOCK_K_PER_S)}`;
    },
  },
  mixing: {
    charts: ['mixing', 'transport'],
    inverse: true,
    apply() {
      $('time-axis').value = 'log';
      const [solid, template, atomic] = state.presets.routes;
      for (const r of [solid, template]) {
        route(r);
        pinAs(r.name);
      }
      route(atomic);
      state.label = atomic.name;
    },
  },
  rate: {
    charts: ['rate', 'transport'],
    apply() {
      $('time-axis').value = 'log';
      for (const id of ['furnace', 'sps', 'uhs']) {
        technique(id);
        pinAs(state.presets.techniques.find((t) => t.id === id).name);
      }
      technique('cts');
    },
  },
  kissinger: {
    charts: ['kissinger', 'transport'],
  },
  growth: {
    charts: ['growth', 'grain'],
    apply() {
      const [normal, dragged] = state.presets.grainLaws;
      for (const law of [normal, dragged]) {
        $('grain-law').value = law.id;
        applyGrainLaw(law.id);
        if (law === normal) pinAs(law.name);
      }
      state.label = dragged.name;
    },
  },
};

/** The view called `name`: a view of the paper or one chart alone; undefined for any other name. */
function viewOf(name) {
  if (Object.hasOwn(PAPER_VIEWS, name)) return { name, paper: true, ...PAPER_VIEWS[name] };
  if (CHART_KINDS.includes(name)) return { name, paper: false, charts: [name] };
  return undefined;
}

// The views' words, from www/views.html when a view first opens (the first render does without them).
let prose;
async function loadProse() {
  if (prose) return prose;
  try {
    const doc = await fetchDocument('www/views.html');
    const text = (section, selector) => section.querySelector(selector)?.textContent ?? '';
    prose = Object.fromEntries([...doc.querySelectorAll('section[data-view]')].map((section) => [section.dataset.view, {
      title: text(section, 'h2'), about: text(section, '.about'), finding: text(section, '.finding'), limits: text(section, '.limits'),
    }]));
  } catch (e) {
    return { error: `The words of this view could not be loaded (${e.message}); its chart and numbers are below.` };
  }
  return prose;
}

/** Each moved chart and the placeholder keeping its place among the others. */
const homes = new Map();

/** Moves the charts of the view shown back to where they were (a paper's chart, hidden). */
function returnCharts() {
  for (const [figure, placeholder] of homes) {
    placeholder.replaceWith(figure);
    figure.hidden = VIEW_CHARTS.includes(placeholder.data);
  }
  homes.clear();
}

/** Writes the view's title and words: a chart's own title, or the paper view's from www/views.html. */
async function describe(view) {
  const button = document.querySelector(`[data-view=${view.name}]`);
  $('view-h').textContent = view.paper ? button.textContent : chartTitle(view.name);
  const words = view.paper ? await loadProse() : {};
  if (state.view !== view.name) return;
  const own = words[view.name] ?? {};
  if (own.title) $('view-h').textContent = own.title;
  const parts = { about: own.about ?? words.error, finding: own.finding, limits: own.limits };
  for (const [part, text] of Object.entries(parts)) {
    $(`view-${part}`).textContent = text ?? '';
    $(`view-${part}`).hidden = !text;
  }
}

/**
 * Shows view `name` (setting its inputs first when `apply`; `alone`, without the rest of the
 * calculator, as a course page embeds it); tells whether there is such a view. A view whose
 * chart the library draws waits for the page to move onto it; its words arrive a moment later.
 */
export async function openView(name, { apply = false, alone = false } = {}) {
  const view = viewOf(name);
  if (!view) return false;
  // The charts of the paper's questions are drawn by the library.
  if (view.charts.some((kind) => VIEW_CHARTS.includes(kind))) await useLibrary();
  returnCharts();
  state.view = name;
  if (apply) {
    state.label = null;
    // Each view starts from the default inputs and no pins (the first material preset, G from the
    // composition and the mixing length, which is also the wavelength to remove, the furnace
    // program): its numbers do not depend on the view before.
    defaults();
    clearPins();
    view.apply?.();
  }
  for (const button of document.querySelectorAll('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === name));
  const slot = $('view-charts');
  for (const kind of view.charts) {
    const figure = figureOf(kind);
    const placeholder = document.createComment(kind);
    figure.replaceWith(placeholder);
    homes.set(figure, placeholder);
    figure.hidden = false;
    slot.append(figure);
  }
  $('view').hidden = false;
  document.body.classList.toggle('view-only', alone);
  describe(view);
  fitCharts();
  if (apply) recompute();
  refreshView();
  return true;
}

/** The user's inputs and pins before the views' buttons replaced them, while a view is open. */
let yours = null;

/** Closes the view: its charts go back among the others. */
export function closeView() {
  returnCharts();
  yours = null;
  $('view-back').hidden = true;
  state.view = null;
  $('view').hidden = true;
  document.body.classList.remove('view-only');
  for (const button of document.querySelectorAll('[data-view]')) button.setAttribute('aria-pressed', 'false');
  fitCharts();
}

/**
 * Brings the view's numbers in step with the current scenario (each edit passes here): its
 * chart's curves at the points the paper names, the inverse answers where they belong to its
 * question, and the programs it compares side by side.
 */
export function refreshView(calc = state.calc) {
  if (!calc || !state.view) return;
  const view = viewOf(state.view);
  const inverse = view.inverse ? calc.inverseText(optionalSi('q-duration'), optionalSi('q-temperature'), undefined) : '';
  // The numbers of a chart of the paper's questions (drawn by the library, see VIEW_CHARTS).
  const chart = view.paper && VIEW_CHARTS.includes(view.charts[0]) ? calc.viewText(view.charts[0]) : '';
  const text = [chart, inverse].filter(Boolean).join('\n\n');
  setText($('view-numbers'), text);
  $('view-numbers').hidden = !text;
  $('view-table').hidden = !view.paper;
  if (view.paper) showTable($('view-table'), 'The programs compared', calc.comparison(), { rowHeaders: true });
}

/** Wires the views' buttons and the view panel's buttons; `onChange` follows each. */
export function wireViews(onChange) {
  addPanel('view-details', refreshView);
  for (const button of document.querySelectorAll('[data-view]')) {
    button.addEventListener('click', async () => {
      yours ??= pageState();
      try {
        await openView(button.dataset.view, { apply: true });
      } catch (e) {
        showNotice(`The view could not be loaded (${quote(e.message ?? String(e), 200)}); the calculator is as it was.`);
        return;
      }
      $('view-back').hidden = false;
      onChange();
      $('view').scrollIntoView({ block: 'start' });
    });
  }
  $('view-close').addEventListener('click', () => {
    closeView();
    onChange();
  });
  $('view-back').addEventListener('click', () => {
    const saved = yours;
    closeView();
    state.label = null;
    loadState(saved);
    recompute();
    onChange();
  });
}
