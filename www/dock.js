// On a phone the charts come first and the inputs below them. While an input is edited there,
// the chart it moves most (its fieldset's `data-chart`) is docked at the top of the screen, its
// place in the page kept, so that each edit is seen as it is made.

import { figureOf } from './charts.js';
import { $, el } from './dom.js';

const PHONE = matchMedia('(max-width: 760px)');

/** The docked figure and the spacer keeping its place, if one is docked. */
let docked = null;

function undock(fit) {
  if (!docked) return;
  docked.spacer.remove();
  docked.figure.classList.remove('docked');
  docked = null;
  fit();
}

function dock(kind, fit) {
  const figure = figureOf(kind);
  if (docked?.figure === figure) return;
  undock(fit);
  // A chart shown in a view is at the top already.
  if (figure.closest('#view')) return;
  const spacer = el('div', { className: 'dock-spacer' });
  spacer.style.height = `${figure.offsetHeight}px`;
  figure.before(spacer);
  figure.classList.add('docked');
  docked = { figure, spacer };
  fit();
}

/** Docks and undocks as the focus moves into, within and out of the inputs; `fit` resizes the charts. */
export function wireDock(fit) {
  const form = $('inputs');
  form.addEventListener('focusin', (e) => {
    // Docked while something is typed or chosen; a button pressed lets the page scroll freely.
    const kind = e.target.matches('input, select, textarea') && e.target.closest('[data-chart]')?.dataset.chart;
    if (PHONE.matches && kind) dock(kind, fit); else undock(fit);
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget)) undock(fit);
  });
  PHONE.addEventListener('change', () => undock(fit));
}
