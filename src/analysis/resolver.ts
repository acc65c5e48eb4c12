import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { MODULES, findClient, type ModuleEntry } from '../sdk/index.js';
import type { ExportSpec, SdkDescriptor } from '../sdk/types.js';
import { findProperty, isFunction, memberName, patternPath, staticName, unwrap, type FunctionNode } from './ast.js';
import { modulePathMatches, type CdpSettings, type ClientBinding } from './settings.js';
import type { ClientValue, SdkValue } from './values-model.js';
import { BoundedMap } from '../util/bounded-map.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Facts about the file the resolver reads when it follows functions and `this` members. */
export interface FileIndex {
  /** What the `return` statements of a block-bodied function return. */
  returnsOf(fn: FunctionNode): readonly TSESTree.Expression[];
  /** The values assigned to `this.<name>` inside a class. */
  thisAssignmentsOf(owner: ClassNode, name: string): readonly TSESTree.Expression[];
}

export interface ExportAt {
  sdk: SdkDescriptor;
  spec: ExportSpec;
  /** The module shape only works on old majors (customerio-node 2.x). */
  legacy: boolean;
}

const MAX_DEPTH = 24;

/**
 * Answers "what SDK value is this expression?" by following bindings backwards: imports,
 * `require`, destructuring, `const` aliases, assignments, class fields, object properties,
 * factory return values, `await` and `.then` callbacks, and typed parameters.
 * Every answer is memoised; cycles and deep chains give up (unknown).
 */
export class Resolver {
  private readonly variableMemo = new Map<Scope.Variable, SdkValue | null>();
  private readonly returnMemo = new Map<FunctionNode, SdkValue | null>();
  private readonly memberMemo = new Map<ClassNode, Map<string, SdkValue | null>>();
  private readonly inProgress = new Set<unknown>();
  /**
   * Answers per node, kept only when no cycle or depth limit cut the search short: such an answer
   * depends on nothing but the memos above, so asking again gives the same. Rules and the engine
   * ask about the same callees and receivers several times.
   */
  private readonly nodeMemo = new Map<TSESTree.Node, SdkValue | null>();
  private cut = false;
  private depth = 0;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly settings: CdpSettings,
    private readonly index: FileIndex,
  ) {}

  resolve(node: TSESTree.Node | null | undefined): SdkValue | undefined {
    if (!node) return undefined;
    if (this.depth > MAX_DEPTH) {
      this.cut = true;
      return undefined;
    }
    const target = unwrap(node);
    const known = this.nodeMemo.get(target);
    if (known !== undefined) return known ?? undefined;
    const outerCut = this.cut;
    this.cut = false;
    this.depth++;
    let value: SdkValue | undefined;
    try {
      value = this.resolveInner(target);
    } finally {
      this.depth--;
    }
    if (!this.cut) this.nodeMemo.set(target, value ?? null);
    this.cut ||= outerCut;
    return value;
  }

  /** The client a value is, or undefined. Module singletons (`Profiles`) count. */
  clientOf(node: TSESTree.Node): ClientValue | undefined {
    const value = this.resolve(node);
    return value ? this.asClient(value, node) : undefined;
  }

  asClient(value: SdkValue, origin: TSESTree.Node): ClientValue | undefined {
    if (value.kind === 'client') return value;
    if (value.kind === 'module') {
      const found = exportAt(value.entries, value.path);
      if (found?.spec.kind === 'instance') {
        const client = findClient(found.sdk, found.spec.client);
        if (client) return { kind: 'client', sdk: found.sdk, client, origin };
      }
    }
    return undefined;
  }

  private resolveInner(node: TSESTree.Node): SdkValue | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.resolveMember(node);
      case AST_NODE_TYPES.NewExpression:
        return this.resolveConstruction(node, 'new');
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(node);
      case AST_NODE_TYPES.ImportExpression: {
        const module = this.moduleFromSpecifier(node.source, node);
        return module && { kind: 'promise', of: module };
      }
      case AST_NODE_TYPES.AwaitExpression: {
        const value = this.resolve(node.argument);
        return value?.kind === 'promise' ? value.of : value;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        // `ENABLED ? new TrackClient(...) : null`: whichever branch is a client.
        return either(this.resolve(node.consequent), this.resolve(node.alternate));
      case AST_NODE_TYPES.LogicalExpression:
        return either(this.resolve(node.right), this.resolve(node.left));
      case AST_NODE_TYPES.AssignmentExpression:
        return this.resolve(node.right);
      case AST_NODE_TYPES.SequenceExpression:
        return this.resolve(node.expressions.at(-1));
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', node };
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return { kind: 'function', node };
      default:
        return undefined;
    }
  }

  private resolveIdentifier(node: TSESTree.Identifier): SdkValue | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node);
    if (!variable) return undefined;
    if (this.variableMemo.has(variable)) return this.variableMemo.get(variable) ?? undefined;
    if (this.inProgress.has(variable)) {
      this.cut = true;
      return undefined;
    }
    this.inProgress.add(variable);
    let value: SdkValue | undefined;
    try {
      value = this.resolveVariable(variable);
    } finally {
      this.inProgress.delete(variable);
    }
    this.variableMemo.set(variable, value ?? null);
    return value;
  }

  private resolveVariable(variable: Scope.Variable): SdkValue | undefined {
    for (const def of variable.defs) {
      const value = this.resolveDefinition(def);
      if (value) return value;
    }
    // `let cio; ... cio = new TrackClient(...)` and `cio ??= ...`
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (
        reference.isWrite() &&
        parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left === reference.identifier
      ) {
        const value = this.resolve(parent.right);
        if (value) return value;
      }
    }
    return undefined;
  }

  private resolveDefinition(def: Scope.Definition): SdkValue | undefined {
    switch (def.type) {
      case 'ImportBinding':
        return this.resolveImport(def.node);
      case 'Variable': {
        const declarator = def.node;
        const value = declarator.init && this.resolvePattern(declarator.id, def.name, this.resolve(declarator.init));
        if (value) return value;
        // `declare const cio: TrackClient`, `let cio: TrackClient | undefined`
        const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation : undefined;
        return annotation && this.resolveTypeAnnotation(annotation.typeAnnotation, def.name);
      }
      case 'FunctionName':
        return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? { kind: 'function', node: def.node } : undefined;
      case 'Parameter':
        return def.name.type === AST_NODE_TYPES.Identifier
          ? this.resolveParameter(def.node as FunctionNode, def.name)
          : undefined;
      default:
        return undefined;
    }
  }

  /** `const { TrackClient: TC } = require('customerio-node')`: the path from the pattern to the name. */
  private resolvePattern(
    pattern: TSESTree.Node,
    target: TSESTree.Node,
    value: SdkValue | undefined,
  ): SdkValue | undefined {
    if (!value) return undefined;
    const keys = patternPath(pattern, target);
    if (!keys) return undefined;
    let result: SdkValue | undefined = value;
    for (const key of keys) result = result && this.member(result, key, target);
    return result;
  }

  private resolveImport(
    node: TSESTree.ImportSpecifier | TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier | TSESTree.TSImportEqualsDeclaration,
  ): SdkValue | undefined {
    if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      // import cio = require('customerio-node')
      const ref = node.moduleReference;
      return ref.type === AST_NODE_TYPES.TSExternalModuleReference ? this.moduleFromSpecifier(ref.expression, node) : undefined;
    }
    const declaration = node.parent as TSESTree.ImportDeclaration;
    const module = this.moduleFromSpecifier(declaration.source, node);
    if (!module) return undefined;
    if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return module;
    const name =
      node.type === AST_NODE_TYPES.ImportDefaultSpecifier
        ? 'default'
        : staticName(node.imported, false) ?? 'default';
    return this.member(module, name, node);
  }

  private moduleFromSpecifier(source: TSESTree.Node, origin: TSESTree.Node): SdkValue | undefined {
    if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return undefined;
    const found = moduleOf(source.value, this.settings);
    if (!found) return undefined;
    return found.kind === 'sdk'
      ? { kind: 'module', entries: found.entries, path: [] }
      : { kind: 'userModule', bindings: found.bindings, origin };
  }

  private resolveParameter(fn: FunctionNode, name: TSESTree.Identifier): SdkValue | undefined {
    // A parameter typed with an SDK class: `(cio: TrackClient)`, `constructor(private cio: TrackClient)`.
    const annotation = name.typeAnnotation?.typeAnnotation;
    if (annotation) {
      const typed = this.resolveTypeAnnotation(annotation, name);
      if (typed) return typed;
    }
    // `getClient().then((cio) => cio.track(...))`
    const call = fn.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === fn &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(call.callee) === 'then'
    ) {
      const first = fn.params[0];
      const receiver = this.resolve(call.callee.object);
      if (first && receiver?.kind === 'promise') {
        return first === name ? receiver.of : this.resolvePattern(first, name, receiver.of);
      }
    }
    return undefined;
  }

  /** `TrackClient`, `cio.TrackClient`, `TrackClient | null`: an instance of the named class. */
  resolveTypeAnnotation(type: TSESTree.TypeNode, origin: TSESTree.Node): ClientValue | undefined {
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      for (const member of type.types) {
        const value = this.resolveTypeAnnotation(member, origin);
        if (value) return value;
      }
      return undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const classValue = this.resolveTypeName(type.typeName);
    return classValue ? this.instanceOf(classValue, 'new', origin) : undefined;
  }

  private resolveTypeName(name: TSESTree.EntityName): SdkValue | undefined {
    if (name.type === AST_NODE_TYPES.Identifier) return this.resolveIdentifier(name);
    if (name.type === AST_NODE_TYPES.TSQualifiedName) {
      const left = this.resolveTypeName(name.left);
      return left && this.member(left, name.right.name, name);
    }
    return undefined;
  }

  private resolveMember(node: TSESTree.MemberExpression): SdkValue | undefined {
    const name = memberName(node);
    if (name === undefined) return undefined;
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return this.resolveThisMember(object, name);
    const value = this.resolve(object);
    return value && this.member(value, name, node);
  }

  private member(value: SdkValue, name: string, origin: TSESTree.Node): SdkValue | undefined {
    switch (value.kind) {
      case 'module':
        return { kind: 'module', entries: value.entries, path: [...value.path, name] };
      case 'object': {
        const property = findProperty(value.node, name);
        return property ? this.resolve(property.value) : undefined;
      }
      case 'userModule': {
        const binding = value.bindings.get(name);
        if (!binding) return undefined;
        return binding.client
          ? { kind: 'client', sdk: binding.client.sdk, client: binding.client.spec, origin }
          : { kind: 'anyClient', origin };
      }
      case 'client': {
        // A property that holds another client of the SDK: Mixpanel's `mp.people`.
        const member = value.client.members?.[name];
        const client = member === undefined ? undefined : findClient(value.sdk, member);
        return client && { kind: 'client', sdk: value.sdk, client, origin };
      }
      case 'promise':
        return undefined;
      default:
        return undefined;
    }
  }

  private resolveThisMember(node: TSESTree.ThisExpression, name: string): SdkValue | undefined {
    const owner = thisOwner(node);
    if (!owner) return undefined;
    if (owner.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(owner, name);
      return property ? this.resolve(property.value) : undefined;
    }
    let members = this.memberMemo.get(owner);
    if (!members) {
      members = new Map();
      this.memberMemo.set(owner, members);
    }
    if (members.has(name)) return members.get(name) ?? undefined;
    const key = `${name}\u0000`;
    if (this.inProgress.has(owner) && this.inProgress.has(key)) {
      this.cut = true;
      return undefined;
    }
    this.inProgress.add(owner);
    this.inProgress.add(key);
    let value: SdkValue | undefined;
    try {
      value = this.resolveClassMember(owner, name);
    } finally {
      this.inProgress.delete(owner);
      this.inProgress.delete(key);
    }
    members.set(name, value ?? null);
    return value;
  }

  private resolveClassMember(owner: ClassNode, name: string): SdkValue | undefined {
    for (const element of owner.body.body) {
      if (
        (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.MethodDefinition) &&
        !element.static &&
        staticName(element.key, element.computed) === name
      ) {
        if (element.type === AST_NODE_TYPES.MethodDefinition) {
          const fn = element.value;
          if (fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
          return element.kind === 'get' ? this.returnValue(fn) : { kind: 'function', node: fn };
        }
        const value = element.value ? this.resolve(element.value) : undefined;
        if (value) return value;
        const annotation = element.typeAnnotation?.typeAnnotation;
        const typed = annotation && this.resolveTypeAnnotation(annotation, element);
        if (typed) return typed;
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (
            param.type === AST_NODE_TYPES.TSParameterProperty &&
            param.parameter.type === AST_NODE_TYPES.Identifier &&
            param.parameter.name === name &&
            param.parameter.typeAnnotation
          ) {
            const typed = this.resolveTypeAnnotation(param.parameter.typeAnnotation.typeAnnotation, param);
            if (typed) return typed;
          }
        }
      }
    }
    for (const right of this.index.thisAssignmentsOf(owner, name)) {
      const value = this.resolve(right);
      if (value) return value;
    }
    return undefined;
  }

  private resolveConstruction(
    node: TSESTree.NewExpression | TSESTree.CallExpression,
    how: 'new' | 'call',
  ): SdkValue | undefined {
    const callee = this.resolve(node.callee);
    return callee && this.instanceOf(callee, how, node);
  }

  /** The instance that `new Callee()` (or `Callee()` for factories) gives. */
  instanceOf(callee: SdkValue, how: 'new' | 'call', origin: TSESTree.Node): ClientValue | undefined {
    const constructed = this.constructedBy(callee, how);
    return constructed && { kind: 'client', sdk: constructed.sdk, client: constructed.client, origin };
  }

  /** Which SDK class a callee constructs, if it is one. */
  constructedBy(
    callee: SdkValue,
    how: 'new' | 'call',
  ): { sdk: SdkDescriptor; client: NonNullable<ReturnType<typeof findClient>>; legacy: boolean } | undefined {
    if (callee.kind !== 'module') return undefined;
    const found = exportAt(callee.entries, callee.path);
    if (found?.spec.kind !== 'construct') return undefined;
    const client = findClient(found.sdk, found.spec.client);
    if (!client || client.construct !== how) return undefined;
    return { sdk: found.sdk, client, legacy: found.legacy };
  }

  private resolveCall(node: TSESTree.CallExpression): SdkValue | undefined {
    const callee = unwrap(node.callee);
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'require' &&
      node.arguments.length === 1 &&
      !ASTUtils.findVariable(this.sourceCode.getScope(callee), callee)?.defs.length
    ) {
      return this.moduleFromSpecifier(node.arguments[0], node);
    }
    const value = this.resolve(callee);
    if (!value) return undefined;
    if (value.kind === 'function') return this.returnValue(value.node);
    return this.instanceOf(value, 'call', node);
  }

  /** What a local function returns; `async` functions return a promise of it. */
  returnValue(fn: FunctionNode): SdkValue | undefined {
    if (this.returnMemo.has(fn)) return this.returnMemo.get(fn) ?? undefined;
    if (this.inProgress.has(fn)) {
      this.cut = true;
      return undefined;
    }
    this.inProgress.add(fn);
    let value: SdkValue | undefined;
    try {
      const results =
        fn.body.type !== AST_NODE_TYPES.BlockStatement ? [fn.body] : this.index.returnsOf(fn);
      for (const result of results) {
        value = this.resolve(result);
        if (value) break;
      }
      if (value && fn.async && value.kind !== 'promise') value = { kind: 'promise', of: value };
    } finally {
      this.inProgress.delete(fn);
    }
    this.returnMemo.set(fn, value ?? null);
    return value;
  }
}

type ModuleLookup =
  | { kind: 'sdk'; entries: readonly ModuleEntry[] }
  | { kind: 'user'; bindings: ReadonlyMap<string, ClientBinding> };

/**
 * What a module specifier names, per settings object. Files import the same few modules, and
 * matching a relative specifier against the configured client modules normalises it with several
 * regular expressions. Bounded: an editor's ESLint server lives for hours.
 */
const moduleLookups = new WeakMap<CdpSettings, Map<string, ModuleLookup | null>>();

function moduleOf(specifier: string, settings: CdpSettings): ModuleLookup | undefined {
  let lookups = moduleLookups.get(settings);
  if (!lookups) {
    lookups = new BoundedMap();
    moduleLookups.set(settings, lookups);
  }
  let found = lookups.get(specifier);
  if (found === undefined) {
    found = lookUpModule(specifier, settings) ?? null;
    lookups.set(specifier, found);
  }
  return found ?? undefined;
}

function lookUpModule(specifier: string, settings: CdpSettings): ModuleLookup | undefined {
  const entries = MODULES.get(specifier) ?? MODULES.get(specifier.replace(/^node:/, ''));
  if (entries) return { kind: 'sdk', entries };
  for (const [configured, bindings] of settings.clientModules) {
    if (modulePathMatches(specifier, configured)) return { kind: 'user', bindings };
  }
  return undefined;
}

/**
 * One of two branches' values: the one that is known, or both when they agree. Two different SDK
 * exports (`isEu ? RegionEU : RegionUS`) are no single value.
 */
function either(a: SdkValue | undefined, b: SdkValue | undefined): SdkValue | undefined {
  if (!a || !b) return a ?? b;
  if (a.kind === 'module' && b.kind === 'module' && a.path.join('.') !== b.path.join('.')) return undefined;
  return a;
}

/** The export a module path names, across the module's shapes (newest first). */
export function exportAt(entries: readonly ModuleEntry[], path: readonly string[]): ExportAt | undefined {
  for (const { sdk, module } of entries) {
    const legacy = module.versions === '<3';
    let rest = path;
    // `import x from 'cjs-module'` is the exports object unless the module has a real default.
    if (rest[0] === 'default') {
      if (module.default) return rest.length === 1 ? { sdk, spec: module.default, legacy } : undefined;
      rest = rest.slice(1);
    }
    if (rest.length === 0) {
      if (module.default) return { sdk, spec: module.default, legacy };
      continue;
    }
    let spec: ExportSpec | undefined = module.exports[rest[0]];
    // Klaviyo's `Klaviyo.ProfilesApi`: a namespace object re-exposes the module.
    while (spec?.kind === 'namespace' && rest.length > 1) {
      rest = rest.slice(1);
      spec = module.exports[rest[0]];
    }
    if (spec && rest.length === 1) return { sdk, spec, legacy };
  }
  return undefined;
}

/** The class (or object literal) `this` refers to, or undefined when it is not statically known. */
export function thisOwner(node: TSESTree.Node): ClassNode | TSESTree.ObjectExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return current.parent.parent;
    }
    if (isFunction(current)) {
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.MethodDefinition) return parent.parent.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        return parent.parent;
      }
      return undefined;
    }
  }
  return undefined;
}
