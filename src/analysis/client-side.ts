import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { builtinModules } from 'node:module';
import { matchesAnyGlob, projectPath } from './glob.js';
import { staticName } from './ast.js';
import { isTestFile } from './values.js';

/**
 * Is a file client-side code, bundled for the browser (or a mobile app)? Precision first: only
 * signals that a bundler would really ship the file count, and any sign of server code wins over
 * the weaker ones.
 *
 * In order:
 * 1. `'use server'`, `import 'server-only'`, a `serverGlobs` match: server code.
 * 2. `'use client'`, a `clientGlobs` match: client code.
 * 3. Vue and Svelte component files: client code.
 * 4. Test files and stories run in Node or a dev tool, not in the product: not client code.
 * 5. Server code by convention: `api/`, `server/` and serverless folders, `*.server.*` files;
 *    modules that import Node built-ins, server frameworks or server renderers; pages that export
 *    `getServerSideProps`, `getStaticProps`, `loader` or `action` (the framework strips their
 *    imports from the bundle).
 * 6. A browser entry (`react-dom/client`), an import of a UI framework (of React: a hook), or
 *    JSX: client code. Under an `app/` folder, React imports other than hooks and JSX prove
 *    nothing: Next.js renders those files as server components unless they say `'use client'`.
 */
export interface ClientSideOptions {
  clientGlobs: readonly string[];
  serverGlobs: readonly string[];
}

export type ClientSideReason =
  | { kind: 'directive' }
  | { kind: 'glob'; glob: string }
  | { kind: 'component'; extension: string }
  | { kind: 'framework'; module: string }
  | { kind: 'jsx' };

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** UI frameworks: a module that imports one of these (or a sub-path) renders in the browser. */
const UI_FRAMEWORKS = [
  'react-dom',
  'react-native',
  'expo',
  'vue',
  'svelte',
  'solid-js',
  'lit',
  '@angular/core',
  'jquery',
];

/** Imports that only server code makes: renderers to strings, server-side framework APIs. */
const SERVER_MODULES = [
  'server-only',
  'react-dom/server',
  'next/server',
  'next/headers',
  'next/cache',
  'react-email',
  '@react-email',
  '@react-pdf/renderer',
  'ink',
  'hono',
  'express',
  'fastify',
  'koa',
  '@nestjs',
  '@remix-run/node',
  '@sveltejs/kit/node',
  'aws-lambda',
  '@aws-sdk',
  '@vercel/node',
];

/** React-family modules: under Next.js's `app/` they are server components by default. */
const SERVER_COMPONENT_FRAMEWORKS = ['react', 'react-dom', 'preact'];

/**
 * `react` and `preact` themselves are imported by server code too (`cache` in a data module, JSX
 * in server components): only their hooks, which server components cannot call, say client code.
 */
const HOOK_FRAMEWORKS = ['react', 'preact'];
const CLIENT_HOOK = /^use[A-Z]/;
const SERVER_SAFE_HOOKS = new Set(['useId']);

/** Modules only a browser entry imports: it mounts the app into the page. */
const BROWSER_ENTRIES = ['react-dom/client'];

/** Folders whose files are server code by convention. */
const SERVER_FOLDERS = new Set([
  'api',
  'server',
  'servers',
  'backend',
  'functions',
  'lambda',
  'lambdas',
  'serverless',
  'workers',
  'worker',
  'jobs',
  'scripts',
  'emails',
]);

/** Page exports whose imports a framework strips from the browser bundle. */
const SERVER_EXPORTS = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths', 'loader', 'action']);

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

const COMPONENT_EXTENSIONS = /\.(vue|svelte)$/;
const STORY_FILE = /\.stories\.[cm]?[jt]sx?$/;
const SERVER_FILE = /(?:^|\.)server\.[cm]?[jt]sx?$|^\+server\./;

const SLASH = 0x2f;
const isUnder = (specifier: string, name: string): boolean =>
  specifier.startsWith(name) && (specifier.length === name.length || specifier.charCodeAt(name.length) === SLASH);

interface RuntimeImport {
  specifier: string;
  /** The named bindings it takes (`useState` in `import { useState } from 'react'`). */
  names: string[];
}

/** The modules the file loads at run time (type-only imports are erased), with the names it takes. */
function runtimeImports(program: TSESTree.Program): RuntimeImport[] {
  const imports: RuntimeImport[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      const names: string[] = [];
      let typeOnly = statement.specifiers.length > 0;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
        typeOnly = false;
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) names.push(staticName(specifier.imported, false) ?? '');
      }
      if (!typeOnly) imports.push({ specifier: statement.source.value, names });
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          typeof init.arguments[0].value === 'string'
        ) {
          const names =
            declarator.id.type === AST_NODE_TYPES.ObjectPattern
              ? declarator.id.properties.flatMap((property) =>
                  property.type === AST_NODE_TYPES.Property ? [staticName(property.key, property.computed) ?? ''] : [],
                )
              : [];
          imports.push({ specifier: init.arguments[0].value, names });
        }
      }
    }
  }
  return imports;
}

function directives(program: TSESTree.Program): Set<string> {
  const found = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    found.add(statement.directive);
  }
  return found;
}

function exportedNames(program: TSESTree.Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) names.push(declaration.id.name);
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
      }
    }
    for (const specifier of statement.specifiers) {
      if (specifier.exported.type === AST_NODE_TYPES.Identifier) names.push(specifier.exported.name);
    }
  }
  return names;
}

/** TypeScript never parses JSX in these: the type-assertion syntax `<T>x` takes its place. */
const NO_JSX_FILE = /\.[cm]?ts$/;

function hasJsx(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  if (NO_JSX_FILE.test(filename)) return false;
  // JSX leaves its own token types behind; scanning the flat token list needs no tree walk.
  return (sourceCode.ast.tokens ?? []).some((token) => token.type === 'JSXIdentifier' || token.type === 'JSXText');
}

/**
 * Does the file have any of the signals that make a file client code (steps 2, 3 and 6)? Without
 * one it is not client code, whatever else it says. May answer yes for a file that is not.
 */
function hasClientSignal(context: Context, options: ClientSideOptions, found: Set<string>, imports: readonly RuntimeImport[]): boolean {
  return (
    found.has('use client') ||
    options.clientGlobs.length > 0 ||
    MAY_BE_COMPONENT.test(context.filename) ||
    imports.some(mayBeClientImport) ||
    hasJsx(context.sourceCode, context.filename)
  );
}

/** Could the file's name end in a component extension? A superset of the test on the project path's basename. */
const MAY_BE_COMPONENT = /\.(?:vue|svelte)\b/;

const isClientHook = (name: string): boolean => CLIENT_HOOK.test(name) && !SERVER_SAFE_HOOKS.has(name);

/** An import that can make a file client code: a browser entry, a UI framework, a hook of React or Preact. */
function mayBeClientImport({ specifier, names }: RuntimeImport): boolean {
  if (BROWSER_ENTRIES.includes(specifier)) return true;
  if (HOOK_FRAMEWORKS.some((name) => isUnder(specifier, name))) return names.some(isClientHook);
  return UI_FRAMEWORKS.some((name) => isUnder(specifier, name));
}

const cache = new WeakMap<TSESTree.Program, Map<string, ClientSideReason | null>>();

/** Why the file is client-side code, or undefined when it is not (or may not be). */
export function clientSideReason(context: Context, options: ClientSideOptions): ClientSideReason | undefined {
  const program = context.sourceCode.ast;
  const key = `${options.clientGlobs.join('\0')}\u0001${options.serverGlobs.join('\0')}`;
  let byOptions = cache.get(program);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(program, byOptions);
  }
  if (!byOptions.has(key)) byOptions.set(key, decide(context, options) ?? null);
  return byOptions.get(key) ?? undefined;
}

function decide(context: Context, options: ClientSideOptions): ClientSideReason | undefined {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  const found = directives(program);
  const imports = runtimeImports(program);
  // Most files have no client signal at all: their path, exports and text need no look.
  if (!hasClientSignal(context, options, found, imports)) return undefined;
  const relative = projectPath(context.filename, context.cwd);

  if (found.has('use server') || imports.some(({ specifier }) => specifier === 'server-only')) return undefined;
  if (matchesAnyGlob(relative, options.serverGlobs)) return undefined;
  if (found.has('use client')) return { kind: 'directive' };
  const glob = matchesAnyGlob(relative, options.clientGlobs);
  if (glob !== undefined) return { kind: 'glob', glob };

  const segments = relative.split('/');
  const basename = segments.pop() ?? '';
  const component = COMPONENT_EXTENSIONS.exec(basename);
  if (component) return { kind: 'component', extension: component[0] };

  if (isTestFile(context.filename) || STORY_FILE.test(basename)) return undefined;
  if (SERVER_FILE.test(basename) || segments.some((segment) => SERVER_FOLDERS.has(segment))) return undefined;
  if (
    imports.some(
      ({ specifier }) =>
        specifier.startsWith('node:') ||
        NODE_BUILTINS.has(specifier.split('/')[0]) ||
        SERVER_MODULES.some((name) => isUnder(specifier, name)),
    )
  ) {
    return undefined;
  }
  if (exportedNames(program).some((name) => SERVER_EXPORTS.has(name))) return undefined;
  // A JSX pragma that renders on the server (Hono's JSX, string templates).
  if (/@jsxImportSource\s+(?:hono|@kitajs)/.test(sourceCode.text)) return undefined;

  const entry = imports.find(({ specifier }) => BROWSER_ENTRIES.includes(specifier));
  if (entry !== undefined) return { kind: 'framework', module: entry.specifier };
  // Next.js's app router: files are server components unless they say 'use client'.
  const serverComponents = segments.includes('app');
  const framework = imports.find(({ specifier, names }) => {
    if (HOOK_FRAMEWORKS.some((name) => isUnder(specifier, name))) return names.some(isClientHook);
    return (
      UI_FRAMEWORKS.some((name) => isUnder(specifier, name)) &&
      !(serverComponents && SERVER_COMPONENT_FRAMEWORKS.some((name) => isUnder(specifier, name)))
    );
  });
  if (framework !== undefined) return { kind: 'framework', module: framework.specifier };
  if (!serverComponents && hasJsx(sourceCode, context.filename)) return { kind: 'jsx' };
  return undefined;
}

/** How messages say why the file is client-side. */
export function describeReason(reason: ClientSideReason): string {
  switch (reason.kind) {
    case 'directive':
      return "it starts with 'use client'";
    case 'glob':
      return `it matches the client-side glob \`${reason.glob}\``;
    case 'component':
      return `it is a ${reason.extension} component`;
    case 'framework':
      return `it imports the UI framework \`${reason.module}\``;
    case 'jsx':
      return 'it renders JSX';
  }
}
