import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { API_HOSTS } from '../sdk/index.js';
import type { PathPattern } from '../sdk/types.js';
import { memberName, patternPath, staticName, unwrap } from './ast.js';
import { objectOf } from './credentials.js';
import { nodesOfType } from './file-index.js';
import { thisOwner } from './resolver.js';
import { singleValueOf, staticString, variableOf } from './values.js';

/**
 * HTTP requests written by hand: which calls are HTTP clients (fetch, axios, got, ky, ofetch,
 * undici, Node's `http`/`https`, and instances made with their factories), where such a call sends
 * its request, and which headers it certainly sends. Shared by the rules about credentials in
 * requests and about requests that bypass an SDK.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

// ---------------------------------------------------------------------------------------------
// Clients

export interface HttpCallSpec {
  /** The callee as written, after mapping an imported name to its module (`import http from 'axios'` → axios). */
  callee: string;
  /** The argument holding the URL, when there is one. */
  url?: number;
  /** The argument holding the request options (`headers`, `auth`, and a URL key). */
  config: number;
  /** Makes a client with defaults (`axios.create`) instead of sending: the client's calls are the requests. */
  factory?: boolean;
  /** Node's `http`/`https`: the options give `hostname` (or `host`) and `path` instead of a URL. */
  nodeOptions?: boolean;
}

const httpVerbs = (client: string, verbs: readonly string[], url: number | undefined, config: number): HttpCallSpec[] =>
  verbs.map((verb) => ({ callee: `${client}.${verb}`, url, config }));

const nodeCalls = (module: string): HttpCallSpec[] =>
  ['request', 'get'].map((verb) => ({ callee: `${module}.${verb}`, url: 0, config: 1, nodeOptions: true }));

/** HTTP clients and where their URL and options go. */
export const HTTP_CALLS: readonly HttpCallSpec[] = [
  { callee: 'fetch', url: 0, config: 1 },
  { callee: 'globalThis.fetch', url: 0, config: 1 },
  { callee: 'window.fetch', url: 0, config: 1 },
  { callee: 'ofetch', url: 0, config: 1 },
  { callee: 'ofetch.raw', url: 0, config: 1 },
  { callee: 'ofetch.create', config: 0, factory: true },
  { callee: '$fetch', url: 0, config: 1 },
  { callee: '$fetch.raw', url: 0, config: 1 },
  { callee: '$fetch.create', config: 0, factory: true },
  { callee: 'undici.request', url: 0, config: 1 },
  { callee: 'undici.fetch', url: 0, config: 1 },
  { callee: 'axios', url: 0, config: 1 },
  { callee: 'axios.request', config: 0 },
  { callee: 'axios.create', config: 0, factory: true },
  ...httpVerbs('axios', ['get', 'delete', 'head', 'options'], 0, 1),
  ...httpVerbs('axios', ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'], 0, 2),
  { callee: 'got', url: 0, config: 1 },
  { callee: 'got.extend', config: 0, factory: true },
  ...httpVerbs('got', ['get', 'post', 'put', 'patch', 'delete', 'head'], 0, 1),
  { callee: 'ky', url: 0, config: 1 },
  ...httpVerbs('ky', ['create', 'extend'], undefined, 0).map((spec) => ({ ...spec, factory: true })),
  ...httpVerbs('ky', ['get', 'post', 'put', 'patch', 'delete', 'head'], 0, 1),
  ...nodeCalls('https'),
  ...nodeCalls('http'),
];

/** Modules whose default or named import is one of the clients above. */
const HTTP_MODULES: Readonly<Record<string, string>> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  ofetch: 'ofetch',
  undici: 'undici',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  https: 'https',
  'node:https': 'https',
  http: 'http',
  'node:http': 'http',
};

/** Modules whose named exports are separate functions: `import { request } from 'undici'` is `undici.request`. */
const MEMBER_MODULES = new Set(['undici', 'https', 'http']);

/** Request option keys: where the URL may be, the headers, and basic-auth credentials. */
export const REQUEST_KEYS = {
  url: ['url', 'baseURL', 'prefixUrl'],
  headers: 'headers',
  authorization: 'authorization',
  basicAuth: { object: 'auth', password: 'password' },
} as const;

/** `Authorization` header values: the scheme and the credential after it. */
export const AUTH_SCHEME = /^\s*(Bearer|Basic|Token|Klaviyo-API-Key)\s+(\S+)\s*$/i;

interface CallMatch {
  spec: HttpCallSpec;
  /** The callee's root is a local binding that is not an HTTP module (`function fetch() {}`). */
  shadowed: boolean;
}

/** `HTTP_CALLS` by callee (the first spec of each). */
const CALLS_BY_CALLEE = new Map<string, HttpCallSpec>();
for (const spec of HTTP_CALLS) if (!CALLS_BY_CALLEE.has(spec.callee)) CALLS_BY_CALLEE.set(spec.callee, spec);

/** The names a client's callee starts with when it is not imported: `fetch`, `axios`, `globalThis`. */
const GLOBAL_ROOTS: ReadonlySet<string> = new Set(HTTP_CALLS.map((spec) => spec.callee.split('.')[0]));

interface ClientBindings {
  /** Names an HTTP client call can start with: the global ones and the bindings of HTTP modules. */
  roots: ReadonlySet<string>;
  /** Names of variables initialised with a call of one of the roots (`const api = axios.create()`). */
  instances: ReadonlySet<string>;
}

const bindingsCache = new WeakMap<TSESTree.Program, ClientBindings>();

/**
 * The names that can start a request in this file, read once per file: a call whose callee starts
 * with any other name is no request, which most calls show without a scope lookup.
 */
function clientBindings(sourceCode: SourceCode): ClientBindings {
  const program = sourceCode.ast;
  let bindings = bindingsCache.get(program);
  if (bindings) return bindings;
  const roots = new Set(GLOBAL_ROOTS);
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !Object.hasOwn(HTTP_MODULES, statement.source.value)) continue;
    for (const specifier of statement.specifiers) roots.add(specifier.local.name);
  }
  const declarators = nodesOfType(sourceCode, AST_NODE_TYPES.VariableDeclarator);
  for (const declarator of declarators) {
    const specifier = declarator.init ? requiredModule(declarator.init) : undefined;
    if (specifier === undefined || !Object.hasOwn(HTTP_MODULES, specifier)) continue;
    for (const variable of sourceCode.getDeclaredVariables(declarator)) roots.add(variable.name);
  }
  const instances = new Set<string>();
  for (const declarator of declarators) {
    const init = declarator.init && unwrap(declarator.init);
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression) continue;
    const root = calleeRoot(init);
    if (root && roots.has(root.name)) instances.add(declarator.id.name);
  }
  bindings = { roots, instances };
  bindingsCache.set(program, bindings);
  return bindings;
}

/** The identifier a callee starts with, when it is `name` or `name.member`. */
function calleeRoot(node: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const callee = unwrap(node.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  return root.type === AST_NODE_TYPES.Identifier ? root : undefined;
}

function matchCall(sourceCode: SourceCode, node: TSESTree.CallExpression): CallMatch | undefined {
  const callee = unwrap(node.callee);
  let member: string | undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    member = memberName(callee);
    if (member === undefined) return undefined;
  }
  const root = calleeRoot(node);
  if (!root || !clientBindings(sourceCode).roots.has(root.name)) return undefined;
  const variable = variableOf(sourceCode, root);
  const module = moduleOf(variable);
  const name = member === undefined ? (module ?? root.name) : `${module ?? root.name}.${member}`;
  const spec = CALLS_BY_CALLEE.get(name);
  return spec && { spec, shadowed: !module && variable !== undefined && variable.defs.length > 0 };
}

/** The HTTP client call this is, with the callee's root mapped through its import or `require`. */
export function httpCallOf(sourceCode: SourceCode, node: TSESTree.CallExpression): HttpCallSpec | undefined {
  return matchCall(sourceCode, node)?.spec;
}

/** `import http from 'axios'`, `const got = require('got')`, `import { request } from 'undici'`, `const { get } = require('https')`. */
function moduleOf(variable: Scope.Variable | undefined): string | undefined {
  const def = variable?.defs[0];
  if (def?.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const module = HTTP_MODULES[String(def.parent.source.value)];
    const imported = def.node.type === AST_NODE_TYPES.ImportSpecifier ? staticName(def.node.imported, false) : undefined;
    return module && MEMBER_MODULES.has(module) && imported !== undefined && imported !== 'default'
      ? `${module}.${imported}`
      : module;
  }
  if (def?.type !== 'Variable' || !def.node.init) return undefined;
  const specifier = requiredModule(def.node.init);
  const module = specifier === undefined ? undefined : HTTP_MODULES[specifier];
  if (!module || def.node.id === def.name) return module;
  const path = patternPath(def.node.id, def.name);
  if (path?.length !== 1) return undefined;
  if (path[0] === 'default') return module;
  return MEMBER_MODULES.has(module) ? `${module}.${path[0]}` : undefined;
}

/** `require('x')` and `require('x').default`. */
function requiredModule(init: TSESTree.Expression): string | undefined {
  let target = unwrap(init);
  if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'default') target = unwrap(target.object);
  if (
    target.type !== AST_NODE_TYPES.CallExpression ||
    target.callee.type !== AST_NODE_TYPES.Identifier ||
    target.callee.name !== 'require' ||
    !target.arguments[0]
  ) {
    return undefined;
  }
  const first = target.arguments[0];
  return first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
}

// ---------------------------------------------------------------------------------------------
// URLs

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A host's last two labels with the dot before them (`.customer.io`), or the host when it has no more. */
function hostTail(host: string): string {
  const last = host.lastIndexOf('.');
  const dot = last > 0 ? host.lastIndexOf('.', last - 1) : -1;
  return dot >= 0 ? host.slice(dot) : host;
}

const HOSTS = API_HOSTS.map(escapeRegExp).join('|');
const TAILS = [...new Set(API_HOSTS.map(hostTail))].map(escapeRegExp).join('|');
/**
 * Every host contains its tail, and the tails start with a dot, which a regular expression finds
 * far faster than the first letters of 18 hosts: most files mention none, and are done after it.
 */
const HOST_NEEDLES = { exact: [new RegExp(TAILS), new RegExp(HOSTS)], ignoreCase: [new RegExp(TAILS, 'i'), new RegExp(HOSTS, 'i')] };

/** Does a text mention one of the SDKs' API hosts? */
export function mentionsApiHost(text: string, ignoreCase: boolean): boolean {
  const [tail, host] = ignoreCase ? HOST_NEEDLES.ignoreCase : HOST_NEEDLES.exact;
  return tail.test(text) && host.test(text);
}

/** The API host a URL (or the static start of one) points at, if it is one of the SDKs'. */
export function apiHostOf(url: string): string | undefined {
  const match = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(url);
  const host = match?.[1].toLowerCase();
  return host && API_HOSTS.includes(host) ? host : undefined;
}

/** `user:password@` in a URL. */
export function urlCredentials(url: string): string | undefined {
  return /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/([^@/?#]*)@/i.exec(url)?.[1];
}

/** The static start of a URL expression: a string, a template's head, `BASE + path`, `new URL(path, BASE)`. */
export function urlPrefix(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): string | undefined {
  const target = unwrap(node);
  if (depth > 6) return undefined;
  const whole = staticString(sourceCode, target);
  if (whole !== undefined) return whole;
  switch (target.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const head = target.quasis[0].value.cooked ?? '';
      if (head !== '' || target.expressions.length === 0) return head;
      const first = urlPrefix(sourceCode, target.expressions[0], depth + 1);
      return first === undefined ? undefined : first + (target.quasis[1]?.value.cooked ?? '');
    }
    case AST_NODE_TYPES.BinaryExpression:
      return target.operator === '+' ? urlPrefix(sourceCode, target.left, depth + 1) : undefined;
    case AST_NODE_TYPES.Identifier: {
      const value = singleValueOf(sourceCode, target);
      return value ? urlPrefix(sourceCode, value, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(target.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'URL') return undefined;
      const [path, base] = target.arguments;
      return (base && urlPrefix(sourceCode, base, depth + 1)) ?? (path && urlPrefix(sourceCode, path, depth + 1));
    }
    default:
      return undefined;
  }
}

/** Stands for a part of a URL that is not known statically. */
export const UNKNOWN = '\u0000';

/** A string type's literal value from type information (a constant exported by another module). */
export type LiteralTypeOf = (node: TSESTree.Node) => string | undefined;

/**
 * The text a URL expression builds, with `UNKNOWN` for the parts that are not static: a string,
 * a template, `+`, constants, members of constant objects, `new URL(path, base)`, `url.href`.
 */
export function urlShape(sourceCode: SourceCode, node: TSESTree.Node, literalTypeOf?: LiteralTypeOf, depth = 0): string {
  const target = unwrap(node);
  if (depth > 8) return UNKNOWN;
  const whole = staticString(sourceCode, target);
  if (whole !== undefined) return whole;
  const shape = (part: TSESTree.Node): string => urlShape(sourceCode, part, literalTypeOf, depth + 1);
  switch (target.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return target.quasis
        .map((quasi, index) => (quasi.value.cooked ?? UNKNOWN) + (index < target.expressions.length ? shape(target.expressions[index]) : ''))
        .join('');
    case AST_NODE_TYPES.BinaryExpression:
      return target.operator === '+' ? shape(target.left) + shape(target.right) : UNKNOWN;
    case AST_NODE_TYPES.Identifier: {
      const value = singleValueOf(sourceCode, target);
      return value ? shape(value) : (literalTypeOf?.(target) ?? UNKNOWN);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      if (name === 'href') return shape(target.object);
      const object = name === undefined ? undefined : objectOf(sourceCode, target.object);
      const value = object && name !== undefined ? lastProperty(object, name) : undefined;
      return value ? shape(value) : (literalTypeOf?.(target) ?? UNKNOWN);
    }
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()`, `String(url)`
      const callee = unwrap(target.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'toString' && target.arguments.length === 0) {
        return shape(callee.object);
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && target.arguments.length === 1) {
        return shape(target.arguments[0]);
      }
      return UNKNOWN;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(target.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'URL' || target.arguments.length === 0) return UNKNOWN;
      const [path, base] = target.arguments;
      if (path.type === AST_NODE_TYPES.SpreadElement || base?.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
      return base ? resolveUrl(shape(path), shape(base)) : shape(path);
    }
    default:
      return UNKNOWN;
  }
}

/** The value of a property of an object literal by name, last one winning; undefined after a later spread. */
function lastProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Expression | undefined {
  let found: TSESTree.Expression | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) found = undefined;
    else if (staticName(property.key, property.computed) === name && property.value.type !== AST_NODE_TYPES.AssignmentPattern) {
      found = property.value as TSESTree.Expression;
    }
  }
  return found;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:|^\/\//i;
const ORIGIN = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i;

/** `new URL(path, base)`, as the WHATWG URL parser resolves a reference. */
function resolveUrl(path: string, base: string): string {
  if (ABSOLUTE.test(path)) return path;
  const origin = ORIGIN.exec(base)?.[0];
  if (origin === undefined || origin.includes(UNKNOWN)) return UNKNOWN;
  if (path.startsWith('/')) return origin + path;
  // Unknown text could be an absolute URL; a relative reference to a constant base is far more likely.
  const basePath = base.slice(origin.length).replace(/[?#].*$/, '');
  if (basePath.includes(UNKNOWN)) return UNKNOWN;
  const directory = basePath.slice(0, basePath.lastIndexOf('/') + 1) || '/';
  return origin + directory + path;
}

/** axios' `baseURL`, got's and ky's `prefixUrl`, ofetch's `baseURL`: joined with one slash. */
function joinUrl(base: string, url: string): string {
  if (ABSOLUTE.test(url)) return url;
  if (url === '') return base;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

export interface UrlParts {
  /** Lower case. */
  host: string;
  /** The path, without query and fragment; may contain `UNKNOWN`. */
  path: string;
}

/** The host and path of a URL shape, when the host is written out. */
export function urlParts(shape: string): UrlParts | undefined {
  const match = /^\s*(?:https?:)?\/\/(?:[^@/?#\0]*@)?([^/:?#@\0]+)(?::\d+)?(?=[/?#]|$)(.*)$/i.exec(shape);
  if (!match) return undefined;
  // `${BASE}${path}` with BASE ending in `/api`: the unknown rest starts a segment of its own.
  const path = match[2].replace(/[?#].*$/, '').replace(/([^/])\0$/, '$1/\0');
  return { host: match[1].toLowerCase(), path: path === '' ? '/' : path };
}

/**
 * Does every URL with this path match one of the patterns? A segment with an unknown part only
 * matches `*` and `**`.
 */
export function pathMatches(path: string, patterns: readonly PathPattern[]): boolean {
  const segments = path.split('/').slice(1);
  return patterns.some((pattern) => {
    const parts = pattern.split('/').slice(1);
    for (const [index, part] of parts.entries()) {
      if (part === '**') return true;
      const segment = segments[index];
      if (segment === undefined || segment === '') return false;
      if (part !== '*' && part !== segment) return false;
    }
    return segments.length === parts.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Where a header that is missing can be written. */
export type HeaderTarget =
  /** A headers object literal: add a property. */
  | { kind: 'object'; node: TSESTree.ObjectExpression }
  /** A headers array of `[name, value]` pairs: add a pair. */
  | { kind: 'pairs'; node: TSESTree.ArrayExpression }
  /** Request options without headers: add a `headers` object. */
  | { kind: 'options'; node: TSESTree.ObjectExpression }
  /** No options at all, and they would be the next argument: add `{ headers }` after this one. */
  | { kind: 'argument'; after: TSESTree.Node };

export interface HttpRequest {
  node: TSESTree.CallExpression;
  /** How messages name the call: `fetch`, `axios.post`, `https.request`. */
  client: string;
  url: UrlParts;
  /** The node that holds the URL, or the callee when the URL comes from defaults. */
  urlNode: TSESTree.Node;
  /** Header names (lower case) the request certainly sends; undefined when some may be added out of sight. */
  headers?: ReadonlySet<string>;
  /** Where a missing header goes; undefined when there is no safe place. */
  headerTarget?: HeaderTarget;
}

interface Layer {
  urlNode?: TSESTree.Node;
  config?: TSESTree.Node;
}

type Headers = { names: Set<string>; target?: HeaderTarget } | undefined;

/** Options that run code on every request and may set any header there. */
const HEADER_HOOKS = new Set(['hooks', 'onRequest', 'transformRequest', 'beforeRequest']);
/** axios keeps per-verb and shared defaults under these keys of `headers`. */
const AXIOS_HEADER_GROUPS = new Set(['common', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * An HTTP request to one of the SDKs' API hosts, with the headers it sends when they are all in
 * sight. A local function named `fetch` is not a client; an instance (`axios.create({ baseURL })`)
 * is one when it is made in this file.
 */
export function httpRequestOf(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression,
  literalTypeOf?: LiteralTypeOf,
): HttpRequest | undefined {
  if (node.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  let spec: HttpCallSpec | undefined;
  let client: string;
  const layers: Layer[] = [];
  const direct = matchCall(sourceCode, node);
  if (direct) {
    if (direct.shadowed || direct.spec.factory) return undefined;
    spec = direct.spec;
    client = spec.callee;
  } else {
    const instance = instanceCall(sourceCode, node);
    if (!instance) return undefined;
    spec = instance.spec;
    client = sourceCode.getText(node.callee);
    layers.push(layerOf(sourceCode, instance.factory, instance.factorySpec));
  }
  const layer = layerOf(sourceCode, node, spec);
  layers.push(layer);

  const shape = urlOf(sourceCode, layers, spec, literalTypeOf);
  const url = shape === undefined ? undefined : urlParts(shape);
  if (!url || !API_HOSTS.includes(url.host)) return undefined;

  const names = new Set<string>();
  const targets: HeaderTarget[] = [];
  let known = true;
  for (const each of layers) {
    const found = headersOfConfig(sourceCode, each.config);
    if (!found) {
      known = false;
      break;
    }
    for (const name of found.names) names.add(name);
    if (found.target) targets.push(found.target);
  }
  // axios' global and instance defaults and interceptors may add headers anywhere in the file.
  if (spec.callee.split('.')[0] === 'axios' && /\b(?:defaults|interceptors)\b/.test(sourceCode.text)) known = false;
  return {
    node,
    client,
    url,
    urlNode: layer.urlNode ?? node.callee,
    headers: known ? names : undefined,
    headerTarget: known ? headerTarget(node, spec, layer, targets) : undefined,
  };
}

/** The headers object nearest the call, else options to add one to, else a new options argument. */
function headerTarget(node: TSESTree.CallExpression, spec: HttpCallSpec, layer: Layer, targets: readonly HeaderTarget[]): HeaderTarget | undefined {
  const headers = targets.filter((target) => target.kind === 'object' || target.kind === 'pairs');
  if (headers.length > 0) return headers[headers.length - 1];
  if (targets.length > 0) return targets[targets.length - 1];
  const last = node.arguments[node.arguments.length - 1];
  if (layer.config || spec.nodeOptions || !last || spec.config !== node.arguments.length) return undefined;
  return { kind: 'argument', after: last };
}

function layerOf(sourceCode: SourceCode, call: TSESTree.CallExpression, spec: HttpCallSpec): Layer {
  let urlNode: TSESTree.Node | undefined = spec.url === undefined ? undefined : call.arguments[spec.url];
  let config: TSESTree.Node | undefined = call.arguments[spec.config];
  // `axios({ url, headers })`, `https.request({ hostname, path })`: the options come first.
  if (urlNode && objectOf(sourceCode, urlNode)) {
    config = urlNode;
    urlNode = undefined;
  }
  // A callback in the options' place (`https.get(url, (res) => …)`).
  if (config && (config.type === AST_NODE_TYPES.ArrowFunctionExpression || config.type === AST_NODE_TYPES.FunctionExpression)) {
    config = undefined;
  }
  return { urlNode, config };
}

function urlOf(sourceCode: SourceCode, layers: readonly Layer[], spec: HttpCallSpec, literalTypeOf?: LiteralTypeOf): string | undefined {
  const shape = (node: TSESTree.Node): string => urlShape(sourceCode, node, literalTypeOf);
  const option = (config: TSESTree.Node | undefined, key: string): TSESTree.Expression | undefined => {
    const object = config && stableObject(sourceCode, config);
    return object && lastProperty(object, key);
  };
  let base: string | undefined;
  let url: string | undefined;
  for (const layer of layers) {
    if (spec.nodeOptions && !layer.urlNode) {
      const host = option(layer.config, 'hostname') ?? option(layer.config, 'host');
      if (!host) return undefined;
      const path = option(layer.config, 'path');
      return `https://${shape(host)}${path ? shape(path) : '/'}`;
    }
    const layerBase = option(layer.config, 'baseURL') ?? option(layer.config, 'prefixUrl');
    if (layerBase) base = shape(layerBase);
    const written = layer.urlNode ?? option(layer.config, 'url');
    if (written) url = shape(written);
  }
  if (url !== undefined && (ABSOLUTE.test(url) || base === undefined)) return url;
  return base === undefined ? undefined : joinUrl(base, url ?? '');
}

interface InstanceCall {
  spec: HttpCallSpec;
  factory: TSESTree.CallExpression;
  factorySpec: HttpCallSpec;
}

/** `api.get(path)` or `api(path)`, where `api` is `axios.create(...)` (a variable or a class field). */
function instanceCall(sourceCode: SourceCode, node: TSESTree.CallExpression): InstanceCall | undefined {
  const callee = unwrap(node.callee);
  const called = instanceCallVia(sourceCode, callee, undefined);
  if (called || callee.type !== AST_NODE_TYPES.MemberExpression) return called;
  const verb = memberName(callee);
  return verb === undefined ? undefined : instanceCallVia(sourceCode, callee.object, verb);
}

/** `target(...)` (no verb) or `target.verb(...)`, when `target` is an instance made by a factory. */
function instanceCallVia(sourceCode: SourceCode, target: TSESTree.Node, verb: string | undefined): InstanceCall | undefined {
  const factory = factoryOf(sourceCode, target);
  if (!factory) return undefined;
  const match = matchCall(sourceCode, factory);
  if (!match?.spec.factory || match.shadowed) return undefined;
  const root = match.spec.callee.split('.')[0];
  const spec = CALLS_BY_CALLEE.get(verb === undefined ? root : `${root}.${verb}`);
  return spec && !spec.factory ? { spec, factory, factorySpec: match.spec } : undefined;
}

/** The call a client expression was made by: `const api = axios.create()`, a class field `http = got.extend()`. */
function factoryOf(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const target = unwrap(node);
  let value: TSESTree.Node | undefined;
  if (target.type === AST_NODE_TYPES.Identifier) {
    if (!clientBindings(sourceCode).instances.has(target.name)) return undefined;
    value = singleValueOf(sourceCode, target);
  }
  else if (target.type === AST_NODE_TYPES.MemberExpression && unwrap(target.object).type === AST_NODE_TYPES.ThisExpression) {
    value = classMemberValue(target);
  }
  const call = value && unwrap(value);
  return call?.type === AST_NODE_TYPES.CallExpression ? call : undefined;
}

/** `this.name`'s value: a field initialiser, or an assignment in the constructor. */
function classMemberValue(node: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const owner = thisOwner(node);
  const name = memberName(node);
  if (!owner || owner.type === AST_NODE_TYPES.ObjectExpression || name === undefined) return undefined;
  for (const element of owner.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && staticName(element.key, element.computed) === name) {
      return element.value ?? undefined;
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor' && element.value.body) {
      for (const statement of element.value.body.body) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const expression = statement.expression;
        if (
          expression.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.operator === '=' &&
          expression.left.type === AST_NODE_TYPES.MemberExpression &&
          expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
          memberName(expression.left) === name
        ) {
          return expression.right;
        }
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Headers

/** The headers an options argument sets; an absent argument sets none. Undefined when unknown. */
function headersOfConfig(sourceCode: SourceCode, config: TSESTree.Node | undefined): Headers {
  if (!config) return { names: new Set() };
  const object = stableObject(sourceCode, config);
  if (!object) return undefined;
  let value: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // Spread options are known only when they are visible and set no headers.
      const spread = stableObject(sourceCode, property.argument);
      if (!spread || spread.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement || optionName(p) === undefined)) {
        return undefined;
      }
      if (spread.properties.some((p) => optionName(p) === 'headers' || HEADER_HOOKS.has(optionName(p) ?? ''))) return undefined;
      continue;
    }
    const name = optionName(property);
    if (name === undefined || HEADER_HOOKS.has(name)) return undefined;
    if (name === 'headers') value = property.value;
  }
  if (!value) return { names: new Set(), target: { kind: 'options', node: object } };
  return headersOfValue(sourceCode, value, 0);
}

function optionName(property: TSESTree.ObjectLiteralElement): string | undefined {
  return property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined;
}

/** A headers value: an object literal, `new Headers(init)`, or `[name, value]` pairs. */
function headersOfValue(sourceCode: SourceCode, node: TSESTree.Node, depth: number): Headers {
  if (depth > 4) return undefined;
  const target = stableValue(sourceCode, node);
  if (!target) return undefined;
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(target.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Headers' || target.arguments.length > 1) return undefined;
    const [init] = target.arguments;
    return init ? headersOfValue(sourceCode, init, depth + 1) : { names: new Set() };
  }
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const names = new Set<string>();
    for (const element of target.elements) {
      const first = element?.type === AST_NODE_TYPES.ArrayExpression ? element.elements[0] : undefined;
      const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticString(sourceCode, first) : undefined;
      if (name === undefined) return undefined;
      names.add(name.toLowerCase());
    }
    return { names, target: { kind: 'pairs', node: target } };
  }
  if (target.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const names = new Set<string>();
  for (const property of target.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = headersOfValue(sourceCode, property.argument, depth + 1);
      if (!spread) return undefined;
      for (const name of spread.names) names.add(name);
      continue;
    }
    const name = staticName(property.key, property.computed);
    if (name === undefined) return undefined;
    // axios' `headers: { common: { … } }` defaults.
    const group = AXIOS_HEADER_GROUPS.has(name) ? stableObject(sourceCode, property.value) : undefined;
    if (group) {
      const inner = headersOfValue(sourceCode, group, depth + 1);
      if (!inner) return undefined;
      for (const each of inner.names) names.add(each);
      continue;
    }
    names.add(name.toLowerCase());
  }
  return { names, target: { kind: 'object', node: target } };
}

/** The object literal a value is, through bindings nothing changes afterwards. */
function stableObject(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const target = stableValue(sourceCode, node);
  return target?.type === AST_NODE_TYPES.ObjectExpression ? target : undefined;
}

/**
 * The expression a value is written as, through `const` bindings and members of object literals,
 * unless the binding is changed later: `headers.revision = …`, `headers.set(…)`, `Object.assign(headers, …)`.
 */
function stableValue(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
  const target = unwrap(node);
  if (depth > 8) return undefined;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(sourceCode, target);
    const value = singleValueOf(sourceCode, target);
    if (!variable || !value || isChanged(sourceCode, variable)) return undefined;
    return stableValue(sourceCode, value, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    const object = name === undefined ? undefined : stableValue(sourceCode, target.object, depth + 1);
    const value = object?.type === AST_NODE_TYPES.ObjectExpression && name !== undefined ? lastProperty(object, name) : undefined;
    return value && stableValue(sourceCode, value, depth + 1);
  }
  return target;
}

/** Is the object a variable holds changed, or handed to code that may change it? */
function isChanged(sourceCode: SourceCode, variable: Scope.Variable): boolean {
  return variable.references.some((reference) => {
    if (reference.init) return false;
    let top: TSESTree.Node = reference.identifier;
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) top = top.parent;
    const parent = top.parent;
    if (!parent) return false;
    if (top !== reference.identifier) {
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) return true;
      if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
      // `headers.set('revision', …)`; reads like `headers.get(…)` are rare enough to count.
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === top) return true;
    }
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.arguments.includes(top as TSESTree.Expression)
    ) {
      const callee = unwrap(parent.callee);
      const copies = parent.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Headers';
      const sends = parent.type === AST_NODE_TYPES.CallExpression && (matchCall(sourceCode, parent) ?? instanceCall(sourceCode, parent));
      return !copies && !sends;
    }
    return false;
  });
}
