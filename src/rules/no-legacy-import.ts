import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import {
  describeInstalled,
  describeMajorRange,
  installedVersion,
  majorSatisfies,
  type InstalledVersion,
} from '../analysis/installed-version.js';
import { getSdkAnalysis, type Construction } from '../analysis/sdk-calls.js';
import { MODULES, type ModuleEntry } from '../sdk/index.js';
import type { ExportSpec, ModuleSpec, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'legacyModule' | 'legacyConstructor' | 'useNamedExport';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Specifiers that exist only in older majors than the current one (`customerio-node/api`: `<3`). */
const LEGACY_ONLY: ReadonlySet<string> = new Set(
  [...MODULES]
    .filter(([, entries]) =>
      entries.every((entry) => entry.module.versions && !majorSatisfies(undefined, entry.module.versions)),
    )
    .map(([specifier]) => specifier),
);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEGACY_NEEDLE = new RegExp([...LEGACY_ONLY].map(escape).join('|') || '(?!)');

export default createRule<[], MessageIds>({
  name: 'no-legacy-import',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow SDK import shapes that only work on older major versions than the one installed',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      legacyModule:
        "`{{specifier}}` exists only in {{sdk}} {{range}}, and {{installed}}: Node cannot resolve it, so the process crashes when this module loads. Import the same names from '{{target}}'.",
      legacyConstructor:
        '`new {{callee}}(…)` uses the default export of {{sdk}} {{range}}, where the module itself was the `{{client}}` class, and {{installed}}: the module now has only named exports, so this throws "is not a constructor" when it runs. Import `{{client}}` by name.',
      useNamedExport: 'Import `{{client}}` by name and construct it as `new {{client}}(…)`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const versions = new Map<string, InstalledVersion>();
    const versionOf = (sdk: SdkDescriptor): InstalledVersion => {
      let version = versions.get(sdk.id);
      if (!version) {
        version = installedVersion(sdk.id, context.physicalFilename, context.cwd);
        versions.set(sdk.id, version);
      }
      return version;
    };
    /** The module shapes of a specifier that do not work on the installed major. */
    const staleEntries = (specifier: string): readonly ModuleEntry[] | undefined => {
      const entries = MODULES.get(specifier);
      if (!entries || !LEGACY_ONLY.has(specifier)) return undefined;
      const stale = entries.every((entry) => !majorSatisfies(versionOf(entry.sdk).major, entry.module.versions!));
      return stale ? entries : undefined;
    };

    const reportedSources = new Set<TSESTree.Node>();
    function checkSource(source: TSESTree.Node | null | undefined): void {
      if (!source || source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return;
      const entries = staleEntries(source.value);
      if (!entries || reportedSources.has(source)) return;
      reportedSources.add(source);
      const { sdk, module } = entries[0];
      const target = replacementModule(sdk, module, versionOf(sdk));
      const quote = source.raw.startsWith('"') ? '"' : "'";
      context.report({
        node: source,
        messageId: 'legacyModule',
        data: {
          specifier: source.value,
          sdk: sdk.id,
          range: describeMajorRange(module.versions!),
          installed: describeInstalled(versionOf(sdk)),
          target: target?.specifier ?? sdk.id,
        },
        // Exact: the replacement exports every name the old module did, as the same thing.
        fix: target ? (fixer) => fixer.replaceText(source, `${quote}${target.specifier}${quote}`) : null,
      });
    }

    const checksSources = LEGACY_NEEDLE.test(sourceCode.text);
    const sourceVisitors: TSESLint.RuleListener = checksSources
      ? {
          ImportDeclaration(node) {
            if (node.importKind !== 'type') checkSource(node.source);
          },
          ExportNamedDeclaration(node) {
            if (node.source && node.exportKind !== 'type') checkSource(node.source);
          },
          ExportAllDeclaration(node) {
            if (node.exportKind !== 'type') checkSource(node.source);
          },
          ImportExpression(node) {
            checkSource(node.source);
          },
          TSExternalModuleReference(node) {
            if (node.parent.type === AST_NODE_TYPES.TSImportEqualsDeclaration && node.parent.importKind === 'type') return;
            checkSource(node.expression);
          },
          CallExpression(node) {
            if (isRequire(sourceCode, node)) checkSource(node.arguments[0]);
          },
        }
      : {};

    return {
      ...sourceVisitors,
      'Program:exit'() {
        for (const construction of analysis.constructions) {
          if (construction.legacy) checkConstruction(construction);
        }
      },
    };

    function checkConstruction(construction: Construction): void {
      const node = construction.node;
      const root = rootSpecifier(sourceCode, node.callee);
      // Sub-path modules are reported (and fixed) at their import.
      if (root !== undefined && LEGACY_ONLY.has(root)) return;
      const shape = defaultShape(construction.sdk, construction.client.name, root);
      if (!shape?.versions) return;
      const version = versionOf(construction.sdk);
      if (majorSatisfies(version.major, shape.versions)) return;
      const current = replacementModule(construction.sdk, shape, version, construction.client.name);
      const exportName = current && exportNameOf(current, construction.client.name);
      const fix = exportName ? namedExportFix(sourceCode, node, shape.specifier, exportName) : undefined;
      context.report({
        node,
        messageId: 'legacyConstructor',
        data: {
          callee: calleeText(sourceCode, node.callee),
          sdk: construction.sdk.id,
          range: describeMajorRange(shape.versions),
          client: exportName ?? construction.client.name,
          installed: describeInstalled(version),
        },
        suggest: fix ? [{ messageId: 'useNamedExport', data: { client: exportName! }, fix }] : [],
      });
    }
  },
});

function isRequire(sourceCode: SourceCode, node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || node.arguments.length !== 1) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  return !variable || variable.defs.length === 0;
}

function requireSpecifier(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression || !isRequire(sourceCode, target)) return undefined;
  const [arg] = target.arguments;
  return arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

/** The module specifier a callee comes from: `require('x')`, `import X from 'x'`, `const { Y } = require('x')`. */
function rootSpecifier(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.CallExpression:
      return requireSpecifier(sourceCode, target);
    case AST_NODE_TYPES.ImportExpression:
      return target.source.type === AST_NODE_TYPES.Literal && typeof target.source.value === 'string'
        ? target.source.value
        : undefined;
    case AST_NODE_TYPES.AwaitExpression:
      return rootSpecifier(sourceCode, target.argument, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      return rootSpecifier(sourceCode, target.object, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'ImportBinding') {
        const declaration = def.parent;
        if (declaration?.type === AST_NODE_TYPES.ImportDeclaration) return declaration.source.value;
        if (
          def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
          def.node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
        ) {
          const expression = def.node.moduleReference.expression;
          return expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string'
            ? expression.value
            : undefined;
        }
        return undefined;
      }
      if (def?.type === 'Variable' && def.node.init) return rootSpecifier(sourceCode, def.node.init, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The module shape whose default export constructs the client (customerio-node 2.x). */
function defaultShape(sdk: SdkDescriptor, client: string, specifier: string | undefined): ModuleSpec | undefined {
  return sdk.modules.find(
    (module) =>
      module.versions !== undefined &&
      (specifier === undefined || module.specifier === specifier) &&
      module.default !== undefined &&
      constructs(module.default, client),
  );
}

/**
 * The module to use instead of an old shape on the installed major: same SDK, a shape that works
 * there, exporting every name the old one did as the same thing (and `client`, when given).
 */
function replacementModule(
  sdk: SdkDescriptor,
  old: ModuleSpec,
  version: InstalledVersion,
  client?: string,
): ModuleSpec | undefined {
  return sdk.modules.find(
    (module) =>
      module !== old &&
      (module.versions === undefined || majorSatisfies(version.major, module.versions)) &&
      Object.entries(old.exports).every(([name, spec]) => sameExport(module.exports[name], spec)) &&
      (client === undefined || exportNameOf(module, client) !== undefined),
  );
}

function sameExport(a: ExportSpec | undefined, b: ExportSpec): boolean {
  if (!a || a.kind !== b.kind) return false;
  return !('client' in a) || !('client' in b) || a.client === b.client;
}

function constructs(spec: ExportSpec, client: string): boolean {
  return spec.kind === 'construct' && spec.client === client;
}

function exportNameOf(module: ModuleSpec, client: string): string | undefined {
  return Object.entries(module.exports).find(([, spec]) => constructs(spec, client))?.[0];
}

function calleeText(sourceCode: SourceCode, callee: TSESTree.Node): string {
  const text = sourceCode.getText(callee).replace(/\s+/g, ' ');
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? short : `(${short})`;
}

/**
 * `new (require('m'))(…)` → `new (require('m').TrackClient)(…)`; `const CIO = require('m')` or
 * `import CIO from 'm'` with every use a `new CIO(…)` → `const { TrackClient } = require('m')` and
 * `new TrackClient(…)`, when the name is free in the file.
 */
function namedExportFix(
  sourceCode: SourceCode,
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  specifier: string,
  exportName: string,
): TSESLint.ReportFixFunction | undefined {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    if (requireSpecifier(sourceCode, callee) !== specifier) return undefined;
    // `new (require('m'))(…)`: the parentheses are already there, around the callee.
    const text = `${sourceCode.getText(node.callee)}.${exportName}`;
    return (fixer) => fixer.replaceText(node.callee, text);
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  let declaration: TSESTree.Node;
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (
      declarator.id.type !== AST_NODE_TYPES.Identifier ||
      declarator.id.typeAnnotation ||
      !declarator.init ||
      requireSpecifier(sourceCode, declarator.init) !== specifier ||
      unwrap(declarator.init) !== declarator.init
    ) {
      return undefined;
    }
    declaration = declarator.id;
  } else if (def.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    const importDeclaration = def.node.parent;
    if (importDeclaration.specifiers.length !== 1 || importDeclaration.source.value !== specifier) return undefined;
    declaration = def.node;
  } else {
    return undefined;
  }
  const uses: TSESTree.Identifier[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (reference.init) continue;
    const parent = identifier.parent;
    if (
      reference.isWrite() ||
      identifier.type !== AST_NODE_TYPES.Identifier ||
      parent?.type !== AST_NODE_TYPES.NewExpression ||
      parent.callee !== identifier
    ) {
      return undefined;
    }
    uses.push(identifier);
  }
  if (variable.name !== exportName && nameTaken(sourceCode, exportName)) return undefined;
  return (fixer) => [
    fixer.replaceText(declaration, `{ ${exportName} }`),
    ...(variable.name === exportName ? [] : uses.map((use) => fixer.replaceText(use, exportName))),
  ];
}

function nameTaken(sourceCode: SourceCode, name: string): boolean {
  const manager = sourceCode.scopeManager;
  if (!manager) return true;
  if (manager.scopes.some((scope) => scope.set.has(name))) return true;
  return manager.globalScope?.through.some((reference) => reference.identifier.name === name) ?? false;
}
