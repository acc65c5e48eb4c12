import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-flush.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * require-flush: a batching client (Data Pipelines `Analytics`) used in code that ends with the
 * process (serverless handlers, server actions, Workers, scripts) without an awaited flush, a
 * flush that is not awaited, and a shared client closed by one invocation. Valid cases: the
 * documented per-invocation pattern (with `finally`, `waitUntil`, `after`, `return`), long-running
 * servers and workers, non-batching clients, and servers that exit only on errors.
 */

type MessageIds =
  | 'missingFlush'
  | 'missingFlushShared'
  | 'missingFlushScript'
  | 'notAwaited'
  | 'closesSharedClient'
  | 'addAwait';

const IMPORT = `import { Analytics } from '@customerio/cdp-analytics-node';
`;
const SHARED = `${IMPORT}const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
`;
const NEW = `new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! })`;

const valid: ValidTestCase<[]>[] = [
  {
    name: 'the documented serverless pattern: a client per invocation, flushed before returning',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};`,
  },
  {
    name: 'the flush in a finally block, and with a timeout',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  try {
    analytics.identify({ userId: event.userId, traits: { plan: event.plan } });
  } finally {
    await analytics.closeAndFlush({ timeout: 5000 });
  }
};`,
  },
  {
    name: 'Cloudflare Worker: the flush handed to ctx.waitUntil',
    code: `${IMPORT}
export default {
  async fetch(request, env, ctx) {
    const analytics = new Analytics({ writeKey: env.CUSTOMERIO_WRITE_KEY });
    analytics.track({ userId: 'u1', event: 'Visited' });
    ctx.waitUntil(analytics.closeAndFlush());
    return new Response('ok');
  },
};`,
  },
  {
    name: 'Next.js route handler: the flush run by after()',
    code: `${IMPORT}import { after } from 'next/server';
export async function POST(request: Request) {
  const analytics = ${NEW};
  analytics.track({ userId: 'u1', event: 'Clicked' });
  after(() => analytics.closeAndFlush());
  return Response.json({ ok: true });
}`,
    filename: 'app/api/track/route.ts',
  },
  {
    name: 'the flush returned, or awaited with other work, or kept and awaited later',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  return analytics.closeAndFlush();
};
export const other = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'B' });
  await Promise.all([analytics.closeAndFlush(), event.done()]);
};
export const third = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'C' });
  const flushed = analytics.closeAndFlush();
  await flushed;
};`,
  },
  {
    name: 'a module-scope client in a long-running Express server, flushed on shutdown',
    code: `${SHARED}import express from 'express';
const app = express();
app.post('/signup', (req, res) => {
  analytics.identify({ userId: req.body.id, traits: { email: req.body.email } });
  res.sendStatus(204);
});
const server = app.listen(3000);
process.on('SIGTERM', async () => {
  server.close();
  await analytics.closeAndFlush();
});`,
  },
  {
    name: 'a queue worker is long-running: no flush needed per job',
    code: `${SHARED}import { Worker } from 'bullmq';
new Worker('events', async (job) => {
  analytics.track({ userId: job.data.userId, event: job.data.name });
});`,
  },
  {
    name: 'a client that sends each call at once (TrackClient) needs no flush',
    code: `import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
export const handler = async (event) => {
  await cio.track(event.userId, { name: 'order_completed' });
};`,
  },
  {
    name: 'a server that exits only on a startup error is not a script',
    code: `${SHARED}
async function main() {
  analytics.track({ userId: 'system', event: 'Server Started' });
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});`,
  },
  {
    name: 'a script that flushes before it exits, with .then continuing after the flush',
    code: `#!/usr/bin/env node
${SHARED}
for (const user of users) analytics.identify({ userId: user.id, traits: {} });
analytics.closeAndFlush().then(() => process.exit(0));`,
  },
  {
    name: 'a script whose main() flushes, then exits',
    code: `${SHARED}
async function main() {
  analytics.track({ userId: 'u', event: 'Backfilled' });
  await analytics.closeAndFlush();
  process.exit(0);
}
main();`,
  },
  {
    name: 'a wrapper that builds a client per invocation, hands it to the handler and flushes it',
    code: `${IMPORT}
function withAnalytics(fn: (event: any, analytics: Analytics) => Promise<unknown>) {
  return async (event: any) => {
    const analytics = ${NEW};
    try {
      return await fn(event, analytics);
    } finally {
      await analytics.closeAndFlush();
    }
  };
}
export const handler = withAnalytics(async (event, analytics: Analytics) => {
  analytics.track({ userId: event.userId, event: 'Wrapped' });
});`,
  },
  {
    name: 'flushes carried in other shapes: kept in an array, yielded, the last of a sequence',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  const pending = [analytics.closeAndFlush()];
  await Promise.all(pending);
};
export const other = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'B' });
  return (console.log('flushing'), analytics.closeAndFlush());
};
export function* saga() {
  const analytics = ${NEW};
  analytics.track({ userId: 'u', event: 'C' });
  yield analytics.closeAndFlush();
}`,
  },
  {
    name: 'a Worker object that builds a fresh client on this per request and flushes it',
    code: `${IMPORT}
export default {
  analytics: undefined as Analytics | undefined,
  async fetch(request) {
    this.analytics = ${NEW};
    this.analytics.track({ userId: 'u1', event: 'Visited' });
    await this.analytics.closeAndFlush();
    return new Response('ok');
  },
};`,
  },
  {
    name: 'a client reached through a getter call, flushed through the same getter',
    code: `${IMPORT}
function getAnalytics() {
  return ${NEW};
}
export const handler = async (event) => {
  getAnalytics().track({ userId: event.userId, event: 'A' });
  await getAnalytics().closeAndFlush();
};`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'the catalog shape: a module-scope client used in a Lambda handler, never flushed',
    code: `${SHARED}
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  return { statusCode: 200 };
};`,
    output: null,
    errors: [
      {
        messageId: 'missingFlushShared',
        line: 5,
        column: 3,
        data: { client: '`analytics`', entry: 'Lambda handler', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a client built in the handler and never flushed',
    code: `${IMPORT}import type { SQSEvent } from 'aws-lambda';
export const handler = async (event: SQSEvent) => {
  const analytics = ${NEW};
  for (const record of event.Records) {
    analytics.track({ userId: JSON.parse(record.body).userId, event: 'Queued' });
  }
};`,
    output: null,
    errors: [
      {
        messageId: 'missingFlush',
        line: 6,
        column: 5,
        data: { client: '`analytics`', entry: 'Lambda event handler', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'closeAndFlush() as a statement: not awaited',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  analytics.closeAndFlush();
};`,
    output: null,
    errors: [
      {
        messageId: 'notAwaited',
        line: 6,
        column: 3,
        data: { flushCall: 'analytics.closeAndFlush()' },
        suggestions: [
          {
            messageId: 'addAwait',
            data: { flushCall: 'analytics.closeAndFlush()' },
            output: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  await analytics.closeAndFlush();
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'void closeAndFlush() with a .catch: still not awaited',
    code: `${IMPORT}
export async function GET() {
  const analytics = ${NEW};
  analytics.page({ userId: 'u1', name: 'Home' });
  void analytics.closeAndFlush().catch(console.error);
  return new Response('ok');
}`,
    filename: 'app/home/route.ts',
    output: null,
    errors: [
      {
        messageId: 'notAwaited',
        line: 6,
        column: 8,
        suggestions: [
          {
            messageId: 'addAwait',
            output: `${IMPORT}
export async function GET() {
  const analytics = ${NEW};
  analytics.page({ userId: 'u1', name: 'Home' });
  await analytics.closeAndFlush().catch(console.error);
  return new Response('ok');
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'not awaited in a function that is not async: no suggestion',
    code: `${SHARED}
process.on('SIGTERM', () => {
  analytics.closeAndFlush();
  process.exit(0);
});`,
    output: null,
    errors: [{ messageId: 'notAwaited', line: 5, column: 3, suggestions: [] }],
  },
  {
    name: 'a module-scope client closed by the first invocation of a Lambda',
    code: `${SHARED}
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};`,
    output: null,
    errors: [
      {
        messageId: 'closesSharedClient',
        line: 6,
        column: 9,
        data: { client: '`analytics`', entry: 'Lambda handler', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a Next.js route handler with a module-scope client',
    code: `${SHARED}
export async function POST(request: Request) {
  const body = await request.json();
  analytics.track({ userId: body.userId, event: 'Button Clicked' });
  return Response.json({ ok: true });
}`,
    filename: 'app/api/track/route.ts',
    output: null,
    errors: [
      {
        messageId: 'missingFlushShared',
        line: 6,
        column: 3,
        data: { client: '`analytics`', entry: 'Next.js route handler', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a server action built with an aliased import',
    code: `'use server';
import { Analytics as Pipelines } from '@customerio/cdp-analytics-node';
export async function subscribe(formData: FormData) {
  const pipelines = new Pipelines({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
  pipelines.identify({ userId: String(formData.get('id')), traits: { newsletter: true } });
}`,
    filename: 'app/actions.ts',
    output: null,
    errors: [{ messageId: 'missingFlush', line: 5, column: 3, data: { client: '`pipelines`', entry: 'server action', flush: 'closeAndFlush', flushCall: 'pipelines.closeAndFlush()' } }],
  },
  {
    name: 'a Cloudflare Worker fetch handler with a default import',
    code: `import Analytics from '@customerio/cdp-analytics-node';
export default {
  async fetch(request, env) {
    const analytics = new Analytics({ writeKey: env.CUSTOMERIO_WRITE_KEY });
    analytics.track({ userId: 'u1', event: 'Visited' });
    return new Response('ok');
  },
};`,
    output: null,
    errors: [{ messageId: 'missingFlush', line: 5, column: 5, data: { client: '`analytics`', entry: 'Worker fetch handler', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' } }],
  },
  {
    name: 'a CommonJS Lambda with require, and a .then chain in the handler',
    code: `const { Analytics } = require('@customerio/cdp-analytics-node');
const analytics = new Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY });
exports.handler = (event) =>
  loadUser(event.id).then((user) => {
    analytics.identify({ userId: user.id, traits: { email: user.email } });
  });`,
    filename: 'handler.js',
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 5, column: 5 }],
  },
  {
    name: 'a namespace import, used in a helper the handler calls',
    code: `import * as cdp from '@customerio/cdp-analytics-node';
const analytics = new cdp.Analytics({ writeKey: process.env.CUSTOMERIO_WRITE_KEY! });
function record(userId: string) {
  analytics.track({ userId, event: 'Recorded' });
}
export const handler = async (event) => {
  record(event.userId);
};`,
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 4, column: 3 }],
  },
  {
    name: 'a script with a shebang that never flushes',
    code: `#!/usr/bin/env node
${SHARED}
for (const user of users) {
  analytics.identify({ userId: user.id, traits: { email: user.email } });
}
console.log('done');`,
    output: null,
    errors: [
      {
        messageId: 'missingFlushScript',
        line: 6,
        column: 3,
        data: { client: '`analytics`', flush: 'closeAndFlush', flushCall: 'analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a script that exits after main() without flushing',
    code: `${SHARED}
async function main() {
  for (const user of await loadUsers()) analytics.identify({ userId: user.id, traits: {} });
}
main().then(() => process.exit(0));`,
    output: null,
    errors: [{ messageId: 'missingFlushScript', line: 5, column: 41 }],
  },
  {
    name: 'a script whose main() calls process.exit itself',
    code: `${SHARED}
async function main() {
  analytics.track({ userId: 'system', event: 'Backfill Finished' });
  process.exit(0);
}
await main();`,
    output: null,
    errors: [{ messageId: 'missingFlushScript', line: 5, column: 3 }],
  },
  {
    name: 'a client from settings.cdp.clients, in a Lambda',
    code: `import { analytics } from '@/lib/analytics';
export const handler = async (event) => {
  analytics.track({ userId: event.userId, event: 'Order Completed' });
};`,
    settings: { cdp: { clients: { '@/lib/analytics': { analytics: 'Analytics' } } } },
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 3, column: 3 }],
  },
  {
    name: 'a wrapper from settings.cdp.wrappers, in a Lambda',
    code: `import { trackEvent } from '@/lib/analytics';
export const handler = async (event) => {
  trackEvent(event.userId, 'Order Completed');
};`,
    settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 'Analytics.track', args: ['0.userId', '0.event'] }] } },
    output: null,
    errors: [
      {
        messageId: 'missingFlush',
        line: 3,
        column: 3,
        data: { client: 'the `Analytics` client', entry: 'Lambda handler', flush: 'closeAndFlush', flushCall: 'closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a local wrapper: reported where the client is used',
    code: `${SHARED}
function trackOrder(userId: string, total: number) {
  analytics.track({ userId, event: 'Order Completed', properties: { total } });
}
export const handler = async (event) => {
  trackOrder(event.userId, event.total);
};`,
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 5, column: 3 }],
  },
  {
    name: 'two handlers: one flushes its own client, the other does not',
    code: `${IMPORT}
export const flushed = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  await analytics.closeAndFlush();
};
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'B' });
  analytics.track({ userId: event.userId, event: 'C' });
};`,
    output: null,
    errors: [{ messageId: 'missingFlush', line: 10, column: 3 }],
  },
  {
    name: 'a client kept in a module-level object, used by a Worker',
    code: `${IMPORT}
const clients = { analytics: ${NEW} };
export default {
  async fetch(request) {
    clients.analytics.track({ userId: 'u1', event: 'Visited' });
    return new Response('ok');
  },
};`,
    output: null,
    errors: [
      {
        messageId: 'missingFlushShared',
        line: 6,
        column: 5,
        data: { client: '`clients.analytics`', entry: 'Worker fetch handler', flush: 'closeAndFlush', flushCall: 'clients.analytics.closeAndFlush()' },
      },
    ],
  },
  {
    name: 'a client held on this in a Worker object, shared by every request',
    code: `${IMPORT}
export default {
  analytics: ${NEW},
  async fetch(request) {
    this.analytics.track({ userId: 'u1', event: 'Visited' });
    return new Response('ok');
  },
};`,
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 6, column: 5, data: { client: '`this.analytics`', entry: 'Worker fetch handler', flush: 'closeAndFlush', flushCall: 'this.analytics.closeAndFlush()' } }],
  },
  {
    name: 'a flush that is not the last expression of a sequence is not awaited',
    code: `${IMPORT}
export const handler = async (event) => {
  const analytics = ${NEW};
  analytics.track({ userId: event.userId, event: 'A' });
  analytics.closeAndFlush(), console.log('flushed');
};`,
    output: null,
    errors: [{ messageId: 'notAwaited', line: 6, column: 3, suggestions: [] }],
  },
];

const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: a client from another module in a long-running server',
    code: `import { analytics } from './lib/cio';
declare const app: { post(path: string, fn: (req: any, res: any) => void): void };
app.post('/x', (req, res) => {
  analytics.track({ userId: req.body.id, event: 'Posted' });
  res.end();
});`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module, used in a Lambda handler',
    code: `import { analytics } from './lib/cio';
export const handler = async (event: { userId: string }) => {
  analytics.track({ userId: event.userId, event: 'Order Completed' });
};`,
    output: null,
    errors: [{ messageId: 'missingFlushShared', line: 3, column: 3 }],
  },
];

createRuleTester().run('require-flush', rule, { valid, invalid });
createTypedRuleTester().run('require-flush (typed)', rule, { valid: typedValid, invalid: typedInvalid });
describeFixSafety('require-flush', rule, invalid);
