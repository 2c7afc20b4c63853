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

/** Trimmed text that must not be empty after trimming. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Trimmed optional text; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Ids made by nanoid (server) or by clients (opIds): URL-safe, bounded. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
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
