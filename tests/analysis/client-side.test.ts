import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientSideReason, describeReason, type ClientSideOptions, type ClientSideReason } from '../../src/analysis/client-side.js';
import { globToRegExp, matchesAnyGlob, projectPath } from '../../src/analysis/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['src/client/**', 'src/client/a.ts', true],
    ['src/client/**', 'src/client/deep/er/a.ts', true],
    ['src/client/**', 'src/clients/a.ts', false],
    ['**/*.tsx', 'a.tsx', true],
    ['**/*.tsx', 'src/a/b.tsx', true],
    ['**/*.tsx', 'src/a/b.ts', false],
    ['src/**/*.{ts,tsx}', 'src/a.ts', true],
    ['src/**/*.{ts,tsx}', 'src/x/a.tsx', true],
    ['src/**/*.{ts,tsx}', 'src/x/a.js', false],
    ['src/{web,{mobile,tv}}/*.ts', 'src/tv/a.ts', true],
    ['web/*.ts', 'web/a.ts', true],
    ['web/*.ts', 'web/x/a.ts', false],
    ['web/?.ts', 'web/a.ts', true],
    ['web/[ab].ts', 'web/a.ts', true],
    ['web/[!ab].ts', 'web/a.ts', false],
    ['web/[ab.ts', 'web/[ab.ts', true],
    ['web/{a.ts', 'web/{a.ts', true],
    ['./frontend/**', 'frontend/main.ts', true],
    ['frontend\\**', 'frontend/main.ts', true],
    ['a.b+c(d)', 'a.b+c(d)', true],
    ['a.b', 'axb', false],
    ['src/**a.ts', 'src/x/ya.ts', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });

  it('finds the first matching glob, relative to the project', () => {
    expect(matchesAnyGlob('web/a.ts', ['api/**', 'web/**'])).toBe('web/**');
    expect(matchesAnyGlob('web/a.ts', [])).toBeUndefined();
    expect(projectPath('/project/src/a.ts', '/project')).toBe('src/a.ts');
    expect(projectPath('src/a.ts', '/project')).toBe('src/a.ts');
  });
});

/** Lints `code` as `filename` and returns what the helper decided. */
function reasonFor(code: string, filename: string, options: Partial<ClientSideOptions> = {}): ClientSideReason | undefined {
  let reason: ClientSideReason | undefined;
  let ran = false;
  const probe: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          ran = true;
          const resolved = { clientGlobs: [], serverGlobs: [], ...options };
          reason = clientSideReason(context, resolved);
          // A second call reads the cache.
          expect(clientSideReason(context, resolved)).toEqual(reason);
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        // A universal pattern alone matches nothing in flat config: name the extensions.
        files: ['**/*.{js,ts,tsx,vue,svelte}'],
        languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    path.join(process.cwd(), filename),
  );
  expect(messages).toEqual([]);
  expect(ran).toBe(true);
  return reason;
}

describe('clientSideReason', () => {
  it("takes 'use client' as client code, 'use server' and server-only as server code", () => {
    expect(reasonFor(`'use client';\nexport const a = 1;`, 'app/a.ts')).toEqual({ kind: 'directive' });
    expect(reasonFor(`'use strict';\n'use client';\nexport const a = 1;`, 'src/a.ts')).toEqual({ kind: 'directive' });
    expect(reasonFor(`'use server';\nexport const A = () => <div />;`, 'src/a.tsx')).toBeUndefined();
    expect(reasonFor(`import 'server-only';\nexport const A = () => <div />;`, 'src/a.tsx')).toBeUndefined();
    // A directive after a statement is just an expression.
    expect(reasonFor(`const x = 1;\n'use client';`, 'src/a.ts')).toBeUndefined();
  });

  it('applies client and server globs, server first', () => {
    expect(reasonFor('export {};', 'web/a.ts', { clientGlobs: ['web/**'] })).toEqual({ kind: 'glob', glob: 'web/**' });
    expect(reasonFor('export {};', 'web/a.ts', { clientGlobs: ['web/**'], serverGlobs: ['web/*.ts'] })).toBeUndefined();
  });

  it('takes Vue and Svelte files as components', () => {
    expect(reasonFor('export default {};', 'src/A.vue')).toEqual({ kind: 'component', extension: '.vue' });
    expect(reasonFor('export const x = 1;', 'src/B.svelte')).toEqual({ kind: 'component', extension: '.svelte' });
  });

  it('finds UI frameworks and JSX, but not in tests, stories and server folders', () => {
    expect(reasonFor(`import { useState } from 'react';`, 'src/hooks/a.ts')).toEqual({ kind: 'framework', module: 'react' });
    expect(reasonFor(`import { createSignal } from 'solid-js/web';`, 'src/a.ts')).toEqual({ kind: 'framework', module: 'solid-js/web' });
    expect(reasonFor(`const { useCallback } = require('preact/hooks');`, 'src/a.js')).toEqual({ kind: 'framework', module: 'preact/hooks' });
    // React's server APIs and a bare React import say nothing without JSX.
    expect(reasonFor(`import { cache } from 'react';`, 'src/lib/data.ts')).toBeUndefined();
    expect(reasonFor(`import React, { useId } from 'react';\nexport const x = React;`, 'src/lib/data.ts')).toBeUndefined();
    expect(reasonFor(`const React = require('react');\nexport const x = React;`, 'src/lib/data.js')).toBeUndefined();
    expect(reasonFor(`export const A = () => <div />;`, 'src/a.tsx')).toEqual({ kind: 'jsx' });
    expect(reasonFor(`export const A = () => <div />;`, 'src/a.test.tsx')).toBeUndefined();
    expect(reasonFor(`export const A = () => <div />;`, 'src/a.stories.tsx')).toBeUndefined();
    expect(reasonFor(`export const A = () => <div />;`, 'src/server/a.tsx')).toBeUndefined();
    expect(reasonFor(`export const A = () => <div />;`, 'src/a.server.tsx')).toBeUndefined();
    expect(reasonFor(`import { useState } from 'react';`, 'src/routes/+server.ts')).toBeUndefined();
    expect(reasonFor(`import type { FC } from 'react';\nexport type X = FC;`, 'src/a.ts')).toBeUndefined();
    expect(reasonFor(`import { type FC } from 'react';\nexport type X = FC;`, 'src/a.ts')).toBeUndefined();
    expect(reasonFor(`export const x = 1;`, 'src/a.ts')).toBeUndefined();
  });

  it('leaves React in app/ to Next.js server components, but not other frameworks or a browser entry', () => {
    expect(reasonFor(`import React from 'react';\nexport default () => <main />;`, 'app/page.tsx')).toBeUndefined();
    expect(reasonFor(`import { ref } from 'vue';`, 'app/a.ts')).toEqual({ kind: 'framework', module: 'vue' });
    // Hooks cannot run in a server component: a module under app/ that uses them is client code.
    expect(reasonFor(`import { useEffect } from 'react';`, 'app/hooks/useTracking.ts')).toEqual({ kind: 'framework', module: 'react' });
    expect(reasonFor(`import { preload } from 'react-dom';`, 'app/layout.tsx')).toBeUndefined();
    expect(reasonFor(`import { createPortal } from 'react-dom';`, 'src/Modal.ts')).toEqual({ kind: 'framework', module: 'react-dom' });
    expect(reasonFor(`import { createRoot } from 'react-dom/client';`, 'src/app/main.tsx')).toEqual({
      kind: 'framework',
      module: 'react-dom/client',
    });
  });

  it('takes Node built-ins, server frameworks, server data functions and server JSX as server code', () => {
    expect(reasonFor(`const fs = require('fs');\nexport const A = () => <div />;`, 'src/a.tsx')).toBeUndefined();
    expect(reasonFor(`import express from 'express';\nexport const A = () => <div />;`, 'src/a.tsx')).toBeUndefined();
    expect(reasonFor(`export async function getServerSideProps() { return { props: {} }; }\nexport default () => <div />;`, 'src/pages/a.tsx')).toBeUndefined();
    expect(reasonFor(`export const loader = () => null;\nexport default () => <div />;`, 'src/routes/a.tsx')).toBeUndefined();
    expect(reasonFor(`const action = () => null;\nexport { action };\nexport default () => <div />;`, 'src/routes/a.tsx')).toBeUndefined();
    expect(reasonFor(`/** @jsxImportSource hono/jsx */\nexport const A = () => <div />;`, 'src/a.tsx')).toBeUndefined();
  });

  it('says why, for messages', () => {
    expect(describeReason({ kind: 'directive' })).toBe("it starts with 'use client'");
    expect(describeReason({ kind: 'glob', glob: 'web/**' })).toBe('it matches the client-side glob `web/**`');
    expect(describeReason({ kind: 'component', extension: '.vue' })).toBe('it is a .vue component');
    expect(describeReason({ kind: 'framework', module: 'vue' })).toBe('it imports the UI framework `vue`');
    expect(describeReason({ kind: 'jsx' })).toBe('it renders JSX');
  });
});
