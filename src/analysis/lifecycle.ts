import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, memberChain, memberName, unwrap, type FunctionNode } from './ast.js';
import { isPromiseHolderCall } from './sdk-calls.js';
import { calledFunction, variableOf } from './values.js';

/**
 * Client lifecycles: what happens to the promise a call returns (awaited, returned, handed to the
 * platform, or dropped), which binding holds a client, and whether a file is a script that ends.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

export type SettlementKind =
  /** `await p`, `await Promise.all([p, …])`, `yield p`. */
  | 'awaited'
  /** `return p`, `() => p`: the caller gets the promise. */
  | 'returned'
  /** `ctx.waitUntil(p)`, `after(p)`: the platform keeps the invocation alive until it settles. */
  | 'handed'
  /** `p.then(…)`, `p.finally(…)` as a statement: the code after it waits, the caller does not. */
  | 'continued'
  /** A statement of its own, perhaps with a `.catch`: nothing waits. */
  | 'dropped'
  /** `void p`: nothing waits, on purpose. */
  | 'voided'
  /** Kept in a variable, a property, an argument: it may be awaited elsewhere. */
  | 'kept';

export interface Settlement {
  kind: SettlementKind;
  /** The outermost expression that carries the promise (the chain's last call, the combinator). */
  top: TSESTree.Node;
  /**
   * The call returns a promise holder and `top` is the holder itself, not its `promise`: awaiting
   * it waits for nothing (`await flush()` for `await flush().promise`). A fix appends `.promise`.
   */
  holder?: boolean;
}

/** Calls that keep a serverless invocation alive until the promise they are given settles. */
const WAIT_FOR = new Set(['waitUntil', 'after']);
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** What happens to the promise `node` evaluates to. */
export function settlementOf(node: TSESTree.Node): Settlement {
  if (isPromiseHolderCall(node)) return holderSettlement(node);
  return settlementFrom(node);
}

/** A holder's promise settles where its `promise` is read; the holder alone is never waited for. */
function holderSettlement(node: TSESTree.Node): Settlement {
  let position = node;
  while (position.parent && isTransparent(position.parent)) position = position.parent;
  const parent = position.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === position && memberName(parent) === 'promise') {
    return settlementFrom(parent);
  }
  const settlement = settlementFrom(node);
  switch (settlement.kind) {
    case 'awaited':
    case 'returned':
    case 'handed':
    case 'continued':
      // `await flush()`, `return flush()`, `waitUntil(flush())`: nothing waits for the send.
      return { kind: 'dropped', top: settlement.top, holder: true };
    case 'dropped':
    case 'voided':
      return { ...settlement, holder: true };
    default:
      return settlement;
  }
}

function isTransparent(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

function settlementFrom(node: TSESTree.Node): Settlement {
  let current: TSESTree.Node = node;
  let continued = false;
  for (let i = 0; i < 32; i++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) break;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        const method = memberName(parent);
        if (
          parent.object === current &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === parent &&
          (method === 'then' || method === 'catch' || method === 'finally')
        ) {
          if (method !== 'catch') continued = true;
          current = call;
          continue;
        }
        return { kind: 'kept', top: current };
      }
      case AST_NODE_TYPES.ArrayExpression: {
        const combinator = parent.parent;
        if (combinator?.type === AST_NODE_TYPES.CallExpression && combinator.arguments[0] === parent && isCombinator(combinator)) {
          current = combinator;
          continue;
        }
        return { kind: 'kept', top: current };
      }
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
        return { kind: 'awaited', top: current };
      case AST_NODE_TYPES.ReturnStatement:
        return { kind: 'returned', top: current };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return { kind: parent.body === current ? 'returned' : 'kept', top: current };
      case AST_NODE_TYPES.CallExpression: {
        const name = memberChain(parent.callee)?.at(-1);
        const handed = parent.callee !== current && name !== undefined && WAIT_FOR.has(name);
        return { kind: handed ? 'handed' : 'kept', top: current };
      }
      case AST_NODE_TYPES.ExpressionStatement:
        return { kind: continued ? 'continued' : 'dropped', top: current };
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator === 'void') return { kind: continued ? 'continued' : 'voided', top: current };
        return { kind: 'kept', top: current };
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) === current) {
          current = parent;
          continue;
        }
        return { kind: continued ? 'continued' : 'dropped', top: current };
      default:
        return { kind: 'kept', top: current };
    }
  }
  return { kind: 'kept', top: current };
}

function isCombinator(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  const name = memberName(callee);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && name !== undefined && COMBINATORS.has(name);
}

/**
 * Which binding holds a client, so two calls can be compared: the variable for `analytics`,
 * `this.analytics` for a member of `this`, the chain for `deps.analytics`. Undefined when the
 * receiver is computed (`getAnalytics()`).
 */
export type ClientKey = Scope.Variable | string;

export function clientKeyOf(sourceCode: SourceCode, receiver: TSESTree.Node | undefined): ClientKey | undefined {
  if (!receiver) return undefined;
  const target = unwrap(receiver);
  if (target.type === AST_NODE_TYPES.Identifier) return variableOf(sourceCode, target) ?? target.name;
  const chain = memberChain(target);
  if (!chain) return undefined;
  if (chain[0] === 'this') return chain.join('.');
  const root = target.type === AST_NODE_TYPES.MemberExpression ? rootIdentifier(target) : undefined;
  const variable = root && variableOf(sourceCode, root);
  // Different objects with the same shape of chain stay apart: key by the root's binding too.
  return variable ? `${chain.join('.')}@${variable.defs[0]?.node.range[0] ?? -1}` : chain.join('.');
}

/** Is the receiver (or the object it is read from) a function parameter: `analytics`, `deps.analytics`? */
export function isParameter(sourceCode: SourceCode, receiver: TSESTree.Node | undefined): boolean {
  if (!receiver) return false;
  const target = unwrap(receiver);
  const root = target.type === AST_NODE_TYPES.Identifier
    ? target
    : target.type === AST_NODE_TYPES.MemberExpression
      ? rootIdentifier(target)
      : undefined;
  return !!root && variableOf(sourceCode, root)?.defs[0]?.type === 'Parameter';
}

function rootIdentifier(node: TSESTree.MemberExpression): TSESTree.Identifier | undefined {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/**
 * Does the receiver's client outlive `fn`: a binding declared outside it (module scope, an
 * import) that `fn` never reassigns, a member of such an object, or a member of `this`? A client built inside `fn` (or
 * re-assigned there) lives and dies with one run of it.
 */
export function outlives(sourceCode: SourceCode, receiver: TSESTree.Node | undefined, fn: FunctionNode): boolean {
  if (!receiver) return false;
  let target = unwrap(receiver);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const chain = memberChain(target);
    if (chain?.[0] === 'this') return chain.length === 2 && !assignsThisMember(fn, chain[1]);
    // `clients.analytics`: as long-lived as the object it is read from.
    const root = rootIdentifier(target);
    if (!root) return false;
    target = root;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(sourceCode, target);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (contains(fn, def.node)) return false;
  return !variable.references.some((reference) => reference.isWrite() && contains(fn, reference.identifier));
}

function assignsThisMember(fn: FunctionNode, name: string): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (found || depth > 200) return;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      memberName(node.left) === name
    ) {
      found = true;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node, depth + 1);
      } else if (typeof (value as TSESTree.Node).type === 'string') {
        visit(value as TSESTree.Node, depth + 1);
      }
    }
  };
  visit(fn.body, 0);
  return found;
}

export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * A script: a file that starts with a shebang, or whose top-level code ends the process
 * (`process.exit()` as a statement of its own, or in a `.then`/`.finally` of a top-level call).
 * A process exit on the error path only (`main().catch(() => process.exit(1))`) is how servers
 * start too, and does not count.
 */
export function isScript(sourceCode: SourceCode): boolean {
  if (sourceCode.text.startsWith('#!')) return true;
  if (!sourceCode.text.includes('process.exit')) return false;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    let expression = unwrap(statement.expression);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrap(expression.argument);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    if (isProcessExit(expression)) return true;
    // `main().then(() => process.exit(0))`, `run().finally(() => process.exit())`, and `main()`
    // (or `await main()`) where `main` ends with `process.exit()` itself.
    let call: TSESTree.Node = expression;
    for (let i = 0; i < 8 && call.type === AST_NODE_TYPES.CallExpression; i++) {
      const callee: TSESTree.Node = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        const main = calledFunction(sourceCode, callee);
        if (main && exitsInBody(main)) return true;
        break;
      }
      const method = memberName(callee);
      if (method === 'then' || method === 'finally') {
        const handler = call.arguments[0];
        if (handler && isFunction(handler) && exitsInBody(handler)) return true;
      }
      call = unwrap(callee.object);
    }
  }
  return false;
}

function isProcessExit(call: TSESTree.CallExpression): boolean {
  return memberChain(call.callee)?.join('.') === 'process.exit';
}

function exitsInBody(fn: FunctionNode): boolean {
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const expression = unwrap(body);
    return expression.type === AST_NODE_TYPES.CallExpression && isProcessExit(expression);
  }
  return body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expression = unwrap(statement.expression);
    return expression.type === AST_NODE_TYPES.CallExpression && isProcessExit(expression);
  });
}

/** The function whose code `node` runs in, or undefined at module scope. */
export function ownerFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}
