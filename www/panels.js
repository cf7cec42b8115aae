// The panels beside the charts: the summary, the inverse questions, the mixing answer, and the
// scenarios pinned for comparison.

import { draw } from './charts.js';
import { $, debounced, setText, showTable } from './dom.js';
import { optionalSi } from './inputs.js';
import { showNotice } from './messages.js';
import { state } from './state.js';
import { guarded } from './wasm.js';

export const MAX_PINS = 3;
const PANEL_DELAY_MS = 250;

/** The answers to the inverse questions (a value that cannot be used is explained in its answer). */
function inverse(calc) {
  setText($('inverse'), calc.inverseText(optionalSi('q-duration'), optionalSi('q-temperature'), optionalSi('q-length')));
}

/** The summary, and beside it, once scenarios are pinned, their key results side by side. */
function summary(calc) {
  setText($('summary'), calc.summaryText());
  const box = $('comparison');
  box.hidden = state.pins.length === 0;
  if (!box.hidden) showTable(box, 'The current and the pinned scenarios compared', calc.comparison(), { rowHeaders: true });
}

// The panels of text (the summary, the inverse questions, a view's numbers) follow every edit
// while on screen. Off screen they are marked busy and filled a moment after the last edit, or as
// soon as they scroll into view: while a slider is dragged, laying out their text on every frame
// would cost more than the charts.
const PANELS = new Map();

function fillPanel(calc, id) {
  PANELS.get(id).fill(calc);
  $(id).removeAttribute('aria-busy');
}

const fillBusyPanels = debounced(() => guarded((calc) => {
  for (const id of PANELS.keys()) if ($(id).hasAttribute('aria-busy')) fillPanel(calc, id);
}), PANEL_DELAY_MS);

const panelVisibility = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const panel = PANELS.get(e.target.id);
    panel.visible = e.isIntersecting;
    if (panel.visible && e.target.hasAttribute('aria-busy')) guarded((calc) => fillPanel(calc, e.target.id));
  }
}, { rootMargin: '200px' });

/** Makes element `id` a panel that `fill(calc)` brings in step with each edit. */
export function addPanel(id, fill) {
  PANELS.set(id, { visible: false, fill });
  panelVisibility.observe($(id));
}

/** Starts following the summary and the inverse questions. */
export function observePanels() {
  addPanel('summary-panel', summary);
  addPanel('inverse-panel', inverse);
}

/** Follows a new scenario: the panels on screen now, the others later. */
export function refreshPanels(calc) {
  setText($('mixing-out'), calc.mixingText());
  for (const [id, panel] of PANELS) {
    if (panel.visible) fillPanel(calc, id); else $(id).setAttribute('aria-busy', 'true');
  }
  fillBusyPanels();
}

/** The current scenario's name in legends: the one a view gave it, its technique, or "Custom program". */
export const currentLabel = () => state.label ?? ($('technique').selectedOptions[0]?.textContent || 'current');

const pinWatchers = [];
/** Registers `fn()`, run whenever the pinned scenarios change (the measurements name them). */
export const onPinsChanged = (fn) => pinWatchers.push(fn);
const pinsChanged = () => pinWatchers.forEach((fn) => fn());

const pinsText = (n) => (n ? `${n} of ${MAX_PINS} pinned; they are drawn with the current scenario on every chart.` : '');

/** Pins the current scenario under `label`, else the label typed, else its technique's name. */
export const pin = (label = $('pin-label').value.trim() || currentLabel()) => guarded((calc) => {
  let n;
  try {
    n = calc.pin(label);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    showNotice(String(e.message ?? e));
    return;
  }
  state.pins.push({ scenario: state.lastGood, label });
  $('pins').textContent = pinsText(n);
  pinsChanged();
  draw(calc);
  refreshPanels(calc);
});

export const clearPins = () => guarded((calc) => {
  calc.clearPins();
  state.pins = [];
  $('pins').textContent = '';
  pinsChanged();
  draw(calc);
  refreshPanels(calc);
});

/**
 * Pins the scenarios of a share link (`{ label, scenario }` each) in place of those pinned; the
 * core checks each like any input. Returns the indices of those it refused. The current scenario
 * is recomputed after.
 */
export const restorePins = (pins) => guarded((calc) => {
  calc.clearPins();
  state.pins = [];
  $('pins').textContent = '';
  const refused = pins.flatMap(({ label, scenario }, i) => {
    try {
      calc.update(scenario);
      calc.pin(label);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      return [i];
    }
    state.pins.push({ scenario, label });
    $('pins').textContent = pinsText(state.pins.length);
    return [];
  });
  // The current scenario is the one shown before, until the inputs' own is computed.
  if (state.lastGood) calc.update(state.lastGood);
  pinsChanged();
  return refused;
}) ?? [];

/** Pins on a new Calculator the scenarios that were pinned on the one it replaces. */
export function repin(calc) {
  for (const { scenario, label } of state.pins) {
    calc.update(scenario);
    calc.pin(label);
  }
}
