import type { EventEnvelope } from '../../shared/protocol/events.js';
import { DomainHarness, FAC } from '../unit/domain/harness.js';
import type { CreatedSession } from './clients.js';

/**
 * A session in its first round with `texts.length` answers spread over its three prompts and `groups` groups,
 * imported through the real import endpoint (building it answer by answer over sockets would take minutes).
 */
export async function importSessionWithAnswers(
  url: string,
  texts: string[],
  opts: { groups?: number; language?: 'en' | 'nl' | 'fr' | 'da'; operatorToken?: string } = {},
): Promise<CreatedSession & { groupIds: string[] }> {
  const h = new DomainHarness();
  h.now = Date.now(); // the round must still be running on the server's clock
  const groups = opts.groups ?? 20;
  for (let i = 0; i < groups * 2; i++) h.join(`p${i}`, `org${i % 7}`);
  h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: groups } });
  h.run(FAC, { type: 'round.start', durationSeconds: 3600 });
  const groupIds = h.state.groupOrder;
  const answers: EventEnvelope[] = texts.map((text, i) => ({
    seq: h.state.seq + 1 + i,
    at: h.now,
    event: {
      type: 'answer.added',
      answer: {
        id: `ans${i}`,
        promptId: `p${(i % 3) + 1}`,
        groupId: groupIds[i % groupIds.length],
        authorId: null,
        text,
        ...(opts.language ? { language: opts.language } : {}),
        round: 1,
        createdAt: h.now,
        updatedAt: h.now,
      },
    },
  }));
  const body = {
    schemaVersion: 1,
    kind: 'session',
    sessionId: 'import',
    createdAt: h.now,
    events: [...h.log, ...answers].map((e) => ({ seq: e.seq, at: e.at, type: e.event.type, data: e.event })),
  };
  const res = await fetch(`${url}/api/sessions/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.operatorToken ? { authorization: `Bearer ${opts.operatorToken}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as CreatedSession), groupIds };
}

/** Deterministic answers in the shape of a real session: a few topic words and filler, many near-repeats. */
export function answerTexts(n: number, seed = 1): string[] {
  let x = seed >>> 0;
  const rnd = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  const topics = [
    ['lobby', 'advocacy', 'voice', 'policy', 'politicians'],
    ['funding', 'grants', 'money', 'budget', 'subsidies'],
    ['knowledge', 'sharing', 'experience', 'learning', 'methods'],
    ['visibility', 'media', 'recognition', 'image', 'profile'],
    ['support', 'help', 'coaching', 'advice', 'guidance'],
    ['meeting', 'events', 'coffee', 'informal', 'community'],
    ['training', 'courses', 'skills', 'workshops', 'webinars'],
    ['volunteers', 'recruitment', 'retention', 'burnout', 'time'],
  ];
  const filler = ['our', 'members', 'more', 'better', 'local', 'regional', 'partners', 'together', 'every', 'year', 'small', 'organisations'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: n }, () => {
    const words = pick(topics);
    return [0, 1, 2, 3, 4, 5].map((k) => (k % 2 ? pick(filler) : pick(words))).join(' ');
  });
}
