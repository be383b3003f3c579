#!/usr/bin/env bash
# Runs the test suite, and a smoke test of the built package, on other Node majors than the
# machine's own, with Node binaries from the npm registry's `node` package (no other network).
#
#   bash scripts/ci-node-matrix.sh            # Node 22 and 24
#   NODE_MATRIX="22" bash scripts/ci-node-matrix.sh
#
# Needs `npm ci` and `npm run build` first (the smoke test imports dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

versions="${NODE_MATRIX:-22 24}"
for version in $versions; do
  echo "=== Node ${version}"
  run() { npx --yes --package "node@${version}" -- node "$@"; }
  run --version
  # The published entry point: import dist/, lint a Gmail call, expect the missing-scope report.
  run --input-type=module -e '
    import { Linter } from "eslint";
    const { default: plugin } = await import("./dist/index.js");
    const linter = new Linter({ configType: "flat" });
    const code = `import { google } from "googleapis";
const auth = new google.auth.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/gmail.readonly"] });
const gmail = google.gmail({ version: "v1", auth });
await gmail.users.messages.send({ userId: "me" });
`;
    const messages = linter.verify(code, [plugin.configs.recommended], { filename: "app.mjs" });
    const ids = messages.map((m) => m.ruleId + ":" + m.line);
    if (!ids.includes("googleapis-scopes/missing-scope:4") || messages.some((m) => m.fatal)) {
      console.error("smoke test failed:", JSON.stringify(messages, null, 2));
      process.exit(1);
    }
    console.log(`dist smoke test passed on Node ${process.version}: ${ids.join(", ")}`);
  '
  # The CLI's bundle finds package.json and the packed data from dist/cli/ (scripts/bundle.mjs).
  run dist/cli/main.js --version
  # CI_RESULTS (set by .ci/run): also write a JSON report there, summed into CI's closing line.
  run node_modules/vitest/vitest.mjs run ${CI_RESULTS:+--reporter=dot --reporter=json "--outputFile.json=$CI_RESULTS/node${version}.json"}
done
