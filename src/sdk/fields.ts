import type { ArgPath, CredentialKind, DateKeys, FieldRole, FieldSpec, TimeUnit } from './types.js';

/** Shorthands that keep the SDK tables readable. */
export function at(index: number, ...path: string[]): ArgPath {
  return path.length > 0 ? { index, path } : { index };
}

export function field(role: FieldRole, where: ArgPath): FieldSpec {
  return { role, at: where };
}

export function timestamp(where: ArgPath, unit: TimeUnit): FieldSpec {
  return { role: 'timestamp', at: where, unit };
}

export function credential(where: ArgPath, kind: CredentialKind): FieldSpec {
  return { role: 'credential', at: where, credential: kind };
}

export function attributes(where: ArgPath, dateKeys?: DateKeys): FieldSpec {
  return dateKeys ? { role: 'attributes', at: where, dateKeys } : { role: 'attributes', at: where };
}
