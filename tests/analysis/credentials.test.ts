import { describe, expect, it } from 'vitest';
import {
  DISTINCTIVE,
  allowMatcher,
  confusedShapes,
  credentialLabel,
  findDistinctive,
  hintOfSegments,
  isPlaceholder,
  isTypeScriptFile,
  kindsLabel,
  maskInText,
  maskSecret,
  namesCredential,
  shapeKinds,
  tokenize,
} from '../../src/analysis/credentials.js';
import { apiHostOf, urlCredentials } from '../../src/analysis/http-requests.js';

const PK = 'pk_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb';

describe('maskSecret', () => {
  it('shows a few characters of long values and keeps a vendor prefix', () => {
    expect(maskSecret(PK)).toBe("'pk_A…Ab'");
    expect(maskSecret('f82ad78f695bd32f9d99')).toBe("'f8…99'");
    expect(maskSecret('20436c6351668b25a74a2c289a639d3f')).toBe("'20…3f'");
  });

  it('shows at most one character of short values, none of tiny ones', () => {
    expect(maskSecret('XyZ9ab')).toBe("'X…'");
    expect(maskSecret('abc')).toBe("'…'");
    expect(maskSecret('pk_ab')).toBe("'pk_…'");
  });

  it('never returns the whole value', () => {
    for (const value of [PK, 'f82ad78f695bd32f9d99', 'XyZ9ab', 'abcd', 'a']) {
      expect(maskSecret(value)).not.toContain(value);
    }
  });

  it('masks key-like runs inside source text but leaves names alone', () => {
    expect(maskInText(`process.env.CUSTOMERIO_APP_API_KEY ?? '${PK}'`)).toBe("process.env.CUSTOMERIO_APP_API_KEY ?? 'pk_A…Ab'");
    expect(maskInText('config.customerioTrackApiKey')).toBe('config.customerioTrackApiKey');
  });
});

describe('literal shapes', () => {
  it('classifies values by the model shapes', () => {
    expect(shapeKinds('f82ad78f695bd32f9d99')).toEqual(['cio.siteId', 'cio.trackApiKey']);
    expect(shapeKinds('20436c6351668b25a74a2c289a639d3f')).toEqual(['cio.appApiKey']);
    expect(shapeKinds(PK)).toEqual(['klaviyo.privateKey']);
    expect(shapeKinds('XyZ9ab')).toEqual(['klaviyo.publicKey']);
    expect(shapeKinds('not a key')).toEqual([]);
  });

  it('compares within a vendor, plus self-identifying shapes', () => {
    expect(confusedShapes('cio.trackApiKey', '20436c6351668b25a74a2c289a639d3f')).toEqual(['cio.appApiKey']);
    expect(confusedShapes('cio.appApiKey', 'f82ad78f695bd32f9d99')).toEqual(['cio.siteId', 'cio.trackApiKey']);
    expect(confusedShapes('klaviyo.privateKey', 'XyZ9ab')).toEqual(['klaviyo.publicKey']);
    expect(confusedShapes('cio.trackApiKey', PK)).toEqual(['klaviyo.privateKey']);
    // A six-character value is not taken for a Klaviyo key in a Customer.io slot.
    expect(confusedShapes('cio.siteId', 'XyZ9ab')).toEqual([]);
    // The right shape, and slots without a shape, are never confused.
    expect(confusedShapes('cio.siteId', 'f82ad78f695bd32f9d99')).toEqual([]);
    expect(confusedShapes('cio.pipelinesWriteKey', 'f82ad78f695bd32f9d99')).toEqual([]);
  });

  it('finds self-identifying keys inside longer text', () => {
    expect(DISTINCTIVE.map((scanner) => scanner.kind)).toEqual(['klaviyo.privateKey', 'posthog.secretKey']);
    expect(findDistinctive(`Klaviyo-API-Key ${PK}`)).toEqual([{ kind: 'klaviyo.privateKey', value: PK, index: 16 }]);
    expect(findDistinctive(`pk_live_${PK.slice(3)}`)).toEqual([]);
    expect(findDistinctive(`x${PK}`)).toEqual([]);
    expect(findDistinctive(`${PK}0`)).toEqual([]);
  });
});

describe('placeholders', () => {
  it.each([
    '',
    '   ',
    'xxx',
    'xxxxxxxxxxxxxxxxxxxx',
    'pk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '00000000000000000000',
    'test-key',
    'YOUR_API_KEY',
    'CUSTOMERIO_SITE_ID',
    '<key>',
    '{{API_KEY}}',
    '${KEY}',
    '%KEY%',
    '********',
    'changeme',
    'my-api-key',
    'site_id',
    'abc123',
    'dummy-write-key',
    'insert-key-here',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each(['f82ad78f695bd32f9d99', '0123456789abcdef0123', PK, 'pk_EXAMPLEexampleEXAMPLEexample000000', 'cdpWk7Q2xLm9Zr4Tb8', 'XyZ9ab'])(
    '%j is not a placeholder',
    (value) => {
      expect(isPlaceholder(value)).toBe(false);
    },
  );

  it('matches allow entries exactly or as patterns, and never throws on a bad pattern', () => {
    const allowed = allowMatcher(['exact-value', '/^dev-/i', '/[bad/']);
    expect(allowed('exact-value')).toBe(true);
    expect(allowed('DEV-key')).toBe(true);
    expect(allowed('/[bad/')).toBe(true);
    expect(allowed('prod-key')).toBe(false);
  });
});

describe('names', () => {
  it('tokenises snake, camel and Pascal case, and joins customer io', () => {
    expect(tokenize('CUSTOMERIO_APP_API_KEY')).toEqual(['customerio', 'app', 'api', 'key']);
    expect(tokenize('appApiKey')).toEqual(['app', 'api', 'key']);
    expect(tokenize('CIOAppKey')).toEqual(['cio', 'app', 'key']);
    expect(tokenize('siteID')).toEqual(['site', 'id']);
    expect(tokenize('customerIoTrackKey')).toEqual(['customerio', 'track', 'key']);
    expect(tokenize('customer-io.write_key')).toEqual(['customerio', 'write', 'key']);
  });

  it.each([
    [['process', 'env', 'CUSTOMERIO_APP_API_KEY'], ['cio.appApiKey']],
    [['appApiKey'], ['cio.appApiKey']],
    [['config', 'cio', 'app'], ['cio.appApiKey']],
    [['config', 'cio', 'app', 'key'], ['cio.appApiKey']],
    [['env', 'CIO_TRANSACTIONAL_KEY'], ['cio.appApiKey']],
    [['CIO_TRACK_API_KEY'], ['cio.trackApiKey']],
    [['siteId'], ['cio.siteId', 'klaviyo.publicKey']],
    [['KLAVIYO_SITE_ID'], ['klaviyo.publicKey']],
    [['CUSTOMERIO_SITE_ID'], ['cio.siteId']],
    [['KLAVIYO_PUBLIC_KEY'], ['klaviyo.publicKey']],
    [['NEXT_PUBLIC_KLAVIYO_PUBLIC_KEY'], ['klaviyo.publicKey']],
    [['companyId'], ['klaviyo.publicKey']],
    [['CIO_WRITE_KEY'], ['cio.pipelinesWriteKey']],
    [['CUSTOMERIO_CDP_API_KEY'], ['cio.pipelinesWriteKey']],
    [['config', 'klaviyo', 'key'], ['klaviyo.privateKey', 'klaviyo.publicKey']],
  ])('%j names %j', (segments, kinds) => {
    expect(hintOfSegments(segments)?.kinds).toEqual(kinds);
  });

  it('says whether a name says whose key it is', () => {
    expect(hintOfSegments(['publicKey'])).toMatchObject({ kinds: ['klaviyo.publicKey'], vendorNamed: false });
    expect(hintOfSegments(['KLAVIYO_PUBLIC_KEY'])).toMatchObject({ vendorNamed: true });
    expect(hintOfSegments(['config', 'cio', 'app'])).toMatchObject({ vendorNamed: true, segment: 'app' });
  });

  it.each([
    [['process', 'env', 'CUSTOMERIO_API_KEY'], ['cio.siteId', 'cio.trackApiKey', 'cio.appApiKey', 'cio.pipelinesWriteKey']],
    [['cioKey'], ['cio.siteId', 'cio.trackApiKey', 'cio.appApiKey', 'cio.pipelinesWriteKey']],
    [['appConfig', 'cioKey'], ['cio.siteId', 'cio.trackApiKey', 'cio.appApiKey', 'cio.pipelinesWriteKey']],
  ])('%j names only a vendor', (segments, kinds) => {
    expect(hintOfSegments(segments)).toMatchObject({ kinds, vendorOnly: true });
  });

  it.each([
    [['process', 'env', 'API_KEY']],
    [['KEY']],
    [['SECRET']],
    [['config', 'app', 'key']],
    [['app']],
    [['process', 'env', 'REACT_APP_KEY']],
    [['config', 'public', 'apiKey']],
    [['CIO_PUBLIC_KEY']],
    [['trackingEnabled']],
    [['settings', undefined, 'key']],
    [[]],
  ])('%j says nothing', (segments) => {
    expect(hintOfSegments(segments)).toBeUndefined();
  });

  it('tells credential names from other names', () => {
    expect(namesCredential(['apiKey'])).toBe(true);
    expect(namesCredential(['config', 'siteId'])).toBe(true);
    expect(namesCredential(['process', 'env', 'CIO_TRACK_API_KEY'])).toBe(true);
    expect(namesCredential(['options'])).toBe(false);
    expect(namesCredential(['region'])).toBe(false);
    expect(namesCredential(['process', 'env', 'CIO_REGION'])).toBe(false);
    expect(namesCredential(['cioKey'])).toBe(true);
    expect(namesCredential([undefined])).toBe(false);
  });
});

describe('labels, hosts and files', () => {
  it('labels credentials with their vendor', () => {
    expect(credentialLabel('cio.trackApiKey')).toBe('Customer.io Track API key');
    expect(credentialLabel('klaviyo.privateKey')).toBe('Klaviyo private API key');
    expect(kindsLabel(['cio.siteId', 'cio.trackApiKey'], 'cio.appApiKey')).toBe('Customer.io site ID or Track API key');
    expect(kindsLabel(['klaviyo.publicKey', 'cio.siteId'], 'klaviyo.privateKey')).toBe('Klaviyo public API key (site ID)');
    expect(kindsLabel(['klaviyo.publicKey', 'cio.siteId'], 'cio.trackApiKey')).toBe('Customer.io site ID');
    expect(kindsLabel(['klaviyo.publicKey'], 'cio.trackApiKey')).toBe('Klaviyo public API key (site ID)');
    expect(kindsLabel(['klaviyo.privateKey', 'cio.appApiKey'], 'cio.pipelinesWriteKey')).toBe('Customer.io App API key');
  });

  it('recognises the SDK API hosts in URLs, with or without credentials', () => {
    expect(apiHostOf('https://track.customer.io/api/v1/customers/1')).toBe('track.customer.io');
    expect(apiHostOf('https://API-EU.customer.io')).toBe('api-eu.customer.io');
    expect(apiHostOf('//cdp.customer.io/v1/batch')).toBe('cdp.customer.io');
    expect(apiHostOf('https://site:key@track.customer.io/api')).toBe('track.customer.io');
    expect(apiHostOf('https://a.klaviyo.com:443/api/events')).toBe('a.klaviyo.com');
    expect(apiHostOf('https://track.customer.io.evil.example/api')).toBeUndefined();
    expect(apiHostOf('/api/v1/customers')).toBeUndefined();
    expect(urlCredentials('https://site:key@track.customer.io/api')).toBe('site:key');
    expect(urlCredentials('https://track.customer.io/api?a=b@c')).toBeUndefined();
  });

  it('knows which files are TypeScript', () => {
    expect(isTypeScriptFile('src/cio.ts')).toBe(true);
    expect(isTypeScriptFile('src/page.tsx')).toBe(true);
    expect(isTypeScriptFile('src/cio.mts')).toBe(true);
    expect(isTypeScriptFile('src/types.d.ts')).toBe(false);
    expect(isTypeScriptFile('src/cio.js')).toBe(false);
  });
});
