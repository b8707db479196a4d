import type { KbEntry } from '../../shared/api/types';

export interface KbForm { category: string; title: string; questions: string; answer: string; city: string }

/** The form shows the question variants one per line. */
export function kbFormOf(entry: KbEntry): KbForm {
  return { category: entry.category, title: entry.title, questions: entry.questions.join('\n'), answer: entry.answer, city: entry.city ?? '' };
}

function questionList(text: string): string[] {
  return text.split('\n').map((q) => q.trim()).filter(Boolean);
}

/**
 * The request body. On create every field goes (the API names what is missing); on update only what
 * changed — and a city emptied is sent as "" (the API's way to make the entry one for every city).
 */
export function kbBody(form: KbForm, editing: KbEntry | null): Record<string, unknown> {
  const body: Record<string, unknown> = {
    category: form.category.trim(), title: form.title.trim(), questions: questionList(form.questions), answer: form.answer.trim(), city: form.city,
  };
  if (!editing) {
    if (!body.city) delete body.city;
    return body;
  }
  const original = kbBody(kbFormOf(editing), null);
  if (!('city' in original)) original.city = '';
  for (const key of Object.keys(body)) {
    if (JSON.stringify(body[key]) === JSON.stringify(original[key])) delete body[key];
  }
  return body;
}
