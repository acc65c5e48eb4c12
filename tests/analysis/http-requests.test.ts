import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { UNKNOWN, httpRequestOf, pathMatches, urlParts, urlShape } from '../../src/analysis/http-requests.js';
import { runProbe } from './probe.js';

/** Prints each request to an API host: client, host, path, the headers sent (or `?`) and where one would go. */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    return {
      CallExpression(node) {
        const request = httpRequestOf(context.sourceCode, node);
        if (!request) return;
        const headers = request.headers ? [...request.headers].sort().join(',') : '?';
        const path = request.url.path.replaceAll(UNKNOWN, '…');
        const target = request.headerTarget?.kind ?? '-';
        context.report({ node, messageId: 'found', data: { text: `${request.client} ${request.url.host}${path} [${headers}] ${target}` } });
      },
    };
  },
});

function requests(code: string): string[] {
  return runProbe(probe, code);
}

/** Prints the shape of the initialiser of `const probe = …`. */
const shapeProbe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    return {
      VariableDeclarator(node) {
        if (node.id.type !== AST_NODE_TYPES.Identifier || node.id.name !== 'probe' || !node.init) return;
        const text = urlShape(context.sourceCode, node.init).replaceAll(UNKNOWN, '…');
        context.report({ node, messageId: 'found', data: { text } });
      },
    };
  },
});

function shapeOf(expression: string, prelude = ''): string | undefined {
  return runProbe(shapeProbe, `${prelude}\nconst probe = ${expression};`)[0];
}

describe('urlShape', () => {
  it('reads literals, templates, concatenations and constants', () => {
    expect(shapeOf("'https://a.klaviyo.com/api/events'")).toBe('https://a.klaviyo.com/api/events');
    expect(shapeOf('`https://track.customer.io/api/v1/customers/${id}/events`')).toBe('https://track.customer.io/api/v1/customers/…/events');
    expect(shapeOf('`${BASE}/profiles/${id}`', "const BASE = 'https://a.klaviyo.com/api';")).toBe('https://a.klaviyo.com/api/profiles/…');
    expect(shapeOf("BASE + '/events' + query", "let BASE = 'https://a.klaviyo.com/api';")).toBe('https://a.klaviyo.com/api/events…');
    expect(shapeOf('config.klaviyo.base', "const config = { klaviyo: { base: 'https://a.klaviyo.com/api' } };")).toBe('https://a.klaviyo.com/api');
  });

  it('resolves `new URL(path, base)` as the URL parser does', () => {
    expect(shapeOf("new URL('/api/events', 'https://a.klaviyo.com/x/')")).toBe('https://a.klaviyo.com/api/events');
    expect(shapeOf("new URL('events', 'https://a.klaviyo.com/api/')")).toBe('https://a.klaviyo.com/api/events');
    expect(shapeOf("new URL('events', 'https://a.klaviyo.com/api')")).toBe('https://a.klaviyo.com/events');
    expect(shapeOf("new URL('https://api.customer.io/v1/send/email', base)")).toBe('https://api.customer.io/v1/send/email');
    expect(shapeOf('url.href', "const url = new URL('/v1/send/email', 'https://api.customer.io');")).toBe('https://api.customer.io/v1/send/email');
  });

  it('leaves values from the environment and changed bindings unknown', () => {
    expect(shapeOf('`${process.env.CIO_PROXY}/api/v1/events`')).toBe('…/api/v1/events');
    expect(shapeOf('base', "let base = 'https://a.klaviyo.com'; base = other;")).toBe('…');
  });
});

describe('urlParts and pathMatches', () => {
  it('takes the host only when it is written out', () => {
    expect(urlParts('https://A.Klaviyo.com:443/api/events?x=1')).toEqual({ host: 'a.klaviyo.com', path: '/api/events' });
    expect(urlParts('//track.customer.io')).toEqual({ host: 'track.customer.io', path: '/' });
    expect(urlParts(`https://api${UNKNOWN}.customer.io/v1`)).toBeUndefined();
    expect(urlParts(`${UNKNOWN}/api/v1/events`)).toBeUndefined();
    expect(urlParts('/api/events')).toBeUndefined();
  });

  it('starts a new segment for an unknown rest after a literal one', () => {
    expect(urlParts(`https://a.klaviyo.com/api${UNKNOWN}`)?.path).toBe(`/api/${UNKNOWN}`);
  });

  it('matches `*` and `**`, and unknown segments only through wildcards', () => {
    expect(pathMatches('/api/profiles', ['/api/**'])).toBe(true);
    expect(pathMatches(`/api/${UNKNOWN}`, ['/api/**'])).toBe(true);
    expect(pathMatches(`/${UNKNOWN}`, ['/api/**'])).toBe(false);
    expect(pathMatches('/oauth/token', ['/api/**', '/client/**'])).toBe(false);
    expect(pathMatches(`/v1/customers/${UNKNOWN}`, ['/v1/customers/*'])).toBe(true);
    expect(pathMatches('/v1/customers/1/events', ['/v1/customers/*'])).toBe(false);
  });
});

describe('httpRequestOf', () => {
  it('recognises the clients through imports, aliases and require', () => {
    expect(
      requests(`
import http from 'axios';
import * as https from 'node:https';
import { request } from 'undici';
const got = require('got');
const { get } = require('https');
fetch('https://a.klaviyo.com/api/events', { method: 'POST', headers: { revision: '2026-07-15' } });
http.post('https://api.customer.io/v1/send/email', body, { headers: { Authorization: auth } });
https.request({ hostname: 'a.klaviyo.com', path: '/api/profiles', headers: { Revision: 'x' } });
request('https://track.customer.io/api/v1/events');
got.post('https://cdp.customer.io/v1/track', { json });
get('https://track-eu.customer.io/api/v1/accounts/region', (res) => res.resume());
`),
    ).toEqual([
      'fetch a.klaviyo.com/api/events [revision] object',
      'axios.post api.customer.io/v1/send/email [authorization] object',
      'https.request a.klaviyo.com/api/profiles [revision] object',
      'undici.request track.customer.io/api/v1/events [] argument',
      'got.post cdp.customer.io/v1/track [] options',
      'https.get track-eu.customer.io/api/v1/accounts/region [] -',
    ]);
  });

  it('follows instances made with a factory, in variables and class fields', () => {
    expect(
      requests(`
import axios from 'axios';
import ky from 'ky';
const klaviyo = axios.create({ baseURL: 'https://a.klaviyo.com/api', headers: { Authorization: key } });
klaviyo.get('/profiles', { params });
const cdp = ky.create({ prefixUrl: 'https://cdp.customer.io/v1' });
cdp.post('track', { json });
class Mailer {
  http = axios.create({ baseURL: 'https://api.customer.io/v1' });
  send(body) { return this.http.post('/send/email', body); }
}
`),
    ).toEqual([
      'klaviyo.get a.klaviyo.com/api/profiles [authorization] object',
      'cdp.post cdp.customer.io/v1/track [] options',
      'this.http.post api.customer.io/v1/send/email [] options',
    ]);
  });

  it('reads header objects, Headers and pairs, and gives up on what it cannot see', () => {
    expect(
      requests(`
const base = { Authorization: key };
fetch('https://a.klaviyo.com/api/a', { headers: new Headers({ ...base, Accept: 'application/json' }) });
fetch('https://a.klaviyo.com/api/b', { headers: [['revision', r]] });
fetch('https://a.klaviyo.com/api/c', { headers: { ...defaults() } });
const changed = { Authorization: key };
changed.revision = r;
fetch('https://a.klaviyo.com/api/d', { headers: changed });
const h = new Headers();
h.set('revision', r);
fetch('https://a.klaviyo.com/api/e', { headers: h });
function send(init) { return fetch('https://a.klaviyo.com/api/f', init); }
fetch('https://a.klaviyo.com/api/g', { ...init, method: 'POST' });
`),
    ).toEqual([
      'fetch a.klaviyo.com/api/a [accept,authorization] object',
      'fetch a.klaviyo.com/api/b [revision] pairs',
      'fetch a.klaviyo.com/api/c [?] -',
      'fetch a.klaviyo.com/api/d [?] -',
      'fetch a.klaviyo.com/api/e [?] -',
      'fetch a.klaviyo.com/api/f [?] -',
      'fetch a.klaviyo.com/api/g [?] -',
    ]);
  });

  it('ignores local functions named like a client, other hosts and non-requests', () => {
    expect(
      requests(`
function fetch(url) { return url; }
fetch('https://a.klaviyo.com/api/events');
const send = (got) => got('https://track.customer.io/api/v1/events');
import axios from 'axios';
axios.get('https://www.klaviyo.com/api/events');
axios.get('https://a.klaviyo.com.evil.example/api/events');
app.post('/webhooks/customerio', handler);
console.log('https://a.klaviyo.com/api/events');
`),
    ).toEqual([]);
  });
});
