import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TimeClassifier,
  classifyByType,
  classifyNumber,
  combine,
  isIsoDateString,
  isStringification,
  isoToUnixSeconds,
  type TimeValue,
} from '../../src/analysis/time-units.js';
import { fixturesDir } from '../rule-tester.js';

/** Reports, for each `t(<expr>)` call, what the classifier makes of `<expr>`. */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { found: '{{ text }}' } },
  defaultOptions: [],
  create(context) {
    const classifier = new TimeClassifier(context.sourceCode);
    return {
      'CallExpression[callee.name="t"]'(node: TSESTree.CallExpression) {
        const arg = node.arguments[0] as TSESTree.Expression;
        let value = classifier.classify(arg);
        if (value.kind === 'unknown') value = classifyByType(context.sourceCode, arg) ?? value;
        context.report({ node, messageId: 'found', data: { text: describeValue(value) } });
      },
    };
  },
});

function describeValue(value: TimeValue): string {
  const flags = [
    value.certain && 'certain',
    value.indirect && 'indirect',
    value.partial && 'partial',
    value.iso && 'iso',
    value.lib,
    value.source && `from ${value.source.lib ?? '?'}`,
    value.digitsOf && `of ${value.digitsOf}`,
  ].filter(Boolean);
  return flags.length > 0 ? `${value.kind} (${flags.join(', ')})` : value.kind;
}

function classifyAll(code: string, typed = false): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
        },
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

describe('time units: milliseconds', () => {
  it('recognises the millisecond expressions, and which are unambiguous in place', () => {
    expect(
      classifyAll(`
        t(Date.now());
        t(d.getTime());
        t(new Date().getTime());
        t(+new Date());
        t(1704067200000);
        t(Date.parse(s));
        t(Date.UTC(2024, 0, 1));
        t(Number(new Date()));
        t(d.valueOf());
        t(new Date().valueOf());
        t(dt.toMillis());
        t(+d);
        t(new Date().setHours(0, 0, 0, 0));
        t(1704067200 * 1000);
        t(Math.floor(Date.now()));
      `),
    ).toEqual([
      'millis (certain)',
      'millis (certain)',
      'millis (certain)',
      'millis (certain)',
      'millis (certain)',
      'millis',
      'millis',
      'millis',
      'millis',
      'millis',
      'millis',
      'unknown',
      'millis',
      'millis',
      'millis',
    ]);
  });

  it('keeps the unit through offsets by durations, but not through differences of times', () => {
    expect(
      classifyAll(`
        t(Date.now() + 3600 * 1000);
        t(Date.now() + 30 * 86400000);
        t(Date.now() - 86400000);
        t(Date.now() - 7 * DAY);
        t(Date.now() + ttl);
        t(Date.now() - start);
        t(Date.now() - Date.now());
        t(Date.now() + '');
        t(Date.now() + \`x\`);
        t(offset + Date.now());
        t(nowSec() + 60);
        t(Math.floor(Date.now() / 1000) + 3600);
      `),
    ).toEqual([
      'millis',
      'millis',
      'millis',
      'millis',
      'millis',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'millis',
      'unknown',
      'seconds',
    ]);
  });
});

describe('time units: seconds', () => {
  it('recognises every correct conversion as whole seconds', () => {
    expect(
      classifyAll(`
        import { getUnixTime } from 'date-fns';
        import dayjs from 'dayjs';
        import { DateTime } from 'luxon';
        t(Math.floor(Date.now() / 1000));
        t(Math.round(d.getTime() / 1000));
        t(Math.trunc(+new Date() / 1e3));
        t(Math.ceil(Date.now() / 1000));
        t(Date.now() / 1000 | 0);
        t(~~(Date.now() / 1000));
        t((Date.now() / 1000) >> 0);
        t(Math.floor(Date.now() * 0.001));
        t(Math.floor(0.001 * Date.now()));
        t(getUnixTime(d));
        t(dayjs().unix());
        t(moment(x).unix());
        t(DateTime.now().toUnixInteger());
        t(Math.floor(DateTime.now().toSeconds()));
        t(1704067200);
        t(1704067200000 / 1000);
        t(Math.floor(new Date() / 1000));
      `),
    ).toEqual(Array(17).fill('seconds'));
  });

  it('recognises seconds with a fraction', () => {
    expect(
      classifyAll(`
        t(d.getTime() / 1000);
        t(Date.now() * 0.001);
        t(Date.now() / 1e3);
        t(DateTime.now().toSeconds());
        t(1704067200.5);
        t(new Date() / 1000);
      `),
    ).toEqual([
      'fractionalSeconds',
      'fractionalSeconds',
      'fractionalSeconds',
      'fractionalSeconds (from luxon)',
      'fractionalSeconds',
      'fractionalSeconds',
    ]);
  });

  it('keeps number kinds through valueOf, Number() and nested stringification', () => {
    expect(
      classifyAll(`
        t(Date.now().valueOf());
        t(Number(Math.floor(Date.now() / 1000)));
        t(String(\`\${Date.now()}\`));
        t(~x);
        t(-1704067200000);
        t(Number(x));
        t('x'.valueOf());
      `),
    ).toEqual([
      'millis',
      'seconds',
      'numericString (of millis)',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('turns seconds back into milliseconds when multiplied by 1000', () => {
    expect(classifyAll(`t(Math.floor(Date.now() / 1000) * 1000); t(1000 * nowSec); t(x * 1000);`)).toEqual([
      'millis',
      'unknown',
      'unknown',
    ]);
  });
});

describe('time units: dates and strings', () => {
  it('recognises date objects of each library', () => {
    expect(
      classifyAll(`
        import dayjs from 'dayjs';
        import moment from 'moment';
        import { DateTime } from 'luxon';
        import { addDays, parseISO } from 'date-fns';
        const luxon = require('luxon');
        t(new Date());
        t(new Date(ms));
        t(dayjs());
        t(dayjs.utc());
        t(dayjs(x).add(1, 'day'));
        t(moment());
        t(moment.unix(s).startOf('day'));
        t(DateTime.now());
        t(DateTime.fromISO(s).plus({ days: 1 }));
        t(addDays(d, 1));
        t(parseISO(s));
        t(m.toDate());
        t(dt.toJSDate());
      `),
    ).toEqual([
      'date (native)',
      'date (native)',
      'date (dayjs)',
      'date (dayjs)',
      'date (dayjs)',
      'date (moment)',
      'date (moment)',
      'date (luxon)',
      'date (luxon)',
      'date (native)',
      'date (native)',
      'date (native)',
      'date (native)',
    ]);
  });

  it('recognises date strings and where they came from', () => {
    expect(
      classifyAll(`
        import dayjs from 'dayjs';
        import { formatISO, format } from 'date-fns';
        import * as dateFns from 'date-fns';
        t(d.toISOString());
        t(new Date().toJSON());
        t(x.toJSON());
        t(dt.toISO());
        t(dayjs().format());
        t(dayjs().format('YYYY-MM-DD'));
        t(new Date().toLocaleDateString());
        t(d.toUTCString());
        t(new Date().toString());
        t(String(new Date()));
        t(Date());
        t('2024-01-01T00:00:00Z');
        t(\`2024-01-01\`);
        t('tomorrow');
        t(formatISO(d));
        t(format(d, 'yyyy-MM-dd'));
        t(dateFns.formatRFC3339(d));
        t(dateFns.addDays(d, 1));
        t(dateFns.getTime(d));
      `),
    ).toEqual([
      'dateString (iso, from ?)',
      'dateString (iso, from native)',
      'unknown',
      'dateString (iso, from luxon)',
      'dateString (iso, from dayjs)',
      'dateString (from dayjs)',
      'dateString (from native)',
      'dateString (from native)',
      'dateString (from native)',
      'dateString (from native)',
      'dateString',
      'dateString (iso)',
      'dateString (iso)',
      'unknown',
      'dateString (iso, from native)',
      'dateString (from native)',
      'dateString (iso, from native)',
      'date (native)',
      'millis',
    ]);
  });

  it('recognises the digits of a number turned into a string', () => {
    expect(
      classifyAll(`
        t(Math.floor(Date.now() / 1000).toString());
        t(String(Date.now()));
        t(\`\${Date.now()}\`);
        t(Number(String(Date.now())));
        t(x.toString());
      `),
    ).toEqual([
      'numericString (of seconds)',
      'numericString (of millis)',
      'numericString (of millis)',
      'millis',
      'unknown',
    ]);
  });
});

describe('time units: following values', () => {
  it('follows const bindings, lets never reassigned, object properties and helpers', () => {
    expect(
      classifyAll(`
        const a = Date.now();
        let b = Date.now();
        let c = Date.now(); c = 5;
        const event = { at: Date.now() };
        const patched = { at: Date.now() }; patched.at = 1;
        const nowSec = () => Math.floor(Date.now() / 1000);
        function toUnix(d) { return Math.floor(d.getTime() / 1000); }
        function toMs(d) { if (!d) return null; return d.getTime(); }
        async function later() { return Date.now(); }
        const TS = 1704067200000;
        t(a); t(b); t(c); t(event.at); t(patched.at); t(nowSec()); t(toUnix(x)); t(toMs(x));
        t(later()); t(await later()); t(TS); t(await Date.now());
      `),
    ).toEqual([
      'millis (indirect)',
      'millis (indirect)',
      'unknown',
      'millis (indirect)',
      'unknown',
      'seconds (indirect)',
      'seconds (indirect)',
      'millis (indirect, partial)',
      'unknown',
      'millis (indirect)',
      'millis (indirect)',
      'millis (certain)',
    ]);
  });

  it('combines the branches of conditionals and logical expressions', () => {
    expect(
      classifyAll(`
        t(c ? Date.now() : d.getTime());
        t(c ? Date.now() : undefined);
        t(c ? Date.now() : null);
        t(c ? Date.now() : Math.floor(Date.now() / 1000));
        t(c ? Date.now() : x);
        t(x ?? Date.now());
        t(d && d.getTime());
        t(c ? undefined : void 0);
        t((log(), Date.now()));
      `),
    ).toEqual([
      'millis',
      'millis (partial)',
      'millis (partial)',
      'unknown',
      'unknown',
      'unknown',
      'millis (partial)',
      'absent',
      'millis (certain)',
    ]);
  });

  it('does not trust shadowed globals, unrelated libraries, or cycles', () => {
    expect(
      classifyAll(`
        function f(Date, Math) { t(Date.now()); t(Math.floor(x / 1000)); }
        const a = b; const b = a;
        function loop() { return loop(); }
        function dayjs() { return 1; }
        import { format } from 'util';
        t(a); t(loop()); t(dayjs().format()); t(format(d, 'x')); t(x.format());
        t(new Foo()); t(Date.now); t([Date.now()]); t(0); t(123);
      `),
    ).toEqual(Array(12).fill('unknown'));
  });

  it('reads date libraries through require and namespace imports', () => {
    expect(
      classifyAll(`
        const dayjs = require('dayjs');
        const { DateTime: DT } = require('luxon');
        const m = require('moment').default;
        import * as fns from 'date-fns';
        import lux = require('luxon');
        t(dayjs()); t(DT.now()); t(m()); t(fns.getUnixTime(d)); t(fns.formatISO(d));
      `),
    ).toEqual(['date (dayjs)', 'date (luxon)', 'date (moment)', 'seconds', 'dateString (iso, from native)']);
  });
});

describe('time units: types', () => {
  it('classifies string- and Date-typed values only with type information', () => {
    const code = `
      declare const user: { createdAt: string; updatedAt: Date | null; count: number; label: 'a' | 'b' };
      t(user.createdAt); t(user.updatedAt); t(user.count); t(user.label);
    `;
    expect(classifyAll(code)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(classifyAll(code, true)).toEqual(['string', 'date (native)', 'unknown', 'string']);
  });
});

describe('time units: helpers', () => {
  it('classifies numbers by magnitude', () => {
    expect(classifyNumber(1704067200000)).toBe('millis');
    expect(classifyNumber(1704067200)).toBe('seconds');
    expect(classifyNumber(1704067200.5)).toBe('fractionalSeconds');
    expect(classifyNumber(1704067200000.5)).toBe('unknown');
    expect(classifyNumber(42)).toBe('unknown');
    expect(classifyNumber(-1704067200000)).toBe('unknown');
    expect(classifyNumber(Number.NaN)).toBe('unknown');
  });

  it('recognises ISO strings and converts the unambiguous ones', () => {
    expect(isIsoDateString('2024-01-01')).toBe(true);
    expect(isIsoDateString('2024-01-01T10:00:00.123+02:00')).toBe(true);
    expect(isIsoDateString('01/02/2024')).toBe(false);
    expect(isoToUnixSeconds('2024-01-01')).toBe(1704067200);
    expect(isoToUnixSeconds('2024-01-01T00:00:00Z')).toBe(1704067200);
    expect(isoToUnixSeconds('2024-01-01T02:00:00+02:00')).toBe(1704067200);
    expect(isoToUnixSeconds('2024-01-01T00:00:00')).toBeUndefined();
    expect(isoToUnixSeconds('2024-13-45')).toBeUndefined();
    expect(isoToUnixSeconds('nope')).toBeUndefined();
  });

  it('combines nothing but absent values into absent', () => {
    expect(combine([]).kind).toBe('absent');
  });

  it('tells stringified numbers apart', () => {
    const parse = (code: string): TSESTree.Node =>
      (parser.parse(code, { range: true }).body[0] as TSESTree.ExpressionStatement).expression;
    expect(isStringification(parse('String(n)'))).toBe(true);
    expect(isStringification(parse('n.toFixed(0)'))).toBe(true);
    expect(isStringification(parse('`${n}`'))).toBe(true);
    expect(isStringification(parse('`plain`'))).toBe(false);
    expect(isStringification(parse('user.createdAt'))).toBe(false);
    expect(isStringification(parse('f(n)'))).toBe(false);
    expect(isStringification(parse('n.trim()'))).toBe(false);
  });
});
