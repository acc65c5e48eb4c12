import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { clientSideReason, describeReason, type ClientSideReason } from '../analysis/client-side.js';
import { getSdkAnalysis } from '../analysis/sdk-calls.js';
import { modulePathMatches, type CdpSettings } from '../analysis/settings.js';
import { SDKS } from '../sdk/index.js';
import type { SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';
import { BoundedMap } from '../util/bounded-map.js';

/** ESLint's own scope manager (plain JavaScript) knows no type references: every reference is a value. */
const isValueReference = (reference: { isValueReference?: boolean }): boolean => reference.isValueReference ?? true;

type MessageIds = 'serverSdk' | 'serverClient';
type Options = [{ clientGlobs: string[]; serverGlobs: string[] }];

const SERVER_SDKS = SDKS.filter((sdk) => sdk.serverOnly);

const SLASH = 0x2f;

/** The server-only SDK a module specifier loads: its root, or any path inside the package. */
function serverSdkOf(specifier: string): SdkDescriptor | undefined {
  return SERVER_SDKS.find(
    ({ id }) => specifier.startsWith(id) && (specifier.length === id.length || specifier.charCodeAt(id.length) === SLASH),
  );
}

type ConfiguredModule = { sdk?: SdkDescriptor; client: string } | undefined;
type ClientModules = CdpSettings['clientModules'];

/**
 * The answers of `configuredModule` by specifier, for each settings' modules: a code base imports
 * the same few modules from every file. Bounded, as the specifiers of a long editor session are not.
 */
const configuredCache = new WeakMap<ClientModules, Map<string, ConfiguredModule>>();

/** A module of the app declared in `settings.cdp.clients`, and the client class it holds. */
function configuredModule(clientModules: ClientModules, specifier: string): ConfiguredModule {
  if (clientModules.size === 0) return undefined;
  let bySpecifier = configuredCache.get(clientModules);
  if (!bySpecifier) {
    bySpecifier = new BoundedMap();
    configuredCache.set(clientModules, bySpecifier);
  }
  if (bySpecifier.has(specifier)) return bySpecifier.get(specifier);
  const answer = findConfiguredModule(clientModules, specifier);
  bySpecifier.set(specifier, answer);
  return answer;
}

function findConfiguredModule(clientModules: ClientModules, specifier: string): ConfiguredModule {
  for (const [module, bindings] of clientModules) {
    if (!modulePathMatches(specifier, module)) continue;
    let unknownClass: string | undefined;
    for (const [name, binding] of bindings) {
      if (!binding.client) unknownClass ??= name;
      else if (binding.client.sdk.serverOnly) {
        return { sdk: binding.client.sdk, client: `\`${name}\`, a ${binding.client.spec.name}` };
      }
    }
    // Declared without its class (`clients: { './lib/cio': ['cio'] }`): a server SDK only if every SDK of the model
    // is one, which the analytics SDKs with their public keys are not; precision first.
    return unknownClass !== undefined && SERVER_SDKS.length === SDKS.length ? { client: `\`${unknownClass}\`` } : undefined;
  }
  return undefined;
}

/** "its Track API key, App API key or Data Pipelines write key" */
function secretsOf(sdk: SdkDescriptor): string {
  const labels = [...new Set(sdk.credentials.filter((spec) => spec.secret).map((spec) => spec.label))];
  if (labels.length <= 1) return `its ${labels[0] ?? 'secret key'}`;
  return `its ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

interface Found {
  node: TSESTree.Node;
  specifier: string;
  /** Undefined for a client declared in settings without its class. */
  sdk?: SdkDescriptor;
  /** The import brings in a module of the app that holds a client (`./lib/cio`), not the SDK itself. */
  client?: string;
}

export default createRule<Options, MessageIds>({
  name: 'no-server-sdk-in-browser',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow importing a server-side SDK that holds a secret key into client-side code',
      recommended: 'recommended',
    },
    messages: {
      serverSdk:
        '`{{module}}` is a server SDK that authenticates with {{secrets}}, but this file is client-side code ({{reason}}): the bundle ships the SDK, and the key with it, to every visitor. Make the call from server code (an API route or a server action), and use {{alternative}} in the browser.',
      serverClient:
        '`{{module}}` holds a {{sdk}} client ({{client}}) built with {{secrets}}, but this file is client-side code ({{reason}}): importing it ships the client, and the key with it, to every visitor. Make the call from server code (an API route or a server action) instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          clientGlobs: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the working directory) of files bundled for the browser, besides `\'use client\'` files, components and JSX: e.g. `src/client/**`, `frontend/**`.',
          },
          serverGlobs: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs of files that only run on a server, even if they render JSX or import a UI framework (server-side rendering, email templates). They win over every other signal except `\'use client\'`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ clientGlobs: [], serverGlobs: [] }],
  },
  defaultOptions: [{ clientGlobs: [], serverGlobs: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const clientModules = analysis.settings.clientModules;
    const found: Found[] = [];

    function consider(source: TSESTree.Node | null | undefined, node: TSESTree.Node): void {
      if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return;
      const specifier = source.value;
      const sdk = serverSdkOf(specifier);
      if (sdk) {
        found.push({ node, specifier, sdk });
        return;
      }
      const configured = configuredModule(clientModules, specifier);
      if (configured) found.push({ node, specifier, ...configured });
    }

    /** Bindings that are only used as types are erased by TypeScript and every bundler. */
    function usedAsValue(declaration: TSESTree.ImportDeclaration): boolean {
      if (declaration.specifiers.length === 0) return true;
      return declaration.specifiers.some((specifier) => {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return false;
        return sourceCode
          .getDeclaredVariables(specifier)
          .some((variable) => variable.references.some(isValueReference));
      });
    }

    /** With types: a value imported from another module of the app whose type is a server SDK client. */
    function typedClientImport(declaration: TSESTree.ImportDeclaration): void {
      for (const specifier of declaration.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
        const client = analysis.clientOf(specifier.local);
        if (!client?.sdk.serverOnly) continue;
        found.push({
          node: declaration.source,
          specifier: declaration.source.value,
          sdk: client.sdk,
          client: `\`${specifier.local.name}\`, a ${client.client.name}`,
        });
        return;
      }
    }

    const typed = Boolean(sourceCode.parserServices?.program);
    /** Imports of the app's own modules, for the type checker once the file is known to be client-side. */
    const localImports: TSESTree.ImportDeclaration[] = [];

    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        // The cheap question first: most imports are of no server SDK, whatever their bindings.
        const before = found.length;
        consider(node.source, node.source);
        if (found.length > before) {
          if (!usedAsValue(node)) found.length = before;
          return;
        }
        if (typed && node.source.value.startsWith('.')) localImports.push(node);
      },
      ImportExpression(node) {
        consider(node.source, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.exportKind !== 'type') consider(node.source, node.source ?? node);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') consider(node.source, node.source);
      },
      TSImportEqualsDeclaration(node) {
        if (node.importKind === 'type' || node.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
        consider(node.moduleReference.expression, node.moduleReference.expression);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || node.arguments.length !== 1) return;
        // A local function called `require` is not the module loader.
        if (ASTUtils.findVariable(sourceCode.getScope(node), callee)?.defs.length) return;
        consider(node.arguments[0], node.arguments[0]);
      },
      'Program:exit'() {
        if (found.length === 0 && localImports.length === 0) return;
        const reason: ClientSideReason | undefined = clientSideReason(context, options);
        if (!reason) return;
        // The checker's answer costs far more than the client-side decision: asked only in client code.
        for (const declaration of localImports) if (usedAsValue(declaration)) typedClientImport(declaration);
        for (const item of found) {
          const data = {
            module: item.specifier,
            secrets: item.sdk ? secretsOf(item.sdk) : 'a secret key',
            reason: describeReason(reason),
            alternative: item.sdk?.browserAlternative ?? 'a browser SDK with a public key',
            sdk: item.sdk?.displayName ?? 'server SDK',
            client: item.client ?? '',
          };
          context.report({ node: item.node, messageId: item.client ? 'serverClient' : 'serverSdk', data });
        }
      },
    };
  },
});
