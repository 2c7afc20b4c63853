import { createHash } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/schemas/primitives.js';

/** Facilitator and coordinator keys: 32 nanoid characters (~190 bits). Only their hash is stored. */
export const newSecretKey = (): string => nanoid(32);

export const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

/** Secrets are long random strings, so a plain SHA-256 is enough: there is nothing to brute-force. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Ids for sessions, groups, answers. */
export const newId = (): string => nanoid(16);
