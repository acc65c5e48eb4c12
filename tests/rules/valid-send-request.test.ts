import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/valid-send-request.js';
import { describeFixSafety } from '../fix-safety.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

/*
 * valid-send-request: customerio-node's transactional sends check `instanceof` their request class
 * and throw on anything else. The invalid cases cover every way the client and the request class
 * reach a file (named, aliased, namespace and default imports, `require` with and without
 * destructuring, settings, wrappers, typed imports) and check that the suggested wrap names the
 * class the way the file already does, or imports it in the file's style.
 */

type MessageIds = 'plainObject' | 'wrongRequest' | 'wrapInRequest';

// A project that still runs customerio-node 2.x, where the request class lives in `customerio-node/api`.
const legacyProject = mkdtempSync(path.join(os.tmpdir(), 'cdp-send-request-'));
mkdirSync(path.join(legacyProject, 'node_modules', 'customerio-node'), { recursive: true });
writeFileSync(
  path.join(legacyProject, 'node_modules', 'customerio-node', 'package.json'),
  JSON.stringify({ name: 'customerio-node', version: '2.1.1' }),
);
const legacyFile = path.join(legacyProject, 'src', 'mailer.js');
afterAll(() => rmSync(legacyProject, { recursive: true, force: true }));

const SETTINGS_API = { cdp: { clients: { './lib/cio': { api: 'APIClient' } } } };

const valid: ValidTestCase<[]>[] = [
  {
    name: 'the documented shape: new SendEmailRequest({...})',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendEmail(new SendEmailRequest({ to: user.email, transactional_message_id: '3', identifiers: { id: user.id } }));`,
  },
  {
    name: 'a request built earlier, with attachments, then sent',
    code: `
const { APIClient, SendEmailRequest, SendPushRequest } = require('customerio-node');
const api = new APIClient(process.env.APP_KEY);
async function receipt(order) {
  const request = new SendEmailRequest({ to: order.email, transactional_message_id: 'receipt', identifiers: { id: order.userId } });
  request.attach('receipt.pdf', order.pdf);
  await api.sendEmail(request);
  await api.sendPush(new SendPushRequest({ transactional_message_id: 'p', identifiers: { id: order.userId } }));
}`,
  },
  {
    name: 'a value of unknown origin is not assumed to be a plain object (a parameter, a factory result)',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
export async function send(request) {
  await api.sendEmail(request);
  await api.sendSMS(buildSmsRequest(request.user));
}`,
  },
  {
    name: 'a let that is reassigned to a request before the send is unknown',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
let request = {};
request = new SendEmailRequest({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } });
await api.sendEmail(request);`,
  },
  {
    name: 'look-alike send methods of other mail libraries take plain objects',
    code: `
import sgMail from '@sendgrid/mail';
import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({});
await sgMail.send({ to: 'a@example.com', subject: 'Hi' });
await transport.sendMail({ to: 'a@example.com' });
await mailer.sendEmail({ to: 'a@example.com' });`,
  },
  {
    name: 'a wrapper that builds the request itself is called with a plain object on purpose',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
function sendTransactional(options) {
  return api.sendEmail(new SendEmailRequest(options));
}
await sendTransactional({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } });`,
  },
  {
    name: 'other App API methods take plain objects',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.triggerBroadcast(1, { promo: 'X' }, { ids: ['1'] });
await api.searchCustomers({ filter: { and: [] } });`,
  },
  {
    name: 'a file that mentions no SDK',
    code: `await client.sendEmail({ to: 'a@example.com' });`,
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'catalog: a plain object to sendEmail, the class added to the existing named import',
    code: `
import { APIClient } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendEmail({ to: user.email, transactional_message_id: '3', identifiers: { id: user.id } });`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        data: { method: 'sendEmail', className: 'SendEmailRequest' },
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendEmailRequest', importNote: ' and import `SendEmailRequest`' },
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendEmail(new SendEmailRequest({ to: user.email, transactional_message_id: '3', identifiers: { id: user.id } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'the class is already imported (aliased): the wrap uses the local name',
    code: `
import { APIClient as Api, SendEmailRequest as EmailRequest } from 'customerio-node';
const api = new Api(process.env.APP_KEY);
api.sendEmail({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } }).catch(report);`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendEmailRequest', importNote: '' },
            output: `
import { APIClient as Api, SendEmailRequest as EmailRequest } from 'customerio-node';
const api = new Api(process.env.APP_KEY);
api.sendEmail(new EmailRequest({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } })).catch(report);`,
          },
        ],
      },
    ],
  },
  {
    name: 'every send method: push, SMS, WhatsApp, inbox and in-app',
    code: `
import { APIClient, SendPushRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });
await api.sendWhatsApp({ transactional_message_id: 'w', identifiers: { id: 1 } });
await api.sendInboxMessage({ transactional_message_id: 'i', identifiers: { id: 1 } });
await api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } });`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        data: { method: 'sendPush', className: 'SendPushRequest' },
        line: 4,
        column: 20,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendPushRequest', importNote: '' },
            output: `
import { APIClient, SendPushRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush(new SendPushRequest({ transactional_message_id: 'p', identifiers: { id: 1 } }));
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });
await api.sendWhatsApp({ transactional_message_id: 'w', identifiers: { id: 1 } });
await api.sendInboxMessage({ transactional_message_id: 'i', identifiers: { id: 1 } });
await api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } });`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        data: { method: 'sendSMS', className: 'SendSMSRequest' },
        line: 5,
        column: 19,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendPushRequest, SendSMSRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendSMS(new SendSMSRequest({ transactional_message_id: 's', identifiers: { id: 1 } }));
await api.sendWhatsApp({ transactional_message_id: 'w', identifiers: { id: 1 } });
await api.sendInboxMessage({ transactional_message_id: 'i', identifiers: { id: 1 } });
await api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } });`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        data: { method: 'sendWhatsApp', className: 'SendWhatsAppRequest' },
        line: 6,
        column: 24,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendPushRequest, SendWhatsAppRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });
await api.sendWhatsApp(new SendWhatsAppRequest({ transactional_message_id: 'w', identifiers: { id: 1 } }));
await api.sendInboxMessage({ transactional_message_id: 'i', identifiers: { id: 1 } });
await api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } });`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        data: { method: 'sendInboxMessage', className: 'SendInboxMessageRequest' },
        line: 7,
        column: 28,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendPushRequest, SendInboxMessageRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });
await api.sendWhatsApp({ transactional_message_id: 'w', identifiers: { id: 1 } });
await api.sendInboxMessage(new SendInboxMessageRequest({ transactional_message_id: 'i', identifiers: { id: 1 } }));
await api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } });`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        data: { method: 'sendInApp', className: 'SendInAppRequest' },
        line: 8,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendPushRequest, SendInAppRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
await api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });
await api.sendWhatsApp({ transactional_message_id: 'w', identifiers: { id: 1 } });
await api.sendInboxMessage({ transactional_message_id: 'i', identifiers: { id: 1 } });
await api.sendInApp(new SendInAppRequest({ transactional_message_id: 'a', identifiers: { id: 1 } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'require with destructuring: the class joins the destructured names',
    code: `
const { APIClient } = require('customerio-node');
const api = new APIClient(process.env.APP_KEY);
module.exports = async function notify(order) {
  await api.sendEmail({ to: order.email, transactional_message_id: 'shipped', identifiers: { id: order.userId } });
};`,
    filename: 'src/notify.js',
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 5,
        column: 23,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendEmailRequest', importNote: ' and import `SendEmailRequest`' },
            output: `
const { APIClient, SendEmailRequest } = require('customerio-node');
const api = new APIClient(process.env.APP_KEY);
module.exports = async function notify(order) {
  await api.sendEmail(new SendEmailRequest({ to: order.email, transactional_message_id: 'shipped', identifiers: { id: order.userId } }));
};`,
          },
        ],
      },
    ],
  },
  {
    name: 'require without destructuring: the class is read from the module object',
    code: `
const cio = require('customerio-node');
const api = new cio.APIClient(process.env.APP_KEY);
api.sendEmail({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } });`,
    filename: 'src/notify.js',
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendEmailRequest', importNote: '' },
            output: `
const cio = require('customerio-node');
const api = new cio.APIClient(process.env.APP_KEY);
api.sendEmail(new cio.SendEmailRequest({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'namespace and default imports: the class is read from the module object',
    code: `
import * as customerio from 'customerio-node';
import cioDefault from 'customerio-node';
const api = new customerio.APIClient(process.env.APP_KEY);
const other = new cioDefault.APIClient(process.env.APP_KEY);
await api.sendSMS({ transactional_message_id: 's', identifiers: { id: 1 } });`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 6,
        column: 19,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import * as customerio from 'customerio-node';
import cioDefault from 'customerio-node';
const api = new customerio.APIClient(process.env.APP_KEY);
const other = new cioDefault.APIClient(process.env.APP_KEY);
await api.sendSMS(new customerio.SendSMSRequest({ transactional_message_id: 's', identifiers: { id: 1 } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a default import alone gives the exports object',
    code: `
import customerio from 'customerio-node';
const api = new customerio.APIClient(process.env.APP_KEY);
await api.sendEmail({ to: 'a@example.com' });`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import customerio from 'customerio-node';
const api = new customerio.APIClient(process.env.APP_KEY);
await api.sendEmail(new customerio.SendEmailRequest({ to: 'a@example.com' }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a const bound to an object literal: reported at the argument, wrapped at the call',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
export async function receipt(order) {
  const request = {
    to: order.email,
    transactional_message_id: 'receipt',
    identifiers: { id: order.userId },
  };
  return api.sendEmail(request);
}`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 10,
        column: 24,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
export async function receipt(order) {
  const request = {
    to: order.email,
    transactional_message_id: 'receipt',
    identifiers: { id: order.userId },
  };
  return api.sendEmail(new SendEmailRequest(request));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a spread copy and a type assertion are still plain objects',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
const base = { transactional_message_id: 'receipt' };
await api.sendEmail({ ...base, to: 'a@example.com', identifiers: { id: 1 } });
await api.sendEmail(base as unknown as SendEmailRequest);`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 5,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
const base = { transactional_message_id: 'receipt' };
await api.sendEmail(new SendEmailRequest({ ...base, to: 'a@example.com', identifiers: { id: 1 } }));
await api.sendEmail(base as unknown as SendEmailRequest);`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        line: 6,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
const base = { transactional_message_id: 'receipt' };
await api.sendEmail({ ...base, to: 'a@example.com', identifiers: { id: 1 } });
await api.sendEmail(new SendEmailRequest(base as unknown as SendEmailRequest));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client in a class field',
    code: `
import { APIClient } from 'customerio-node';
export class Mailer {
  private api = new APIClient(process.env.APP_KEY!);
  welcome(user: { id: string; email: string }) {
    return this.api.sendEmail({ to: user.email, transactional_message_id: 'welcome', identifiers: { id: user.id } });
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 6,
        column: 31,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
export class Mailer {
  private api = new APIClient(process.env.APP_KEY!);
  welcome(user: { id: string; email: string }) {
    return this.api.sendEmail(new SendEmailRequest({ to: user.email, transactional_message_id: 'welcome', identifiers: { id: user.id } }));
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from settings.cdp.clients: a new import after the last one',
    code: `
import { Router } from 'express';
import { api } from '../lib/cio';
export const router = Router();
router.post('/orders', async (req, res) => {
  await api.sendEmail({ to: req.body.email, transactional_message_id: 'receipt', identifiers: { id: req.user.id } });
});`,
    settings: SETTINGS_API,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 6,
        column: 23,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            data: { className: 'SendEmailRequest', importNote: ' and import `SendEmailRequest`' },
            output: `
import { Router } from 'express';
import { api } from '../lib/cio';
import { SendEmailRequest } from 'customerio-node';
export const router = Router();
router.post('/orders', async (req, res) => {
  await api.sendEmail(new SendEmailRequest({ to: req.body.email, transactional_message_id: 'receipt', identifiers: { id: req.user.id } }));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from settings in a CommonJS file: a new require after the last one, in the same quotes',
    code: `
"use strict";
const express = require("express");
const { api } = require("../lib/cio");
exports.send = (req) => api.sendPush({ transactional_message_id: "p", identifiers: { id: req.user.id } });`,
    filename: 'src/push.js',
    settings: SETTINGS_API,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 5,
        column: 38,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
"use strict";
const express = require("express");
const { api } = require("../lib/cio");
const { SendPushRequest } = require("customerio-node");
exports.send = (req) => api.sendPush(new SendPushRequest({ transactional_message_id: "p", identifiers: { id: req.user.id } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a type-only import of the client: a value import of the class after it',
    code: `
import type { APIClient } from 'customerio-node';
export function notify(api: APIClient, id: string) {
  return api.sendEmail({ transactional_message_id: 'n', identifiers: { id } });
}`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 24,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import type { APIClient } from 'customerio-node';
import { SendEmailRequest } from 'customerio-node';
export function notify(api: APIClient, id: string) {
  return api.sendEmail(new SendEmailRequest({ transactional_message_id: 'n', identifiers: { id } }));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local wrapper: reported where the object is written',
    code: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
function sendTransactional(request) {
  return api.sendEmail(request);
}
export const welcome = (user) =>
  sendTransactional({ to: user.email, transactional_message_id: 'welcome', identifiers: { id: user.id } });`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 8,
        column: 21,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
function sendTransactional(request) {
  return api.sendEmail(request);
}
export const welcome = (user) =>
  sendTransactional(new SendEmailRequest({ to: user.email, transactional_message_id: 'welcome', identifiers: { id: user.id } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper declared in settings.cdp.wrappers, in a file with a directive and no imports',
    code: `'use server';
export async function invite(email) {
  await sendMail({ to: email, transactional_message_id: 'invite', identifiers: { email } });
}`,
    settings: { cdp: { wrappers: [{ name: 'sendMail', calls: 'APIClient.sendEmail', args: ['0'] }] } },
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `'use server';
import { SendEmailRequest } from 'customerio-node';
export async function invite(email) {
  await sendMail(new SendEmailRequest({ to: email, transactional_message_id: 'invite', identifiers: { email } }));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a declared wrapper in a module with no imports: the import goes first',
    code: `export const invite = (email) => sendMail({ to: email, transactional_message_id: 'invite', identifiers: { email } });`,
    settings: { cdp: { wrappers: [{ name: 'sendMail', calls: 'APIClient.sendEmail', args: ['0'] }] } },
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 1,
        column: 43,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `import { SendEmailRequest } from 'customerio-node';
export const invite = (email) => sendMail(new SendEmailRequest({ to: email, transactional_message_id: 'invite', identifiers: { email } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from an async factory, used in a .then chain and after await',
    code: `
import { APIClient } from 'customerio-node';
async function getApi() {
  return new APIClient(await loadKey());
}
getApi().then((api) => api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } }));
export async function run() {
  const api = await getApi();
  await api.sendEmail({ transactional_message_id: 'e', identifiers: { id: 1 } });
}`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 6,
        column: 38,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendInAppRequest } from 'customerio-node';
async function getApi() {
  return new APIClient(await loadKey());
}
getApi().then((api) => api.sendInApp(new SendInAppRequest({ transactional_message_id: 'a', identifiers: { id: 1 } })));
export async function run() {
  const api = await getApi();
  await api.sendEmail({ transactional_message_id: 'e', identifiers: { id: 1 } });
}`,
          },
        ],
      },
      {
        messageId: 'plainObject',
        line: 9,
        column: 23,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { APIClient, SendEmailRequest } from 'customerio-node';
async function getApi() {
  return new APIClient(await loadKey());
}
getApi().then((api) => api.sendInApp({ transactional_message_id: 'a', identifiers: { id: 1 } }));
export async function run() {
  const api = await getApi();
  await api.sendEmail(new SendEmailRequest({ transactional_message_id: 'e', identifiers: { id: 1 } }));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the request class of another channel: reported, no suggestion',
    code: `
import { APIClient, SendPushRequest } from 'customerio-node';
const api = new APIClient(process.env.APP_KEY);
const push = new SendPushRequest({ transactional_message_id: 'p', identifiers: { id: 1 } });
await api.sendEmail(push);`,
    output: null,
    errors: [
      {
        messageId: 'wrongRequest',
        data: { method: 'sendEmail', className: 'SendEmailRequest', given: 'SendPushRequest' },
        line: 5,
        column: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: 'the class name is taken by something else in the file: no suggestion',
    code: `
import { APIClient } from 'customerio-node';
class SendEmailRequest { constructor(readonly body: object) {} }
const api = new APIClient(process.env.APP_KEY);
await api.sendEmail({ to: 'a@example.com' });`,
    output: null,
    errors: [{ messageId: 'plainObject', line: 5, column: 21, suggestions: [] }],
  },
  {
    name: 'customerio-node 2.x: the class joins the destructuring of customerio-node/api',
    code: `
const { APIClient } = require('customerio-node/api');
const api = new APIClient(process.env.APP_KEY);
api.sendEmail({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } });`,
    filename: legacyFile,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 15,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
const { APIClient, SendEmailRequest } = require('customerio-node/api');
const api = new APIClient(process.env.APP_KEY);
api.sendEmail(new SendEmailRequest({ to: 'a@example.com', transactional_message_id: '1', identifiers: { id: 1 } }));`,
          },
        ],
      },
    ],
  },
  {
    name: 'customerio-node 2.x has no push request class: reported, no suggestion',
    code: `
const { APIClient } = require('customerio-node/api');
const api = new APIClient(process.env.APP_KEY);
api.sendPush({ transactional_message_id: 'p', identifiers: { id: 1 } });`,
    filename: legacyFile,
    output: null,
    errors: [{ messageId: 'plainObject', line: 4, column: 14, suggestions: [] }],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'typed: a client exported from another module',
    code: `
import { api } from './lib/cio';
export async function receipt(email: string, id: string) {
  await api.sendEmail({ to: email, transactional_message_id: 'receipt', identifiers: { id } } as never);
}`,
    output: null,
    errors: [
      {
        messageId: 'plainObject',
        line: 4,
        column: 23,
        suggestions: [
          {
            messageId: 'wrapInRequest',
            output: `
import { api } from './lib/cio';
import { SendEmailRequest } from 'customerio-node';
export async function receipt(email: string, id: string) {
  await api.sendEmail(new SendEmailRequest({ to: email, transactional_message_id: 'receipt', identifiers: { id } } as never));
}`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('valid-send-request', rule, { valid, invalid });
createTypedRuleTester().run('valid-send-request (typed)', rule, { valid: [], invalid: typedInvalid });
describeFixSafety('valid-send-request', rule, invalid);
describeFixSafety('valid-send-request', rule, typedInvalid, true);
