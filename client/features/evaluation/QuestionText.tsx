import { type EvaluationState, type QuestionKey, questionText } from '../../../shared/domain/evaluation.js';
import { useStore } from '../../store/index.js';
import { useLanguage } from '../../useT.js';

/**
 * A question as this reader sees it: a facilitator's own wording as written (content, in the session's language),
 * else the default one in the reader's interface language.
 */
export function QuestionText({ evaluation, questionKey }: { evaluation: Pick<EvaluationState, 'questions'>; questionKey: QuestionKey }) {
  const lang = useLanguage();
  const sessionLanguage = useStore((s) => s.view?.language);
  const own = evaluation.questions[questionKey];
  return own ? <span lang={sessionLanguage}>{own}</span> : questionText(evaluation.questions, questionKey, lang);
}
