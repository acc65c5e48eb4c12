import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-error-listener.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * require-error-listener: a client whose delivery failures only surface as an `'error'` event
 * (Data Pipelines `Analytics`), built with no listener for it on that client anywhere in the file
 * and no per-call callbacks. Valid cases: listeners through every way a client is reached (a const,
 * a chain, `this`, a lazy singleton), callbacks, clients handed to code the file does not show,
 * and clients whose calls reject instead.
 */

type MessageIds = 'missingListener' | 'addListener';

const IMPORT = `import { Analytics } from '@customerio/cdp-analytics-node';
`;
const OPTIONS = `{ writeKey: process.env.CUSTOMERIO_WRITE_KEY! }`;
const MESSAGE_DATA = { client: 'Analytics', event: 'error', listen: 'on' };

const valid: ValidTestCase<[]>[] = [
  {
    name: 'a listener registered right after the declaration',
    code: `${IMPORT}export const analytics = new Analytics(${OPTIONS});
analytics.on('error', (error) => {
  logger.error({ error }, 'Data Pipelines delivery failed');
});`,
  },
  {
    name: 'a listener registered with once, and with a template literal event name',
    code: `${IMPORT}const a = new Analytics(${OPTIONS});
a.once('error', report);
const b = new Analytics(${OPTIONS});
b.on(\`error\`, report);`,
  },
  {
    name: 'a listener chained on the construction',
    code: `${IMPORT}export const analytics = new Analytics(${OPTIONS}).on('error', console.error);`,
  },
  {
    name: 'a class field with a listener in the constructor',
    code: `${IMPORT}export class Tracking {
  private analytics = new Analytics(${OPTIONS});
  constructor() {
    this.analytics.on('error', (error) => this.report(error));
  }
  report(error: unknown) {}
}`,
  },
  {
    name: 'a lazy singleton that registers the listener when it builds the client',
    code: `${IMPORT}let client: Analytics | undefined;
export function getAnalytics() {
  if (!client) {
    client = new Analytics(${OPTIONS});
    client.on('error', console.error);
  }
  return client;
}`,
  },
  {
    name: 'per-call callbacks receive each delivery error',
    code: `${IMPORT}const analytics = new Analytics(${OPTIONS});
export function record(userId: string) {
  analytics.track({ userId, event: 'Recorded' }, (error) => {
    if (error) console.error(error);
  });
}`,
  },
  {
    name: 'a client handed to code this file does not show (it may register the listener)',
    code: `${IMPORT}import { monitor } from './monitoring';
const analytics = new Analytics(${OPTIONS});
monitor(analytics);
export const service = new TrackingService(new Analytics(${OPTIONS}));`,
  },
  {
    name: 'a factory that returns the client to its caller',
    code: `${IMPORT}export function createAnalytics() {
  return new Analytics(${OPTIONS});
}
export const build = () => new Analytics(${OPTIONS});
export function createLocal() {
  const analytics = new Analytics(${OPTIONS});
  return analytics;
}`,
  },
  {
    name: 'clients whose calls reject (TrackClient, PipelinesClient) need no listener',
    code: `import { TrackClient, PipelinesClient } from 'customerio-node';
export const cio = new TrackClient(process.env.SITE_ID!, process.env.KEY!);
export const pipelines = new PipelinesClient(process.env.CUSTOMERIO_WRITE_KEY!);`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'the catalog shape: a module-scope client with no error listener',
    code: `${IMPORT}export const analytics = new Analytics(${OPTIONS});
analytics.track({ userId: 'u1', event: 'Signed Up' });`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 2,
        column: 26,
        data: MESSAGE_DATA,
        suggestions: [
          {
            messageId: 'addListener',
            data: { name: 'analytics', listen: 'on', event: 'error' },
            output: `${IMPORT}export const analytics = new Analytics(${OPTIONS});
analytics.on('error', (error) => {
  console.error(error);
});
analytics.track({ userId: 'u1', event: 'Signed Up' });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client built in a handler: the listener goes after it, at its indentation',
    code: `${IMPORT}export const handler = async (event) => {
  const analytics = new Analytics(${OPTIONS}) as Analytics;
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 3,
        column: 21,
        suggestions: [
          {
            messageId: 'addListener',
            output: `${IMPORT}export const handler = async (event) => {
  const analytics = new Analytics(${OPTIONS}) as Analytics;
  analytics.on('error', (error) => {
    console.error(error);
  });
  analytics.track({ userId: event.userId, event: 'Order Completed' });
  await analytics.closeAndFlush();
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'a listener for another event, or on another client, does not count',
    code: `${IMPORT}const first = new Analytics(${OPTIONS});
first.on('drained', () => {});
const second = new Analytics(${OPTIONS});
second.on('error', console.error);
first.track({ userId: 'u1', event: 'A' });
second.track({ userId: 'u1', event: 'B' });`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 2,
        column: 15,
        suggestions: [
          {
            messageId: 'addListener',
            output: `${IMPORT}const first = new Analytics(${OPTIONS});
first.on('error', (error) => {
  console.error(error);
});
first.on('drained', () => {});
const second = new Analytics(${OPTIONS});
second.on('error', console.error);
first.track({ userId: 'u1', event: 'A' });
second.track({ userId: 'u1', event: 'B' });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a callback on another client does not count',
    code: `${IMPORT}const withCallbacks = new Analytics(${OPTIONS});
const without = new Analytics(${OPTIONS});
withCallbacks.track({ userId: 'u1', event: 'A' }, (error) => console.error(error));
without.track({ userId: 'u1', event: 'B' });`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'addListener',
            output: `${IMPORT}const withCallbacks = new Analytics(${OPTIONS});
const without = new Analytics(${OPTIONS});
without.on('error', (error) => {
  console.error(error);
});
withCallbacks.track({ userId: 'u1', event: 'A' }, (error) => console.error(error));
without.track({ userId: 'u1', event: 'B' });`,
          },
        ],
      },
    ],
  },
  {
    name: 'a class field without a listener: no suggestion',
    code: `${IMPORT}export class Tracking {
  private analytics = new Analytics(${OPTIONS});
  record(userId: string) {
    this.analytics.track({ userId, event: 'Recorded' });
  }
}`,
    output: null,
    errors: [{ messageId: 'missingListener', line: 3, column: 23, suggestions: [] }],
  },
  {
    name: 'a let binding and a property of an object literal: no suggestion',
    code: `${IMPORT}let analytics = new Analytics(${OPTIONS});
export const clients = { pipelines: new Analytics(${OPTIONS}) };`,
    output: null,
    errors: [
      { messageId: 'missingListener', line: 2, column: 17, suggestions: [] },
      { messageId: 'missingListener', line: 3, column: 37, suggestions: [] },
    ],
  },
  {
    name: 'a declaration with two declarators: no suggestion',
    code: `${IMPORT}const analytics = new Analytics(${OPTIONS}), enabled = true;`,
    output: null,
    errors: [{ messageId: 'missingListener', line: 2, column: 19, suggestions: [] }],
  },
  {
    name: 'an aliased import',
    code: `import { Analytics as Pipelines } from '@customerio/cdp-analytics-node';
const pipelines = new Pipelines(${OPTIONS});`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 2,
        column: 19,
        suggestions: [
          {
            messageId: 'addListener',
            output: `import { Analytics as Pipelines } from '@customerio/cdp-analytics-node';
const pipelines = new Pipelines(${OPTIONS});
pipelines.on('error', (error) => {
  console.error(error);
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'require with and without destructuring, and a default import',
    code: `const { Analytics } = require('@customerio/cdp-analytics-node');
const cdp = require('@customerio/cdp-analytics-node');
const a = new Analytics({ writeKey: process.env.KEY });
const b = new cdp.Analytics({ writeKey: process.env.KEY });
a.on('error', console.error);`,
    filename: 'analytics.js',
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 4,
        column: 11,
        suggestions: [
          {
            messageId: 'addListener',
            output: `const { Analytics } = require('@customerio/cdp-analytics-node');
const cdp = require('@customerio/cdp-analytics-node');
const a = new Analytics({ writeKey: process.env.KEY });
const b = new cdp.Analytics({ writeKey: process.env.KEY });
b.on('error', (error) => {
  console.error(error);
});
a.on('error', console.error);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a default import and a namespace import',
    code: `import Analytics from '@customerio/cdp-analytics-node';
import * as cdp from '@customerio/cdp-analytics-node';
export const a = new Analytics(${OPTIONS}); // the shared client
export const b = new cdp.Analytics(${OPTIONS});
b.on('error', console.error);`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'addListener',
            output: `import Analytics from '@customerio/cdp-analytics-node';
import * as cdp from '@customerio/cdp-analytics-node';
export const a = new Analytics(${OPTIONS});
a.on('error', (error) => {
  console.error(error);
}); // the shared client
export const b = new cdp.Analytics(${OPTIONS});
b.on('error', console.error);`,
          },
        ],
      },
    ],
  },
];

const typedValid: ValidTestCase<[]>[] = [
  {
    name: 'typed: a client imported from another module is built there, not here',
    code: `import { analytics } from './lib/cio';
analytics.track({ userId: 'u1', event: 'A' });`,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a listener on the imported client does not cover a client built here',
    code: `import { Analytics } from '@customerio/cdp-analytics-node';
import { analytics } from './lib/cio';
analytics.on('error', console.error);
export const second = new Analytics({ writeKey: process.env.SECOND_WRITE_KEY! });`,
    output: null,
    errors: [
      {
        messageId: 'missingListener',
        line: 4,
        column: 23,
        suggestions: [
          {
            messageId: 'addListener',
            output: `import { Analytics } from '@customerio/cdp-analytics-node';
import { analytics } from './lib/cio';
analytics.on('error', console.error);
export const second = new Analytics({ writeKey: process.env.SECOND_WRITE_KEY! });
second.on('error', (error) => {
  console.error(error);
});`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('require-error-listener', rule, { valid, invalid });
createTypedRuleTester().run('require-error-listener (typed)', rule, { valid: typedValid, invalid: typedInvalid });
describeFixSafety('require-error-listener', rule, invalid);
describeFixSafety('require-error-listener', rule, typedInvalid, true);
