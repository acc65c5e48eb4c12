import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../analysis/settings.js';
import { UsageError } from './errors.js';

/** Looked for in the current folder when `--settings` is not given, in this order. */
export const SETTINGS_FILES = ['cdp.settings.js', 'cdp.settings.mjs', 'cdp.settings.cjs', 'cdp.settings.json'];

export interface LoadedSettings {
  /** The file they came from, absolute. */
  file: string;
  /** The value of `settings.cdp`. */
  cdp: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of `settings.cdp` itself; an object with none of them but a `cdp` key is `settings`. */
const CDP_KEYS = ['clients', 'wrappers', 'region', 'events'];

/**
 * `settings.cdp` from a file: a JSON object, or a JavaScript module whose default export (or
 * `cdpSettings` export) is that object. `{ cdp: { … } }` (the whole `settings`) is accepted too.
 * The value is validated the way the rules validate it, so a mistake stops the run before any
 * file is linted.
 */
export async function loadSettingsFile(file: string, cwd: string): Promise<LoadedSettings> {
  const full = path.resolve(cwd, file);
  const shown = path.relative(cwd, full) || file;
  if (!existsSync(full)) throw new UsageError(`settings file not found: ${file}`);

  let value: unknown;
  if (full.toLowerCase().endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(full, 'utf8'));
    } catch (error) {
      throw new UsageError(`invalid settings file ${shown}: ${(error as Error).message.split('\n')[0]}`);
    }
  } else if (/\.[cm]?js$/i.test(full)) {
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`could not load settings file ${shown}: ${(error as Error).message.split('\n')[0]}`);
    }
    value = module.default ?? module.cdpSettings ?? module.settings;
  } else {
    throw new UsageError(`settings file ${shown} must be .json, .js, .mjs or .cjs`);
  }

  if (isObject(value) && isObject(value.cdp)) {
    const wrapper = value;
    if (!CDP_KEYS.some((key) => key in wrapper)) value = wrapper.cdp;
  }
  if (!isObject(value)) {
    throw new UsageError(
      `invalid settings file ${shown}: expected an object (the value of settings.cdp) as its default export, its 'cdpSettings' export or its JSON`,
    );
  }
  try {
    readSettings({ cdp: value });
  } catch (error) {
    throw new UsageError(`invalid settings file ${shown}: ${(error as Error).message.replace(/^eslint-plugin-cdp: /, '')}`);
  }
  return { file: full, cdp: value };
}

/** The settings file named with `--settings`, else the first `cdp.settings.*` in the current folder. */
export async function findSettings(explicit: string | undefined, cwd: string, auto: boolean): Promise<LoadedSettings | undefined> {
  if (explicit !== undefined) return loadSettingsFile(explicit, cwd);
  if (!auto) return undefined;
  const found = SETTINGS_FILES.find((name) => existsSync(path.join(cwd, name)));
  return found ? loadSettingsFile(found, cwd) : undefined;
}
