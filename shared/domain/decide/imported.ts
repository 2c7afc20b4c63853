import type { SessionEvent } from '../../protocol/events.js';
import { LIMITS, sanitizeName, sanitizeText } from '../../schemas/primitives.js';
import type { SessionState } from '../../schemas/session.js';
import type { SynthesisDoc } from '../../schemas/synthesis.js';
import { reject } from '../context.js';
import { own } from '../permissions.js';
import { EVALUATION_LIMITS } from '../evaluation.js';
import { checkImportedPlanEvent } from './plan.js';
import { withTexts } from '../curation/texts.js';

/**
 * An imported log is replayed event by event, and each event must be one the live app could have decided on the
 * state before it: the same field limits and the same sanitising rule as a command, and only references to what
 * exists (an answer to a known prompt in a current group, a move of a known participant, a vote on a shown theme
 * within the vote budget). Throws a DomainError (`invalid`) naming the first event that could not have happened;
 * the caller refuses the whole import.
 */
export function checkImportedEvent(s: SessionState, e: SessionEvent): void {
  if (s.seq === 0 && e.type !== 'session.created') reject('invalid', 'The log must start with session.created');
  if (s.seq > 0 && e.type === 'session.created') reject('invalid', 'Only the first event may create the session');
  if (s.phase === 'closed') reject('invalid', `${e.type} after the session was closed`);
  switch (e.type) {
    case 'session.created':
    case 'session.updated':
      if (e.title !== undefined) field(e.title, LIMITS.title, 'title');
      if (e.description) field(e.description, LIMITS.description, 'description');
      if (e.prompts) {
        if (e.prompts.length < 1 || e.prompts.length > LIMITS.prompts) reject('invalid', `1 to ${LIMITS.prompts} prompts`);
        for (const p of e.prompts) field(p.text, LIMITS.promptText, 'prompt');
        unique(
          e.prompts.map((p) => p.id),
          'prompt ids',
        );
      }
      return;
    case 'session.phaseChanged':
    case 'session.closed':
    case 'facilitator.invited':
    case 'facilitator.revoked':
    case 'round.extended':
      if (e.type === 'facilitator.invited') field(e.label, LIMITS.name, 'facilitator label', sanitizeName);
      return;
    case 'participant.joined': {
      const p = e.participant;
      if (own(s.participants, p.id)) reject('invalid', `participant ${p.id} joined twice`);
      field(p.name, LIMITS.name, 'name', sanitizeName);
      if (p.organisation !== null) field(p.organisation, LIMITS.organisation, 'organisation', sanitizeName);
      if (p.country !== null) field(p.country, LIMITS.country, 'country', sanitizeName);
      if (p.groupId !== null) currentGroup(s, p.groupId);
      return;
    }
    case 'participant.moved':
      if (!own(s.participants, e.participantId)) reject('invalid', `move of unknown participant ${e.participantId}`);
      currentGroup(s, e.groupId);
      return;
    case 'groups.formed':
    case 'groups.merged': {
      if (e.groups.length > LIMITS.groupCount) reject('invalid', `more than ${LIMITS.groupCount} groups`);
      const members = e.groups.flatMap((g) => g.memberIds);
      unique(members, 'group members');
      for (const pid of members) if (!own(s.participants, pid)) reject('invalid', `group member ${pid} never joined`);
      unique(
        e.groups.map((g) => g.id),
        'group ids',
      );
      for (const g of e.groups) {
        if (g.archived) reject('invalid', 'a new group cannot be archived');
        // A merged group's lineage names earlier groups; its own id is new.
        if (own(s.groups, g.id) && e.type === 'groups.formed') reject('invalid', `group ${g.id} formed twice`);
        for (const id of g.lineage) if (id !== g.id && !own(s.groups, id)) reject('invalid', `group ${g.id} descends from unknown group ${id}`);
        for (const pid of g.promptIds ?? []) knownPrompt(s, pid);
      }
      return;
    }
    case 'prompts.dealt':
      for (const [gid, pids] of Object.entries(e.assignments)) {
        currentGroup(s, gid);
        for (const pid of pids ?? []) knownPrompt(s, pid);
      }
      return;
    case 'round.started':
      if (s.groupOrder.length === 0) reject('invalid', 'a round started before any groups');
      if (s.round && s.round.endedAt === null) reject('invalid', 'a round started while one was running');
      return;
    case 'round.ended':
      if (!s.round || s.round.endedAt !== null) reject('invalid', 'a round ended that was not running');
      return;
    case 'broadcast.sent':
      if (e.message !== null) field(e.message, LIMITS.broadcast, 'broadcast');
      return;
    case 'answer.added': {
      const a = e.answer;
      if (own(s.answers, a.id)) reject('invalid', `answer ${a.id} added twice`);
      field(a.text, LIMITS.answerText, 'answer');
      knownPrompt(s, a.promptId);
      const g = own(s.groups, a.groupId) ?? reject('invalid', `answer ${a.id} to unknown group ${a.groupId}`);
      if (g.archived) reject('invalid', `answer ${a.id} to a group of an earlier split`);
      if (a.authorId !== null && !own(s.participants, a.authorId)) reject('invalid', `answer ${a.id} by unknown participant ${a.authorId}`);
      return;
    }
    case 'answer.edited':
    case 'answer.deleted': {
      const a = own(s.answers, e.answerId) ?? reject('invalid', `${e.type} of unknown answer ${e.answerId}`);
      if (a.groupId !== e.groupId) reject('invalid', `${e.type} names the wrong group for answer ${e.answerId}`);
      if (e.type === 'answer.edited') field(e.text, LIMITS.answerText, 'answer');
      return;
    }
    case 'group.signalled':
      if (!own(s.groups, e.groupId)) reject('invalid', `signal from unknown group ${e.groupId}`);
      return;
    case 'synthesis.updated':
      if (e.synthesis) checkDoc(s, withTexts(e.synthesis, s.answers));
      return;
    case 'synthesis.themeRenamed':
      field(e.label, LIMITS.themeLabel, 'theme label');
      return needsSynthesis(s);
    case 'synthesis.summaryEdited':
      if (e.summary !== null) field(e.summary, LIMITS.summary, 'summary');
      return needsSynthesis(s);
    case 'synthesis.votesOpened':
      if (e.votesPerParticipant < 0 || e.votesPerParticipant > LIMITS.votesPerParticipant) reject('invalid', `0 to ${LIMITS.votesPerParticipant} votes each`);
      return needsSynthesis(s);
    case 'synthesis.themesMerged':
    case 'synthesis.answerMoved':
    case 'synthesis.themeSplit':
    case 'synthesis.themeHidden':
    case 'synthesis.consensusSet':
    case 'synthesis.unpublished':
      // The reducer applies these with the curation operations, which refuse unknown themes and answers.
      return needsSynthesis(s);
    case 'vote.cast': {
      const doc = s.synthesis ?? reject('invalid', 'a vote before any synthesis');
      if (!own(s.participants, e.participantId)) reject('invalid', `vote by unknown participant ${e.participantId}`);
      if (!doc.published || doc.votesPerParticipant === 0) reject('invalid', 'a vote while voting was closed');
      if (!doc.prompts.some((p) => p.themes.some((t) => t.id === e.themeId && !t.hidden))) reject('invalid', `vote on unknown theme ${e.themeId}`);
      if ((own(doc.votes, e.participantId) ?? []).length >= doc.votesPerParticipant)
        reject('invalid', `participant ${e.participantId} voted more than allowed`);
      return;
    }
    case 'vote.retracted':
      if (!(own(s.synthesis?.votes ?? {}, e.participantId) ?? []).includes(e.themeId)) reject('invalid', 'a vote retracted that was never cast');
      return;
    case 'plan.set':
    case 'plan.stepped':
      return checkImportedPlanEvent(s, e);
    case 'evaluation.opened':
      for (const q of [e.questions.rating, e.questions.takeBack, e.questions.change])
        if (q !== null) field(q, EVALUATION_LIMITS.question, 'evaluation question');
      return;
    case 'evaluation.closed': {
      const ev = s.evaluation ?? reject('invalid', 'an evaluation closed that was never opened');
      for (const t of [...(e.themes?.takeBack ?? []), ...(e.themes?.change ?? [])]) {
        field(t.label, LIMITS.themeLabel, 'evaluation theme');
        for (const id of t.responseIds) if (!own(ev.responses, id)) reject('invalid', `an evaluation theme holds unknown response ${id}`);
      }
      return;
    }
    case 'evaluation.responded': {
      const ev = s.evaluation ?? reject('invalid', 'an evaluation response before any evaluation');
      if (!ev.open) reject('invalid', 'an evaluation response while it was closed');
      if (own(ev.responses, e.response.id)) reject('invalid', `evaluation response ${e.response.id} given twice`);
      for (const text of [e.response.takeBack, e.response.change]) if (text !== null) field(text, EVALUATION_LIMITS.answer, 'evaluation answer');
      return;
    }
    case 'evaluation.respondentRecorded':
      // Exports leave out who answered (null): only a named respondent can be checked.
      if (!s.evaluation) reject('invalid', 'an evaluation respondent before any evaluation');
      if (e.participantId !== null && !own(s.participants, e.participantId)) reject('invalid', `evaluation by unknown participant ${e.participantId}`);
      if (e.participantId !== null && own(s.evaluation?.respondents ?? {}, e.participantId))
        reject('invalid', `participant ${e.participantId} answered the evaluation twice`);
      return;
    default:
      return reject('invalid', `Unknown event ${(e as { type: string }).type}`);
  }
}

/** Text as a command would have taken it: not empty, within its limit, and unchanged by the sanitising rule. */
function field(value: string, max: number, what: string, clean: (v: string) => string = sanitizeText): void {
  if (value.trim().length === 0) reject('invalid', `an empty ${what}`);
  if (value.length > max) reject('invalid', `a ${what} longer than ${max} characters`);
  if (clean(value) !== value) reject('invalid', `a ${what} with characters the app does not keep`);
}

function unique(ids: string[], what: string): void {
  if (new Set(ids).size !== ids.length) reject('invalid', `repeated ${what}`);
}

function currentGroup(s: SessionState, groupId: string): void {
  const g = own(s.groups, groupId) ?? reject('invalid', `unknown group ${groupId}`);
  if (g.archived) reject('invalid', `group ${groupId} belongs to an earlier split`);
}

function knownPrompt(s: SessionState, promptId: string): void {
  if (!s.prompts.some((p) => p.id === promptId)) reject('invalid', `unknown prompt ${promptId}`);
}

function needsSynthesis(s: SessionState): void {
  if (!s.synthesis) reject('invalid', 'curation before any synthesis');
}

function checkDoc(s: SessionState, doc: SynthesisDoc): void {
  if (doc.votesPerParticipant < 0 || doc.votesPerParticipant > LIMITS.votesPerParticipant) reject('invalid', `0 to ${LIMITS.votesPerParticipant} votes each`);
  for (const [id, a] of Object.entries(doc.answers)) {
    field(a.text, LIMITS.answerText, 'answer in the synthesis');
    if (!own(s.answers, id) && !Object.hasOwn(s.synthesis?.answers ?? {}, id)) reject('invalid', `the synthesis quotes unknown answer ${id}`);
  }
  for (const p of doc.prompts) {
    knownPrompt(s, p.promptId);
    if (p.summary) field(p.summary, LIMITS.summary, 'summary');
    for (const t of p.themes) {
      field(t.label, LIMITS.themeLabel, 'theme label');
      for (const id of t.answerIds) if (!Object.hasOwn(doc.answers, id)) reject('invalid', `theme ${t.id} holds unknown answer ${id}`);
    }
  }
  for (const [pid, themeIds] of Object.entries(doc.votes)) {
    if (!own(s.participants, pid)) reject('invalid', `votes of unknown participant ${pid}`);
    if (themeIds.length > doc.votesPerParticipant) reject('invalid', `participant ${pid} voted more than allowed`);
  }
}
