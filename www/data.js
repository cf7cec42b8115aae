// The reader's own measurements: rows of T and D pasted or dropped as a file, drawn on the
// Arrhenius chart, and D0 and Eₐ fitted to them by the core (fitArrhenius) with 95 % intervals.

import { draw } from './charts.js';
import { $, debounced, setText, showTable } from './dom.js';
import { quote, refusal } from './messages.js';
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
const COLUMNS = ['T', 'D', 'σ of D'];

/** A problem with the data, in words naming the line and column as the reader sees them. */
class DataProblem extends Error {}

/** The units the columns are typed in: T's, and D's (also σ's). */
const columnUnits = () => [$('data-t-unit').value, $('data-d-unit').value, $('data-d-unit').value];

/**
 * The rows of `text` as numbers with their line numbers: columns between commas, semicolons, tabs
 * or spaces; `#` starts a comment; a first line of words is a header.
 */
function readRows(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const rows = [];
  let header = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    // Between columns: tabs or semicolons where the line has them (a comma may then be a decimal
    // comma, which is refused), else commas or spaces.
    const cells = line.split(/[\t;]/.test(line) ? /\s*[\t;]\s*/ : /\s*,\s*|\s+/);
    if (rows.length === 0 && !header && !isNumberText(cells[0])) {
      header = true;
      continue;
    }
    if (rows.length === MAX_ROWS) {
      const more = lines.slice(i).filter((l) => l.replace(/#.*/, '').trim() !== '').length;
      throw new DataProblem(`The data have ${MAX_ROWS + more} rows; at most ${MAX_ROWS} can be drawn and fitted.`);
    }
    if (cells.length < 2 || cells.length > 3) {
      throw new DataProblem(`Line ${i + 1}: expected T and D, and optionally σ of D; got ${cells.length} column${cells.length === 1 ? '' : 's'}.`);
    }
    const bad = cells.findIndex((c) => !isNumberText(c));
    if (bad >= 0) {
      const comma = cells[bad].includes(',') ? ' (write decimals with a point)' : '';
      throw new DataProblem(`Line ${i + 1}, column ${COLUMNS[bad]}: ${quote(cells[bad])} is not a number${comma}.`);
    }
    rows.push({ line: i + 1, values: cells.map(Number) });
  }
  return rows;
}

/** The rows as the core takes them, in SI. */
function pointsOf(rows) {
  const [t, d] = columnUnits();
  return rows.map(({ values: [temp, diff, sigma] }) => ({
    temperatureK: state.wasm.toSi(temp, t),
    dM2PerS: state.wasm.toSi(diff, d),
    ...(sigma === undefined ? {} : { sigmaM2PerS: state.wasm.toSi(sigma, d) }),
  }));
}

/** The points' temperatures and diffusion coefficients, as Calculator.setMeasured takes them. */
const drawn = (points) => [Float64Array.from(points, (p) => p.temperatureK), Float64Array.from(points, (p) => p.dM2PerS)];

/** A refused point in the reader's words: its line, column, range and value in the column's unit. */
function pointProblem(error, rows) {
  const at = /^(?:query\.)?points\[(\d+)\]\.(\w+)$/.exec(error.field ?? '');
  if (!at || !error.allowed) return error.message;
  const column = { temperatureK: 0, dM2PerS: 1, sigmaM2PerS: 2 }[at[2]];
  const unit = columnUnits()[column];
  return `Line ${rows[Number(at[1])].line}, column ${COLUMNS[column]}: ${refusal(error, (si) => state.wasm.showQuantity(si, unit))}`;
}

/** The rows of the points drawn (state.measured); the last fit. */
const data = { rows: [], fit: null };

function say(text, problem = false) {
  setText($('data-out'), text);
  $('data-out').className = problem ? 'msg' : 'source';
  $('data-text').setAttribute('aria-invalid', String(problem));
}

function forgetFit() {
  data.fit = null;
  $('data-use').hidden = true;
  $('data-residuals').hidden = true;
}

/**
 * Reads the text into points and draws them; tells whether it could. A problem is named and
 * leaves the points drawn before, and the charts, as they were.
 */
export const readData = () => guarded((calc) => {
  forgetFit();
  let rows;
  let points;
  try {
    rows = readRows($('data-text').value);
    points = pointsOf(rows);
    calc.setMeasured(...drawn(points));
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    say(e instanceof DataProblem ? e.message : pointProblem(e, rows), true);
    return false;
  }
  data.rows = rows;
  state.measured = points;
  const long = $('data-text').value.length > MAX_LINK_TEXT
    ? ` They are too long for the share link (more than ${MAX_LINK_TEXT} characters): the JSON export keeps them.` : '';
  say(rows.length ? `${rows.length} point${rows.length === 1 ? '' : 's'} drawn on the Arrhenius chart.${long}` : '');
  draw(calc);
  return true;
});

/** Gives a new Calculator the points drawn on the one it replaces. */
export const remeasure = (calc) => calc.setMeasured(...drawn(state.measured));

/**
 * Fits D0 and Eₐ to the points (with the scripting library, loaded on the first fit) and shows
 * them with their intervals and residuals.
 */
async function fit() {
  const { wasm } = state;
  if (!wasm) return;
  let library;
  try {
    library = await scriptingLibrary();
  } catch (e) {
    say(`The fit could not be loaded (${quote(e.message, 200)}); the points stay drawn.`, true);
    return;
  }
  let result;
  try {
    result = library.fitArrhenius({ points: state.measured });
  } catch (e) {
    // “query.points: a fit takes 3 to 1000 points; got 2” → “A fit takes …”.
    say(e.field === 'query.points' ? `${e.message.replace(/^query\.points: (.)/, (_, c) => c.toUpperCase())}.` : pointProblem(e, data.rows), true);
    return;
  }
  data.fit = result;
  const d = (si) => wasm.showQuantity(si, $('u-diffusivity').value);
  const e = (si) => wasm.showQuantity(si, $('u-energy').value);
  const { d0M2PerS: d0, eaJPerMol: ea } = result;
  const method = result.weighted ? 'weighted by the uncertainties given' : 'all points weighted alike';
  say(`D₀ = ${d(d0.value)} (95 %: ${d(d0.low)} to ${d(d0.high)}); Eₐ = ${e(ea.value)} (95 %: ${e(ea.low)} to ${e(ea.high)}). `
    + `Least squares on ln D against 1/T, ${method}; ${data.rows.length} points, ${result.degreesOfFreedom} degree${result.degreesOfFreedom === 1 ? '' : 's'} of freedom.`);
  const [tUnit, dUnit] = columnUnits();
  const rows = state.measured.map((p, i) => [String(data.rows[i].line), wasm.showQuantity(p.temperatureK, tUnit),
    wasm.showQuantity(p.dM2PerS, dUnit), wasm.showQuantity(result.residualsLn[i])]);
  showTable($('data-residuals'), 'Residuals: ln D measured − ln D fitted', [['Line', 'T', 'D', 'Residual of ln D'], ...rows]);
  $('data-residuals').hidden = false;
  $('data-use').hidden = false;
}

/** Puts the fitted D0 and Eₐ into the species' inputs, measured over the points' temperatures. */
function useFit(onChange) {
  if (!data.fit) return;
  showSi($('d0'), data.fit.d0M2PerS.value, 'diffusivity');
  showSi($('ea'), data.fit.eaJPerMol.value, 'energy');
  const temps = state.measured.map((p) => p.temperatureK);
  showSi($('valid-min'), Math.min(...temps), 'temperature');
  showSi($('valid-max'), Math.max(...temps), 'temperature');
  $('material').value = 'custom';
  state.label = null;
  onChange();
}

/**
 * Wires the data's inputs and buttons: `onData` follows a change of the data (for the share
 * link), `onSpecies` a change of the species' inputs.
 */
export function wireData({ onData, onSpecies }) {
  const read = () => {
    readData();
    onData();
  };
  $('data-text').addEventListener('input', debounced(read, PARSE_DELAY_MS));
  for (const id of ['data-t-unit', 'data-d-unit']) $(id).addEventListener('change', read);
  $('data-fit').addEventListener('click', () => {
    if (readData()) fit();
  });
  $('data-use').addEventListener('click', () => useFit(onSpecies));
  // Text too long to read is refused before it reaches the text box, whose layout alone would
  // take seconds.
  const refuse = (what, length) => say(`${what} has ${length} characters; at most ${MAX_TEXT} (${MAX_ROWS} rows) can be read.`, true);
  $('data-text').addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= MAX_TEXT) return;
    e.preventDefault();
    refuse('The pasted text', text.length);
  });
  const box = $('data-fields');
  box.addEventListener('dragover', (e) => e.preventDefault());
  box.addEventListener('drop', async (e) => {
    const [file] = e.dataTransfer?.files ?? [];
    if (!file) return;
    e.preventDefault();
    if (file.size > MAX_TEXT) {
      refuse(`The file ${quote(file.name)}`, file.size);
      return;
    }
    $('data-text').value = await file.text();
    read();
  });
}
