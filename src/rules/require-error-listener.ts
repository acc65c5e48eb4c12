import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outermostTransparent, staticName, unwrap } from '../analysis/ast.js';
import { clientKeyOf, type ClientKey } from '../analysis/lifecycle.js';
import { getSdkAnalysis, type Construction } from '../analysis/sdk-calls.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missingListener' | 'addListener';
type SourceCode = Readonly<TSESLint.SourceCode>;

interface Listener {
  receiver: TSESTree.Node;
  method: string;
  event: string;
}

export default createRule<[], MessageIds>({
  name: 'require-error-listener',
  meta: {
    type: 'problem',
    docs: {
      description: 'require an error listener on SDK clients that report delivery failures only as events',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      missingListener:
        'This `{{client}}` client reports failed deliveries (401s from a wrong key included) only as an `\'{{event}}\'` event, and nothing in this file listens for it: failed events are lost without a trace. Register `.{{listen}}(\'{{event}}\', …)` on the client to log or alert on them.',
      addListener: "Log delivery failures with `{{name}}.{{listen}}('{{event}}', …)` after the declaration.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const emitting = analysis.constructions.filter((c) => c.client.errorChannel === 'emitter' && c.client.errorEvent);
    if (emitting.length === 0) return {};
    const sourceCode = context.sourceCode;
    const listenMethods = new Set(emitting.flatMap((c) => c.client.errorEvent!.listenMethods));
    const listeners: Listener[] = [];

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = memberName(callee);
        if (method === undefined || !listenMethods.has(method)) return;
        const event = node.arguments[0] && stringValue(node.arguments[0]);
        if (event !== undefined) listeners.push({ receiver: callee.object, method, event });
      },
      'Program:exit'() {
        for (const construction of emitting) {
          const spec = construction.client.errorEvent!;
          const binding = bindingOf(sourceCode, construction);
          const isThisClient = (receiver: TSESTree.Node): boolean =>
            analysis.clientOf(receiver)?.origin === construction.node ||
            (binding !== undefined && clientKeyOf(sourceCode, receiver) === binding);
          const listened = listeners.some(
            (listener) =>
              listener.event === spec.name &&
              spec.listenMethods.includes(listener.method) &&
              isThisClient(listener.receiver),
          );
          if (listened || hasCallbacks(isThisClient) || escapes(sourceCode, construction)) continue;
          const listen = spec.listenMethods[0];
          const suggestion = listenerSuggestion(sourceCode, construction, listen, spec.name);
          context.report({
            node: construction.node,
            messageId: 'missingListener',
            data: { client: construction.client.name, event: spec.name, listen },
            suggest: suggestion
              ? [{ messageId: 'addListener', data: { name: suggestion.name, listen, event: spec.name }, fix: suggestion.fix }]
              : [],
          });
        }
      },
    };

    /** A call on this client that passes a per-call callback: the caller handles failures there. */
    function hasCallbacks(isThisClient: (receiver: TSESTree.Node) => boolean): boolean {
      return analysis.calls.some((call) => {
        const direct = call.inner ?? call;
        const index = call.method.callbackArg;
        return (
          index !== undefined &&
          direct.receiver !== undefined &&
          direct.node.arguments.length > index &&
          isThisClient(direct.receiver)
        );
      });
    }
  },
});

/**
 * The binding a construction is stored in, keyed like `clientKeyOf` keys a receiver: the variable
 * of `const a = new X()` or `a = new X()`, `this.a` for a class field or `this.a = new X()`.
 */
function bindingOf(sourceCode: SourceCode, construction: Construction): ClientKey | undefined {
  const position = outermostTransparent(construction.node);
  const parent = position.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === position) {
    return parent.id.type === AST_NODE_TYPES.Identifier ? sourceCode.getDeclaredVariables(parent)[0] : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === position) {
    return clientKeyOf(sourceCode, parent.left);
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === position && !parent.static) {
    const name = staticName(parent.key, parent.computed);
    return name === undefined ? undefined : `this.${name}`;
  }
  return undefined;
}

function stringValue(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) {
    return target.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * Is the client handed to code this file does not show, which may register the listener: returned
 * from a factory, or passed as an argument (`monitor(analytics)`, `new Service(analytics)`)?
 */
function escapes(sourceCode: SourceCode, construction: Construction): boolean {
  const position = outermostTransparent(construction.node);
  const parent = position.parent;
  if (!parent) return false;
  if (leavesThroughCall(position) || parent.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === position) return true;
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== position) return false;
  const variable = sourceCode.getDeclaredVariables(parent)[0];
  return (variable?.references ?? []).some((reference) => {
    if (!reference.isRead()) return false;
    const read = outermostTransparent(reference.identifier);
    return leavesThroughCall(read) || read.parent?.type === AST_NODE_TYPES.ReturnStatement;
  });
}

function leavesThroughCall(position: TSESTree.Node): boolean {
  const parent = position.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(position as TSESTree.CallExpressionArgument)
  );
}

/**
 * `const analytics = new Analytics(…)` as a statement of its own: insert a listener right after it,
 * at the same indentation.
 */
function listenerSuggestion(
  sourceCode: SourceCode,
  construction: Construction,
  listen: string,
  event: string,
): { name: string; fix: TSESLint.ReportFixFunction } | undefined {
  const position = outermostTransparent(construction.node);
  const declarator = position.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== position) return undefined;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') return undefined;
  if (declaration.declarations.length !== 1) return undefined;
  const statement =
    declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
  const container = statement.parent;
  if (container?.type !== AST_NODE_TYPES.Program && container?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const name = declarator.id.name;
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const text = `\n${indent}${name}.${listen}('${event}', (error) => {\n${indent}  console.error(error);\n${indent}});`;
  return { name, fix: (fixer) => fixer.insertTextAfter(statement, text) };
}
