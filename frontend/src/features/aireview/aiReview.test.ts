import { describe, expect, it } from 'vitest';
import { entriesFor, weakestFirst, type DraftFieldEdits } from './aiReview';

const edits = (field: string, accepted: number, editedShare: number): DraftFieldEdits =>
  ({ field, accepted, kept: 0, changed: 0, filled: 0, empty: 0, editedShare });

describe('the AI review page', () => {
  it('lists the draft fields operators edit most first', () => {
    const sorted = weakestFirst([edits('city', 10, 0.1), edits('address', 10, 0.6), edits('problem', 4, 0.6)]);
    expect(sorted.map((e) => e.field)).toEqual(['address', 'problem', 'city']);
  });

  it('offers the entries of every city and of the question’s own city only', () => {
    const entries = [{ id: 1, city: null }, { id: 2, city: 'Казань' }, { id: 3, city: 'Самара' }];
    expect(entriesFor(entries, 'Казань').map((e) => e.id)).toEqual([1, 2]);
    expect(entriesFor(entries, null).map((e) => e.id)).toEqual([1]);
  });
});
