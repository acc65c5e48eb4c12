import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CdpSettingsError,
  closest,
  modulePathMatches,
  normaliseModulePath,
  readSettings,
  settingsSchema,
} from '../../src/analysis/settings.js';
import { rules } from '../../src/rules/index.js';
import { RUNS, SEED } from '../property/config.js';
import { settingsArbitrary } from '../property/settings.js';

describe('settings.cdp', () => {
  it('normalises module paths so relative depth and extensions do not matter', () => {
    expect(normaliseModulePath('./lib/cio.ts')).toBe('lib/cio');
    expect(normaliseModulePath('../../lib/cio/index.js')).toBe('lib/cio');
    expect(normaliseModulePath('@/lib/cio')).toBe('lib/cio');
    expect(modulePathMatches('../lib/cio', 'lib/cio')).toBe(true);
    expect(modulePathMatches('../src/lib/cio.js', 'lib/cio')).toBe(true);
    expect(modulePathMatches('../lib/cio-helpers', 'lib/cio')).toBe(false);
    expect(modulePathMatches('@acme/cio', '@acme/cio')).toBe(true);
    expect(modulePathMatches('@acme/cio-extra', '@acme/cio')).toBe(false);
  });

  it('reads clients, wrappers, region and events, and caches by identity', () => {
    const raw = {
      cdp: {
        clients: { './lib/cio': ['cio'], './lib/klaviyo': { events: 'klaviyo-api:EventsApi' } },
        wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', null] }],
        region: 'EU',
        events: ['signed_up'],
      },
    };
    const settings = readSettings(raw);
    expect(readSettings(raw)).toBe(settings);
    expect([...settings.clientModules.keys()]).toEqual(['lib/cio', 'lib/klaviyo']);
    expect(settings.clientModules.get('lib/klaviyo')?.get('events')?.client?.spec.name).toBe('EventsApi');
    expect(settings.wrappers[0].params).toEqual([{ index: 0 }, { index: 1, path: ['name'] }, null]);
    expect(settings.region).toBe('EU');
    expect(settings.events?.has('signed_up')).toBe(true);
    expect(readSettings(undefined).wrappers).toEqual([]);
    expect(readSettings({ cdp: {} }).wrappers).toEqual([]);
  });

  it.each([
    [{ cdp: 'x' }, "invalid settings.cdp: expected an object, got 'x'"],
    [{ cdp: [] }, 'invalid settings.cdp: expected an object, got []'],
    [{ cdp: null }, 'invalid settings.cdp: expected an object, got null'],
    [{ cdp: { clients: [] } }, 'invalid settings.cdp.clients: expected an object of module → export names, got []'],
    [{ cdp: { clients: { './a': 'cio' } } }, "invalid settings.cdp.clients['./a']: expected an array of export names or an object of export name → client class, got 'cio'"],
    [{ cdp: { clients: { './a': [1] } } }, "invalid settings.cdp.clients['./a'][0]: expected an export name, got 1"],
    [{ cdp: { clients: { './a': { cio: 'Nope' } } } }, "invalid settings.cdp.clients['./a'].cio: unknown client class 'Nope'"],
    [{ cdp: { clients: { './a': { cio: 'TrackClientt' } } } }, "invalid settings.cdp.clients['./a'].cio: unknown client class 'TrackClientt'; did you mean 'TrackClient'?"],
    [{ cdp: { clients: { './a': { cio: 'SendEmailRequest' } } } }, "invalid settings.cdp.clients['./a'].cio: unknown client class 'SendEmailRequest'"],
    [{ cdp: { wrappers: {} } }, 'invalid settings.cdp.wrappers: expected an array of wrappers, got {}'],
    [{ cdp: { wrappers: [{ name: 'x' }] } }, "invalid settings.cdp.wrappers[0]: missing 'calls' (\"Client.method\")"],
    [{ cdp: { wrappers: [{ name: 'x', calls: 42, args: [] }] } }, 'invalid settings.cdp.wrappers[0].calls: expected "Client.method", got 42'],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'track', args: [] }] } }, "invalid settings.cdp.wrappers[0].calls: expected \"Client.method\", got 'track'"],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.nope', args: [] }] } }, "invalid settings.cdp.wrappers[0].calls: TrackClient has no method 'nope'"],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.trak', args: [] }] } }, "TrackClient has no method 'trak'; did you mean 'track'?"],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.track', args: ['name'] }] } }, "invalid settings.cdp.wrappers[0].args[0]: expected an argument path like '1.name', or null, got 'name'"],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.track', arg: [] }] } }, "invalid settings.cdp.wrappers[0]: unknown key 'arg'; did you mean 'args'?"],
    [{ cdp: { wrappers: [{ name: '', calls: 'TrackClient.track', args: [] }] } }, 'invalid settings.cdp.wrappers[0].name: expected the wrapper'],
    [{ cdp: { region: 'eu' } }, "invalid settings.cdp.region: expected 'US' or 'EU', got 'eu'"],
    [{ cdp: { events: 'signed_up' } }, "invalid settings.cdp.events: expected an array of event names, got 'signed_up'"],
    [{ cdp: { wrapper: [] } }, "invalid settings.cdp: unknown key 'wrapper'; did you mean 'wrappers'? (known keys: clients, wrappers, region, events)"],
    [{ cdp: { regoin: 'EU' } }, "invalid settings.cdp: unknown key 'regoin'; did you mean 'region'?"],
    [{ cdp: { tracking: true } }, "invalid settings.cdp: unknown key 'tracking' (known keys"],
  ])('rejects %j with a message that names the setting', (raw, message) => {
    expect(() => readSettings(raw)).toThrow(CdpSettingsError);
    expect(() => readSettings(raw)).toThrow(`eslint-plugin-cdp: ${message.startsWith('invalid') ? message : ''}`);
    expect(() => readSettings(raw)).toThrow(message);
  });

  it('shows long or odd values briefly', () => {
    expect(() => readSettings({ cdp: { region: 'x'.repeat(100) } })).toThrow(/got 'x{39}…'$/);
    expect(() => readSettings({ cdp: { region: () => 'EU' } })).toThrow(/got a function$/);
  });

  it('suggests a name only when it is close', () => {
    expect(closest('wrapper', ['clients', 'wrappers'])).toBe('wrappers');
    expect(closest('Region', ['region'])).toBe('region');
    expect(closest('zzz', ['clients', 'wrappers'])).toBeUndefined();
  });
});

describe('the settings schema', () => {
  it('documents every setting', () => {
    for (const [key, schema] of Object.entries(settingsSchema.properties)) {
      expect(schema.description, key).toMatch(/\S/);
      expect(schema.title, key).toMatch(/\S/);
    }
  });

  it('accepts every valid setting generated from the SDK model', () => {
    fc.assert(
      fc.property(settingsArbitrary, (generated) => {
        const settings = readSettings({ cdp: generated.cdp });
        expect(settings.wrappers.map((wrapper) => wrapper.method)).toEqual(generated.wrappers.map((wrapper) => wrapper.method));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('refuses anything else with a CdpSettingsError that names where, never another error', () => {
    // Valid settings with one part replaced by a random JSON value, and random JSON as a whole.
    const broken = fc.oneof(
      fc.jsonValue(),
      fc.tuple(settingsArbitrary, fc.constantFrom('clients', 'wrappers', 'region', 'events', 'extra'), fc.jsonValue()).map(
        ([generated, key, value]) => ({ ...generated.cdp, [key]: value }),
      ),
      fc.tuple(settingsArbitrary, fc.jsonValue()).map(([generated, value]) => ({
        ...generated.cdp,
        wrappers: [{ name: 'w', calls: 'TrackClient.track', args: [value] }],
      })),
    );
    fc.assert(
      fc.property(broken, (cdp) => {
        try {
          readSettings({ cdp });
        } catch (error) {
          expect(error).toBeInstanceOf(CdpSettingsError);
          expect((error as Error).message).toMatch(/^eslint-plugin-cdp: invalid settings\.cdp[.[:]/);
        }
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });
});

describe('invalid settings through ESLint', () => {
  it('stop the lint with the setting named', () => {
    const lint = () =>
      new Linter({ configType: 'flat' }).verify(
        "import { TrackClient } from 'customerio-node';\nnew TrackClient('a', 'b').track('u', { name: 'x' });\n",
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            plugins: { cdp: { rules: rules as never } },
            rules: { 'cdp/valid-timestamps': 'error' },
            settings: { cdp: { wrappers: [{ name: 'trackEvent', calls: 42, args: [] }] } },
          },
        ],
        'src/a.ts',
      );
    expect(lint).toThrow('invalid settings.cdp.wrappers[0].calls: expected "Client.method", got 42');
    expect(lint).toThrow("rule 'cdp/valid-timestamps'");
  });
});
