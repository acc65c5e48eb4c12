// The documented pull request check (docs/github-actions.md and the workflow file it tells users to
// copy, docs/examples/cdp-lint.yml): the YAML parses, the steps fit together (the lint step writes
// the file the upload step sends, findings do not skip the upload, the last step fails the job),
// and the lint step's command, run for real in a temporary Git repository, writes a SARIF report
// whose results point at the repository's files. (The SARIF schema itself is checked by the
// command-line tests.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/project.js';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const workflowFile = readFileSync(path.join(root, 'docs', 'examples', 'cdp-lint.yml'), 'utf8');
const workflow = parseYaml(workflowFile) as Workflow;
const steps = Object.values(workflow.jobs)[0].steps;

const docsPage = readFileSync(path.join(root, 'docs', 'github-actions.md'), 'utf8');
const docsBlocks = [...docsPage.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);

const lintStep = steps.find((step) => step.run?.includes('cdp-lint'))!;
const uploadStep = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
/** The report file the lint step writes. */
const outputOf = (command: string): string | undefined => /--output(?:-file)?[ =](\S+)/.exec(command)?.[1];

describe('the example workflow', () => {
  it('runs on pull requests and on pushes to the default branch', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('may upload security events and nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
  });

  it('checks out, sets up Node.js and installs the locked dependencies before linting', () => {
    const uses = steps.map((step) => step.uses ?? step.run);
    expect(uses.slice(0, 3)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']);
    expect(steps[1].with).toMatchObject({ 'node-version': 20, cache: 'npm' });
    expect(steps.indexOf(lintStep)).toBe(3);
  });

  it('writes SARIF, and a finding does not stop the job before the upload', () => {
    expect(lintStep.run).toBe('npx cdp-lint --format sarif --output cdp.sarif');
    expect(lintStep['continue-on-error']).toBe(true);
    expect(lintStep.id).toBeTruthy();
  });

  it('uploads the file the lint step wrote, in its own category', () => {
    expect(steps.indexOf(uploadStep)).toBeGreaterThan(steps.indexOf(lintStep));
    expect(uploadStep.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(uploadStep.with).toEqual({ sarif_file: outputOf(lintStep.run!), category: 'cdp-lint' });
    // After a failed lint step too (only `!cancelled()`, never the default `success()`), and only
    // when the report exists.
    expect(uploadStep.if).toMatch(/^\$\{\{ !cancelled\(\) && hashFiles\('cdp\.sarif'\) != '' &&/);
    expect(uploadStep.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it("fails the job last, from the lint step's outcome", () => {
    const gate = steps[steps.length - 1];
    expect(gate.if).toBe(`\${{ steps.${lintStep.id}.outcome == 'failure' }}`);
    expect(gate.run).toMatch(/exit 1\n$/);
  });
});

describe('docs/github-actions.md', () => {
  it('shows the example workflow as it is in the file', () => {
    expect(docsBlocks.length).toBeGreaterThanOrEqual(4);
    expect(parseYaml(docsBlocks[0])).toEqual(workflow);
    // The page's copy is the file without its leading comment.
    expect(workflowFile.endsWith(docsBlocks[0])).toBe(true);
  });

  it('gives snippets that all parse as lists of steps', () => {
    for (const block of docsBlocks.slice(1)) {
      const parsed = parseYaml(block) as Step[];
      expect(Array.isArray(parsed), block).toBe(true);
      for (const step of parsed) expect(step.uses ?? step.run, block).toBeTruthy();
    }
  });

  it('pins the packages npx fetches when the project does not list the plugin', () => {
    const [step] = parseYaml(docsBlocks[1]) as Step[];
    expect(step.run).toContain('--package eslint-plugin-cdp@');
    expect(step.run).toMatch(/cdp-lint --format sarif --output cdp\.sarif$/);
    expect(step['continue-on-error']).toBe(true);
  });

  it('uploads what the plain-ESLint alternative writes', () => {
    const eslintSteps = parseYaml(docsBlocks[2]) as Step[];
    const install = eslintSteps.find((step) => step.run?.includes('@microsoft/eslint-formatter-sarif'));
    expect(install?.run).toMatch(/@microsoft\/eslint-formatter-sarif@\d+\.\d+\.\d+$/);
    const lint = eslintSteps.find((step) => step.run?.startsWith('npx eslint'))!;
    expect(lint.run).toContain('--format @microsoft/eslint-formatter-sarif');
    expect(lint['continue-on-error']).toBe(true);
    const upload = eslintSteps.find((step) => step.uses === 'github/codeql-action/upload-sarif@v3')!;
    expect(upload.with?.sarif_file).toBe(outputOf(lint.run!));
    const gate = eslintSteps[eslintSteps.length - 1];
    expect(gate.if).toBe(`\${{ steps.${lint.id}.outcome == 'failure' }}`);
  });
});

// ---------------------------------------------------------------------------------------------
// The lint step, run as the job runs it: the shell command from the workflow, in a checkout
// whose node_modules/.bin has the plugin's commands (what `npm ci` leaves there).
// ---------------------------------------------------------------------------------------------

const WITH_FINDING = `import { TrackClient, RegionEU } from 'customerio-node';

const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!, { region: RegionEU });

export async function signUp(user: { id: string; email: string }) {
  await cio.identify(user.id, { email: user.email, created_at: Date.now() });
}
`;
const CLEAN = WITH_FINDING.replace('created_at: Date.now()', 'created_at: Math.floor(Date.now() / 1000)');

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}

let checkout: string;

beforeAll(() => {
  ensureBuilt();
  checkout = mkdtempSync(path.join(tmpdir(), 'cdp-actions-'));
  const bins = path.join(checkout, 'node_modules', '.bin');
  mkdirSync(bins, { recursive: true });
  const { bin } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  for (const [name, target] of Object.entries(bin ?? {})) {
    writeFileSync(path.join(bins, name), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, target)}" "$@"\n`, {
      mode: 0o755,
    });
  }
  writeFileSync(path.join(checkout, '.gitignore'), 'node_modules/\ncdp.sarif\n');
  writeFileSync(path.join(checkout, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  mkdirSync(path.join(checkout, 'src', 'routes'), { recursive: true });
  writeFileSync(path.join(checkout, 'src', 'clean.ts'), CLEAN);
  execFileSync('git', ['init', '-q'], { cwd: checkout });
}, 120_000);

afterAll(() => {
  if (checkout) rmSync(checkout, { recursive: true, force: true });
});

/** The lint step's `run`, as the runner's default shell runs it. */
function runLintStep(): { status: number | null; output: string; sarif: SarifLog } {
  // `npx` must find the command in node_modules/.bin, never download it.
  expect(existsSync(path.join(checkout, 'node_modules', '.bin', 'cdp-lint'))).toBe(true);
  const report = path.join(checkout, outputOf(lintStep.run!)!);
  rmSync(report, { force: true });
  const result = spawnSync('sh', ['-e', '-c', lintStep.run!], {
    cwd: checkout,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', npm_config_yes: 'false' },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  const output = `${result.stdout}${result.stderr}`;
  expect(existsSync(report), output).toBe(true);
  return { status: result.status, output, sarif: JSON.parse(readFileSync(report, 'utf8')) as SarifLog };
}

describe("the lint step's command", () => {
  it('exits with 1 on a finding and reports it against the file, relative to the repository root', () => {
    writeFileSync(path.join(checkout, 'src', 'routes', 'signup.ts'), WITH_FINDING);
    try {
      const { status, output, sarif } = runLintStep();
      expect(status, output).toBe(1);
      expect(sarif.version).toBe('2.1.0');
      const [run] = sarif.runs;
      expect(run.tool.driver.name).toBe('cdp-lint');
      expect(run.results).toHaveLength(1);
      const [result] = run.results;
      expect(result).toMatchObject({ ruleId: 'cdp/valid-timestamps', level: 'error' });
      expect(result.message.text).toMatch(/Unix seconds/);
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'src/routes/signup.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: 6, startColumn: 64, endLine: 6, endColumn: 74 },
      });
      const rule = run.tool.driver.rules[result.ruleIndex];
      expect(rule.id).toBe('cdp/valid-timestamps');
      expect(rule.helpUri).toMatch(/docs\/rules\/valid-timestamps\.md$/);
    } finally {
      rmSync(path.join(checkout, 'src', 'routes', 'signup.ts'));
    }
  });

  it('exits with 0 and writes an empty report on a clean repository', () => {
    const { status, output, sarif } = runLintStep();
    expect(status, output).toBe(0);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toEqual([]);
  });
});
