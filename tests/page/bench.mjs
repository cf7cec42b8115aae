#!/usr/bin/env node
// Page benchmark (run by .ci/bench): prints figures, asserts nothing. Serves the built site with
// gzip like a production static host, and measures in headless Chromium through the DevTools
// protocol with Lighthouse's mobile settings: 562.5 ms latency, ~188 KB/s down, ~86 KB/s up,
// 4× CPU slowdown. Each figure is the median and worst of several runs.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { CHROMIUM_FLAGS } from './chromium.mjs';

const { values: args } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '5' } } });
const { chromium } = await import(path.join(process.env.SK_TOOLS, 'node_modules/playwright-core/index.mjs'));
const RUNS = Number(args.runs);
const MOBILE = { offline: false, latency: 562.5, downloadThroughput: 1.6 * 1024 * 1024 / 8 * 0.9, uploadThroughput: 750 * 1024 / 8 * 0.9 };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.ts': 'text/plain' };

// A static server that gzips like a production host.
const site = path.resolve(args.site);
const server = http.createServer((req, res) => {
  let file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  const body = fs.readFileSync(file);
  const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(body, { level: 9 }));
  } else {
    res.writeHead(200, headers).end(body);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, chromiumSandbox: false });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
};
const fmt = (x, unit, digits = 1) => `${x.toFixed(digits)} ${unit}`;
const line = (name, xs, unit, digits, budget) => {
  const { median, worst } = stats(xs);
  console.log(`${name.padEnd(58)} median ${fmt(median, unit, digits).padStart(11)}  worst ${fmt(worst, unit, digits).padStart(11)}   ${budget}`);
};

async function page({ network = false, cpu = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, serviceWorkers: 'block' });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', MOBILE);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  return { context, p, bytes: () => bytes };
}
const ready = (p) => p.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });

console.log(`site ${site}, ${RUNS} runs per figure\n`);

// 1–2. First load on a throttled mobile connection, with where the time goes: the first and the
// last byte of the page, the last byte of the wasm module (asked for from the page's <head>, see
// .ci/inline.mjs), and the charts drawn after it arrived.
const wire = [];
const firstDraw = [];
const firstByte = [];
const pageDone = [];
const moduleDone = [];
const afterModule = [];
for (let i = 0; i < RUNS; i += 1) {
  const { context, p, bytes } = await page({ network: true, cpu: 4 });
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName('sk-charts-drawn').length > 0, null, { timeout: 60000 });
  const t = await p.evaluate(() => ({
    drawn: performance.getEntriesByName('sk-charts-drawn')[0].startTime,
    first: performance.getEntriesByType('navigation')[0].responseStart,
    last: performance.getEntriesByType('navigation')[0].responseEnd,
    module: performance.getEntriesByName(new URL('pkg/page_bg.wasm', location.href).href)[0].responseEnd,
  }));
  firstDraw.push(t.drawn);
  firstByte.push(t.first);
  pageDone.push(t.last);
  moduleDone.push(t.module);
  afterModule.push(t.drawn - t.module);
  await p.waitForLoadState('networkidle');
  wire.push(bytes() / 1024);
  await context.close();
}
line('bytes on the wire, first full render (gzip)', wire, 'KB', 1, 'budget ≤ 150 KB, target ≤ 100 KB');
line('navigation → all five charts drawn (mobile network, 4× CPU)', firstDraw, 'ms', 0, 'budget ≤ 2000 ms, target ≤ 1600 ms');
line('  of which: first byte of the page', firstByte, 'ms', 0, '');
line('  of which: last byte of the page', pageDone, 'ms', 0, '');
line('  of which: last byte of the wasm module', moduleDone, 'ms', 0, '');
line('  of which: module received → all charts drawn', afterModule, 'ms', 0, '');

// 3–5. Edits, a 10 s slider drag and memory, at 4× CPU.
const chartsOnScreen = [];
const editP95 = [];
const longTasks = [];
const dragWorst = [];
const growth = [];
for (let i = 0; i < Math.min(RUNS, 3); i += 1) {
  const { context, p } = await page({ cpu: 4 });
  await p.goto(url);
  await ready(p);
  const result = await p.evaluate(async () => {
    const nextDraw = (n) => new Promise((resolve) => {
      const poll = () => (Number(document.body.dataset.draws) > n ? resolve() : requestAnimationFrame(poll));
      poll();
    });
    // Edits through the Ea slider under the flux chart, scrolled into view as a person would: the
    // flux chart and its neighbours on screen are redrawn at each edit.
    const slider = document.getElementById('ea-slider');
    slider.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const onScreen = [...document.querySelectorAll('#charts canvas')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }).length;
    const durations = [];
    const firstBytes = Number(document.body.dataset.wasmBytes);
    for (let k = 0; k < 1000; k += 1) {
      const n = Number(document.body.dataset.draws);
      slider.value = String(250 + (k % 100));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await nextDraw(n);
      if (k < 200) durations.push(performance.getEntriesByName('sk-update')[0].duration);
    }
    const afterBytes = Number(document.body.dataset.wasmBytes);
    // Drag the same slider for 10 s, one step per frame, counting long tasks, after a pause.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const start = performance.now();
    const drag = [];
    let step = 0;
    await new Promise((resolve) => {
      const frame = () => {
        if (performance.now() - start > 10000) { resolve(); return; }
        slider.value = String(200 + (step % 300));
        step += 1;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const m = performance.getEntriesByName('sk-update').at(-1);
        if (m) drag.push(m.duration);
        performance.clearMeasures('sk-update');
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    observer.disconnect();
    return { onScreen, durations, growth: afterBytes - firstBytes, tasks: tasks.length, dragWorst: Math.max(...drag), steps: step };
  });
  chartsOnScreen.push(result.onScreen);
  editP95.push(stats(result.durations).p95);
  longTasks.push(result.tasks);
  dragWorst.push(result.dragWorst);
  growth.push(result.growth / 1024);
  await context.close();
}
line('charts on screen while the slider is used', chartsOnScreen, '', 0, '');
line('input event → charts on screen redrawn, p95 of 200 edits (4× CPU)', editP95, 'ms', 2, 'budget ≤ 16 ms, target ≤ 8 ms');
line('10 s slider drag: long tasks ≥ 50 ms (4× CPU)', longTasks, '', 0, 'budget 0');
line('10 s slider drag: slowest redraw (4× CPU)', dragWorst, 'ms', 2, '');
line('wasm memory growth, 1000 edits after the first render', growth, 'KB', 0, 'budget ≤ 1024 KB');

/**
 * `count` Eₐ slider steps, the page scrolled to element `top` (or to the slider, with the flux
 * chart above it): the p95 of each timed from its input event to the charts on screen redrawn,
 * and the median of each timed to the next frame painted (layout, rasterisation and this
 * harness's software compositing included).
 */
function eaEdits(p, count, top) {
  return p.evaluate(async ([count, top]) => {
    const slider = document.getElementById('ea-slider');
    if (top) scrollTo(0, document.getElementById(top).offsetTop); else slider.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const durations = [];
    const frames = [];
    for (let k = 0; k < count; k += 1) {
      const n = Number(document.body.dataset.draws);
      const start = performance.now();
      slider.value = String(250 + (k % 100));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // Polled at each animation frame; the frame that finds the charts redrawn paints them
      // before a task queued from its animation-frame callback runs.
      await new Promise((resolve) => {
        const poll = () => (Number(document.body.dataset.draws) > n ? setTimeout(resolve, 0) : requestAnimationFrame(poll));
        poll();
      });
      durations.push(performance.getEntriesByName('sk-update')[0].duration);
      frames.push(performance.now() - start);
    }
    const sorted = (xs) => xs.sort((a, b) => a - b);
    return { p95: sorted(durations)[Math.floor(0.95 * count)], frame: sorted(frames)[Math.floor(count / 2)] };
  }, [count, top]);
}

// 6. Edits one frame apart, of the default scenario and of a dense program from a share link: 10
// trains of 10,000 pulses, 20,000 base samples. What is drawn is bounded by the pixels (each
// trace's envelope), so the dense program should cost about what the default scenario costs.
const dense = { v: 1, fields: { points: '20000' },
  segments: Array.from({ length: 10 }, () => ({ kind: 'pulses', count: '10000', on: '0.01', off: '0.01', peak: '1800', base: '300' })) };
const denseLink = `${url}#v=1&s=${Buffer.from(JSON.stringify(dense)).toString('base64url')}`;
for (const [name, link] of [['the default scenario', url], ['10 × 10,000 pulses at 20,000 samples', denseLink]]) {
  const p95 = [];
  const frame = [];
  for (let i = 0; i < Math.min(RUNS, 3); i += 1) {
    const { context, p } = await page({ cpu: 4 });
    await p.goto(link);
    await ready(p);
    const edits = await eaEdits(p, 60, null);
    p95.push(edits.p95);
    frame.push(edits.frame);
    await context.close();
  }
  line(`${name}: input → redrawn, p95 of 60 edits (4× CPU)`, p95, 'ms', 1, 'budget ≤ 16 ms');
  line(`${name}: input → next frame painted, median`, frame, 'ms', 1, '(software raster)');
}

// 6b. Edits with a view of the paper open: its sweep chart (a family of closed forms evaluated
// anew at each edit), the transport chart, and the view's numbers and table on screen.
for (const view of ['mixing', 'rate']) {
  const viewP95 = [];
  for (let i = 0; i < Math.min(RUNS, 3); i += 1) {
    const { context, p } = await page({ cpu: 4 });
    await p.goto(`${url}#view=${view}`);
    await ready(p);
    viewP95.push((await eaEdits(p, 100, 'view')).p95);
    await context.close();
  }
  line(`the same with the ${view === 'mixing' ? '§3.2' : '§3.3'} view open, p95 of 100 edits (4× CPU)`, viewP95, 'ms', 1, 'budget ≤ 16 ms');
}

// 7. The whole-scenario evaluation in wasm, through the public API.
for (const cpu of [1, 4]) {
  const evals = [];
  for (let i = 0; i < Math.min(RUNS, 3); i += 1) {
    const { context, p } = await page({ cpu });
    await p.goto(url);
    await ready(p);
    evals.push(await p.evaluate(async () => {
      const m = await import(new URL('pkg/synthesis_kinetics.js', location.href));
      await m.default();
      const scenario = {
        program: { startK: 298.15, segments: [
          { kind: 'ramp', rateKPerS: 1e4, targetK: 600 },
          { kind: 'pulses', count: 1000, onS: 0.02, offS: 1.08, peakK: 2400, baseK: 600 },
          { kind: 'ramp', rateKPerS: 1e3, targetK: 298.15 }] },
        diffusion: { d0M2PerS: 2.66e-6, eaJPerMol: 318e3, concentrationMolPerM3: 1e4, validMinK: 1173, validMaxK: 1673 },
        mixing: { kind: 'direct', gJPerKMolM: 1.338e7 },
        grainGrowth: { exponent: 2, d0M: 1e-7, k0: 1e4, eaJPerMol: 600e3 },
        homogenisation: { wavelengthM: 1e-8, targetResidual: 0.01 },
        sampling: { points: 2000, scale: 'linear', decades: 6 },
      };
      // Steady state: enough calls first for the engine to optimise the hot functions.
      for (let k = 0; k < 50; k += 1) m.evaluateScenario(scenario);
      const times = [];
      for (let k = 0; k < 200; k += 1) {
        const t0 = performance.now();
        m.evaluateScenario(scenario);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[100];
    }));
    await context.close();
  }
  line(`evaluateScenario in wasm, 1000 pulses × 2000 points (${cpu}× CPU)`, evals, 'ms', 3, cpu === 1 ? 'budget ≤ 2 ms, target ≤ 1 ms' : '');
}

await browser.close();
server.close();
