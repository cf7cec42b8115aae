// The edit loop: each edit reads the inputs into a scenario, hands it to the core, and brings the
// charts, panels, tables and share link in step with it.

import { draw, refreshTables } from './charts.js';
import { $, inNextTask } from './dom.js';
import { scenario } from './inputs.js';
import { clearMessages, markInvalid, reportCoreError, showStale } from './messages.js';
import { remeasure } from './data.js';
import { currentLabel, refreshPanels, repin } from './panels.js';
import { writeFragment } from './share.js';
import { followInputs } from './sliders.js';
import { state } from './state.js';
import { InputProblem, displayUnits } from './units.js';
import { guarded } from './wasm.js';

// The units each Calculator shows its results in, so that they are handed over only on a change.
const unitsShown = new WeakMap();

/**
 * Gives a new Calculator what the page shows besides its charts: the pinned scenarios, the
 * current one and the reader's measurements (whose times are checked against their programs).
 */
export function replay(calc) {
  repin(calc);
  if (state.lastGood) calc.update(state.lastGood);
  remeasure(calc);
}

/** Gives `calc` the page's label of the current scenario, time axis and units. */
export function follow(calc) {
  calc.setLabel(currentLabel());
  calc.setTimeAxis($('time-axis').value);
  const units = displayUnits();
  const key = Object.values(units).join();
  if (unitsShown.get(calc) !== key) {
    for (const [quantity, unit] of Object.entries(units)) calc.setUnit(quantity, unit);
    unitsShown.set(calc, key);
  }
}

/** Shows scenario `s`, which the core accepted, everywhere. */
function show(calc, s) {
  state.lastGood = s;
  showStale(false);
  followInputs();
  follow(calc);
  draw(calc);
  refreshPanels(calc);
  refreshTables(calc);
  writeFragment();
}

/**
 * Recomputes the inputs' scenario and shows it; tells whether it did. A scenario the page or the
 * core rejects marks its inputs and leaves the last valid one on screen.
 */
export function recompute() {
  if (!state.calc) return false;
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
    if (e instanceof InputProblem) {
      markInvalid(e.input, e.message);
      showStale(true);
      return false;
    }
    throw e;
  }
  return guarded((calc) => {
    try {
      calc.update(s);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      reportCoreError(e);
      showStale(state.lastGood !== null);
      return false;
    }
    show(calc, s);
    performance.measure('sk-update', 'sk-update-start');
    return true;
  }) ?? false;
}

/**
 * Runs recompute in a task of its own, right after the input that asked for it (inputs arriving
 * meanwhile join it): the browser's frame then holds only its own layout and paint, so dragging
 * a slider does not build one long task out of both.
 */
export const schedule = inNextTask(recompute);

/** After a restart: the inputs' scenario, or the last valid one when the inputs have a problem. */
export function recomputeAfterRestart() {
  if (recompute() || !state.lastGood) return;
  guarded((calc) => {
    calc.update(state.lastGood);
    show(calc, state.lastGood);
  });
}
