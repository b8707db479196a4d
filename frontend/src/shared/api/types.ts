/** Shapes of the API answers that more than one screen shows (see the Java records of the same name). */
export interface Call {
  id: number;
  source: string;
  externalId: string;
  rk: string | null;
  city: string | null;
  cityId: number | null;
  phoneClient: string | null;
  phoneAts: string | null;
  direction: 'inbound' | 'outbound' | 'internal';
  status: 'ringing' | 'answered' | 'missed' | 'busy' | 'failed';
  missedReason: string | null;
  operator: { id: number; name: string } | null;
  operatorId: number | null;
  operatorExtension: string | null;
  clientId: number | null;
  clientName: string | null;
  orderId: number | null;
  dateCreate: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number;
  /** null: the call ended while the PBX link was down and no CDR told its end */
  holdSeconds: number | null;
  talkSeconds: number | null;
  disconnectReason: string | null;
  /** the name of the disposition picked from the list (`dispositionId`) */
  disposition: string | null;
  dispositionId: number | null;
  note: string | null;
  recordingRef: string | null;
  /** The Avito ad that brought the call (Avito call tracking); only the call page (`GET /api/calls/{id}`) has it. */
  avitoAd?: { id: string; title: string | null; url: string | null } | null;
}

export interface Order {
  id: number;
  rk: string | null;
  city: string;
  phone: string;
  clientId: number | null;
  typeOrder: string;
  clientName: string | null;
  address: string | null;
  dateMeeting: string | null;
  typeEquipment: string | null;
  problem: string | null;
  status: string;
  masterId: number | null;
  result: number | null;
  expenditure: number | null;
  clean: number | null;
  operatorNameId: number | null;
  callId: number | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  cancelReasonId: number | null;
  cancelReason: string | null;
}

export const ORDER_STATUSES = ['new', 'assigned', 'in_progress', 'completed', 'cancelled'] as const;
export const CALL_STATUSES = ['ringing', 'answered', 'missed', 'busy', 'failed'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

/** An outbox row (`Notification`): a job card, a bot answer, a visit SMS, with how its delivery went. */
export interface Notification {
  id: number;
  channel: 'telegram' | 'email' | 'sms' | 'operator';
  purpose: string;
  recipient: string;
  subject: string | null;
  body: string;
  orderId: number | null;
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  lastError: string | null;
  dueAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** A knowledge-base entry (`/api/knowledge/entries`); `city` null: every city. */
export interface KbEntry {
  id: number; category: string; title: string; questions: string[]; answer: string; city: string | null;
  authorId: number | null; createdAt: string; updatedAt: string;
}
