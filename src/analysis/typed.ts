import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { METHOD_NAMES, SDKS } from '../sdk/index.js';
import type { ClientValue } from './values-model.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type TypedClientOf = (node: TSESTree.Node, methodName?: string) => ClientValue | undefined;

// `/node_modules/customerio-node/dist/lib/track.d.ts` → `customerio-node`
const PACKAGE_OF_FILE = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

/**
 * With type information, a receiver whose declared type is an SDK class resolves to that client
 * (a client imported from another module, a property typed `TrackClient`). Without a program
 * this returns undefined, so untyped runs never pay for it.
 */
export function typedClientOf(context: Context): TypedClientOf | undefined {
  const services = context.sourceCode.parserServices;
  const program = services?.program;
  if (!program || !services.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const map = services.esTreeNodeToTSNodeMap;
  return (node, methodName) => {
    if (methodName !== undefined && !METHOD_NAMES.has(methodName)) return undefined;
    const tsNode = map.get(node as never);
    if (!tsNode) return undefined;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    const packageName = PACKAGE_OF_FILE.exec(declaration.getSourceFile().fileName)?.[1]?.replace(/\\/g, '/');
    if (!packageName) return undefined;
    const sdk = SDKS.find((candidate) => candidate.id === packageName);
    const client = sdk?.clients.find((candidate) => candidate.name === symbol.name && candidate.kind === 'client');
    return sdk && client ? { kind: 'client', sdk, client, origin: node } : undefined;
  };
}
