#!/usr/bin/env node
// `cdp-lint` (also `eslint-plugin-cdp`): lints a repository for Customer.io and Klaviyo SDK mistakes.
import { main } from './main.js';

// Output piped into a command that stops reading (`cdp-lint | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
