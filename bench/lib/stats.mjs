export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const min = (values) => Math.min(...values);
export const max = (values) => Math.max(...values);

/**
 * One scenario's numbers from its alternating runs. Besides the ratio of medians, each repetition's
 * own cdp/baseline ratio is kept: neighbouring runs share the machine's load, so their ratio is
 * less noisy than either time alone. `timed` is the extra cdp run with per-rule times.
 */
export function summarise(runs, timed, { baseline, cdp, pluginPrefix, heap }) {
  const base = runs.filter((run) => run.config === baseline);
  const plug = runs.filter((run) => run.config === cdp);
  const paired = (key) =>
    base.map((run, i) => (plug[i] ? plug[i][key] / run[key] : Number.NaN)).filter(Number.isFinite);

  const pluginRules = Object.entries(timed.ruleTimes)
    .filter(([name]) => name.startsWith(pluginPrefix))
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms);
  const pluginRuleMs = pluginRules.reduce((sum, rule) => sum + rule.ms, 0);

  return {
    files: base[0]?.files ?? plug[0]?.files ?? 0,
    baseline: describe(base),
    cdp: describe(plug),
    wallRatios: paired('wallMs'),
    wallRatio: median(paired('wallMs')),
    cpuRatios: paired('cpuMs'),
    cpuRatio: median(paired('cpuMs')),
    rssRatio: median(plug.map((run) => run.maxRssKb)) / median(base.map((run) => run.maxRssKb)),
    liveHeap: { baseline: heap[baseline], cdp: heap[cdp] },
    liveHeapRatio: heap[cdp].peakKb / heap[baseline].peakKb,
    pluginRules,
    pluginRuleMs,
    // The plugin's rule time against the rest of the same run: both measured under the same
    // load, so the share holds however busy the machine was.
    ruleShare: pluginRuleMs / (timed.wallMs - pluginRuleMs),
    findings: countPluginMessages(timed.messagesByRule, pluginPrefix),
  };
}

function describe(list) {
  const wall = list.map((run) => run.wallMs);
  return {
    runs: list.length,
    wallMs: median(wall),
    minMs: min(wall),
    maxMs: max(wall),
    filesPerSecond: list[0] ? list[0].files / (median(wall) / 1000) : 0,
    cpuMs: median(list.map((run) => run.cpuMs)),
    maxRssKb: median(list.map((run) => run.maxRssKb)),
  };
}

function countPluginMessages(messagesByRule, prefix) {
  return Object.entries(messagesByRule)
    .filter(([rule]) => rule.startsWith(prefix))
    .reduce((sum, [, count]) => sum + count, 0);
}
