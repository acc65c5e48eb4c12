import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunction, unwrap, type FunctionNode } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The variable an identifier reads, if it is declared in this file. */
export function variableOf(sourceCode: SourceCode, node: TSESTree.Identifier): Scope.Variable | undefined {
  return ASTUtils.findVariable(sourceCode.getScope(node), node) ?? undefined;
}

/**
 * The single expression a binding always holds: a `const` initialiser, or a `let` that is never
 * reassigned after its declaration. Undefined when the value can change.
 */
export function singleValueOf(sourceCode: SourceCode, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  return singleValueOfVariable(variableOf(sourceCode, node));
}

/** The same, for a variable already looked up. */
export function singleValueOfVariable(variable: Scope.Variable | null | undefined): TSESTree.Expression | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return undefined;
  let writes = 0;
  for (const reference of variable.references) if (reference.isWrite() && ++writes > 1) return undefined;
  return def.node.init;
}

/**
 * Follows `const x = <expr>` chains to the expression that produced a value.
 * Stops at anything that is not a plain binding; bounded to avoid cycles.
 */
export function followBindings(sourceCode: SourceCode, node: TSESTree.Node, limit = 8): TSESTree.Node {
  let current = unwrap(node);
  for (let i = 0; i < limit && current.type === AST_NODE_TYPES.Identifier; i++) {
    const value = singleValueOf(sourceCode, current);
    if (!value) break;
    current = unwrap(value);
  }
  return current;
}

/** The string a node statically evaluates to (literals, constants, concatenations of them). */
export function staticString(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const result = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  return result && typeof result.value === 'string' ? result.value : undefined;
}

/** Any static value (string, number, boolean, null, plain object or array). */
export function staticValue(sourceCode: SourceCode, node: TSESTree.Node): { value: unknown } | undefined {
  return ASTUtils.getStaticValue(node, sourceCode.getScope(node)) ?? undefined;
}

/** The local function a callee names (`nowSec` in `nowSec()`), when it is declared in this file. */
export function calledFunction(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | undefined {
  const target = followBindings(sourceCode, callee);
  if (isFunction(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = variableOf(sourceCode, target)?.defs[0];
  return def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : undefined;
}

/** The expressions a function can return (the body itself for expression-bodied arrows). */
export function returnedExpressions(fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const results: TSESTree.Expression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) results.push(node.argument);
      return;
    }
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    for (const value of Object.values(node)) {
      if (value && typeof value === 'object' && value !== node.parent) {
        if (Array.isArray(value)) {
          for (const item of value) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
        } else if (typeof (value as TSESTree.Node).type === 'string' && (value as TSESTree.Node) !== node.parent) {
          visit(value as TSESTree.Node);
        }
      }
    }
  };
  for (const statement of fn.body.body) visit(statement);
  return results;
}

/** Test files use placeholder keys and fake data on purpose. */
export function isTestFile(filename: string): boolean {
  return /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|spec|fixtures)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/.test(filename);
}
