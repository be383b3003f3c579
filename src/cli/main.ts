#!/usr/bin/env node
/** The `googleapis-scopes` executable (package.json `bin`). The command itself is in ./run.ts. */
import { EXIT_USAGE, main } from './run.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug of ours, not the user's: one line, unless they ask for the stack.
  const detail = process.env.DEBUG === undefined ? (error instanceof Error ? error.message : String(error)) : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`googleapis-scopes: internal error: ${detail}\n`);
  process.exitCode = EXIT_USAGE;
}
