// The merged options are kept between files and recomputed only when the configured options
// change: a second configuration in the same run (an editor with two projects, `overrides`) must
// never see the first one's options.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { sameValue } from '../../src/util/create-rule.js';

describe('sameValue', () => {
  it.each([
    [[], []],
    [['a', { b: [1, 2], c: { d: true } }], ['a', { b: [1, 2], c: { d: true } }]],
    [[{ a: undefined }], [{ a: undefined }]],
  ])('%j equals %j', (a, b) => {
    expect(sameValue(a, b)).toBe(true);
  });

  it.each([
    [[], [{}]],
    [[{ a: 1 }], [{ a: '1' }]],
    [[{ a: [1, 2] }], [{ a: [2, 1] }]],
    [[{ a: 1 }], [{ b: 1 }]],
    [[{ a: 1, b: undefined }], [{ a: 1 }]],
    [[{}], [[]]],
    [[null], [{}]],
  ])('%j differs from %j', (a, b) => {
    expect(sameValue(a, b)).toBe(false);
  });
});

describe('options between files', () => {
  const plugin = { rules: rules as unknown as NonNullable<Linter.Config['plugins']>[string]['rules'] };
  const code = "import { TrackClient } from 'customerio-node';\nconst cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_API_KEY!);\ncio.track('u1', { name: 'SignedUp' });\n";
  const lint = (convention: string): string[] =>
    new Linter({ configType: 'flat' })
      .verify(
        code,
        [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { cdp: plugin }, rules: { 'cdp/event-name-casing': ['error', { convention }] } }],
        'src/jobs/signup.ts',
      )
      .map((message) => message.message);

  it('a change of options takes effect on the next file, and a change back too', () => {
    const pascal = lint('PascalCase');
    const snake = lint('snake_case');
    expect(pascal).toEqual([]);
    expect(snake).toHaveLength(1);
    expect(lint('PascalCase')).toEqual(pascal);
    expect(lint('snake_case')).toEqual(snake);
  });
});
