import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, memberName, pushNodes, unwrap } from '../analysis/ast.js';
import { majorSatisfies, majorVersions } from '../analysis/installed-version.js';
import { followPromise } from '../analysis/promises.js';
import { getSdkAnalysis, type SdkCall } from '../analysis/sdk-calls.js';
import { calledFunction } from '../analysis/values.js';
import type { ExistingConflict } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'preferUpsert' | 'useUpsert';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Error fields a handler reads when it tells one failure from another. */
const STATUS_KEYS = new Set(['status', 'statusCode']);

export default createRule<[], MessageIds>({
  name: 'prefer-upsert',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'enforce the create-or-update method where a create fails for records that already exist',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      preferUpsert:
        '`{{method}}` rejects with {{status}} `{{code}}` when a record with one of these identifiers already exists, and nothing here handles that error, so returning people are neither created nor updated. Call `{{upsert}}`, which creates or updates, or catch the {{status}} and update the existing record.',
      useUpsert: 'Call `{{upsert}}` instead: it updates the existing record rather than failing.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const majorOf = majorVersions(context);

    /** A lookup of the record earlier in the same function: the create is meant for a new one. */
    const lookedUp = (call: SdkCall, conflict: ExistingConflict): boolean => {
      const fn = enclosingFunction(call.node);
      return analysis.calls.some(
        (other) =>
          other.sdk === call.sdk &&
          other.receiver !== undefined &&
          (conflict.lookups ?? []).includes(other.method.name) &&
          other.node.range[0] < call.node.range[0] &&
          enclosingFunction(other.node) === fn,
      );
    };

    return {
      Program() {
        for (const call of analysis.calls) {
          const conflict = call.method.conflict;
          // Wrapper call sites are covered through the promise flow of the call inside.
          if (!conflict || !call.receiver || call.inner) continue;
          if (conflict.upsertVersions && !majorSatisfies(majorOf(call.sdk.id), conflict.upsertVersions)) continue;
          if (lookedUp(call, conflict) || handled(sourceCode, call.node, conflict)) continue;
          const callee = unwrap(call.node.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
          const property = callee.property;
          const data = {
            method: call.method.name,
            status: String(conflict.status),
            code: conflict.code,
            upsert: conflict.upsert,
          };
          context.report({
            node: property,
            messageId: 'preferUpsert',
            data,
            suggest: [
              {
                messageId: 'useUpsert',
                data,
                fix: (fixer) => fixer.replaceText(property, callee.computed ? `'${conflict.upsert}'` : conflict.upsert),
              },
            ],
          });
        }
      },
    };
  },
});

/**
 * Does some handler of the call's rejection tell the conflict apart? Handlers are `.catch(h)` and
 * `.then(_, h)` on its chain, and the `catch` of a `try` around it or around an `await` of it,
 * also where a local function passes its promise on to its callers.
 */
function handled(sourceCode: SourceCode, call: TSESTree.CallExpression, conflict: ExistingConflict): boolean {
  const sites = new Set<TSESTree.Node>([call]);
  for (const wait of followPromise(call, { sourceCode }).awaits) {
    sites.add(wait.node);
    sites.add(wait.origin);
  }
  for (const site of sites) {
    for (const handler of handlersOf(site)) {
      if (inspects(sourceCode, handler, conflict)) return true;
    }
  }
  return false;
}

function handlersOf(site: TSESTree.Node): TSESTree.Node[] {
  const handlers: TSESTree.Node[] = [];
  // The chain: `p.then(a, b).catch(c)`.
  let current = site;
  for (;;) {
    const parent = current.parent;
    if (!parent) break;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression
    ) {
      current = parent;
      continue;
    }
    const call = parent.parent;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current || call?.type !== AST_NODE_TYPES.CallExpression) break;
    const name = memberName(parent);
    if (name === 'catch' && call.arguments[0]) handlers.push(call.arguments[0]);
    else if (name === 'then' && call.arguments[1]) handlers.push(call.arguments[1]);
    else if (name !== 'then' && name !== 'finally') break;
    current = call;
  }
  // The `try` blocks around it, up to the enclosing function.
  let child: TSESTree.Node = site;
  for (let node = site.parent; node && !isFunction(node); child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.TryStatement && node.block === child && node.handler) handlers.push(node.handler.body);
  }
  return handlers;
}

/** The handler reads an error status, or names the status or the error code; local helpers it calls count. */
function inspects(sourceCode: SourceCode, handler: TSESTree.Node, conflict: ExistingConflict): boolean {
  const seen = new Set<TSESTree.Node>();
  const stack: TSESTree.Node[] = [handler];
  let budget = 2000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if (node.value === conflict.status || node.value === String(conflict.status)) return true;
        if (typeof node.value === 'string' && node.value.includes(conflict.code)) return true;
        break;
      case AST_NODE_TYPES.TemplateElement:
        if (node.value.cooked?.includes(conflict.code)) return true;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node);
        if (name !== undefined && STATUS_KEYS.has(name)) return true;
        break;
      }
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.CallExpression: {
        // `.catch(onError)`, or a local helper the handler calls.
        const target = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
        const fn = target.type === AST_NODE_TYPES.Identifier ? calledFunction(sourceCode, target) : undefined;
        if (fn) stack.push(fn.body);
        break;
      }
      default:
        break;
    }
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    for (const key of keys) pushNodes(stack, (node as unknown as Record<string, unknown>)[key]);
  }
  return false;
}
