import { maskInText, maskSecret } from '../analysis/credentials.js';

/**
 * Masks a diff line. Besides what the rules mask, a run of hexadecimal as long as a key is masked
 * even with no letter or no digit in it (`12345678901234567890` is as valid a key as any).
 */
const maskLine = (text: string): string =>
  maskInText(text).replace(/(?<![\w$])[0-9a-fA-F]{16,}(?![\w$])/g, (run) => maskSecret(run).slice(1, -1));

type Edit = { kind: ' ' | '-' | '+'; text: string };

/** The line edits from `before` to `after`: common head and tail, and an LCS of the middle. */
function lineEdits(before: string[], after: string[]): Edit[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);

  const edits: Edit[] = before.slice(0, head).map((text) => ({ kind: ' ', text }));
  if (a.length * b.length > 4_000_000) {
    // Too large to align line by line: show the changed block as a whole.
    edits.push(...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text })));
  } else {
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        edits.push({ kind: ' ', text: a[i] });
        i++;
        j++;
      } else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
        // Removed lines before added ones, as diff prints them.
        edits.push({ kind: '-', text: a[i] });
        i++;
      } else {
        edits.push({ kind: '+', text: b[j] });
        j++;
      }
    }
  }
  edits.push(...before.slice(before.length - tail).map((text) => ({ kind: ' ' as const, text })));
  return edits;
}

/**
 * A unified diff of one file's fixes (`--fix-dry-run`), with three lines of context. Long
 * letter-and-digit runs are masked as in the rules' messages, so a key written next to a fixed
 * line is not printed whole.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const lines = (text: string): string[] => {
    const split = text.split('\n');
    // The newline that ends the last line does not start another.
    if (split.at(-1) === '') split.pop();
    return split;
  };
  const edits = lineEdits(lines(before), lines(after));
  const changed = edits.map((edit, index) => (edit.kind === ' ' ? -1 : index)).filter((index) => index >= 0);

  // Group changed lines whose context overlaps into hunks.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length - 1, index + context);
    const last = hunks.at(-1);
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }

  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const [start, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (let k = 0; k < start; k++) {
      if (edits[k].kind !== '+') oldLine++;
      if (edits[k].kind !== '-') newLine++;
    }
    const slice = edits.slice(start, end + 1);
    const oldCount = slice.filter((edit) => edit.kind !== '+').length;
    const newCount = slice.filter((edit) => edit.kind !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`);
    for (const edit of slice) out.push(`${edit.kind}${maskLine(edit.text)}`);
  }
  return out.join('\n');
}
