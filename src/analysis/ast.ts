import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Strips the wrappers that do not change a value: TS assertions, `!`, `?.` chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent, skipping the same transparent wrappers `unwrap` strips. */
export function transparentParent(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (
    current &&
    (current.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.type === AST_NODE_TYPES.TSAsExpression ||
      current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.type === AST_NODE_TYPES.TSTypeAssertion ||
      current.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** The name of a non-computed key or member, or a computed string literal key. */
export function staticName(
  key: TSESTree.Node,
  computed: boolean,
): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (!computed && key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return staticName(node.property, node.computed);
}

/** The value of property `name` in an object literal; the last one wins, as at run time. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === name) {
      found = property;
    } else if (property.type === AST_NODE_TYPES.SpreadElement && found) {
      // A later spread may override what we found: we no longer know.
      found = undefined;
    }
  }
  return found;
}

/** The nearest enclosing function, or undefined at module scope. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** `a.b.c` for a chain of identifiers and static members, else undefined. */
export function memberChain(node: TSESTree.Node): string[] | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return [target.name];
  if (target.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    const head = memberChain(target.object);
    return name !== undefined && head ? [...head, name] : undefined;
  }
  return undefined;
}

/** The last name of `memberChain(node)`, without building the chain. */
export function chainEnd(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(target);
  return name !== undefined && chainEnd(target.object) !== undefined ? name : undefined;
}

export function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

/**
 * The property keys from a destructuring pattern's root down to a name in it:
 * `const { a: { b } } = x` names `x.a.b`. Undefined through array and rest patterns.
 */
export function patternPath(root: TSESTree.Node, name: TSESTree.Node): string[] | undefined {
  const keys: string[] = [];
  for (let current = name; current !== root; ) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      const key = staticName(parent.key, parent.computed);
      if (key === undefined) return undefined;
      keys.unshift(key);
    } else if (
      parent.type !== AST_NODE_TYPES.ObjectPattern &&
      parent.type !== AST_NODE_TYPES.TSParameterProperty &&
      !(parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === current)
    ) {
      return undefined;
    }
    current = parent;
  }
  return keys;
}

/** The outermost expression that stands for `node` through TS wrappers (`as`, `!`, `satisfies`, `<T>`). */
export function outermostTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

/** The name a call is made by: `f` in `f()`, `g` in `a.b.g()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
}

/** Pushes the AST node or nodes a visitor key holds onto a walk's stack. */
export function pushNodes(stack: TSESTree.Node[], value: unknown): void {
  const isNode = (item: unknown): item is TSESTree.Node =>
    typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string';
  if (Array.isArray(value)) {
    for (const item of value) if (isNode(item)) stack.push(item);
  } else if (isNode(value)) {
    stack.push(value);
  }
}

/**
 * The last token of a node together with the parentheses around it (`(key as string)` ends at its
 * `)`), so that text inserted after it lands outside them. The parentheses of a call with this one
 * argument are the call's, not the node's.
 */
export function lastTokenWithParens(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Token {
  let last = sourceCode.getLastToken(node)!;
  for (let times = 1; ASTUtils.isParenthesized(times, node, sourceCode); times++) {
    last = sourceCode.getTokenAfter(last)!;
  }
  return last;
}
