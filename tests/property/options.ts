// Rule options from each rule's own `meta.schema`: valid ones for the programs to be linted with,
// and invalid ones (a wrong type, an unknown key) that ESLint must refuse by naming the option.
import fc from 'fast-check';

/** The part of JSON schema rule options are written in. */
export interface JSONSchema4 {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JSONSchema4[];
  oneOf?: JSONSchema4[];
  properties?: Record<string, JSONSchema4>;
  required?: string[] | boolean;
  additionalProperties?: boolean | JSONSchema4;
  items?: JSONSchema4 | JSONSchema4[];
  uniqueItems?: boolean;
  minItems?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * Strings options are filled with: attribute and event names, globs, regular expressions of
 * route paths and function names. Each is valid in every one of those roles.
 */
const WORDS = ['email', 'created_at', 'trial_end', 'phone', 'mobile', 'signup', 'ensureAuth', 'src/client/**', 'Order Completed', 'x'];

/** The positional option schemas of a rule (`schema: [...]`; an object schema is one option). */
export function optionSchemas(schema: JSONSchema4 | readonly JSONSchema4[] | false | undefined): JSONSchema4[] {
  if (!schema) return [];
  return Array.isArray(schema) ? [...(schema as JSONSchema4[])] : [schema as JSONSchema4];
}

const typeOf = (schema: JSONSchema4): string | undefined =>
  Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? (schema.properties ? 'object' : undefined));

/** A value the schema accepts. Keywords it does not know produce `undefined` (the option is left out). */
export function validValue(schema: JSONSchema4): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf ?? schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map(validValue));
  switch (typeOf(schema)) {
    case 'boolean': return fc.boolean();
    case 'integer': return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 });
    case 'number': return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 100, noNaN: true });
    case 'string': return fc.constantFrom(...WORDS);
    case 'array': {
      const items = schema.items && !Array.isArray(schema.items) ? validValue(schema.items) : fc.constantFrom(...WORDS);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { maxLength: 3, minLength: schema.minItems ?? 0, comparator: 'SameValueZero' })
        : fc.array(items, { maxLength: 3, minLength: schema.minItems ?? 0 });
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = Array.isArray(schema.required) ? schema.required : [];
      return fc.record(Object.fromEntries(properties.map(([key, value]) => [key, validValue(value)])), {
        requiredKeys: required.filter((key) => properties.some(([name]) => name === key)),
      });
    }
    default: return fc.constant(undefined);
  }
}

/** Options for every rule of a registry: sometimes none, sometimes random valid ones. */
export function ruleOptionsArbitrary(rules: Record<string, { meta: { schema?: unknown } }>): fc.Arbitrary<Record<string, unknown[]>> {
  const entries = Object.entries(rules).flatMap(([name, rule]) => {
    const schemas = optionSchemas(rule.meta.schema as JSONSchema4 | JSONSchema4[] | undefined);
    if (schemas.length === 0) return [];
    return [[name, fc.tuple(...schemas.map(validValue))] as const];
  });
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown[]>>;
}

export interface InvalidOption {
  /** What is wrong, for the test's name. */
  label: string;
  /** The options array to configure. */
  options: unknown[];
  /** The option's name, which the error must show (undefined when the whole option is wrong). */
  key?: string;
}

/** A value of a different type than the schema wants. */
function wrongTypeValue(schema: JSONSchema4): unknown {
  switch (typeOf(schema)) {
    case 'boolean': return 'yes';
    case 'string': return 42;
    case 'array': return 'not-an-array';
    case 'object': return ['not', 'an', 'object'];
    case 'integer':
    case 'number': return 'many';
    default: return schema.enum ? '__not_in_enum__' : null;
  }
}

/** Invalid options derived from the schema: each property with a wrong type, an unknown key, a wrong whole option. */
export function invalidOptions(schema: JSONSchema4 | readonly JSONSchema4[] | false | undefined): InvalidOption[] {
  const schemas = optionSchemas(schema);
  const out: InvalidOption[] = [];
  schemas.forEach((option, index) => {
    const before = schemas.slice(0, index).map(() => ({}));
    if (typeOf(option) === 'object') {
      for (const [key, property] of Object.entries(option.properties ?? {})) {
        out.push({ label: `${key} with a wrong type`, options: [...before, { [key]: wrongTypeValue(property) }], key });
        if (typeOf(property) === 'array' && property.items && !Array.isArray(property.items)) {
          out.push({ label: `${key} with an item of a wrong type`, options: [...before, { [key]: [wrongTypeValue(property.items)] }], key });
        }
        if (property.enum) out.push({ label: `${key} outside its enum`, options: [...before, { [key]: '__nope__' }], key });
      }
      if (option.additionalProperties === false) {
        out.push({ label: 'an unknown key', options: [...before, { notAnOption__: true }], key: 'notAnOption__' });
      }
      out.push({ label: 'a whole option of a wrong type', options: [...before, 'not-an-object'] });
    }
  });
  if (schemas.length > 0) out.push({ label: 'one option too many', options: [...schemas.map(() => ({})), {}] });
  return out;
}
