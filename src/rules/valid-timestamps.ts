import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticName, unwrap } from '../analysis/ast.js';
import { getSdkAnalysis, type ResolvedField } from '../analysis/sdk-calls.js';
import {
  TimeClassifier,
  classifyByType,
  isStringification,
  isoToUnixSeconds,
  writesMember,
  type DateLib,
  type TimeValue,
} from '../analysis/time-units.js';
import { followBindings } from '../analysis/values.js';
import type { DateKeys, SdkDescriptor, TimeUnit } from '../sdk/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ additionalDateAttributes?: string[]; ignoreAttributes?: string[] }];
type MessageIds =
  | 'millisecondsForSeconds'
  | 'fractionalSeconds'
  | 'dateForSeconds'
  | 'stringForSeconds'
  | 'numberForDate'
  | 'suggestSecondsFromMillis'
  | 'suggestFloor'
  | 'suggestSecondsFromDate'
  | 'suggestSecondsFromString'
  | 'suggestSecondsLiteral'
  | 'suggestDateFromMillis'
  | 'suggestDateFromSeconds'
  | 'secondsForMilliseconds'
  | 'dateForMilliseconds'
  | 'suggestMillisFromSeconds'
  | 'suggestMillisFromDate';

/** One place a timestamp goes: a timestamp field, or a date key of an attributes object. */
interface Slot {
  node: TSESTree.Expression;
  unit: TimeUnit;
  /** How messages name it: `created_at`, `timestamp`. */
  field: string;
  sdk: SdkDescriptor;
  /** The value sits in an object built earlier, not in the call itself. */
  indirect: boolean;
  /** The call is the SDK's own method or constructor, not a wrapper that forwards the value. */
  direct: boolean;
}

const DATE_OBJECT: Readonly<Record<DateLib, string>> = {
  native: 'a `Date` object',
  dayjs: 'a Day.js object',
  moment: 'a Moment object',
  luxon: 'a Luxon `DateTime`',
};

const EXPECTED: Readonly<Record<Exclude<TimeUnit, 'unixSeconds' | 'unixMillis'>, string>> = {
  isoOrDate: 'a `Date` or an ISO-8601 string',
  date: 'a `Date`',
};

const NUMBER_FOUND: Readonly<Partial<Record<TimeValue['kind'], string>>> = {
  millis: 'a number of milliseconds',
  seconds: 'a number of Unix seconds',
  fractionalSeconds: 'a number of Unix seconds',
  numericString: 'a string of digits',
};

/** `x` as the left operand of `/` or `*`, parenthesised when precedence needs it. */
const OPERAND_SAFE = new Set<string>([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.ChainExpression,
]);

export default createRule<Options, MessageIds>({
  name: 'valid-timestamps',
  meta: {
    type: 'problem',
    docs: {
      description: 'enforce timestamps in the unit each SDK field expects (Unix seconds, or a Date)',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      millisecondsForSeconds:
        '`{{field}}` gets a millisecond timestamp, but {{sdk}} expects whole Unix seconds: it is read as a date about 50,000 years away, so segments and campaign timing silently break. Divide by 1000 and round down: `Math.floor(ms / 1000)`.',
      fractionalSeconds:
        '`{{field}}` gets Unix seconds with a fraction, but {{sdk}} expects a whole number of seconds, so the value is not a valid timestamp for segments and campaign timing. Round it down: `Math.floor(seconds)`.',
      dateForSeconds:
        '`{{field}}` gets {{what}}, which is sent as an ISO-8601 string, but {{sdk}} expects whole Unix seconds and does not treat strings as dates in segments. Send `{{conversion}}` instead.',
      stringForSeconds:
        '`{{field}}` gets {{what}}, but {{sdk}} expects whole Unix seconds and does not treat strings as dates in segments. Send the date as whole seconds, e.g. `Math.floor(date.getTime() / 1000)`.',
      numberForDate:
        '`{{field}}` gets {{what}}, but {{sdk}} expects {{expected}}: the value goes out as it is, not as a date, so the event gets the wrong time or is rejected. Pass a `Date`: `{{conversion}}`.',
      suggestSecondsFromMillis: 'Divide by 1000 and round down: `Math.floor(… / 1000)`.',
      suggestFloor: 'Round down to whole seconds: `Math.floor(…)`.',
      suggestSecondsFromDate: 'Send whole Unix seconds: `{{conversion}}`.',
      suggestSecondsFromString: 'Parse the date string and send whole Unix seconds: `Math.floor(Date.parse(…) / 1000)`.',
      suggestSecondsLiteral: 'Replace it with the Unix seconds it stands for: `{{seconds}}`.',
      suggestDateFromMillis: 'Wrap the milliseconds in a Date: `new Date(…)`.',
      suggestDateFromSeconds: 'Convert the seconds to a Date: `new Date(… * 1000)`.',
      secondsForMilliseconds:
        '`{{field}}` gets {{what}}, but {{sdk}} expects milliseconds since the epoch: the value is read as a time in January 1970, so the event is dated wrong or dropped. Send milliseconds: `{{conversion}}`.',
      dateForMilliseconds:
        '`{{field}}` gets {{what}}, but {{sdk}} expects a number of milliseconds since the epoch: the value goes out as a string, not as a time, so the event is rejected or dated wrong. Send `{{conversion}}`.',
      suggestMillisFromSeconds: 'Send the milliseconds: `{{conversion}}`.',
      suggestMillisFromDate: 'Send the milliseconds of the date: `{{conversion}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          additionalDateAttributes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Attribute names that hold dates besides the SDK model’s (`created_at`, any name ending in `_at`), e.g. `trial_end`.',
          },
          ignoreAttributes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Attribute names ending in `_at` that are not dates in your workspace, so their values are not checked.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ additionalDateAttributes: [], ignoreAttributes: [] }],
  },
  defaultOptions: [{ additionalDateAttributes: [], ignoreAttributes: [] }],
  create(context, [options]) {
    const analysis = getSdkAnalysis(context);
    if (!analysis.active) return {};
    const sourceCode = context.sourceCode;
    const extraDates = new Set(options.additionalDateAttributes ?? []);
    const ignored = new Set(options.ignoreAttributes ?? []);
    const typed = Boolean(sourceCode.parserServices?.program);
    const classifier = new TimeClassifier(sourceCode);
    const reported = new Set<string>();

    const isDateKey = (key: string, dateKeys: DateKeys): boolean =>
      !ignored.has(key) &&
      (dateKeys.names.includes(key) ||
        extraDates.has(key) ||
        dateKeys.suffixes.some((suffix) => key.length > suffix.length && key.endsWith(suffix)));

    const checkFields = (fields: readonly ResolvedField[], sdk: SdkDescriptor, direct: boolean): void => {
      for (const field of fields) {
        const { spec } = field;
        if (spec.role === 'timestamp' && spec.unit) {
          const path = spec.at.path ?? [];
          const name = path.length > 0 ? path[path.length - 1] : `argument ${spec.at.index + 1}`;
          check({ node: field.node, unit: spec.unit, field: name, sdk, indirect: field.indirect, direct });
        } else if (spec.role === 'attributes' && spec.dateKeys) {
          checkAttributes(field, spec.dateKeys, sdk, direct);
        }
      }
    };

    /** Each date key of an attributes object literal, written in the call or built earlier. */
    const checkAttributes = (field: ResolvedField, dateKeys: DateKeys, sdk: SdkDescriptor, direct: boolean): void => {
      const written = unwrap(field.node);
      const object = followBindings(sourceCode, written);
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
      const indirect = field.indirect || object !== written;
      // The effective properties: a later duplicate wins, a later spread may override anything.
      const effective = new Map<string, TSESTree.Property>();
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          effective.clear();
          continue;
        }
        const key = staticName(property.key, property.computed);
        if (key !== undefined) effective.set(key, property);
      }
      for (const [key, property] of effective) {
        if (!isDateKey(key, dateKeys) || property.value.type === AST_NODE_TYPES.AssignmentPattern) continue;
        if (property.kind !== 'init' || property.method) continue;
        check({ node: property.value as TSESTree.Expression, unit: dateKeys.unit, field: key, sdk, indirect, direct });
      }
    };

    const check = (slot: Slot): void => {
      if (overwritten(slot.node)) return;
      let value = classifier.classify(slot.node);
      if (value.kind === 'unknown' && slot.unit === 'unixSeconds' && typed) {
        // Types only decide what the syntax could not, and never for stringified numbers.
        const produced = followBindings(sourceCode, slot.node);
        if (!isStringification(produced)) value = classifyByType(sourceCode, slot.node) ?? value;
      }
      if (slot.unit === 'unixSeconds') checkSecondsSlot(slot, value);
      else if (slot.unit === 'unixMillis') checkMillisSlot(slot, value);
      else checkDateSlot(slot, slot.unit, value);
    };

    const checkSecondsSlot = (slot: Slot, value: TimeValue): void => {
      const data = { field: slot.field, sdk: slot.sdk.displayName };
      const E = slot.node;
      switch (value.kind) {
        case 'millis': {
          const autofix = value.certain && !value.indirect && !slot.indirect && slot.direct;
          const replacement = millisToSeconds(E, value);
          if (autofix) {
            report(slot, 'millisecondsForSeconds', data, { fix: replacement });
          } else {
            report(slot, 'millisecondsForSeconds', data, {
              suggest: value.partial ? [] : [{ messageId: 'suggestSecondsFromMillis', text: replacement }],
            });
          }
          return;
        }
        case 'fractionalSeconds':
          report(slot, 'fractionalSeconds', data, {
            suggest: value.partial ? [] : [{ messageId: 'suggestFloor', text: `Math.floor(${argument(E)})` }],
          });
          return;
        case 'date': {
          const lib = value.lib ?? 'native';
          const conversion = secondsOfDate(E, lib);
          report(
            slot,
            'dateForSeconds',
            { ...data, what: DATE_OBJECT[lib], conversion: CONVERSION[lib] },
            {
              suggest: value.partial
                ? []
                : [{ messageId: 'suggestSecondsFromDate', text: conversion, data: { conversion: CONVERSION[lib] } }],
            },
          );
          return;
        }
        case 'dateString':
        case 'string': {
          const what =
            value.kind === 'string' ? 'a value typed `string`' : value.iso ? 'an ISO-8601 string' : 'a formatted date string';
          report(slot, 'stringForSeconds', { ...data, what }, { suggest: value.partial ? [] : stringSuggestions(E, value) });
          return;
        }
        default:
          return;
      }
    };

    /** A millisecond slot: seconds (often `Math.floor(Date.now() / 1000)` out of habit) and dates are wrong. */
    const checkMillisSlot = (slot: Slot, value: TimeValue): void => {
      const data = { field: slot.field, sdk: slot.sdk.displayName };
      const E = slot.node;
      if (value.kind === 'seconds' || value.kind === 'fractionalSeconds') {
        // `Math.floor(ms / 1000)` written in place: the milliseconds it came from are what was meant.
        const ms = millisBeforeDivision(E);
        const conversion = ms ? sourceCode.getText(ms) : `${operand(E)} * 1000`;
        const what = value.kind === 'seconds' ? 'whole Unix seconds' : 'Unix seconds';
        const autofix = ms !== undefined && !value.indirect && !slot.indirect && slot.direct && classifier.classify(ms).certain;
        if (autofix) {
          report(slot, 'secondsForMilliseconds', { ...data, what, conversion }, { fix: conversion });
        } else {
          report(slot, 'secondsForMilliseconds', { ...data, what, conversion: ms ? conversion : 'seconds * 1000' }, {
            suggest: value.partial ? [] : [{ messageId: 'suggestMillisFromSeconds', text: conversion, data: { conversion } }],
          });
        }
        return;
      }
      if (value.kind === 'date' && (value.lib ?? 'native') === 'native') {
        const conversion = `${receiver(E)}.getTime()`;
        report(slot, 'dateForMilliseconds', { ...data, what: DATE_OBJECT.native, conversion: 'date.getTime()' }, {
          suggest: value.partial ? [] : [{ messageId: 'suggestMillisFromDate', text: conversion, data: { conversion } }],
        });
        return;
      }
      if (value.kind === 'dateString' && value.iso) {
        const conversion = value.source && !value.indirect ? `${receiver(value.source.node)}.getTime()` : `Date.parse(${argument(E)})`;
        const ok = value.source ? (value.source.lib ?? 'native') === 'native' : true;
        report(slot, 'dateForMilliseconds', { ...data, what: 'an ISO-8601 string', conversion: 'Date.parse(text)' }, {
          suggest: value.partial || !ok ? [] : [{ messageId: 'suggestMillisFromDate', text: conversion, data: { conversion } }],
        });
      }
    };

    const checkDateSlot = (slot: Slot, unit: Exclude<TimeUnit, 'unixSeconds' | 'unixMillis'>, value: TimeValue): void => {
      const what = NUMBER_FOUND[value.kind];
      if (!what) return;
      const E = slot.node;
      const suggest: Suggestion[] = [];
      if (!value.partial && value.kind === 'millis') {
        suggest.push({ messageId: 'suggestDateFromMillis', text: dateOf(E) });
      } else if (!value.partial && (value.kind === 'seconds' || value.kind === 'fractionalSeconds')) {
        // `Math.floor(ms / 1000)` was meant as seconds: the Date wants the milliseconds it came from.
        const ms = millisBeforeDivision(E);
        suggest.push({ messageId: 'suggestDateFromSeconds', text: ms ? dateOf(ms) : `new Date(${operand(E)} * 1000)` });
      }
      const inMillis = value.kind === 'millis' || value.digitsOf === 'millis';
      const number = value.kind === 'numericString' ? 'Number(text)' : inMillis ? 'ms' : 'seconds';
      const conversion = inMillis ? `new Date(${number})` : `new Date(${number} * 1000)`;
      report(
        slot,
        'numberForDate',
        { field: slot.field, sdk: slot.sdk.displayName, what, expected: EXPECTED[unit], conversion },
        { suggest },
      );
    };

    /** Suggestions for a date string in a seconds slot. */
    const stringSuggestions = (E: TSESTree.Expression, value: TimeValue): Suggestion[] => {
      // `d.toISOString()` written in place: convert the date it came from.
      if (value.source && !value.indirect) {
        const lib = value.source.lib ?? 'native';
        return [
          {
            messageId: 'suggestSecondsFromDate',
            text: secondsOfDate(value.source.node, lib),
            data: { conversion: CONVERSION[lib] },
          },
        ];
      }
      if (typeof value.literal === 'string' && !value.indirect) {
        const seconds = isoToUnixSeconds(value.literal);
        if (seconds !== undefined) {
          return [{ messageId: 'suggestSecondsLiteral', text: String(seconds), data: { seconds: String(seconds) } }];
        }
      }
      if (value.kind === 'string' || value.iso) {
        return [{ messageId: 'suggestSecondsFromString', text: `Math.floor(Date.parse(${argument(E)}) / 1000)` }];
      }
      return [];
    };

    interface Suggestion {
      messageId: MessageIds;
      text: string;
      data?: Record<string, string>;
    }

    const report = (
      slot: Slot,
      messageId: MessageIds,
      data: Record<string, string>,
      how: { fix?: string; suggest?: Suggestion[] },
    ): void => {
      const key = `${slot.node.range[0]}:${slot.node.range[1]}:${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        node: slot.node,
        messageId,
        data,
        fix: how.fix === undefined ? null : (fixer) => replaceSlot(fixer, slot.node, how.fix!),
        suggest: (how.suggest ?? []).map((suggestion) => ({
          messageId: suggestion.messageId,
          data: suggestion.data,
          fix: (fixer: TSESLint.RuleFixer) => replaceSlot(fixer, slot.node, suggestion.text),
        })),
      });
    };

    /** Replaces the value; a shorthand property (`{ timestamp }`) keeps its key. */
    const replaceSlot = (fixer: TSESLint.RuleFixer, node: TSESTree.Node, text: string): TSESLint.RuleFix => {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === node) {
        return fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${text}`);
      }
      return fixer.replaceText(node, text);
    };

    const millisToSeconds = (E: TSESTree.Expression, value: TimeValue): string => {
      const target = unwrap(E);
      // A 13-digit literal becomes the 10-digit literal: the same instant, rounded down.
      if (target.type === AST_NODE_TYPES.Literal && typeof value.literal === 'number' && !value.indirect) {
        return String(Math.floor(value.literal / 1000));
      }
      return `Math.floor(${operand(E)} / 1000)`;
    };

    /** `new Date(ms)`; `new Date()` for `Date.now()`. */
    const dateOf = (ms: TSESTree.Node): string => {
      const target = unwrap(ms);
      const now =
        target.type === AST_NODE_TYPES.CallExpression &&
        target.arguments.length === 0 &&
        sourceCode.getText(target.callee).replace(/\s/g, '') === 'Date.now' &&
        classifier.classify(target).certain;
      return now ? 'new Date()' : `new Date(${argument(ms)})`;
    };

    /** The millisecond operand of `ms / 1000` or `Math.floor(ms / 1000)`, if that is what `node` is. */
    const millisBeforeDivision = (node: TSESTree.Node): TSESTree.Node | undefined => {
      let target = unwrap(node);
      if (
        target.type === AST_NODE_TYPES.CallExpression &&
        target.arguments.length === 1 &&
        target.callee.type === AST_NODE_TYPES.MemberExpression &&
        /^Math\.(?:floor|round|trunc|ceil)$/.test(sourceCode.getText(target.callee))
      ) {
        target = unwrap(target.arguments[0]);
      }
      if (
        target.type === AST_NODE_TYPES.BinaryExpression &&
        target.operator === '/' &&
        target.right.type === AST_NODE_TYPES.Literal &&
        target.right.value === 1000 &&
        classifier.classify(target.left).kind === 'millis'
      ) {
        return target.left;
      }
      return undefined;
    };

    const secondsOfDate = (node: TSESTree.Expression, lib: DateLib): string => {
      const object = receiver(node);
      if (lib === 'dayjs' || lib === 'moment') return `${object}.unix()`;
      if (lib === 'luxon') return `${object}.toUnixInteger()`;
      return `Math.floor(${object}.getTime() / 1000)`;
    };

    const operand = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(node);
      const safe =
        OPERAND_SAFE.has(node.type) ||
        (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '*' || node.operator === '/' || node.operator === '%'));
      return safe ? text : `(${text})`;
    };

    const argument = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(node);
      return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
    };

    const receiver = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(node);
      const safe =
        node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.MemberExpression ||
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.ThisExpression ||
        node.type === AST_NODE_TYPES.TSNonNullExpression ||
        (node.type === AST_NODE_TYPES.NewExpression && text.endsWith(')'));
      return safe ? text : `(${text})`;
    };

    /** A value later replaced through the object it sits in (`attrs.created_at = ...`): unknown. */
    const overwritten = (node: TSESTree.Node): boolean => {
      let key: string | undefined;
      for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
        const parent: TSESTree.Node = current.parent;
        if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
          key = staticName(parent.key, parent.computed);
          if (key === undefined) return false;
        } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
          return key !== undefined && parent.id.type === AST_NODE_TYPES.Identifier && writesMember(sourceCode, parent.id, key);
        } else if (parent.type !== AST_NODE_TYPES.ObjectExpression && !isTransparent(parent)) {
          return false;
        }
      }
      return false;
    };

    return {
      Program() {
        for (const call of analysis.calls) checkFields(call.fields, call.sdk, call.receiver !== undefined);
        for (const construction of analysis.constructions) checkFields(construction.fields, construction.sdk, true);
      },
    };
  },
});

/** How messages spell the conversion of a date object to whole seconds. */
const CONVERSION: Readonly<Record<DateLib, string>> = {
  native: 'Math.floor(date.getTime() / 1000)',
  dayjs: 'date.unix()',
  moment: 'date.unix()',
  luxon: 'dateTime.toUnixInteger()',
};

function isTransparent(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}
