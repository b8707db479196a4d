import { describe, expect, it } from 'vitest';
import type { KbEntry } from '../../shared/api/types';
import { kbBody, kbFormOf } from './kbEntry';

const entry: KbEntry = {
  id: 4, category: 'цены', title: 'Стоимость диагностики', questions: ['сколько стоит диагностика', 'цена вызова'],
  answer: 'Диагностика бесплатна при ремонте.', city: 'Казань', authorId: 1, createdAt: '', updatedAt: '',
};

describe('knowledge-base form', () => {
  it('creates with the question variants one per line, blank lines dropped, no city meaning every city', () => {
    expect(kbBody({ category: ' цены ', title: 'Выезд', questions: 'сколько стоит выезд\n\n  выезд мастера  \n', answer: 'Бесплатно', city: '' }, null))
      .toEqual({ category: 'цены', title: 'Выезд', questions: ['сколько стоит выезд', 'выезд мастера'], answer: 'Бесплатно' });
  });

  it('updates only what changed', () => {
    const form = { ...kbFormOf(entry), questions: 'сколько стоит диагностика\nцена вызова\nдиагностика платная?' };
    expect(kbBody(form, entry)).toEqual({ questions: ['сколько стоит диагностика', 'цена вызова', 'диагностика платная?'] });
    expect(kbBody(kbFormOf(entry), entry)).toEqual({});
  });

  it('sends an emptied city as "" so the entry becomes one for every city', () => {
    expect(kbBody({ ...kbFormOf(entry), city: '' }, entry)).toEqual({ city: '' });
  });
});
