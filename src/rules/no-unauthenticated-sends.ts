import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findProperty, unwrap, type FunctionNode } from '../analysis/ast.js';
import { getAuthChecks, toPattern, type AuthChecks } from '../analysis/auth-checks.js';
import { getFunctionFacts, type EntryPoint, type FunctionFacts } from '../analysis/functions.js';
import { getRequestValues, type RequestValue, type RequestValues } from '../analysis/request-values.js';
import { getSdkAnalysis, parameterSource, resolveFields, type Construction, type ResolvedField, type SdkCall } from '../analysis/sdk-calls.js';
import type { FieldRole, MethodKind } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'personFromRequest' | 'recipientFromRequest' | 'bodyFromRequest';
type Options = [{ allowRoutes?: string[]; authFunctions?: string[] }];
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Public endpoints that identify the visitor from what they typed, by design: sign-up, newsletter
 * and waitlist forms, (un)subscribe links, password resets and magic links, contact forms.
 * Tested against route paths, handler names and (for file-routed frameworks) the file path, with
 * camelCase and `_` turned into `-`.
 */
const DEFAULT_ALLOW_ROUTES = [
  'sign-?up', 'register', 'subscribe', 'newsletter', 'wait-?list', 'forgot', 'reset-?password',
  'password-?reset', 'magic-?link', 'log-?in', 'sign-?in', 'verify-?email', 'confirm', 'opt-?(?:in|out)',
  'contact',
];

/** Roles that say whose profile a call touches or who a message reaches. */
const PERSON_ROLES: ReadonlySet<FieldRole> = new Set(['personId', 'email', 'phone']);
const RECIPIENT_ROLES: ReadonlySet<FieldRole> = new Set(['recipients']);
/** Roles that are a send's or an identify's whole body: a caller who controls all of it chooses everything. */
const BODY_ROLES: ReadonlySet<FieldRole> = new Set(['request', 'payload', 'attributes']);
/** Method kinds whose body is checked (a track's properties are the caller's to describe). */
const BODY_KINDS: ReadonlySet<MethodKind> = new Set(['send', 'identify']);
/** `email`/`phone` fields of these kinds name the person; elsewhere they are look-ups. */
const PERSON_CONTACT_KINDS: ReadonlySet<MethodKind> = new Set(['identify', 'track', 'page', 'send']);

const CONSEQUENCES: Readonly<Record<MethodKind, string>> = {
  identify: "create or overwrite any person's profile",
  track: "record activity on any person's profile, and trigger the campaigns it starts",
  page: "record activity on any person's profile, and trigger the campaigns it starts",
  delete: "delete any person's profile",
  send: 'message any person',
  flush: "act on any person's profile through your account",
  other: "act on any person's profile through your account",
};
const TARGETS: Readonly<Partial<Record<FieldRole, string>>> = {
  personId: 'person id',
  email: 'email',
  phone: 'phone number',
  request: 'request',
  payload: 'payload',
  attributes: 'attributes',
};

const MAX_VALUE_TEXT = 40;

interface Finding {
  messageId: MessageIds;
  node: TSESTree.Node;
  value: RequestValue;
  role: FieldRole;
}

export default createRule<Options, MessageIds>({
  name: 'no-unauthenticated-sends',
  meta: {
    type: 'problem',
    docs: {
      description:
        'disallow request-controlled person ids, recipients and message bodies in SDK calls of public endpoints without a visible authentication check',
      recommended: 'strict',
    },
    messages: {
      personFromRequest:
        'This {{entry}} uses {{value}}, which the caller chose, as the {{target}} of {{call}} with no visible authentication check: anyone can {{consequence}}. Authenticate the request before this call and take the person from the session, not from the request.',
      recipientFromRequest:
        'This {{entry}} addresses {{call}} to {{value}}, which the caller chose, with no visible authentication check: anyone can make your account message any address. Authenticate the request before this call and address it to the signed-in user from the session, not to a value from the request.',
      bodyFromRequest:
        'This {{entry}} passes {{value}}, which the caller chose, as the whole {{target}} of {{call}} with no visible authentication check: the caller picks every field, including whose profile or which address it reaches. Authenticate the request before this call and build the {{target}} from the fields you expect, with the person taken from the session.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowRoutes: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions (case-insensitive) for public endpoints that identify the visitor from the request by design (sign-up, newsletter). Tested against route paths, handler names and, for file-routed frameworks, the file path, with camelCase and `_` turned into `-`. Replaces the default list.',
          },
          authFunctions: {
            type: 'array',
            items: { type: 'string' },
            description:
              "Regular expressions (case-insensitive) for the names of your own authentication or authorization functions, middleware, wrappers and decorators that the built-in words do not recognise (`ensureTeamMember`, `withTenant`). A call, middleware or decorator so named counts as a check.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowRoutes: DEFAULT_ALLOW_ROUTES, authFunctions: [] }],
  },
  defaultOptions: [{ allowRoutes: DEFAULT_ALLOW_ROUTES, authFunctions: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const allow = compileAllowList(options.allowRoutes ?? DEFAULT_ALLOW_ROUTES);

    return {
      Program() {
        if (analysis.calls.length === 0 && analysis.constructions.length === 0) return;
        const facts = getFunctionFacts(context);
        // Most SDK calls sit outside HTTP entry points: request values and auth checks only for those inside.
        let requestValues: RequestValues | undefined;
        let authChecks: AuthChecks | undefined;
        const requests = (): RequestValues => (requestValues ??= getRequestValues(context));
        const auth = (): AuthChecks => (authChecks ??= getAuthChecks(context, options.authFunctions ?? []));
        const allowed = new Map<EntryPoint, boolean>();
        const reported = new Set<TSESTree.Node>();
        const isSdkCall = (node: TSESTree.CallExpression): boolean => analysis.callByNode.has(node);
        // Calls share functions: the entry is looked up once per innermost function.
        const entries = new Map<FunctionNode, EntryPoint | null>();
        const entryOf = (node: TSESTree.Node): EntryPoint | undefined => {
          const fn = enclosingFunction(node);
          if (!fn) return undefined;
          let entry = entries.get(fn);
          if (entry === undefined) {
            entry = httpEntry(facts, fn) ?? null;
            entries.set(fn, entry);
          }
          return entry ?? undefined;
        };

        const isAllowedEntry = (entry: EntryPoint): boolean => {
          let result = allowed.get(entry);
          if (result === undefined) {
            result = isAllowed(auth(), entry, allow);
            allowed.set(entry, result);
          }
          return result;
        };
        /** An entry already found to be public by design: nothing in it is reported, so nothing to trace. */
        const knownAllowed = (entry: EntryPoint): boolean => allowed.get(entry) === true;

        const check = (
          site: TSESTree.Node,
          entry: EntryPoint,
          finding: Finding | undefined,
          call: string,
          kind: MethodKind,
        ): void => {
          if (!finding || reported.has(finding.node)) return;
          // The route test is one look-up per entry; the check search walks the body up to the call.
          if (isAllowedEntry(entry)) return;
          if (auth().isChecked(entry, site, isSdkCall)) return;
          reported.add(finding.node);
          context.report({
            node: finding.node,
            messageId: finding.messageId,
            data: {
              entry: entry.label,
              value: describeValue(sourceCode, finding.value),
              call,
              target: TARGETS[finding.role] ?? 'value',
              consequence: CONSEQUENCES[kind],
            },
          });
        };

        for (const call of analysis.calls) {
          // Most calls have no field whose value could let the caller pick a person or a body.
          if (!callMayFind(call)) continue;
          const entry = entryOf(call.node);
          if (!entry || knownAllowed(entry)) continue;
          check(call.node, entry, callFinding(requests(), entry, call), `\`${call.method.name}\``, call.method.kind);
        }

        for (const construction of analysis.constructions) {
          if (construction.client.kind !== 'request' || !construction.fields.some(isConstructionField)) continue;
          const label = `\`new ${construction.client.name}\``;
          const entry = entryOf(construction.node);
          if (entry) {
            if (!knownAllowed(entry)) check(construction.node, entry, constructionFinding(requests(), entry, construction.fields), label, 'send');
            continue;
          }
          // `function sendWelcome(to) { … new SendEmailRequest({ to }) … }` called from a handler.
          for (const site of helperCallSites(sourceCode, facts, construction)) {
            const siteEntry = entryOf(site.call);
            if (!siteEntry || knownAllowed(siteEntry)) continue;
            check(site.call, siteEntry, constructionFinding(requests(), siteEntry, site.fields), label, 'send');
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// What reaches the call.

/** The nearest entry point from `innermost` outwards, when it answers outside HTTP requests. */
function httpEntry(facts: FunctionFacts, innermost: FunctionNode): EntryPoint | undefined {
  for (let fn: FunctionNode | undefined = innermost; fn; fn = enclosingFunction(fn)) {
    const entry = facts.entryPoint(fn);
    if (entry) return entry.http ? entry : undefined;
  }
  return undefined;
}

/**
 * Could `callFinding` find anything in this call? The same role tests, on the field specs alone:
 * no argument resolution, entry-point lookup or request-value tracing for the others.
 */
function callMayFind(call: SdkCall): boolean {
  const kind = call.method.kind;
  if (call.inner) return call.fields.some((field) => isCallRole(field.spec.role, kind));
  let relevant = relevantMethods.get(call.method);
  if (relevant === undefined) {
    relevant = call.method.fields.some((spec) => isCallRole(spec.role, kind));
    relevantMethods.set(call.method, relevant);
  }
  return relevant;
}

/** Per method spec (the SDK model's own objects, so the map cannot grow past it). */
const relevantMethods = new WeakMap<SdkCall['method'], boolean>();

function isCallRole(role: FieldRole, kind: MethodKind): boolean {
  if (RECIPIENT_ROLES.has(role)) return true;
  if (PERSON_ROLES.has(role) && (kind === 'send' || role === 'personId' || PERSON_CONTACT_KINDS.has(kind))) return true;
  return BODY_KINDS.has(kind) && BODY_ROLES.has(role);
}

/** The roles `constructionFinding` reads; a helper's call sites carry a subset of the same fields. */
function isConstructionField(field: { spec: ResolvedField['spec'] }): boolean {
  const role = field.spec.role;
  return RECIPIENT_ROLES.has(role) || PERSON_ROLES.has(role) || BODY_ROLES.has(role);
}

function callFinding(requests: RequestValues, entry: EntryPoint, call: SdkCall): Finding | undefined {
  const kind = call.method.kind;
  // A direct call hands the roles that hold a parameter to the callers of its function; in an
  // entry point the parameters are the request itself (a server action called from another one
  // is still public), so read them back from the arguments.
  const fields = call.inner ? call.fields : resolveFields(call.method.fields, call.node.arguments, call.argMap);
  for (const field of fields) {
    if (RECIPIENT_ROLES.has(field.spec.role) || (kind === 'send' && PERSON_ROLES.has(field.spec.role))) {
      const value = requests.inside(entry, field.node);
      if (value) return { messageId: 'recipientFromRequest', node: value.node, value, role: field.spec.role };
    }
  }
  for (const field of fields) {
    const role = field.spec.role;
    if (!PERSON_ROLES.has(role) || kind === 'send') continue;
    if (role !== 'personId' && !PERSON_CONTACT_KINDS.has(kind)) continue;
    const value = requests.inside(entry, field.node);
    if (value) return { messageId: 'personFromRequest', node: value.node, value, role };
  }
  if (BODY_KINDS.has(kind)) return bodyFinding(requests, entry, fields);
  return undefined;
}

function constructionFinding(
  requests: RequestValues,
  entry: EntryPoint,
  fields: readonly { spec: ResolvedField['spec']; node: TSESTree.Node }[],
): Finding | undefined {
  for (const field of fields) {
    if (!RECIPIENT_ROLES.has(field.spec.role) && !PERSON_ROLES.has(field.spec.role)) continue;
    const value = requests.inside(entry, field.node);
    if (value) return { messageId: 'recipientFromRequest', node: value.node, value, role: field.spec.role };
  }
  return bodyFinding(requests, entry, fields);
}

/** The whole body is what the caller sent: passed on (`identify(id, req.body)`) or spread (`{ ...req.body }`). */
function bodyFinding(
  requests: RequestValues,
  entry: EntryPoint,
  fields: readonly { spec: ResolvedField['spec']; node: TSESTree.Node }[],
): Finding | undefined {
  for (const field of fields) {
    if (!BODY_ROLES.has(field.spec.role)) continue;
    const value = requests.of(entry, field.node) ?? requests.spreadInto(entry, field.node);
    if (value) return { messageId: 'bodyFromRequest', node: value.node, value, role: field.spec.role };
  }
  return undefined;
}

interface HelperSite {
  call: TSESTree.CallExpression;
  fields: { spec: ResolvedField['spec']; node: TSESTree.Node }[];
}

/**
 * A request object built in a local helper from its parameters: the helper's call sites, with the
 * argument each field reads (through object literals: `send({ to: req.body.email })`).
 */
function helperCallSites(sourceCode: SourceCode, facts: FunctionFacts, construction: Construction): HelperSite[] {
  const fn = enclosingFunction(construction.node);
  if (!fn || facts.entryPoint(fn)) return [];
  const sources = construction.fields.flatMap((field) => {
    const source = parameterSource(field.node, fn);
    return source ? [{ spec: field.spec, source }] : [];
  });
  if (sources.length === 0) return [];
  const sites: HelperSite[] = [];
  for (const call of callSitesOf(sourceCode, fn)) {
    const fields = sources.flatMap(({ spec, source }) => {
      const arg = call.arguments[source.arg] as TSESTree.CallExpressionArgument | undefined;
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return [];
      const node = valueAtPath(arg, source.path);
      return node ? [{ spec, node }] : [];
    });
    if (fields.length > 0) sites.push({ call, fields });
  }
  return sites;
}

/** Direct calls of a local function: `sendWelcome(…)`. */
function callSitesOf(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] {
  const holder =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent
        : undefined;
  if (!holder) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(holder)) {
    const kind = variable.defs[0]?.type;
    if (kind !== 'FunctionName' && kind !== 'Variable') continue;
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  }
  return calls;
}

/** `arg` then `path` inside it, through object literals; a value that is not a literal stands for its members. */
function valueAtPath(arg: TSESTree.Node, path: readonly string[]): TSESTree.Node | undefined {
  let node: TSESTree.Node = arg;
  for (const key of path) {
    const target = unwrap(node);
    if (target.type !== AST_NODE_TYPES.ObjectExpression) return node;
    const property = findProperty(target, key);
    if (!property || property.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
    node = property.value;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Allowed routes and messages.

interface AllowList {
  /** Does a route path, handler name or file path (as written) match the list? */
  test(text: string): boolean;
}

/** Bound on the texts remembered per list: an editor's ESLint server runs for hours. */
const MAX_ALLOW_RESULTS = 5_000;

/** Options repeat for every file: the compiled list is kept per distinct list. */
const allowLists = new Map<string, AllowList>();

function compileAllowList(patterns: readonly string[]): AllowList {
  const key = patterns.join('\n');
  let list = allowLists.get(key);
  if (!list) {
    const compiled = patterns.map(toPattern);
    // Route names, paths and file ends repeat from file to file: each one is normalised and tested once.
    const results = new Map<string, boolean>();
    list = {
      test(text) {
        let result = results.get(text);
        if (result === undefined) {
          const route = normaliseRoute(text);
          result = compiled.some((pattern) => pattern.test(route));
          if (results.size >= MAX_ALLOW_RESULTS) results.clear();
          results.set(text, result);
        }
        return result;
      },
    };
    if (allowLists.size >= 100) allowLists.clear();
    allowLists.set(key, list);
  }
  return list;
}

/** `subscribeToNewsletter` → `subscribe-to-newsletter`, `/sign_up` → `/sign-up`. */
function normaliseRoute(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

function isAllowed(auth: AuthChecks, entry: EntryPoint, allow: AllowList): boolean {
  const route = auth.route(entry);
  const candidates = [...route.paths, ...route.names, ...(route.file ? [route.file] : [])];
  return candidates.some((text) => allow.test(text));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_VALUE_TEXT ? `${flat.slice(0, MAX_VALUE_TEXT - 1)}…` : flat;
}

/** "`req.body.email`", or "`email` (from `req.body`)" when it came through a binding. */
function describeValue(sourceCode: SourceCode, value: RequestValue): string {
  const text = sourceCode.getText(value.node);
  const source = sourceCode.getText(unwrap(value.source));
  const shown = `\`${shorten(text)}\``;
  return text.includes(source) ? shown : `${shown} (from \`${shorten(source)}\`)`;
}
