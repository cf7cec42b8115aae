// DOM helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

/** A new element: `props` are set as properties, except `attrs` (attributes) and `dataset`. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

/** A table of text rows, the first the column headers; with `rowHeaders`, each row's first cell heads it. */
function tableOf(caption, [head, ...body], { rowHeaders = false } = {}) {
  const cell = (text, i) => (rowHeaders && i === 0 ? el('th', { scope: 'row', textContent: text }) : el('td', { textContent: text }));
  return el('table', {}, [
    el('caption', { textContent: caption }),
    el('tr', {}, head.map((text) => el('th', { scope: 'col', textContent: text }))),
    ...body.map((cells) => el('tr', {}, cells.map(cell))),
  ]);
}

/**
 * Shows `rows` as the table in `box`, as tableOf() builds it. A table already there of the same
 * shape keeps its cells and only their changed texts are set: an edit then costs a few text
 * nodes, not a new table.
 */
export function showTable(box, caption, rows, options) {
  const old = box.querySelector('table');
  const same = old && old.rows.length === rows.length && rows.every((cells, i) => old.rows[i].cells.length === cells.length);
  if (!same) {
    const table = tableOf(caption, rows, options);
    if (old) old.replaceWith(table); else box.append(table);
    return;
  }
  setText(old.caption, caption);
  rows.forEach((cells, i) => cells.forEach((text, j) => setText(old.rows[i].cells[j], text)));
}

/** Sets an element's text only when it differs: replacing a text node costs a layout even when the text is the same. */
export function setText(element, text) {
  // Changing the data of the one text node costs less than replacing it (a slider's label
  // follows every step of a drag).
  const node = element.firstChild;
  if (node && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    if (node.data !== text) node.data = text;
  } else if (element.textContent !== text) {
    element.textContent = text;
  }
}

const issued = { count: 0 };
/** An element id no other element of the page has, starting with `prefix`. */
export function uniqueId(prefix) {
  issued.count += 1;
  return `${prefix}-${issued.count}`;
}

/** `fn`, run once `ms` after the last of the calls made to the returned function. */
export function debounced(fn, ms) {
  // One timer at a time, pushed back when it fires early: a slider drag calls this on every
  // step, and re-arming a timer each time costs more than the check.
  let due = 0;
  let timer = 0;
  const fire = () => {
    const wait = due - performance.now();
    if (wait > 0) {
      timer = setTimeout(fire, wait);
      return;
    }
    timer = 0;
    fn();
  };
  return () => {
    due = performance.now() + ms;
    if (!timer) timer = setTimeout(fire, ms);
  };
}

/** `fn`, run in a task of its own right after the current one; calls made meanwhile join that run. */
export function inNextTask(fn) {
  const channel = new MessageChannel();
  let pending = false;
  channel.port1.onmessage = () => {
    pending = false;
    fn();
  };
  return () => {
    if (pending) return;
    pending = true;
    channel.port2.postMessage(null);
  };
}

/** Saves `blob` as a file named `name` through the browser's download. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The document at `path` beside the page (help.html, views.html), fetched when first needed. */
export async function fetchDocument(path) {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** The text of the label of `input` as the page shows it, without its unit or the input ("Eₐ"). */
export function labelText(input) {
  const label = input.labels?.[0];
  const own = label ? [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || ['SUB', 'SUP', 'I'].includes(n.nodeName)) : [];
  return own.map((n) => n.textContent).join('').trim();
}
