import { describe, expect, it } from 'vitest';
import { modulePathMatches, normaliseModulePath, readSettings } from '../../src/analysis/settings.js';

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
  });

  it.each([
    [{ cdp: 'x' }, /settings\.cdp\.: expected an object/],
    [{ cdp: { clients: [] } }, /settings\.cdp\.clients: expected an object/],
    [{ cdp: { clients: { './a': 'cio' } } }, /clients\['\.\/a'\]: expected an array of export names or an object/],
    [{ cdp: { clients: { './a': [1] } } }, /clients\['\.\/a'\]: expected export names/],
    [{ cdp: { clients: { './a': { cio: 'Nope' } } } }, /clients\['\.\/a'\]\.cio: unknown client class 'Nope'/],
    [{ cdp: { wrappers: {} } }, /wrappers: expected an array/],
    [{ cdp: { wrappers: [{ name: 'x' }] } }, /wrappers\[0\]: expected/],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'track', args: [] }] } }, /wrappers\[0\]\.calls: 'track' must be 'Client\.method'/],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.nope', args: [] }] } }, /TrackClient has no method 'nope'/],
    [{ cdp: { wrappers: [{ name: 'x', calls: 'TrackClient.track', args: ['name'] }] } }, /args\[0\]: 'name' must start with an argument index/],
    [{ cdp: { region: 'eu' } }, /settings\.cdp\.region: expected 'US' or 'EU'/],
    [{ cdp: { events: 'signed_up' } }, /settings\.cdp\.events: expected an array/],
  ])('rejects %j with a message that names the setting', (raw, message) => {
    expect(() => readSettings(raw)).toThrow(message);
  });
});
