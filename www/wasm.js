// The wasm module: loading it, and keeping a Calculator running. A trap (a panic in Rust) in a
// call made through guarded() leaves the instance unusable, so the page restarts the module with
// a fresh instance, gives the new Calculator what the old one had, and carries on.

import init, * as glue from '../pkg/synthesis_kinetics.js';
import { $ } from './dom.js';
import { quote, showNotice } from './messages.js';
import { state } from './state.js';

/** Restarts after which a page whose module keeps trapping gives up. */
const MAX_RESTARTS = 3;
const setups = [];
const afterRestart = [];

/** Registers `fn(calc)`, run on each new Calculator before the page uses it: at start and after a restart. */
export const onNewCalculator = (fn) => setups.push(fn);
/** Registers `fn()`, run after a restart once the new Calculator is in use (through guarded()). */
export const onRestart = (fn) => afterRestart.push(fn);

function use(namespace, memory) {
  const calc = new namespace.Calculator();
  for (const fn of setups) fn(calc);
  Object.assign(state, { wasm: namespace, memory, calc });
}

/**
 * Loads the module and makes the page's Calculator. The built page carries the module's bytes in
 * a data block after its script (.ci/inline.mjs), so that they arrive with the page in one round
 * trip; they are compiled as a stream, each function on its first call. Without that block (the
 * source page, served as it is after `wasm-pack build --target web`), the glue fetches the module
 * next to itself. Tells whether the page carried the module (the built site).
 */
export async function loadWasm() {
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const inlined = $('sk-wasm');
  let exports;
  if (inlined) {
    const base64 = inlined.textContent;
    inlined.remove();
    const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    exports = await init({ module_or_path: new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }) });
  } else {
    exports = await init();
  }
  use(glue, exports.memory);
  return inlined !== null;
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
    namespace = await import(new URL(`pkg/synthesis_kinetics.js?restart=${state.restarts}`, document.baseURI).href);
    exports = await namespace.default();
  } catch (e) {
    stop(`it hit an internal error and its module could not be loaded again (${quote(e.message, 200)}), as happens when the page is opened as a file.`);
    return;
  }
  try {
    use(namespace, exports.memory);
  } catch (e) {
    stop(`it hit an internal error, and another while restarting (${quote(e.message, 200)}).`);
    return;
  }
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
