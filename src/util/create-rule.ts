import type { JSONRuleDefinition } from '@eslint/json';
import { ESLintUtils } from '@typescript-eslint/utils';
import { packageVersion, repositoryUrl } from './package-info.js';

export interface CdpRuleDocs {
  description: string;
  /** The lowest preset that enables the rule; `all` always does. */
  recommended?: 'recommended' | 'strict';
  /** The rule does nothing useful without type information. */
  requiresTypeChecking?: boolean;
}

/** Docs links are pinned to the installed version, so they match the rule that reported. */
const docsUrl = (name: string): string => `${repositoryUrl}/blob/v${packageVersion}/docs/rules/${name}.md`;

const withDocsUrl = ESLintUtils.RuleCreator<CdpRuleDocs>(docsUrl);

/**
 * typescript-eslint's creator, except that the defaults are merged into the configured options
 * once per configuration rather than for every file: the merge starts with a `structuredClone` of
 * the defaults, which across dozens of rules and thousands of files shows up in profiles. Rules
 * treat their options as read-only, so one merged object can serve every file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, CdpRuleDocs>>,
): ReturnType<typeof withDocsUrl<Options, MessageIds>> {
  const rule = withDocsUrl(definition);
  const defaults = (definition.meta.defaultOptions ?? definition.defaultOptions ?? []) as Options;
  let lastConfigured: readonly unknown[] | undefined;
  let lastOptions: Options = defaults;
  return {
    ...rule,
    create(context) {
      // ESLint hands every file a fresh copy of the same configured options (it merges
      // `meta.defaultOptions` in per file), so they are compared by value, not by identity.
      if (lastConfigured === undefined || !sameValue(context.options, lastConfigured)) {
        lastOptions = ESLintUtils.applyDefault(defaults, context.options) as Options;
        lastConfigured = context.options;
      }
      return definition.create(context, lastOptions);
    },
  };
}

/**
 * Deep equality for JSON-like option values. Cheaper than serialising: the copies ESLint makes
 * share their nested arrays and strings with the configuration, so most comparisons end at `===`.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

type JsonRuleDefinition<Options extends unknown[], MessageIds extends string> = JSONRuleDefinition<{
  RuleOptions: Options;
  MessageIds: MessageIds;
  // A mapped copy: an interface has no index signature, which the definition type asks for.
  ExtRuleDocs: { [Key in keyof CdpRuleDocs]: CdpRuleDocs[Key] };
}>;
type JsonRuleMeta<Options extends unknown[], MessageIds extends string> = NonNullable<
  JsonRuleDefinition<Options, MessageIds>['meta']
>;

/** A rule for `@eslint/json`'s languages, with the same docs shape as the JavaScript rules. */
export type CdpJsonRule<Options extends unknown[] = unknown[], MessageIds extends string = string> = JsonRuleDefinition<
  Options,
  MessageIds
> & { meta: JsonRuleMeta<Options, MessageIds> & { docs: CdpRuleDocs & { url: string } } };

/**
 * typescript-eslint's creator types contexts and listeners for ESTree only, so rules for other
 * languages are plain ESLint rules; this gives them the same pinned docs URL.
 */
export function createJsonRule<Options extends unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: {
  name: string;
  meta: Omit<JsonRuleMeta<Options, MessageIds>, 'docs'> & { docs: CdpRuleDocs };
  create: JsonRuleDefinition<Options, MessageIds>['create'];
}): CdpJsonRule<Options, MessageIds> {
  return { meta: { ...meta, docs: { ...meta.docs, url: docsUrl(name) } }, create };
}
