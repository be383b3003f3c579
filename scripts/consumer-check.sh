#!/usr/bin/env bash
# Installs the packed plugin, as a user would, into four fresh projects in a temp folder (the
# tarball plus registry packages; never `googleapis`: the plugin doesn't need the user's client)
# and checks each one. Run by .ci/run; needs the npm registry.
#   a. JavaScript, ESLint 10, no TypeScript, eslint.config.cjs with require() → reports.
#   b. JavaScript, the latest ESLint 9, ESM config → reports.
#   (a, b and d follow the scopes into a module of the app: the plugin loads ESLint's Linter then.)
#   c. TypeScript 5.9: eslint.config.ts with defineConfig, Linter.Config[], plugins and
#      tseslint.config() type-checks under nodenext and bundler; typescript-eslint lints a .mts.
#   d. JavaScript with typescript@7 installed → installs without a peer conflict, lints, reports.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FIXTURES="$ROOT/tests/consumer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

TARBALL="$WORK/$(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" | tail -1)"

fail() { echo "consumer check failed: $*" >&2; exit 1; }

# new_project NAME TYPE: an empty package of that module type.
new_project() {
  mkdir -p "$WORK/$1"
  printf '{ "name": "consumer-%s", "version": "1.0.0", "private": true, "type": "%s" }\n' "$1" "$2" >"$WORK/$1/package.json"
  cd "$WORK/$1"
}

# expect_report FILE [ESLINT ARGS…]: eslint exits 1 with missing-scope on FILE's send call.
expect_report() {
  local file="$1"; shift
  local output status=0
  output="$(npx --no-install eslint "$@" "$file" 2>&1)" || status=$?
  [ "$status" -eq 1 ] || fail "$(basename "$PWD"): eslint exited $status, expected 1:
$output"
  grep -q 'googleapis-scopes/missing-scope' <<<"$output" || fail "$(basename "$PWD"): no missing-scope report:
$output"
  # app.cjs takes its scopes from ./scopes.cjs: the report names it once the plugin has parsed that
  # module (with ESLint's Linter, which the plugin loads on first use, not on import).
  if [ -e scopes.cjs ]; then
    grep -q 'to `SCOPES` in ./scopes.cjs' <<<"$output" || fail "$(basename "$PWD"): the scopes in ./scopes.cjs were not followed:
$output"
  fi
  echo "$(basename "$PWD"): $(grep -c 'googleapis-scopes/' <<<"$output") finding(s), $(grep -o 'googleapis-scopes/[a-z-]*' <<<"$output" | sort -u | tr '\n' ' ')"
}

echo "== a. JavaScript, ESLint 10, CommonJS config, no TypeScript"
new_project js-eslint10-cjs commonjs
npm install --silent --save-dev 'eslint@^10'
before=$(du -sk node_modules | cut -f1)
npm install --silent --save-dev "$TARBALL"
after=$(du -sk node_modules | cut -f1)
[ ! -e node_modules/typescript ] || fail "installing the plugin brought in typescript"
cp "$FIXTURES/eslint.config.cjs" "$FIXTURES/app.cjs" "$FIXTURES/scopes.cjs" .
expect_report app.cjs
# The public data API, from CommonJS: reads one API version's slice of the packed data.
node -e '
  const { acceptedScopes } = require("eslint-plugin-googleapis-scopes/scopes");
  const scopes = acceptedScopes("drive", "v3", "files.delete");
  if (JSON.stringify(scopes) !== JSON.stringify(["https://www.googleapis.com/auth/drive", "https://www.googleapis.com/auth/drive.appdata", "https://www.googleapis.com/auth/drive.file"])) {
    console.error("acceptedScopes(drive, v3, files.delete):", scopes); process.exit(1);
  }
  console.log("js-eslint10-cjs: eslint-plugin-googleapis-scopes/scopes answers from the packed data");
' || fail "js-eslint10-cjs: the scopes data API"
echo "install footprint in a JavaScript ESLint 10 project: $((after - before)) kB (no typescript)"
[ $((after - before)) -lt 3072 ] || fail "the plugin adds $((after - before)) kB to a JavaScript project (target: under 3 MB)"

echo "== b. JavaScript, latest ESLint 9, ESM config"
new_project js-eslint9-esm module
npm install --silent --save-dev 'eslint@^9' "$TARBALL"
cp "$FIXTURES/eslint.config.mjs" "$FIXTURES/app.cjs" "$FIXTURES/scopes.cjs" .
expect_report app.cjs

echo "== c. TypeScript 5.9: config types and typed linting"
new_project ts-5.9 module
npm install --silent --save-dev 'eslint@^10' 'typescript@~5.9.0' 'typescript-eslint@^8' "$TARBALL"
cp "$FIXTURES/eslint.config.ts" "$FIXTURES/eslint.config.typed.mjs" "$FIXTURES/app.mts" .
for resolution in 'nodenext nodenext' 'esnext bundler'; do
  set -- $resolution
  npx --no-install tsc --noEmit --strict --skipLibCheck false --module "$1" --moduleResolution "$2" --target es2022 eslint.config.ts \
    || fail "ts-5.9: eslint.config.ts does not type-check with moduleResolution $2"
  echo "ts-5.9: eslint.config.ts type-checks with moduleResolution $2"
done
expect_report app.mts --config eslint.config.typed.mjs

echo "== d. JavaScript with typescript@7 installed"
new_project js-typescript7 commonjs
npm install --silent --save-dev 'eslint@^10' 'typescript@^7' "$TARBALL"
cp "$FIXTURES/eslint.config.cjs" "$FIXTURES/app.cjs" "$FIXTURES/scopes.cjs" .
expect_report app.cjs

echo "consumer checks passed"
