// The exports of what the page shows: the charts as SVG, the curves as CSV, the scenario and its
// curves as JSON. They are made by the scripting library (pkg/, loaded on the first export), so
// that the page's own module carries only what the screen needs.

import { canvasOf, setAppearance } from './charts.js';
import { download } from './dom.js';
import { quote, showNotice } from './messages.js';
import { follow, replay } from './recompute.js';
import { pageState } from './share.js';
import { state } from './state.js';
import { scriptingLibrary } from './wasm.js';

/**
 * A Calculator of the scripting library showing what the page shows (its scenarios, points,
 * units, time axis, zoom and colours), with chart `kind`'s canvas size, given to `fn`. A problem
 * is shown as a notice naming `what`.
 */
async function withExportCalculator(what, kind, fn) {
  let calc;
  try {
    const library = await scriptingLibrary();
    const zoom = state.calc?.zoomWindow();
    if (!state.lastGood) throw new Error('nothing is drawn yet');
    calc = new library.Calculator();
    // Text is measured on this canvas; its width sets the curves' resolution, as on the page.
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [canvasOf(kind).width, canvasOf(kind).height];
    calc.attach(kind, canvas);
    setAppearance(calc);
    replay(calc);
    follow(calc);
    if (zoom) calc.setZoomWindow(...zoom);
    fn(calc);
  } catch (e) {
    showNotice(`The ${what} could not be made (${quote(e.message ?? String(e), 200)}).`);
  } finally {
    calc?.free();
  }
}

export const exportSvg = (kind) => withExportCalculator('SVG', kind, (calc) => {
  const canvas = canvasOf(kind);
  download(`kinetics-${kind}.svg`, new Blob([calc.svg(kind, canvas.clientWidth, canvas.clientHeight)], { type: 'image/svg+xml' }));
});

export const exportCsv = () => withExportCalculator('CSV', 'temperature', (calc) => {
  download('kinetics.csv', new Blob([calc.csv()], { type: 'text/csv' }));
});

export async function exportJson() {
  // The scripting API's own evaluation of the scenario shown: curves at its full resolution.
  let current;
  try {
    current = (await scriptingLibrary()).evaluateScenario(state.lastGood);
  } catch (e) {
    showNotice(`The JSON could not be made (${quote(e.message, 200)}).`);
    return;
  }
  const curves = Object.fromEntries(Object.entries(current.curves).map(([k, v]) => [k, Array.from(v)]));
  const body = { scenario: state.lastGood, summary: current.summary, curves, state: pageState() };
  download('kinetics.json', new Blob([JSON.stringify(body)], { type: 'application/json' }));
}
