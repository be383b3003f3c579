#!/usr/bin/env node
/** The `googleapis-scopes` executable (package.json `bin`). The command itself is in ./run.ts. */
import { EXIT_USAGE, main } from './run.ts';

// A reader that stops early (`| head -1`) closes the pipe: the rest of the output has nowhere to
// go, and the exit code is still the one the report computed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug of ours, not the user's: one line, unless they ask for the stack.
  const detail =
    process.env.DEBUG === undefined
      ? error instanceof Error
        ? error.message
        : String(error)
      : error instanceof Error
        ? error.stack
        : String(error);
  process.stderr.write(`googleapis-scopes: internal error: ${detail}\n`);
  process.exitCode = EXIT_USAGE;
}
