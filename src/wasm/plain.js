// Plain copies of what a caller passes to the wasm module, made in JS so that whatever a getter or
// a Proxy throws is caught where it is thrown, and so that a copy costs no crossing of the
// boundary per value. Used by boundary.rs; nothing here knows the shape of any input.

/** Why a copy was refused: `{ kind, field, message }`. */
class Refused {
  constructor(kind, field, message) {
    this.kind = kind;
    this.field = field;
    this.message = message;
  }
}

const join = (path, key) => (path === '' ? key : `${path}.${key}`);
const quoted = (text, max) => {
  const s = String(text);
  return `"${s.length > max ? `${s.slice(0, max)}…` : s}"`;
};

// The keys of the last copy, and those of copies whose every key was known: the keys of a value,
// not its numbers, decide whether it has an unknown one, and the page sends the same keys on every
// edit. Each key is written with its length before it and each object and list is bracketed, so
// that no key can pass for another or move to another object.
let lastKeys = '';
const knownKeys = new Set();
/** Most sets of keys remembered. */
const MAX_KNOWN_KEYS = 64;

/** The path of the keys and indices in `at` below `root`. */
const pathOf = (root, at) => at.reduce((path, key) => (typeof key === 'number' ? `${path}[${key}]` : join(path, key)), root);

/**
 * A copy of `value` as `{ value, keysKnown }` (whether its keys are those of a value read before
 * without an unknown key), of plain objects, lists and primitives, or `{ refused }`: a value that cannot
 * be read (a getter or a Proxy that throws), a function, a list or object of more than `maxItems`
 * entries (refused by its length, before any entry is read), more than `maxValues` values in all,
 * more than `maxDepth` levels or a text longer than `maxText`. `root` names `value` in paths;
 * `value` is read as a `type`.
 *
 * The copy is made on every edit of the page, so it allocates little: the path of a value is
 * written out only when the value is refused.
 */
export function plainCopy(value, root, type, maxItems, maxValues, maxDepth, maxText) {
  let values = 0;
  // The keys and indices leading to the value being read; whatever throws, throws there.
  const at = [];
  const keys = [type];
  const refuse = (kind, message) => {
    throw new Refused(kind, pathOf(root, at), message);
  };
  const copy = (v) => {
    values += 1;
    if (values > maxValues) refuse('tooLong', `too large: more than ${maxValues} values`);
    if (typeof v === 'function' || typeof v === 'symbol') refuse('type', 'expected plain data, got a function or a symbol');
    if (typeof v === 'string' && v.length > maxText) refuse('tooLong', `text longer than ${maxText} characters`);
    if (v === null || typeof v !== 'object') return v;
    if (at.length >= maxDepth) refuse('tooLong', `nested deeper than ${maxDepth} levels`);
    if (Array.isArray(v)) {
      const length = v.length;
      if (!(length <= maxItems)) refuse('tooLong', `at most ${maxItems} items; got ${length}`);
      const out = [];
      keys.push('[');
      for (let i = 0; i < length; i += 1) {
        at.push(i);
        out.push(copy(v[i]));
        at.pop();
      }
      keys.push(']');
      return out;
    }
    const own = Reflect.ownKeys(v).filter((key) => typeof key === 'string');
    if (own.length > maxItems) refuse('tooLong', `at most ${maxItems} keys`);
    const out = {};
    keys.push('{');
    for (const key of own) {
      keys.push(key.length, key);
      at.push(key);
      const item = copy(v[key]);
      at.pop();
      // "__proto__" is a key like any other.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      } else {
        out[key] = item;
      }
    }
    keys.push('}');
    return out;
  };
  try {
    const out = copy(value);
    lastKeys = keys.join(' ');
    return { value: out, keysKnown: knownKeys.has(lastKeys) };
  } catch (e) {
    if (e instanceof Refused) return { refused: e };
    // Thrown by a getter or a Proxy while the value at `at` was read.
    return { refused: new Refused('type', pathOf(root, at), `could not be read (${quoted(e?.message ?? e, 24)})`) };
  }
}

/** Remembers that the keys of the last copy are all known. */
export function keysKnown() {
  if (knownKeys.size >= MAX_KNOWN_KEYS) knownKeys.clear();
  knownKeys.add(lastKeys);
}

/**
 * The first key of `copy` (at any depth) that `known` (the value read, written back) lacks, as
 * `{ field, expected }`, or null.
 */
export function unknownKey(copy, known, path) {
  if (copy === null || typeof copy !== 'object' || known === null || typeof known !== 'object') return null;
  if (Array.isArray(copy)) {
    for (let i = 0; i < copy.length; i += 1) {
      const found = unknownKey(copy[i], known[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(copy)) {
    if (!Object.hasOwn(known, key)) {
      return { field: join(path, quoted(key, 24).slice(1, -1)), expected: Object.keys(known).map((k) => `"${k}"`).join(', ') };
    }
    const found = unknownKey(copy[key], known[key], join(path, key));
    if (found) return found;
  }
  return null;
}

// Where a refused value lies. The core reads a copy without noting where it is (a path tracked
// through serde costs a tenth of the compressed module); when a read fails, the copy is read
// again through proxies that note each property read, and the last notes place the error.
let reads = [];

/** The path of `key` in `target`, which lies at `path`. */
const child = (path, target, key) => (Array.isArray(target) ? `${path}[${key}]` : join(path, key));
/** The path of what holds the value at `path`. */
const parent = (path) => path.replace(/(\.[^.[\]]*|\[\d+\])$/, '');

function watched(value, path) {
  if (value === null || typeof value !== 'object') return value;
  const target = Array.isArray(value)
    ? value.map((v, i) => watched(v, `${path}[${i}]`))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, watched(v, join(path, k))]));
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && key !== 'length') reads.push({ path: child(path, t, key), found: true });
      return t[key];
    },
    has(t, key) {
      const found = key in t;
      if (typeof key === 'string') reads.push({ path: child(path, t, key), holder: path, key, found, inList: Array.isArray(t) });
      return found;
    },
  });
}

/** `copy` (made by plainCopy) behind proxies that note what is read of it; forgets earlier notes. */
export function watchedCopy(copy, root) {
  reads = [];
  return watched(copy, root);
}

/**
 * Where the error of the last read of a watched copy lies, as `{ path, inList }`: for a missing
 * field `missing`, where it was looked for (or, `inList`, the list it was looked for in, where an
 * object was expected); for a field `unknown` (to the kind of its object), beside the last value
 * read; else the last value read.
 */
export function errorPath(missing, unknown) {
  const looked = missing ? reads.findLast((r) => !r.found && r.key === missing) : undefined;
  const last = reads.at(-1)?.path ?? '';
  reads = [];
  if (looked) return { path: looked.inList ? looked.holder : looked.path, inList: looked.inList };
  // A field named but not looked for (given as null, say) lies beside the last value read.
  const beside = missing ?? unknown;
  return { path: beside ? join(parent(last), beside) : last, inList: false };
}
