import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { installedVersion, majorSatisfies } from '../analysis/installed-version.js';
import { getSdkAnalysis, type Construction, type ResolvedField, type SdkCall } from '../analysis/sdk-calls.js';
import { followBindings } from '../analysis/values.js';
import type { ExportSpec, SdkDescriptor } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'plainObject' | 'wrongRequest' | 'wrapInRequest';
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = TSESLint.RuleFix;

/** How the file can name the request class at the call, and the edit that makes it so. */
interface ClassAccess {
  text: string;
  /** The import to add, when the file does not name the class yet. */
  addImport?: (fixer: TSESLint.RuleFixer) => Fix;
}

export default createRule<[], MessageIds>({
  name: 'valid-send-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'require transactional send methods to be given their request class, not a plain object',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      plainObject:
        '`{{method}}` needs a `{{className}}`, but this passes a plain object: the SDK checks `instanceof` and throws before sending, so the message never goes out and a `.catch` on the call never runs. Wrap the object: `new {{className}}({ … })`.',
      wrongRequest:
        '`{{method}}` needs a `{{className}}`, but this passes a `{{given}}`: the SDK checks `instanceof` and throws before sending. Build a `{{className}}` for this method.',
      wrapInRequest: 'Wrap the object in `new {{className}}(…)`{{importNote}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;

    return {
      Program() {
        const checked = analysis.calls.filter((call) => call.method.requiresInstanceOf);
        if (checked.length === 0) return;
        const constructionOf = new Map<TSESTree.Node, Construction>(analysis.constructions.map((c) => [c.node, c]));
        const reported = new Set<TSESTree.Node>();
        for (const call of checked) {
          const required = call.method.requiresInstanceOf!;
          const field = call.fields.find((f) => f.spec.at.index === required.index && !f.spec.at.path);
          if (!field || reported.has(field.node)) continue;
          const value = followBindings(sourceCode, field.node);
          const data = { method: call.method.name, className: required.client };
          if (value.type === AST_NODE_TYPES.ObjectExpression) {
            reported.add(field.node);
            const access = classAccess(call, required.client, field.node);
            context.report({
              node: field.node,
              messageId: 'plainObject',
              data,
              suggest: access
                ? [
                    {
                      messageId: 'wrapInRequest',
                      data: {
                        className: required.client,
                        importNote: access.addImport ? ` and import \`${required.client}\`` : '',
                      },
                      fix: (fixer) => wrap(fixer, field, access),
                    },
                  ]
                : [],
            });
            continue;
          }
          const construction = constructionOf.get(value);
          if (
            construction &&
            construction.sdk === call.sdk &&
            construction.client.kind === 'request' &&
            construction.client.name !== required.client
          ) {
            reported.add(field.node);
            context.report({
              node: field.node,
              messageId: 'wrongRequest',
              data: { method: call.method.name, className: required.client, given: construction.client.name },
            });
          }
        }
      },
    };

    function wrap(fixer: TSESLint.RuleFixer, field: ResolvedField, access: ClassAccess): Fix[] {
      const fixes = [fixer.replaceText(field.node, `new ${access.text}(${sourceCode.getText(field.node)})`)];
      if (access.addImport) fixes.push(access.addImport(fixer));
      return fixes;
    }

    /**
     * The request class as the call can name it: an existing import or `require` of it, a namespace
     * or module object (`cio.SendEmailRequest`), a name added to an existing import or destructuring,
     * or a new import in the file's style. Undefined when the name would clash.
     */
    function classAccess(call: SdkCall, className: string, at: TSESTree.Node): ClassAccess | undefined {
      const modules = exportingModules(call.sdk, className, context);
      if (modules.length === 0) return undefined;
      const program = sourceCode.ast;
      const specifiers = new Map(modules.map((m) => [m.specifier, m]));
      const visible = (name: string): boolean => {
        const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
        return !!variable;
      };
      const sameBinding = (name: string, declared: TSESTree.Node): boolean => {
        const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
        return !!variable && variable.defs.some((def) => def.name === declared || def.node === declared);
      };

      let namedImport: TSESTree.ImportDeclaration | undefined;
      let destructured: TSESTree.ObjectPattern | undefined;
      let lastImport: TSESTree.ImportDeclaration | undefined;
      let lastRequire: TSESTree.Statement | undefined;
      for (const statement of program.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
          lastImport = statement;
          const found = specifiers.get(statement.source.value);
          if (!found || statement.importKind === 'type') continue;
          for (const specifier of statement.specifiers) {
            const local = specifier.local.name;
            if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
              if (specifier.importKind !== 'type' && staticName(specifier.imported, false) === found.exportName) {
                if (sameBinding(local, specifier)) return { text: local };
              }
            } else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || !found.hasDefault) {
              // `import * as cio` or the CommonJS exports object as a default import.
              if (sameBinding(local, specifier)) return { text: `${local}.${found.exportName}` };
            }
          }
          if (statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier)) namedImport ??= statement;
          continue;
        }
        if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const declarator of statement.declarations) {
          const specifier = requiredSpecifier(sourceCode, declarator.init);
          if (specifier === undefined) continue;
          lastRequire = statement;
          const found = specifiers.get(specifier);
          if (!found) continue;
          if (declarator.id.type === AST_NODE_TYPES.Identifier && !found.hasDefault) {
            if (sameBinding(declarator.id.name, declarator)) return { text: `${declarator.id.name}.${found.exportName}` };
          } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
            for (const property of declarator.id.properties) {
              if (
                property.type === AST_NODE_TYPES.Property &&
                staticName(property.key, property.computed) === found.exportName &&
                property.value.type === AST_NODE_TYPES.Identifier &&
                sameBinding(property.value.name, declarator)
              ) {
                return { text: property.value.name };
              }
            }
            if (!declarator.id.properties.some((p) => p.type === AST_NODE_TYPES.RestElement)) destructured ??= declarator.id;
          }
        }
      }

      // A new name: it must not mean anything else anywhere in the file.
      if (visible(className) || nameUsedAnywhere(sourceCode, className)) return undefined;
      const preferred = modules[0];
      if (namedImport) {
        const last = namedImport.specifiers.at(-1)!;
        return { text: className, addImport: (fixer) => fixer.insertTextAfter(last, `, ${className}`) };
      }
      if (destructured) {
        const pattern = destructured;
        const last = pattern.properties.at(-1);
        return {
          text: className,
          addImport: (fixer) =>
            last ? fixer.insertTextAfter(last, `, ${className}`) : fixer.replaceText(pattern, `{ ${className} }`),
        };
      }
      const usesRequire = !lastImport && (lastRequire !== undefined || program.sourceType !== 'module');
      const quote = quoteStyle(sourceCode);
      const source = `${quote}${preferred.specifier}${quote}`;
      if (usesRequire) {
        const line = `const { ${className} } = require(${source});`;
        return {
          text: className,
          addImport: (fixer) =>
            lastRequire ? fixer.insertTextAfter(lastRequire, `\n${line}`) : insertAtTop(fixer, sourceCode, line),
        };
      }
      const line = `import { ${className} } from ${source};`;
      return {
        text: className,
        addImport: (fixer) => (lastImport ? fixer.insertTextAfter(lastImport, `\n${line}`) : insertAtTop(fixer, sourceCode, line)),
      };
    }
  },
});

interface ExportingModule {
  specifier: string;
  exportName: string;
  /** `import X from` / `require()` gives something other than the exports object. */
  hasDefault: boolean;
}

/**
 * The modules of the SDK that export the class under some name, for the installed major (unknown
 * means current), in model order.
 */
function exportingModules(
  sdk: SdkDescriptor,
  className: string,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ExportingModule[] {
  let major: number | undefined;
  let known = false;
  const result: ExportingModule[] = [];
  for (const module of sdk.modules) {
    const entry = Object.entries(module.exports).find(([, spec]) => constructs(spec, className));
    if (!entry) continue;
    if (module.versions) {
      if (!known) {
        major = installedVersion(sdk.id, context.physicalFilename, context.cwd).major;
        known = true;
      }
      if (!majorSatisfies(major, module.versions)) continue;
    }
    result.push({ specifier: module.specifier, exportName: entry[0], hasDefault: module.default !== undefined });
  }
  return result;
}

function constructs(spec: ExportSpec, className: string): boolean {
  return spec.kind === 'construct' && spec.client === className;
}

/** `require('x')` (the global `require`, one string argument): its specifier. */
function requiredSpecifier(sourceCode: SourceCode, init: TSESTree.Expression | null): string | undefined {
  if (!init) return undefined;
  const call = unwrap(init);
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require' ||
    call.arguments.length !== 1
  ) {
    return undefined;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(call.callee), call.callee);
  if (variable && variable.defs.length > 0) return undefined;
  const [arg] = call.arguments;
  return arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

/** Any declaration or global use of the name anywhere in the file. */
function nameUsedAnywhere(sourceCode: SourceCode, name: string): boolean {
  const manager = sourceCode.scopeManager;
  if (!manager) return true;
  if (manager.scopes.some((scope) => scope.set.has(name))) return true;
  return manager.globalScope?.through.some((reference) => reference.identifier.name === name) ?? false;
}

/** The quote the file's first string literal uses; single quotes when there is none. */
function quoteStyle(sourceCode: SourceCode): string {
  const token = sourceCode.ast.tokens?.find((t) => t.type === 'String');
  return token?.value.startsWith('"') ? '"' : "'";
}

/** Before the first statement, after any directive prologue (`'use strict'`, `'use server'`). */
function insertAtTop(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, line: string): Fix {
  const body = sourceCode.ast.body;
  let lastDirective: TSESTree.Node | undefined;
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) lastDirective = statement;
    else break;
  }
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${line}`);
  const first = body[0];
  return first ? fixer.insertTextBefore(first, `${line}\n`) : fixer.insertTextAfterRange([0, 0], `${line}\n`);
}
