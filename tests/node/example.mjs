// Scripting the kinetic core from Node with the same web build the page uses (dist/pkg).
// Run after `.ci/dist`:  node tests/node/example.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, evaluateScenario, homogenisationTemperature, configurationalEntropy }
  from '../../dist/pkg/synthesis_kinetics.js';

initSync({ module: readFileSync(new URL('../../dist/pkg/synthesis_kinetics_bg.wasm', import.meta.url)) });

// Carbothermal shock: 2000 K for 55 ms at 1e5 K/s, Ca–Sr interdiffusion in (La,Ca)CrO3.
const { summary, curves } = evaluateScenario({
  program: { startK: 298.15, segments: [
    { kind: 'ramp', rateKPerS: 1e5, targetK: 2000 },
    { kind: 'hold', durationS: 0.055 },
    { kind: 'ramp', rateKPerS: 1e5, targetK: 298.15 },
  ] },
  diffusion: { d0M2PerS: 2.66e-6, eaJPerMol: 318e3, concentrationMolPerM3: 1e4, validMinK: 1173, validMaxK: 1673 },
  mixing: { kind: 'entropy', lengthM: 10e-9, basis: 'perMixedSite',
            sublattices: [{ sitesPerFormulaUnit: 1, amounts: [1, 1, 1, 1, 1] }] },
  homogenisation: { wavelengthM: 10e-9, targetResidual: 0.01 },
  sampling: { points: 400, scale: 'linear', decades: 6 },
});
console.log(`peak |J| = 10^${summary.log10PeakFlux.toFixed(3)} mol/(m²·s), homogenised at ${summary.homogenisedAtS} s`);
console.log(`${curves.timeS.length} samples; ${(100 * summary.extrapolatedFraction).toFixed(1)} % extrapolated above 1673 K`);

// Inverse question (the paper's §3.2): the hold temperature that homogenises 1 µm in 24 h.
const t = homogenisationTemperature({ d0M2PerS: 2.66e-6, eaJPerMol: 318e3, wavelengthM: 1e-6,
  targetResidual: 0.01, durationS: 24 * 3600 });
console.log(`1 µm homogenises in 24 h at ${t.toFixed(1)} K`);

const { entropyJPerMolK } = configurationalEntropy({ sublattices: [{ sitesPerFormulaUnit: 1, amounts: [1, 1, 1, 1, 1] }], basis: 'perMixedSite' });
assert.ok(Math.abs(entropyJPerMolK - 8.314462618 * Math.log(5)) < 1e-12);

// Bad input comes back as an Error with the path of the field in the object passed, the value,
// the allowed range in SI and the kind of problem, besides a message for people.
assert.throws(() => homogenisationTemperature({ d0M2PerS: -1, eaJPerMol: 318e3, wavelengthM: 1e-6,
  targetResidual: 0.01, durationS: 3600 }), (e) => {
  assert.ok(e instanceof Error);
  assert.equal(e.field, 'query.d0M2PerS');
  assert.equal(e.kind, 'outOfRange');
  assert.equal(e.value, -1);
  assert.deepEqual([e.allowed.min, e.allowed.max, e.allowed.unit], [1e-30, 1e3, 'm²/s']);
  return true;
});
