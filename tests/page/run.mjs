#!/usr/bin/env node
// Page tests: the built static site, served from a sub-path by a plain static file server on
// 127.0.0.1, driven in Debian's headless Chromium through playwright-core, as a person would use
// it at desktop and phone size. Fails on the first failing check.
//
// node tests/page/run.mjs --site dist --base /courses/kinetics/ --screenshots target/screenshots --budget 153600

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { CHROMIUM_FLAGS } from './chromium.mjs';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/courses/kinetics/' },
    screenshots: { type: 'string', default: 'target/screenshots' },
    budget: { type: 'string', default: '153600' },
  },
});
const tools = process.env.SK_TOOLS;
assert.ok(tools, 'SK_TOOLS must name the folder with node_modules (set by .ci/lib.sh)');
const { chromium } = await import(path.join(tools, 'node_modules/playwright-core/index.mjs'));
const axeSource = fs.readFileSync(path.join(tools, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The built page carries its CSS and JS and asks for the wasm module from its <head>
// (.ci/inline.mjs); a test below checks that the first render requests nothing else.
const FIRST_RENDER = ['index.html', 'pkg/page_bg.wasm'];
const KINDS = ['temperature', 'flux', 'transport', 'grain', 'arrhenius'];
/** A chart counts as drawn when this share of its pixels differs from the background. */
const MIN_INK = 0.02;
/** The page writes its share link this long after the last edit (plus margin). */
const FRAGMENT_WAIT_MS = 600;
/** The page fills its off-screen panels this long after the last edit (plus margin). */
const PANEL_WAIT_MS = 500;

// ---------- tiny runner ----------
const results = [];
// Set up below; a failure before then has less to clean up.
let browser = null;
let server = null;
let root = null;
async function test(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push(name);
    console.log(`ok   ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    console.log(`FAIL ${name}\n${e.stack || e}`);
    await cleanup();
    process.exit(1);
  }
}

// ---------- byte budget (deterministic, so it is a test) ----------
const site = path.resolve(args.site);
await test(`first render fits in ${args.budget} bytes gzip`, async () => {
  let total = 0;
  for (const file of FIRST_RENDER) {
    const bytes = fs.readFileSync(path.join(site, file));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(`     ${file.padEnd(34)} ${String(bytes.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`     ${'total'.padEnd(34)} ${' '.repeat(15)} ${String(total).padStart(8)} B gzip`);
  assert.ok(total <= Number(args.budget), `first render is ${total} B gzip, budget ${args.budget} B`);
});

// ---------- static server under a sub-path ----------
root = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-site-'));
const mount = path.join(root, ...args.base.split('/').filter(Boolean));
fs.mkdirSync(path.dirname(mount), { recursive: true });
fs.symlinkSync(site, mount);
server = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', root, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const port = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /port (\d+)/.exec(String(d));
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', (code) => reject(new Error(`static server exited with ${code}`)));
});
const origin = `http://127.0.0.1:${port}`;
const url = `${origin}${args.base}`;
browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, chromiumSandbox: false });
async function cleanup() {
  await browser?.close().catch(() => {});
  server?.kill();
  if (root) fs.rmSync(root, { recursive: true, force: true });
}
const shots = path.resolve(args.screenshots);
fs.mkdirSync(shots, { recursive: true });

// ---------- helpers ----------
const problems = [];
function watch(page, label) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${label}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${label}: uncaught: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`${label}: request outside the origin: ${u}`);
  });
  page.on('dialog', (d) => { problems.push(`${label}: unexpected dialog: ${d.message()}`); d.dismiss(); });
}
function assertNoProblems() {
  assert.deepEqual(problems, [], problems.join('\n'));
}

async function newPage(viewport, label, options = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: options.scale ?? 1, acceptDownloads: true, ...options.context });
  const page = await context.newPage();
  watch(page, label);
  return { context, page };
}

const draws = (page) => page.evaluate(() => Number(document.body.dataset.draws || 0));
async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 20000 });
}
async function afterEdit(page, before) {
  await page.waitForFunction((n) => Number(document.body.dataset.draws || 0) > n, before, { timeout: 10000 });
}
async function settle(page) {
  // Two animation frames: lets a scheduled recompute run (or not run, after a bad input).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Share of non-background pixels of each chart (of the main grid unless `kinds` are named), and whether each canvas matches its box. */
function inkOf(page, kinds = KINDS) {
  return page.evaluate(async ([kinds, minInk]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // What the canvas shows: the core draws on the canvas's own 2D context.
    const inkOfCanvas = (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let differ = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differ += 1;
      }
      return differ / (d.length / 4);
    };
    const out = {};
    for (const k of kinds) {
      const c = document.getElementById(`chart-${k}`);
      // As a person would see it: scrolled into view (an off-screen chart is redrawn when the
      // page's visibility observer reports it on screen, a task or more after the scroll).
      c.scrollIntoView();
      await frame();
      let ink = inkOfCanvas(c);
      for (const start = performance.now(); ink <= minInk && performance.now() - start < 1000;) {
        await frame();
        ink = inkOfCanvas(c);
      }
      const crisp = c.width === Math.round(c.clientWidth * devicePixelRatio) && c.height === Math.round(c.clientHeight * devicePixelRatio);
      out[k] = { ink, crisp, width: c.clientWidth };
    }
    return out;
  }, [kinds, MIN_INK]);
}
async function assertChartsDrawn(page, what) {
  const ink = await inkOf(page);
  for (const [k, v] of Object.entries(ink)) {
    assert.ok(v.ink > MIN_INK, `${what}: the ${k} chart is blank (${(v.ink * 100).toFixed(2)} % ink)`);
    assert.ok(v.crisp, `${what}: the ${k} canvas is not at the device pixel ratio`);
  }
}
/** The chart's pixels, after scrolling it into view (charts off screen are redrawn when they come into view). */
async function chartImage(page, kind) {
  await page.locator(`#chart-${kind}`).scrollIntoViewIfNeeded();
  await settle(page);
  return page.evaluate((k) => document.getElementById(`chart-${k}`).toDataURL(), kind);
}
// Off screen, the summary and inverse panels are filled a moment after the last edit.
const panelsFilled = (page) => page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
// Read as a person would: the summary is filled when it scrolls into view.
const summary = async (page) => {
  await page.locator('#summary').scrollIntoViewIfNeeded();
  await page.waitForSelector('#summary-panel:not([aria-busy=true])');
  return page.textContent('#summary');
};
/** The chart's PNG download is a PNG of the chart at its full size in device pixels. */
async function assertPngExport(page, kind) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export=${kind}-png]`)]);
  const png = fs.readFileSync(await dl.path());
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  const size = await page.$eval(`#chart-${kind}`, (c) => [c.width, c.height]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], size, 'the PNG has the canvas size (IHDR)');
  assert.ok(size[0] > 300, `the ${kind} chart is wider than a blank canvas (${size})`);
}
async function type(page, selector, text) {
  const before = await draws(page);
  await page.fill(selector, text);
  return before;
}
async function download(page, selector, encoding = 'utf8') {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await dl.path(), encoding);
}
/** The alert as a person sees it: on screen (in the viewport) with a box of its own, and its text. */
async function visibleAlert(page) {
  const box = await page.locator('#alert').boundingBox();
  const { height } = page.viewportSize();
  assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0 && box.y + box.height <= height,
    `the alert is on screen (${JSON.stringify(box)})`);
  assert.equal(await page.isVisible('#alert'), true, 'the alert is visible');
  return page.textContent('#alert');
}
/** A share link of `state` (the page's own format), with version `v` in its fragment. */
const linkOf = (state, v = 1) => `${url}#v=${v}&s=${Buffer.from(JSON.stringify(state)).toString('base64url')}`;

// ---------- tests ----------
const desktop = await newPage({ width: 1280, height: 800 }, 'desktop');
const page = desktop.page;

await test('loads from a sub-path, draws every chart, no errors or foreign requests', async () => {
  const requested = [];
  const record = (r) => requested.push(r.url().slice(url.length));
  page.on('request', record);
  await page.goto(url);
  await ready(page);
  page.off('request', record);
  // The page and the module its <head> asks for (once: the preload is used), then only the icon,
  // the manifest and the service worker.
  const rendering = requested.filter((u) => !/^(www\/(icon\.svg|manifest\.webmanifest)|sw\.js)$/.test(u));
  assert.deepEqual(rendering, ['', 'pkg/page_bg.wasm'], `the first render requested ${JSON.stringify(requested)}`);
  await assertChartsDrawn(page, 'first render');
  assert.match(await summary(page), /Peak flux/);
  assert.match(await page.textContent('#mixing-out'), /S_conf = 13\.38 J\/\(mol·K\) → G = 1\.338 × 10⁷ J\/\(K·mol·m\)/);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'desktop-1280x800.png') });
  await panelsFilled(page);
  await page.screenshot({ path: path.join(shots, 'desktop-1280x800-full.png'), fullPage: true });
  assertNoProblems();
});

await test('every technique and material preset renders non-blank charts', async () => {
  const techniques = await page.$$eval('#technique option', (os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  assert.ok(techniques.length >= 6);
  for (const id of techniques) {
    const before = await draws(page);
    await page.selectOption('#technique', id);
    await afterEdit(page, before);
    await assertChartsDrawn(page, `technique ${id}`);
  }
  const materials = await page.$$eval('#material option', (os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
  for (const id of materials) {
    const before = await draws(page);
    await page.selectOption('#material', id);
    await afterEdit(page, before);
    await assertChartsDrawn(page, `material ${id}`);
  }
  for (const axis of ['log', 'normalised', 'linear']) {
    const before = await draws(page);
    await page.selectOption('#time-axis', axis);
    await afterEdit(page, before);
    await assertChartsDrawn(page, `${axis} time axis`);
  }
  await page.selectOption('#technique', 'furnace');
  await page.selectOption('#material', materials[0]);
  await settle(page);
  assertNoProblems();
});

await test('dragging the Ea slider under the flux chart updates the input and the charts', async () => {
  assert.ok(await page.$('#chart-flux ~ #ea-explore #ea-slider'), 'the slider sits under the flux chart');
  const [arrhenius, flux] = [await chartImage(page, 'arrhenius'), await chartImage(page, 'flux')];
  const before = await draws(page);
  await page.fill('#ea-slider', '400');
  await afterEdit(page, before);
  assert.equal(await page.inputValue('#ea'), '400');
  assert.equal(await page.textContent('#ea-slider-value'), '400 kJ/mol');
  assert.equal(await page.inputValue('#material'), 'custom');
  assert.notEqual(await chartImage(page, 'arrhenius'), arrhenius);
  assert.notEqual(await chartImage(page, 'flux'), flux);
  const again = await draws(page);
  await page.fill('#ea', '318');
  await afterEdit(page, again);
  assert.equal(await page.inputValue('#ea-slider'), '318');
  assert.equal(await page.textContent('#ea-slider-value'), '318 kJ/mol');
  // Beyond the slider's range the slider stops at its end and its label keeps the value.
  const beyond = await draws(page);
  await page.fill('#ea', '1000.5');
  await afterEdit(page, beyond);
  assert.equal(await page.inputValue('#ea-slider'), '800');
  assert.equal(await page.textContent('#ea-slider-value'), '1001 kJ/mol');
  const back = await draws(page);
  await page.fill('#ea', '318');
  await afterEdit(page, back);
  await page.selectOption('#material', await page.$eval('#material option', (o) => o.value));
  await settle(page);
});

await test('editing an input changes the charts and the summary', async () => {
  const [fluxBefore, textBefore] = [await chartImage(page, 'flux'), await summary(page)];
  const before = await type(page, '#ea', '250');
  await afterEdit(page, before);
  assert.notEqual(await chartImage(page, 'flux'), fluxBefore, 'the flux chart changed');
  assert.notEqual(await summary(page), textBefore, 'the summary changed');
  await page.fill('#ea', '318');
  await settle(page);
});

await test('a bad input shows why and what is allowed, and keeps the last chart', async () => {
  await settle(page);
  const [image, text] = [await chartImage(page, 'flux'), await summary(page)];
  // The last is the core's error, shown next to the input its field names.
  const range = /^D0 must be a number from 10⁻³⁰ m²\/s to 1000 m²\/s\.$/;
  for (const [value, expected] of [['abc', range], ['', range], ['1e999', range], ['-3', /^D0 must be at least 10⁻³⁰ m²\/s; got −3 m²\/s\.$/]]) {
    await page.fill('#d0', value);
    await settle(page);
    await settle(page);
    assert.equal(await page.getAttribute('#d0', 'aria-invalid'), 'true', `“${value}” is marked`);
    assert.match(await page.textContent('#d0-msg'), expected);
    assert.equal(await chartImage(page, 'flux'), image, 'the chart keeps the last valid state');
    assert.equal(await summary(page), text, 'the summary keeps the last valid state');
    assert.equal(await page.inputValue('#ea'), '318', 'other inputs are untouched');
    assert.equal(await page.isHidden('#alert'), true, 'the message is at the input, not in the alert');
    assert.equal(await page.isVisible('#stale'), true, 'the page says the charts show the last valid inputs');
  }
  const before = await type(page, '#d0', '2.66e-6');
  await afterEdit(page, before);
  assert.equal(await page.$('#d0-msg'), null);
  assert.equal(await page.isHidden('#stale'), true);
  assert.equal(await page.getAttribute('#d0', 'aria-invalid'), null, 'the mended input is no longer marked');
  assert.equal(await page.getAttribute('#d0', 'aria-describedby'), null);
  // The core's errors name their field: a segment's, and one amount of the composition.
  for (const [selector, bad] of [['#segments li:first-child input', '0'], ['#composition', '1: 1, -1, 1']]) {
    const original = await page.inputValue(selector);
    await page.fill(selector, bad);
    await settle(page);
    await settle(page);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true', `${selector} = “${bad}” is marked`);
    assert.match(await page.$eval(selector, (i) => document.getElementById(i.getAttribute('aria-describedby')).textContent), /\S/);
    assert.equal(await page.isHidden('#alert'), true, `the core's error about ${selector} is at its input`);
    const mended = await type(page, selector, original);
    await afterEdit(page, mended);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), null);
  }
  await page.selectOption('#technique', 'furnace');
  await settle(page);
  assertNoProblems();
});

await test('hover readout gives exact values', async () => {
  await page.locator('#chart-temperature').scrollIntoViewIfNeeded();
  await settle(page);
  const box = await page.locator('#chart-temperature').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  assert.match(await page.textContent('#readout-temperature'), /T = \d/);
});

await test('dragging across a time chart zooms every time chart into that time; reset shows all', async () => {
  await page.click('#chart-temperature ~ .row details > summary');
  await page.waitForSelector('#chart-temperature ~ .row details table');
  const firstTimes = () => page.$$eval('#chart-temperature ~ .row details table tr', (trs) => trs.slice(1).map((tr) => tr.cells[0].textContent));
  const whole = await firstTimes();
  assert.equal(whole[0], '0');
  assert.equal(await page.isHidden('#zoom-reset-temperature'), true);
  // The SVG export (made by the scripting library's instance) shows the zoom the page shows.
  const svgLabels = async () => (await download(page, '[data-export=temperature-svg]')).match(/>[^<>]+<\/text>/g).join();
  const wholeLabels = await svgLabels();
  const canvas = page.locator('#chart-temperature');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const before = await draws(page);
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 5 });
  assert.equal(await page.isVisible('#chart-temperature ~ .zoom-band'), true, 'the span dragged is shown');
  await page.mouse.up();
  await afterEdit(page, before);
  for (const kind of ['temperature', 'flux', 'transport', 'grain']) {
    assert.equal(await page.isVisible(`#zoom-reset-${kind}`), true, `${kind} offers a reset`);
  }
  assert.equal(await page.isHidden('#chart-temperature ~ .zoom-band'), true);
  const zoomed = await firstTimes();
  assert.notEqual(zoomed[0], '0', 'the table starts where the zoom does');
  assert.notDeepEqual(zoomed, whole);
  await page.screenshot({ path: path.join(shots, 'desktop-zoomed.png') });
  assert.notEqual(await svgLabels(), wholeLabels, 'the SVG export is zoomed');
  await page.click('#zoom-reset-flux');
  await settle(page);
  assert.equal(await page.isHidden('#zoom-reset-temperature'), true);
  assert.deepEqual(await firstTimes(), whole);
  assert.equal(await svgLabels(), wholeLabels);
  await page.click('#chart-temperature ~ .row details > summary');
  assertNoProblems();
});

await test('a share link round-trips exactly', async () => {
  await page.selectOption('#u-temperature', 'celsius');
  await page.click('[data-add=pulses]');
  await page.fill('#pin-label', 'shared');
  await page.waitForTimeout(FRAGMENT_WAIT_MS);
  const link = page.url();
  assert.match(link, /#v=1&s=/);
  // Segment inputs by position: their ids are unique on a page, not the same on every page.
  const values = (p) => p.$$eval('input, select', (els) => els.map((e) => `${e.id.replace(/^seg-\d+-/, 'seg-')}=${e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value}`));
  const [want, wantSummary] = [await values(page), await summary(page)];
  const other = await desktop.context.newPage();
  watch(other, 'shared');
  await other.goto(link);
  await ready(other);
  await settle(other);
  assert.deepEqual(await values(other), want);
  assert.equal(await summary(other), wantSummary);
  assert.equal(await other.isHidden('#alert'), true, 'nothing was ignored');
  await other.close();
  await page.selectOption('#u-temperature', 'kelvin');
  await settle(page);
  assertNoProblems();
});

await test('a hostile or damaged share link is inert and says what it ignored', async () => {
  const hostile = {
    v: 1,
    fields: { start: '<img src=x onerror="window.__pwned=1">', d0: '1e999', ea: 17, conc: '2e4', __proto__x: 'y' },
    selects: { technique: '"><script>window.__pwned=1</script>', 'u-energy': 'eV' },
    segments: [{ kind: 'constructor' }, { kind: 'hold', duration: '60' }],
    mixing: 'javascript:alert(1)',
    extra: { nested: '<svg onload=alert(1)>' },
  };
  const encoded = Buffer.from(JSON.stringify(hostile)).toString('base64url');
  const p = await desktop.context.newPage();
  watch(p, 'hostile');
  await p.goto(`${url}#v=1&s=${encoded}`);
  await ready(p);
  await settle(p);
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.$('img[src=x]'), null, 'nothing from the link became HTML');
  assert.equal(await p.evaluate(() => [...document.scripts].some((x) => x.textContent.includes('__pwned'))), false,
    'nothing from the link became a script');
  // What was ignored is counted, and a few of the link's names are quoted, cut short.
  const alert = await visibleAlert(p);
  assert.match(alert, /ignored what was not valid \(9 entries\): “extra”, “selects\.technique”, “selects\.u-energy” and 6 more\./);
  assert.equal(await p.inputValue('#conc'), '2e4', 'valid fields are loaded');
  assert.equal(await p.inputValue('#u-energy'), 'kjPerMol', 'an unknown unit is ignored');
  await assertChartsDrawn(p, 'hostile link');
  // A link's own text reaches the alert only short and quoted: no 700 KB key, no sentence of its own.
  const sentence = 'Your licence expired. Call +1 555 0100 to renew it now';
  await p.goto('about:blank');
  await p.goto(linkOf({ v: 1, [sentence]: 1, ['k'.repeat(700_000)]: 1, fields: { conc: '3e4' } }));
  await ready(p);
  await settle(p);
  const quoted = await visibleAlert(p);
  assert.ok(quoted.length < 300, `the alert is short (${quoted.length} characters)`);
  assert.ok(!quoted.includes(sentence), `the link's sentence is not shown whole: ${quoted}`);
  assert.match(quoted, /\(2 entries\): “Your licence expired\. C…”, “k{23}…”\./);
  await p.screenshot({ path: path.join(shots, 'alert-hostile-link.png') });
  assert.equal(await p.inputValue('#conc'), '3e4');
  // A damaged link says so, and the message stays on screen until the user edits an input.
  await p.goto('about:blank');
  await p.goto(`${url}#v=1&s=%%%not-base64`);
  await ready(p);
  await settle(p);
  assert.match(await visibleAlert(p), /damaged/);
  await p.screenshot({ path: path.join(shots, 'alert-damaged-link.png') });
  await assertChartsDrawn(p, 'damaged link');
  await p.waitForTimeout(Math.max(FRAGMENT_WAIT_MS, PANEL_WAIT_MS));
  // Still on screen after the charts were scrolled through, and after the page's timers.
  assert.match(await visibleAlert(p), /damaged/, 'the message outlives the page\'s timers');
  await afterEdit(p, await type(p, '#conc', '2e4'));
  assert.equal(await p.isHidden('#alert'), true, 'an edit dismisses the message');
  await p.goto('about:blank');
  await p.goto(linkOf({ v: 1, fields: { d0: '1e50', ea: '1e9' } }));
  await ready(p);
  await settle(p);
  assert.equal(await p.getAttribute('#d0', 'aria-invalid'), 'true', 'an out-of-range value from a link is marked');
  await assertChartsDrawn(p, 'out-of-range link');
  await p.close();
  assertNoProblems();
});

await test('a link from a newer version keeps what this page understands and says so', async () => {
  const p = await desktop.context.newPage();
  watch(p, 'newer');
  const future = { v: 99, fields: { conc: '3e4', 'ea-spread': '5' }, selects: { 'u-time': 'hour' }, segments: [{ kind: 'hold', duration: '2' }], overlays: [] };
  await p.goto(linkOf(future, 99));
  await ready(p);
  await settle(p);
  const alert = await visibleAlert(p);
  assert.match(alert, /^This link is from a newer version of the calculator \(version 99; this page reads version 1\)\./);
  assert.match(alert, /Kept what this page understands \(3 settings\); ignored 2 entries: “overlays”, “fields\.ea-spread”\.$/);
  assert.equal(await p.inputValue('#conc'), '3e4');
  assert.equal(await p.inputValue('#u-time'), 'hour');
  assert.equal(await p.$$eval('#segments li', (lis) => lis.length), 1);
  await assertChartsDrawn(p, 'newer link');
  // A newer link this version cannot read at all says so too.
  await p.goto('about:blank');
  await p.goto(`${url}#v=99&s=bm90IGpzb24`);
  await ready(p);
  assert.match(await visibleAlert(p), /newer version.*could not be read/);
  await p.close();
  assertNoProblems();
});

await test('pinning overlays scenarios on every chart', async () => {
  const image = await chartImage(page, 'temperature');
  await page.fill('#pin-label', 'furnace');
  await page.click('#pin');
  let before = await draws(page);
  await page.selectOption('#technique', 'sps');
  await afterEdit(page, before);
  await page.fill('#pin-label', 'SPS');
  await page.click('#pin');
  before = await draws(page);
  await page.selectOption('#technique', 'cts');
  await afterEdit(page, before);
  assert.match(await page.textContent('#pins'), /2 of 3 pinned/);
  assert.notEqual(await chartImage(page, 'temperature'), image);
  await assertChartsDrawn(page, 'with pins');
  await panelsFilled(page);
  await page.screenshot({ path: path.join(shots, 'desktop-compare.png'), fullPage: true });
  // The comparison table lists the current and both pinned scenarios' key results.
  const table = await page.$$eval('#comparison tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(table[0].slice(2), ['furnace', 'SPS']);
  assert.equal(table[2][0], 'Duration');
  assert.match(table[2][2], /^10\.01 h$/);
  assert.ok(table.length >= 9 && table.every((row) => row.length === 4), JSON.stringify(table));
  // The pins travel in the share link: another page opened from it shows them again.
  await page.waitForFunction(() => location.hash.length > 10);
  await page.waitForTimeout(400);
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await other.goto(page.url());
  await ready(other);
  assert.match(await other.textContent('#pins'), /2 of 3 pinned/);
  await other.locator('#summary').scrollIntoViewIfNeeded();
  await other.waitForSelector('#summary-panel:not([aria-busy=true])');
  const again = await other.$$eval('#comparison tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(again, table, 'the link restores the same comparison');
  assert.equal(await other.isHidden('#alert'), true, 'nothing was refused');
  await other.close();
  await page.click('#clear-pins');
  assert.equal(await page.isHidden('#comparison'), true);
  await page.fill('#pin-label', '');
  before = await draws(page);
  await page.selectOption('#technique', 'furnace');
  await afterEdit(page, before);
});

await test('exports download and parse (CSV, JSON, SVG, PNG)', async () => {
  const csv = (await download(page, '#export-csv')).trim().split('\n');
  assert.match(csv[0], /^scenario,"t \[h\]","T \[K\]"/);
  assert.ok(csv.length > 500);
  const row = csv[Math.floor(csv.length / 2)].split(',');
  assert.ok(row.slice(1, 8).every((v) => v === '' || Number.isFinite(Number(v))), row.join(','));
  const json = JSON.parse(await download(page, '#export-json'));
  assert.ok(json.curves.timeS.length > 500);
  assert.equal(json.scenario.diffusion.eaJPerMol, 318000);
  assert.match(await download(page, '[data-export=flux-svg]'), /<svg[\s\S]*<polyline/);
  await assertPngExport(page, 'grain');
});

await test('results follow the chosen units everywhere, in numbers people write', async () => {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await p.goto(url);
  await ready(p);
  const technique = await p.inputValue('#technique');
  const [start, ea] = [await p.inputValue('#start'), await p.inputValue('#ea')];
  const choose = async (select, unit) => {
    const before = await draws(p);
    await p.selectOption(select, unit);
    await afterEdit(p, before);
  };
  await choose('#u-temperature', 'celsius');
  await choose('#u-time', 'hour');
  await choose('#u-length', 'nanometre');
  await choose('#u-energy', 'electronVolt');
  await choose('#u-diffusivity', 'cm2PerS');
  assert.equal(await p.inputValue('#technique'), technique, 'a unit change keeps the preset');
  assert.equal(await p.inputValue('#ea'), '3.296', 'a conversion is shown rounded');
  // Text everywhere: summary, answers, slider, readouts of every chart, tables.
  await p.locator('#summary').scrollIntoViewIfNeeded();
  await p.waitForSelector('#summary-panel:not([aria-busy=true])');
  const text = await p.textContent('#summary');
  assert.match(text, /^Program: [\d.]+ h, peak [\d.]+ °C/, text);
  assert.match(await p.textContent('#inverse'), /°C/);
  assert.match(await p.textContent('#ea-slider-value'), /^3\.296 eV$/);
  for (const kind of ['temperature', 'flux', 'transport', 'grain', 'arrhenius']) {
    await p.locator(`#chart-${kind}`).scrollIntoViewIfNeeded();
    await p.hover(`#chart-${kind}`, { position: { x: 400, y: 120 } });
    const readout = await p.textContent(`#readout-${kind}`);
    assert.match(readout, kind === 'arrhenius' ? /°C.*cm²\/s/ : / h, /, readout);
    // Opened in the page: the readout above it has just grown, and a click could land beside it.
    await p.$eval(`#chart-${kind} ~ .row details`, (d) => { d.open = true; });
  }
  await p.waitForFunction(() => document.querySelectorAll('#charts details table').length === 5);
  const visible = await p.evaluate(() => document.body.innerText);
  assert.doesNotMatch(visible, /\d[eE][-+]?\d/, 'no E-notation in the visible text');
  assert.match(visible, /T \[°C\]/, 'the temperature table is in °C');
  assert.match(visible, /L \[nm\]/, 'the transport table is in nm');
  assert.match(visible, /D \[cm²\/s\]/, 'the Arrhenius table is in cm²/s');
  const svg = await download(p, '[data-export=temperature-svg]');
  assert.match(svg, /T \[°C\]/);
  assert.match(svg, /time t \[h\]/);
  assert.match((await download(p, '#export-csv')).split('\n')[0], /"t \[h\]","T \[°C\]"/);
  // A refused value is named as the page labels it, in the user's units.
  const rate = '#segments li:first-child input';
  const original = await p.inputValue(rate);
  await p.selectOption('#u-rate', 'kPerMin');
  await p.fill(rate, '-5');
  await settle(p);
  await settle(p);
  assert.match(await p.textContent('#segments li:first-child .msg'), /^Rate of ramp 1 must be at least 6 × 10⁻⁸ K\/min; got −5 K\/min\.$/);
  await p.fill(rate, original);
  // An inverse question with a value out of range answers in the same words and units.
  await p.fill('#q-temperature', '-400');
  await p.locator('#inverse').scrollIntoViewIfNeeded();
  await p.waitForFunction(() => /−400 °C is outside the allowed −272\.2 °C to 9727 °C/.test(document.getElementById('inverse').textContent));
  // Back to the first units: every input reads as it did.
  for (const [select, unit] of [['#u-temperature', 'kelvin'], ['#u-energy', 'kjPerMol']]) await choose(select, unit);
  assert.equal(await p.inputValue('#start'), start, 'K → °C → K gives back the same text');
  assert.equal(await p.inputValue('#ea'), ea);
  await p.close();
});

await test('each driver’s slider sits under its chart and moves its input and that chart', async () => {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await p.goto(url);
  await ready(p);
  const cases = [['rate', 'temperature', '2', /^\d+ K\/min$/], ['peak', 'temperature', '2000', /^2000 K$/],
    ['mix', 'flux', '-8', /^0\.01 µm$/], ['hold', 'transport', '5', /^27\.78 h$/]];
  for (const [id, chart, position, label] of cases) {
    assert.ok(await p.$(`#chart-${chart} ~ #${id}-explore #${id}-slider`), `the ${id} slider is under the ${chart} chart`);
    await p.locator(`#${id}-slider`).scrollIntoViewIfNeeded();
    const image = await chartImage(p, chart);
    const inputs = await p.$$eval('#inputs input', (els) => els.map((e) => e.value));
    const before = await draws(p);
    await p.fill(`#${id}-slider`, position);
    await afterEdit(p, before);
    const after = await p.$$eval('#inputs input', (els) => els.map((e) => e.value));
    assert.equal(after.filter((v, i) => v !== inputs[i]).length, 1, `${id}: exactly one input changed`);
    assert.notEqual(await chartImage(p, chart), image, `${id}: the ${chart} chart changed`);
    assert.match(await p.textContent(`#${id}-slider-value`), label);
  }
  assert.equal(await p.inputValue('#technique'), 'custom', 'a slider edits the program as typing would');
  await p.close();
});

await test('the modulation wavelength follows the mixing length unless set separately', async () => {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await p.goto(url);
  await ready(p);
  assert.equal(await p.isHidden('#wavelength-own'), true, 'no second input while it follows');
  const residual = async () => {
    await p.locator('#summary').scrollIntoViewIfNeeded();
    await p.waitForSelector('#summary-panel:not([aria-busy=true])');
    return /Residual modulation A\/A₀ = (.*)/.exec(await p.textContent('#summary'))[1];
  };
  const first = await residual();
  let before = await draws(p);
  await p.fill('#mix-length', '0.1');
  await afterEdit(p, before);
  const finer = await residual();
  assert.notEqual(finer, first, 'a finer mixing homogenises more');
  before = await draws(p);
  await p.selectOption('#wavelength-source', 'own');
  await afterEdit(p, before);
  assert.equal(await p.isHidden('#wavelength-own'), false);
  assert.equal(await p.inputValue('#wavelength'), '0.1', 'its own value starts from the mixing length it followed');
  assert.equal(await residual(), finer);
  before = await draws(p);
  await p.fill('#mix-length', '0.01');
  await afterEdit(p, before);
  assert.equal(await residual(), finer, 'and the mixing length no longer moves it');
  await p.close();
});

await test('data tables and the help panel', async () => {
  await page.click('#chart-flux ~ .row details > summary');
  await page.waitForSelector('#chart-flux ~ .row details table');
  const rows = await page.$$eval('#chart-flux ~ .row details table tr', (trs) => trs.length);
  assert.ok(rows > 10, `the flux table has rows (${rows})`);
  await page.click('#help-toggle');
  await page.waitForSelector('#help:not([hidden]) #sources li');
  assert.match(await page.textContent('#help'), /Sign\./);
  assert.ok((await page.$$('#sources li')).length >= 10);
  await page.click('#help-toggle');
});

await test('axe-core finds no accessibility violations', async () => {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  assert.deepEqual(violations, []);
});

await test('works offline after the first visit', async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await desktop.context.setOffline(true);
  await page.reload();
  await ready(page);
  await assertChartsDrawn(page, 'offline');
  await desktop.context.setOffline(false);
});

// The paper's §3.2 in closed form, computed here independently of the core: the temperature at
// which a hold of t homogenises a modulation of wavelength λ to residual ε, and the barrier at
// which a route (λ, T, t) does, for D0 = 2.66e-6 m²/s, Ea = 318 kJ/mol, ε = 0.01.
const R_GAS = 8.314462618;
const homogenisingK = (lambda, t) => 318e3 / R_GAS / Math.log(4 * Math.PI ** 2 * 2.66e-6 * t / (lambda ** 2 * Math.log(100)));
const routeBarrier = (lambda, temp, t) => R_GAS * temp * Math.log(4 * Math.PI ** 2 * 2.66e-6 * t / (lambda ** 2 * Math.log(100)));
/** L [m] after heating from 298.15 K to `peakK` and cooling back at `rate` [K/s], D0 = 2.66e-6 m²/s: Simpson's rule. */
function heatAndCoolLength(peakK, rate, ea = 318e3) {
  const n = 20000;
  const f = (t) => Math.exp(-ea / (R_GAS * t));
  const h = (peakK - 298.15) / n;
  let sum = f(298.15) + f(peakK);
  for (let i = 1; i < n; i += 1) sum += (i % 2 ? 4 : 2) * f(298.15 + i * h);
  return Math.sqrt(2.66e-6 * 2 * (sum * h / 3) / rate);
}

await test('the paper’s questions, one tap each, with their numbers and charts; views travel in links', async () => {
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'views');
  await p.goto(url);
  await ready(p);
  const inView = (kind) => p.$eval(`#chart-${kind}`, (c) => Boolean(c.closest('#view')) && c.getBoundingClientRect().height > 100);
  const compared = () => p.textContent('#view-table');
  // §3.2: the three routes, the atomic one current, and the barrier it would need.
  await p.click('[data-view=mixing]');
  await p.waitForFunction(() => document.getElementById('view-numbers').textContent.includes('homogenises if'));
  assert.equal(await inView('transport'), true, 'the transport chart is shown in the view');
  assert.equal(await inView('mixing'), true, 'the §3.2 chart is shown in the view');
  assert.ok((await inkOf(p, ['mixing'])).mixing.ink > MIN_INK, 'the §3.2 chart is drawn');
  for (const name of ['Atomic mixing, λ ~ 1 nm', 'Solid state, λ ~ 1 µm', 'Template, λ ~ 10 nm']) assert.ok((await compared()).includes(name), name);
  const numbers = await p.textContent('#view-numbers');
  // The §3.2 chart's curves at the routes' lengths: 1 µm and 1 nm homogenised in 2 h.
  assert.match(numbers, new RegExp(`Solid state, λ ~ 1 µm: λ = 1 µm: .*; in 2 h: ${homogenisingK(1e-6, 7200).toPrecision(4)} K\n`));
  assert.match(numbers, new RegExp(`Atomic mixing, λ ~ 1 nm: λ = 0.001 µm: .*; in 2 h: ${homogenisingK(1e-9, 7200).toPrecision(4)} K\n`));
  assert.ok(numbers.includes(`Homogenises in a 2 h hold at T = ${homogenisingK(1e-9, 7200).toPrecision(4)} K`), numbers);
  assert.ok(numbers.includes(`A 2 h hold at 673.2 K homogenises if Eₐ ≤ ${(routeBarrier(1e-9, 673.15, 7200) / 1000).toPrecision(4)} kJ/mol (this species: 318 kJ/mol)`), numbers);
  await p.waitForFunction(() => document.getElementById('view-finding').textContent.length > 50);
  // The student's own check: at λ = 1 µm, the temperature that homogenises in 2 h.
  const before = await type(p, '#mix-length', '1');
  await afterEdit(p, before);
  await p.waitForFunction((want) => document.getElementById('view-numbers').textContent.includes(want),
    `Homogenises in a 2 h hold at T = ${homogenisingK(1e-6, 7200).toPrecision(4)} K`);
  assert.ok(!(await compared()).includes('Atomic mixing'), 'an edit names the current scenario after its inputs again');
  await p.screenshot({ path: path.join(shots, 'view-mixing.png') });
  // The link carries the view and the state: opened again, it shows the same numbers.
  await p.waitForFunction(() => location.hash.includes('view=mixing'));
  await p.waitForTimeout(FRAGMENT_WAIT_MS);
  const link = await p.evaluate(() => location.href);
  const again = await newPage({ width: 1280, height: 800 }, 'view link');
  await again.page.goto(link);
  await ready(again.page);
  await again.page.waitForFunction(() => document.getElementById('view-numbers').textContent.includes('homogenises if'));
  assert.equal(await again.page.textContent('#view-numbers'), await p.textContent('#view-numbers'));
  await again.context.close();
  // Fig. 2: the furnace ramp pinned beside a shock ramp, in normalised time.
  await p.click('[data-view=ramps]');
  await p.waitForFunction(() => document.getElementById('view-table').textContent.includes('Shock ramp, 6 × 10⁵ K/min'));
  assert.equal(await inView('flux'), true, 'the flux chart is shown in the view');
  assert.equal(await inView('transport'), false, 'the §3.2 chart went back');
  assert.equal(await p.inputValue('#time-axis'), 'normalised');
  assert.match(await compared(), /Furnace ramp, 5 K\/min/);
  assert.equal(await p.isVisible('#view-numbers'), false);
  // The same numbers as the view opened first, from its link: nothing left over from §3.2.
  const fresh = await newPage({ width: 1280, height: 800 }, 'view fresh');
  await fresh.page.goto(`${url}#view=ramps`);
  await ready(fresh.page);
  await fresh.page.waitForFunction(() => document.getElementById('view-table').textContent.includes('Shock ramp'));
  assert.equal(await fresh.page.textContent('#view-table'), await compared(), 'a view does not depend on the view before');
  await fresh.context.close();
  await p.waitForFunction(() => /Fig\. 2/.test(document.getElementById('view-h').textContent));
  assert.ok((await inkOf(p)).flux.ink > MIN_INK);
  await p.screenshot({ path: path.join(shots, 'view-ramps.png') });
  // §3.3 and §3.4.
  await p.click('[data-view=rate]');
  await p.waitForFunction(() => document.getElementById('view-table').textContent.includes('Spark plasma sintering'));
  assert.match(await compared(), /Carbothermal shock.*Conventional furnace/);
  assert.equal(await inView('transport'), true);
  assert.equal(await inView('rate'), true);
  assert.ok((await inkOf(p, ['rate'])).rate.ink > MIN_INK, 'the §3.3 chart is drawn');
  // Its curves at carbothermal shock's rate (10⁵ K/s), heating to its 2000 K and back.
  const shock = (await p.textContent('#view-numbers')).split('\n').find((line) => line.startsWith('CTS: '));
  const shockLengths = [[318e3, 'Eₐ'], [268e3, 'Eₐ − 50 kJ/mol'], [218e3, 'Eₐ − 100 kJ/mol']].map(([ea, label]) => `${label}: ${(heatAndCoolLength(2000, 1e5, ea) * 1e6).toPrecision(4)} µm`);
  assert.equal(shock, `CTS: β = 6 × 10⁶ K/min: ${shockLengths.join('; ')}`);
  await p.screenshot({ path: path.join(shots, 'view-rate.png') });
  await p.click('[data-view=growth]');
  await p.waitForFunction(() => document.getElementById('view-table').textContent.includes('drag-limited growth (n = 3)'));
  assert.equal(await inView('grain'), true);
  assert.equal(await inView('growth'), true);
  assert.ok((await inkOf(p, ['growth'])).growth.ink > MIN_INK, 'the §3.4 chart is drawn');
  await p.screenshot({ path: path.join(shots, 'view-growth.png') });
  // The Kissinger check: the techniques' peaks on the line ln(β/T_p²) = ln(K/a) − a/T_p, computed
  // here (K = 4π²·D₀/λ², a = Eₐ/R; the first material preset, λ = 1 µm), and Eₐ back from them.
  await p.click('[data-view=kissinger]');
  await p.waitForFunction(() => document.getElementById('view-numbers').textContent.includes('Kissinger analysis'));
  assert.equal(await inView('kissinger'), true);
  assert.ok((await inkOf(p, ['kissinger'])).kissinger.ink > MIN_INK, 'the Kissinger plot is drawn');
  const kissinger = await p.textContent('#view-numbers');
  assert.ok(kissinger.includes('gives Eₐ = 318 kJ/mol.'), kissinger);
  const a = 318e3 / R_GAS;
  const lnK = Math.log(4 * Math.PI ** 2 * 2.66e-6 / 1e-12);
  const peaks = [...kissinger.matchAll(/^(\w+): 1000\/T_p \[1\/K\] = ([\d.]+): ln\(β\/T_p²\): (−?[\d.]+)$/gm)];
  assert.ok(peaks.length >= 3, kissinger);
  for (const [, label, x, y] of peaks) {
    const want = lnK - Math.log(a) - a * Number(x) / 1000;
    assert.ok(Math.abs(Number(y.replace('−', '-')) - want) < 0.01, `${label}: ${y} vs ${want}`);
  }
  await p.screenshot({ path: path.join(shots, 'view-kissinger.png') });
  // Closing puts every chart back.
  await p.click('#view-close');
  assert.equal(await p.isVisible('#view'), false);
  assert.equal(await p.$eval('#chart-flux', (c) => c.closest('section').id), 'charts');
  assert.deepEqual(await p.$$eval('#charts figure:not([hidden]) canvas', (cs) => cs.map((c) => c.id.slice(6))), KINDS, 'in their order');
  assert.equal(await p.isVisible('#chart-mixing'), false, 'the paper’s charts show only in their views');
  // A view named alone sets its inputs; an unknown one says so (each a new load, not a hash change).
  await p.goto('about:blank');
  await p.goto(`${url}#view=rate`);
  await ready(p);
  await p.waitForFunction(() => document.getElementById('view-table').textContent.includes('Spark plasma sintering'));
  await p.goto('about:blank');
  await p.goto(`${url}#view=%3Cb%3Ebogus`);
  await ready(p);
  assert.match(await visibleAlert(p), /does not have \(“<b>bogus”\)/);
  assert.equal(await p.isVisible('#view'), false);
  await context.close();
  assertNoProblems();
});

/** D0 [m²/s], Eₐ [J/mol] and the half-width of Eₐ's 95 % interval fitted to (T [K], D [m²/s]) points: ordinary least squares on ln D against 1/T, computed here independently of the core. */
function arrheniusFit(points) {
  const n = points.length;
  const xs = points.map(([t]) => 1 / t);
  const ys = points.map(([, d]) => Math.log(d));
  const xm = xs.reduce((a, b) => a + b) / n;
  const ym = ys.reduce((a, b) => a + b) / n;
  const sxx = xs.reduce((a, x) => a + (x - xm) ** 2, 0);
  const slope = xs.reduce((a, x, i) => a + (x - xm) * (ys[i] - ym), 0) / sxx;
  const rss = xs.reduce((a, x, i) => a + (ys[i] - ym - slope * (x - xm)) ** 2, 0);
  const T_975 = { 3: 3.182446305283710 };
  return { d0: Math.exp(ym - slope * xm), ea: -slope * R_GAS, half: T_975[n - 2] * Math.sqrt(rss / (n - 2) / sxx) * R_GAS };
}

await test('your measurements: pasted points drawn, fitted with intervals, used, refused by line and column, shared in the link', async () => {
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'measurements');
  await p.goto(url);
  await ready(p);
  const points = [[1100, 1.1e-19], [1200, 2.9e-18], [1300, 5.2e-17], [1400, 5.9e-16], [1500, 5.3e-15]];
  const out = () => p.textContent('#data-out');
  await p.fill('#data-text', `T [K], D [m²/s]\n${points.map(([t, d]) => `${t}\t${d}`).join('\n')}\n# a comment\n`);
  await p.waitForFunction(() => document.getElementById('data-out').textContent.startsWith('5 points drawn'));
  // Each point is a filled circle with an outline on the chart (its SVG export draws the same).
  const circles = (await download(p, '[data-export=arrhenius-svg]')).match(/<circle/g)?.length ?? 0;
  assert.equal(circles, 2 * points.length, 'the points are drawn on the Arrhenius chart');
  await p.$eval('#data-fields', (e) => e.scrollIntoView());
  await p.screenshot({ path: path.join(shots, 'measurements-drawn.png') });
  // The fit, against the independent one.
  await p.click('#data-fit');
  await p.waitForFunction(() => document.getElementById('data-out').textContent.includes('95 %'));
  const { d0, ea, half } = arrheniusFit(points);
  const kj = (v) => `${Number((v / 1000).toPrecision(4))} kJ/mol`;
  const text = await out();
  assert.ok(text.includes(`Eₐ = ${kj(ea)} (95 %: ${kj(ea - half)} to ${kj(ea + half)})`), text);
  assert.match(text, /5 points, 3 degrees of freedom/);
  assert.equal(await p.$$eval('#data-residuals tr', (rows) => rows.length), 6, 'a residual per point');
  // Used: the species takes the fitted values, and its line passes through the points.
  await p.click('#data-use');
  await p.waitForFunction((want) => document.getElementById('ea').value.startsWith(want), (ea / 1000).toPrecision(4));
  assert.equal(await p.inputValue('#material'), 'custom');
  assert.deepEqual([await p.inputValue('#valid-min'), await p.inputValue('#valid-max')], ['1100', '1500'], 'measured over the points');
  const d0Typed = Number(await p.inputValue('#d0'));
  assert.ok(Math.abs(d0Typed / d0 - 1) < 1e-3, `D0 ${d0Typed} vs ${d0}`);
  await p.screenshot({ path: path.join(shots, 'measurements-fitted.png') });
  // The link carries the points and their units.
  await p.selectOption('#data-t-unit', 'celsius');
  await p.fill('#data-text', points.map(([t, d]) => `${t - 273.15}, ${d}`).join('\n'));
  await p.waitForFunction(() => document.getElementById('data-out').textContent.startsWith('5 points drawn'));
  await p.waitForTimeout(FRAGMENT_WAIT_MS);
  const again = await newPage({ width: 1280, height: 800 }, 'measurements link');
  await again.page.goto(await p.evaluate(() => location.href));
  await ready(again.page);
  await again.page.waitForFunction(() => document.getElementById('data-out').textContent.startsWith('5 points drawn'));
  assert.equal(await again.page.inputValue('#data-t-unit'), 'celsius');
  await again.context.close();
  // Refused, by line and column, in the column's unit; the points drawn before stay.
  // Scrolled into view first: the chart, off screen since the last edit, is redrawn then.
  await inkOf(p, ['arrhenius']);
  await settle(p);
  const inkDrawn = (await inkOf(p, ['arrhenius'])).arrhenius.ink;
  const refusals = [
    ['1100, 1.1e-19\n1200, abc', /^Line 2, column D: “abc” is not a number\.$/],
    ['1100, -1e-19', /^Line 1, column D: must be at least 10⁻³⁰ m²\/s; got −10⁻¹⁹ m²\/s\.$/],
    ['1100', /^Line 1: expected T and D, and optionally σ of D; got 1 column\.$/],
    ['1100; 1,1e-19', /^Line 1, column D: “1,1e-19” is not a number \(write decimals with a point\)\.$/],
    ['-300, 1e-19', /^Line 1, column T: must be at least −272\.[12] °C; got −300 °C\.$/],
  ];
  for (const [bad, message] of refusals) {
    await p.fill('#data-text', bad);
    await p.waitForFunction((m) => new RegExp(m).test(document.getElementById('data-out').textContent), message.source);
    assert.equal(await p.getAttribute('#data-text', 'aria-invalid'), 'true');
    assert.equal(await p.getAttribute('#data-out', 'class'), 'msg', 'said in the colour of errors');
  }
  assert.equal((await inkOf(p, ['arrhenius'])).arrhenius.ink, inkDrawn, 'the chart keeps the points drawn before');
  // A million rows, pasted and dropped as a file: refused before they reach the text box.
  const drawnText = await p.inputValue('#data-text');
  await p.evaluate(() => {
    const text = '1000, 1e-15\n'.repeat(1_000_000);
    const pasted = new DataTransfer();
    pasted.setData('text/plain', text);
    document.getElementById('data-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
    const dropped = new DataTransfer();
    dropped.items.add(new File([text], 'anneals.csv', { type: 'text/csv' }));
    document.getElementById('data-fields').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
  });
  assert.equal(await out(), 'The file “anneals.csv” has 12000000 characters; at most 100000 (1000 rows) can be read.');
  assert.equal(await p.inputValue('#data-text'), drawnText);
  await p.fill('#data-text', '1000, 1e-15\n'.repeat(1001));
  await p.waitForFunction(() => document.getElementById('data-out').textContent === 'The data have 1001 rows; at most 1000 can be drawn and fitted.');
  await p.fill('#data-text', '1100, 1e-19\n1200, 1e-18');
  await p.waitForFunction(() => document.getElementById('data-out').textContent.startsWith('2 points drawn'));
  await p.click('#data-fit');
  await p.waitForFunction(() => document.getElementById('data-out').textContent === 'A fit takes 3 to 1000 points; got 2.');
  await context.close();
  assertNoProblems();
});

/** The page's state as its link keeps it, with the default scenario pinned: to build scenarios from. */
async function pinnedState() {
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'a pinned scenario');
  await p.goto(url);
  await ready(p);
  await p.click('#pin');
  await p.waitForFunction(() => document.getElementById('pins').textContent.startsWith('1 of 3 pinned'));
  await p.fill('#ea', '320');
  // The link, once it holds the pin.
  const encoded = await p.waitForFunction(() => {
    const s = new URLSearchParams(location.hash.slice(1)).get('s');
    return s && atob(s.replace(/-/g, '+').replace(/_/g, '/')).includes('"pins":[{') && s;
  });
  const state = JSON.parse(Buffer.from(await encoded.jsonValue(), 'base64url').toString());
  await context.close();
  return state;
}

await test('grain sizes from three anneals: drawn by scenario, k₀ and Eₐ,g fitted through each program, used by every scenario measured, shared in the link', async () => {
  // The data set and the independent fit of tests/reference/generate.py (mpmath).
  const reference = JSON.parse(fs.readFileSync(new URL('../reference/values.json', import.meta.url))).grainFit;
  const page = await pinnedState();
  const [a, b, c] = reference.programs;
  const law = { exponent: 2, d0M: 5e-8, k0: 1e-3, eaJPerMol: 3e5 };
  const pinned = (label, program) => ({ label, scenario: { ...page.pins[0].scenario, program, grainGrowth: law } });
  const text = [
    'scenario, time [s], d [µm]',
    '1, 13650, 1.085',
    'anneal A, end, 1.029',
    '2, 8850, 1.594',
    'ANNEAL B, end, 2.099',
    'current, end, 2.142',
  ].join('\n');
  const state = {
    ...page,
    selects: { ...page.selects, 'u-temperature': 'kelvin', 'u-rate': 'kPerS', 'u-time': 'second', 'u-length': 'nanometre', 'u-energy': 'kjPerMol', 'grain-n-choice': '2', 'sizes-t-unit': 'second', 'sizes-l-unit': 'micrometre' },
    fields: { ...page.fields, start: '298.15', 'grain-d0': '50', 'grain-k0': '1e-3', 'grain-ea': '300' },
    segments: c.segments.map((s) => (s.kind === 'ramp' ? { kind: 'ramp', rate: String(s.rateKPerS), target: String(s.targetK) } : { kind: 'hold', duration: String(s.durationS) })),
    grainOn: true,
    pins: [pinned('anneal A', a), pinned('anneal B', b)],
    sizes: text,
  };
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'grain sizes');
  await p.goto(linkOf(state));
  await ready(p);
  const out = () => p.textContent('#sizes-out');
  await p.waitForFunction(() => document.getElementById('sizes-out').textContent.startsWith('5 points drawn on the grain chart'));
  const circles = (await download(p, '[data-export=grain-svg]')).match(/<circle/g)?.length ?? 0;
  assert.equal(circles, 10, 'each size is drawn on the grain chart');
  // The fit, against mpmath's.
  await p.click('#sizes-fit');
  await p.waitForFunction(() => document.getElementById('sizes-out').textContent.includes('95 %'));
  const kj = (v) => `${Number((v / 1000).toPrecision(4))} kJ/mol`;
  const { eaJPerMol: ea, eaHalfWidth: half } = reference;
  const said = await out();
  assert.ok(said.includes(`Eₐ,g = ${kj(ea)} (95 %: ${kj(ea - half)} to ${kj(ea + half)})`), said);
  // k₀ and its interval, a factor: 0.003793 mⁿ/s, 2.961 × 10⁻⁴ to 0.04859.
  const factor = Math.exp(reference.lnK0HalfWidth);
  assert.deepEqual([reference.k0, reference.k0 / factor, reference.k0 * factor].map((v) => v.toPrecision(4)), ['0.003793', '0.0002961', '0.04859']);
  assert.ok(said.includes('k₀ = 0.003793 mⁿ/s (95 %: 2.961 × 10⁻⁴ to 0.04859)'), said);
  assert.match(said, /for n = 2 and d₀ = 50 nm\. .*5 points, 3 degrees of freedom\.$/);
  const residuals = await p.$$eval('#sizes-residuals tr', (rows) => rows.slice(1).map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(residuals.map((r) => r.slice(0, 3)), [
    ['2', 'anneal A', '1.365 × 10⁴ s'], ['3', 'anneal A', 'end'], ['4', 'anneal B', '8850 s'],
    ['5', 'anneal B', 'end'], ['6', 'current', 'end']]);
  reference.residualsLn.forEach((r, i) => assert.ok(Math.abs(Number(residuals[i][4].replace('−', '-')) - r) < 1e-3, `residual ${i}: ${residuals[i][4]} vs ${r}`));
  await p.$eval('#sizes-fields', (e) => e.scrollIntoView());
  await p.screenshot({ path: path.join(shots, 'sizes-fitted.png') });
  // The CSV ends with the sizes, by scenario, in the units chosen.
  const sizesTable = (await download(p, '#export-csv')).split('\n\n')[1];
  const [header, ...sizeRows] = sizesTable.trim().split('\n');
  assert.equal(header, 'scenario,"t [s]","measured d [nm]"');
  const wantRows = [['Conventional furnace', 651, 2142], ['anneal A', 13650, 1085], ['anneal A', 20100, 1029], ['anneal B', 8850, 1594], ['anneal B', 17700, 2099]];
  assert.equal(sizeRows.length, wantRows.length);
  sizeRows.forEach((row, i) => {
    const [label, ...numbers] = row.split(',');
    assert.equal(label, `"${wantRows[i][0]}"`);
    numbers.forEach((n, k) => assert.ok(Math.abs(Number(n) / wantRows[i][k + 1] - 1) < 1e-9, row));
  });
  // Used: the law of the current scenario and of both pinned anneals; each curve then passes
  // through its sizes (the current program's end: the size measured there, less its residual).
  await p.click('#sizes-use');
  await p.waitForFunction((want) => document.getElementById('grain-ea').value.startsWith(want), (ea / 1000).toPrecision(4));
  await settle(p);
  const json = JSON.parse(await download(p, '#export-json'));
  const fitted = 2.142e-6 * Math.exp(-reference.residualsLn[4]);
  assert.ok(Math.abs(json.summary.grainSizeM / fitted - 1) < 1e-6, `current: ${json.summary.grainSizeM} vs ${fitted}`);
  for (const pin of json.state.pins) {
    assert.ok(Math.abs(pin.scenario.grainGrowth.k0 / reference.k0 - 1) < 1e-6, `${pin.label}: k0 ${pin.scenario.grainGrowth.k0}`);
  }
  await p.$eval('#chart-grain', (e) => e.scrollIntoView({ block: 'center' }));
  await settle(p);
  await p.screenshot({ path: path.join(shots, 'sizes-used.png') });
  assert.equal((await download(p, '[data-export=grain-svg]')).match(/<circle/g)?.length ?? 0, 10, 'the pinned anneals keep their sizes');
  // The link carries the sizes, their units and the pinned anneals.
  await p.waitForTimeout(FRAGMENT_WAIT_MS);
  const again = await newPage({ width: 360, height: 740 }, 'grain sizes link');
  await again.page.goto(await p.evaluate(() => location.href));
  await ready(again.page);
  await again.page.waitForFunction(() => document.getElementById('sizes-out').textContent.startsWith('5 points drawn'));
  await again.page.$eval('#chart-grain', (e) => e.scrollIntoView({ block: 'start' }));
  await settle(again.page);
  await again.page.screenshot({ path: path.join(shots, 'phone-sizes.png') });
  await again.context.close();
  // Refused, by line and column, in the column's unit.
  const refusals = [
    ['1, 99999, 1.0', /^Line 1, column time: must be at most 2\.01 × 10⁴ s; got 10⁵ s\.$/],
    // A second past the end: written with the digits that tell it from the end.
    ['1, 20101, 1.0', /^Line 1, column time: must be at most 2\.01 × 10⁴ s; got 2\.0101 × 10⁴ s\.$/],
    ['7, end, 1.0', /^Line 1, column scenario: “7” is not a scenario; name one of current, 1 \(“anneal A”\), 2 \(“anneal B”\)\.$/],
    ['current, later, 1.0', /^Line 1, column time: “later” is not a number\.$/],
    ['current, end', /^Line 1: expected scenario, time, d; got 2 columns\.$/],
  ];
  for (const [bad, message] of refusals) {
    await p.fill('#sizes-text', bad);
    await p.waitForFunction((m) => new RegExp(m).test(document.getElementById('sizes-out').textContent), message.source);
    assert.equal(await p.getAttribute('#sizes-out', 'class'), 'msg', 'said in the colour of errors');
  }
  // A header alone is said to be one.
  await p.fill('#sizes-text', 'scenario, time, d');
  await p.waitForFunction(() => document.getElementById('sizes-out').textContent === 'No rows to draw: a first line without numbers is read as a header.');
  // Not above d₀ (50 nm): eq. (12) cannot reach it, refused as it is read, in the column's unit.
  for (const size of ['0.01', '0.05']) {
    await p.fill('#sizes-text', `1, end, 1\n2, end, 2\ncurrent, end, ${size}`);
    await p.waitForFunction((m) => document.getElementById('sizes-out').textContent === m,
      `Line 3, column d: must be more than 0.05 µm; got ${size} µm.`);
  }
  await context.close();
  assertNoProblems();
});

await test('diffusion lengths after three programs: drawn on the transport chart, D₀ and Eₐ fitted back exactly, used', async () => {
  // Lengths L = √(D₀·I) of D₀ = 2.66 × 10⁻⁶ m²/s, Eₐ = 318 kJ/mol after three programs of
  // tests/reference/generate.py, from mpmath's ln I.
  const cases = JSON.parse(fs.readFileSync(new URL('../reference/values.json', import.meta.url))).programs
    .filter((c) => c.eaJPerMol === 318e3);
  const program = (name) => cases.find((c) => c.name === name);
  const length = (lnI) => Math.sqrt(2.66e-6 * Math.exp(lnI)) * 1e9;
  const [furnace, pulses, shock] = ['furnace', 'pulses', 'carbothermal-shock'].map(program);
  const mid = furnace.at.find((q) => q.fraction === 0.5);
  const page = await pinnedState();
  const pinned = (label, c) => ({ label, scenario: { ...page.pins[0].scenario, program: { startK: c.startK, segments: c.segments } } });
  const state = {
    ...page,
    selects: { ...page.selects, 'u-temperature': 'kelvin', 'u-rate': 'kPerS', 'u-time': 'second', 'lengths-t-unit': 'second', 'lengths-l-unit': 'nanometre' },
    fields: { ...page.fields, start: String(shock.startK) },
    segments: shock.segments.map((s) => (s.kind === 'ramp' ? { kind: 'ramp', rate: String(s.rateKPerS), target: String(s.targetK) } : { kind: 'hold', duration: String(s.durationS) })),
    pins: [pinned('furnace', furnace), pinned('pulses', pulses)],
    lengths: [`furnace, end, ${length(furnace.lnTotal)}`, `furnace, ${mid.timeS}, ${length(mid.lnIntegral)}`,
      `2, end, ${length(pulses.lnTotal)}`, `current, end, ${length(shock.lnTotal)}`].join('\n'),
  };
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'diffusion lengths');
  await p.goto(linkOf(state));
  await ready(p);
  await p.waitForFunction(() => document.getElementById('lengths-out').textContent.startsWith('4 points drawn on the transport chart'));
  assert.equal((await download(p, '[data-export=transport-svg]')).match(/<circle/g)?.length ?? 0, 8, 'each length is drawn');
  await p.click('#lengths-fit');
  await p.waitForFunction(() => document.getElementById('lengths-out').textContent.includes('95 %'));
  const said = await p.textContent('#lengths-out');
  assert.ok(said.startsWith('D₀ = 2.66 × 10⁻⁶ m²/s (95 %: 2.66 × 10⁻⁶ m²/s to 2.66 × 10⁻⁶ m²/s); Eₐ = 318 kJ/mol (95 %: 318 kJ/mol to 318 kJ/mol).'), said);
  assert.match(said, /4 points, 2 degrees of freedom\.$/);
  await p.$eval('#lengths-fields', (e) => e.scrollIntoView());
  await p.screenshot({ path: path.join(shots, 'lengths-fitted.png') });
  await p.fill('#ea', '250');
  await p.click('#lengths-fit');
  await p.waitForFunction(() => document.getElementById('lengths-out').textContent.includes('95 %'));
  await p.click('#lengths-use');
  await p.waitForFunction(() => document.getElementById('ea').value === '318');
  await settle(p);
  const json = JSON.parse(await download(p, '#export-json'));
  for (const pin of json.state.pins) assert.ok(Math.abs(pin.scenario.diffusion.eaJPerMol / 318e3 - 1) < 1e-9, pin.label);
  assert.equal((await download(p, '[data-export=transport-svg]')).match(/<circle/g)?.length ?? 0, 8, 'the pinned programs keep their lengths');
  await context.close();
  assertNoProblems();
});

/** A number as the page writes it: 1473, 0.02578, −5, 1.015 × 10⁻³, 10⁻¹⁰. */
function written(text) {
  const sup = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const m = /^(?:([−\d.]+) × )?(?:10([⁻⁰-⁹]+))?$/.exec(text.trim().replace(/^([−\d.]+)$/, '$1 × 10⁰'));
  assert.ok(m, `a written number: ${text}`);
  const mantissa = m[1] === undefined ? 1 : Number(m[1].replace('−', '-'));
  return mantissa * 10 ** Number([...(m[2] ?? '⁰')].map((c) => sup[c]).join(''));
}

await test('uncertainty bands: shaded on every chart, the key results as ranges around the scenario, gone at zero, refused out of range', async () => {
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'bands');
  await p.goto(url);
  await ready(p);
  const polygons = async (kind) => (await download(p, `[data-export=${kind}-svg]`)).match(/<polygon/g)?.length ?? 0;
  for (const kind of KINDS) assert.equal(await polygons(kind), 0, `${kind}: no band without uncertainty`);
  const set = async (values) => {
    for (const [id, v] of Object.entries(values)) await afterEdit(p, await type(p, `#${id}`, v));
  };
  await set({ 'ea-sigma': '20', 'd0-factor': '3', 'temp-sigma': '30' });
  for (const kind of KINDS) assert.equal(await polygons(kind), 1, `${kind}: one band`);
  // The peak flux's range against the closed form |J| ∝ D0·exp(−Eₐ/RT) at the peak, from the
  // scenario's own value: (D0 ÷ 3, Eₐ + 20 kJ/mol, T − 30 K) and (D0 × 3, Eₐ − 20 kJ/mol, T + 30 K).
  const text = await summary(p);
  const central = written(/Peak flux \|J\| = (.+?) mol/.exec(text)[1]);
  const [lo, hi] = /peak flux \|J\| from (.+?) to (.+?) mol/.exec(text).slice(1).map(written);
  const peak = written(/peak (.+?) K/.exec(text)[1]);
  const ea = Number(await p.inputValue('#ea')) * 1000;
  const end = (sign) => central * 3 ** sign * Math.exp(-(ea - sign * 20e3) / (R_GAS * (peak + sign * 30)) + ea / (R_GAS * peak));
  for (const [got, want] of [[lo, end(-1)], [hi, end(1)]]) assert.ok(Math.abs(got / want - 1) < 0.01, `${got} vs ${want}\n${text}`);
  assert.match(text, /Within the uncertainty band:\n  peak flux .*\n  transported amount .*\n  diffusion length from .*\n  residual modulation from .*\n  final grain size from .* µm to .* µm/);
  await p.$eval('#chart-flux', (e) => e.scrollIntoView({ block: 'center' }));
  await settle(p);
  await p.screenshot({ path: path.join(shots, 'bands-1280.png') });
  await p.setViewportSize({ width: 360, height: 740 });
  await p.$eval('#chart-transport', (e) => e.scrollIntoView({ block: 'start' }));
  await settle(p);
  await p.screenshot({ path: path.join(shots, 'bands-360.png') });
  await p.setViewportSize({ width: 1280, height: 800 });
  // Out of range: said at the input, in its unit; the band drawn stays.
  await p.fill('#temp-sigma', '2000');
  await p.waitForFunction(() => document.getElementById('temp-sigma').getAttribute('aria-invalid') === 'true');
  // The program starts at 298.15 K: ΔT may reach 297.15 K, the lowest temperature allowed being 1 K.
  assert.match(await p.$eval('#temp-sigma', (i) => i.closest('label').textContent), /must be at most 297\.2 K; got 2000 K/);
  assert.equal(await polygons('flux'), 1);
  // Back to none: no band.
  await set({ 'temp-sigma': '0', 'ea-sigma': '0', 'd0-factor': '1' });
  assert.equal(await polygons('flux'), 0);
  assert.doesNotMatch(await summary(p), /uncertainty band/);
  await context.close();
  assertNoProblems();
});

await test('the views’ buttons keep the user’s inputs and pins, and one tap brings them back', async () => {
  const { context, page: p } = await newPage({ width: 1280, height: 800 }, 'view back');
  await p.goto(url);
  await ready(p);
  const before = await type(p, '#ea', '250');
  await afterEdit(p, before);
  await p.fill('#pin-label', 'mine');
  await p.click('#pin');
  await p.selectOption('#u-temperature', 'celsius');
  await p.check('input[name=mixing][value=direct]');
  assert.equal(await p.isVisible('#view-back'), false);
  await p.click('[data-view=mixing]');
  await p.waitForFunction(() => document.getElementById('view-numbers').textContent.includes('homogenises if'));
  await p.click('[data-view=rate]');
  await p.waitForFunction(() => document.getElementById('view-table').textContent.includes('Spark plasma sintering'));
  assert.notEqual(await p.inputValue('#ea'), '250');
  assert.doesNotMatch(await p.textContent('#view-table'), /mine/);
  await p.click('#view-back');
  assert.equal(await p.isVisible('#view'), false);
  assert.equal(await p.inputValue('#ea'), '250', 'the inputs from before the first view');
  assert.equal(await p.inputValue('#u-temperature'), 'celsius');
  assert.equal(await p.isVisible('#g'), true, 'G given directly again, with its input shown');
  assert.equal(await p.isVisible('#composition'), false);
  await p.$eval('#summary-panel', (e) => e.scrollIntoView());
  await p.waitForFunction(() => document.getElementById('comparison').textContent.includes('mine'));
  assert.match(await p.textContent('#comparison'), /Equivalent hold at \d+ °C \(the same diffusion\)/, 'the heat-work, in the units chosen');
  assert.match(await p.textContent('#pins'), /^1 of 3 pinned/);
  assert.equal(await p.$$eval('#charts figure:not([hidden])', (fs) => fs.length), KINDS.length);
  await assertChartsDrawn(p, 'back to the user’s inputs');
  await context.close();
  assertNoProblems();
});

await test('a course page may embed one view or one chart, with the citation and a way to the full calculator', async () => {
  const { context, page: p } = await newPage({ width: 800, height: 600 }, 'embedded view');
  const requested = [];
  const record = (r) => requested.push(r.url().slice(url.length));
  p.on('request', record);
  await p.goto(`${url}#view=mixing&embed=1`);
  await ready(p);
  p.off('request', record);
  // A link to a view loads the library, which draws the paper's charts, and not the page's own module.
  const modules = requested.filter((u) => u.startsWith('pkg/')).map((u) => u.replace(/\?.*/, ''));
  assert.ok(modules.includes('pkg/synthesis_kinetics_bg.wasm') && !modules.includes('pkg/page_bg.wasm'), JSON.stringify(modules));
  assert.equal(modules.filter((m) => m.endsWith('.wasm')).length, 1, `one module, the preloaded one: ${JSON.stringify(modules)}`);
  await p.waitForFunction(() => document.getElementById('view-numbers').textContent.includes('homogenises if'));
  assert.equal(await p.isVisible('#inputs'), false, 'only the view');
  assert.equal(await p.isVisible('#chart-flux'), false);
  assert.match(await p.textContent('.top .tagline'), /Meng et al\./);
  const top = await p.$eval('#chart-mixing', (c) => c.getBoundingClientRect().top);
  assert.ok(top < 600 - 150, `the chart starts on the first screen (${top} px)`);
  assert.equal(await p.isVisible('#view-full'), true, 'a link to the full calculator');
  const full = await p.$eval('#view-full', (a) => {
    a.addEventListener('click', (e) => e.preventDefault(), { once: true });
    a.click();
    return a.href;
  });
  assert.match(full, /view=mixing/);
  assert.doesNotMatch(full, /embed=1/);
  await p.goto('about:blank');
  await p.goto(`${url}#view=flux&embed=1`);
  await ready(p);
  assert.equal(await p.$eval('#chart-flux', (c) => Boolean(c.closest('#view'))), true);
  assert.ok((await inkOf(p)).flux.ink > MIN_INK, 'the embedded chart is drawn');
  await p.screenshot({ path: path.join(shots, 'embed-view-800x600.png') });
  await context.close();
  assertNoProblems();
});

await test('phone size: charts first and each within 3 screens, the chart of the inputs edited in view, 44 px touch targets, the touched point marked', async () => {
  const phone = await newPage({ width: 360, height: 740 }, 'phone', { scale: 2, context: { isMobile: true, hasTouch: true } });
  const p = phone.page;
  await p.goto(url);
  await ready(p);
  await assertChartsDrawn(p, 'phone');
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at a 360 px viewport`);
  // Every control a finger meets is at least 44 px tall and wide (a box or a radio button by its label).
  const small = await p.$$eval('button, select, input, summary', (els) => els
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.id || e.textContent.trim().slice(0, 20), (e.type === 'checkbox' || e.type === 'radio' ? e.closest('label') : e).getBoundingClientRect()])
    .filter(([, r]) => r.width < 44 || r.height < 44)
    .map(([id, r]) => `${id} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`));
  assert.deepEqual(small, [], 'touch targets of at least 44×44 px');
  const tops = await p.$$eval('#charts figure:not([hidden]) canvas', (cs) => cs.map((c) => [c.id, Math.round(c.getBoundingClientRect().top + scrollY)]));
  for (const [id, top] of tops) assert.ok(top < 3 * 740, `${id} starts at ${top} px, within 3 screens`);
  console.log(`     phone: charts start at ${tops.map(([id, top]) => `${id.slice(6)} ${top} px`).join(', ')}`);
  const ink = await inkOf(p);
  for (const [k, v] of Object.entries(ink)) assert.ok(v.width <= 360, `${k} chart fits (${v.width} px)`);
  await p.evaluate(() => scrollTo(0, 0));
  await p.screenshot({ path: path.join(shots, 'phone-360x740.png') });
  await panelsFilled(p);
  await p.screenshot({ path: path.join(shots, 'phone-360x740-full.png'), fullPage: true });
  // Editing an input group: its chart is docked at the top of the screen, the input below it.
  const distances = [];
  for (const [input, kind] of [['#start', 'temperature'], ['#ea', 'flux'], ['#residual', 'transport'], ['#grain-d0', 'grain']]) {
    await p.tap(input);
    await p.waitForFunction((k) => document.querySelector(`figure.docked #chart-${k}`), kind);
    await settle(p);
    const [chart, field] = await Promise.all([p.locator(`#chart-${kind}`).boundingBox(), p.locator(input).boundingBox()]);
    assert.ok(chart.y >= 0 && chart.y + chart.height <= 740, `the ${kind} chart is on screen (${JSON.stringify(chart)})`);
    assert.ok(field.y >= chart.y + chart.height && field.y + field.height <= 740, `${input} is below it, on screen (${JSON.stringify(field)})`);
    distances.push(`${input} → ${kind}: 0 px (docked)`);
  }
  const before = await draws(p);
  await p.fill('#grain-d0', '0.2');
  await afterEdit(p, before);
  assert.ok((await inkOf(p)).grain.ink > MIN_INK, 'the docked chart follows the edit');
  await p.screenshot({ path: path.join(shots, 'phone-docked.png') });
  console.log(`     phone: scroll from input to chart: ${distances.join(', ')}`);
  await p.evaluate(() => document.activeElement.blur());
  await p.waitForFunction(() => !document.querySelector('figure.docked'));
  // A tap reads the chart out and marks where.
  await p.locator('#chart-flux').scrollIntoViewIfNeeded();
  await settle(p);
  const box = await p.locator('#chart-flux').boundingBox();
  await p.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height * 0.5);
  assert.match(await p.textContent('#readout-flux'), /\|J\| = /);
  const cursor = await p.locator('#chart-flux ~ .cursor').boundingBox();
  assert.ok(cursor && Math.abs(cursor.x - (box.x + box.width * 0.6)) <= 2, `the touched point is marked (${JSON.stringify(cursor)})`);
  await phone.context.close();
  assertNoProblems();
});

await test('a course page with two embeds: each iframe grows to its content, a chart on the first screen', async () => {
  const p = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await p.goto(`${url}www/embed-test.html`);
  const frames = p.locator('iframe');
  // Each iframe takes the height its page reports, well beyond the snippet's first 640 px.
  await p.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => parseFloat(f.style.height) > 1000), null, { timeout: 30000 });
  for (let i = 0; i < 2; i += 1) {
    const frame = await (await frames.nth(i).elementHandle()).contentFrame();
    await frame.waitForFunction(() => document.body.dataset.ready === '1');
    // The page reports each change of its height; the last report sets the iframe's.
    const heights = () => Promise.all([
      frame.evaluate(() => document.documentElement.scrollHeight),
      frames.nth(i).evaluate((f) => f.getBoundingClientRect().height),
    ]);
    let [inner, outer] = await heights();
    for (let tries = 0; tries < 20 && Math.abs(inner - outer) > 2; tries += 1) {
      await p.waitForTimeout(250);
      [inner, outer] = await heights();
    }
    assert.ok(Math.abs(inner - outer) <= 2, `iframe ${i} is ${outer} px tall for ${inner} px of content`);
    assert.match(await frame.textContent('.top .tagline'), /Meng et al\./, 'the citation stays');
    assert.equal(await frame.isVisible('#help-toggle'), true, 'and the help');
    assert.equal(await frames.nth(i).getAttribute('allow'), 'clipboard-write');
  }
  // The first screen of the course page shows the first calculator's first chart.
  const frame = await (await frames.nth(0).elementHandle()).contentFrame();
  const chartTop = await frame.evaluate(() => document.querySelector('#charts canvas').getBoundingClientRect().top);
  const frameTop = await frames.nth(0).evaluate((f) => f.getBoundingClientRect().top);
  assert.ok(frameTop + chartTop < 600 - 100, `the first chart starts at ${frameTop + chartTop} px`);
  assert.match(await (await (await frames.nth(1).elementHandle()).contentFrame()).textContent('#summary'), /°C/);
  await p.screenshot({ path: path.join(shots, 'embed-course-page-800x600.png') });
  await p.close();
});

await test('the copied embed code sizes its iframe and may copy links; a blocked copy wraps in its box', async () => {
  const p = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await p.goto(url);
  await ready(p);
  // No clipboard here: the page shows the code in its status line instead, wrapped.
  await p.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } }));
  await p.click('#copy-embed');
  await p.waitForFunction(() => document.getElementById('status').textContent.includes('<iframe'));
  const code = (await p.textContent('#status')).replace(/^Embed code: /, '');
  assert.match(code, /<iframe src="[^"]*#v=1&amp;s=[^"]*&amp;embed=1" [^>]*allow="clipboard-write"/);
  assert.match(code, /<script>addEventListener\("message"/);
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 360, 'the long line wraps');
  await p.close();
});

await test('print: the charts, the summary and the inputs as one block, no controls', async () => {
  const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await p.goto(url);
  await ready(p);
  await p.emulateMedia({ media: 'print' });
  await p.waitForFunction(() => document.getElementById('print-inputs').textContent.includes('Thermal program'));
  const controls = await p.$$eval('input, select, button, textarea', (all) => all.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(controls, 0, 'no form control is printed');
  assert.equal(await p.isVisible('#summary'), true);
  assert.equal(await p.isVisible('#chart-flux'), true);
  // Every chart is drawn, those off screen before printing too.
  await settle(p);
  const printed = await p.$$eval('figure.chart:not([hidden]) canvas', (all) => all.map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let differ = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differ += 1;
    return [c.id, d[0] + d[1] + d[2] > 0 && differ / (d.length / 4) > 0.01];
  }));
  for (const [id, drawn] of printed) assert.ok(drawn, `${id} is drawn for print, not left blank`);
  const inputs = await p.textContent('#print-inputs');
  assert.match(inputs, /1\. Ramp: Rate 10 K\/min; Target 1500 K/);
  assert.match(inputs, /2\. Hold: Duration 14400 s/);
  assert.match(inputs, /Ea 318 kJ\/mol/);
  await p.pdf({ path: path.join(shots, 'print.pdf') }).catch(() => {});
  await p.screenshot({ path: path.join(shots, 'print-media.png'), fullPage: true });
  await p.close();
});

await test('dark mode follows the system setting', async () => {
  const dark = await newPage({ width: 1280, height: 800 }, 'dark', { context: { colorScheme: 'dark' } });
  await dark.page.goto(url);
  await ready(dark.page);
  await assertChartsDrawn(dark.page, 'dark');
  const bg = await dark.page.evaluate(() => [...document.getElementById('chart-flux').getContext('2d').getImageData(0, 0, 1, 1).data.slice(0, 3)]);
  assert.ok(bg.every((v) => v < 80), `the dark chart background is dark (${bg})`);
  await dark.page.evaluate(() => scrollTo(0, 0));
  await dark.page.screenshot({ path: path.join(shots, 'desktop-dark.png') });
  await dark.context.close();
  assertNoProblems();
});

await test('a chart off screen is brought up to date before its PNG export', async () => {
  await page.evaluate(() => scrollTo(0, 0));
  await settle(page);
  const png = () => download(page, '[data-export=arrhenius-png]', 'base64');
  const before = await png();
  await afterEdit(page, await type(page, '#ea', '250'));
  const after = await png();
  assert.ok(after !== before, 'the export follows the edit');
  await chartImage(page, 'arrhenius');
  const same = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const chart = document.getElementById('chart-arrhenius');
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [chart.width, chart.height];
    copy.getContext('2d').drawImage(image, 0, 0);
    const pixels = (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const [exported, shown] = [pixels(copy), pixels(chart)];
    return exported.every((v, i) => v === shown[i]);
  }, after);
  assert.ok(same, 'the export is what the chart shows once scrolled into view');
  await afterEdit(page, await type(page, '#ea', '318'));
  assertNoProblems();
});

await test('adding, editing or removing a segment touches only its own list item', async () => {
  const p = await desktop.context.newPage();
  watch(p, 'segments');
  await p.goto(url);
  await ready(p);
  const initial = await p.$$eval('#segments li', (lis) => lis.length);
  for (let i = 0; i < 10; i += 1) await p.click('[data-add=hold]');
  // Every change to the list from here on, and the items that were there before it.
  await p.evaluate(() => {
    const list = document.getElementById('segments');
    window.skBefore = new Set(list.children);
    window.skChanges = [];
    new MutationObserver((records) => window.skChanges.push(...records))
      .observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // Of the changes since the last call: those inside items that were there before, and the items
  // added to and removed from the list.
  const changes = () => p.evaluate(() => {
    const list = document.getElementById('segments');
    const records = window.skChanges.splice(0);
    const item = (r) => (r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement).closest('#segments > li');
    const inside = records.filter((r) => r.target !== list && window.skBefore.has(item(r)));
    const count = (key) => records.filter((r) => r.target === list).reduce((n, r) => n + r[key].length, 0);
    return { inside: inside.map((r) => `${r.type} ${r.attributeName ?? ''} in ${item(r).querySelector('input').id}`), added: count('addedNodes'), removed: count('removedNodes') };
  });
  // 290 more clicks, the page recomputing the program after every tenth.
  await p.evaluate(async () => {
    for (let i = 1; i <= 290; i += 1) {
      document.querySelector('[data-add=hold]').click();
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
  await settle(p);
  assert.deepEqual(await changes(), { inside: [], added: 290, removed: 0 }, 'adding touches no other segment');
  assert.equal(await p.$$eval('#segments li', (lis) => lis.length), initial + 300);
  const before = await draws(p);
  await p.fill('#segments li:nth-child(150) input', '1200');
  await afterEdit(p, before);
  assert.deepEqual(await changes(), { inside: [], added: 0, removed: 0 }, 'an edit touches no other segment');
  const fifth = p.locator('#segments > li').nth(4);
  const removed = await fifth.locator('input').getAttribute('id');
  await fifth.getByRole('button', { name: 'Remove Hold', exact: true }).click();
  await settle(p);
  assert.deepEqual(await changes(), { inside: [], added: 0, removed: 1 }, 'removing touches no other segment');
  assert.equal(await p.$(`#${removed}`), null, 'the fifth segment is gone');
  assert.equal(await p.$$eval('#segments li', (lis) => lis.length), initial + 299);
  await p.close();
  assertNoProblems();
});

/**
 * Wraps the wasm instance the page makes, so that a test can provoke a trap: when `skTrapNext` is
 * set, the next call of the calculator's draw throws the RuntimeError a panic in Rust throws, and
 * that instance then refuses every calculator call, as one does after a panic (the object's
 * borrow stays taken). Every other call reaches the real module.
 */
function trapOnDemand() {
  const wrap = (result) => {
    const real = (result.instance ?? result).exports;
    const broken = { value: false };
    const exports = { ...real };
    for (const [name, fn] of Object.entries(real)) {
      if (!name.startsWith('calculator_') || typeof fn !== 'function') continue;
      exports[name] = (...args) => {
        if (broken.value) throw new Error('recursive use of an object detected which would lead to unsafe aliasing in rust');
        if (name === 'calculator_draw' && window.skTrapNext) {
          window.skTrapNext = false;
          broken.value = true;
          throw new WebAssembly.RuntimeError('unreachable');
        }
        return fn(...args);
      };
    }
    const instance = Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
    return result.instance ? { instance, module: result.module } : instance;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => wrap(await original(...args));
  }
}

await test('after a trap in the wasm module the page restarts it and keeps the inputs and the pins', async () => {
  const trap = await newPage({ width: 1280, height: 800 }, 'trap', { context: { serviceWorkers: 'block' } });
  const p = trap.page;
  await p.addInitScript(trapOnDemand);
  await p.goto(url);
  await ready(p);
  let before = await draws(p);
  await p.fill('#pin-label', 'first');
  await p.click('#pin');
  await afterEdit(p, before);
  before = await draws(p);
  await p.selectOption('#technique', 'sps');
  await afterEdit(p, before);
  await p.fill('#pin-label', 'second');
  before = await draws(p);
  await p.click('#pin');
  await afterEdit(p, before);
  await p.fill('#pin-label', '');
  before = await draws(p);
  await p.evaluate(() => { window.skTrapNext = true; });
  await p.fill('#ea', '300');
  // A chart scrolling into view may redraw first: wait for the restart itself.
  await p.waitForFunction(() => /restarted/.test(document.getElementById('notice').textContent), null, { timeout: 10000 });
  await afterEdit(p, before);
  assert.match(await visibleAlert(p), /restarted; your inputs and pinned scenarios are kept/);
  await p.screenshot({ path: path.join(shots, 'alert-after-restart.png') });
  assert.equal(await p.inputValue('#ea'), '300');
  const labels = new Set((await download(p, '#export-csv')).trim().split('\n').slice(1).map((line) => line.split(',')[0].replace(/^"|"$/g, '')));
  assert.deepEqual([...labels].sort(), ['first', 'second', await p.$eval('#technique', (t) => t.selectedOptions[0].textContent)].sort(),
    'the new module draws the current scenario and both pins');
  await assertChartsDrawn(p, 'after the restart');
  await p.locator('#chart-temperature').hover();
  assert.match(await p.textContent('#readout-temperature'), /T = \d/, 'the readout works on the new module');
  await afterEdit(p, await type(p, '#ea', '318'));
  assert.equal(await p.isHidden('#alert'), true, 'an edit dismisses the message');
  await trap.context.close();
  assertNoProblems();
});

await test('a page opened as a file says it cannot start and how to open it', async () => {
  const file = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await file.newPage();
  const unexpected = [];
  // The module cannot be fetched from a file; that refusal is the only error expected.
  p.on('pageerror', (e) => { if (!/fetch|Failed|URL scheme/i.test(e.message)) unexpected.push(`uncaught: ${e.message}`); });
  await p.goto(`file://${site}/index.html`);
  await p.waitForFunction(() => /could not start/.test(document.getElementById('alert').textContent));
  assert.match(await visibleAlert(p), /could not start: opened as a file.*web server/);
  assert.deepEqual(unexpected, []);
  await file.close();
});

await cleanup();
console.log(`\n${results.length} page tests passed; screenshots in ${shots}`);
