import { createRequire } from 'node:module';

// Read at run time rather than imported, so tsc does not copy package.json into dist.
const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { name: string; version: string };

export const packageName = pkg.name;
export const packageVersion = pkg.version;
export const repositoryUrl = 'https://github.com/eslint-plugin-cdp/eslint-plugin-cdp';
