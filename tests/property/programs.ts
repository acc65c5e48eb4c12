// Generated programs: random compositions of SDK imports, client holders, calls with arguments of
// every kind, the places calls are made from (handlers, loops, classes, JSX), settings that teach
// the engine about the app's own modules and wrappers, and unrelated code. A program is plain
// data (shrinkable by fast-check) and `renderProgram` turns it into source text.
import fc from 'fast-check';
import type { FieldSpec, MethodSpec } from '../../src/sdk/types.js';
import { CLIENT_TARGETS, memberNamesOf, targetByKey, targetKey, type Target } from './model.js';
import { settingsArbitrary, type GeneratedSettings } from './settings.js';
import { argumentsFor, authorizationHeader, type ValueScope } from './values.js';

export const IMPORT_STYLES = [
  'named', 'aliased', 'default', 'namespace', 'require', 'requireAliased', 'requireWhole', 'requireInline', 'dynamic', 'importEquals',
] as const;
export type ImportStyle = (typeof IMPORT_STYLES)[number];

export const HOLDERS = [
  'const', 'let', 'exported', 'object', 'factory', 'lazy', 'classField', 'privateField', 'staticField', 'paramProperty',
  'ctorAssign', 'perRequest', 'inline',
] as const;
export type Holder = (typeof HOLDERS)[number];

export const CONTEXTS = [
  'asyncFn', 'syncFn', 'express', 'koa', 'next', 'serverAction', 'lambda', 'nest', 'forOf', 'forIndex', 'forEach', 'map',
  'while', 'try', 'if', 'then', 'listener', 'jsx', 'useEffect', 'generator', 'iife', 'switch',
] as const;
export type Context = (typeof CONTEXTS)[number];

export const CALL_STYLES = [
  'await', 'awaitAssign', 'void', 'plain', 'then', 'return', 'optional', 'computed', 'bind', 'wrapper', 'promiseAll',
] as const;
export type CallStyle = (typeof CALL_STYLES)[number];

export interface CallSpec {
  member: string;
  /** Reading a member (an internal) rather than calling it. */
  read: boolean;
  args: string[];
  style: CallStyle;
  /** Outermost first. */
  contexts: Context[];
}

export interface UseSpec {
  /** An SDK client, a client module the settings declare, or a wrapper the settings declare. */
  source:
    | { kind: 'sdk'; target: string; importStyle: ImportStyle; ctorArgs: string[] }
    | { kind: 'app'; specifier: string; exportName: string }
    | { kind: 'wrapper'; name: string };
  holder: Holder;
  calls: CallSpec[];
}

export interface ProgramSpec {
  ext: 'ts' | 'tsx' | 'js' | 'jsx' | 'mjs' | 'cjs' | 'mts';
  directive: '' | 'use client' | 'use server';
  uses: UseSpec[];
  unrelated: string[];
  /** The value of `settings.cdp` the program is linted with. */
  settings?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const UNLISTED = ['getProfiles', 'unknownMethod', 'send', 'then', 'constructor', 'toString'];

/** Calls and member reads on a client: its modelled methods, some it does not list, its internals. */
function callArbitrary(target: Target): fc.Arbitrary<CallSpec> {
  const scope: ValueScope = { sdk: target.sdk, client: target.client, depth: 2 };
  const methods = target.client.methods;
  const members = memberNamesOf(target.client);
  const methodCall = (method: MethodSpec): fc.Arbitrary<Omit<CallSpec, 'style' | 'contexts'>> =>
    argumentsFor(method.fields, scope, target.module.specifier, method.callbackArg).map((args) => ({ member: method.name, read: false, args }));
  const options: fc.WeightedArbitrary<Omit<CallSpec, 'style' | 'contexts'>>[] = [];
  if (methods.length > 0) options.push({ weight: 10, arbitrary: fc.constantFrom(...methods).chain(methodCall) });
  options.push({
    weight: methods.length > 0 ? 1 : 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...UNLISTED), argumentsFor([], scope))
      .map(([member, args]) => ({ member, read: false, args })),
  });
  if (members.length > 0) {
    options.push({
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...members), fc.boolean()).map(([member, read]) => ({
        member,
        read,
        args: read ? [] : member === 'on' || member === 'once' ? ["'error'", '(err) => console.error(err)'] : [],
      })),
    });
  }
  return fc
    .tuple(fc.oneof(...options), callStyle, contextsArbitrary)
    .map(([call, style, contexts]) => ({ ...call, style, contexts }));
}

const callStyle = fc.oneof(
  { weight: 6, arbitrary: fc.constant<CallStyle>('await') },
  { weight: 3, arbitrary: fc.constant<CallStyle>('plain') },
  { weight: 6, arbitrary: fc.constantFrom(...CALL_STYLES) },
);

const contextsArbitrary: fc.Arbitrary<Context[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Context[]>([]) },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...CONTEXTS), { minLength: 1, maxLength: 3 }) },
);

function sdkUse(target: Target): fc.Arbitrary<UseSpec> {
  const scope: ValueScope = { sdk: target.sdk, client: target.client, depth: 2 };
  return fc.record({
    source: fc.record({
      kind: fc.constant('sdk' as const),
      target: fc.constant(targetKey(target)),
      importStyle: fc.constantFrom(...IMPORT_STYLES),
      ctorArgs: argumentsFor(target.client.ctorFields, scope, target.module.specifier),
    }),
    holder: fc.constantFrom(...HOLDERS),
    calls: fc.array(callArbitrary(target), { minLength: 0, maxLength: 4 }),
  });
}

/** Calls through the settings: on a client module the app declares, or of a declared wrapper. */
function settingsUses(settings: GeneratedSettings): fc.Arbitrary<UseSpec>[] {
  const uses: fc.Arbitrary<UseSpec>[] = [];
  for (const module of settings.modules) {
    const target = CLIENT_TARGETS.find((t) => t.client === module.client) ?? CLIENT_TARGETS[0];
    uses.push(
      fc.record({
        source: fc.constantFrom(...module.importedAs).map((specifier) => ({ kind: 'app' as const, specifier, exportName: module.exportName })),
        holder: fc.constant<Holder>('inline'),
        calls: fc.array(callArbitrary(target), { minLength: 1, maxLength: 3 }),
      }),
    );
  }
  for (const wrapper of settings.wrappers) {
    const scope: ValueScope = { sdk: wrapper.sdk, client: wrapper.client, depth: 1 };
    const fields: FieldSpec[] = wrapper.params.flatMap((param, i) => {
      if (!param) return [];
      const field = wrapper.method.fields.find(
        (f) => f.at.index === param.index && (f.at.path ?? []).join('.') === (param.path ?? []).join('.'),
      );
      return [{ ...(field ?? { role: 'payload' as const }), at: { index: i } }];
    });
    uses.push(
      fc.record({
        source: fc.constant({ kind: 'wrapper' as const, name: wrapper.name }),
        holder: fc.constant<Holder>('inline'),
        calls: fc.array(
          fc.tuple(argumentsFor(fields, scope), callStyle, contextsArbitrary).map(([args, style, contexts]) => ({
            member: '',
            read: false,
            args,
            style,
            contexts,
          })),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );
  }
  return uses;
}

const UNRELATED = [
  "import express from 'express';",
  "import React, { useEffect, useState } from 'react';",
  "import { z } from 'zod';",
  "const app = express();",
  'const total = items.reduce((sum, item) => sum + item.price, 0);',
  'export function add(a, b) { return a + b; }',
  'class Cache { #map = new Map(); get(key) { return this.#map.get(key); } }',
  'const re = /ab+c/giu;',
  'label: for (;;) { break label; }',
  'async function* pages() { yield 1; yield* [2, 3]; }',
  'const { a, ...rest } = obj ?? {};',
  "analytics.track('Signed Up', { plan: 'pro' });",
  "mixpanel.track('event', { created_at: Date.now() });",
  "client.identify(user.email, { created_at: Date.now() });",
  "posthog.capture({ distinctId: user.email, event: `clicked_${id}` });",
  "fetch('https://track.customer.io/api/v1/customers/1', { method: 'PUT', headers });",
  "await fetch('https://a.klaviyo.com/api/events/', { method: 'POST', body: JSON.stringify({ time: Date.now() }) });",
  "const cio = { track() {} }; cio.track('id', { name: 'x', timestamp: Date.now() });",
  'export default function handler(req, res) { res.status(200).json({ ok: true }); }',
  "const TrackClient = class {}; new TrackClient('a', 'b').track('x', { name: 'y' });",
  "const require2 = require; require2('customerio-node');",
  'module.exports = {};',
  `${'const deep = '}${'['.repeat(30)}${']'.repeat(30)};`,
  `${'if (a) '.repeat(20)}{ b(); }`,
  'export { add as plus };',
  "export * from './other';",
  'debugger;',
  '/* customerio-node */ // klaviyo-api',
  "type Props = { id: string };",
  'interface Payload { name: string; created_at?: number }',
  'enum Kind { A = 1, B }',
  "declare module 'customerio-node' { interface TrackClient { extra(): void } }",
  'function overload(a: string): void; function overload(a: any) {}',
];

/** A statement of no SDK, TypeScript-only ones marked. */
const unrelatedStatement: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...UNRELATED) },
  { weight: 1, arbitrary: authorizationHeader.map((headers) => `await fetch('https://api.customer.io/v1/send/email', { method: 'POST', headers: ${headers} });`) },
);

const EXTENSIONS: fc.Arbitrary<ProgramSpec['ext']> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('ts' as const) },
  { weight: 5, arbitrary: fc.constant('tsx' as const) },
  { weight: 3, arbitrary: fc.constant('js' as const) },
  { weight: 1, arbitrary: fc.constantFrom('jsx' as const, 'mjs' as const, 'cjs' as const, 'mts' as const) },
);

/** Clients with more modelled methods are picked more often: that is where the rules look. */
const targetArbitrary: fc.Arbitrary<Target> = fc.oneof(
  ...CLIENT_TARGETS.map((target) => ({ weight: 1 + 3 * Math.min(target.client.methods.length, 5), arbitrary: fc.constant(target) })),
);

/** A whole program, with the settings it is linted under (undefined: none). */
export const programArbitrary: fc.Arbitrary<ProgramSpec> = fc
  .option(settingsArbitrary, { freq: 2 })
  .chain((settings) => {
    const fromSettings = settings ? settingsUses(settings) : [];
    const use = fc.oneof(
      { weight: 4, arbitrary: targetArbitrary.chain(sdkUse) },
      ...fromSettings.map((arbitrary) => ({ weight: 2, arbitrary })),
    );
    return fc.record({
      ext: EXTENSIONS,
      directive: fc.oneof({ weight: 8, arbitrary: fc.constant('' as const) }, { weight: 1, arbitrary: fc.constantFrom('use client' as const, 'use server' as const) }),
      uses: fc.array(use, { minLength: 1, maxLength: 3 }),
      unrelated: fc.array(unrelatedStatement, { maxLength: 3 }),
      settings: fc.constant(settings?.cdp),
    });
  })
  .map((spec) => Object.assign(spec, { [fc.toStringMethod]: () => describeProgram(spec) }));

/**
 * Clients the typed fixtures project exports (`tests/fixtures/lib/*.ts`): resolvable from another
 * module only with type information. [module as imported, export, SDK module, client class].
 */
const FIXTURE_CLIENTS: readonly (readonly [string, string, string, string])[] = [
  ['./lib/cio', 'cio', 'customerio-node', 'TrackClient'],
  ['./lib/cio', 'api', 'customerio-node', 'APIClient'],
  ['./lib/cio', 'analytics', '@customerio/cdp-analytics-node', 'Analytics'],
  ['./lib/klaviyo', 'profiles', 'klaviyo-api', 'ProfilesApi'],
  ['./lib/klaviyo', 'events', 'klaviyo-api', 'EventsApi'],
];

const fixtureUse: fc.Arbitrary<UseSpec> = fc.constantFrom(...FIXTURE_CLIENTS).chain(([module, exportName, specifier, client]) => {
  const target = CLIENT_TARGETS.find((t) => t.module.specifier === specifier && t.client.name === client) ?? CLIENT_TARGETS[0];
  return fc.record({
    source: fc.constant({ kind: 'app' as const, specifier: module, exportName }),
    holder: fc.constant<Holder>('inline'),
    calls: fc.array(callArbitrary(target), { minLength: 1, maxLength: 3 }),
  });
});

/** Programs for the typed fixtures project: TypeScript, using its client modules as well. */
export const typedProgramArbitrary: fc.Arbitrary<ProgramSpec> = fc
  .tuple(programArbitrary, fc.array(fixtureUse, { minLength: 1, maxLength: 2 }), fc.boolean())
  .map(([spec, extra, tsx]) => {
    const typed: ProgramSpec = { ...spec, ext: tsx ? 'tsx' : 'ts', uses: [...extra, ...spec.uses] };
    return Object.assign(typed, { [fc.toStringMethod]: () => describeProgram(typed) });
  });

/** How a counterexample prints: the file name, its settings and its code. */
export function describeProgram(spec: ProgramSpec): string {
  return `\n// ${filenameOf(spec)}${spec.settings ? `\n// settings.cdp = ${JSON.stringify(spec.settings)}` : ''}\n${renderProgram(spec)}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface State {
  async: boolean;
  inFunction: boolean;
  top: boolean;
}

interface Flags {
  ts: boolean;
  jsx: boolean;
  cjs: boolean;
}

const isTs = (ext: ProgramSpec['ext']): boolean => ext === 'ts' || ext === 'tsx' || ext === 'mts';

export const filenameOf = (spec: ProgramSpec): string => `src/app/generated.${spec.ext}`;

/** Counters that keep generated names unique within one program. */
class Names {
  private n = 0;
  next(base: string): string {
    return `${base}${this.n++}`;
  }
}

/** How each module is imported, and the names programs read from it. */
class Imports {
  private readonly lines: string[] = [];
  private readonly named = new Map<string, Map<string, string>>();
  private readonly styles = new Map<string, { style: ImportStyle; local: string }>();

  constructor(private readonly flags: Flags) {}

  /** The style a module gets when first used by this style; CommonJS and JavaScript lack some. */
  private effective(style: ImportStyle): ImportStyle {
    if (this.flags.cjs) {
      return style === 'named' || style === 'default' || style === 'dynamic' ? 'require'
        : style === 'aliased' ? 'requireAliased'
          : style === 'namespace' || style === 'importEquals' ? 'requireWhole'
            : style;
    }
    if (style === 'importEquals' && !this.flags.ts) return 'requireWhole';
    return style;
  }

  /** An expression for an export of a module (`undefined`: what the module itself gives). */
  ref(specifier: string, exportName: string | undefined, requested: ImportStyle, local: string): string {
    let entry = this.styles.get(specifier);
    if (!entry) {
      entry = { style: this.effective(requested), local };
      this.styles.set(specifier, entry);
      const quoted = `'${specifier}'`;
      switch (entry.style) {
        case 'default': this.lines.push(`import ${local} from ${quoted};`); break;
        case 'namespace': this.lines.push(`import * as ${local} from ${quoted};`); break;
        case 'requireWhole': this.lines.push(`const ${local} = require(${quoted});`); break;
        case 'dynamic': this.lines.push(`const ${local} = await import(${quoted});`); break;
        case 'importEquals': this.lines.push(`import ${local} = require(${quoted});`); break;
        default: break;
      }
    }
    const { style } = entry;
    const whole = entry.local;
    if (exportName === undefined || exportName === 'default') {
      switch (style) {
        case 'requireInline': return `require('${specifier}')`;
        case 'dynamic': return `${whole}.default`;
        case 'named': case 'aliased': case 'require': case 'requireAliased':
          return this.name(specifier, 'default', style);
        default: return whole;
      }
    }
    switch (style) {
      case 'named': case 'aliased': case 'require': case 'requireAliased':
        return this.name(specifier, exportName, style);
      case 'requireInline': return `require('${specifier}').${exportName}`;
      default: return `${whole}.${exportName}`;
    }
  }

  private name(specifier: string, exportName: string, style: ImportStyle): string {
    let names = this.named.get(specifier);
    if (!names) this.named.set(specifier, (names = new Map<string, string>()));
    const aliased = style === 'aliased' || style === 'requireAliased' || exportName === 'default';
    const local = names.get(exportName) ?? (aliased ? `${exportName === 'default' ? 'Sdk' : exportName}_${names.size}` : exportName);
    names.set(exportName, local);
    return local;
  }

  render(): string {
    const out = [...this.lines];
    for (const [specifier, names] of this.named) {
      const style = this.styles.get(specifier)?.style;
      const entries = [...names].map(([exported, local]) => (exported === local ? exported : `${exported}${style?.startsWith('require') ? ':' : ' as'} ${local}`));
      const defaultLocal = names.get('default');
      if (style?.startsWith('require')) {
        out.push(`const { ${entries.join(', ')} } = require('${specifier}');`);
      } else if (defaultLocal !== undefined && entries.length === 1) {
        out.push(`import ${defaultLocal} from '${specifier}';`);
      } else {
        out.push(`import { ${entries.filter((e) => !e.startsWith('default')).join(', ')} } from '${specifier}';`);
        if (defaultLocal !== undefined) out.push(`import ${defaultLocal} from '${specifier}';`);
      }
    }
    return out.join('\n');
  }
}

/** Replaces the markers: TypeScript-only text, and references to SDK exports. */
function resolveMarkers(text: string, flags: Flags, imports: Imports, names: Names): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- markers are control characters: no JSON-escaped literal holds one.
      .replace(/\u0001([^\u0002]*)\u0002/g, (_, ts: string) => (flags.ts ? ts : ''))
      // eslint-disable-next-line no-control-regex -- as above.
      .replace(/\u0003([^\u0004]*)\u0004([^\u0005]*)\u0005/g, (_, specifier: string, exportName: string) =>
        imports.ref(specifier, exportName, 'named', names.next('sdk')),
      )
  );
}

const needsParens = (expr: string): boolean => !/^[\w$.]+$/.test(expr);

function wrapContexts(contexts: readonly Context[], state: State, flags: Flags, names: Names, inner: (state: State) => string): string {
  const usable = contexts.filter(
    (context) => (flags.jsx || (context !== 'jsx' && context !== 'useEffect')) && (flags.ts || context !== 'nest'),
  );
  const [context, ...rest] = usable;
  if (!context) return inner(state);
  const body = (next: Partial<State>): string => wrapContexts(rest, { ...state, top: false, ...next }, flags, names, inner);
  const exported = state.top && !flags.cjs ? 'export ' : '';
  const n = names.next('');
  const param = (name: string, type: string): string => `${name}${flags.ts ? `: ${type}` : ''}`;
  switch (context) {
    case 'asyncFn':
      return `async function run${n}(${param('user', 'any')}) {\n${body({ async: true, inFunction: true })}\n}\nvoid run${n}(currentUser);`;
    case 'syncFn':
      return `function sync${n}(user) {\n${body({ async: false, inFunction: true })}\n}`;
    case 'express':
      return `app.post('/api/signup/${n}', requireAuth, async (${param('req', 'any')}, ${param('res', 'any')}) => {\n${body({ async: true, inFunction: true })}\nres.json({ ok: true });\n});`;
    case 'koa':
      return `router.get('/users/:id', async (ctx, next) => {\n${body({ async: true, inFunction: true })}\nawait next();\n});`;
    case 'next':
      return `${exported}async function POST(${param('request', 'Request')}) {\nconst user = await request.json();\n${body({ async: true, inFunction: true })}\nreturn Response.json({ ok: true });\n}`;
    case 'serverAction':
      return `${exported}async function save${n}(formData) {\n'use server';\n${body({ async: true, inFunction: true })}\n}`;
    case 'lambda':
      return `${exported}const handler${n} = async (event, context) => {\n${body({ async: true, inFunction: true })}\nreturn { statusCode: 200 };\n};`;
    case 'nest':
      return `@Controller('users')\nclass UsersController${n} {\n@Post()\nasync create(@Body() dto: any) {\n${body({ async: true, inFunction: true })}\n}\n}`;
    case 'forOf':
      return `for (const user of users) {\n${body({})}\n}`;
    case 'forIndex':
      return `for (let i = 0; i < users.length; i++) {\nconst user = users[i];\n${body({})}\n}`;
    case 'forEach':
      return `users.forEach(${state.async ? 'async ' : ''}(user) => {\n${body({ inFunction: true })}\n});`;
    case 'map':
      return `${state.async ? 'await ' : ''}Promise.all(users.map(async (user) => {\n${body({ async: true, inFunction: true })}\n}));`;
    case 'while':
      return `while (queue.length > 0) {\nconst user = queue.shift();\n${body({})}\n}`;
    case 'try':
      return `try {\n${body({})}\n} catch (error) {\nconsole.error(error);\n} finally {\ndone();\n}`;
    case 'if':
      return `if (user && user.id) {\n${body({})}\n} else {\nskip();\n}`;
    case 'then':
      return `loadUser(id).then(async (user) => {\n${body({ async: true, inFunction: true })}\n});`;
    case 'listener':
      return `queue.on('message', async (message) => {\nconst user = JSON.parse(message.body);\n${body({ async: true, inFunction: true })}\n});`;
    case 'jsx':
      return `${exported}function Button${n}({ user }) {\nreturn <button onClick={() => {\n${body({ async: false, inFunction: true })}\n}}>Save</button>;\n}`;
    case 'useEffect':
      return `${exported}function Tracker${n}({ user }) {\nuseEffect(() => {\n${body({ async: false, inFunction: true })}\n}, [user]);\nreturn <>{user.name}</>;\n}`;
    case 'generator':
      return `function* events${n}(user) {\n${body({ async: false, inFunction: true })}\nyield user;\n}`;
    case 'iife':
      return `(async () => {\n${body({ async: true, inFunction: true })}\n})();`;
    case 'switch':
      return `switch (kind) {\ncase 'signup': {\n${body({})}\nbreak;\n}\ndefault:\nbreak;\n}`;
  }
}

function callStatement(ref: string, call: CallSpec, state: State, names: Names, flags: Flags): string {
  const args = call.args.join(', ');
  const receiver = ref.startsWith('new ') ? `(${ref})` : ref;
  if (call.read) return `const ${names.next('member')} = ${receiver}.${call.member};`;
  const callee = call.member === '' ? ref : `${receiver}.${call.member}`;
  const expr = `${callee}(${args})`;
  const awaited = state.async ? `await ${expr}` : expr;
  switch (call.style) {
    case 'await': return `${awaited};`;
    case 'awaitAssign': return `const ${names.next('result')} = ${awaited};`;
    case 'void': return `void ${expr};`;
    case 'plain': return `${expr};`;
    case 'then': return `${expr}.then(() => undefined).catch((err) => console.error(err));`;
    case 'return': return state.inFunction ? `return ${expr};` : `${expr};`;
    case 'optional': return call.member === '' ? `${ref}?.(${args});` : `${receiver}?.${call.member}?.(${args});`;
    case 'computed': return call.member === '' ? `${expr};` : `${receiver}['${call.member}'](${args});`;
    case 'bind': {
      const fn = names.next('fn');
      return call.member === '' ? `const ${fn} = ${ref}.bind(null);\n${fn}(${args});` : `const ${fn} = ${callee}.bind(${receiver});\n${fn}(${args});`;
    }
    case 'wrapper': {
      const fn = names.next('send');
      const params = call.args.map((_, i) => `p${i}${flags.ts ? '?: any' : ''}`);
      const forwarded = call.args.map((_, i) => `p${i}`).join(', ');
      return `function ${fn}(${params.join(', ')}) {\nreturn ${callee}(${forwarded});\n}\n${fn}(${args});`;
    }
    case 'promiseAll': return `${state.async ? 'await ' : ''}Promise.all([${expr}, ${expr}]);`;
  }
}

/** A use's declarations (module scope) and statements, given how its client is held. */
function renderUse(use: UseSpec, flags: Flags, imports: Imports, names: Names, topState: State): string {
  const { source } = use;
  const resolve = (text: string): string => resolveMarkers(text, flags, imports, names);
  let construction: string;
  let holder = use.holder;
  if (source.kind === 'sdk') {
    const target = targetByKey(source.target);
    const ctor = imports.ref(target.module.specifier, target.exportName, source.importStyle, names.next('sdk'));
    const args = resolve(source.ctorArgs.join(', '));
    construction = target.via === 'instance'
      ? ctor
      : `${target.client.construct === 'new' ? 'new ' : ''}${needsParens(ctor) ? `(${ctor})` : ctor}(${args})`;
  } else if (source.kind === 'app') {
    const local = names.next(source.exportName);
    if (flags.cjs) return `const { ${source.exportName}: ${local} } = require('${source.specifier}');\n${renderCalls(use, local, flags, names, topState, resolve)}`;
    const line = `import { ${source.exportName} as ${local} } from '${source.specifier}';`;
    return `${line}\n${renderCalls(use, local, flags, names, topState, resolve)}`;
  } else {
    return renderCalls(use, source.name, flags, names, topState, resolve);
  }
  if (!flags.ts && holder === 'paramProperty') holder = 'ctorAssign';
  if (flags.cjs && holder === 'exported') holder = 'const';

  const v = names.next('client');
  switch (holder) {
    case 'const': return `const ${v} = ${construction};\n${renderCalls(use, v, flags, names, topState, resolve)}`;
    case 'let': return `let ${v}${flags.ts ? ': any' : ''};\n${v} = ${construction};\n${renderCalls(use, v, flags, names, topState, resolve)}`;
    case 'exported': return `export const ${v} = ${construction};\n${renderCalls(use, v, flags, names, topState, resolve)}`;
    case 'object': return `const ${v} = { cio: ${construction}, other: 1 };\n${renderCalls(use, `${v}.cio`, flags, names, topState, resolve)}`;
    case 'factory': return `function make${v}() {\nreturn ${construction};\n}\n${renderCalls(use, `make${v}()`, flags, names, topState, resolve)}`;
    case 'lazy': return `let ${v}${flags.ts ? ': any' : ''};\nconst get${v} = () => (${v} ??= ${construction});\n${renderCalls(use, `get${v}()`, flags, names, topState, resolve)}`;
    case 'inline': return renderCalls(use, construction, flags, names, topState, resolve);
    case 'perRequest': {
      const local = names.next('perRequest');
      return use.calls
        .map((call) => wrapContexts(call.contexts, topState, flags, names, (state) =>
          `const ${local} = ${construction};\n${callStatement(local, { ...call, args: call.args.map(resolve) }, state, names, flags)}`))
        .join('\n');
    }
    default: {
      const cls = names.next('Service');
      const field = holder === 'privateField' ? '#cio' : 'cio';
      const ref = holder === 'staticField' ? `${cls}.cio` : `this.${field}`;
      const methodState: State = { async: true, inFunction: true, top: false };
      const methods = use.calls.map((call, i) =>
        `async handle${i}(${flags.ts ? 'req: any, res: any' : 'req, res'}) {\n${wrapContexts(call.contexts, methodState, flags, names, (state) =>
          callStatement(ref, { ...call, args: call.args.map(resolve) }, state, names, flags))}\n}`);
      const type = flags.ts ? ': any' : '';
      const head = holder === 'classField' ? `cio = ${construction};`
        : holder === 'privateField' ? `#cio = ${construction};`
          : holder === 'staticField' ? `static cio = ${construction};`
            : holder === 'paramProperty' ? `constructor(private readonly cio${type}) {}`
              : `cio${type};\nconstructor() {\nthis.cio = ${construction};\n}`;
      const instance = holder === 'paramProperty' ? `\nexport const instance${cls} = new ${cls}(${construction});` : '';
      return `${flags.cjs ? '' : 'export '}class ${cls} {\n${head}\n${methods.join('\n')}\n}${instance}`;
    }
  }
}

function renderCalls(use: UseSpec, ref: string, flags: Flags, names: Names, state: State, resolve: (text: string) => string): string {
  return use.calls
    .map((call) => wrapContexts(call.contexts, state, flags, names, (inner) => callStatement(ref, { ...call, args: call.args.map(resolve) }, inner, names, flags)))
    .join('\n');
}

/** The source text of a program. */
export function renderProgram(spec: ProgramSpec): string {
  const flags: Flags = { ts: isTs(spec.ext), jsx: spec.ext === 'tsx' || spec.ext === 'jsx' || spec.ext === 'js', cjs: spec.ext === 'cjs' };
  const names = new Names();
  const imports = new Imports(flags);
  const topState: State = { async: !flags.cjs, inFunction: false, top: true };
  const body = spec.uses.map((use) => renderUse(use, flags, imports, names, topState));
  const unrelated = spec.unrelated
    .filter((statement) => flags.ts || !/^(type|interface|enum|declare|function overload)/.test(statement))
    .filter((statement) => !flags.cjs || !/^(import|export)|await /.test(statement))
    .map((statement) => resolveMarkers(statement, flags, imports, names));
  // Imports go first; module-level code may then use what they bring.
  const parts = [spec.directive ? `'${spec.directive}';` : '', imports.render(), ...unrelated.slice(0, 1), ...body, ...unrelated.slice(1)];
  return `${parts.filter(Boolean).join('\n')}\n`;
}
