# Shared by the project's scripts: reads wasm-pack.toml, installs what is missing (idempotently:
# anything already at its pinned version is skipped), builds the static site.
# Source it; do not run it.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

# conf SECTION KEY: a value from wasm-pack.toml.
conf() {
  python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))[sys.argv[2]][sys.argv[3]])' \
    "$ROOT/wasm-pack.toml" "$1" "$2"
}

TOOLS="$ROOT/target/tools"
export SK_TOOLS="$TOOLS"
export PATH="$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_cargo_tool() { # crate binary version
  local crate=$1 bin=$2 want=$3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q " $want"; then return; fi
  say "installing $crate $want (cargo)"
  cargo install "$crate" --version "$want" --force
}

ensure_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  local bindgen_crate
  bindgen_crate=$(grep -E '^wasm-bindgen = "=' Cargo.toml | sed -E 's/.*"=([^"]+)".*/\1/')
  [ "$bindgen_crate" = "$(conf tools wasm-bindgen-cli)" ] || {
    echo "wasm-pack.toml pins wasm-bindgen-cli $(conf tools wasm-bindgen-cli) but Cargo.toml pins the crate at $bindgen_crate" >&2
    exit 1
  }
  ensure_cargo_tool wasm-bindgen-cli wasm-bindgen "$(conf tools wasm-bindgen-cli)"
  ensure_cargo_tool wasm-pack wasm-pack "$(conf tools wasm-pack)"
}

ensure_npm() { # installs every npm package pinned in [tools] that is missing
  local missing=()
  for pkg in binaryen esbuild playwright-core axe-core; do
    local want have=""
    want=$(conf tools "$pkg")
    [ -f "$TOOLS/node_modules/$pkg/package.json" ] &&
      have=$(node -p "require('$TOOLS/node_modules/$pkg/package.json').version")
    [ "$have" = "$want" ] || missing+=("$pkg@$want")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing ${missing[*]} (npm)"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --save-exact "${missing[@]}" >&2)
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  say "installing Debian's chromium and chromium-driver"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
}

# build_site: release wasm package + static folder at site-dir, relative URLs only.
build_site() {
  local pkg page site
  pkg=$(conf build pkg-dir)
  page=$(conf build page-pkg-dir)
  site=$(conf build site-dir)
  say "building the release wasm package"
  wasm-pack build --release --target "$(conf build target)" --out-dir "$ROOT/$pkg" --no-pack >&2
  say "building the page's module (the package without its scripting-only exports)"
  wasm-pack build --release --target "$(conf build target)" --out-dir "$ROOT/$page" --out-name page \
    --no-pack -- --no-default-features >&2
  say "assembling $site/"
  rm -rf "$site"
  mkdir -p "$site/pkg"
  cp index.html "$site/"
  cp -r www "$site/"
  cp "$pkg/synthesis_kinetics.js" "$pkg/synthesis_kinetics_bg.wasm" "$pkg/synthesis_kinetics.d.ts" "$site/pkg/"
  # JS the module imports (the boundary's plain copies, src/wasm/plain.js).
  cp -r "$pkg/snippets" "$site/pkg/"
  # The scripting API's glue, minified in place; the page itself goes into index.html whole.
  "$TOOLS/node_modules/.bin/esbuild" "$site/pkg/synthesis_kinetics.js" --minify --log-level=warning \
    --outfile="$site/pkg/synthesis_kinetics.js" --allow-overwrite >&2
  cp "$page/page_bg.wasm" "$site/pkg/"
  node "$ROOT/.ci/inline.mjs" "$site" "$TOOLS" "$ROOT/$page"
  # The service worker must sit at the site root to control the page; its cache is named after
  # a hash of everything it caches, so each release replaces the previous one.
  local build
  build=$(find "$site/index.html" "$site/www" "$site/pkg" -type f | sort | xargs cat | sha256sum | cut -c1-16)
  sed "s/__BUILD__/$build/" www/sw.js > "$site/sw.js"
  rm "$site/www/sw.js"
}
