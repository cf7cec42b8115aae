// The core's presets (techniques, materials, grain-growth laws): their selects, what choosing
// one fills in, their sources, and the scenario the page opens with.

import { $, el } from './dom.js';
import { showMixingInputs } from './inputs.js';
import { setSegmentsSi } from './program.js';
import { state } from './state.js';
import { format, showSi } from './units.js';

const option = (value, text) => el('option', { value, textContent: text });
const find = (list, id) => state.presets[list].find((x) => x.id === id);

function sourceLine(element, text, confirmed) {
  element.replaceChildren(text);
  if (!confirmed) element.append(el('span', { className: 'unconfirmed', textContent: ' Unconfirmed placeholder values.' }));
}
const materialSource = (m) => `${m.source}. Measured ${m.validMinK}–${m.validMaxK} K.`;

/** Fills the technique, material and grain-law selects. */
export function fillPresets() {
  Object.assign(state.presets, state.wasm.presets());
  const { techniques, materials, grainLaws } = state.presets;
  $('technique').append(...techniques.map((t) => option(t.id, t.confirmed ? t.name : `${t.name} (unconfirmed)`)), option('custom', 'Custom program'));
  $('material').append(...materials.map((m) => option(m.id, m.d0Confirmed ? m.name : `${m.name} (D0 unconfirmed)`)), option('custom', 'Custom'));
  $('grain-law').append(...grainLaws.map((g) => option(g.id, g.name)), option('custom', 'Custom'));
}

/** The list of sources in the help panel: the theory's and every preset's. */
export function fillSources(list) {
  const { techniques, materials, grainLaws, routes } = state.presets;
  list.append(
    el('li', { textContent: 'Theory: Z. Meng et al., Mater. Horiz. 2023, 10, 5343, DOI 10.1039/d3mh01302b.' }),
    ...[...techniques, ...materials, ...grainLaws, ...routes].map((item) => el('li', { textContent: `${item.name}: ${item.source}` })),
  );
}

export function applyTechnique(id) {
  const t = find('techniques', id);
  if (!t) return;
  showSi($('start'), t.startK, 'temperature');
  setSegmentsSi(t.segments);
  sourceLine($('technique-source'), t.source, t.confirmed);
}

export function applyMaterial(id) {
  const m = find('materials', id);
  if (!m) return;
  showSi($('d0'), m.d0M2PerS, 'diffusivity');
  showSi($('ea'), m.eaJPerMol, 'energy');
  showSi($('valid-min'), m.validMinK, 'temperature');
  showSi($('valid-max'), m.validMaxK, 'temperature');
  sourceLine($('material-source'), materialSource(m), m.d0Confirmed);
}

export function applyGrainLaw(id) {
  const g = find('grainLaws', id);
  if (!g) return;
  $('grain-n-choice').value = String(g.exponent);
  $('grain-n').value = String(g.exponent);
  showSi($('grain-ea'), g.eaJPerMol, 'energy');
  $('grain-k0').value = format(g.k0);
}

/** Marks the program as the user's own once one of its inputs or segments is edited. */
export function markCustomProgram() {
  $('technique').value = 'custom';
  $('technique-source').textContent = 'Custom program.';
}

/** Writes the source lines of the technique and material chosen (after a share link set them). */
export function describePresets() {
  const t = find('techniques', $('technique').value);
  if (t) sourceLine($('technique-source'), t.source, t.confirmed); else $('technique-source').textContent = 'Custom program.';
  const m = find('materials', $('material').value);
  if (m) sourceLine($('material-source'), materialSource(m), m.d0Confirmed); else $('material-source').textContent = 'Custom values.';
}

/** The scenario the page opens with, in the units chosen. */
export function defaults() {
  const { materials, grainLaws } = state.presets;
  for (const id of ['basis', 'wavelength-source', 'time-axis']) $(id).selectedIndex = 0;
  document.querySelector('input[name=mixing][value=entropy]').checked = true;
  $('grain-on').checked = true;
  $('technique').value = 'furnace';
  applyTechnique('furnace');
  $('material').value = materials[0].id;
  applyMaterial(materials[0].id);
  $('conc').value = '1e4';
  $('composition').value = '1: 1, 1, 1, 1, 1';
  showSi($('mix-length'), 1e-6, 'length');
  $('g').value = '1.338e7';
  showSi($('wavelength'), 1e-6, 'length');
  $('residual').value = '0.01';
  $('grain-law').value = grainLaws[0].id;
  applyGrainLaw(grainLaws[0].id);
  showSi($('grain-d0'), 1e-7, 'length');
  $('points').value = '600';
  for (const [id, none] of [['ea-sigma', '0'], ['d0-factor', '1'], ['temp-sigma', '0']]) $(id).value = none;
  showSi($('q-duration'), 7200, 'time');
  showSi($('q-temperature'), 1473.15, 'temperature');
  showSi($('q-length'), 1e-7, 'length');
  showMixingInputs();
}
