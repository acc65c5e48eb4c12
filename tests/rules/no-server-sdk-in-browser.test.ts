import rule from '../../src/rules/no-server-sdk-in-browser.js';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const CIO_SECRETS = 'its Track API key, App API key or Data Pipelines write key';
const CIO_BROWSER = '`@customerio/cdp-analytics-browser` (or the JavaScript snippet) with a public write key';
const CIO_SDK = 'Customer.io (customerio-node)';
const cioNode = (reason: string) => ({ module: 'customerio-node', secrets: CIO_SECRETS, reason, alternative: CIO_BROWSER });

const valid: ValidTestCase<Options>[] = [
  {
    // Without its class the client may be an analytics SDK's, whose key is public: not a leak to report.
    name: "a client module declared without its class (settings.cdp.clients) in a 'use client' file",
    filename: 'src/components/Signup.tsx',
    settings: { cdp: { clients: { './lib/analytics': ['analytics'] } } },
    code: `
'use client';
import { analytics } from '../lib/analytics';
export function Signup() { return <button onClick={() => analytics}>Sign up</button>; }
`,
  },
  {
    name: 'a server module with no sign of client-side code',
    filename: 'src/lib/cio.ts',
    code: `
import { TrackClient, RegionEU } from 'customerio-node';
export const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, { region: RegionEU });
`,
  },
  {
    name: 'a Next.js server component: JSX in app/ without use client renders on the server',
    filename: 'app/dashboard/page.tsx',
    code: `
import React from 'react';
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.CIO_APP_KEY!);
export default async function Page() {
  const attributes = await api.getAttributes('42');
  return <pre>{JSON.stringify(attributes)}</pre>;
}
`,
  },
  {
    name: 'a Next.js route handler and a pages-router API route',
    filename: 'src/pages/api/track.ts',
    code: `
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
export default async function handler(req, res) { await cio.track(req.body.id, { name: 'clicked' }); res.end(); }
`,
  },
  {
    name: "a 'use server' module of server actions",
    filename: 'src/actions/signup.tsx',
    code: `
'use server';
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
export async function signup(form: FormData) { await cio.identify(String(form.get('id')), {}); return <p>ok</p>; }
`,
  },
  {
    name: 'a pages-router page that uses the SDK only in getServerSideProps (Next.js strips it from the bundle)',
    filename: 'src/pages/profile.tsx',
    code: `
import { APIClient } from 'customerio-node';
export const getServerSideProps = async () => {
  const api = new APIClient(process.env.CIO_APP_KEY!);
  return { props: { attributes: await api.getAttributes('42') } };
};
export default function Profile({ attributes }) { return <pre>{JSON.stringify(attributes)}</pre>; }
`,
  },
  {
    name: 'a route module whose action runs on the server',
    filename: 'src/routes/newsletter.tsx',
    code: `
import { Form } from '@remix-run/react';
import { TrackClient } from 'customerio-node';
export async function action({ request }) {
  const cio = new TrackClient(process.env.A!, process.env.B!);
  await cio.identify((await request.formData()).get('email'), {});
  return null;
}
export default function Newsletter() { return <Form method="post" />; }
`,
  },
  {
    name: "type-only imports in a 'use client' file are erased",
    filename: 'src/components/Status.tsx',
    code: `
'use client';
import type { TrackClient } from 'customerio-node';
import { type APIClient } from 'customerio-node';
import { PipelinesClient } from 'customerio-node';
export type Clients = { track: TrackClient; api: APIClient; pipes: PipelinesClient };
export function Status() { return <span>ok</span>; }
`,
  },
  {
    name: "the browser SDK in a 'use client' component",
    filename: 'src/components/Tracker.tsx',
    code: `
'use client';
import { AnalyticsBrowser } from '@customerio/cdp-analytics-browser';
import { useEffect } from 'react';
const cioanalytics = AnalyticsBrowser.load({ writeKey: process.env.NEXT_PUBLIC_CIO_WRITE_KEY! });
export function Tracker() { useEffect(() => { cioanalytics.page(); }, []); return null; }
`,
  },
  {
    name: 'server-side rendering with react-dom/server',
    filename: 'src/render.tsx',
    code: `
import { renderToString } from 'react-dom/server';
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
export async function render(id: string) { await cio.trackPageView(id, '/'); return renderToString(<div />); }
`,
  },
  {
    name: 'an email template rendered on the server',
    filename: 'src/templates/welcome.tsx',
    code: `
import { Html, Text } from '@react-email/components';
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.CIO_APP_KEY!);
export const Welcome = () => <Html><Text>Welcome</Text></Html>;
export const send = (to: string) => api.sendEmail(new SendEmailRequest({ to, transactional_message_id: '1', identifiers: { email: to } }));
`,
  },
  {
    name: 'a component test runs in Node, and a story is not the product',
    filename: 'src/components/__tests__/Signup.test.tsx',
    code: `
import { render } from '@testing-library/react';
import { TrackClient } from 'customerio-node';
vi.mock('customerio-node');
it('tracks', () => { render(<div />); expect(TrackClient).toHaveBeenCalled(); });
`,
  },
  {
    name: 'stories',
    filename: 'src/components/Signup.stories.tsx',
    code: `
import { TrackClient } from 'customerio-node';
export default { title: 'Signup' };
export const Default = () => <div data-client={String(TrackClient)} />;
`,
  },
  {
    name: "a module that imports 'server-only', Node built-ins or a server framework",
    filename: 'src/lib/tracking.tsx',
    code: `
import 'server-only';
import { readFile } from 'node:fs/promises';
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
export const Banner = async () => <p>{await readFile('banner.txt', 'utf8')}</p>;
`,
  },
  {
    name: 'JSX rendered by a server framework (Hono)',
    filename: 'src/views/signup.tsx',
    code: `
/** @jsxImportSource hono/jsx */
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.A!, process.env.B!);
export const Signup = () => <form method="post" action="/signup" />;
export { cio };
`,
  },
  {
    name: 'serverGlobs: server-rendered views that the heuristics would take for components',
    filename: 'src/ssr/page.tsx',
    options: [{ clientGlobs: ['src/**'], serverGlobs: ['src/ssr/**'] }],
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(process.env.A!, process.env.B!);
export const Page = () => <main />;
`,
  },
  {
    name: "a 'use client' file importing the app's own module, not declared as holding a client",
    filename: 'src/components/Signup.tsx',
    code: `
'use client';
import { trackSignup } from '@/actions/tracking';
export function Signup() { return <button onClick={() => trackSignup()}>Sign up</button>; }
// customerio-node is called in the server action
`,
  },
  {
    name: 'a plain module without any client-side signal, next to components',
    filename: 'src/components/format.ts',
    code: `
import { CustomerIORequestError } from 'customerio-node';
export const describe = (error: unknown) => (error instanceof CustomerIORequestError ? error.message : String(error));
`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "the catalog's wrong code: a server SDK imported in a 'use client' component",
    filename: 'app/signup/form.tsx',
    code: `
'use client';
import { TrackClient } from 'customerio-node';
const cio = new TrackClient(process.env.NEXT_PUBLIC_CIO_SITE_ID!, process.env.NEXT_PUBLIC_CIO_KEY!);
export function SignupForm() {
  return <button onClick={() => cio.track('anonymous', { name: 'signup_clicked' })}>Sign up</button>;
}
`,
    errors: [
      {
        messageId: 'serverSdk',
        line: 3,
        column: 29,
        data: cioNode("it starts with 'use client'"),
      },
    ],
    output: null,
  },
  {
    name: 'a React component of a single-page app (JSX), with an aliased import',
    filename: 'src/components/Checkout.tsx',
    code: `
import { APIClient as CustomerIO } from 'customerio-node';
const api = new CustomerIO(import.meta.env.VITE_CIO_APP_KEY);
export function Checkout() { return <button onClick={() => api.getAttributes('1')}>Pay</button>; }
`,
    errors: [{ messageId: 'serverSdk', line: 2, column: 41, data: cioNode('it renders JSX') }],
    output: null,
  },
  {
    name: 'a hook that imports React, with require and a namespace import',
    filename: 'src/hooks/useTracking.js',
    code: `
const { useCallback } = require('react');
const customerio = require('customerio-node');
export function useTracking() {
  return useCallback((id) => new customerio.TrackClient(process.env.A, process.env.B).track(id, { name: 'x' }), []);
}
`,
    errors: [{ messageId: 'serverSdk', line: 3, column: 28, data: cioNode('it imports the UI framework `react`') }],
    output: null,
  },
  {
    name: 'a Vue component file',
    filename: 'src/components/Signup.vue',
    code: `
import * as Klaviyo from 'klaviyo-api';
export default { methods: { subscribe() { return new Klaviyo.ProfilesApi(new Klaviyo.ApiKeySession('x')).createProfile({}); } } };
`,
    errors: [
      {
        messageId: 'serverSdk',
        line: 2,
        column: 26,
        data: {
          module: 'klaviyo-api',
          reason: 'it is a .vue component',
          secrets: 'its private API key',
          alternative: 'the klaviyo.js onsite script with your public key (site ID)',
        },
      },
    ],
    output: null,
  },
  {
    name: 'the browser entry of a React app, even under app/',
    filename: 'src/app/main.tsx',
    code: `
import { createRoot } from 'react-dom/client';
import { Analytics } from '@customerio/cdp-analytics-node';
export const analytics = new Analytics({ writeKey: import.meta.env.VITE_CIO_WRITE_KEY });
createRoot(document.getElementById('root')!).render(<div />);
`,
    errors: [
      {
        messageId: 'serverSdk',
        line: 3,
        column: 27,
        data: {
          module: '@customerio/cdp-analytics-node',
          reason: 'it imports the UI framework `react-dom/client`',
          secrets: 'its Data Pipelines write key',
          alternative: "`@customerio/cdp-analytics-browser` with a browser source's write key",
        },
      },
    ],
    output: null,
  },
  {
    name: 'a Vue module under app/ (Nuxt): app/ means server components only for React',
    filename: 'app/composables/useNewsletter.ts',
    code: `
import { ref } from 'vue';
import { ConfigWrapper, Profiles } from 'klaviyo-api';
export function useNewsletter() { ConfigWrapper(useRuntimeConfig().klaviyoKey); return { done: ref(false), Profiles }; }
`,
    errors: [{ messageId: 'serverSdk', line: 3, column: 41 }],
    output: null,
  },
  {
    name: 'clientGlobs: plain TypeScript bundled for the browser',
    filename: 'frontend/src/tracking.ts',
    options: [{ clientGlobs: ['frontend/**'], serverGlobs: [] }],
    code: `
import { TrackClient } from 'customerio-node';
export const cio = new TrackClient(window.CIO_SITE_ID, window.CIO_KEY);
`,
    errors: [{ messageId: 'serverSdk', line: 2, column: 29, data: cioNode('it matches the client-side glob `frontend/**`') }],
    output: null,
  },
  {
    name: "a dynamic import, a deep path, a re-export and an import-equals in a 'use client' file",
    filename: 'src/components/Lazy.tsx',
    code: `
"use client";
import cio = require('customerio-node');
export { Analytics } from '@customerio/cdp-analytics-node';
export * from 'klaviyo-api';
export async function load() {
  const { TrackClient } = await import('customerio-node/dist/lib/track');
  return [TrackClient, cio.RegionEU];
}
`,
    errors: [
      { messageId: 'serverSdk', line: 3, column: 22 },
      { messageId: 'serverSdk', line: 4, column: 27 },
      { messageId: 'serverSdk', line: 5, column: 15 },
      { messageId: 'serverSdk', line: 7, column: 40 },
    ],
    output: null,
  },
  {
    name: "the app's client module (settings.cdp.clients) imported into a 'use client' file",
    filename: 'src/components/Signup.tsx',
    settings: { cdp: { clients: { './lib/cio': { cio: 'TrackClient' }, './lib/klaviyo': { profiles: 'ProfilesApi' } } } },
    code: `
'use client';
import { cio } from '@/lib/cio';
import { profiles } from '../lib/klaviyo';
export function Signup() { return <button onClick={() => [cio.track('a', { name: 'b' }), profiles]}>Sign up</button>; }
`,
    errors: [
      {
        messageId: 'serverClient',
        line: 3,
        column: 21,
        data: {
          module: '@/lib/cio',
          client: '`cio`, a TrackClient',
          sdk: CIO_SDK,
          secrets: CIO_SECRETS,
          reason: "it starts with 'use client'",
        },
      },
      {
        messageId: 'serverClient',
        line: 4,
        column: 26,
        data: {
          module: '../lib/klaviyo',
          client: '`profiles`, a ProfilesApi',
          sdk: 'Klaviyo (klaviyo-api)',
          secrets: 'its private API key',
          reason: "it starts with 'use client'",
        },
      },
    ],
    output: null,
  },
];

const ruleTester = createRuleTester();
ruleTester.run('no-server-sdk-in-browser', rule, { valid, invalid });

createTypedRuleTester().run('no-server-sdk-in-browser (typed)', rule, {
  valid: [
    {
      name: 'a server module that imports the shared client',
      filename: 'file.ts',
      code: `
import { cio } from './lib/cio';
export async function signup(id: string) { await cio.identify(id, {}); }
`,
    },
  ],
  invalid: [
    {
      name: "a client exported from another module, imported into a 'use client' component",
      filename: 'react.tsx',
      code: `
'use client';
import { cio } from './lib/cio';
export function Signup() {
  return <button onClick={() => cio.track('anonymous', { name: 'signup_clicked' })}>Sign up</button>;
}
`,
      errors: [
        {
          messageId: 'serverClient',
          line: 3,
          column: 21,
          data: {
            module: './lib/cio',
            client: '`cio`, a TrackClient',
            sdk: CIO_SDK,
            secrets: CIO_SECRETS,
            reason: "it starts with 'use client'",
          },
        },
      ],
      output: null,
    },
  ],
});

// ESLint's default parser has no type references: every imported binding that is used is a value.
describe('no-server-sdk-in-browser with the default JavaScript parser', () => {
  it('reports a server SDK in a JSX component', () => {
    const messages = new Linter({ configType: 'flat' }).verify(
      `import { TrackClient } from 'customerio-node';\nconst cio = new TrackClient(a, b);\nexport const A = () => <button onClick={() => cio.track('x', { name: 'y' })} />;\n`,
      [
        {
          files: ['**/*.jsx'],
          languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { cdp: { rules: { 'no-server-sdk-in-browser': rule as never } } },
          rules: { 'cdp/no-server-sdk-in-browser': 'error' },
        },
      ],
      'src/components/A.jsx',
    );
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['serverSdk', 1, 29]]);
  });
});
