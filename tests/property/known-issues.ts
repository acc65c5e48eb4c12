// Failures the property runs found in rules that are not fixed yet. Each is matched narrowly, and
// its reproduction is checked to still fail (`it.fails` in programs.test.ts): when the rule is
// fixed, that test fails, and the entry is to be deleted.
import type { KnownIssue } from './lint.js';

export interface Reproduction extends KnownIssue {
  code: string;
  filename: string;
  /** `settings.cdp` for the reproduction, when it needs some. */
  cdp?: Record<string, unknown>;
}

export const KNOWN_ISSUES: readonly Reproduction[] = [
  {
    id: 'no-floating-sdk-calls: "Await it" where the function\'s own promise is dropped',
    note:
      'Inside an async function whose promise nobody handles (an async IIFE, a `.then` callback, a ' +
      '`Promise.all` that is not awaited), the rule reports SDK calls even when they are awaited, at ' +
      'the call, saying it is "neither awaited, returned nor given a `.catch`". Its "Await it" ' +
      'suggestion therefore never removes the report there; only `.catch` does. The rule should not ' +
      'offer "Await it" in such a function (or report the dropped promise of the function instead).',
    matches: (failure) =>
      failure.rule === 'cdp/no-floating-sdk-calls' && failure.kind === 'suggestion keeps its report' && /^Await it\b/.test(failure.about ?? ''),
    code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!);
(async () => {
  cio.track('user-1', { name: 'signed_up' });
})();
`,
    filename: 'src/jobs/backfill.ts',
  },
  {
    id: 'require-region: the fix imports the 2.x regions module that no-legacy-import reports',
    note:
      'For a client built from the 2.x module shape (`new (require("customerio-node"))(…)`), the fix ' +
      "of `region: 'eu'` adds `require('customerio-node/regions')`, a sub-path that exists only " +
      'before 3.0; with 3.x or later installed, no-legacy-import reports the line the fix wrote. The ' +
      'fix should import the region the way the installed version exports it.',
    matches: (failure) =>
      failure.rule === 'cdp/require-region' && failure.kind === 'fix reported by another rule' && failure.about === 'cdp/no-legacy-import',
    code: `const CIO = require('customerio-node');
export const cio = new CIO(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, { region: 'RegionEU' });
`,
    filename: 'src/lib/cio.js',
  },
  {
    id: 'require-region: in client code, the import the fix adds is reported by no-server-sdk-in-browser',
    note:
      "In a client-side file that builds a client with an inline `new (require('customerio-node').PipelinesClient)(…)` " +
      "(reported by no-server-sdk-in-browser), require-region's fix of `region: 'eu'` adds `import { RegionEU } from " +
      "'customerio-node'`, a second line that rule reports for the same module. The fix should read the region where " +
      'the file already loads the SDK (`require(…).RegionEU`) instead of adding an import.',
    // Any fix that adds such an import meets it; require-region's is the one the runs have found.
    matches: (failure) =>
      failure.kind === 'fix reported by another rule' && failure.about === 'cdp/no-server-sdk-in-browser' && /\bimport\b|require\(/.test(failure.text ?? ''),
    code: `import React from 'react';
const client = new (require('customerio-node').PipelinesClient)(process.env.CUSTOMERIO_WRITE_KEY!, { region: 'eu' });
export const Page = () => <button onClick={() => client.track({ userId: 'u', event: 'clicked' })}>Go</button>;
`,
    filename: 'src/components/page.tsx',
  },
];
