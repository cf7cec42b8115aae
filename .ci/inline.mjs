#!/usr/bin/env node
// Run by build_site (.ci/lib.sh) on the assembled site folder: puts the stylesheet and the page's
// JS (www/main.js and the modules it imports, bundled with the wasm-bindgen glue) into
// index.html, minified and allowed by hashes in the page's Content-Security-Policy, and asks for
// the wasm module from the page's <head>. A phone then makes two requests that overlap: the page,
// and the module as soon as the page's <head> arrives. (Carried in the page as base64 the module
// cost a third more bytes on the wire: base64 compresses worse than the module itself.) pkg/ is
// also the scripting API for other pages and Node, and what the page re-imports on a restart; the
// page's own module is the same package without its scripting-only exports (built into
// <page-pkg-dir>, its wasm beside the library as pkg/page_bg.wasm).
//
//   node .ci/inline.mjs <site-dir> <tools-dir> <page-pkg-dir>

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [site, tools, pagePkg] = process.argv.slice(2).map((p) => path.resolve(p));
const esbuild = await import(path.join(tools, 'node_modules/esbuild/lib/main.js'));
const read = (file) => fs.readFileSync(path.join(site, file));
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

const css = esbuild.transformSync(read('www/style.css').toString(), { loader: 'css', minify: true }).code.trim();
const bundle = await esbuild.build({
  absWorkingDir: site,
  entryPoints: ['www/main.js'],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'warning',
  // www/ imports the library's glue (../pkg/synthesis_kinetics.js); the page bundles its own.
  plugins: [{
    name: 'page-module',
    setup: (build) => build.onResolve({ filter: /\/pkg\/synthesis_kinetics\.js$/ }, () => ({ path: path.join(pagePkg, 'page.js') })),
  }],
});
const js = bundle.outputFiles[0].text.trim();
// An inline script ends at the first "</script"; the minifier never writes one, but check.
if (/<\/script|<!--/i.test(js)) throw new Error('the bundle contains </script or <!--; it cannot be inlined');

let html = read('index.html').toString();
const replace = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html no longer contains ${from}`);
  html = html.replace(from, () => to);
};
replace('<link rel="stylesheet" href="www/style.css">', `<style>${css}</style>`);
// The module is asked for from the <head>, so that its bytes arrive while the page is parsed,
// laid out and its script run; the script compiles them as they stream in. The page's own
// module, or for a link to a view whose chart the library draws (VIEW_CHARTS of www/charts.js)
// the library (www/wasm.js).
const preload = `const l = document.createElement('link');
Object.assign(l, { rel: 'preload', id: 'sk-wasm', as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous' });
const library = /[#&]view=(mixing|rate|growth|kissinger)(&|$)/.test(location.hash);
if (library) l.dataset.library = '';
l.href = library ? 'pkg/synthesis_kinetics_bg.wasm' : 'pkg/page_bg.wasm';
document.head.append(l);`;
replace('<script type="module" src="www/main.js"></script>\n', `<script>${preload}</script>\n`);
replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${hash(preload)} ${hash(js)}`);
replace("style-src 'self'", `style-src 'self' ${hash(css)}`);
// Last in the body, so that the page is parsed and painted first.
replace('</body>', `<script type="module" async>${js}</script>\n</body>`);
fs.writeFileSync(path.join(site, 'index.html'), html);
// The built page loads neither its stylesheet nor its modules: index.html carries them.
fs.rmSync(path.join(site, 'www/style.css'));
for (const file of Object.keys(bundle.metafile.inputs).filter((f) => f.startsWith('www/'))) fs.rmSync(path.join(site, file));
