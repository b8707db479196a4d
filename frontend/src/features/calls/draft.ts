/** A call's generated order draft (`GET /api/calls/{id}/order-draft`). */
export interface DraftField { value: string | null; evidence: string | null }
export interface OrderDraft {
  city: DraftField | null; address: DraftField | null; equipmentType: DraftField | null; problem: DraftField | null;
  visitDate: DraftField | null; clientName: DraftField | null; summary: string | null; sentiment: string | null;
  generator: string; generated: boolean;
}
export interface CallDraft { callId: number; draft: OrderDraft; orderId: number | null; createdAt: string }

/** The draft fields an operator may change, as the order fields they fill. */
export const DRAFT_FIELDS = [
  ['clientName', 'clientName'],
  ['city', 'city'],
  ['address', 'address'],
  ['typeEquipment', 'equipmentType'],
  ['problem', 'problem'],
] as const satisfies readonly (readonly [string, keyof OrderDraft])[];

export type DraftForm = Record<(typeof DRAFT_FIELDS)[number][0], string>;

export function draftFormOf(draft: OrderDraft): DraftForm {
  return Object.fromEntries(
    DRAFT_FIELDS.map(([field, source]) => [field, (draft[source] as DraftField | null)?.value ?? '']),
  ) as DraftForm;
}

/**
 * The accept body: only what the operator changed (the server takes the draft's value for every
 * absent field, so an untouched field stays the generated one).
 */
export function draftEdits(draft: OrderDraft, form: DraftForm): Partial<DraftForm> {
  const original = draftFormOf(draft);
  const edits: Partial<DraftForm> = {};
  for (const [field] of DRAFT_FIELDS) {
    const value = form[field].trim();
    if (value !== original[field]) edits[field] = value;
  }
  return edits;
}
