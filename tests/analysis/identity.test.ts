import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IdentityClassifier,
  isE164,
  isEmailAddress,
  knownObject,
  nameTokens,
  namesEmail,
  namesHashed,
  objectKeys,
  staticPhone,
  toE164,
} from '../../src/analysis/identity.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * A probe rule: for each `t(<expr>)` call it reports what the identity classifier makes of
 * `<expr>`; for each `o(<expr>)` the keys of the object it is known to be; for each `p(<expr>)`
 * the phone value. Calls of `sdk(...)` (and `o(...)` itself) stand for SDK calls that may receive an object.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    const classifier = new IdentityClassifier(context.sourceCode);
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
    const isSdkCall = (node: TSESTree.Node): boolean =>
      node.type === 'CallExpression' && node.callee.type === 'Identifier' && ['sdk', 'o'].includes(node.callee.name);
    return {
      'CallExpression[callee.name="t"]'(node: TSESTree.CallExpression) {
        const value = classifier.classify(node.arguments[0]);
        const detail =
          value.kind === 'email' ? `email by ${value.how} at ${text(value.node)}` : value.kind === 'hashed' ? `hashed at ${text(value.node)}` : 'unknown';
        context.report({ node, messageId: 'found', data: { text: detail } });
      },
      'CallExpression[callee.name="o"]'(node: TSESTree.CallExpression) {
        const known = knownObject(context.sourceCode, node.arguments[0], isSdkCall);
        if (!known) {
          context.report({ node, messageId: 'found', data: { text: 'unknown object' } });
          return;
        }
        const { keys, complete } = objectKeys(known.object);
        const via = known.binding ? ` via ${known.binding.name}` : '';
        context.report({
          node,
          messageId: 'found',
          data: { text: `keys ${[...keys.keys()].join(',') || '-'}${complete ? '' : ' (incomplete)'}${via}` },
        });
      },
      'CallExpression[callee.name="p"]'(node: TSESTree.CallExpression) {
        const phone = staticPhone(context.sourceCode, node.arguments[0]);
        const detail = phone
          ? `${typeof phone.value} ${String(phone.value)}${phone.literal ? ` literal ${text(phone.literal)}` : ''}${phone.indirect ? ' indirect' : ''}`
          : 'not static';
        context.report({ node, messageId: 'found', data: { text: detail } });
      },
    };
  },
});

function run(code: string): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    path.join(fixturesDir, 'file.ts'),
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

describe('identity: names', () => {
  it('splits names into lower-case words', () => {
    expect(nameTokens('customerEmail')).toEqual(['customer', 'email']);
    expect(nameTokens('EMAIL_ADDRESS')).toEqual(['email', 'address']);
    expect(nameTokens('sha256Hex')).toEqual(['sha256', 'hex']);
    expect(nameTokens('userIDs')).toEqual(['user', 'i', 'ds']);
    expect(nameTokens('$$')).toEqual([]);
  });

  it('recognises names of an email address', () => {
    for (const name of ['email', 'Email', 'EMAIL', 'userEmail', 'customer_email', 'emailAddress', 'email_addr', 'workEmail']) {
      expect(namesEmail(name), name).toBe(true);
    }
    for (const name of ['emails', 'emailId', 'emailCount', 'isEmail', 'hasEmail', 'sendEmail', 'hashedEmail', 'emailHash', 'voicemail', 'mail', 'address', '']) {
      expect(namesEmail(name), name).toBe(false);
    }
  });

  it('recognises names of a hash', () => {
    for (const name of ['sha256', 'hashEmail', 'emailHash', 'hashed_email', 'md5', 'digest', 'createHmac', 'encryptedEmail', 'bcrypt']) {
      expect(namesHashed(name), name).toBe(true);
    }
    for (const name of ['email', 'share', 'shadow', 'hasher2x', 'userId']) {
      expect(namesHashed(name), name).toBe(false);
    }
  });
});

describe('identity: literal shapes', () => {
  it('tells email addresses from look-alikes', () => {
    expect(isEmailAddress('jane@example.com')).toBe(true);
    expect(isEmailAddress('jane.doe+tag@mail.example.co.uk')).toBe(true);
    for (const text of ['@handle', 'jane@', 'jane@localhost', 'jane @example.com', 'a@b.c', 'mailto:<jane@example.com>']) {
      expect(isEmailAddress(text), text).toBe(false);
    }
  });

  it('accepts only E.164 phone numbers', () => {
    for (const text of ['+15551234567', '+442079460958', '+4915112345678', '+1234567']) expect(isE164(text), text).toBe(true);
    for (const text of ['15551234567', '+0123456789', '+1 555 123 4567', '+123456', '+1234567890123456', '']) {
      expect(isE164(text), text).toBe(false);
    }
  });

  it('normalises only formatting, never a country code', () => {
    expect(toE164('+1 (555) 123-4567')).toBe('+15551234567');
    expect(toE164(' +1.555.123.4567 ')).toBe('+15551234567');
    expect(toE164('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(toE164('+49 151 1234\u00a05678')).toBe('+4915112345678');
    expect(toE164('+1 555–123–4567')).toBe('+15551234567');
    expect(toE164('(555) 123-4567')).toBeUndefined();
    expect(toE164('07700 900123')).toBeUndefined();
    expect(toE164('+1 555 123 4567 ext. 2')).toBeUndefined();
    expect(toE164('+0 123 456 789')).toBeUndefined();
  });
});

describe('identity: what an expression holds', () => {
  it('finds emails by name, literal and template', () => {
    expect(
      run(`
        t(email); t(user.email); t(req.body.customerEmail); t(user['email_address']); t(user?.email);
        t('jane@example.com'); t(\`\${handle}@example.com\`); t(\`\${user.email}\`);
        t(user.id); t('anonymous'); t(\`cio_\${id}\`); t(\`email:\${x}\`); t(42);
      `),
    ).toEqual([
      'email by name at email',
      'email by name at user.email',
      'email by name at req.body.customerEmail',
      "email by name at user['email_address']",
      'email by name at user?.email',
      "email by literal at 'jane@example.com'",
      'email by literal at `${handle}@example.com`',
      'email by name at user.email',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('follows bindings, renamed destructuring, re-casing, String() and await', () => {
    expect(
      run(`
        const a = user.email;
        const { email: b } = req.body;
        function f({ email: c = '' }, { id: d }) { t(c); t(d); }
        const e = a.trim().toLowerCase();
        let g = a; g = other;
        t(a); t(b); t(e); t(String(a)); t(await a); t(g);
        t(email.split('@')[0]); t(email.length); t(Buffer.from(email).toString('base64'));
      `),
    ).toEqual([
      'email by name at c',
      'unknown',
      'email by name at user.email',
      'email by name at b',
      'email by name at user.email',
      'email by name at user.email',
      'email by name at user.email',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('finds hashes: helpers, crypto chains, hashed names, hashed bindings', () => {
    expect(
      run(`
        const email = sha256(raw);
        t(sha256(user.email)); t(createHash('sha256').update(email).digest('hex')); t(hashEmail(e));
        t(user.emailHash); t(hashed_email); t(email); t(await crypto.subtle.digest('SHA-256', b));
      `),
    ).toEqual([
      'hashed at sha256(user.email)',
      "hashed at createHash('sha256').update(email).digest('hex')",
      'hashed at hashEmail(e)',
      'hashed at user.emailHash',
      'hashed at hashed_email',
      'hashed at sha256(raw)',
      "hashed at crypto.subtle.digest('SHA-256', b)",
    ]);
  });

  it('treats fallbacks and branches by their primary value', () => {
    expect(
      run(`
        t(user.email || ''); t(user.email ?? id); t(user.id ?? user.email); t(user.email && user.id);
        t(a ? user.email : b.email); t(a ? user.email : user.id); t(a ? hash(x) : sha1(y)); t(a ? b : c);
      `),
    ).toEqual([
      'email by name at user.email',
      'email by name at user.email',
      'unknown',
      'unknown',
      'email by name at user.email',
      'unknown',
      'hashed at hash(x)',
      'unknown',
    ]);
  });

  it('stays unknown on calls it does not know, computed members, shadowed String and cycles', () => {
    expect(
      run(`
        function String(x) { return x; }
        t(String(email)); t(getEmail()); t(user[key]); t(normalize(email)); t((() => email)());
        const x = y; const y = x; t(x);
      `),
    ).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
  });
});

describe('identity: object literals', () => {
  it('reads object literals written in place or held by an unchanged binding', () => {
    expect(
      run(`
        o({ email, plan: 1, 'quoted': 2 });
        const a = { email: x, plan };
        console.log(a); logger.info('x', a); JSON.stringify(a); a.plan; const copy = { ...a, also: a };
        sdk(a); o(a);
        const b = { plan } as Attributes;
        o(b!);
      `),
    ).toEqual(['keys email,plan,quoted', 'keys email,plan via a', 'keys plan via b']);
  });

  it('reports spreads and computed keys as incomplete, and later keys as winning', () => {
    expect(run(`o({ email, ...rest, plan }); o({ [k]: 1, plan }); o({ a: 1, a: 2 });`)).toEqual([
      'keys plan (incomplete)',
      'keys plan (incomplete)',
      'keys a',
    ]);
  });

  it('gives up on bindings that are changed, reassigned or handed to other code', () => {
    expect(
      run(`
        const a = { plan }; a.email = x; o(a);
        const b = { plan }; b['email'] = x; o(b);
        const c = { plan }; delete c.plan; o(c);
        const d = { plan }; Object.assign(d, more); o(d);
        const e = { plan }; decorate(e); o(e);
        let f = { plan }; f = {}; o(f);
        const g = { n: 0 }; g.n++; o(g);
        const h = { nested: {} }; h.nested.x = 1; o(h);
        const i = { plan }; i.toString(); o(i);
        const j = { plan }; const k = [j]; o(j);
        const { m } = source; o(m);
        o(param); o(make()); o(user.attrs);
        function fn(q) { o(q); }
        const s = { plan }; new Wrapper(s); o(s);
      `),
    ).toEqual(Array.from({ length: 16 }, () => 'unknown object'));
  });
});

describe('identity: phone values', () => {
  it('reads literals and constants, and which literal writes them', () => {
    expect(
      run(`
        const A = '+1 555 0100';
        const B = '(555)' + ' 0100';
        const C = A;
        p('555-0100'); p(15551234567); p(\`+1 555\`); p(A); p(B); p(C); p(A as string);
        p(user.phone); p(\`+1\${x}\`); p(true); p(null); p(format(A));
      `),
    ).toEqual([
      "string 555-0100 literal '555-0100'",
      'number 15551234567 literal 15551234567',
      'string +1 555 literal `+1 555`',
      "string +1 555 0100 literal '+1 555 0100' indirect",
      'string (555) 0100 indirect',
      'string +1 555 0100 indirect',
      "string +1 555 0100 literal '+1 555 0100' indirect",
      'not static',
      'not static',
      'not static',
      'not static',
      'not static',
    ]);
  });
});
