/** A client as `/api/clients` lists it. */
export interface ClientRow {
  id: number;
  name: string | null;
  city: string | null;
  phones: string[];
  tags: string[];
  vip: boolean;
  doNotServe: boolean;
  anonymised: boolean;
  lastContactAt: string | null;
  createdAt: string;
}

export interface ClientNote {
  id: number;
  text: string;
  operatorId: number | null;
  authorLogin: string | null;
  createdAt: string;
}

/** `GET /api/clients/{id}`: the card. */
export interface ClientCard extends ClientRow {
  notes: ClientNote[];
}

export type TimelineKind = 'call' | 'chat' | 'order' | 'task' | 'note';

/** One entry of `GET /api/clients/{id}/timeline` (see timeline.TimelineEntry). */
export interface TimelineEntry {
  kind: TimelineKind;
  id: number;
  at: string;
  status: string | null;
  title: string | null;
  text: string | null;
  author: string | null;
  seconds: number | null;
  count: number | null;
  recording: boolean;
  transcript: boolean;
  /** chat: the client's mood when it was closed */
  mood: 'positive' | 'neutral' | 'negative' | null;
}

export interface TimelinePage {
  items: TimelineEntry[];
  next: string | null;
}

/** Where an entry opens: its own screen; a note is shown whole on the card already. */
export function entryLink(entry: Pick<TimelineEntry, 'kind' | 'id'>): string | null {
  switch (entry.kind) {
    case 'call':
      return `/calls/${entry.id}`;
    case 'chat':
      return `/conversations/${entry.id}`;
    case 'order':
      return `/orders/${entry.id}`;
    case 'task':
      return '/tasks';
    default:
      return null;
  }
}

/** "опт, VIP-заказчик ,,опт" → ["опт", "VIP-заказчик"]: tags as typed in one field, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}
