import { describe, expect, it } from 'vitest';
import { Command, JoinRequest } from '../../../shared/protocol/commands.js';
import { Id, RESERVED_IDS, sanitizeName, sanitizeText } from '../../../shared/schemas/primitives.js';
import { own } from '../../../shared/domain/permissions.js';

describe('one sanitising rule for every text field', () => {
  it('drops what XML, Markdown or a terminal would misread, and keeps what people write', () => {
    expect(sanitizeText('a\uFFFEb\uFFFFc')).toBe('abc');
    expect(sanitizeText('x\u{1FFFE}y\u{10FFFF}z')).toBe('xyz');
    expect(sanitizeText('\uFDD0nc\uFDEF')).toBe('nc');
    expect(sanitizeText('one\rtwo\r\nthree\n')).toBe('one\ntwo\nthree\n');
    expect(sanitizeText('left \u202Eright\u202C \u2066iso\u2069')).toBe('left right iso');
    expect(sanitizeText('bell\u0007 nul\u0000 esc\u001B[31m')).toBe('bell nul esc[31m');
    expect(sanitizeText('lone \uD800 surrogate \uDC00')).toBe('lone  surrogate ');
    // Kept: emoji (with their joiners), accents, tabs, newlines, right-to-left scripts.
    for (const ok of ['Ærø, l’économie sociale 🎉', '👩\u200D👩\u200D👧', 'a\tb\nc', 'שלום עולם', 'می\u200Cخواهم']) expect(sanitizeText(ok)).toBe(ok);
  });

  it('names also lose zero-width and invisible characters, and line breaks', () => {
    expect(sanitizeName('A\u200Bn\u200Dn\uFEFF\u00AD')).toBe('Ann');
    expect(sanitizeName('\u202Egnp.exe')).toBe('gnp.exe');
    expect(sanitizeName('Ann\nBob')).toBe('Ann Bob');
  });

  it('applies through the schemas: a name of only invisible characters is no name', () => {
    const base = { opId: 'op-12345678', joinCode: 'ABCDEFGH', token: 't'.repeat(24) };
    expect(JoinRequest.safeParse({ ...base, name: '\u200B\u202E' }).success).toBe(false);
    expect(JoinRequest.parse({ ...base, name: ' Zo\u200Be ', organisation: '\u2066Org\u2069' })).toMatchObject({ name: 'Zoe', organisation: 'Org' });
    expect(Command.parse({ type: 'answer.add', opId: 'op-12345678', promptId: 'p1', text: 'a\rb\uFFFE' })).toMatchObject({ text: 'a\nb' });
  });
});

describe('ids never reach Object.prototype', () => {
  it('refuses the names a plain object already has, in every id and in record keys', () => {
    for (const bad of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(RESERVED_IDS).toContain(bad);
      expect(Id.safeParse(bad).success).toBe(false);
      const raw = JSON.parse(`{"type":"prompts.deal","opId":"op-12345678","mode":"manual","assignments":{"${bad}":["p1"]}}`);
      expect(Command.safeParse(raw).success, bad).toBe(false);
    }
    expect(Id.safeParse('proto').success).toBe(true);
  });

  it('looks ids up among own properties only', () => {
    const groups: Record<string, { n: number }> = { g1: { n: 1 } };
    expect(own(groups, 'g1')).toEqual({ n: 1 });
    expect(own(groups, 'constructor')).toBeUndefined();
    expect(own(groups, '__proto__')).toBeUndefined();
    expect(own(groups, 'toString')).toBeUndefined();
  });
});
