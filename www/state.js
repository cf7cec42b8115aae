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
  /** The current scenario's name in legends when a view named it; an edit of the inputs forgets it. */
  label: null,
  /** The view of the paper (or the one chart) shown at the top of the page, by name; null for none. */
  view: null,
  /** The reader's measured points by set (data.js), drawn again after a restart. */
  measured: { diffusivities: [], sizes: [], lengths: [] },
  /** The core's presets: `{ techniques, materials, grainLaws, routes }`. */
  presets: { techniques: [], materials: [], grainLaws: [], routes: [] },
};
