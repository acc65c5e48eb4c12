import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { variableOf } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The checker's type of an expression, once per node: the rules about event names ask about the
 * same names, and an identifier's type is narrowed anew on every question. Undefined without type
 * information or when the checker fails.
 */
export function typeAt(sourceCode: SourceCode, node: TSESTree.Node): ts.Type | undefined {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  if (types.has(node)) return types.get(node) ?? undefined;
  let type: ts.Type | undefined;
  try {
    const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
    type = tsNode ? services.program.getTypeChecker().getTypeAtLocation(tsNode) : undefined;
  } catch {
    type = undefined;
  }
  types.set(node, type ?? null);
  return type;
}
const types = new WeakMap<TSESTree.Node, ts.Type | null>();

/**
 * Can the value's type certainly not be a string literal, or a union of literals? Decided without
 * the checker where the syntax says so, since the checker's answer for a template costs
 * milliseconds (it resolves the whole call around it to find the type the argument is expected to
 * have): a parameter declared `string` that nothing can narrow, arithmetic or concatenation
 * (`string` or `number` to TypeScript), or a template with such a part. A template with a part
 * typed `string` or `number` is no literal either: its type is `string` or `${string}…`.
 */
export function cannotBeLiteralTyped(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return isPlainStringParameter(sourceCode, node);
  if (node.type === AST_NODE_TYPES.BinaryExpression) return true;
  if (node.type !== AST_NODE_TYPES.TemplateLiteral || node.expressions.length === 0) return false;
  if (node.expressions.some((part) => cannotBeLiteralTyped(sourceCode, part))) return true;
  const checker = sourceCode.parserServices?.program?.getTypeChecker();
  if (!checker) return false;
  // The parts' own types cost less than the template's.
  return node.expressions.some((part) => {
    const type = typeAt(sourceCode, part);
    return type !== undefined && (type === checker.getStringType() || type === checker.getNumberType());
  });
}

/**
 * A parameter declared `string` whose other uses cannot narrow it to a literal (no comparison,
 * `switch`, type guard call or assignment): its type where it is read is plain `string`.
 */
function isPlainStringParameter(sourceCode: SourceCode, node: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, node);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0];
  if (def.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  if (def.name.typeAnnotation?.typeAnnotation.type !== AST_NODE_TYPES.TSStringKeyword) return false;
  return variable.references.every((reference) => reference.identifier === node || cannotNarrow(reference.identifier));
}

/** A read that TypeScript does not narrow on: `${name}`, `name.length`, `{ event: name }`, `const n = name`. */
function cannotNarrow(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === identifier;
    case AST_NODE_TYPES.Property:
      return parent.value === identifier && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === identifier;
    default:
      return false;
  }
}
