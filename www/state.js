// The page's shared mutable state, in one object that every module reads and writes.

export const state = {
  /** The wasm module's namespace (Calculator, presets, toSi, fromSi, …); replaced by a restart. */
  wasm: null,
  /** The page's Calculator; null while the module starts or restarts, when every caller skips. */
  calc: null,
  /** The wasm module's memory, whose size the page reports to the benchmark. */
  memory: null,
  /** How many times the module was restarted after a trap. */
  restarts: 0,
  /** The last scenario the core accepted: what the charts and panels show. */
  lastGood: null,
  /** The thermal program's segments in order, each `{ kind, li, inputs }` (program.js). */
  segments: [],
  /** The pinned scenarios in order, each `{ scenario, label }`, pinned again after a restart. */
  pins: [],
  /** The core's presets: `{ techniques, materials, grainLaws }`. */
  presets: { techniques: [], materials: [], grainLaws: [] },
};
