// The reader's own measurements, pasted or dropped as a file and drawn on their chart, and the
// theory fitted to them by the core (the scripting library, loaded on the first fit) with 95 %
// intervals: diffusion coefficients (T, D) on the Arrhenius chart, fitted for D0 and Eₐ; grain
// sizes (scenario, time, d) on the grain chart and diffusion lengths (scenario, time, L) on the
// transport chart, fitted for k0 and Eₐ,g, or D0 and Eₐ, through the exact Arrhenius integral of
// each scenario's program.

import { draw } from './charts.js';
import { $, debounced, setText, showTable } from './dom.js';
import { quote, refusal } from './messages.js';
import { restorePins } from './panels.js';
import { state } from './state.js';
import { isNumberText, showSi } from './units.js';
import { guarded, scriptingLibrary } from './wasm.js';

/** Most rows drawn and fitted (the core's limit). */
const MAX_ROWS = 1000;
/** Longest text read [characters]: far more than a thousand rows of numbers need, and little enough for the text box. */
const MAX_TEXT = 100_000;
/** Longest text a share link carries [characters]; longer data travel in the JSON export. */
export const MAX_LINK_TEXT = 4000;
const PARSE_DELAY_MS = 300;

/** A problem with the data, in words naming the line and column as the reader sees them. */
class DataProblem extends Error {}

const plural = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A cell that must be a number. */
function number(cell) {
  if (isNumberText(cell)) return Number(cell);
  const comma = cell.includes(',') ? ' (write decimals with a point)' : '';
  throw new DataProblem(`${quote(cell)} is not a number${comma}`);
}

/** A time cell: a number, or “end” (of the program: null). */
const time = (cell) => (/^end$/i.test(cell) ? null : number(cell));

/** The scenarios a row may name, as the page writes them: the current one, then the pinned by number and name. */
const scenarioNames = () => [
  'current', ...state.pins.map(({ label }, i) => `${i + 1} (${quote(label, 40)})`)];

/** A scenario cell: “current”, a pinned scenario's number (1 the first) or its label. */
function scene(cell) {
  if (/^current$/i.test(cell)) return 0;
  const byNumber = /^\d+$/.test(cell) ? Number(cell) : 0;
  const byLabel = state.pins.findIndex(({ label }) => label.toLowerCase() === cell.toLowerCase()) + 1;
  const k = byNumber || byLabel;
  if (k >= 1 && k <= state.pins.length) return k;
  throw new DataProblem(`${quote(cell, 40)} is not a scenario; name one of ${scenarioNames().join(', ')}`);
}

/**
 * A set of lengths measured a time into each scenario's program, drawn on chart `kind`: grain
 * sizes (symbol d) or diffusion lengths (L).
 */
const timedLengths = ({ id, kind, symbol, ...set }) => ({
  id,
  columns: [['scenario', scene, null], ['time', time, `${id}-t-unit`], [symbol, number, `${id}-l-unit`]],
  optional: false,
  fields: ['scene', 'timeS', 'lengthM'],
  chart: `the ${kind} chart`,
  point: ([k, t, l], si) => ({ scene: k, ...(t === null ? {} : { timeS: si(t, 1) }), lengthM: si(l, 2) }),
  draw: (calc, points) => calc.setMeasuredLengths(kind, Uint32Array.from(points, (p) => p.scene),
    Float64Array.from(points, (p) => p.timeS ?? Infinity), Float64Array.from(points, (p) => p.lengthM)),
  residual: `ln ${symbol}`,
  ...set,
});

/** A fitted D₀ and Eₐ with their intervals, in the reader's units. */
const arrheniusLaw = ({ d0M2PerS: d0, eaJPerMol: ea }, show) => `D₀ = ${show.d(d0.value)} (95 %: ${show.d(d0.low)} to ${show.d(d0.high)}); `
  + `Eₐ = ${show.e(ea.value)} (95 %: ${show.e(ea.low)} to ${show.e(ea.high)})`;

/** Puts a fitted D₀ and Eₐ into the species' inputs, as a custom material. */
function useArrheniusLaw(fit) {
  showSi($('d0'), fit.d0M2PerS.value, 'diffusivity');
  showSi($('ea'), fit.eaJPerMol.value, 'energy');
  $('material').value = 'custom';
  state.label = null;
}

/** Timed lengths as the core's fits take them: the scenarios' programs, and each point's program. */
const byProgram = (points) => ({
  programs: [state.lastGood, ...state.pins.map((p) => p.scenario)].map((s) => s.program),
  points: points.map(({ scene: program, ...p }) => ({ program, ...p })),
});

/** Gives every pinned scenario with points the fitted law (`withLaw` of its scenario): it is the material's. */
function lawToMeasured(points, withLaw) {
  const measured = new Set(points.map((p) => p.scene));
  restorePins(state.pins.map((p, i) => (measured.has(i + 1) ? { ...p, scenario: withLaw(p.scenario) } : p)));
}

/**
 * The sets of measurements. Each has the ids of its inputs (`<id>-text`, `-out`, `-fit`,
 * `-use`, `-residuals`), its columns (name, reader, the select of its unit; the last optional
 * where `optional`), the core's names of its points' fields by column, how its points are drawn
 * and fitted, and what its fit says and puts into the inputs.
 */
const SETS = {
  diffusivities: {
    id: 'data',
    columns: [['T', number, 'data-t-unit'], ['D', number, 'data-d-unit'], ['σ of D', number, 'data-d-unit']],
    optional: true,
    fields: ['temperatureK', 'dM2PerS', 'sigmaM2PerS'],
    chart: 'the Arrhenius chart',
    point: ([t, d, sigma], si) => ({
      temperatureK: si(t, 0), dM2PerS: si(d, 1), ...(sigma === undefined ? {} : { sigmaM2PerS: si(sigma, 2) }),
    }),
    draw: (calc, points) => calc.setMeasured(
      Float64Array.from(points, (p) => p.temperatureK), Float64Array.from(points, (p) => p.dM2PerS)),
    fit: (library, points) => library.fitArrhenius({ points }),
    say: (fit, show) => {
      const method = fit.weighted ? 'weighted by the uncertainties given' : 'all points weighted alike';
      return `${arrheniusLaw(fit, show)}. Least squares on ln D against 1/T, ${method}`;
    },
    residual: 'ln D',
    use: (fit, points) => {
      useArrheniusLaw(fit);
      // Its range of validity: the points' temperatures.
      const temps = points.map((p) => p.temperatureK);
      showSi($('valid-min'), Math.min(...temps), 'temperature');
      showSi($('valid-max'), Math.max(...temps), 'temperature');
    },
  },
  sizes: timedLengths({
    id: 'sizes',
    kind: 'grain',
    symbol: 'd',
    fit: (library, points) => {
      const law = state.lastGood.grainGrowth;
      if (!law) throw new DataProblem('Switch on grain growth (above) to fit its law.');
      return library.fitGrainGrowth({ exponent: law.exponent, d0M: law.d0M, ...byProgram(points) });
    },
    say: (fit, show) => {
      const { k0, eaJPerMol: ea } = fit;
      const law = state.lastGood.grainGrowth;
      return `k₀ = ${show.n(k0.value)} mⁿ/s (95 %: ${show.n(k0.low)} to ${show.n(k0.high)}); `
        + `Eₐ,g = ${show.e(ea.value)} (95 %: ${show.e(ea.low)} to ${show.e(ea.high)}), for n = ${show.n(law.exponent)} and d₀ = ${show.l(law.d0M)}. `
        + 'Least squares on ln d, each size through the Arrhenius integral of its scenario’s program';
    },
    use: (fit, points) => {
      showSi($('grain-k0'), fit.k0.value, null);
      showSi($('grain-ea'), fit.eaJPerMol.value, 'energy');
      $('grain-law').value = 'custom';
      const law = { ...state.lastGood.grainGrowth, k0: fit.k0.value, eaJPerMol: fit.eaJPerMol.value };
      lawToMeasured(points, (s) => ({ ...s, grainGrowth: law }));
    },
  }),
  lengths: timedLengths({
    id: 'lengths',
    kind: 'transport',
    symbol: 'L',
    fit: (library, points) => library.fitDiffusionLengths(byProgram(points)),
    say: (fit, show) => `${arrheniusLaw(fit, show)}. `
      + 'Least squares on ln L, each length L = √(D₀·I) through the Arrhenius integral of its scenario’s program',
    use: (fit, points) => {
      useArrheniusLaw(fit);
      const diffusion = { ...state.lastGood.diffusion, d0M2PerS: fit.d0M2PerS.value, eaJPerMol: fit.eaJPerMol.value };
      lawToMeasured(points, (s) => ({ ...s, diffusion }));
    },
  }),
};

/** Whether column `c` of `set` can read `cell`. */
function reads(set, c, cell) {
  try {
    set.columns[c]?.[1](cell);
    return c < set.columns.length;
  } catch (e) {
    if (e instanceof DataProblem) return false;
    throw e;
  }
}

/** How many columns a row of `set` needs. */
const needed = (set) => set.columns.length - (set.optional ? 1 : 0);

/** The rows of the set's text, and the points drawn from them (state.measured); the last fit. */
const shown = Object.fromEntries(Object.keys(SETS).map((name) => [name, { rows: [], fit: null }]));

/**
 * The rows of `text` with their line numbers, each cell read by its column: columns between tabs
 * or semicolons where a line has them (a comma may then be a decimal comma, which is refused),
 * else commas where it has them (a scenario's name may have spaces), else spaces; `#` starts a
 * comment; a first line none of whose cells its column can read is a header.
 */
function readRows(text, set) {
  const lines = text.split(/\r\n|\r|\n/);
  const count = needed(set);
  const names = set.columns.map(([name]) => name);
  const rows = [];
  let header = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const cells = line.split(/[\t;]/.test(line) ? /\s*[\t;]\s*/ : line.includes(',') ? /\s*,\s*/ : /\s+/);
    if (rows.length === 0 && !header && !cells.some((cell, c) => reads(set, c, cell))) {
      header = true;
      continue;
    }
    if (rows.length === MAX_ROWS) {
      const more = lines.slice(i).filter((l) => l.replace(/#.*/, '').trim() !== '').length;
      throw new DataProblem(`The data have ${MAX_ROWS + more} rows; at most ${MAX_ROWS} can be drawn and fitted.`);
    }
    if (cells.length < count || cells.length > set.columns.length) {
      const expected = set.optional ? `${names.slice(0, -1).join(' and ')}, and optionally ${names.at(-1)}` : names.join(', ');
      throw new DataProblem(`Line ${i + 1}: expected ${expected}; got ${plural(cells.length, 'column')}.`);
    }
    const values = cells.map((cell, c) => {
      try {
        return set.columns[c][1](cell);
      } catch (e) {
        if (e instanceof DataProblem) throw new DataProblem(`Line ${i + 1}, column ${names[c]}: ${e.message}.`);
        throw e;
      }
    });
    rows.push({ line: i + 1, values });
  }
  return rows;
}

/** The unit column `c` of the set is typed in. */
const unitOf = (set, c) => $(set.columns[c][2]).value;

/** A point of the core refused, in the reader's words: its line, column, range and value in the column's unit. */
function pointProblem(set, error, rows) {
  const at = /(?:points|lengths)\[(\d+)\]\.(\w+)$/.exec(error.field ?? '');
  const c = at ? set.fields.indexOf(at[2] === 'program' ? 'scene' : at[2]) : -1;
  if (c < 0 || !rows[Number(at[1])]) return error.message;
  const why = error.allowed && set.columns[c][2]
    ? refusal(error, (si, digits) => state.wasm.showQuantity(si, unitOf(set, c), digits))
    : `${error.message.replace(/^.*?: /, '')}.`;
  return `Line ${rows[Number(at[1])].line}, column ${set.columns[c][0]}: ${why}`;
}

function say(set, text, problem = false) {
  setText($(`${set.id}-out`), text);
  $(`${set.id}-out`).className = problem ? 'msg' : 'source';
  $(`${set.id}-text`).setAttribute('aria-invalid', String(problem));
}

function forgetFit(name) {
  shown[name].fit = null;
  $(`${SETS[name].id}-use`).hidden = true;
  $(`${SETS[name].id}-residuals`).hidden = true;
}

/**
 * Reads set `name`'s text into points and draws them; tells whether it could. A problem is named
 * and leaves the points drawn before, and the charts, as they were. `again`: the same text read
 * again for other pinned scenarios, which keeps a fit shown unless a row no longer reads.
 */
const readSet = (name, again = false) => guarded((calc) => {
  const set = SETS[name];
  if (!again) forgetFit(name);
  let rows;
  let points;
  try {
    rows = readRows($(`${set.id}-text`).value, set);
    points = rows.map(({ values }) => set.point(values, (v, c) => state.wasm.toSi(v, unitOf(set, c))));
    set.draw(calc, points);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    forgetFit(name);
    say(set, e instanceof DataProblem ? e.message : pointProblem(set, e, rows), true);
    return false;
  }
  shown[name].rows = rows;
  state.measured[name] = points;
  if (again && shown[name].fit) {
    draw(calc);
    return true;
  }
  const long = $(`${set.id}-text`).value.length > MAX_LINK_TEXT
    ? ` They are too long for the share link (more than ${MAX_LINK_TEXT} characters): the JSON export keeps them.` : '';
  const none = $(`${set.id}-text`).value.trim() ? 'No rows to draw: a first line without numbers is read as a header.' : '';
  say(set, rows.length ? `${plural(rows.length, 'point')} drawn on ${set.chart}.${long}` : none);
  draw(calc);
  return true;
});

/** Reads every set of measurements (after a share link). */
export const readData = () => Object.keys(SETS).forEach((name) => readSet(name));

/** Reads every set again for the pinned scenarios as they now are, whose numbers and names the rows give. */
export const redrawData = () => Object.keys(SETS).forEach((name) => readSet(name, true));

/** Gives a new Calculator the points drawn on the one it replaces. */
export function remeasure(calc) {
  for (const [name, set] of Object.entries(SETS)) set.draw(calc, state.measured[name]);
}

/**
 * Fits set `name`'s points (with the scripting library, loaded on the first fit) and shows the
 * values with their intervals and residuals.
 */
async function fit(name) {
  const { wasm } = state;
  const set = SETS[name];
  if (!wasm) return;
  let library;
  try {
    library = await scriptingLibrary();
  } catch (e) {
    say(set, `The fit could not be loaded (${quote(e.message, 200)}); the points stay drawn.`, true);
    return;
  }
  const { rows } = shown[name];
  const points = state.measured[name];
  let result;
  try {
    result = set.fit(library, points);
  } catch (e) {
    if (e instanceof DataProblem) say(set, e.message, true);
    // “query.points: a fit takes 3 to 1000 points; got 2” → “A fit takes …”.
    else if (/^query\.points$|^query$/.test(e.field ?? '')) say(set, `${e.message.replace(/^[\w.]+: (.)/, (_, c) => c.toUpperCase())}.`, true);
    else say(set, pointProblem(set, e, rows), true);
    return;
  }
  shown[name].fit = result;
  const show = {
    d: (si) => wasm.showQuantity(si, $('u-diffusivity').value),
    e: (si) => wasm.showQuantity(si, $('u-energy').value),
    l: (si) => wasm.showQuantity(si, $('u-length').value),
    n: (si) => wasm.showQuantity(si),
  };
  // An interval reaching below zero: the points barely tell the barrier.
  const vague = result.eaJPerMol.low <= 0
    ? ' The interval of the activation energy reaches below zero: these points barely tell it; programs with different peak temperatures would.' : '';
  say(set, `${set.say(result, show)}; ${plural(rows.length, 'point')}, ${plural(result.degreesOfFreedom, 'degree')} of freedom.${vague}`);
  // The needed columns of each point, in the columns' units, and its residual.
  const columns = set.columns.slice(0, needed(set));
  const cell = (si, c) => {
    if (columns[c][1] === scene) return si === 0 ? 'current' : state.pins[si - 1].label;
    return si === undefined ? 'end' : wasm.showQuantity(si, unitOf(set, c));
  };
  const body = points.map((p, i) => [String(rows[i].line), ...columns.map((_, c) => cell(p[set.fields[c]], c)),
    wasm.showQuantity(result.residualsLn[i])]);
  showTable($(`${set.id}-residuals`), `Residuals: ${set.residual} measured − ${set.residual} fitted`,
    [['Line', ...columns.map(([n]) => n), `Residual of ${set.residual}`], ...body]);
  $(`${set.id}-residuals`).hidden = false;
  $(`${set.id}-use`).hidden = false;
}

/**
 * Wires the measurements' inputs and buttons: `onData` follows a change of the data (for the
 * share link), `onUse` a fit put into the inputs.
 */
export function wireData({ onData, onUse }) {
  const refuse = (set, what, length) => say(set, `${what} has ${length} characters; at most ${MAX_TEXT} (${MAX_ROWS} rows) can be read.`, true);
  for (const [name, set] of Object.entries(SETS)) {
    const read = () => {
      readSet(name);
      onData();
    };
    const text = $(`${set.id}-text`);
    text.addEventListener('input', debounced(read, PARSE_DELAY_MS));
    for (const [, , unit] of set.columns) if (unit) $(unit).addEventListener('change', read);
    $(`${set.id}-fit`).addEventListener('click', () => {
      if (readSet(name)) fit(name);
    });
    $(`${set.id}-use`).addEventListener('click', () => {
      if (!shown[name].fit) return;
      set.use(shown[name].fit, state.measured[name]);
      onUse();
    });
    // Text too long to read is refused before it reaches the text box, whose layout alone would
    // take seconds.
    text.addEventListener('paste', (e) => {
      const pasted = e.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length <= MAX_TEXT) return;
      e.preventDefault();
      refuse(set, 'The pasted text', pasted.length);
    });
    const box = $(`${set.id}-fields`);
    box.addEventListener('dragover', (e) => e.preventDefault());
    box.addEventListener('drop', async (e) => {
      const [file] = e.dataTransfer?.files ?? [];
      if (!file) return;
      e.preventDefault();
      if (file.size > MAX_TEXT) {
        refuse(set, `The file ${quote(file.name)}`, file.size);
        return;
      }
      text.value = await file.text();
      read();
    });
  }
}
