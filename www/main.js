// The calculator page's start-up: loads the wasm module while the page is laid out, draws the
// first scenario, then wires the page's events. No physics lives in the page's JS: every number
// it shows is computed and formatted by the wasm module.

import { attachCharts, buildCharts, draw, drawEveryChart, fitCharts, reportVisibility, setAppearance } from './charts.js';
import { redrawData, wireData } from './data.js';
import { wireDock } from './dock.js';
import { $, el, fetchDocument } from './dom.js';
import { preparePrint, reportHeight } from './embed.js';
import { exportCsv, exportJson } from './exports.js';
import { changeUnit, chooseWavelengthSource, rememberUnits, showMixingInputs } from './inputs.js';
import { dismissNotice, quote, showNotice } from './messages.js';
import { clearPins, observePanels, onPinsChanged, pin } from './panels.js';
import { applyGrainLaw, applyMaterial, applyTechnique, defaults, fillPresets, fillSources, markCustomProgram } from './presets.js';
import { addSegment, removeSegment } from './program.js';
import { recompute, recomputeAfterRestart, replay, schedule } from './recompute.js';
import { copyEmbed, copyLink, fullUrl, readFragment, writeFragment } from './share.js';
import { state } from './state.js';
import { UNIT_SELECTS, labelUnits } from './units.js';
import { openView, wireViews } from './views.js';
import { guarded, loadWasm, onNewCalculator, onRestart } from './wasm.js';

const MATERIAL_INPUTS = ['d0', 'ea', 'valid-min', 'valid-max'];
const GRAIN_LAW_INPUTS = ['grain-n', 'grain-k0', 'grain-ea'];

function programEdited() {
  state.label = null;
  markCustomProgram();
  schedule();
}

function wireInputs() {
  // Any edit is the user acting on what the page said.
  document.addEventListener('input', dismissNotice, true);
  const form = $('inputs');
  // Views' names for the current scenario hold until an input of the scenario is edited.
  const viewing = [...Object.values(UNIT_SELECTS), 'time-axis', 'points'];
  form.addEventListener('input', (e) => {
    // The reader's measurements are read on their own (data.js).
    if (e.target.closest('#data-fields')) return;
    if (!viewing.includes(e.target.id)) state.label = null;
    if (MATERIAL_INPUTS.includes(e.target.id)) $('material').value = 'custom';
    if (GRAIN_LAW_INPUTS.includes(e.target.id)) $('grain-law').value = 'custom';
    if (e.target.id === 'start' || e.target.closest('#segments')) markCustomProgram();
    schedule();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const id of ['q-duration', 'q-temperature', 'q-length', 'pin-label']) $(id).addEventListener('input', schedule);
  for (const [id, apply] of [['technique', applyTechnique], ['material', applyMaterial], ['grain-law', applyGrainLaw]]) {
    $(id).addEventListener('change', (e) => {
      apply(e.target.value);
      schedule();
    });
  }
  $('grain-n-choice').addEventListener('change', (e) => {
    if (e.target.value !== 'custom') $('grain-n').value = e.target.value;
    schedule();
  });
  for (const [kind, id] of Object.entries(UNIT_SELECTS)) $(id).addEventListener('change', () => changeUnit(kind, $(id)));
  for (const radio of document.querySelectorAll('input[name=mixing]')) radio.addEventListener('change', showMixingInputs);
  $('wavelength-source').addEventListener('change', chooseWavelengthSource);
  for (const button of document.querySelectorAll('[data-add]')) {
    button.addEventListener('click', () => {
      addSegment(button.dataset.add);
      programEdited();
    });
  }
  $('segments').addEventListener('click', (e) => {
    const remove = e.target.closest('[data-remove]');
    if (!remove) return;
    removeSegment(remove.closest('li'));
    programEdited();
  });
}

/** Fills the help panel from www/help.html the first time it opens (the first render does without it). */
async function loadHelp(help) {
  try {
    help.replaceChildren(...(await fetchDocument('www/help.html')).body.childNodes);
    fillSources($('sources'));
  } catch (e) {
    help.replaceChildren(el('p', { textContent: `The help could not be loaded (${e.message}).` }));
  }
}

function wireActions() {
  $('pin').addEventListener('click', () => pin());
  $('clear-pins').addEventListener('click', clearPins);
  $('copy-link').addEventListener('click', copyLink);
  $('copy-embed').addEventListener('click', copyEmbed);
  $('export-csv').addEventListener('click', exportCsv);
  $('export-json').addEventListener('click', exportJson);
  wireViews(writeFragment);
  wireData({ onData: writeFragment, onUse: schedule });
  // In a course page's view, the whole calculator opens in a tab of its own.
  $('view-full').addEventListener('click', (e) => {
    e.currentTarget.href = fullUrl();
  });
  $('help-toggle').addEventListener('click', async (e) => {
    const help = $('help');
    const open = help.hidden;
    if (open && !help.firstElementChild) await loadHelp(help);
    help.hidden = !open;
    e.target.setAttribute('aria-expanded', String(open));
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => guarded((calc) => {
    setAppearance(calc);
    draw(calc);
  }));
  // Canvas sizes are read only when the layout changes, never on the per-edit path.
  const resized = new ResizeObserver(fitCharts);
  resized.observe($('charts'));
  resized.observe($('view-charts'));
  wireDock(fitCharts);
}

async function main() {
  const hash = location.hash;
  onNewCalculator(attachCharts);
  onNewCalculator(replay);
  onPinsChanged(redrawData);
  onRestart(() => {
    recomputeAfterRestart();
    guarded(reportVisibility);
  });
  // The page is laid out while the wasm module arrives and compiles.
  const loading = loadWasm();
  labelUnits();
  buildCharts();
  observePanels();
  const built = await loading;
  fillPresets();
  defaults();
  // The first render draws every chart, so that all are ready before the user scrolls to them;
  // from then on only the charts on screen follow the edits. The default scenario is drawn first,
  // so a share link with invalid values still shows charts (the last valid state) next to the
  // marked inputs. Nothing can be edited before it is drawn, so listeners are added after.
  recompute();
  guarded(reportVisibility);
  wireInputs();
  wireActions();
  if (hash.length > 1) {
    readFragment(hash);
    recompute();
    // A view named alone sets its inputs; beside a state (`s=`), it shows that state.
    const params = new URLSearchParams(hash.slice(1));
    const view = params.get('view');
    const alone = document.body.classList.contains('embed');
    if (view !== null && !(await openView(view, { apply: !params.has('s'), alone }))) {
      showNotice(`The link names a view this page does not have (${quote(view)}); the calculator is shown.`);
    }
  }
  rememberUnits();
  reportHeight();
  preparePrint(drawEveryChart);
  // The built site works offline; the source page (no sw.js beside it) is for development.
  if (built && 'serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

main().catch((e) => {
  const why = location.protocol === 'file:'
    ? 'opened as a file, the page may not load its WebAssembly module. Serve the folder from a web server (any static server will do) and open it from there.'
    : quote(e.message ?? e, 200);
  showNotice(`The calculator could not start: ${why}`, { untilReload: true });
  throw e;
});
