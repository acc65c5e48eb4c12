#!/usr/bin/env node
/**
 * Writes the README's "Supported SDKs and versions" section from the SDK model: which packages and
 * versions the plugin models, and which rules apply to each. A rule applies to an SDK when the
 * SDK's descriptor has the data the rule reads (a timestamp field for `valid-timestamps`, a
 * batching client for `require-flush`, …), so the table changes when a descriptor does, never by
 * hand. `--check` fails instead of writing when the README is stale (CI runs it through
 * `npm run docs:check`). Reads the built plugin in `dist/`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const BEGIN = '<!-- begin sdk coverage -->';
const END = '<!-- end sdk coverage -->';

const clients = (sdk) => sdk.clients;
const methods = (sdk) => sdk.clients.flatMap((client) => client.methods);
const fields = (sdk) => methods(sdk).flatMap((method) => method.fields);
const hasRole = (sdk, ...roles) => fields(sdk).some((field) => roles.includes(field.role));
const sends = (method) => ['identify', 'track', 'page', 'send'].includes(method.kind);
const rejects = (method) => (method.returns === 'promise' || method.returns === 'promiseHolder') && !method.neverRejects;
const secretSlots = (sdk) =>
  clients(sdk)
    .flatMap((client) => client.ctorFields)
    .filter((field) => field.role === 'credential')
    .map((field) => sdk.credentials.find((spec) => spec.kind === field.credential))
    .filter((spec) => spec && !spec.publishable);

/** What each rule reads from a descriptor: the rule applies to the SDKs that have it. */
export const APPLIES = {
  'consistent-attribute-types': (sdk) => hasRole(sdk, 'attributes', 'eventProperties'),
  'event-name-casing': (sdk) => hasRole(sdk, 'eventName'),
  'identify-before-track': (sdk) =>
    methods(sdk).some((m) => m.kind === 'identify') && methods(sdk).some((m) => m.kind === 'track') && hasRole(sdk, 'personId'),
  'no-blocking-sdk-calls': (sdk) => methods(sdk).some((m) => sends(m) && rejects(m)),
  'no-client-per-request': (sdk) => clients(sdk).some((client) => client.kind === 'client'),
  'no-dynamic-event-names': (sdk) => hasRole(sdk, 'eventName'),
  'no-email-as-identifier': (sdk) => hasRole(sdk, 'personId'),
  'no-floating-sdk-calls': (sdk) =>
    methods(sdk).some(rejects) || clients(sdk).some((client) => client.unlistedMethodsReturn === 'promise'),
  'no-hardcoded-credentials': (sdk) => sdk.credentials.some((spec) => spec.secret),
  'no-ignored-payload-keys': (sdk) => methods(sdk).some((m) => m.body),
  'no-legacy-import': (sdk) => sdk.modules.some((module) => module.versions),
  'no-mismatched-credentials': (sdk) => secretSlots(sdk).length > 0,
  'no-raw-api-requests': (sdk) => sdk.rawApi !== undefined,
  'no-recipients-in-broadcast-data': (sdk) => methods(sdk).some((m) => m.misplacedKeys),
  'no-sdk-internals': (sdk) => (sdk.internalPaths?.length ?? 0) > 0 || clients(sdk).some((client) => client.internals?.length),
  'no-server-sdk-in-browser': (sdk) => sdk.serverOnly === true,
  'no-unauthenticated-sends': (sdk) => methods(sdk).some((m) => sends(m) && m.fields.some((f) => ['personId', 'recipients', 'email'].includes(f.role))),
  'no-unbounded-sdk-fanout': (sdk) => clients(sdk).some((client) => client.rateLimit) || methods(sdk).some((m) => m.rateLimit),
  'pinned-sdk-versions': () => true,
  'prefer-upsert': (sdk) => methods(sdk).some((m) => m.conflict),
  'require-error-listener': (sdk) => clients(sdk).some((client) => client.errorChannel === 'emitter'),
  'require-event-unique-id': (sdk) => methods(sdk).some((m) => m.dedupKey),
  'require-flush': (sdk) => clients(sdk).some((client) => client.batches),
  'require-identify-email': (sdk) => methods(sdk).some((m) => m.kind === 'identify' && m.fields.some((f) => f.role === 'attributes')),
  'require-region': (sdk) => clients(sdk).some((client) => client.region),
  'valid-call-signatures': (sdk) => methods(sdk).some((m) => m.arity || m.legacyArity || m.payloadIdKey),
  'valid-phone-numbers': (sdk) => hasRole(sdk, 'phone') || fields(sdk).some((field) => field.phoneKeys?.length),
  'valid-send-request': (sdk) => methods(sdk).some((m) => m.requiresInstanceOf),
  'valid-timestamps': (sdk) => hasRole(sdk, 'timestamp') || fields(sdk).some((field) => field.dateKeys),
};

export function render(sdks, ruleNames) {
  const packages = [
    '| Package | Versions | Checked against | Clients and entry points |',
    '| :-- | :-- | :-- | :-- |',
    ...sdks.map((sdk) => {
      const names = sdk.clients.filter((client) => client.kind === 'client').map((client) => client.name);
      const shown = names.length > 4 ? `${names.slice(0, 3).map((n) => `\`${n}\``).join(', ')} and ${names.length - 3} more` : names.map((n) => `\`${n}\``).join(', ');
      return `| \`${sdk.id}\` | ${sdk.versions} | ${sdk.checkedAgainst} | ${shown} |`;
    }),
  ];
  const matrix = [
    `| Rule | ${sdks.map((sdk) => `\`${sdk.id}\``).join(' | ')} |`,
    `| :-- | ${sdks.map(() => ':-:').join(' | ')} |`,
    ...ruleNames.map((rule) => `| [${rule}](docs/rules/${rule}.md) | ${sdks.map((sdk) => (APPLIES[rule](sdk) ? '✓' : '')).join(' | ')} |`),
  ];
  return [
    BEGIN,
    '',
    '<!-- Generated from the SDK descriptors in src/sdk/ by scripts/sdk-coverage.mjs (`npm run docs`). -->',
    '',
    ...packages,
    '',
    'Which rules check which SDK (a rule applies where the SDK has what the rule is about: a timestamp field, a batching client, a secret key, …):',
    '',
    ...matrix,
    '',
    END,
  ].join('\n');
}

async function main() {
  const { SDKS } = await import(new URL('../dist/sdk/index.js', import.meta.url).href);
  const { rules } = await import(new URL('../dist/rules/index.js', import.meta.url).href);
  const ruleNames = Object.keys(rules).sort();
  const missing = ruleNames.filter((name) => !(name in APPLIES));
  if (missing.length > 0) {
    console.error(`scripts/sdk-coverage.mjs: no coverage entry for ${missing.join(', ')}`);
    process.exit(1);
  }
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`README.md has no ${BEGIN} … ${END} section`);
    process.exit(1);
  }
  const next = readme.slice(0, start) + render(SDKS, ruleNames) + readme.slice(end + END.length);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md: the SDK coverage section is out of date; run `npm run docs`.');
      process.exit(1);
    }
    return;
  }
  if (next !== readme) writeFileSync(readmePath, next);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
