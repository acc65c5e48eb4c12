// Expressions of every kind, by the role of the slot they are written into. They are plain source
// text; two kinds of marker are resolved when a program is rendered: TypeScript-only syntax
// (dropped in JavaScript files) and references to an SDK export (written through whatever import
// style the program chose).
import fc from 'fast-check';
import type { ArgPath, ClientSpec, CredentialSpec, FieldRole, FieldSpec, SdkDescriptor } from '../../src/sdk/types.js';
import { CREDENTIALS, MODEL_KEYS, targetsOfKind } from './model.js';

/** `x as any` in TypeScript, nothing in JavaScript. */
export const tsOnly = (text: string): string => `\u0001${text}\u0002`;
/** A reference to an export of an SDK module, resolved through the program's imports. */
export const sdkRef = (specifier: string, exportName: string): string => `\u0003${specifier}\u0004${exportName}\u0005`;

const str = (text: string): string => JSON.stringify(text);

const WORDS = ['user', 'order', 'signup', 'Order Completed', 'orderCompleted', 'order-completed', 'cart_viewed', 'x', ''];
const IDENTIFIERS = [
  'userId', 'user.id', 'user.email', 'req.body.email', 'req.params.id', 'event.detail', 'data', 'payload', 'props.name',
  'order?.id', 'items[0]', 'ctx.request.body', 'input', 'this.userId', 'args', 'config.cio.key', 'customer.created_at',
];

/** Strings of every shape: words, emails, phones, dates, unicode, long ones. */
export const stringLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS, 'jane@example.com', 'JANE@EXAMPLE.COM', '+14155550100', '(415) 555-0100', '2024-01-01T00:00:00Z', 'eu', 'EU', 'US').map(str),
  fc.string({ maxLength: 12 }).map(str),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map(str),
  fc.constantFrom('a'.repeat(101), 'é'.repeat(60)).map(str),
  fc.constantFrom(...MODEL_KEYS).map(str),
);

const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }).map(String),
  fc.integer({ min: 1_000_000_000_000, max: 2_000_000_000_000 }).map(String),
  fc.double({ noNaN: false }).map((n) => (Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : String(n))),
  fc.constantFrom('1e3', '0x1f', '1_000', '1700000000.5', '10n'),
);

const TIME_EXPRESSIONS = [
  'Date.now()', 'new Date()', 'Date.now() / 1000', 'Math.floor(Date.now() / 1000)', 'Math.round(new Date().getTime() / 1000)',
  'new Date().toISOString()', '+new Date()', "new Date('2024-01-01')", 'Date.parse(input)', 'user.createdAt.getTime()',
  'dayjs().unix()', 'performance.now()', 'Number(new Date())', '(Date.now() / 1000) | 0', 'Math.trunc(Date.now() / 1e3)',
  'new Date().valueOf()', 'order.created_at', 'Temporal.Now.instant().epochSeconds',
];

const timeExpression = fc.constantFrom(...TIME_EXPRESSIONS);
const identifier = fc.constantFrom(...IDENTIFIERS);

/** A key of the credential's shape, when the model gives one. */
export const credentialValue = (spec: CredentialSpec): fc.Arbitrary<string> =>
  spec.shape ? fc.stringMatching(spec.shape) : fc.stringMatching(/^[A-Za-z0-9]{24,40}$/);

/**
 * Hexadecimal keys with no letter, or no digit: as valid as any other key, and what a masking
 * heuristic that looks for a mix of letters and digits misses.
 */
export const PLAIN_HEX_KEYS = ['12345678901234567890', 'abcdefabcdefabcdefab', '01234567890123456789012345678901', 'fedcbafedcbafedcbafedcbafedcbafe'];

/** Bare hexadecimal keys, the length of Customer.io's. */
export const hexKey = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[0-9a-f]{20}$/) },
  { weight: 4, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...PLAIN_HEX_KEYS) },
);

const anyCredential: fc.Arbitrary<string> = fc.oneof(...CREDENTIALS.map(credentialValue), hexKey);

const envName = fc.constantFrom(...CREDENTIALS.map((spec) => spec.envName), 'API_KEY', 'SECRET');

/** What is written where a credential goes: a literal key, the environment, a fallback, a placeholder. */
export const credentialExpression = (spec?: CredentialSpec): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: (spec ? fc.oneof(credentialValue(spec), anyCredential) : anyCredential).map(str) },
    { weight: 3, arbitrary: envName.map((name) => `process.env.${name}${tsOnly('!')}`) },
    { weight: 2, arbitrary: fc.tuple(envName, anyCredential).map(([name, key]) => `process.env.${name} ?? ${str(key)}`) },
    { weight: 1, arbitrary: fc.tuple(envName, anyCredential).map(([name, key]) => `process.env.${name} || '${key}'`) },
    { weight: 1, arbitrary: anyCredential.map((key) => `\`${key}\``) },
    { weight: 1, arbitrary: fc.constantFrom("'your-api-key'", "''", "'xxx'", 'config.apiKey', "process.env['CIO_KEY']", 'undefined') },
  );

/** An `Authorization` header with a key in it, as raw HTTP calls to the APIs write it. */
export const authorizationHeader: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('Bearer ', 'Basic ', 'Klaviyo-API-Key '), anyCredential)
  .map(([scheme, key]) => `{ Authorization: ${str(scheme + key)} }`);

export interface ValueScope {
  sdk: SdkDescriptor;
  client: ClientSpec;
  /** Nesting left: object literals and arrays stop at zero. */
  depth: number;
}

/** Any value at all: every kind, including wrong ones for the slot. */
export function anyValue(scope: ValueScope): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [
    stringLiteral,
    numberLiteral,
    timeExpression,
    identifier,
    fc.constantFrom('undefined', 'null', 'true', 'false', 'NaN', '[]', '{}', '() => {}', 'Symbol()', '/x+/g', 'void 0'),
    fc.tuple(fc.constantFrom('evt_', 'user:', ''), identifier).map(([head, expr]) => `\`${head}\${${expr}}\``),
    fc.constantFrom('`plain`', '`multi\nline`', 'String.raw`x`'),
    credentialExpression(),
    identifier.map((expr) => `${expr} ?? 'fallback'`),
    fc.tuple(identifier, stringLiteral, numberLiteral).map(([test, a, b]) => `${test} ? ${a} : ${b}`),
    identifier.map((expr) => `(${expr}${tsOnly(' as any')})`),
    identifier.map((expr) => `${expr}${tsOnly('!')}`),
    fc.constantFrom('getId()', 'await0', 'JSON.parse(body)', 'Object.assign({}, data)', 'new Map()', 'crypto.randomUUID()'),
  ];
  if (scope.depth <= 0) return fc.oneof(...leaves);
  const inner = { ...scope, depth: scope.depth - 1 };
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...leaves) },
    { weight: 2, arbitrary: objectLiteral(inner, []) },
    { weight: 1, arbitrary: fc.array(fc.oneof(...leaves), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
    { weight: 1, arbitrary: fc.oneof(...leaves).map((item) => `[...${item.startsWith('[') ? item : 'list'}]`) },
  );
}

function regionValue(client: ClientSpec, specifier: string | undefined): fc.Arbitrary<string> {
  const region = client.region;
  const options: string[] = ["'eu'", "'EU'", "'us'", 'undefined', 'process.env.CIO_REGION'];
  if (region?.by === 'export' && specifier) {
    for (const name of Object.values(region.values)) options.push(sdkRef(specifier, name));
  }
  if (region) for (const value of Object.values(region.values)) options.push(str(value));
  return fc.constantFrom(...options);
}

/** The value a field of this role is given: mostly the kinds real code writes there, sometimes anything. */
export function valueFor(field: FieldSpec | undefined, scope: ValueScope, specifier?: string): fc.Arbitrary<string> {
  const role: FieldRole | undefined = field?.role;
  const typical = ((): fc.Arbitrary<string> | undefined => {
    switch (role) {
      case 'personId':
      case 'anonymousId':
        return fc.oneof(identifier, stringLiteral, numberLiteral, fc.constantFrom("'jane@example.com'", 'user.email', '`${user.id}`'));
      case 'eventName':
        return fc.oneof(
          stringLiteral,
          fc.constantFrom(...WORDS).map((w) => `\`${w}_\${kind}\``),
          identifier,
          fc.constantFrom("'order_' + status", 'EVENTS.SIGNUP', "name.replace(' ', '_')"),
        );
      case 'timestamp':
        return fc.oneof(timeExpression, numberLiteral, stringLiteral);
      case 'credential':
        return credentialExpression(CREDENTIALS.find((spec) => spec.kind === field?.credential));
      case 'region':
        return regionValue(scope.client, specifier);
      case 'email':
        return fc.oneof(fc.constantFrom("'jane@example.com'", 'user.email', "'not-an-email'", "['a@b.c']"), identifier);
      case 'phone':
        return fc.constantFrom("'+14155550100'", "'(415) 555-0100'", "'4155550100'", '4155550100', "'+1 415 555 0100'", 'user.phone', "''");
      case 'options':
        return fc.oneof(
          objectLiteral(scope, []),
          sessionValue(scope),
          fc.constantFrom('{ region: RegionEU }', '{ timeout: 5000 }', 'options', '{}'),
        );
      case 'request':
        return requestValue(scope);
      case 'attributes':
      case 'eventProperties':
      case 'payload':
      case 'broadcastData':
      case 'recipients':
        return fc.oneof(objectLiteral(scope, []), identifier, fc.constantFrom('{ ...user }', '{}', '[]'));
      default:
        return undefined;
    }
  })();
  return typical ? fc.oneof({ weight: 4, arbitrary: typical }, { weight: 1, arbitrary: anyValue(scope) }) : anyValue(scope);
}

/** A session or config object of the same SDK, constructed in place (`new ApiKeySession(key)`). */
function sessionValue(scope: ValueScope): fc.Arbitrary<string> {
  const sessions = targetsOfKind(scope.sdk, ['session', 'config']);
  if (sessions.length === 0) return fc.constant('session');
  return fc
    .tuple(fc.constantFrom(...sessions), credentialExpression())
    .map(([target, key]) =>
      `${target.client.construct === 'new' ? 'new ' : ''}${sdkRef(target.module.specifier, target.exportName ?? 'default')}(${key})`,
    );
}

/** A request object of the same SDK (`new SendEmailRequest({ … })`), or a plain object in its place. */
function requestValue(scope: ValueScope): fc.Arbitrary<string> {
  const requests = targetsOfKind(scope.sdk, ['request']);
  const plain = objectLiteral(scope, requests[0]?.client.ctorFields ?? []);
  if (requests.length === 0) return plain;
  return fc.oneof(
    fc.constantFrom(...requests).chain((target) =>
      objectLiteral(scope, target.client.ctorFields).map(
        (object) => `new ${sdkRef(target.module.specifier, target.exportName ?? 'default')}(${object})`,
      ),
    ),
    plain,
  );
}

/** Keys as an object literal writes them: identifiers bare, anything else quoted. */
const keyText = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : str(key));

interface Tree {
  value?: string;
  children: Map<string, Tree>;
}

const renderTree = (tree: Tree, extras: string[]): string => {
  const entries = [...tree.children].map(([key, child]) =>
    `${keyText(key)}: ${child.children.size > 0 ? renderTree(child, []) : (child.value ?? 'undefined')}`,
  );
  return `{ ${[...entries, ...extras].join(', ')} }`;
};

/**
 * An object literal: the given fields (paths relative to the object) filled with values of their
 * roles, plus random keys of the model with random values, spreads and computed keys.
 */
export function objectLiteral(scope: ValueScope, fields: readonly FieldSpec[]): fc.Arbitrary<string> {
  const nested = fields.filter((field) => (field.at.path?.length ?? 0) > 0);
  const inner = { ...scope, depth: Math.max(0, scope.depth - 1) };
  return fc
    .tuple(
      fc.tuple(...nested.map((field) => fc.option(valueFor(field, inner), { freq: 4 }))),
      fc.array(fc.tuple(fc.constantFrom(...MODEL_KEYS, 'name', 'email', 'plan', 'created_at'), scope.depth > 0 ? anyValue(inner) : stringLiteral), { maxLength: 3 }),
      fc.constantFrom([], [], [], ['...base'], ['[key]: 1'], ["'quoted-key': 1", 'get computed() { return Date.now(); }']),
    )
    .map(([values, extras, odd]) => {
      const root: Tree = { children: new Map() };
      nested.forEach((field, i) => {
        const value = values[i];
        if (value === null) return;
        let node = root;
        for (const segment of field.at.path ?? []) {
          let child = node.children.get(segment);
          if (!child) node.children.set(segment, (child = { children: new Map() }));
          node = child;
        }
        if (node.children.size === 0) node.value = value;
      });
      for (const [key, value] of extras) {
        if (!root.children.has(key)) root.children.set(key, { value, children: new Map() });
      }
      return renderTree(root, [...odd]);
    });
}

/**
 * The argument list of a call or construction whose fields are these: positional values and
 * objects built from the fields' paths, each field present or not, with the list sometimes cut
 * short, lengthened or spread.
 */
export function argumentsFor(fields: readonly FieldSpec[], scope: ValueScope, specifier?: string, callbackArg?: number): fc.Arbitrary<string[]> {
  const byIndex = new Map<number, FieldSpec[]>();
  for (const field of fields) byIndex.set(field.at.index, [...(byIndex.get(field.at.index) ?? []), field]);
  const count = Math.max(-1, ...byIndex.keys(), callbackArg ?? -1) + 1;
  const slot = (index: number): fc.Arbitrary<string> => {
    const here = byIndex.get(index) ?? [];
    const whole = here.find((field) => !field.at.path?.length);
    const nested = here.filter((field) => field.at.path?.length);
    const options: fc.Arbitrary<string>[] = [];
    if (nested.length > 0) {
      options.push(objectLiteral(scope, nested.map((field) => ({ ...field, at: relative(field.at) }))));
    }
    if (whole) options.push(valueFor(whole, scope, specifier));
    if (index === callbackArg) options.push(fc.constantFrom('(err) => { if (err) console.error(err); }', 'callback', 'undefined'));
    if (options.length === 0) options.push(anyValue(scope));
    return fc.oneof(...options);
  };
  return fc
    .tuple(
      fc.tuple(...Array.from({ length: count }, (_, i) => slot(i))),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant<'keep'>('keep') },
        { weight: 1, arbitrary: fc.constant<'spread'>('spread') },
        { weight: 2, arbitrary: fc.nat(Math.max(0, count)).map((n) => ({ cut: n })) },
        { weight: 1, arbitrary: fc.array(anyValue({ ...scope, depth: 0 }), { minLength: 1, maxLength: 2 }).map((more) => ({ more })) },
      ),
    )
    .map(([args, change]) => {
      if (change === 'keep') return args;
      if (change === 'spread') return args.length > 0 ? [...args.slice(0, -1), '...rest'] : ['...args'];
      if ('cut' in change) return args.slice(0, change.cut);
      return [...args, ...change.more];
    });
}

const relative = (where: ArgPath): ArgPath => ({ index: 0, path: where.path });
