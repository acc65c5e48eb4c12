import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../../src/rules/index.js';
import { klaviyoApi } from '../../src/sdk/klaviyo-api.js';
import type { MethodSpec, PayloadModel } from '../../src/sdk/types.js';
import { createRuleTester } from '../rule-tester.js';

/** The JavaScript rules of the registry, as the rule tester takes them. */
const jsRule = (name: string): TSESLint.RuleModule<string, readonly unknown[]> =>
  rules[name] as TSESLint.RuleModule<string, readonly unknown[]>;

/*
 * Klaviyo in the generic rules, and the Klaviyo tables checked against the installed package.
 * Every way real code reaches the SDK is tried: named imports, the `Klaviyo` namespace object, a
 * namespace import, `require`, and the global singletons (`Profiles`, `Events`) after
 * `ConfigWrapper(key)` or `new GlobalApiKeySettings(key)`.
 */

const require = createRequire(import.meta.url);
const sdk = require('klaviyo-api') as Record<string, unknown>;
const packageDir = path.dirname(require.resolve('klaviyo-api/package.json'));

interface Attribute {
  name: string;
  baseName: string;
  type: string;
}
const attributeMap = (type: string): Attribute[] | undefined =>
  (sdk[type] as { attributeTypeMap?: Attribute[] } | undefined)?.attributeTypeMap;
const element = (type: string): string => /^Array<(.+)>$/.exec(type)?.[1] ?? type;

/** Does the model, or one below it, send an attribute under another name? */
function renames(type: string, seen = new Set<string>()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  return (attributeMap(type) ?? []).some(
    (attribute) => attribute.name !== attribute.baseName || (attributeMap(element(attribute.type)) !== undefined && renames(element(attribute.type), seen)),
  );
}

const methods = klaviyoApi.clients.flatMap((client) => client.methods.map((method) => ({ client: client.name, method })));
const withBody = methods.filter((entry): entry is { client: string; method: MethodSpec & { body: NonNullable<MethodSpec['body']> } } =>
  Boolean(entry.method.body),
);

describe('the Klaviyo request models match the installed klaviyo-api', () => {
  it('models the bodies of the main write methods', () => {
    const names = new Set(withBody.map((entry) => entry.method.name));
    for (const name of ['createEvent', 'createProfile', 'createOrUpdateProfile', 'updateProfile', 'bulkSubscribeProfiles', 'bulkImportProfiles', 'addProfilesToList']) {
      expect(names, name).toContain(name);
    }
  });

  it.each(withBody.map((entry) => [`${entry.client}.${entry.method.name}`, entry] as const))(
    '%s: the body argument has the model’s type, and every model on a path to a renamed attribute is listed in full',
    (_name, { client, method }) => {
      const prototype = (sdk[client] as { prototype: Record<string, unknown> }).prototype;
      expect(typeof prototype[method.name]).toBe('function');
      // The declared parameter types: `createProfile(profileCreateQuery: ProfileCreateQuery, options?…)`.
      const declarations = readFileSync(path.join(packageDir, 'dist', 'api', `${client[0].toLowerCase()}${client.slice(1)}.d.ts`), 'utf8');
      const canonical = Object.getOwnPropertyNames(prototype).find((key) => prototype[key] === prototype[method.name] && declarations.includes(`    ${key}(`)) ?? method.name;
      const signature = new RegExp(`^\\s+${canonical}\\(([^)]*)`, 'm').exec(declarations)?.[1] ?? '';
      const parameterTypes = [...signature.matchAll(/\w+\??: (\w+)/g)].map((match) => match[1]);
      expect(parameterTypes[method.body.index]).toBe(method.body.model.name);

      const check = (model: PayloadModel): void => {
        const actual = attributeMap(model.name);
        expect(actual, model.name).toBeDefined();
        expect(Object.keys(model.attributes), model.name).toEqual(actual!.map((attribute) => attribute.name));
        for (const attribute of actual!) {
          const listed = model.attributes[attribute.name];
          expect(listed.wire, `${model.name}.${attribute.name}`).toBe(attribute.name === attribute.baseName ? undefined : attribute.baseName);
          const inner = element(attribute.type);
          if (attributeMap(inner) && renames(inner)) {
            expect(listed.model?.name, `${model.name}.${attribute.name}`).toBe(inner);
            expect(listed.list === true, `${model.name}.${attribute.name} is a list`).toBe(attribute.type.startsWith('Array<'));
            check(listed.model!);
          } else {
            expect(listed.model, `${model.name}.${attribute.name} has nothing renamed below it`).toBeUndefined();
          }
        }
      };
      check(method.body.model);
    },
  );

  it('the serialiser drops the wire name and sends the attribute name under it (the premise of no-ignored-payload-keys)', () => {
    const serializer = sdk.ObjectSerializer as { serialize(data: unknown, type: string): unknown };
    const sent = serializer.serialize(
      {
        data: {
          type: 'event',
          attributes: {
            properties: { unique_id: 'kept as written' },
            unique_id: 'dropped',
            metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
            profile: { data: { type: 'profile', attributes: { phone_number: '+15005550006', externalId: 'u1' } } },
          },
        },
      },
      'EventCreateQueryV2',
    );
    expect(sent).toEqual({
      data: {
        type: 'event',
        attributes: {
          properties: { unique_id: 'kept as written' },
          metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
          profile: { data: { type: 'profile', attributes: { external_id: 'u1' } } },
        },
      },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The generic rules on Klaviyo code.

const ruleTester = createRuleTester();
type Case = InvalidTestCase<string, readonly unknown[]>;

// Credential-shaped test values, split so that no scanner takes this file for a leak.
const PRIVATE_KEY = 'pk_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb';
const PUBLIC_KEY = 'Xy' + '7Kq2';

/** The shapes code reaches a Klaviyo client or singleton in, each ending with `<client>.`. */
const ACCESS: Readonly<Record<string, { head: string; profiles: string; events: string }>> = {
  'named imports': {
    head: `import { ApiKeySession, ProfilesApi, EventsApi } from 'klaviyo-api';
const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY);
const profiles = new ProfilesApi(session);
const events = new EventsApi(session);
`,
    profiles: 'profiles',
    events: 'events',
  },
  'ConfigWrapper and the global singletons': {
    head: `import { ConfigWrapper, Profiles, Events } from 'klaviyo-api';
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
`,
    profiles: 'Profiles',
    events: 'Events',
  },
  'GlobalApiKeySettings and Klaviyo.Profiles': {
    head: `import { GlobalApiKeySettings, Klaviyo } from 'klaviyo-api';
new GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
`,
    profiles: 'Klaviyo.Profiles',
    events: 'Klaviyo.Events',
  },
  'a namespace import': {
    head: `import * as klaviyo from 'klaviyo-api';
const session = new klaviyo.ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY);
const profiles = new klaviyo.ProfilesApi(session);
`,
    profiles: 'profiles',
    events: 'klaviyo.Events',
  },
  require: {
    head: `const { ConfigWrapper, Profiles, EventsApi, ApiKeySession } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY));
`,
    profiles: 'Profiles',
    events: 'events',
  },
  'a client in a class field': {
    head: `import { ApiKeySession, ProfilesApi, EventsApi } from 'klaviyo-api';
class Crm {
  profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY));
  events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY));
  async run(order, user) {
`,
    profiles: 'this.profiles',
    events: 'this.events',
  },
};
const tail = (shape: string): string => (shape === 'a client in a class field' ? '\n  }\n}' : '');
const shapes = Object.entries(ACCESS);
const lineOf = (code: string, needle: string): number => code.slice(0, code.indexOf(needle)).split('\n').length;

const event = (attributes: string): string =>
  `{ data: { type: 'event', attributes: { properties: {}, ${attributes}, profile: { data: { type: 'profile', attributes: { externalId: user.id } } } } } }`;
const metric = (name: string): string => `metric: { data: { type: 'metric', attributes: { name: ${name} } } }`;

describe('valid-timestamps: Klaviyo `time` slots take a Date', () => {
  const invalid: Case[] = shapes.map(([shape, access]) => {
    const code = `${access.head}await ${access.events}.createEvent(${event(`time: Date.now(), uniqueId: order.id, ${metric("'Placed Order'")}`)});${tail(shape)}`;
    const suggestions = [{ messageId: 'suggestDateFromMillis', output: code.replace('time: Date.now()', 'time: new Date()') }];
    return { name: shape, code, output: null, errors: [{ messageId: 'numberForDate', line: lineOf(code, 'Date.now()'), suggestions }] };
  });
  const valid: ValidTestCase<readonly unknown[]>[] = shapes.map(([shape, access]) => ({
    name: shape,
    code: `${access.head}await ${access.events}.createEvent(${event(`time: new Date(order.placedAt), ${metric("'Placed Order'")}`)});${tail(shape)}`,
  }));
  ruleTester.run('valid-timestamps', jsRule('valid-timestamps'), { valid, invalid });
});

describe('no-dynamic-event-names: the metric name is the event name', () => {
  const invalid: Case[] = shapes.map(([shape, access]) => {
    const code = `${access.head}await ${access.events}.createEvent(${event(metric('`Viewed ${product.name}`'))});${tail(shape)}`;
    return { name: shape, code, output: null, errors: [{ messageId: 'dynamicName', line: lineOf(code, '`Viewed') }] };
  });
  const valid: ValidTestCase<readonly unknown[]>[] = shapes.map(([shape, access]) => ({
    name: shape,
    code: `${access.head}await ${access.events}.createEvent(${event(`uniqueId: \`\${order.id}-\${Date.now()}\`, ${metric("'Viewed Product'")}`)});${tail(shape)}`,
  }));
  ruleTester.run('no-dynamic-event-names', jsRule('no-dynamic-event-names'), { valid, invalid });
});

describe('valid-phone-numbers: phoneNumber on profiles and on event profiles', () => {
  const invalid: Case[] = shapes.flatMap(([shape, access]) => {
    const code = `${access.head}await ${access.profiles}.createProfile({ data: { type: 'profile', attributes: { phoneNumber: '555-123-4567' } } });
await ${access.profiles}.createOrUpdateProfile({ data: { type: 'profile', attributes: { phoneNumber: 15551234567 } } });
await ${access.profiles}.updateProfile(id, { data: { type: 'profile', id, attributes: { phoneNumber: '(555) 123-4567' } } });${tail(shape)}`;
    return [
      {
        name: shape,
        code,
        output: null,
        errors: [
          { messageId: 'notE164', line: lineOf(code, "'555-123") },
          { messageId: 'numberNotString', line: lineOf(code, '15551234567') },
          { messageId: 'notE164', line: lineOf(code, "'(555)") },
        ],
      },
    ];
  });
  invalid.push({
    name: 'the deprecated alias createProfileImport, and an event profile',
    code: `${ACCESS['named imports'].head}await profiles.createProfileImport({ data: { type: 'profile', attributes: { phoneNumber: '555 123 4567' } } });
await events.createEvent({ data: { type: 'event', attributes: { properties: {}, ${metric("'Placed Order'")}, profile: { data: { type: 'profile', attributes: { phoneNumber: '5551234567' } } } } } });`,
    output: null,
    errors: [{ messageId: 'notE164', line: 5 }, { messageId: 'notE164', line: 6 }],
  });
  const valid: ValidTestCase<readonly unknown[]>[] = shapes.map(([shape, access]) => ({
    name: shape,
    code: `${access.head}await ${access.profiles}.createProfile({ data: { type: 'profile', attributes: { phoneNumber: '+15551234567', properties: { office_phone: '555-123-4567' } } } });${tail(shape)}`,
  }));
  ruleTester.run('valid-phone-numbers', jsRule('valid-phone-numbers'), { valid, invalid });
});

const SESSIONS = `const { ApiKeySession, ConfigWrapper, GlobalApiKeySettings } = require('klaviyo-api');
new ApiKeySession('${PRIVATE_KEY}');
ConfigWrapper('${PRIVATE_KEY}');
new GlobalApiKeySettings('${PRIVATE_KEY}');`;
const IN_CONFIG = `export const config = { klaviyo: { key: '${PRIVATE_KEY}' } };`;
/** The suggestion that reads the key on line `line` (1-based) from the environment. */
const useEnv = (code: string, line: number) => ({
  messageId: 'useEnv',
  output: code
    .split('\n')
    .map((text, index) => (index === line - 1 ? text.replace(`'${PRIVATE_KEY}'`, 'process.env.KLAVIYO_PRIVATE_API_KEY!') : text))
    .join('\n'),
});

describe('credentials: the private key belongs in the session, never in source, and never the public key', () => {
  ruleTester.run('no-hardcoded-credentials', jsRule('no-hardcoded-credentials'), {
    valid: [
      {
        name: 'keys from the environment in every session shape',
        code: `import { ApiKeySession, ConfigWrapper, GlobalApiKeySettings, Klaviyo } from 'klaviyo-api';
new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY);
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
new GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
new Klaviyo.ApiKeySession(config.klaviyo.privateKey);`,
      },
    ],
    invalid: [
      {
        name: 'a pk_ key in each session shape, through require too',
        code: SESSIONS,
        output: null,
        errors: [2, 3, 4].map((line) => ({ messageId: 'hardcoded', line, suggestions: [useEnv(SESSIONS, line)] })),
      },
      {
        name: 'a pk_ key anywhere in source, in a file that never imports the SDK',
        code: IN_CONFIG,
        output: null,
        errors: [{ messageId: 'keyInSource', line: 1, suggestions: [useEnv(IN_CONFIG, 1)] }],
      },
    ],
  });

  ruleTester.run('no-mismatched-credentials', jsRule('no-mismatched-credentials'), {
    valid: [
      {
        name: 'the private key, named as such',
        code: `import * as klaviyo from 'klaviyo-api';
new klaviyo.ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY);`,
      },
    ],
    invalid: [
      {
        name: 'the 6-character public key (site ID) in a session, through a namespace import and require',
        code: `import * as klaviyo from 'klaviyo-api';
const { ConfigWrapper } = require('klaviyo-api');
new klaviyo.ApiKeySession('${PUBLIC_KEY}');
ConfigWrapper('${PUBLIC_KEY}');
new klaviyo.Klaviyo.ApiKeySession(process.env.KLAVIYO_PUBLIC_KEY);`,
        output: null,
        errors: [
          { messageId: 'wrongShape', line: 3 },
          { messageId: 'wrongShape', line: 4 },
          { messageId: 'wrongName', line: 5 },
        ],
      },
    ],
  });
});
