import { z } from 'zod';

/** The languages the UI and the synthesis serve. */
export const LANGUAGES = ['en', 'nl', 'fr', 'da'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/**
 * Text limits, one place for all of them (SECURITY.md lists them).
 * Generous for people, small enough that one payload stays far under maxHttpBufferSize.
 */
export const LIMITS = {
  title: 200,
  description: 2000,
  promptText: 500,
  prompts: 20,
  answerText: 1000,
  name: 80,
  organisation: 120,
  country: 80,
  broadcast: 500,
  themeLabel: 200,
  summary: 5000,
  votesPerParticipant: 20,
  groupCount: 200,
  roundSeconds: { min: 10, max: 4 * 3600 },
  extendSeconds: { min: 10, max: 3600 },
} as const;

/*
 * The one rule for every text field people type (answers, names, labels, prompts, titles), applied on the way in,
 * so every export and screen gets text that no XML parser, Markdown renderer or terminal misreads:
 * - control characters other than tab and newline, lone surrogates (XML 1.0 cannot hold them; Word refuses the file);
 * - Unicode non-characters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows them;
 * - a carriage return becomes a newline (a lone CR starts a new Markdown block, and in a terminal overwrites the line).
 * Names also lose zero-width characters, so "Ann" and "An\u200Bn" cannot pose as one person.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ZERO_WIDTH = /[\u00AD\u034F\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

export function sanitizeText(v: string): string {
  return v.replace(LONE_SURROGATE, '').replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

/** A person's name, organisation or country: the text rule, and no invisible characters at all. */
export function sanitizeName(v: string): string {
  return sanitizeText(v).replace(ZERO_WIDTH, '').replace(/\n/g, ' ');
}

const clean = (kind: 'text' | 'name') => z.string().transform(kind === 'name' ? sanitizeName : sanitizeText);

/** Trimmed text that must not be empty after trimming. */
export const text = (max: number, kind: 'text' | 'name' = 'text') => clean(kind).pipe(z.string().trim().min(1).max(max));
/** Trimmed optional text; empty becomes null. */
export const optionalText = (max: number, kind: 'text' | 'name' = 'text') =>
  clean(kind)
    .pipe(z.string().trim().max(max))
    .nullish()
    .transform((v) => (v ? v : null));
/** Trimmed text that may be empty (a broadcast cleared with ""). */
export const maybeEmptyText = (max: number) => clean('text').pipe(z.string().trim().max(max));

/**
 * Names a plain object already has: an id equal to one would reach `Object.prototype` through `record[id]`.
 * Refused by every id schema; lookups in the domain also go through own properties only (`own` in permissions.ts).
 */
export const RESERVED_IDS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
];

/** Ids made by nanoid (server) or by clients (opIds): URL-safe, bounded, never a name an object already has. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id')
  .refine((v) => !RESERVED_IDS.includes(v), 'not a valid id');
export const OpId = z.string().regex(/^[A-Za-z0-9_:-]{8,80}$/, 'opId must be 8-80 URL-safe characters');

/** Join codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;
export const JoinCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), 'not a valid join code'));

/** ISO calendar date (YYYY-MM-DD), the day the session takes place. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/**
 * Whether a payload's own keys avoid the reserved names. zod drops a `__proto__` key silently (it cannot assign
 * it), so a record keyed by ids checks the raw keys first: such a payload is refused, not quietly emptied.
 */
export const hasNoReservedKeys = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => !RESERVED_IDS.includes(k));
