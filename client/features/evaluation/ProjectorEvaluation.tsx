import './evaluation.css';
import type { EvaluationState } from '../../../shared/domain/evaluation.js';
import type { Language } from '../../../shared/schemas/primitives.js';
import { useT } from '../../useT.js';
import { EvaluationResults } from './EvaluationResults.js';

/** The evaluation for the back of the room: the count, average and distribution live, the themes once closed; no answer texts. */
export function ProjectorEvaluation({ evaluation, language }: { evaluation: EvaluationState; language: Language }) {
  const t = useT();
  return (
    <section className="projector-evaluation" aria-labelledby="projector-evaluation-title" data-testid="projector-evaluation">
      <h2 id="projector-evaluation-title">{t('evaluation')}</h2>
      <EvaluationResults evaluation={evaluation} language={language} large />
    </section>
  );
}
