import { createHash } from 'node:crypto';
import path from 'node:path';
import { oneLine, type Report, type RuleInfo } from '../types.js';

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool's rules with their
 * descriptions and docs links, one result per finding with its location relative to the
 * repository root (`%SRCROOT%`). Parse errors are tool notifications, not results.
 */

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration: { level: Level; enabled?: boolean };
  properties: { tags: string[]; precision?: string };
}

const levelOf = (severity: number | undefined): Level => (severity === 2 ? 'error' : 'warning');

/** `valid-timestamps` → `ValidTimestamps`: the rule's name in SARIF's PascalCase convention. */
const pascal = (id: string): string =>
  (id.split('/').pop() ?? id)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/** A path relative to the repository root, as a URI reference with `/` separators. */
export function sarifUri(filePath: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, filePath).split(path.sep).join('/');
  return encodeURI(relative).replace(/[?#]/g, encodeURIComponent);
}

function sarifRule(info: RuleInfo, pluginNamespace: string): SarifRule {
  const description = info.description ? `${info.description[0].toUpperCase()}${info.description.slice(1)}.` : info.id;
  const rule: SarifRule = {
    id: info.id,
    name: pascal(info.id),
    shortDescription: { text: description },
    fullDescription: { text: description },
    defaultConfiguration: { level: info.level ?? 'warning' },
    properties: {
      tags: info.id.startsWith(`${pluginNamespace}/`) ? ['customer-data', 'correctness'] : ['eslint'],
      precision: 'high',
    },
  };
  if (info.url) {
    rule.helpUri = info.url;
    rule.help = { text: `${description} See ${info.url}`, markdown: `${description} [Documentation](${info.url})` };
  }
  return rule;
}

/** A fingerprint that survives lines moving: the rule, the file, the text of the line and which occurrence it is. */
function fingerprint(ruleId: string, uri: string, lineText: string, occurrence: number): string {
  return createHash('sha256')
    .update(`${ruleId}\0${uri}\0${lineText.trim()}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}

export function formatSarif(report: Report, readLines: (file: string) => string[] | undefined): string {
  const namespace = report.tool.namespace;
  const ruleIds = [...report.rules.keys()].sort();
  // Rules that reported but are unknown to the report (a project's rule without metadata).
  for (const result of report.results) {
    for (const message of result.messages) {
      if (message.ruleId && !report.rules.has(message.ruleId) && !ruleIds.includes(message.ruleId)) ruleIds.push(message.ruleId);
    }
  }
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) =>
    sarifRule(report.rules.get(id) ?? { id, fixable: false, hasSuggestions: false }, namespace),
  );

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of report.results) {
    const uri = sarifUri(result.filePath, report.repoRoot);
    const lines = result.messages.length > 0 ? readLines(result.filePath) : undefined;
    const seen = new Map<string, number>();
    for (const message of result.messages) {
      const region: Record<string, number> = {};
      if (message.line > 0) {
        region.startLine = message.line;
        region.startColumn = Math.max(1, message.column);
        if (message.endLine !== undefined && message.endColumn !== undefined) {
          region.endLine = message.endLine;
          region.endColumn = message.endColumn;
        }
      }
      const location = {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          ...(region.startLine ? { region } : {}),
        },
      };
      if (!message.ruleId) {
        notifications.push({
          level: message.fatal || message.severity === 2 ? 'error' : 'warning',
          message: { text: oneLine(message.message) },
          locations: [location],
          descriptor: { id: message.fatal ? 'parse-error' : 'eslint' },
        });
        continue;
      }
      const lineText = lines?.[message.line - 1] ?? '';
      const key = `${message.ruleId}\0${lineText.trim()}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      results.push({
        ruleId: message.ruleId,
        ruleIndex: index.get(message.ruleId),
        level: levelOf(message.severity),
        message: { text: oneLine(message.message) },
        locations: [location],
        partialFingerprints: { 'cdpLineHash/v1': fingerprint(message.ruleId, uri, lineText, occurrence) },
      });
    }
  }

  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
