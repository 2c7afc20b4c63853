import { describe, expect, it } from 'vitest';
import { partnersToText, textToPartners } from '../../../client/features/coordinate/PartnersPanel.js';

describe('the partner list as the coordinator types it', () => {
  it('reads names, aliases and an address after "@"', () => {
    expect(textToPartners('VVSG | Vereniging van Vlaamse Steden | @ Bischoffsheimlaan 1, Brussel\nKL\n\n')).toEqual([
      { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden'], address: 'Bischoffsheimlaan 1, Brussel' },
      { name: 'KL', aliases: [] },
    ]);
  });

  it('writes back what it read, so saving from the dashboard keeps every address', () => {
    const partners = [
      { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden'], address: 'Bischoffsheimlaan 1, Brussel' },
      { name: 'KL', aliases: ['Kommunernes Landsforening'] },
    ];
    expect(textToPartners(partnersToText({ partners, corrections: [] }))).toEqual(partners);
  });
});
