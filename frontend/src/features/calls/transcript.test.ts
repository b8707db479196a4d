import { describe, expect, it } from 'vitest';
import { clock, turnsOf, type TranscriptWord } from './transcript';
import { draftEdits, draftFormOf, type OrderDraft } from './draft';

const word = (speaker: string, w: string, start: number): TranscriptWord => ({ speaker, word: w, start, end: start + 0.4, confidence: 0.9 });

describe('transcript turns', () => {
  it('joins a speaker’s consecutive words and starts a turn when the speaker changes', () => {
    const turns = turnsOf([word('client', 'не', 1.2), word('operator', 'здравствуйте', 0), word('client', 'сливает', 1.7), word('operator', 'адрес', 3)]);
    expect(turns).toEqual([
      { speaker: 'operator', start: 0, text: 'здравствуйте' },
      { speaker: 'client', start: 1.2, text: 'не сливает' },
      { speaker: 'operator', start: 3, text: 'адрес' },
    ]);
  });

  it('starts a new turn of the same speaker after a long pause', () => {
    expect(turnsOf([word('mixed', 'алло', 0), word('mixed', 'да', 10)])).toHaveLength(2);
    expect(turnsOf([])).toEqual([]);
  });

  it('shows a point in the recording as m:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.9)).toBe('1:15');
  });
});

describe('order draft edits', () => {
  const field = (value: string | null) => ({ value, evidence: value });
  const draft: OrderDraft = {
    city: field('Казань'), address: field('ул. Баумана, 12'), equipmentType: field('стиральная машина'), problem: field('не сливает воду'),
    visitDate: field('2026-03-11T14:00'), clientName: null, summary: 'Клиент просит мастера', sentiment: 'neutral', generator: 'rules', generated: true,
  };

  it('fills the form from the draft, empty where the call did not say', () => {
    expect(draftFormOf(draft)).toEqual({ clientName: '', city: 'Казань', address: 'ул. Баумана, 12', typeEquipment: 'стиральная машина', problem: 'не сливает воду' });
  });

  it('sends only what the operator changed', () => {
    const form = { ...draftFormOf(draft), clientName: ' Анна ', problem: 'не отжимает' };
    expect(draftEdits(draft, form)).toEqual({ clientName: 'Анна', problem: 'не отжимает' });
    expect(draftEdits(draft, draftFormOf(draft))).toEqual({});
  });
});
