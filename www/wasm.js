// The wasm module: loading it, and keeping a Calculator running. The page starts on its own
// module (the package without the scripting functions and the views' charts) and moves to the
// whole library when a view of the paper needs it, or starts on the library for a link to a
// view. A trap (a panic in Rust) in a call made through guarded() leaves the instance unusable,
// so the page restarts the module with a fresh instance, gives the new Calculator what the old
// one had, and carries on.

import init, { Calculator, fromSi, presets, showQuantity, toSi } from '../pkg/synthesis_kinetics.js';
import { $ } from './dom.js';
import { quote, showNotice } from './messages.js';
import { state } from './state.js';

/** Restarts after which a page whose module keeps trapping gives up. */
const MAX_RESTARTS = 3;
const setups = [];
const afterRestart = [];

/** Registers `fn(calc)`, run on each new Calculator before the page uses it: at start, after a restart and on the move to the library. */
export const onNewCalculator = (fn) => setups.push(fn);
/** Registers `fn()`, run after a restart or a move to the library once the new Calculator is in use (through guarded()). */
export const onRestart = (fn) => afterRestart.push(fn);

/**
 * Starts a Calculator on `wasm`, the module's functions the page uses (the library gives them
 * all), in place of the one before once it is set up; one that cannot be set up is dropped.
 */
function use(wasm, memory) {
  const calc = new wasm.Calculator();
  try {
    for (const fn of setups) fn(calc);
  } catch (e) {
    calc.free();
    throw e;
  }
  const before = state.calc;
  Object.assign(state, { wasm, memory, calc });
  before?.free();
}

/** The scripting library (pkg/: every function of the API) in an instance of its own. */
async function importLibrary(tag) {
  const namespace = await import(new URL(`pkg/synthesis_kinetics.js?${tag}`, document.baseURI).href);
  const exports = await namespace.default();
  return { namespace, exports };
}

let library;
/** The scripting library's instance, loaded when first asked for. */
function wholeLibrary() {
  library ??= importLibrary('library').catch((e) => {
    library = undefined;
    throw e;
  });
  return library;
}

/**
 * The scripting library's functions, loaded when first asked for: those the page's own module
 * leaves out (fitArrhenius, say).
 */
export const scriptingLibrary = async () => (await wholeLibrary()).namespace;

/**
 * Loads the module, compiling it as it streams in. The built page asks for its module from its
 * <head>, a preload link #sk-wasm (see .ci/inline.mjs), so that its bytes arrive while the page
 * is laid out: its own module, or for a link to a view the library (marked data-library). The
 * source page loads the library. Tells whether this is the built site.
 */
export async function loadWasm() {
  const preload = $('sk-wasm');
  if (!preload || 'library' in preload.dataset) {
    const { namespace, exports } = await wholeLibrary();
    use(namespace, exports.memory);
    return preload !== null;
  }
  const exports = await init({ module_or_path: new URL(preload.href, document.baseURI) });
  // Named, so that the bundle leaves out the rest of the scripting API's glue.
  use({ Calculator, fromSi, presets, showQuantity, toSi }, exports.memory);
  return true;
}

/**
 * Moves the page onto the scripting library's instance, if it is not there yet: a new Calculator
 * given what the old one had, as after a restart. The views of the paper draw with it.
 */
export async function useLibrary() {
  const { namespace, exports } = await wholeLibrary();
  if (state.wasm === namespace) return;
  use(namespace, exports.memory);
  for (const fn of afterRestart) fn();
}

function stop(why) {
  showNotice(`The calculator stopped: ${why} Reload the page from a web server to go on; the link in the address bar keeps your inputs.`, { untilReload: true });
}

/** Replaces the trapped instance by a fresh one: the glue is imported anew, with its own instance. */
async function restart(error) {
  state.calc = null;
  state.restarts += 1;
  if (state.restarts > MAX_RESTARTS) {
    stop(`it hit an internal error ${state.restarts} times (${quote(error.message, 200)}).`);
    return;
  }
  let namespace;
  let exports;
  try {
    ({ namespace, exports } = await importLibrary(`restart=${state.restarts}`));
  } catch (e) {
    stop(`it hit an internal error and its module could not be loaded again (${quote(e.message, 200)}).`);
    return;
  }
  try {
    use(namespace, exports.memory);
  } catch (e) {
    stop(`it hit an internal error, and another while restarting (${quote(e.message, 200)}).`);
    return;
  }
  // The new instance is the whole library: the fits, the exports and the views use it from now
  // on (the one before may be the instance that trapped).
  library = Promise.resolve({ namespace, exports });
  showNotice(`The calculator hit an internal error and restarted; your inputs and pinned scenarios are kept. (${quote(error.message, 200)})`);
  for (const fn of afterRestart) fn();
}

/**
 * Runs `fn(calc)` and returns its result; skips it (undefined) while the Calculator starts or
 * restarts. A trap in it restarts the module.
 */
export function guarded(fn) {
  const calc = state.calc;
  if (!calc) return undefined;
  try {
    return fn(calc);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    restart(e);
    return undefined;
  }
}
