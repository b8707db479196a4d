import type { Order } from '../../shared/api/types';

export const ORDER_FIELDS = ['city', 'rk', 'phone', 'typeOrder', 'clientName', 'address', 'dateMeeting', 'typeEquipment', 'problem', 'status', 'cancelReasonId', 'masterId', 'result', 'expenditure', 'clean'] as const;
export type OrderForm = Record<(typeof ORDER_FIELDS)[number], string>;

export const ORDER_TYPES = ['first_time', 'repeat', 'warranty'] as const;

const BLANK: OrderForm = Object.fromEntries(ORDER_FIELDS.map((f) => [f, ''])) as OrderForm;

/** A new order's form, filled from the query string the screen-pop builds (phone, city, rk, clientName). */
export function draftFromQuery(params: URLSearchParams): OrderForm {
  const form: OrderForm = { ...BLANK, typeOrder: 'first_time' };
  for (const field of ORDER_FIELDS) {
    const value = params.get(field);
    if (value) form[field] = value;
  }
  return form;
}

/** An ISO instant as a `datetime-local` value in the browser's zone (the server reads it in the city's). */
function localDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formOf(order: Order): OrderForm {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    city: order.city, rk: text(order.rk), phone: order.phone, typeOrder: order.typeOrder, clientName: text(order.clientName),
    address: text(order.address), dateMeeting: localDateTime(order.dateMeeting), typeEquipment: text(order.typeEquipment),
    problem: text(order.problem), status: order.status, cancelReasonId: text(order.cancelReasonId), masterId: text(order.masterId), result: text(order.result),
    expenditure: text(order.expenditure), clean: text(order.clean),
  };
}

/**
 * The request body: empty fields are left out (on update that keeps them; a field cannot be
 * cleared from here), money and the master as numbers, the status only when it changed.
 */
export function bodyOf(form: OrderForm, original?: OrderForm): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  for (const field of ORDER_FIELDS) {
    const value = form[field].trim();
    if (!value || (original && original[field] === form[field])) continue;
    if (field === 'status' && !original) continue;
    body[field] = ['cancelReasonId', 'masterId', 'result', 'expenditure', 'clean'].includes(field) && !Number.isNaN(Number(value)) ? Number(value) : value;
  }
  return body;
}
