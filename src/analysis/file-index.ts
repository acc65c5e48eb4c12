import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type NodeOfType<T extends TSESTree.AST_NODE_TYPES> = Extract<TSESTree.Node, { type: T }>;

/** ESLint's own traversal of the file (ESLint 9+): computed before any rule runs, and cached. */
interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}
type Traversable = { traverse?: () => Iterable<TraversalStep> };

const VISIT = 1;
const ENTER = 1;
const EMPTY: readonly never[] = [];
const cache = new WeakMap<TSESTree.Program, Map<string, TSESTree.Node[]>>();

/**
 * The file's nodes of one type, in source order (a node after its ancestors), indexed once per file
 * and shared by every rule. Reading ESLint's cached traversal costs far less than walking the tree
 * again.
 */
export function nodesOfType<T extends TSESTree.AST_NODE_TYPES>(sourceCode: SourceCode, type: T): readonly NodeOfType<T>[] {
  let index = cache.get(sourceCode.ast);
  if (!index) {
    index = buildIndex(sourceCode);
    cache.set(sourceCode.ast, index);
  }
  return (index.get(type) ?? EMPTY) as readonly NodeOfType<T>[];
}

function buildIndex(sourceCode: SourceCode): Map<string, TSESTree.Node[]> {
  const index = new Map<string, TSESTree.Node[]>();
  const add = (node: TSESTree.Node): void => {
    const list = index.get(node.type);
    if (list) list.push(node);
    else index.set(node.type, [node]);
  };
  const { traverse } = sourceCode as unknown as Traversable;
  if (typeof traverse === 'function') {
    for (const step of traverse.call(sourceCode)) {
      if (step.kind === VISIT && step.phase === ENTER) add(step.target as TSESTree.Node);
    }
    return index;
  }
  walk(sourceCode, add);
  return index;
}

/** The same order as ESLint's traversal: each node, then its children key by key. */
function walk(sourceCode: SourceCode, add: (node: TSESTree.Node) => void): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    add(node);
    const nodeKeys = keys[node.type] ?? EMPTY;
    for (let k = nodeKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[nodeKeys[k]];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}
