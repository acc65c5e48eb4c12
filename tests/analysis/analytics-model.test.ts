// Engine support the analytics SDKs needed: functions bound to a module's own client (Amplitude),
// sub-clients reached through a property (Mixpanel's `people`), fields that give way to a whole
// payload object, and promise holders (`{ promise }`) in promise flows and settlements.
import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { settlementOf } from '../../src/analysis/lifecycle.js';
import { getSdkPromises } from '../../src/analysis/promises.js';
import { getSdkAnalysis } from '../../src/analysis/sdk-calls.js';
import { probeFile } from './probe.js';

describe('engine: module functions bound to a client', () => {
  it('resolves Amplitude module functions, the namespace and a created instance alike', () => {
    expect(
      probeFile(`
        import { track as send, flush } from '@amplitude/analytics-node';
        import * as amplitude from '@amplitude/analytics-node';
        const { identify } = require('@amplitude/analytics-node');
        const client = amplitude.createInstance();
        send('a', { p: 1 }, { user_id: u, time: t });
        amplitude.track({ event_type: 'b', user_id: u });
        identify(id, { device_id: d });
        client.flush();
        flush();
      `),
    ).toEqual([
      'new NodeClient',
      "NodeClient.track eventName='a' eventProperties={ p: 1 } personId=u timestamp=t",
      "NodeClient.track eventName='b' personId=u",
      'NodeClient.identify anonymousId=d',
      'NodeClient.flush',
      'NodeClient.flush',
    ]);
  });

  it('does not take a local function of the same name for the SDK one', () => {
    expect(
      probeFile(`
        import * as amplitude from '@amplitude/analytics-node';
        function track(name) {}
        track('x');
      `),
    ).toEqual([]);
  });
});

describe('engine: sub-clients and factories', () => {
  it('follows Mixpanel.init and mp.people to their clients', () => {
    expect(
      probeFile(`
        import Mixpanel from 'mixpanel';
        const mp = Mixpanel.init(token, { host: 'api-eu.mixpanel.com' });
        mp.track('x', { distinct_id: u });
        mp.people.set(u, { plan: 'pro' });
        mp.people.unknownMethod(u);
      `),
    ).toEqual([
      "new Mixpanel credential=token options={ host: 'api-eu.mixpanel.com' } region='api-eu.mixpanel.com'",
      "Mixpanel.track eventName='x' eventProperties={ distinct_id: u } personId=u",
      "People.set personId=u attributes={ plan: 'pro' }",
    ]);
  });
});

/** Runs `inspect` inside a rule, where the engine's analysis is available. */
function inRule<T>(code: string, inspect: (context: Readonly<TSESLint.RuleContext<string, []>>) => T): T {
  let result: T | undefined;
  const rule = ESLintUtils.RuleCreator.withoutDocs({
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      return { 'Program:exit': () => void (result = inspect(context)) };
    },
  });
  new Linter({ configType: 'flat' }).verify(code, [
    { files: ['**/*.ts'], languageOptions: { parser }, plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' } },
  ], 'file.ts');
  return result as T;
}

describe('engine: promise holders', () => {
  const flushCall = (context: Readonly<TSESLint.RuleContext<string, []>>, index = 0): TSESTree.CallExpression =>
    getSdkAnalysis(context).calls.filter((call) => call.method.name === 'flush')[index].node;

  it('settles where the holder’s promise is read; the holder alone waits for nothing', () => {
    const kinds = inRule(
      `import { flush } from '@amplitude/analytics-node';
      async function a() { await flush().promise; }
      async function b() { await flush(); }
      function c() { flush().promise; }
      function d() { return flush().promise; }`,
      (context) => [0, 1, 2, 3].map((i) => {
        const settlement = settlementOf(flushCall(context, i));
        return `${settlement.kind}${settlement.holder ? ' (holder)' : ''}`;
      }),
    );
    expect(kinds).toEqual(['awaited', 'dropped (holder)', 'dropped', 'returned']);
  });

  it('follows a flush holder’s promise, and leaves never-rejecting sends out', () => {
    const flows = inRule(
      `import { track, flush } from '@amplitude/analytics-node';
      async function done() { await flush().promise; }
      export function run() {
        track('x');
        done();
      }`,
      (context) => getSdkPromises(context).map(({ call, flow }) => `${call.method.name}: ${flow.drops.length} drop(s), ${flow.awaits.length} await(s)`),
    );
    expect(flows).toEqual(['flush: 1 drop(s), 1 await(s)']);
  });
});
