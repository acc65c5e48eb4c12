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
export const createRule = ESLintUtils.RuleCreator<CdpRuleDocs>(
  (name) => `${repositoryUrl}/blob/v${packageVersion}/docs/rules/${name}.md`,
);
