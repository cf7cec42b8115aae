// The form's inputs: which input holds what, and the scenario they describe for the core.

import { $ } from './dom.js';
import { programSegments, segmentInputs } from './program.js';
import { InputProblem, UNIT_SELECTS, convertInputs, isNumberText, labelUnits, siValue, unitOf } from './units.js';

/** Input id → unit kind (a key of UNIT_SELECTS), or null for numbers in fixed SI units. */
export const FIELDS = {
  start: 'temperature', d0: 'diffusivity', ea: 'energy', conc: null, 'valid-min': 'temperature',
  'valid-max': 'temperature', 'mix-length': 'length', g: null, wavelength: 'length', residual: null,
  'grain-n': null, 'grain-d0': 'length', 'grain-k0': null, 'grain-ea': 'energy', points: null,
  'q-duration': 'time', 'q-temperature': 'temperature', 'q-length': 'length',
  'ea-sigma': 'energy', 'd0-factor': null, 'temp-sigma': null,
};
export const TEXT_FIELDS = ['composition', 'pin-label'];
export const SELECTS = ['technique', 'material', 'basis', 'grain-law', 'grain-n-choice', 'time-axis', 'wavelength-source',
  'data-t-unit', 'data-d-unit', 'sizes-t-unit', 'sizes-l-unit', 'lengths-t-unit', 'lengths-l-unit', ...Object.values(UNIT_SELECTS)];

const si = (id) => siValue($(id), FIELDS[id]);
/** The SI value of input `id`, or undefined when it is empty. */
export const optionalSi = (id) => ($(id).value.trim() === '' ? undefined : si(id));

/** The sublattices typed as "sites: amount, amount; …" (sites default to 1). */
function composition() {
  const input = $('composition');
  const parts = input.value.split(';').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new InputProblem(input, 'Required: e.g. “1: 1, 1, 1, 1, 1” for five equimolar cations on one site.');
  const num = (text) => {
    if (!isNumberText(text)) {
      throw new InputProblem(input, `“${text.trim().slice(0, 24)}” is not a number; write sublattices as “sites: amount, amount; …”.`);
    }
    return Number(text);
  };
  return parts.map((part) => {
    const [sites, amounts] = part.includes(':') ? part.split(':', 2) : ['1', part];
    return { sitesPerFormulaUnit: num(sites), amounts: amounts.split(',').map(num) };
  });
}

/** The scenario of the inputs, in SI, as the core reads it (an unreadable number is NaN); an InputProblem when the composition is unreadable. */
export function scenario() {
  const program = { startK: si('start'), segments: programSegments() };
  const mixing = document.querySelector('input[name=mixing]:checked').value === 'direct'
    ? { kind: 'direct', gJPerKMolM: si('g') }
    : { kind: 'entropy', lengthM: si('mix-length'), sublattices: composition(), basis: $('basis').value };
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
    homogenisation: { wavelengthM: wavelengthFollows() ? si('mix-length') : si('wavelength'), targetResidual: si('residual') },
    sampling: { points: si('points'), scale: $('time-axis').value === 'log' ? 'log' : 'linear', decades: 6 },
    uncertainty: { eaJPerMol: si('ea-sigma'), d0Factor: si('d0-factor'), deltaTemperatureK: si('temp-sigma') },
  };
}

/** Follows a change of the unit select of `kind`: every input of that kind is rewritten in the new unit. */
export function changeUnit(kind, select) {
  const inputs = [
    ...Object.entries(FIELDS).filter(([, k]) => k === kind).map(([id]) => $(id)),
    ...segmentInputs(kind),
  ];
  convertInputs(inputs, select.dataset.previous, unitOf(kind));
  select.dataset.previous = unitOf(kind);
  labelUnits();
}

/** Remembers each unit select's unit, from which its next change converts. */
export function rememberUnits() {
  for (const [kind, id] of Object.entries(UNIT_SELECTS)) $(id).dataset.previous = unitOf(kind);
}

const givenDirectly = () => document.querySelector('input[name=mixing]:checked').value === 'direct';
/** Whether the modulation wavelength is the mixing length (there is none when G is given directly). */
const wavelengthFollows = () => $('wavelength-source').value === 'mixing' && !givenDirectly();

/** Gives the wavelength its own value, starting from the mixing length it followed until now. */
export function chooseWavelengthSource() {
  if ($('wavelength-source').value === 'own' && !givenDirectly()) $('wavelength').value = $('mix-length').value;
  showMixingInputs();
}

/** Shows the inputs of the chosen way of giving G, and the wavelength's own input when it has one. */
export function showMixingInputs() {
  const direct = givenDirectly();
  $('mixing-direct').hidden = !direct;
  $('mixing-entropy').hidden = direct;
  $('wavelength-source').disabled = direct;
  $('wavelength-own').hidden = wavelengthFollows();
}
