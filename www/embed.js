// The page inside a course page's iframe, and on paper. Framed, it tells the course page its
// height, so that the snippet's iframe grows to the content; printed, it shows its inputs as one
// compact block of text instead of the form.

import { $, el, labelText } from './dom.js';

/** The type of the message the page posts to the page that frames it. */
const HEIGHT_MESSAGE = 'synthesis-kinetics:height';
/** Height of the iframe before the page reports its own [CSS px]: a chart fits above the fold. */
const FIRST_HEIGHT = 640;

/** Posts the page's height to the page that frames it, now and whenever it changes. */
export function reportHeight() {
  if (window.parent === window) return;
  let last = 0;
  new ResizeObserver(() => {
    // The content's height (scrollHeight never falls below the iframe's own).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  }).observe(document.body);
}

const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The code a course page pastes: the iframe (allowed to copy links to the clipboard), and a
 * listener that sets the height of the iframe a message comes from, when the message comes from
 * the calculator's origin and holds a number.
 */
export function embedSnippet(url) {
  const listener = 'addEventListener("message",function(e){var d=e.data;'
    + `if(e.origin!==${JSON.stringify(new URL(url).origin)}||!d||d.type!=="${HEIGHT_MESSAGE}"||!(d.height>0&&d.height<1e5))return;`
    + 'document.querySelectorAll("iframe").forEach(function(f){'
    + 'if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"})})';
  return `<iframe src="${attribute(url)}" title="Synthesis Kinetics Calculator" width="100%" height="${FIRST_HEIGHT}" `
    + `style="border:0" loading="lazy" allow="clipboard-write"></iframe>\n<script>${listener}</script>`;
}

/** `input` as the print block lists it: its label, value and unit. */
function labelled(input) {
  const value = input.tagName === 'SELECT' ? input.selectedOptions[0]?.textContent : input.value;
  const unit = input.labels?.[0]?.querySelector('.unit')?.textContent ?? '';
  return `${labelText(input)} ${value}${unit ? ` ${unit}` : ''}`;
}

/** Fills the print block: each group of inputs on screen, a program's segments each as one. */
function fillPrintInputs() {
  const segments = [...$('segments').children];
  const groups = [...$('inputs').querySelectorAll('fieldset'), ...segments]
    .filter((group) => !group.closest('[hidden]'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const groupOf = (input) => input.closest('#segments > li') ?? input.closest('fieldset');
  const title = (group) => (group.tagName === 'LI'
    ? `${segments.indexOf(group) + 1}. ${group.querySelector('.head b')?.textContent ?? ''}`
    : group.querySelector('legend')?.textContent ?? '');
  const lines = groups.map((group) => {
    const inputs = [...group.querySelectorAll('label > input:not([type=radio]):not([type=checkbox]), label > select')]
      .filter((input) => groupOf(input) === group && !input.closest('[hidden]'));
    return inputs.length ? `${title(group)}: ${inputs.map(labelled).join('; ')}` : '';
  }).filter(Boolean);
  $('print-inputs').replaceChildren(el('h2', { textContent: 'Inputs' }), ...lines.map((line) => el('p', { textContent: line })));
}

/** Before the page is printed: the print block in step with the inputs, and `drawCharts()`. */
export function preparePrint(drawCharts) {
  const prepare = () => {
    fillPrintInputs();
    drawCharts();
  };
  addEventListener('beforeprint', prepare);
  matchMedia('print').addEventListener('change', (e) => {
    if (e.matches) prepare();
  });
}
