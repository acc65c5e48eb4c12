import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/prefer-upsert.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * prefer-upsert: Klaviyo's `createProfile` rejects with 409 `duplicate_profile` when any of the
 * identifiers already belongs to a profile, so a sign-up flow that calls it for a returning person
 * fails. `createOrUpdateProfile` (klaviyo-api 8+) creates or updates. Calls whose 409 is handled,
 * or that follow a lookup of the profile, are deliberate.
 */

type MessageIds = 'preferUpsert' | 'useUpsert';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function projectWith(version: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdp-upsert-'));
  roots.push(root);
  mkdirSync(path.join(root, 'node_modules', 'klaviyo-api'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'klaviyo-api', 'package.json'), JSON.stringify({ name: 'klaviyo-api', version }));
  return path.join(root, 'src', 'signup.js');
}
const v7File = projectWith('7.2.0');

const KLAVIYO = `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
const profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY));
`;
const BODY = `{ data: { type: 'profile', attributes: { email } } }`;
const DATA = { method: 'createProfile', status: '409', code: 'duplicate_profile', upsert: 'createOrUpdateProfile' };
const preferUpsert = (output: string) => ({
  messageId: 'preferUpsert' as const,
  data: DATA,
  suggestions: [{ messageId: 'useUpsert' as const, data: DATA, output }],
});

const valid: ValidTestCase<[]>[] = [
  {
    name: 'the upsert itself',
    code: `${KLAVIYO}await profiles.createOrUpdateProfile(${BODY});`,
  },
  {
    name: 'a try/catch that tells the 409 apart',
    code: `${KLAVIYO}export async function signUp(email) {
  try {
    await profiles.createProfile(${BODY});
  } catch (error) {
    if (error.response?.status !== 409) throw error;
    const id = error.response.data.errors[0].meta.duplicate_profile_id;
    await profiles.updateProfile(id, { data: { type: 'profile', id, attributes: { email } } });
  }
}`,
  },
  {
    name: 'a .catch that reads the error status, or the duplicate_profile code',
    code: `${KLAVIYO}profiles.createProfile(${BODY}).catch((error) => (error.status === 409 ? null : Promise.reject(error)));
profiles.createProfile(${BODY}).then(
  ({ body }) => body.data.id,
  (error) => { if (error.response.data.errors.some((e) => e.code === 'duplicate_profile')) return undefined; throw error; },
);`,
  },
  {
    name: 'a local helper called from the catch, or passed as the handler',
    code: `${KLAVIYO}function isDuplicate(error) {
  return error?.response?.status === 409;
}
async function onCreateError(error) {
  if (!isDuplicate(error)) throw error;
}
export async function signUp(email) {
  try {
    await profiles.createProfile(${BODY});
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  await profiles.createProfile(${BODY}).catch(onCreateError);
}`,
  },
  {
    name: 'a local function whose callers handle the 409',
    code: `${KLAVIYO}async function create(email) {
  return profiles.createProfile(${BODY});
}
export async function signUp(email) {
  try {
    await create(email);
  } catch (error) {
    if (error.response?.status === 409) return;
    throw error;
  }
}`,
  },
  {
    name: 'the profile is looked up first in the same function',
    code: `${KLAVIYO}export async function ensure(email) {
  const found = await profiles.getProfiles({ filter: \`equals(email,"\${email}")\` });
  if (found.body.data.length === 0) await profiles.createProfile(${BODY});
}`,
  },
  {
    name: 'klaviyo-api before 8.0 has no createOrUpdateProfile',
    filename: v7File,
    code: `${KLAVIYO}await profiles.createProfile(${BODY});`,
  },
  {
    name: 'look-alike methods of other clients',
    code: `${KLAVIYO}await hubspot.createProfile(${BODY});
await stripe.customers.create({ email });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: createProfile in a sign-up handler',
    code: `${KLAVIYO}app.post('/signup', async (req, res) => {
  await profiles.createProfile({ data: { type: 'profile', attributes: { email: req.body.email } } });
  res.sendStatus(201);
});`,
    output: null,
    errors: [
      {
        ...preferUpsert(`${KLAVIYO}app.post('/signup', async (req, res) => {
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email: req.body.email } } });
  res.sendStatus(201);
});`),
        line: 4,
        column: 18,
      },
    ],
  },
  {
    name: 'a catch that only logs does not handle the conflict',
    code: `${KLAVIYO}try {
  await profiles.createProfile(${BODY});
} catch (error) {
  logger.error('klaviyo failed', error);
}`,
    output: null,
    errors: [
      preferUpsert(`${KLAVIYO}try {
  await profiles.createOrUpdateProfile(${BODY});
} catch (error) {
  logger.error('klaviyo failed', error);
}`),
    ],
  },
  {
    name: 'a .then without a rejection handler, and .catch(console.error)',
    code: `${KLAVIYO}profiles.createProfile(${BODY}).then(({ body }) => save(body.data.id)).catch(console.error);`,
    output: null,
    errors: [
      preferUpsert(
        `${KLAVIYO}profiles.createOrUpdateProfile(${BODY}).then(({ body }) => save(body.data.id)).catch(console.error);`,
      ),
    ],
  },
  {
    name: 'global singletons after ConfigWrapper, through require, and a computed member',
    code: `const { ConfigWrapper, Profiles } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
module.exports = async (email) => Profiles['createProfile'](${BODY});`,
    output: null,
    errors: [
      preferUpsert(`const { ConfigWrapper, Profiles } = require('klaviyo-api');
ConfigWrapper(process.env.KLAVIYO_PRIVATE_API_KEY);
module.exports = async (email) => Profiles['createOrUpdateProfile'](${BODY});`),
    ],
  },
  {
    name: 'the Klaviyo namespace after new GlobalApiKeySettings',
    code: `import * as klaviyo from 'klaviyo-api';
new klaviyo.GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
await klaviyo.Klaviyo.Profiles.createProfile(${BODY});`,
    output: null,
    errors: [
      preferUpsert(`import * as klaviyo from 'klaviyo-api';
new klaviyo.GlobalApiKeySettings(process.env.KLAVIYO_PRIVATE_API_KEY);
await klaviyo.Klaviyo.Profiles.createOrUpdateProfile(${BODY});`),
    ],
  },
  {
    name: 'a client in a class field',
    code: `import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export class Crm {
  private profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  async register(email: string) {
    const { body } = await this.profiles.createProfile({ data: { type: 'profile', attributes: { email } } });
    return body.data.id;
  }
}`,
    output: null,
    errors: [
      preferUpsert(`import { ApiKeySession, ProfilesApi } from 'klaviyo-api';
export class Crm {
  private profiles = new ProfilesApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  async register(email: string) {
    const { body } = await this.profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email } } });
    return body.data.id;
  }
}`),
    ],
  },
  {
    name: 'a lookup in another function does not cover this call',
    code: `${KLAVIYO}export async function find(email) {
  return profiles.getProfiles({ filter: \`equals(email,"\${email}")\` });
}
export async function create(email) {
  return profiles.createProfile(${BODY});
}`,
    output: null,
    errors: [
      preferUpsert(`${KLAVIYO}export async function find(email) {
  return profiles.getProfiles({ filter: \`equals(email,"\${email}")\` });
}
export async function create(email) {
  return profiles.createOrUpdateProfile(${BODY});
}`),
    ],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `import { profiles } from './lib/klaviyo';
export async function register(email: string) {
  await profiles.createProfile({ data: { type: 'profile', attributes: { email } } } as never);
}`,
    output: null,
    errors: [
      preferUpsert(`import { profiles } from './lib/klaviyo';
export async function register(email: string) {
  await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email } } } as never);
}`),
    ],
  },
];

createRuleTester().run('prefer-upsert', rule, { valid, invalid });
createTypedRuleTester().run('prefer-upsert (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('prefer-upsert', rule, invalid);
describeFixSafety('prefer-upsert', rule, typedInvalid, true);
