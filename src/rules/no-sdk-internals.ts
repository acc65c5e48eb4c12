import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, staticName, unwrap } from '../analysis/ast.js';
import { thisOwner } from '../analysis/resolver.js';
import { getSdkAnalysis } from '../analysis/sdk-calls.js';
import { SDKS, findClient } from '../sdk/index.js';
import type { ClientSpec, ModuleSpec, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';
import { BoundedMap } from '../util/bounded-map.js';

/** ESLint's own scope manager (plain JavaScript) knows no type references: every reference is a value. */
const isValueReference = (reference: { isValueReference?: boolean }): boolean => reference.isValueReference ?? true;

type MessageIds = 'deepImport' | 'internalMember' | 'importFromRoot';

/** Every member name any client lists as internal: a cheap filter before resolving a receiver. */
const INTERNAL_NAMES: ReadonlySet<string> = new Set(
  SDKS.flatMap((sdk) => sdk.clients.flatMap((client) => (client.internals ?? []).map((member) => member.name))),
);

/** The SDK whose build output or sources a specifier reaches into: `customerio-node/dist/lib/request`. */
function internalPathOf(specifier: string): SdkDescriptor | undefined {
  // Files import the same few packages over and over.
  if (internalPaths.has(specifier)) return internalPaths.get(specifier);
  const sdk = findInternalPath(specifier);
  internalPaths.set(specifier, sdk);
  return sdk;
}

const internalPaths = new BoundedMap<string, SdkDescriptor | undefined>();

function findInternalPath(specifier: string): SdkDescriptor | undefined {
  return SDKS.find((sdk) => {
    if (!specifier.startsWith(`${sdk.id}/`)) return false;
    const folder = specifier.slice(sdk.id.length + 1).split('/')[0];
    return (sdk.internalPaths ?? []).includes(folder);
  });
}

/** The package root's current module shape (not a 2.x-only one). */
function rootModule(sdk: SdkDescriptor): ModuleSpec | undefined {
  return sdk.modules.find((module) => module.specifier === sdk.id && module.versions !== '<3');
}

export default createRule<[], MessageIds>({
  name: 'no-sdk-internals',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow deep imports into SDK packages and undocumented members of SDK clients',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      deepImport:
        '`{{specifier}}` reaches into the files of {{sdk}}, which are not a public entry point: they are moved and reshaped in any release, even a patch, and a package with an `exports` map refuses the path at run time. Import what you need from `{{root}}`; if it is not exported there, do not depend on it.',
      internalMember:
        '`{{member}}` is not part of the documented API of {{client}} but an implementation detail, which can be renamed or reshaped in any release, even a patch. Use {{instead}}.',
      importFromRoot: 'Import from `{{root}}`, which exports the same names.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    /** Names a `require(...)` call's result is read as: `const { A, B } = require()`, `require().A`. */
    function requiredNames(call: TSESTree.CallExpression): string[] | undefined {
      const parent = call.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
        const name = memberName(parent);
        return name === undefined ? undefined : [name];
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
        const names: string[] = [];
        for (const property of parent.id.properties) {
          const key = property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined;
          if (key === undefined) return undefined;
          names.push(key);
        }
        return names;
      }
      return undefined;
    }

    function reportDeepImport(source: TSESTree.Node, names: string[] | undefined): void {
      if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return;
      const sdk = internalPathOf(source.value);
      if (!sdk) return;
      const root = rootModule(sdk);
      const fixable = root !== undefined && names !== undefined && names.length > 0 && names.every((name) => name in root.exports);
      const quote = source.raw.startsWith('"') ? '"' : "'";
      context.report({
        node: source,
        messageId: 'deepImport',
        data: { specifier: source.value, sdk: sdk.displayName, root: sdk.id },
        suggest: fixable
          ? [
              {
                messageId: 'importFromRoot',
                data: { root: sdk.id },
                fix: (fixer) => fixer.replaceText(source, `${quote}${sdk.id}${quote}`),
              },
            ]
          : [],
      });
    }

    /** Bindings only used as types are erased: such an import never loads the file. */
    function loadsAtRunTime(declaration: TSESTree.ImportDeclaration): boolean {
      if (declaration.importKind === 'type') return false;
      if (declaration.specifiers.length === 0) return true;
      return declaration.specifiers.some(
        (specifier) =>
          !(specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') &&
          sourceCode
            .getDeclaredVariables(specifier)
            .some((variable) => variable.references.some(isValueReference)),
      );
    }

    function namedImports(declaration: TSESTree.ImportDeclaration): string[] | undefined {
      const names: string[] = [];
      for (const specifier of declaration.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') return undefined;
        const name = staticName(specifier.imported, false);
        if (name === undefined) return undefined;
        names.push(name);
      }
      return names;
    }

    /** The client class whose instance `object` is: a resolved client, or `this` in a subclass of one. */
    function clientClassOf(object: TSESTree.Node): ClientSpec | undefined {
      const target = unwrap(object);
      if (target.type === AST_NODE_TYPES.ThisExpression) {
        const owner = thisOwner(target);
        if (!owner || owner.type === AST_NODE_TYPES.ObjectExpression || !owner.superClass) return undefined;
        const parent = analysis.exportOf(owner.superClass);
        const client = parent && findClient(parent.sdk, parent.name);
        return client?.kind === 'client' ? client : undefined;
      }
      return analysis.clientOf(target)?.client;
    }

    function checkMember(name: string | undefined, object: TSESTree.Node, reportAt: TSESTree.Node): void {
      if (name === undefined || !INTERNAL_NAMES.has(name)) return;
      const client = clientClassOf(object);
      const internal = client?.internals?.find((member) => member.name === name);
      if (!client || !internal) return;
      context.report({
        node: reportAt,
        messageId: 'internalMember',
        data: { member: name, client: client.name, instead: internal.instead },
      });
    }

    const isRequire = (node: TSESTree.CallExpression, scopeOf: TSESLint.SourceCode): boolean =>
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === 'require' &&
      node.arguments.length === 1 &&
      !ASTUtils.findVariable(scopeOf.getScope(node), node.callee)?.defs.length;

    return {
      ImportDeclaration(node) {
        // Which bindings are used at run time is asked only of the rare deep import.
        if (!internalPathOf(node.source.value)) return;
        if (loadsAtRunTime(node)) reportDeepImport(node.source, namedImports(node));
      },
      ImportExpression(node) {
        reportDeepImport(node.source, undefined);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') reportDeepImport(node.source, undefined);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') reportDeepImport(node.source, undefined);
      },
      TSImportEqualsDeclaration(node) {
        if (node.importKind === 'type' || node.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
        reportDeepImport(node.moduleReference.expression, undefined);
      },
      CallExpression(node) {
        if (isRequire(node, sourceCode)) reportDeepImport(node.arguments[0], requiredNames(node));
      },
      MemberExpression(node) {
        checkMember(memberName(node), node.object, node.property);
      },
      VariableDeclarator(node) {
        // const { request } = cio;
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init) return;
        for (const property of node.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          checkMember(staticName(property.key, property.computed), node.init, property.key);
        }
      },
    };
  },
});
