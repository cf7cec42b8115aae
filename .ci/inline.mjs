#!/usr/bin/env node
// Run by build_site (.ci/lib.sh) on the assembled site folder: puts everything the first render
// needs into index.html, so that a phone on a slow network fetches one file instead of paying a
// second round trip for the CSS, the JS and the wasm module. The stylesheet and the page's JS
// (www/main.js and the modules it imports, bundled with the wasm-bindgen glue) are inlined,
// minified, and allowed by hashes in the page's Content-Security-Policy. The wasm module rides
// along base64-encoded in a data block the browser does not execute, last in the page, so that
// the page is parsed, painted and laid out by its script while those bytes arrive. pkg/ stays as it is: the scripting API for other pages
// and Node, and the module the page re-imports if it ever has to restart.
//
//   node .ci/inline.mjs <site-dir> <tools-dir>

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [site, tools] = process.argv.slice(2).map((p) => path.resolve(p));
const esbuild = await import(path.join(tools, 'node_modules/esbuild/lib/main.js'));
const read = (file) => fs.readFileSync(path.join(site, file));
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

const css = esbuild.transformSync(read('www/style.css').toString(), { loader: 'css', minify: true }).code.trim();
const bundle = esbuild.buildSync({
  absWorkingDir: site,
  entryPoints: ['www/main.js'],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const js = bundle.outputFiles[0].text.trim();
const wasm = read('pkg/synthesis_kinetics_bg.wasm').toString('base64');
// An inline script ends at the first "</script"; the minifier never writes one, but check.
if (/<\/script|<!--/i.test(js)) throw new Error('the bundle contains </script or <!--; it cannot be inlined');

let html = read('index.html').toString();
const replace = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html no longer contains ${from}`);
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="www/style.css">', `<style>${css}</style>`);
// The page's script runs as soon as the body above it is parsed (async), so it lays out the page
// while the module's bytes below it still arrive.
replace('<script type="module" src="www/main.js"></script>\n', '');
replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${hash(js)}`);
replace("style-src 'self'", `style-src 'self' ${hash(css)}`);
// Last in the body, so the page is parsed and painted while the module's bytes still arrive.
replace('</body>', `<script type="module" async>${js}</script>\n<script type="application/wasm+base64" id="sk-wasm">${wasm}</script>\n</body>`);
fs.writeFileSync(path.join(site, 'index.html'), html);
// The built page loads neither its stylesheet nor its modules: index.html carries them.
fs.rmSync(path.join(site, 'www/style.css'));
for (const file of Object.keys(bundle.metafile.inputs).filter((f) => f.startsWith('www/'))) fs.rmSync(path.join(site, file));
