import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, lastTokenWithParens, memberChain, memberName, staticName, unwrap } from '../analysis/ast.js';
import { getSdkAnalysis, type Construction } from '../analysis/sdk-calls.js';
import { followBindings, isTestFile } from '../analysis/values.js';
import type { RegionId, RegionSpec, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'stringRegion'
  | 'ignoredRegionKey'
  | 'missingRegion'
  | 'wrongRegion'
  | 'useRegion'
  | 'addRegion';
type Options = [{ requireExplicit: boolean }];
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

const REGION_NAMES: Readonly<Record<RegionId, string>> = { US: 'US', EU: 'EU' };

/** What a region option's value is, as far as the file shows. */
interface Classified {
  /** Certainly a string at run time (when set): a literal, a constant, an environment variable. */
  string: boolean;
  /** The region it names, when every value it can have names the same one. */
  region?: RegionId;
}

/** The host part of a URL-ish string: `https://cdp-eu.customer.io/v1` → `cdp-eu.customer.io`. */
function hostOf(value: string): string {
  return value.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/:?#]/)[0];
}

/** `'eu'`, `'EU'`, `'RegionEU'`, `'europe'`, or one of the SDK's EU hosts. */
function regionOfString(value: string, sdk: SdkDescriptor): RegionId | undefined {
  const word = value.trim().toLowerCase().replace(/^regions?[._-]?/, '');
  if (word === 'eu' || word === 'europe') return 'EU';
  if (word === 'us' || word === 'usa') return 'US';
  const host = hostOf(value);
  for (const id of ['US', 'EU'] as const) {
    if (sdk.hosts[id].includes(host)) return id;
  }
  return undefined;
}

/** The region an SDK export stands for: `RegionEU` is the EU. */
function regionOfExport(sdk: SdkDescriptor, name: string): RegionId | undefined {
  for (const client of sdk.clients) {
    const spec = client.region;
    if (spec?.by !== 'export') continue;
    for (const id of ['US', 'EU'] as const) if (spec.values[id] === name) return id;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'require-region',
  meta: {
    type: 'problem',
    docs: {
      description: 'require Customer.io clients to be built for the workspace’s data-center region, with a valid region value',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      stringRegion:
        '`{{key}}` is given {{value}}, a string, but {{client}} takes only the exported region objects (`{{us}}`, `{{eu}}`) and throws on anything else when it is built, so the app crashes where the client is created. {{hint}}',
      ignoredRegionKey:
        '{{client}} has no `{{ignored}}` option: it is silently ignored, so every event goes to the default {{default}} host. {{hint}}',
      missingRegion:
        '{{client}} is built without `{{key}}`, so it uses the {{default}} data center{{why}}. Pass `{{key}}: {{value}}` explicitly.',
      wrongRegion:
        '{{client}} is set to the {{actual}} region ({{value}}), but `settings.cdp.region` says this workspace is in the {{expected}}: requests are redirected or rejected with 401, and the data is stored outside the workspace’s region. Use {{fix}}.',
      useRegion: 'Use `{{value}}`.',
      addRegion: 'Pass `{{key}}: {{value}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireExplicit: {
            type: 'boolean',
            description:
              'Report every Customer.io client built without an explicit region, even when `settings.cdp.region` is not set.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireExplicit: false }],
  },
  defaultOptions: [{ requireExplicit: false }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const configured = analysis.settings.region;
    const requireExplicit = configured !== undefined || options.requireExplicit;

    /** Is the value certainly a string, and which region does it name? Follows local constants. */
    function classifyString(node: TSESTree.Node, sdk: SdkDescriptor, depth = 0): Classified | undefined {
      if (depth > 8) return undefined;
      const target = unwrap(node);
      switch (target.type) {
        case AST_NODE_TYPES.Literal:
          if (typeof target.value !== 'string') return undefined;
          return { string: true, region: regionOfString(target.value, sdk) };
        case AST_NODE_TYPES.TemplateLiteral:
          return {
            string: true,
            region: target.expressions.length === 0 ? regionOfString(target.quasis[0].value.cooked ?? '', sdk) : undefined,
          };
        case AST_NODE_TYPES.Identifier: {
          const value = followBindings(sourceCode, target);
          return value === target ? undefined : classifyString(value, sdk, depth + 1);
        }
        case AST_NODE_TYPES.ConditionalExpression: {
          const a = classifyString(target.consequent, sdk, depth + 1);
          const b = classifyString(target.alternate, sdk, depth + 1);
          if (!a || !b) return undefined;
          return { string: true, region: a.region === b.region ? a.region : undefined };
        }
        case AST_NODE_TYPES.LogicalExpression: {
          if (target.operator === '&&') return undefined;
          const right = classifyString(target.right, sdk, depth + 1);
          const left = classifyString(target.left, sdk, depth + 1);
          if (!right || (!left && !isEnvRead(target.left))) return undefined;
          return { string: true };
        }
        case AST_NODE_TYPES.MemberExpression:
          // An environment variable is a string whenever it is set.
          return isEnvRead(target) ? { string: true } : undefined;
        default:
          return undefined;
      }
    }

    /** `process.env.X`, `process.env['X']` */
    function isEnvRead(node: TSESTree.Node): boolean {
      const target = unwrap(node);
      if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
      const chain = memberChain(target.object);
      return chain?.length === 2 && chain[0] === 'process' && chain[1] === 'env' && memberName(target) !== undefined;
    }

    /** The region a value names through an SDK export (`RegionEU`, `sdk.RegionEU`, a local alias of one). */
    function regionOfValue(node: TSESTree.Node): RegionId | undefined {
      const target = followBindings(sourceCode, node);
      if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const exported = analysis.exportOf(target);
      return exported && regionOfExport(exported.sdk, exported.name);
    }

    function show(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
    }

    // ---- Region references and the imports they need -------------------------------------------

    const program = sourceCode.ast;

    /** The module that exports a region object, in the construction's major version. */
    function regionModule(construction: Construction, name: string): string | undefined {
      return construction.sdk.modules.find(
        (module) => (module.versions === '<3') === construction.legacy && name in module.exports,
      )?.specifier;
    }

    /** `require('x')`, `require('x').Member`; of `specifier` when it is given. */
    function isRequireOf(node: TSESTree.Node | null | undefined, specifier?: string): boolean {
      let target = node && unwrap(node);
      if (specifier === undefined && target?.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
      return (
        target?.type === AST_NODE_TYPES.CallExpression &&
        target.callee.type === AST_NODE_TYPES.Identifier &&
        target.callee.name === 'require' &&
        target.arguments[0]?.type === AST_NODE_TYPES.Literal &&
        (specifier === undefined || target.arguments[0].value === specifier)
      );
    }

    /** The name `name` means the same at `at` as at module scope (nothing shadows it). */
    function visibleAsModuleBinding(name: string, at: TSESTree.Node, variable: unknown): boolean {
      return ASTUtils.findVariable(sourceCode.getScope(at), name) === variable;
    }

    /**
     * How to write the region object `name` at `at`: as a member of the namespace the client class
     * came from, through an existing import, or through an import added in the file's module style.
     */
    function regionReference(
      construction: Construction,
      name: string,
      at: TSESTree.Node,
    ): { text: string; fix?: (fixer: Fixer) => Fix } | undefined {
      const specifier = regionModule(construction, name);
      if (!specifier) return undefined;
      // `new sdk.TrackClient(...)`: `sdk.RegionEU`.
      const callee = unwrap(construction.node.callee);
      if (!construction.legacy && callee.type === AST_NODE_TYPES.MemberExpression) {
        const chain = memberChain(callee.object);
        if (chain && chain[0] !== 'this') {
          const reference = `${chain.join('.')}.${name}`;
          const head = ASTUtils.findVariable(sourceCode.getScope(callee), chain[0]);
          if (head && visibleAsModuleBinding(chain[0], at, head)) return { text: reference };
        }
      }
      let namedImport: TSESTree.ImportDeclaration | undefined;
      let destructured: TSESTree.ObjectPattern | undefined;
      let lastImport: TSESTree.ImportDeclaration | undefined;
      let lastRequire: TSESTree.Statement | undefined;
      for (const statement of program.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
          lastImport = statement;
          if (statement.source.value !== specifier || statement.importKind === 'type') continue;
          for (const item of statement.specifiers) {
            if (item.type === AST_NODE_TYPES.ImportSpecifier && item.importKind !== 'type' && staticName(item.imported, false) === name) {
              const variable = sourceCode.getDeclaredVariables(item)[0];
              if (variable && visibleAsModuleBinding(item.local.name, at, variable)) return { text: item.local.name };
            }
            if (item.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
              const variable = sourceCode.getDeclaredVariables(item)[0];
              if (variable && visibleAsModuleBinding(item.local.name, at, variable)) return { text: `${item.local.name}.${name}` };
            }
          }
          if (statement.specifiers.some((item) => item.type === AST_NODE_TYPES.ImportSpecifier)) namedImport ??= statement;
        } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            if (isRequireOf(declarator.init)) lastRequire = statement;
            if (!isRequireOf(declarator.init, specifier)) continue;
            if (declarator.id.type === AST_NODE_TYPES.Identifier) {
              const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === (declarator.id as TSESTree.Identifier).name);
              if (variable && visibleAsModuleBinding(variable.name, at, variable)) return { text: `${variable.name}.${name}` };
            } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
              for (const property of declarator.id.properties) {
                if (
                  property.type === AST_NODE_TYPES.Property &&
                  staticName(property.key, property.computed) === name &&
                  property.value.type === AST_NODE_TYPES.Identifier
                ) {
                  const local = property.value.name;
                  const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === local);
                  if (variable && visibleAsModuleBinding(local, at, variable)) return { text: local };
                }
              }
              if (!declarator.id.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)) {
                destructured ??= declarator.id;
              }
            }
          }
        }
      }
      // A new binding: the name must be free where it is used and at module scope.
      if (ASTUtils.findVariable(sourceCode.getScope(at), name)) return undefined;
      const globalScope = sourceCode.scopeManager?.globalScope;
      if (globalScope?.set.has(name) || globalScope?.childScopes.some((scope) => scope.set.has(name))) return undefined;
      if (namedImport) {
        const specifiers = namedImport.specifiers.filter((item) => item.type === AST_NODE_TYPES.ImportSpecifier);
        const last = specifiers[specifiers.length - 1];
        return { text: name, fix: (fixer) => fixer.insertTextAfter(last, `, ${name}`) };
      }
      if (destructured) {
        const last = destructured.properties[destructured.properties.length - 1];
        return last
          ? { text: name, fix: (fixer) => fixer.insertTextAfter(last, `, ${name}`) }
          : { text: name, fix: (fixer) => fixer.replaceText(destructured, `{ ${name} }`) };
      }
      if (lastImport) {
        const anchor = lastImport;
        return { text: name, fix: (fixer) => fixer.insertTextAfter(anchor, `\nimport { ${name} } from '${specifier}';`) };
      }
      if (lastRequire) {
        const anchor = lastRequire;
        return {
          text: name,
          fix: (fixer) => fixer.insertTextAfter(anchor, `\nconst { ${name} } = require('${specifier}');`),
        };
      }
      return undefined;
    }

    /** How to write region `id` for a client: a region object reference, or a host string. */
    function regionValue(
      construction: Construction,
      spec: RegionSpec,
      id: RegionId,
      at: TSESTree.Node,
      quote = "'",
    ): { text: string; fix?: (fixer: Fixer) => Fix } | undefined {
      if (spec.by === 'host') return { text: `${quote}${spec.values[id]}${quote}` };
      return regionReference(construction, spec.values[id], at);
    }

    /** Replaces a property's value (a whole shorthand property) and adds what the value needs. */
    function replaceValue(
      property: TSESTree.Property,
      key: string,
      value: { text: string; fix?: (fixer: Fixer) => Fix },
    ): (fixer: Fixer) => Fix[] {
      return (fixer) => {
        const fixes = [
          property.shorthand
            ? fixer.replaceText(property, `${key}: ${value.text}`)
            : fixer.replaceText(property.value, value.text),
        ];
        if (value.fix) fixes.push(value.fix(fixer));
        return fixes;
      };
    }

    const quoteOf = (node: TSESTree.Node): string => {
      const target = unwrap(node);
      return target.type === AST_NODE_TYPES.Literal && target.raw.startsWith('"') ? '"' : "'";
    };

    // ---- The checks ------------------------------------------------------------------------------

    /**
     * A region value that cannot work: a string where region objects go (it throws), or a region key
     * the client ignores. Fixed when the string says which region it means and nothing contradicts it.
     */
    function reportUnusable(
      construction: Construction,
      spec: RegionSpec,
      key: string,
      property: TSESTree.Property,
      classified: { string: boolean; region?: RegionId },
      ignoredKey?: string,
    ): void {
      const client = construction.client.name;
      const at = property.value;
      const intended = classified.region;
      const quote = quoteOf(property.value);
      const target = (id: RegionId): { text: string; fix?: (fixer: Fixer) => Fix } | undefined =>
        regionValue(construction, spec, id, at, quote);
      const rewrite = (id: RegionId) => {
        const value = target(id);
        if (!value) return undefined;
        if (ignoredKey === undefined) return { value, fix: replaceValue(property, key, value) };
        return { value, fix: (fixer: Fixer) => [fixer.replaceText(property, `${key}: ${value.text}`)] };
      };
      const auto = intended && (configured === undefined || configured === intended) ? rewrite(intended) : undefined;
      const suggestions = (auto ? [] : configured ? [configured] : intended ? [] : (['US', 'EU'] as const))
        .map((id) => rewrite(id))
        .filter((item) => item !== undefined);
      const hintRegion = auto ? intended : configured;
      const hintValue = hintRegion ? target(hintRegion)?.text ?? spec.values[hintRegion] : undefined;
      const hint = hintValue
        ? `Use \`${ignoredKey === undefined ? hintValue : `${key}: ${hintValue}`}\`.`
        : spec.by === 'host'
          ? `Set \`${key}\` to your region’s URL instead (EU: '${spec.values.EU}').`
          : `Import \`${spec.values.US}\` or \`${spec.values.EU}\` and pass that.`;
      context.report({
        node: property,
        messageId: ignoredKey === undefined ? 'stringRegion' : 'ignoredRegionKey',
        data: {
          key,
          ignored: ignoredKey ?? key,
          value: show(property.value),
          client,
          us: spec.values.US,
          eu: spec.values.EU,
          default: REGION_NAMES[spec.default],
          hint,
        },
        fix: auto?.fix,
        suggest: suggestions.map((item) => ({
          messageId: 'useRegion' as const,
          data: { value: ignoredKey === undefined ? item.value.text : `${key}: ${item.value.text}` },
          fix: item.fix,
        })),
      });
    }

    function reportWrong(
      construction: Construction,
      spec: RegionSpec,
      key: string,
      property: TSESTree.Property | undefined,
      valueNode: TSESTree.Node,
      actual: RegionId,
      expected: RegionId,
    ): void {
      const value = property ? regionValue(construction, spec, expected, valueNode, quoteOf(valueNode)) : undefined;
      context.report({
        node: valueNode,
        messageId: 'wrongRegion',
        data: {
          client: construction.client.name,
          actual: REGION_NAMES[actual],
          expected: REGION_NAMES[expected],
          value: show(valueNode),
          fix: value ? `\`${key}: ${value.text}\`` : `the ${REGION_NAMES[expected]} host`,
        },
        suggest:
          property && value
            ? [{ messageId: 'useRegion', data: { value: value.text }, fix: replaceValue(property, key, value) }]
            : [],
      });
    }

    function reportMissing(
      construction: Construction,
      spec: RegionSpec,
      key: string,
      object: TSESTree.ObjectExpression | undefined,
      index: number,
    ): void {
      const args = construction.node.arguments;
      const ids: readonly RegionId[] = configured ? [configured] : ['US', 'EU'];
      const anchor = object ?? construction.node;
      const why =
        configured === 'EU'
          ? ', but `settings.cdp.region` says this workspace is in the EU: requests are redirected or rejected with 401, and personal data is sent to the US'
          : configured === 'US'
            ? ': `settings.cdp.region` asks every client to name its region, so that none is left behind if the workspace moves'
            : ': an EU workspace gets redirects or 401s and its data leaves the EU, so say which region this workspace is in';
      const suggest = ids.flatMap((id) => {
        const value = regionValue(construction, spec, id, anchor);
        if (!value) return [];
        const entry = `${key}: ${value.text}`;
        const insert = (fixer: Fixer): Fix | undefined => {
          if (object) {
            const last = object.properties[object.properties.length - 1];
            if (!last) return fixer.replaceText(object, `{ ${entry} }`);
            const multiline = last.loc.start.line > object.loc.start.line;
            const indent = ' '.repeat(last.loc.start.column);
            return fixer.insertTextAfter(last, multiline ? `,\n${indent}${entry}` : `, ${entry}`);
          }
          if (args.length !== index) return undefined;
          const lastArg = args[args.length - 1];
          return lastArg ? fixer.insertTextAfter(lastTokenWithParens(sourceCode, lastArg), `, { ${entry} }`) : undefined;
        };
        if (!object && args.length !== index) return [];
        return [
          {
            messageId: 'addRegion' as const,
            data: { key, value: value.text },
            fix: (fixer: Fixer) => [insert(fixer), value.fix?.(fixer)].filter((fix): fix is Fix => fix !== undefined),
          },
        ];
      });
      context.report({
        node: construction.node,
        messageId: 'missingRegion',
        data: {
          client: construction.client.name,
          key,
          default: REGION_NAMES[spec.default],
          why,
          value: ids.map((id) => (spec.by === 'host' ? `'${spec.values[id]}'` : spec.values[id])).join(' or '),
        },
        suggest,
      });
    }

    /** The options object a construction passes, if the file shows it whole. */
    function optionsObject(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
      const target = followBindings(sourceCode, node);
      return target.type === AST_NODE_TYPES.ObjectExpression ? target : undefined;
    }

    /** Every key is known: no spreads and no computed keys that could hide the region. */
    function closed(object: TSESTree.ObjectExpression): boolean {
      return object.properties.every(
        (property) => property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) !== undefined,
      );
    }

    function check(construction: Construction): void {
      const spec = construction.client.region;
      const field = construction.client.ctorFields.find((item) => item.role === 'region');
      if (!spec || !field?.at.path || field.at.path.length !== 1) return;
      const key = field.at.path[0];
      const index = field.at.index;
      const args = construction.node.arguments;
      if (args.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return;
      const arg = args[index] as TSESTree.Expression | undefined;
      const object = arg && optionsObject(arg);
      if (arg && !object) return; // options the file does not show: unknown

      const property = object && findProperty(object, key);
      if (property) {
        const value = property.value;
        if (spec.by === 'export') {
          const asString = classifyString(value, construction.sdk);
          if (asString) {
            // An empty string is falsy: the SDK ignores it and uses the default.
            const literal = unwrap(value);
            if (literal.type === AST_NODE_TYPES.Literal && literal.value === '') return;
            reportUnusable(construction, spec, key, property, asString);
            return;
          }
          const region = regionOfValue(value);
          if (region && configured && region !== configured) {
            reportWrong(construction, spec, key, property, value, region, configured);
          }
          return;
        }
        // A host URL: only a known host of the other region contradicts the setting.
        const asString = classifyString(value, construction.sdk);
        const region = asString?.region;
        if (region && configured && region !== configured) {
          reportWrong(construction, spec, key, property, value, region, configured);
        }
        return;
      }

      // `region: 'eu'` on a client that takes a host: ignored.
      for (const ignored of spec.ignoredKeys ?? []) {
        const misplaced = object && findProperty(object, ignored);
        if (!misplaced || !object || !closed(object)) continue;
        const asString = classifyString(misplaced.value, construction.sdk);
        const region = asString?.region ?? regionOfValue(misplaced.value);
        reportUnusable(construction, spec, key, misplaced, { string: true, region }, ignored);
        return;
      }

      // A custom URL replaces the region's hosts: a proxy or a mock server is explicit enough.
      for (const override of spec.overrides ?? []) {
        const given = object && findProperty(object, override);
        if (!given) continue;
        const region = classifyString(given.value, construction.sdk)?.region;
        if (region && configured && region !== configured) {
          reportWrong(construction, spec, override, undefined, given.value, region, configured);
        }
        return;
      }

      if (!requireExplicit || isTestFile(context.filename)) return;
      if (object && !closed(object)) return;
      if (!object && args.length < index) return; // earlier arguments missing: another problem
      reportMissing(construction, spec, key, object, index);
    }

    return {
      Program() {
        for (const construction of analysis.constructions) {
          if (construction.client.kind === 'client' && construction.client.region) check(construction);
        }
      },
    };
  },
});
