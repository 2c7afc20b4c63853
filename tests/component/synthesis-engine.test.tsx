import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SynthesisPanel } from '../../client/features/synthesis/SynthesisPanel.js';
import type { SynthesisEngine } from '../../shared/schemas/synthesis.js';
import type { Language } from '../../shared/schemas/primitives.js';
import { asFacilitator, asParticipant, sessionInRound } from './fixtures.js';
import { FAC } from '../unit/domain/harness.js';

beforeEach(() => localStorage.clear());

function withEngine(engine: SynthesisEngine) {
  const h = sessionInRound();
  h.run(FAC, { type: 'round.end' });
  h.run(FAC, { type: 'synthesis.publish', published: true });
  h.state = { ...h.state, synthesis: { ...h.state.synthesis!, engine } };
  return h;
}

describe('which engine made the synthesis, in the facilitator’s console', () => {
  it.each<[Language, string]>([
    ['en', 'The language model could not be used (the embedding server answered HTTP 500)'],
    ['nl', 'Het taalmodel kon niet worden gebruikt (the embedding server answered HTTP 500)'],
    ['fr', 'Le modèle de langue n’a pas pu être utilisé (the embedding server answered HTTP 500)'],
    ['da', 'Sprogmodellen kunne ikke bruges (the embedding server answered HTTP 500)'],
  ])('a fallback says why (%s)', (lang, text) => {
    asFacilitator(withEngine({ kind: 'lexical', fallbackReason: 'the embedding server answered HTTP 500' }), { chosenLanguage: lang });
    render(<SynthesisPanel mode="facilitator" />);
    expect(screen.getByTestId('synthesis-engine')).toHaveTextContent(text);
  });

  it('a semantic run says so; the plain lexical engine says nothing; participants never see it', () => {
    asFacilitator(withEngine({ kind: 'semantic' }));
    const { unmount } = render(<SynthesisPanel mode="facilitator" />);
    expect(screen.getByTestId('synthesis-engine')).toHaveTextContent('Grouped by meaning');
    unmount();
    asFacilitator(withEngine({ kind: 'lexical' }));
    const second = render(<SynthesisPanel mode="facilitator" />);
    expect(screen.queryByTestId('synthesis-engine')).toBeNull();
    second.unmount();
    asParticipant(withEngine({ kind: 'lexical', fallbackReason: 'timed out' }), 'ann');
    render(<SynthesisPanel mode="participant" />);
    expect(screen.getByTestId('synthesis')).toBeInTheDocument();
    expect(screen.queryByTestId('synthesis-engine')).toBeNull();
  });
});
