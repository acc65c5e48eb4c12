import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberChain, memberName, patternPath, unwrap, type FunctionNode } from './ast.js';
import type { EntryPoint } from './functions.js';

/**
 * Request-controlled values: what the caller of a public entry point chose. An expression is
 * traced back to a parameter of the entry point, through member reads, `await`, the body readers
 * of each framework (`req.body`, `ctx.request.body`, `c.req.json()`, `await request.json()`,
 * `formData.get('email')`), local `const` bindings and destructuring, `for … of` loops and
 * iteration callbacks, and the conversions that keep the caller's choice (`String(x)`,
 * `x.trim()`, a template literal, a schema's `parse(x)`). A value read from a database with a
 * request value as the key is not the request value any more: it is unknown here.
 *
 * ```ts
 * const values = getRequestValues(context);
 * values.of(entry, node);        // { source, path } when `node` holds what the caller sent
 * values.access(entry, node);    // the same, also for the request object itself (`req`, `req.user`)
 * ```
 */

// ---------------------------------------------------------------------------------------------
// Framework facts.

/**
 * What a parameter of an entry point holds: the framework's request (or context) object, whose
 * data members the caller controls, or a value the caller sent as a whole (a server action's
 * arguments, a GraphQL resolver's `args`, a NestJS `@Body()`).
 */
export type ParamRole = 'request' | 'data';

/** Parameter roles by the entry point's framework (`EntryInfo.framework`); `data` alone: every parameter. */
const PARAM_ROLES: Readonly<Record<string, readonly (ParamRole | undefined)[] | 'data'>> = {
  // Every argument of a server action comes from the client, as it chose to send it.
  'server-action': 'data',
  // (parent, args, context, info): `parent` is what another resolver returned.
  graphql: [undefined, 'data', 'request'],
  // (request, { params }): dynamic route segments come from the URL.
  'nextjs-route': ['request', 'request'],
  'route-module': ['request', 'request'],
  // Parameters are bound by decorators (below).
  nestjs: [],
};
/**
 * Express `(req, res)`, Koa `(ctx)`, Hono `(c)`, Fastify `(request, reply)`, fetch `(request)`,
 * Lambda `(event, context)`: the second is a context too (`res.locals.user` is set by middleware).
 */
const DEFAULT_ROLES: readonly ParamRole[] = ['request', 'request'];

/** NestJS parameter decorators: the value is what the caller sent, or the request object. */
const NEST_PARAM_DECORATORS: Readonly<Record<string, ParamRole>> = {
  Body: 'data',
  Query: 'data',
  Param: 'data',
  Headers: 'data',
  Args: 'data',
  Cookies: 'data',
  Req: 'request',
  Request: 'request',
  Context: 'request',
  Ctx: 'request',
};

/**
 * Members of a request object that hold what the caller sent (a `()` suffix is a method call):
 * Express/Fastify/pages-API `req.body`, Lambda `event.queryStringParameters`, fetch
 * `request.json()`, Next.js `request.nextUrl.searchParams`, SvelteKit `url.searchParams`, hapi
 * `request.payload`.
 */
const DATA_MEMBERS = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'header()', 'json()', 'formData()', 'text()', 'url',
  'searchParams', 'nextUrl', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters',
  'rawBody', 'payload',
]);
/** A request object inside the context: Koa `ctx.request`, Hono `c.req`, Remix/SvelteKit `{ request }`, Next SSR `ctx.req`. */
const NESTED_REQUESTS = new Set(['request', 'req']);
/** Hono's readers on `c.req`, besides the members above. */
const NESTED_DATA_MEMBERS = new Set([
  ...DATA_MEMBERS, 'query()', 'queries()', 'param()', 'parseBody()', 'valid()', 'arrayBuffer()', 'blob()',
]);
/** h3 / Nuxt readers called with the event: `await readBody(event)`. */
const READER_CALLS = new Set([
  'readBody', 'readRawBody', 'readValidatedBody', 'readFormData', 'readMultipartFormData', 'getQuery',
  'getValidatedQuery', 'getRouterParam', 'getRouterParams', 'getValidatedRouterParams', 'getHeader',
  'getHeaders', 'getRequestHeader', 'getRequestHeaders', 'getCookie', 'parseCookies',
]);

/** Conversions that keep the caller's choice: `String(req.body.id)`. */
const CONVERSIONS = new Set([
  'String', 'Number', 'BigInt', 'parseInt', 'parseFloat', 'decodeURIComponent', 'decodeURI', 'JSON.parse',
  'Object.fromEntries', 'Object.assign', 'structuredClone',
]);
/** Schema validation: the result is the caller's value, checked for shape (zod, yup, joi, valibot, class-transformer). */
const VALIDATORS = new Set([
  'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'cast',
  'plainToInstance', 'plainToClass',
]);
/** `new URL(request.url)`, `new URLSearchParams(body)`. */
const WRAPPING_CLASSES = new Set(['URL', 'URLSearchParams']);
/** Array methods whose callback gets each element first: `req.body.emails.map((email) => …)`. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findLast']);

/** An array element in a path. */
const ELEMENT = '[]';
const MAX_DEPTH = 12;

// ---------------------------------------------------------------------------------------------

/** How an expression relates to an entry point's parameters. */
export interface RequestAccess {
  role: ParamRole;
  /** Members (and `name()` calls) read from the parameter: `['body', 'email']`. */
  path: readonly string[];
  /** Where the value first became what the caller sent (`req.body`, `request.json()`), when it has. */
  source?: TSESTree.Node;
}

/** A value the caller of the entry point chose. */
export interface RequestValue extends RequestAccess {
  source: TSESTree.Node;
  /** The expression asked about (for `inside`, the one found in the object). */
  node: TSESTree.Node;
}

export interface RequestValues {
  /** The request value `node` holds, in the entry point, if it holds one. */
  of(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined;
  /** How `node` reads a parameter of the entry point (the request object itself included). */
  access(entry: EntryPoint, node: TSESTree.Node): RequestAccess | undefined;
  /** The role of a parameter of the entry point. */
  paramRole(entry: EntryPoint, index: number): ParamRole | undefined;
  /** A request value anywhere in an object literal or array (bounded): `{ where: { email: req.body.email } }`. */
  inside(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined;
  /** A request value spread into an object literal (`{ ...req.body }`), directly or through a local `const`. */
  spreadInto(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined;
}

interface Context {
  sourceCode: Readonly<TSESLint.SourceCode>;
}

const cache = new WeakMap<TSESTree.Program, RequestValues>();

/** Request-value facts of a file, computed on demand and shared by every rule. */
export function getRequestValues(context: Context): RequestValues {
  const program = context.sourceCode.ast;
  let values = cache.get(program);
  if (!values) {
    values = new Tracer(context.sourceCode);
    cache.set(program, values);
  }
  return values;
}

/** Is this path, read from a request object, what the caller sent? */
export function isDataPath(path: readonly string[]): boolean {
  const [first, second] = path;
  if (first === undefined) return false;
  if (DATA_MEMBERS.has(first)) return true;
  return NESTED_REQUESTS.has(first) && second !== undefined && NESTED_DATA_MEMBERS.has(second);
}

export function isRequestValue(access: RequestAccess | undefined): access is RequestAccess & { source: TSESTree.Node } {
  return !!access?.source && (access.role === 'data' || isDataPath(access.path));
}

class Tracer implements RequestValues {
  /** Auth checks and rules ask about the same nodes of the same entry point again and again. */
  private readonly traced = new Map<EntryPoint, Map<TSESTree.Node, RequestAccess | undefined>>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  of(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined {
    const found = this.access(entry, node);
    return isRequestValue(found) ? { ...found, node } : undefined;
  }

  access(entry: EntryPoint, node: TSESTree.Node): RequestAccess | undefined {
    let byNode = this.traced.get(entry);
    if (!byNode) {
      byNode = new Map();
      this.traced.set(entry, byNode);
    }
    if (byNode.has(node)) return byNode.get(node);
    let found: RequestAccess | undefined;
    try {
      found = this.trace(entry, node, 0);
    } catch {
      found = undefined; // never throw on odd code
    }
    byNode.set(node, found);
    return found;
  }

  paramRole(entry: EntryPoint, index: number): ParamRole | undefined {
    const param = entry.fn.params[index] as TSESTree.Parameter | undefined;
    if (!param) return undefined;
    const decorated = decoratorRole(param);
    if (decorated) return decorated;
    const roles = PARAM_ROLES[entry.framework] ?? DEFAULT_ROLES;
    return roles === 'data' ? 'data' : roles[index];
  }

  inside(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined {
    return this.insideAt(entry, node, 0);
  }

  /** `inside` at a nesting depth (a method, not a closure made per question). */
  private insideAt(entry: EntryPoint, node: TSESTree.Node, depth: number): RequestValue | undefined {
    const target = unwrap(node);
    if (depth > 3) return undefined;
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of target.properties) {
        const value = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
        const found = this.insideAt(entry, value, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (target.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of target.elements) {
        const found = element && this.insideAt(entry, element, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    return this.of(entry, target);
  }

  spreadInto(entry: EntryPoint, node: TSESTree.Node): RequestValue | undefined {
    let target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const init = this.singleInit(target);
      if (init) target = unwrap(init);
    }
    if (target.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.SpreadElement) continue;
      const found = this.of(entry, property.argument);
      if (found) return found;
    }
    return undefined;
  }

  // -- tracing ---------------------------------------------------------------------------------

  private trace(entry: EntryPoint, node: TSESTree.Node, depth: number): RequestAccess | undefined {
    if (depth > MAX_DEPTH) return undefined;
    // The depth of the parts traced next (passed down rather than captured: no closures per node).
    const next = depth + 1;
    const target = unwrap(node);
    switch (target.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.trace(entry, target.argument, next);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(entry, target, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const inner = this.trace(entry, target.object, next);
        return inner && extend(inner, [memberName(target) ?? '*'], target);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(entry, target, next);
      case AST_NODE_TYPES.NewExpression: {
        const name = memberChain(target.callee)?.join('.');
        return name !== undefined && WRAPPING_CLASSES.has(name) ? this.controlled(entry, target.arguments[0], next) : undefined;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const expression of target.expressions) {
          const found = this.controlled(entry, expression, next);
          if (found) return found;
        }
        return undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return target.operator === '+'
          ? (this.controlled(entry, target.left, next) ?? this.controlled(entry, target.right, next))
          : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return target.operator === '&&' ? this.controlled(entry, target.right, next) : (this.controlled(entry, target.left, next) ?? this.controlled(entry, target.right, next));
      case AST_NODE_TYPES.ConditionalExpression:
        return this.controlled(entry, target.consequent, next) ?? this.controlled(entry, target.alternate, next);
      default:
        return undefined;
    }
  }

  /** A request value at `depth`, or undefined (also for what the caller did not send: `req.user`). */
  private controlled(entry: EntryPoint, child: TSESTree.Node | null | undefined, depth: number): RequestAccess | undefined {
    if (!child || child.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const found = this.trace(entry, child, depth);
    return isRequestValue(found) ? found : undefined;
  }

  /** The first argument that is a request value. */
  private firstOf(entry: EntryPoint, args: readonly TSESTree.CallExpressionArgument[], depth: number): RequestAccess | undefined {
    for (const arg of args) {
      const found = this.controlled(entry, arg, depth);
      if (found) return found;
    }
    return undefined;
  }

  /** A call; `next` is the depth of its parts. */
  private call(entry: EntryPoint, call: TSESTree.CallExpression, next: number): RequestAccess | undefined {
    const callee = unwrap(call.callee);
    const chain = memberChain(callee);
    const name = chain?.join('.');
    if (name !== undefined && CONVERSIONS.has(name)) return this.firstOf(entry, call.arguments, next);
    const last = chain?.at(-1) ?? (callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined);
    if (last !== undefined && VALIDATORS.has(last)) {
      const found = this.firstOf(entry, call.arguments, next);
      if (found) return found;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && READER_CALLS.has(callee.name)) {
      // `readBody(event)`: the event is the request object.
      const event = call.arguments[0] && this.trace(entry, call.arguments[0], next);
      return event?.role === 'request' && event.path.length === 0
        ? { role: 'data', path: [`${callee.name}()`], source: call }
        : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const inner = this.trace(entry, callee.object, next);
    return inner && extend(inner, [`${memberName(callee) ?? '*'}()`], call);
  }

  private identifier(entry: EntryPoint, identifier: TSESTree.Identifier, depth: number): RequestAccess | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (def.type === 'Parameter') {
      const fn = def.node as FunctionNode;
      const index = fn.params.findIndex((param) => contains(param, def.name));
      if (index < 0) return undefined;
      const param = fn.params[index];
      const path = patternPath(param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param, def.name);
      if (!path) return undefined;
      if (fn === entry.fn) {
        const role = this.paramRole(entry, index);
        if (!role) return undefined;
        const access: RequestAccess = { role, path, source: role === 'data' ? identifier : undefined };
        return role === 'request' && isDataPath(path) ? { ...access, source: identifier } : access;
      }
      if (index !== 0) return undefined;
      // `request.json().then((body) => …)`: the value the promise resolves to.
      const then = thenCallback(fn);
      if (then) {
        const settled = this.trace(entry, (then.callee as TSESTree.MemberExpression).object, depth + 1);
        return settled && extend(settled, path, identifier);
      }
      // `req.body.emails.map((email) => …)`: each element of a request value.
      const call = elementCallback(fn);
      if (!call) return undefined;
      const collection = this.trace(entry, (call.callee as TSESTree.MemberExpression).object, depth + 1);
      return isRequestValue(collection) ? { ...collection, path: [...collection.path, ELEMENT, ...path] } : undefined;
    }
    if (def.type !== 'Variable') return undefined;
    const declarator = def.node;
    // A `let` assigned again later may hold anything.
    if (writtenAgain(variable)) return undefined;
    const path = patternPath(declarator.id, def.name);
    if (!path) return undefined;
    if (declarator.init) {
      const inner = this.trace(entry, declarator.init, depth + 1);
      return inner && extend(inner, path, identifier);
    }
    // `for (const email of req.body.emails)`
    const loop = declarator.parent.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) {
      const collection = this.trace(entry, loop.right, depth + 1);
      return isRequestValue(collection) ? { ...collection, path: [...collection.path, ELEMENT, ...path] } : undefined;
    }
    return undefined;
  }

  /** A `const` (or never reassigned `let`) binding's initial value. */
  private singleInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return undefined;
    if (writtenAgain(variable!)) return undefined;
    return def.node.init;
  }
}

/**
 * The access one step further. The value's `source` is where it first became request data: a
 * member read past a binding keeps the source found before the binding.
 */
function extend(inner: RequestAccess, keys: readonly string[], node: TSESTree.Node | undefined): RequestAccess {
  const path = [...inner.path, ...keys];
  const wasData = isRequestValue(inner);
  const access: RequestAccess = { role: inner.role, path, source: inner.source };
  // Becomes request data here: what `isRequestValue` says of this access with `node` as its source.
  if (!wasData && node && (access.role === 'data' || isDataPath(path))) access.source = node;
  return access;
}

/** Is the binding written more than once (a `let` assigned again may hold anything)? Counted without a copy. */
function writtenAgain(variable: { references: readonly { isWrite(): boolean }[] }): boolean {
  let writes = 0;
  for (const reference of variable.references) {
    if (reference.isWrite() && ++writes > 1) return true;
  }
  return false;
}

function decoratorRole(param: TSESTree.Parameter): ParamRole | undefined {
  const decorators = param.type === AST_NODE_TYPES.TSParameterProperty ? param.decorators : 'decorators' in param ? param.decorators : undefined;
  for (const decorator of decorators ?? []) {
    const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    const name = memberChain(expression)?.at(-1);
    if (name !== undefined && Object.hasOwn(NEST_PARAM_DECORATORS, name)) return NEST_PARAM_DECORATORS[name];
  }
  return undefined;
}

/** The `.then(fn)` call `fn` receives a promise's value from, if it is one. */
function thenCallback(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' ? call : undefined;
}

/** The call that runs `fn` once per element (`xs.map(fn)`), if it is one. */
function elementCallback(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  return name !== undefined && ELEMENT_CALLBACKS.has(name) ? call : undefined;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
