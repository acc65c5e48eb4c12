/** ANSI styles, or identity functions when colour is off. */
export interface Palette {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
  cyan: (text: string) => string;
  underline: (text: string) => string;
}

const style =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export function palette(enabled: boolean): Palette {
  return {
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    yellow: style(enabled, 33, 39),
    green: style(enabled, 32, 39),
    cyan: style(enabled, 36, 39),
    underline: style(enabled, 4, 24),
  };
}

/**
 * Colour follows the usual conventions: `--color` / `--no-color` win, then `NO_COLOR` and
 * `FORCE_COLOR`, then whether the output is a terminal. Output written to a file has none.
 */
export function wantsColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean | undefined,
  toFile: boolean,
): boolean {
  if (toFile) return false;
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/** Removes ANSI styles (for measuring widths). */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+m/g, '');
}
