import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleEntry } from '../sdk/index.js';
import type { ClientSpec, SdkDescriptor } from '../sdk/types.js';
import type { ClientBinding } from './settings.js';
import type { FunctionNode } from './ast.js';

/** What the engine knows an expression evaluates to. Anything else is unknown. */
export type SdkValue =
  /** A module of an SDK, or a path into its exports (`require('customerio-node').TrackClient`). */
  | { kind: 'module'; entries: readonly ModuleEntry[]; path: readonly string[] }
  /** An instance of a client class. */
  | ClientValue
  /** A client whose class was not declared (`settings.cdp.clients` with an array): inferred per call. */
  | { kind: 'anyClient'; origin: TSESTree.Node }
  /** A module the user declared in `settings.cdp.clients`. */
  | { kind: 'userModule'; bindings: ReadonlyMap<string, ClientBinding>; origin: TSESTree.Node }
  | { kind: 'promise'; of: SdkValue }
  /** An object literal, so member reads can be followed (`clients.cio`). */
  | { kind: 'object'; node: TSESTree.ObjectExpression }
  /** A function in this file, so calls can be followed to what it returns. */
  | { kind: 'function'; node: FunctionNode };

export interface ClientValue {
  kind: 'client';
  sdk: SdkDescriptor;
  client: ClientSpec;
  /** Where the client came from: its construction, an import, a typed parameter. */
  origin: TSESTree.Node;
}
