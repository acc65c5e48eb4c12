// Bad rule options are ESLint's to refuse, through each rule's schema: an option of the wrong
// type, an unknown key or one option too many stops the run with an error that names the rule and
// the bad option, before any file is linted. Strings the schema allows never crash a rule, even
// when they are not the regular expressions or globs a rule compiles them into.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { invalidOptions, optionSchemas, type JSONSchema4 } from '../property/options.js';

const forJavaScript = (rule: (typeof rules)[string]): boolean =>
  (rule.meta as { languages?: readonly string[] }).languages?.some((language) => language === '*' || language.startsWith('js/')) ?? true;

const withOptions = Object.entries(rules).filter(
  ([, rule]) => optionSchemas(rule.meta.schema as JSONSchema4 | JSONSchema4[] | undefined).length > 0 && forJavaScript(rule),
);

function lint(name: string, options: unknown[], code = 'export const a = 1;\n', filename = 'src/routes/users.ts'): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { cdp: { rules: rules as unknown as NonNullable<Linter.Config['plugins']>[string]['rules'] } },
        rules: { [`cdp/${name}`]: ['error', ...options] },
      },
    ],
    filename,
  );
}

describe('invalid rule options', () => {
  it('every rule with options is covered', () => {
    expect(withOptions.length).toBeGreaterThan(0);
  });

  const cases = withOptions.flatMap(([name, rule]) =>
    invalidOptions(rule.meta.schema as JSONSchema4 | JSONSchema4[]).map((invalid) => [name, invalid.label, invalid] as const),
  );

  it.each(cases)('cdp/%s: %s is refused with an error naming the rule and the option', (name, _label, invalid) => {
    let error: Error | undefined;
    try {
      lint(name, invalid.options);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error, 'ESLint accepted the options').toBeInstanceOf(Error);
    const message = error!.message;
    expect(message).toContain(`"cdp/${name}"`);
    if (invalid.key !== undefined && /additional properties/.test(message)) {
      expect(message).toContain(`"${invalid.key}"`);
    } else {
      // A value of the wrong type: ESLint quotes the value itself.
      const bad: unknown = invalid.options.at(-1);
      const value: unknown = invalid.key !== undefined ? (bad as Record<string, unknown>)[invalid.key] : bad;
      const shown: unknown = Array.isArray(value) && value.length === 1 ? (value as unknown[])[0] : value;
      expect([JSON.stringify(shown), JSON.stringify(value)].some((text) => message.includes(text)) || /more than \d+ items/.test(message), message).toBe(true);
    }
  });
});

/** Strings that are valid for a schema of strings and invalid as what rules turn them into. */
const HOSTILE_STRINGS = ['(', '[z-a]', '/(/', '/x/zz', '**/[', '\\', '', '.*'];

/** Code that reaches most rules, so their options are read and used. */
const REACHING = `import express from 'express';
import { TrackClient } from 'customerio-node';
const app = express();
const cio = new TrackClient('3f9a2c1d8e7b6a5f4c3d', 'a1b2c3d4e5f6a7b8c9d0');
app.post('/signup', async (req, res) => {
  await cio.identify(req.body.email, { email: req.body.email, created_at: Date.now(), mobile: '555', trial_end: Date.now() });
  await cio.track(req.body.id, { name: \`Signed Up \${req.body.plan}\`, data: { plan: 1 } });
  await cio.track(req.body.id, { name: 'Signed Up', data: { plan: 'pro' } });
  res.end();
});
`;

describe('options of hostile strings', () => {
  const stringArrays = withOptions.flatMap(([name, rule]) =>
    optionSchemas(rule.meta.schema as JSONSchema4 | JSONSchema4[]).flatMap((schema, index) =>
      Object.entries(schema.properties ?? {})
        .filter(([, property]) => property.type === 'array' && !Array.isArray(property.items) && property.items?.type === 'string' && !property.items.enum)
        .map(([key]) => [name, key, index] as const),
    ),
  );

  it.each(stringArrays)('cdp/%s: %s never crashes the rule', (name, key, index) => {
    const before = Array.from({ length: index }, () => ({}));
    for (const text of HOSTILE_STRINGS) {
      const items = [text];
      const options = [...before, { [key]: items }];
      let messages: Linter.LintMessage[];
      try {
        messages = lint(name, options, REACHING);
      } catch (error) {
        // A string the schema refuses (`minLength`) is ESLint's clear error, not a crash.
        expect((error as Error).message).toMatch(/^Key "rules": Key "cdp\//);
        continue;
      }
      expect(messages.filter((message) => message.fatal)).toEqual([]);
    }
  });
});
