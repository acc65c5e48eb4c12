import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, memberChain, memberName, unwrap, type FunctionNode, pushNodes } from '../analysis/ast.js';
import { getFunctionFacts, type Repetition } from '../analysis/functions.js';
import { getSdkAnalysis, type Construction } from '../analysis/sdk-calls.js';
import { isTestFile } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'perRequest' | 'perKey' | 'perIteration' | 'hoistToModule';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Only these hold connections (and, for batching clients, a queue): configs and requests are cheap. */
const COSTLY_KINDS = new Set(['client', 'session']);
/** `cache.set(key, client)`: calls that keep a value for later. */
const STORE_METHODS = new Set(['set', 'put', 'setItem']);
/** `ctx.waitUntil(analytics.closeAndFlush())`: the platform waits for the promise. */
const WAIT_FOR = new Set(['waitUntil', 'after']);
const MAX_VALUE_TEXT = 40;

export default createRule<[], MessageIds>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow building SDK clients per request, per event or per loop iteration',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      perRequest:
        'A new `{{client}}` is built every time {{where}}: its setup (and any keep-alive agent in its options) is redone and thrown away on every call{{batching}}. Build it once at module scope or in a lazy singleton, and reuse it.',
      perKey:
        'A new `{{client}}` is built from per-call values (`{{value}}`) every time {{where}}: its setup (and any keep-alive agent in its options) is redone and thrown away on every call{{batching}}. Keep one client per key in a module-level cache (a `Map` keyed by `{{value}}`) and reuse it.',
      perIteration:
        'A new `{{client}}` is built on every loop iteration{{where}}: its setup (and any keep-alive agent in its options) is redone and thrown away each time{{batching}}. Build it once before the loop (or one per key in a `Map`) and reuse it.',
      hoistToModule: 'Move `{{name}}` to module scope so one `{{client}}` is built once and reused.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const testFile = isTestFile(context.filename);

    return {
      Program() {
        const costly = analysis.constructions.filter((c) => COSTLY_KINDS.has(c.client.kind));
        if (costly.length === 0) return;
        const facts = getFunctionFacts(context);
        // Built on first use: only a session needs the first, and only a report the second.
        let clientNodes: Set<TSESTree.Node> | undefined;
        let constructionNodes: Set<TSESTree.Node> | undefined;
        for (const construction of costly) {
          // `new ProfilesApi(new ApiKeySession(key))`: one report, on the client.
          if (construction.client.kind === 'session') {
            clientNodes ??= new Set(costly.filter((c) => c.client.kind === 'client').map((c) => c.node));
            if (isOnlyForClients(sourceCode, construction.node, clientNodes)) continue;
          }
          const returnedStored = (strict: boolean) => (call: TSESTree.Node, helper: FunctionNode) =>
            flowsToReturn(sourceCode, construction.node, helper) && isStored(sourceCode, call, strict);
          let repetition = facts.repetition(construction.node, { ignoreCall: returnedStored(true) });
          if (repetition && !repetition.entry) {
            // Nothing per request around: building a collection of clients at load time is fine.
            repetition = facts.repetition(construction.node, { ignoreCall: returnedStored(false) });
          }
          if (!repetition) continue;
          const strict = repetition.entry !== undefined;
          // Tests build a fresh client per case on purpose (`for (const c of cases) it(…, () => new X())`).
          if (!strict && testFile) continue;
          if (isStored(sourceCode, construction.node, strict)) continue;
          if (!strict && flowsToIterationResult(construction.node)) continue;
          const flushMethods = construction.client.flushMethods ?? [];
          if (
            construction.client.batches &&
            repetition.entry?.shortLived &&
            isFlushedInPlace(sourceCode, construction.node, flushMethods)
          ) {
            continue; // the documented serverless pattern: build, send, `await closeAndFlush()`
          }
          constructionNodes ??= new Set(analysis.constructions.map((c) => c.node));
          report(construction, repetition, constructionNodes, flushMethods);
        }
      },
    };

    function report(
      construction: Construction,
      repetition: Repetition,
      constructionNodes: ReadonlySet<TSESTree.Node>,
      flushMethods: readonly string[],
    ): void {
      const batching = construction.client.batches
        ? ', and each instance has its own event queue: events go out in tiny batches, or are lost if the process stops before it flushes'
        : '';
      const client = construction.client.name;
      const hoist = hoistFix(sourceCode, construction.node, constructionNodes, flushMethods);
      const suggest = hoist
        ? [{ messageId: 'hoistToModule' as const, data: { name: hoist.name, client }, fix: hoist.fix }]
        : [];
      if (!repetition.entry) {
        const helper = repetition.helpers[0];
        const where = helper ? ` (in ${helperText(helper.fn)})` : '';
        context.report({ node: construction.node, messageId: 'perIteration', data: { client, where, batching }, suggest });
        return;
      }
      const where = describeWhere(repetition);
      const dependent = perCallValue(sourceCode, construction.node);
      if (dependent) {
        context.report({
          node: construction.node,
          messageId: 'perKey',
          data: { client, where, batching, value: shorten(dependent) },
          suggest,
        });
        return;
      }
      context.report({ node: construction.node, messageId: 'perRequest', data: { client, where, batching }, suggest });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// Where the construction runs, in words.

function describeWhere(repetition: Repetition): string {
  const entry = repetition.entry!;
  const helper = repetition.helpers[0];
  if (!helper) return `this ${entry.label} runs`;
  return `${helperText(helper.fn)} runs, which ${article(entry.label)} ${entry.label} calls`;
}

function helperText(fn: FunctionNode): string {
  const name = functionName(fn);
  return name ? `\`${name}()\`` : 'a helper';
}

function article(label: string): string {
  return /^[aeiouAEIOU]/.test(label) ? 'an' : 'a';
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_VALUE_TEXT ? `${flat.slice(0, MAX_VALUE_TEXT - 1)}…` : flat;
}

// ---------------------------------------------------------------------------------------------
// Where the constructed value goes.

/** The expression whose parent decides where a value goes: skips `as`, `!`, `await`, `a ?? b`, `c ? a : b`. */
function destination(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let i = 0; i < 16; i++) {
    const parent = current.parent;
    if (!parent) break;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) === current)
    ) {
      current = parent;
      continue;
    }
    break;
  }
  return current;
}

/**
 * Is the value kept beyond this call: a module or outer variable, `??=`, a member of `this` or of
 * an outer object, `cache.set(key, value)`? When nothing per request is around (`strict` false),
 * any collection counts: `clients[tenant.id] = new X()` in a loop at load time.
 */
function isStored(sourceCode: SourceCode, node: TSESTree.Node, strict: boolean, depth = 0): boolean {
  if (depth > 3) return false;
  const position = destination(node);
  const parent = position.parent;
  if (!parent) return false;
  const fn = enclosingFunctionOf(node);
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== position) return false;
      if (parent.operator === '??=' || parent.operator === '||=') return true;
      if (parent.operator !== '=') return false;
      if (!strict || isOuterTarget(sourceCode, parent.left, fn)) return true;
      // `c = new X(key); cache.set(key, c)`: a local that is stored afterwards.
      const left = unwrap(parent.left);
      const variable = left.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(left), left) : null;
      return !!variable && readsOfVariable(variable).some((identifier) => isStored(sourceCode, identifier, strict, depth + 1));
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== position || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      return readsOf(sourceCode, parent).some((identifier) => isStored(sourceCode, identifier, strict, depth + 1));
    }
    case AST_NODE_TYPES.CallExpression: {
      if (!parent.arguments.includes(position as TSESTree.CallExpressionArgument)) return false;
      const callee = unwrap(parent.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return !strict;
      const method = memberName(callee);
      if (!strict) return true;
      return method !== undefined && STORE_METHODS.has(method) && isOuterTarget(sourceCode, callee.object, fn);
    }
    case AST_NODE_TYPES.NewExpression:
      return !strict;
    case AST_NODE_TYPES.Property:
      return parent.value === position && (!strict || isStored(sourceCode, parent.parent, strict, depth + 1));
    case AST_NODE_TYPES.ArrayExpression:
      return !strict || isStored(sourceCode, parent, strict, depth + 1);
    default: {
      // `promise ??= (async () => new X(await key()))()`, `promise = load().then((k) => new X(k))`
      const carrier = resultCarrier(position);
      return !!carrier && isStored(sourceCode, carrier, strict, depth + 1);
    }
  }
}

/** The call whose value a returned expression becomes: an IIFE's call, or the `.then(…)` call of a callback. */
function resultCarrier(position: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = position.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ReturnStatement
      ? enclosingFunctionOf(parent)
      : parent && isFunction(parent) && parent.body === position
        ? parent
        : undefined;
  if (!fn) return undefined;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (call.callee === fn) return call;
  const callee = unwrap(call.callee);
  return call.arguments[0] === fn && callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then'
    ? call
    : undefined;
}

/** A target that outlives the call: `this.x`, `globalThis.x`, or a binding declared outside the function. */
function isOuterTarget(sourceCode: SourceCode, target: TSESTree.Node, fn: FunctionNode | undefined): boolean {
  let root = unwrap(target);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  if (root.name === 'globalThis' || root.name === 'global') return true;
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  if (!variable) return false;
  const declared = variable.defs[0]?.node;
  if (!declared) return false;
  return !fn || !contains(fn, declared);
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** The identifiers that read a `const x = …` binding. */
function readsOf(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] {
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return variable ? readsOfVariable(variable) : [];
}

function readsOfVariable(variable: Scope.Variable): TSESTree.Identifier[] {
  return variable.references
    .filter((reference) => reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier)
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/** `tenants.map((t) => new X(t.key))`: the value is the callback's result, a collection built at load. */
function flowsToIterationResult(node: TSESTree.Node): boolean {
  const fn = enclosingFunctionOf(node);
  if (!fn || !returns(node, fn)) return false;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
}

/** Does the value leave `fn` through `return` (directly, or through one local `const`)? */
function flowsToReturn(sourceCode: SourceCode, node: TSESTree.Node, fn: FunctionNode): boolean {
  if (enclosingFunctionOf(node) !== fn) return false;
  if (returns(node, fn)) return true;
  const position = destination(node);
  const parent = position.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== position) return false;
  return readsOf(sourceCode, parent).some((identifier) => enclosingFunctionOf(identifier) === fn && returns(identifier, fn));
}

function returns(node: TSESTree.Node, fn: FunctionNode): boolean {
  const position = destination(node);
  const parent = position.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  return parent === fn && fn.body === position;
}

/** `const a = new Analytics(…)` … `await a.closeAndFlush()` (or returned, or handed to `waitUntil`). */
function isFlushedInPlace(sourceCode: SourceCode, node: TSESTree.Node, flushMethods: readonly string[]): boolean {
  if (flushMethods.length === 0) return false;
  const position = destination(node);
  const declarator = position.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== position) return false;
  return readsOf(sourceCode, declarator).some((identifier) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
    const name = memberName(member);
    const call = member.parent;
    if (name === undefined || !flushMethods.includes(name) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
    const parent = call.parent;
    if (parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call) return true;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(call)) {
      const waiter = memberChain(parent.callee)?.at(-1);
      return waiter !== undefined && WAIT_FOR.has(waiter);
    }
    return false;
  });
}

/**
 * `new ProfilesApi(new ApiKeySession(key))`, or a `session` local only passed to such constructions:
 * the session is built for the client, and the client's report covers it.
 */
function isOnlyForClients(sourceCode: SourceCode, node: TSESTree.Node, clientNodes: ReadonlySet<TSESTree.Node>): boolean {
  const isClientArgument = (value: TSESTree.Node): boolean => {
    const position = destination(value);
    const parent = position.parent;
    return (
      parent?.type === AST_NODE_TYPES.NewExpression &&
      parent.arguments.includes(position as TSESTree.CallExpressionArgument) &&
      clientNodes.has(parent)
    );
  };
  if (isClientArgument(node)) return true;
  const position = destination(node);
  const declarator = position.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== position) return false;
  const reads = readsOf(sourceCode, declarator);
  return reads.length > 0 && reads.every(isClientArgument);
}

// ---------------------------------------------------------------------------------------------
// Multi-tenant: arguments that come from the call (a parameter, or a local derived from one).

/**
 * How to name the first argument that comes from the call: its text when it is a plain chain
 * (`tenant.apiKey`), else the identifier it depends on, so a literal inside it is never printed.
 */
function perCallValue(sourceCode: SourceCode, node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
  const describe = (value: TSESTree.Node): string | undefined => {
    const found = dependsOnCall(sourceCode, value, 0);
    if (!found) return undefined;
    const chain = memberChain(value);
    return chain ? chain.join('.') : found.name;
  };
  for (const arg of node.arguments) {
    const target = unwrap(arg);
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of target.properties) {
        const described = describe(property.type === AST_NODE_TYPES.Property ? property.value : property.argument);
        if (described) return described;
      }
      continue;
    }
    const described = describe(arg);
    if (described) return described;
  }
  return undefined;
}

/** Does the expression read a parameter, directly or through local bindings (bounded)? */
function dependsOnCall(sourceCode: SourceCode, node: TSESTree.Node, depth: number): TSESTree.Identifier | undefined {
  if (depth > 4) return undefined;
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [node];
  let visited = 0;
  while (stack.length > 0 && visited++ < 200) {
    const current = stack.pop()!;
    if (isFunction(current)) continue;
    if (current.type === AST_NODE_TYPES.Identifier) {
      if (isReference(current) && identifierDependsOnCall(sourceCode, current, depth)) return current;
      continue;
    }
    for (const key of keys[current.type] ?? []) {
      if (key === 'typeAnnotation' || key === 'typeArguments') continue;
      pushNodes(stack, (current as unknown as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

/** Identifiers in value position (not `x` in `a.x` or `{ x: 1 }`). */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand) return false;
  return true;
}

function identifierDependsOnCall(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.type === 'Parameter') return true;
  if (def.type !== 'Variable' || !isInsideFunction(def.node)) return false;
  const declarator = def.node;
  if (declarator.init && dependsOnCall(sourceCode, declarator.init, depth + 1)) return true;
  // `let key; key = req.body.key;`
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      reference.isWrite() &&
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left === reference.identifier &&
      dependsOnCall(sourceCode, parent.right, depth + 1) !== undefined
    );
  });
}

function isInsideFunction(node: TSESTree.Node): boolean {
  return enclosingFunctionOf(node) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// The hoisting suggestion.

interface Hoist {
  name: string;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * `const cio = new TrackClient(process.env.A, process.env.B)` inside a function moves above the
 * top-level statement that holds the function, when every argument means the same there (literals,
 * `process.env`, module `const`s and imports declared before it), the client is not closed in the
 * function, and the name is free at module scope and on the way there.
 */
function hoistFix(
  sourceCode: SourceCode,
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  constructionNodes: ReadonlySet<TSESTree.Node>,
  flushMethods: readonly string[],
): Hoist | undefined {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return undefined;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.declarations.length !== 1 ||
    declaration.kind === 'var' ||
    declaration.parent?.type !== AST_NODE_TYPES.BlockStatement
  ) {
    return undefined;
  }
  const name = declarator.id.name;
  const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === name);
  if (!variable) return undefined;
  // A reassigned `let`, or a client closed in the function, cannot be shared.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id)) return undefined;
  const closes = variable.references.some((reference) => {
    const member = reference.identifier.parent;
    const method = member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier ? memberName(member) : undefined;
    return method !== undefined && flushMethods.includes(method);
  });
  if (closes) return undefined;

  const top = topLevelStatement(declaration);
  if (!top) return undefined;
  const insertAt = leadingStart(sourceCode, top);
  if (!node.arguments.every((arg) => isModuleLevel(sourceCode, arg, insertAt, constructionNodes, 0))) return undefined;
  if (!nameIsFree(sourceCode, variable, name)) return undefined;

  const text = sourceCode.getText(declaration);
  return {
    name,
    fix: (fixer) => [
      fixer.insertTextBeforeRange([insertAt, insertAt], `${text}\n\n`),
      fixer.removeRange(lineRange(sourceCode, declaration)),
    ],
  };
}

function topLevelStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

/** Where a statement starts, including its decorators and the comments directly above it. */
function leadingStart(sourceCode: SourceCode, statement: TSESTree.Node): number {
  // The first of the statement and its decorators: comments above it are found from its start.
  let first: TSESTree.Node = statement;
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  if (declaration?.type === AST_NODE_TYPES.ClassDeclaration) {
    for (const decorator of declaration.decorators) if (decorator.range[0] < first.range[0]) first = decorator;
  }
  let start = first.range[0];
  const comments = sourceCode.getCommentsBefore(first);
  for (let i = comments.length - 1; i >= 0; i--) {
    const between = sourceCode.text.slice(comments[i].range[1], start);
    if (!/^\s*$/.test(between) || (between.match(/\n/g)?.length ?? 0) > 1) break;
    start = comments[i].range[0];
  }
  return start;
}

/** The declaration's whole line when it stands alone on it, else its text and the spaces after it. */
function lineRange(sourceCode: SourceCode, node: TSESTree.Node): [number, number] {
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  let lineEnd = text.indexOf('\n', node.range[1]);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, node.range[0]);
  const after = text.slice(node.range[1], lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    return [lineStart, Math.min(lineEnd + 1, text.length)];
  }
  const spaces = /^[ \t]*/.exec(after)?.[0].length ?? 0;
  return [node.range[0], node.range[1] + spaces];
}

/** No binding of the same name at module scope, in a scope on the way there, or as a global used in the file. */
function nameIsFree(sourceCode: SourceCode, variable: Scope.Variable, name: string): boolean {
  for (let scope: Scope.Scope | null = variable.scope.upper; scope; scope = scope.upper) {
    if (scope.set.has(name)) return false;
    if (scope.type === 'global' && scope.through.some((reference) => reference.identifier.name === name)) return false;
  }
  return true;
}

/** Does the expression mean the same at module scope, before `insertAt`? */
function isModuleLevel(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  insertAt: number,
  constructionNodes: ReadonlySet<TSESTree.Node>,
  depth: number,
): boolean {
  if (depth > 8) return false;
  const recurse = (child: TSESTree.Node | null | undefined): boolean =>
    !!child && isModuleLevel(sourceCode, child, insertAt, constructionNodes, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(recurse);
    case AST_NODE_TYPES.Identifier:
      return node.name === 'undefined' || isModuleBinding(sourceCode, node, insertAt);
    case AST_NODE_TYPES.MemberExpression: {
      const chain = memberChain(node);
      if (chain && chain[0] === 'process' && chain[1] === 'env' && isGlobalProcess(sourceCode, node)) return true;
      if (isImportMetaEnv(node)) return true;
      return recurse(node.object) && (!node.computed || recurse(node.property));
    }
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) =>
        property.type === AST_NODE_TYPES.SpreadElement
          ? recurse(property.argument)
          : (!property.computed || recurse(property.key)) && property.kind === 'init' && !property.method && recurse(property.value),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && recurse(element));
    case AST_NODE_TYPES.SpreadElement:
      return recurse(node.argument);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && recurse(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return recurse(node.left) && recurse(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return recurse(node.test) && recurse(node.consequent) && recurse(node.alternate);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return recurse(node.expression);
    case AST_NODE_TYPES.NewExpression:
      // `new ProfilesApi(new ApiKeySession(process.env.KEY))`: an SDK construction of module-level values.
      return constructionNodes.has(node) && node.arguments.every(recurse);
    default:
      return false;
  }
}

function isModuleBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier, insertAt: number): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return false;
  if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return false;
  if (def.type === 'ImportBinding') return true;
  if (def.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') {
    return false;
  }
  return def.node.range[1] <= insertAt;
}

function isGlobalProcess(sourceCode: SourceCode, node: TSESTree.MemberExpression): boolean {
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  return !variable || variable.defs.length === 0;
}

function isImportMetaEnv(node: TSESTree.MemberExpression): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object: TSESTree.Node = current.object;
    if (
      object.type === AST_NODE_TYPES.MetaProperty &&
      object.meta.name === 'import' &&
      object.property.name === 'meta' &&
      memberName(current) === 'env'
    ) {
      return true;
    }
    current = object;
  }
  return false;
}
