/** A hand-off the AI made (`/api/ai/handoffs/groups`): the client's words, why, where. */
export interface HandoffQuestion {
  answerId: number; question: string; reason: string; confidence: number; city: string | null;
  conversationId: number | null; createdAt: string;
}
export interface HandoffCandidate { entryId: number; title: string; city: string | null; confidence: number; votes: number }
export interface HandoffGroup {
  count: number; questions: HandoffQuestion[]; reasons: Record<string, number>; candidate: HandoffCandidate | null;
}
/** One draft field over a period (`/api/ai/order-draft/edits`). */
export interface DraftFieldEdits {
  field: string; accepted: number; kept: number; changed: number; filled: number; empty: number; editedShare: number;
}

/** The draft fields operators edit most come first: those are the weak ones. */
export function weakestFirst(edits: DraftFieldEdits[]): DraftFieldEdits[] {
  return [...edits].sort((a, b) => b.editedShare - a.editedShare || b.accepted - a.accepted || a.field.localeCompare(b.field));
}

/** The entries a question may become a variant of: those for every city and those of the question's own city. */
export function entriesFor<E extends { city: string | null }>(entries: E[], city: string | null): E[] {
  return entries.filter((e) => e.city === null || e.city === city);
}
