// Programs with keys of every shape the model knows, written where real code writes them: the
// credential slots of every constructor, env fallbacks, bindings, config objects, Authorization
// headers of raw API requests. Each program knows which of its keys are secret.
import fc from 'fast-check';
import { SDKS } from '../../src/sdk/index.js';
import type { CredentialSpec, FieldSpec } from '../../src/sdk/types.js';
import { CREDENTIALS, TARGETS, type Target } from './model.js';
import { credentialValue, hexKey } from './values.js';

export interface SecretProgram {
  code: string;
  /** Keys that must never be printed whole. */
  secrets: string[];
  /** Keys that are public by design (a site ID): they may be. */
  public: string[];
}

const str = (text: string): string => JSON.stringify(text);

/** Targets built with a credential: every constructor slot the model gives a credential role. */
const WITH_CREDENTIALS = TARGETS.filter(
  (target) => target.via === 'construct' && target.client.ctorFields.some((field) => field.role === 'credential'),
);

const specOf = (field: FieldSpec): CredentialSpec | undefined => CREDENTIALS.find((spec) => spec.kind === field.credential);

/** How a key is written: as it is, behind the environment, through a binding or a config object. */
const WRITINGS = ['literal', 'envFallback', 'envOr', 'template', 'binding', 'config'] as const;
type Writing = (typeof WRITINGS)[number];

function written(key: string, spec: CredentialSpec | undefined, how: Writing, n: number): { expr: string; before: string } {
  const env = `process.env.${spec?.envName ?? 'API_KEY'}`;
  switch (how) {
    case 'literal': return { expr: str(key), before: '' };
    case 'envFallback': return { expr: `${env} ?? ${str(key)}`, before: '' };
    case 'envOr': return { expr: `${env} || ${str(key)}`, before: '' };
    case 'template': return { expr: `\`${key}\``, before: '' };
    case 'binding': return { expr: `KEY_${n}`, before: `const KEY_${n} = ${str(key)};\n` };
    case 'config': return { expr: `config${n}.apiKey`, before: `const config${n} = { apiKey: ${str(key)}, region: 'us' };\n` };
  }
}

/** A key for a slot: of its own shape, of another credential's shape, or bare hexadecimal. */
const keyFor = (spec: CredentialSpec | undefined): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: spec ? credentialValue(spec) : hexKey },
    { weight: 1, arbitrary: fc.constantFrom(...CREDENTIALS).chain(credentialValue) },
    { weight: 2, arbitrary: hexKey },
  );

/** Keys so short or plain that a secret would hide in them badly: at least 16 characters. */
const secretEnough = (key: string): boolean => key.length >= 16;

interface Piece {
  code: string;
  imports: string[];
  secrets: string[];
  public: string[];
}

function construction(target: Target, n: number): fc.Arbitrary<Piece> {
  const fields = target.client.ctorFields;
  const slots = fields.filter((field) => field.role === 'credential');
  return fc
    .tuple(...slots.map((field) => fc.tuple(keyFor(specOf(field)), fc.constantFrom(...WRITINGS))))
    .map((keys) => {
      const name = target.exportName ?? 'Sdk';
      const local = `${name}_${n}`;
      const imports = [
        target.exportName
          ? `import { ${target.exportName} as ${local} } from '${target.module.specifier}';`
          : `import ${local} from '${target.module.specifier}';`,
      ];
      const args: Record<number, string | Record<string, string>> = {};
      let before = '';
      const piece: Piece = { code: '', imports, secrets: [], public: [] };
      slots.forEach((field, i) => {
        const [key, how] = keys[i];
        const spec = specOf(field);
        const { expr, before: declared } = written(key, spec, how, n * 10 + i);
        before += declared;
        if (spec?.secret === false) piece.public.push(key);
        else if (secretEnough(key)) piece.secrets.push(key);
        const path = field.at.path ?? [];
        if (path.length === 0) args[field.at.index] = expr;
        else {
          // Only one level of nesting holds a credential in the model (`{ writeKey }`).
          const object = typeof args[field.at.index] === 'object' ? (args[field.at.index] as Record<string, string>) : {};
          object[path.join('.')] = expr;
          args[field.at.index] = object;
        }
      });
      const count = Math.max(...Object.keys(args).map(Number)) + 1;
      const list = Array.from({ length: count }, (_, i) => {
        const arg = args[i];
        if (arg === undefined) return 'undefined';
        if (typeof arg === 'string') return arg;
        return `{ ${Object.entries(arg).map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
      });
      const call = `${target.client.construct === 'new' ? 'new ' : ''}${local}(${list.join(', ')})`;
      piece.code = `${before}export const client${n} = ${call};\n`;
      return piece;
    });
}

const HOSTS = [...new Set(SDKS.flatMap((sdk) => [...sdk.hosts.US, ...sdk.hosts.EU]))];

/** A raw request to an SDK's API with a key in its Authorization header. */
const rawRequest = (n: number): fc.Arbitrary<Piece> =>
  fc
    .tuple(
      fc.constantFrom(...HOSTS),
      fc.constantFrom('Bearer ', 'Basic ', 'Klaviyo-API-Key '),
      fc.oneof(fc.constantFrom(...CREDENTIALS).chain(credentialValue), hexKey),
      fc.constantFrom('fetch', 'axios.post'),
    )
    .map(([host, scheme, key, fn]) => ({
      code: `export async function send${n}(body) {\n  return ${fn}('https://${host}/api/v1/send', { method: 'POST', headers: { Authorization: ${str(scheme + key)}, 'Content-Type': 'application/json' }, body });\n}\n`,
      imports: [],
      secrets: secretEnough(key) ? [key] : [],
      public: [],
    }));

/** A key of a distinctive secret shape (a vendor prefix) anywhere in the code. */
const DISTINCTIVE = CREDENTIALS.filter((spec) => spec.distinctive && spec.secret && spec.shape);
const looseKey = (n: number): fc.Arbitrary<Piece> =>
  DISTINCTIVE.length === 0
    ? fc.constant({ code: '', imports: [], secrets: [], public: [] })
    : fc.constantFrom(...DISTINCTIVE).chain(credentialValue).map((key) => ({
      code: `const settings${n} = { klaviyo: ${str(key)} };\nexport default settings${n};\n`,
      imports: [],
      secrets: [key],
      public: [],
    }));

export const secretProgramArbitrary: fc.Arbitrary<SecretProgram> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WITH_CREDENTIALS).map((target) => (n: number) => construction(target, n)) },
      { weight: 2, arbitrary: fc.constant(rawRequest) },
      { weight: 1, arbitrary: fc.constant(looseKey) },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .chain((makers) => fc.tuple(...makers.map((make, n) => make(n))))
  .map((pieces) => {
    const imports = [...new Set(pieces.flatMap((piece) => piece.imports))];
    const secrets = [...new Set(pieces.flatMap((piece) => piece.secrets))];
    return {
      code: `${imports.join('\n')}\n${pieces.map((piece) => piece.code).join('\n')}`,
      secrets,
      // A value that is also a secret somewhere in the program stays secret.
      public: [...new Set(pieces.flatMap((piece) => piece.public))].filter((key) => !secrets.includes(key)),
    };
  });
