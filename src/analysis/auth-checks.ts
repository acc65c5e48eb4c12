import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, memberChain, memberName, staticName, unwrap, type FunctionNode } from './ast.js';
import { nodesOfType } from './file-index.js';
import type { EntryPoint } from './functions.js';
import { getRequestValues, isDataPath, type RequestAccess, type RequestValues } from './request-values.js';
import { BoundedMap } from '../util/bounded-map.js';

/**
 * Visible authentication and authorization checks of an entry point. A check exists when one of
 * these is seen (the words are the data below):
 *
 * - in the entry point's body, before the node asked about:
 *   - a call whose own name says it checks (`await auth()`, `getServerSession()`, `requireUser(req)`,
 *     `verifyToken(t)`, `jwt.verify(…)`, `req.isAuthenticated()`, `stripe.webhooks.constructEvent(…)`,
 *     `crypto.timingSafeEqual(…)`), or a call on an `auth` object (`supabase.auth.getUser()`);
 *   - an `if` (or `?:`, `assert(…)`) that tests who the caller is: `if (!session) return …`,
 *     `if (body.userId !== session.user.id) throw …`, `if (user.role !== 'admin')`, or a
 *     credential header: `if (req.headers['x-api-key'] !== process.env.API_KEY)`;
 *   - a read of the identity a middleware attached: `req.user`, `req.session`, `req.auth`,
 *     `ctx.state.user`, `res.locals.user`, `context.user`, `locals.user`, `c.get('user')`;
 * - around it: middleware before the handler in the route registration
 *   (`app.post('/x', requireAuth, handler)`, Fastify `{ preHandler: [fastify.authenticate] }`,
 *   hapi `{ auth: 'jwt' }`), a wrapper (`withAuth(handler)`, `export const POST = auth(…)`),
 *   `router.use(authMiddleware)` earlier in the file, a Fastify `addHook('onRequest', …)` that
 *   checks, NestJS `@UseGuards(…)`, `@Authorized()`, `@Roles(…)` on the method or class, a
 *   parameter decorator such as `@CurrentUser()`, or another handler of the file marked `@Public()`
 *   (a global guard protects the rest).
 *
 * Values the caller sent (`req.body.userId`, a server action's arguments, a record looked up by
 * one) never count as the caller's identity: `if (!body.userId) return` is input validation.
 */

// ---------------------------------------------------------------------------------------------
// Words. Names are split into lowercase words joined by `-` (`getServerSession` → `get-server-session`).

/** A call whose own name matches one of these checks who the caller is, or that a request is genuine. */
const AUTH_CALL_NAMES: readonly RegExp[] = [
  /(?:^|-)(?:auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation)(?:-|$)/,
  /(?:^|-)sessions?(?:-|$)/,
  /(?:^|-)verify(?:-|$)/,
  /(?:^|-)guards?(?:-|$)/,
  /(?:^|-)jwt(?:-|$)/,
  /(?:^|-)(?:logged|signed)-in(?:-|$)/,
  /(?:^|-)(?:require|ensure)-login(?:-|$)|(?:^|-)login-required(?:-|$)/,
  /(?:^|-)(?:current|require|ensure|assert|authed|authenticated|session|signed-in|logged-in)-user(?:-|$)/,
  /(?:^|-)(?:require|ensure|assert|check|has|is|must-be)-(?:admin|staff|owner|member|role|roles|permission|permissions|scope|scopes|access|ability)(?:-|$)/,
  /^(?:can|cannot|protect|protected|protect-route)$/,
  // Tokens and API keys: `validateToken(t)`, `checkApiKey`, `getUserFromToken(t)`.
  /(?:^|-)(?:require|ensure|check|validate|decode|introspect)-(?:[a-z]+-)*(?:token|jwt|key)(?:-|$)/,
  /(?:^|-)user-from-|(?:^|-)from-(?:token|jwt)(?:-|$)/,
  // Webhook and HMAC signature verification.
  /(?:^|-)(?:validate|check|valid|verify)-(?:[a-z]+-)*signature(?:-|$)/,
  /^(?:construct-event|create-hmac|timing-safe-equal)$/,
];
/** `getUser(req)` / `getUser()` checks who is signed in; `getUser(req.body.id)` is a lookup. */
const USER_CALLS = /^(?:get-|load-|fetch-)?user$/;
/** An object whose methods are the auth API: `supabase.auth.getUser()`, `admin.auth().verifyIdToken()`. */
const AUTH_OBJECTS = new Set(['auth']);

/** Words that name the caller's identity, in a tested condition or a read from the request object. */
const IDENTITY_WORDS = new Set([
  'user', 'session', 'viewer', 'auth', 'principal', 'claims', 'jwt', 'token', 'identity', 'authorization',
  'authenticated', 'authed', 'me', 'member', 'admin', 'role', 'roles', 'permission', 'permissions', 'uid',
]);
/** `assert(session)`, `invariant(user)`, Koa `ctx.assert(ctx.state.user, 401)`. */
const ASSERT_CALLS = new Set(['assert', 'invariant', 'ok']);
const EQUALITY = new Set(['===', '!==', '==', '!=']);
/** Request members that carry credentials: reading them is part of a check, not input. */
const CREDENTIAL_MEMBERS = new Set(['headers', 'header()', 'cookies', 'signedCookies']);

/** Route options that hold per-route middleware (Fastify hooks, hapi `auth`, others' `middleware`). */
const ROUTE_HOOK_KEYS = new Set([
  'preHandler', 'onRequest', 'preValidation', 'preParsing', 'beforeHandler', 'middleware', 'middlewares',
  'before', 'guards', 'auth',
]);
/** Route option keys that hold the path. */
const ROUTE_PATH_KEYS = new Set(['url', 'path']);
/** Router methods: a registration of a handler with a path and middleware. */
const ROUTE_METHODS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any', 'use', 'on', 'route',
]);
/** `router.use(mw)`, `router.all('*', mw)`: middleware for the routes registered after it. */
const USE_METHODS = new Set(['use', 'all']);
/** `fastify.addHook('onRequest', fn)`: hooks that run before every handler of the instance. */
const HOOK_METHOD = 'addHook';
const REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** NestJS and routing-controllers decorators that guard a handler (besides the call words above). */
const GUARD_DECORATORS = /^(?:roles?|permissions?|scopes?|authorized|auth|use-guards|require-auth|api-bearer-auth|api-security)$/;
/** Decorators whose arguments are middleware: `@UseBefore(authMiddleware)`, `@UseMiddleware(isAuth)`. */
const MIDDLEWARE_DECORATORS = new Set(['UseBefore', 'UseMiddleware', 'UseInterceptors', 'Use']);
/** Opt-outs of a global guard: a file that marks some handlers public guards the others. */
const PUBLIC_DECORATORS = new Set([
  'Public', 'IsPublic', 'SkipAuth', 'AllowAnonymous', 'Anonymous', 'NoAuth', 'PublicRoute', 'Unprotected',
]);
/** NestJS decorators that give a route its path segments. */
const NEST_PATH_DECORATORS = new Set([
  'Controller', 'Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Resolver', 'Mutation', 'Query',
]);

/** Folders where file-based routes start: the part of the path from the last one names the route. */
const ROUTE_ROOTS = new Set(['app', 'pages', 'routes', 'api', 'functions', 'actions', 'server']);

/** Frameworks that route by file: the file path names the route. */
const FILE_ROUTED = new Set([
  'nextjs-route', 'route-module', 'nextjs-pages-api', 'nextjs-middleware', 'nextjs-ssr', 'server-action', 'remix',
  'sveltekit', 'h3', 'netlify',
]);

const MAX_WRAPPER_DEPTH = 4;
const MAX_MIDDLEWARE_DEPTH = 2;

// ---------------------------------------------------------------------------------------------

export type AuthCheckKind =
  /** `await auth()`, `verifyToken(t)`. */
  | 'call'
  /** `if (!session) return`, `if (body.userId !== session.user.id)`. */
  | 'condition'
  /** `req.user`, `ctx.state.user`: the identity a middleware attached. */
  | 'identity'
  /** `app.post('/x', requireAuth, handler)`, `router.use(auth)`, Fastify hooks. */
  | 'middleware'
  /** `withAuth(handler)`. */
  | 'wrapper'
  /** `@UseGuards(…)`, `@CurrentUser()`, a global guard with `@Public()` opt-outs. */
  | 'decorator';

export interface AuthCheck {
  kind: AuthCheckKind;
  node: TSESTree.Node;
}

export interface RouteInfo {
  /** Route paths the entry point is registered under: `/newsletter`, `newsletter/subscribe`. */
  paths: readonly string[];
  /** The handler's names: its function, the variable, property or export that holds it. */
  names: readonly string[];
  /** For frameworks that route by file: the end of the file path (`app/api/newsletter/route.ts`). */
  file?: string;
}

export interface AuthChecks {
  /**
   * The first visible check that runs before `node` in `entry`: around the entry point, or in its
   * body before `node` ends. `ignore` skips calls a rule knows are not checks (its own SDK calls).
   */
  before(entry: EntryPoint, node: TSESTree.Node, ignore?: (call: TSESTree.CallExpression) => boolean): AuthCheck | undefined;
  /**
   * Is there a check before `node`: does `before` find one? Cheaper when only that matters, as
   * the body is walked no further than the first check that counts.
   */
  isChecked(entry: EntryPoint, node: TSESTree.Node, ignore?: (call: TSESTree.CallExpression) => boolean): boolean;
  /** Where and under which names the entry point is registered. */
  route(entry: EntryPoint): RouteInfo;
}

interface Context {
  sourceCode: Readonly<TSESLint.SourceCode>;
  filename: string;
}

const cache = new WeakMap<TSESTree.Program, Map<string, AuthChecks>>();

/**
 * Auth-check facts of a file, computed on demand and shared by every rule. `extraNames` are
 * regular expressions for a project's own checks (`ensureTeamMember`), tested against names as
 * written, case-insensitively.
 */
export function getAuthChecks(context: Context, extraNames: readonly string[] = []): AuthChecks {
  const program = context.sourceCode.ast;
  let byNames = cache.get(program);
  if (!byNames) {
    byNames = new Map();
    cache.set(program, byNames);
  }
  const key = extraNames.join('\n');
  let checks = byNames.get(key);
  if (!checks) {
    checks = new Checks(context.sourceCode, context.filename, getRequestValues(context), extraNames.map(toPattern));
    byNames.set(key, checks);
  }
  return checks;
}

/**
 * Names and patterns repeat from file to file (`user`, `session`, `requireAuth`, the same options):
 * their word forms and compiled patterns are kept, up to a bound, instead of being redone per node.
 */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const results = new BoundedMap<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      results.set(key, result);
    }
    return result;
  };
}

/** A user's pattern; text that is not a valid regular expression matches as written. */
export const toPattern: (text: string) => RegExp = memo((text) => {
  // Never global or sticky, so one compiled pattern is safe to share.
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
});

/** `getServerSession` → `get-server-session`, `UseGuards` → `use-guards`, `JWTAuth` → `jwt-auth`. */
export const nameWords: (name: string) => string = memo((name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-'),
);

/** Does a callee or middleware name say it checks the caller? */
export const isAuthName: (name: string) => boolean = memo((name) => {
  const words = nameWords(name);
  return AUTH_CALL_NAMES.some((pattern) => pattern.test(words));
});

const hasIdentityWord: (name: string) => boolean = memo((name) =>
  nameWords(name)
    .split('-')
    .some((word) => IDENTITY_WORDS.has(word)),
);

interface Registration {
  checks: AuthCheck[];
  paths: string[];
  names: string[];
  /** Route registrations (`app.post(…)`) the handler is passed to. */
  calls: TSESTree.CallExpression[];
}

interface FileMiddleware {
  /** `router.use(auth)`: protects the routes registered after it ends. */
  uses: { node: TSESTree.CallExpression; end: number }[];
  /** `fastify.addHook('onRequest', auth)`: protects every route of the instance. */
  hooks: TSESTree.CallExpression[];
}

interface FileNodes {
  /** Calls of a method: `router.use(…)`, `fastify.addHook(…)`. */
  memberCalls: TSESTree.CallExpression[];
  decorators: TSESTree.Decorator[];
}

type VisitorKeys = Record<string, readonly string[] | undefined>;

/** A body scanned as far as needed: see `Checks.body`. */
interface BodyScan {
  /**
   * Checks met so far, sorted by start (ties in the order of the walk): every one that starts
   * before `limit`, and any met after it by a walk that stopped early.
   */
  found: AuthCheck[];
  /** Roots of the subtrees not walked yet (they start at or after `limit`), in walk order. */
  later: TSESTree.Node[];
  limit: number;
}

class Checks implements AuthChecks {
  private readonly bodies = new Map<FunctionNode, BodyScan>();
  private readonly registrations = new Map<FunctionNode, Registration>();
  private readonly scannedMiddleware = new Map<FunctionNode, boolean>();
  private fileMiddleware: FileMiddleware | undefined;
  private readonly filename: string;
  private routeFileText: string | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    filename: string,
    private readonly requests: RequestValues,
    private readonly extraNames: readonly RegExp[],
  ) {
    this.filename = filename.replace(/\\/g, '/');
  }

  /** A name that says it checks, by the words above or the project's own names. */
  private namesCheck = (name: string): boolean =>
    isAuthName(name) || this.extraNames.some((pattern) => pattern.test(name));

  before(
    entry: EntryPoint,
    node: TSESTree.Node,
    ignore?: (call: TSESTree.CallExpression) => boolean,
  ): AuthCheck | undefined {
    try {
      const around = this.around(entry);
      if (around) return around;
      for (const check of this.body(entry, node.range[1])) {
        if (check.node.range[0] >= node.range[1]) break;
        if (ignore && check.node.type === AST_NODE_TYPES.CallExpression && ignore(check.node)) continue;
        return check;
      }
      return undefined;
    } catch {
      return undefined; // never throw on odd code; no check seen
    }
  }

  isChecked(
    entry: EntryPoint,
    node: TSESTree.Node,
    ignore?: (call: TSESTree.CallExpression) => boolean,
  ): boolean {
    try {
      if (this.around(entry)) return true;
      const limit = node.range[1];
      const counts = (check: AuthCheck): boolean =>
        check.node.range[0] < limit &&
        !(ignore && check.node.type === AST_NODE_TYPES.CallExpression && ignore(check.node));
      const scan = this.scanOf(entry);
      if (scan.found.some(counts)) return true;
      return limit > scan.limit && this.scanTo(entry, scan, limit, counts);
    } catch {
      return false; // never throw on odd code; no check seen
    }
  }

  /** A check around the entry point: middleware, a wrapper or a decorator. */
  private around(entry: EntryPoint): AuthCheck | undefined {
    const registration = this.registration(entry);
    if (registration.checks.length > 0) return registration.checks[0];
    // File-wide middleware only guards handlers registered in this file: no walk for the others.
    if (registration.calls.length > 0) {
      const file = this.middleware();
      for (const call of registration.calls) {
        const use = file.uses.find((candidate) => candidate.end <= call.range[0]);
        if (use) return { kind: 'middleware', node: use.node };
      }
      if (file.hooks.length > 0) return { kind: 'middleware', node: file.hooks[0] };
    }
    return undefined;
  }

  route(entry: EntryPoint): RouteInfo {
    let registration: Registration;
    try {
      registration = this.registration(entry);
    } catch {
      registration = { checks: [], paths: [], names: [], calls: [] };
    }
    const file = FILE_ROUTED.has(entry.framework) ? (this.routeFileText ??= routeFile(this.filename)) : undefined;
    return { paths: registration.paths, names: registration.names, file };
  }

  // -- the body --------------------------------------------------------------------------------

  /**
   * Checks in the entry point's body that start before `limit`, in source order (then the order of
   * the walk). A question about a node needs only the checks before it, so the body is scanned no
   * further than the questions asked so far: most sends sit before the end of their handler.
   */
  private body(entry: EntryPoint, limit: number): AuthCheck[] {
    const scan = this.scanOf(entry);
    if (limit > scan.limit) this.scanTo(entry, scan, limit);
    return scan.found;
  }

  private scanOf(entry: EntryPoint): BodyScan {
    let scan = this.bodies.get(entry.fn);
    if (!scan) {
      scan = { found: [], later: [entry.fn.body], limit: -Infinity };
      this.bodies.set(entry.fn, scan);
    }
    return scan;
  }

  /**
   * Walks on from the nodes set aside so far, examining those that start before `limit`. The walk
   * is the same as a whole-body walk with some subtrees visited later, and a node's subtree starts
   * no earlier than the node: the checks before `limit` and their order are those of a full scan.
   *
   * With `stop`, the walk ends at the first check it accepts (returning true); what is left is set
   * aside in walk order, so the next scan goes on as this one would have.
   */
  private scanTo(entry: EntryPoint, scan: BodyScan, limit: number, stop?: (check: AuthCheck) => boolean): boolean {
    const keys = this.sourceCode.visitorKeys as VisitorKeys;
    const pending = scan.later;
    scan.later = [];
    const stack: TSESTree.Node[] = [];
    for (let index = 0; index < pending.length; index++) {
      stack.push(pending[index]);
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (startOf(node) >= limit) {
          scan.later.push(node);
          continue;
        }
        const kind = this.checkKind(entry, node);
        pushChildren(stack, node, keys, true, true);
        if (!kind) continue;
        const check: AuthCheck = { kind, node };
        insertByStart(scan.found, check);
        if (stop?.(check)) {
          // The stack is popped from its end; the roots after this one come after all of it.
          for (let i = stack.length - 1; i >= 0; i--) scan.later.push(stack[i]);
          for (let i = index + 1; i < pending.length; i++) scan.later.push(pending[i]);
          return true;
        }
      }
    }
    scan.limit = limit;
    return false;
  }

  /** Is there any check in `root` (a middleware's body)? Stops at the first one. */
  private hasCheck(entry: EntryPoint, root: TSESTree.Node): boolean {
    const keys = this.sourceCode.visitorKeys as VisitorKeys;
    const stack: TSESTree.Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.checkKind(entry, node)) return true;
      pushChildren(stack, node, keys);
    }
    return false;
  }

  /** The kind of check `node` itself is, if it is one. */
  private checkKind(entry: EntryPoint, node: TSESTree.Node): AuthCheckKind | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        if (this.isAuthCall(entry, node)) return 'call';
        if (isAssertCall(node) && node.arguments.some((arg) => this.mentionsIdentity(entry, arg))) return 'condition';
        return this.isIdentityGet(entry, node) ? 'identity' : undefined;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return this.mentionsIdentity(entry, node.test) ? 'condition' : undefined;
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node);
        return name !== undefined && hasIdentityWord(name) && this.isIdentityRead(entry, node) ? 'identity' : undefined;
      }
      case AST_NODE_TYPES.Identifier:
        return hasIdentityWord(node.name) && isReference(node) && this.isIdentityRead(entry, node) ? 'identity' : undefined;
      default:
        return undefined;
    }
  }

  /** `await auth()`, `verifyToken(t)`, `supabase.auth.getUser()`, `getUser(req)`. */
  private isAuthCall(entry: EntryPoint, call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (name === undefined) return false;
    if (this.namesCheck(name)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && calleeObjects(callee.object).some((n) => AUTH_OBJECTS.has(n))) {
      return true;
    }
    if (USER_CALLS.test(nameWords(name))) {
      // Who is signed in (`getUser()`, `getUser(req)`), not a lookup by what the caller sent.
      return call.arguments.every((arg) => {
        const access = this.requests.access(entry, arg);
        return access !== undefined && isIdentityAccess(access);
      });
    }
    return false;
  }

  /** Hono `c.get('user')`, `c.get('jwtPayload')`: the identity a middleware set on the context. */
  private isIdentityGet(entry: EntryPoint, call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'get') return false;
    const key = call.arguments[0];
    if (key?.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string' || !hasIdentityWord(key.value)) return false;
    const access = this.requests.access(entry, callee.object);
    return access !== undefined && access.role === 'request' && access.path.length === 0;
  }

  /** `req.user`, `ctx.state.user`, `context.session`, a destructured `{ user }` of the context. */
  private isIdentityRead(entry: EntryPoint, node: TSESTree.Node): boolean {
    const access = this.requests.access(entry, node);
    return access !== undefined && isIdentityAccess(access) && access.path.some(hasIdentityWord);
  }

  /**
   * Does a condition test who the caller is? It must name an identity (`session`, `user.id`,
   * `isAdmin`) that is not what the caller sent, nor a record looked up by what the caller sent.
   */
  private mentionsIdentity(entry: EntryPoint, test: TSESTree.Node): boolean {
    const keys = this.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
    const stack: TSESTree.Node[] = [test];
    let visited = 0;
    while (stack.length > 0 && visited++ < 200) {
      const node = stack.pop()!;
      if (isFunction(node)) continue;
      if (node.type === AST_NODE_TYPES.CallExpression && this.isAuthCall(entry, node)) return true;
      if (this.isComparedCredential(entry, node)) return true;
      if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
        const chain = memberChain(node);
        if (chain?.some(hasIdentityWord) && this.isCallerIdentity(entry, node, chain)) return true;
        if (chain) continue;
      }
      pushChildren(stack, node, keys, false);
    }
    return false;
  }

  /**
   * A credential header or cookie negated or compared with a value that is not a literal:
   * `if (req.headers['x-api-key'] !== process.env.API_KEY)`, `if (!req.cookies.sid)`.
   */
  private isComparedCredential(entry: EntryPoint, node: TSESTree.Node): boolean {
    if (
      node.type !== AST_NODE_TYPES.Identifier &&
      node.type !== AST_NODE_TYPES.MemberExpression &&
      node.type !== AST_NODE_TYPES.CallExpression
    ) {
      return false;
    }
    let position: TSESTree.Node = node;
    while (position.parent && (isTransparent(position.parent) || position.parent.type === AST_NODE_TYPES.ChainExpression)) {
      position = position.parent;
    }
    const parent = position.parent;
    let compared = false;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') compared = true;
    if (parent?.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(parent.operator)) {
      const other = unwrap(parent.left === position ? parent.right : parent.left);
      compared = other.type !== AST_NODE_TYPES.Literal && !(other.type === AST_NODE_TYPES.TemplateLiteral && other.expressions.length === 0);
    }
    if (!compared) return false;
    const access = this.requests.access(entry, node);
    return access !== undefined && isCredentialAccess(access);
  }

  private isCallerIdentity(entry: EntryPoint, node: TSESTree.Node, chain: readonly string[]): boolean {
    const access = this.requests.access(entry, node);
    if (access) return isIdentityAccess(access);
    // A local: not a record looked up by what the caller sent (`db.users.find(req.body.id)`).
    const root = unwrap(node);
    let identifier: TSESTree.Node = root;
    while (identifier.type === AST_NODE_TYPES.MemberExpression) identifier = unwrap(identifier.object);
    if (identifier.type !== AST_NODE_TYPES.Identifier || identifier.name !== chain[0]) return true;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || !def.node.init) return true;
    const init = unwrapAwait(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression || this.isAuthCall(entry, init)) return true;
    return !init.arguments.some((arg) => this.holdsCallerInput(entry, arg, 0));
  }

  /** Does an argument carry what the caller sent (credentials aside), inside object literals too? */
  private holdsCallerInput(entry: EntryPoint, node: TSESTree.Node, depth: number): boolean {
    const target = unwrap(node);
    if (depth > 3) return false;
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      return target.properties.some((property) =>
        this.holdsCallerInput(entry, property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1),
      );
    }
    const value = this.requests.of(entry, target);
    return value !== undefined && !isCredentialAccess(value);
  }

  // -- around the entry ------------------------------------------------------------------------

  private registration(entry: EntryPoint): Registration {
    let found = this.registrations.get(entry.fn);
    if (found) return found;
    found = { checks: [], paths: [], names: [], calls: [] };
    this.registrations.set(entry.fn, found);
    const fn = entry.fn;
    const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn ? fn.parent : undefined;
    if (method) {
      this.decorated(entry, method, found);
      return found;
    }
    if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) found.names.push(fn.id.name);
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
      found.names.push(fn.id.name);
      for (const reference of this.referencesOf(fn)) this.climbRegistration(reference, found, 1, new Set());
    }
    this.climbRegistration(fn, found, 0, new Set());
    return found;
  }

  /** Follows a handler outwards through wrappers, route calls, option objects and the variables that hold them. */
  private climbRegistration(node: TSESTree.Node, found: Registration, depth: number, seen: Set<TSESTree.Node>): void {
    if (depth > MAX_WRAPPER_DEPTH || seen.has(node)) return;
    seen.add(node);
    let position = node;
    for (let parent = position.parent; parent; parent = position.parent) {
      if (parent.type === AST_NODE_TYPES.ArrayExpression) {
        // `app.post('/x', [auth, handler])`: the middleware listed before it.
        const index = parent.elements.indexOf(position as TSESTree.Expression);
        for (const element of parent.elements.slice(0, Math.max(0, index))) {
          if (element && element.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(element, 0)) {
            found.checks.push({ kind: 'middleware', node: element });
          }
        }
      } else if (!isTransparent(parent)) {
        break;
      }
      position = parent;
    }
    const parent = position.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = parent.arguments.indexOf(position as TSESTree.CallExpressionArgument);
        if (index < 0) return;
        this.registrationCall(parent, index, found);
        this.chainedMiddleware(parent, found);
        this.climbRegistration(outermostChainCall(parent), found, depth + 1, seen);
        return;
      }
      case AST_NODE_TYPES.Property: {
        if (parent.value !== position) return;
        const key = staticName(parent.key, parent.computed);
        if (key !== undefined) found.names.push(key);
        const object = parent.parent;
        if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
        this.routeOptions(object, found);
        this.climbRegistration(object, found, depth + 1, seen);
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== position || parent.id.type !== AST_NODE_TYPES.Identifier) return;
        found.names.push(parent.id.name);
        const variable = this.sourceCode.getDeclaredVariables(parent)[0];
        for (const reference of variable?.references ?? []) {
          if (reference.isRead()) this.climbRegistration(reference.identifier, found, depth + 1, seen);
        }
        return;
      }
      case AST_NODE_TYPES.ExportSpecifier: {
        const name = staticName(parent.exported, false);
        if (name !== undefined) found.names.push(name);
        return;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        // `exports.subscribe = …`, `module.exports.handler = …`
        const chain = memberChain(parent.left);
        if (parent.right === position && chain && chain.length > 1) found.names.push(chain.at(-1)!);
        return;
      }
      default:
        return;
    }
  }

  /** A call the handler (or a wrapper of it) is passed to: a route registration or a wrapper. */
  private registrationCall(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, found: Registration): void {
    const callee = unwrap(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    const isRoute = call.type === AST_NODE_TYPES.CallExpression && method !== undefined && ROUTE_METHODS.has(method);
    if (!isRoute) {
      // `withAuth(handler)`, `authActionClient.action(fn)`: a wrapper whose name says it checks.
      if (calleeWords(call.callee).some(this.namesCheck)) found.checks.push({ kind: 'wrapper', node: call });
      return;
    }
    found.calls.push(call);
    for (const arg of call.arguments.slice(0, index)) {
      const target = unwrap(arg);
      const path = pathText(target);
      if (path !== undefined) {
        found.paths.push(path);
      } else if (target.type === AST_NODE_TYPES.ObjectExpression) {
        this.routeOptions(target, found);
      } else if (this.isAuthMiddleware(target, 0)) {
        found.checks.push({ kind: 'middleware', node: target });
      }
    }
    // `app.route('/x').post(handler)`
    let object: TSESTree.Node = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
    for (let i = 0; i < 8 && object.type === AST_NODE_TYPES.CallExpression; i++) {
      const inner = unwrap(object.callee);
      if (inner.type !== AST_NODE_TYPES.MemberExpression) break;
      if (memberName(inner) === 'route') {
        for (const arg of object.arguments) {
          const path = pathText(unwrap(arg));
          if (path !== undefined) found.paths.push(path);
        }
      }
      object = unwrap(inner.object);
    }
  }

  /** middy: `middy(handler).use(httpJwtAuth())`: middleware chained onto the wrapper. */
  private chainedMiddleware(call: TSESTree.CallExpression | TSESTree.NewExpression, found: Registration): void {
    let current: TSESTree.Node = call;
    for (let i = 0; i < 8; i++) {
      const member: TSESTree.Node | undefined = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return;
      const outer: TSESTree.Node | undefined = member.parent;
      if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) return;
      const name = memberName(member);
      if (name !== undefined && USE_METHODS.has(name)) {
        const checks = outer.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(arg, 0));
        if (checks) found.checks.push({ kind: 'middleware', node: outer });
      }
      current = outer;
    }
  }

  /** Fastify `{ preHandler: [fastify.authenticate], url }`, hapi `{ auth: 'jwt', path }`. */
  private routeOptions(object: TSESTree.ObjectExpression, found: Registration): void {
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = staticName(property.key, property.computed);
      if (key === undefined) continue;
      const value = unwrap(property.value);
      if (ROUTE_PATH_KEYS.has(key)) {
        const path = pathText(value);
        if (path !== undefined) found.paths.push(path);
      } else if (key === 'auth') {
        // hapi: `auth: false` (or `auth: { mode: 'try' }` … ) turns checking off; a strategy name turns it on.
        const off = value.type === AST_NODE_TYPES.Literal && (value.value === false || value.value === null);
        if (!off) found.checks.push({ kind: 'middleware', node: property });
      } else if (ROUTE_HOOK_KEYS.has(key) && this.isAuthMiddleware(value, 0)) {
        found.checks.push({ kind: 'middleware', node: property });
      } else if (key === 'options' && value.type === AST_NODE_TYPES.ObjectExpression) {
        this.routeOptions(value, found);
      }
    }
  }

  /** Middleware that checks: named so (`requireAuth`, `passport.authenticate('jwt')`), or a local function that checks. */
  private isAuthMiddleware(node: TSESTree.Node, depth: number): boolean {
    const target = unwrap(node);
    if (depth > MAX_MIDDLEWARE_DEPTH) return false;
    switch (target.type) {
      case AST_NODE_TYPES.Identifier: {
        if (this.namesCheck(target.name)) return true;
        const fn = this.localFunction(target);
        return fn !== undefined && this.checksInside(fn);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(target);
        return name !== undefined && this.namesCheck(name);
      }
      case AST_NODE_TYPES.CallExpression:
        return (
          calleeWords(target.callee).some(this.namesCheck) ||
          target.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(arg, depth + 1))
        );
      case AST_NODE_TYPES.ArrayExpression:
        return target.elements.some(
          (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(element, depth + 1),
        );
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return this.checksInside(target);
      default:
        return false;
    }
  }

  /** Does a middleware function check anything (its parameters are the request objects)? */
  private checksInside(fn: FunctionNode): boolean {
    let result = this.scannedMiddleware.get(fn);
    if (result !== undefined) return result;
    this.scannedMiddleware.set(fn, false);
    const pseudo: EntryPoint = {
      fn,
      kind: 'request',
      framework: 'middleware',
      label: 'middleware',
      http: true,
      shortLived: false,
    };
    result = this.hasCheck(pseudo, fn.body);
    this.scannedMiddleware.set(fn, result);
    return result;
  }

  private localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    if (def?.type === 'Variable' && def.node.init) {
      const init = unwrap(def.node.init);
      if (isFunction(init)) return init;
    }
    return undefined;
  }

  private referencesOf(fn: TSESTree.FunctionDeclaration): TSESTree.Node[] {
    const variable = this.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id?.name);
    return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  }

  /** NestJS and routing-controllers: guards on the method or the class, identity parameters, paths. */
  private decorated(entry: EntryPoint, method: TSESTree.MethodDefinition, found: Registration): void {
    const name = staticName(method.key, method.computed);
    if (name !== undefined) found.names.push(name);
    const owner = method.parent.parent;
    const decorators = [...(method.decorators ?? []), ...(owner.decorators ?? [])];
    for (const decorator of decorators) {
      const decoratorName = nameOf(decorator);
      if (decoratorName === undefined) continue;
      const args = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments : [];
      if (NEST_PATH_DECORATORS.has(decoratorName)) {
        for (const arg of args) {
          const text = stringText(unwrap(arg));
          if (text !== undefined) found.paths.push(text);
        }
      }
      if (this.namesCheck(decoratorName) || GUARD_DECORATORS.test(nameWords(decoratorName))) {
        found.checks.push({ kind: 'decorator', node: decorator });
      } else if (
        MIDDLEWARE_DECORATORS.has(decoratorName) &&
        args.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(arg, 0))
      ) {
        found.checks.push({ kind: 'decorator', node: decorator });
      }
    }
    // `@CurrentUser() user`, `@Session() session`: the identity a guard resolved.
    for (const param of entry.fn.params) {
      const paramDecorators = param.type === AST_NODE_TYPES.TSParameterProperty ? param.decorators : 'decorators' in param ? param.decorators : [];
      for (const decorator of paramDecorators ?? []) {
        const decoratorName = nameOf(decorator);
        if (decoratorName !== undefined && (hasIdentityWord(decoratorName) || this.namesCheck(decoratorName))) {
          found.checks.push({ kind: 'decorator', node: decorator });
        }
      }
    }
    // A global guard: other handlers of the file opt out with `@Public()`, so this one is guarded.
    if (!decorators.some((decorator) => PUBLIC_DECORATORS.has(nameOf(decorator) ?? ''))) {
      const optOut = this.publicDecorators().find((decorator) => !decorators.includes(decorator));
      if (optOut) found.checks.push({ kind: 'decorator', node: optOut });
    }
  }

  private publicList: TSESTree.Decorator[] | undefined;

  private publicDecorators(): TSESTree.Decorator[] {
    this.publicList ??= this.fileNodes().decorators.filter((node) => PUBLIC_DECORATORS.has(nameOf(node) ?? ''));
    return this.publicList;
  }

  /** `router.use(auth)` and `fastify.addHook('onRequest', auth)` anywhere in the file. */
  private middleware(): FileMiddleware {
    if (this.fileMiddleware) return this.fileMiddleware;
    const found: FileMiddleware = { uses: [], hooks: [] };
    this.fileMiddleware = found;
    for (const node of this.fileNodes().memberCalls) {
      const method = memberName(unwrap(node.callee) as TSESTree.MemberExpression);
      if (method !== undefined && USE_METHODS.has(method)) {
        const checks = node.arguments.some(
          (arg) => arg.type !== AST_NODE_TYPES.SpreadElement && pathText(unwrap(arg)) === undefined && this.isAuthMiddleware(arg, 0),
        );
        if (checks) found.uses.push({ node, end: node.range[1] });
      } else if (method === HOOK_METHOD) {
        const [hook, fn] = node.arguments;
        const hookName = hook && stringText(unwrap(hook));
        if (hookName !== undefined && REQUEST_HOOKS.has(hookName) && fn && fn.type !== AST_NODE_TYPES.SpreadElement && this.isAuthMiddleware(fn, 0)) {
          found.hooks.push(node);
        }
      }
    }
    found.uses.sort((a, b) => a.end - b.end);
    found.hooks = inWalkOrder(found.hooks);
    return found;
  }

  private nodes: FileNodes | undefined;

  /** Member calls and decorators of the file, from the index shared by every rule. */
  private fileNodes(): FileNodes {
    this.nodes ??= {
      memberCalls: nodesOfType(this.sourceCode, AST_NODE_TYPES.CallExpression).filter(
        (node) => unwrap(node.callee).type === AST_NODE_TYPES.MemberExpression,
      ),
      decorators: inWalkOrder(nodesOfType(this.sourceCode, AST_NODE_TYPES.Decorator)),
    };
    return this.nodes;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Keys of type annotations: no check is written in a type. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeArguments', 'typeParameters']);

/**
 * Pushes `node`'s children, types aside unless `skipTypes` is false. With `popInOrder` they are
 * popped in visitor-key order, so a walk meets nodes in source order and one that stops at the
 * first check stops early in the body; otherwise the last key is popped first.
 */
function pushChildren(stack: TSESTree.Node[], node: TSESTree.Node, keys: VisitorKeys, skipTypes = true, popInOrder = false): void {
  const nodeKeys = keys[node.type];
  if (!nodeKeys) return;
  const from = stack.length;
  for (const key of nodeKeys) {
    if (skipTypes && TYPE_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) stack.push(item);
    } else if (isNode(value)) {
      stack.push(value);
    }
  }
  if (popInOrder) reverseFrom(stack, from);
}

function reverseFrom(stack: TSESTree.Node[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i++, j--) {
    const swap = stack[i];
    stack[i] = stack[j];
    stack[j] = swap;
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Where a node's subtree starts: decorators may be written before the node's own range. */
function startOf(node: TSESTree.Node): number {
  const decorators = (node as { decorators?: readonly TSESTree.Decorator[] }).decorators;
  const first = decorators?.[0];
  return first && first.range[0] < node.range[0] ? first.range[0] : node.range[0];
}

/** Adds a check after those that start no later: sorted by start, ties in the order found. */
function insertByStart(found: AuthCheck[], check: AuthCheck): void {
  const start = check.node.range[0];
  let index = found.length;
  while (index > 0 && found[index - 1].node.range[0] > start) index--;
  found.splice(index, 0, check);
}

/**
 * Nodes in the order a stack walk of the file meets them (children pushed in source order, so
 * later siblings first, an outer node before those inside it): by end, last first; on the same
 * end, the outer one first. The first hook or `@Public()` reported is the one met first.
 */
function inWalkOrder<T extends TSESTree.Node>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => b.range[1] - a.range[1] || a.range[0] - b.range[0]);
}

/** The caller's identity: read from the request or context object, not from what the caller sent. */
function isIdentityAccess(access: RequestAccess): boolean {
  if (access.role !== 'request') return false;
  return !isDataPath(access.path) || isCredentialAccess(access);
}

/** `req.headers.authorization`, `ctx.cookies.get('sid')`: credentials travel in headers and cookies. */
function isCredentialAccess(access: RequestAccess): boolean {
  if (access.role !== 'request') return false;
  const [first, second] = access.path;
  return (first !== undefined && CREDENTIAL_MEMBERS.has(first)) || ((first === 'req' || first === 'request') && second !== undefined && CREDENTIAL_MEMBERS.has(second));
}

function isAssertCall(call: TSESTree.CallExpression): boolean {
  const name = memberChain(call.callee)?.at(-1);
  return name !== undefined && ASSERT_CALLS.has(name);
}

function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand) return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectPattern) return false;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier) return false;
  return true;
}

function isTransparent(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  return current;
}

/** Names along a callee, through calls: `admin.auth().verifyIdToken` → `admin`, `auth`, `verifyIdToken`. */
function calleeWords(node: TSESTree.Node): string[] {
  const words: string[] = [];
  let current: TSESTree.Node = unwrap(node);
  for (let i = 0; i < 10; i++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      words.push(current.name);
      break;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name !== undefined) words.push(name);
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrap(current.callee);
    } else {
      break;
    }
  }
  return words;
}

/** The objects a method is called on: `supabase.auth` → `supabase`, `auth`. */
function calleeObjects(node: TSESTree.Node): string[] {
  return calleeWords(node);
}

/** `middy(fn).use(a).use(b)`: the last call of the chain. */
function outermostChainCall(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node {
  let current: TSESTree.Node = call;
  for (let i = 0; i < 8; i++) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const outer: TSESTree.Node | undefined = member.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) break;
    current = outer;
  }
  return current;
}

function nameOf(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  return memberChain(expression)?.at(-1);
}

function stringText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('*');
  return undefined;
}

/** `src/app/api/newsletter/route.ts` → `api/newsletter/route.ts`: the path from the last routing folder. */
function routeFile(filename: string): string {
  const segments = filename.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (ROUTE_ROOTS.has(segments[i])) return segments.slice(i).join('/');
  }
  return segments.slice(-2).join('/');
}

/** A route path argument: `'/newsletter'`, `` `/users/${id}` ``, `'*'`. */
function pathText(node: TSESTree.Node): string | undefined {
  const text = stringText(node);
  return text !== undefined && (text.startsWith('/') || text === '*') ? text : undefined;
}
