import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/api/types';
import { bodyOf, draftFromQuery, formOf } from './orderForm';

describe('order form', () => {
  it('fills a new order from the screen-pop query and sends only what is filled, never a status', () => {
    const form = draftFromQuery(new URLSearchParams('phone=%2B79161234567&city=Казань&rk=avito&clientName=Анна&status=completed&callId=5'));
    expect(form.typeOrder).toBe('first_time');
    form.problem = '  не включается ';
    expect(bodyOf(form)).toEqual({ phone: '+79161234567', city: 'Казань', rk: 'avito', clientName: 'Анна', typeOrder: 'first_time', problem: 'не включается' });
  });

  it('on edit sends only the changed fields, money and master as numbers', () => {
    const order: Order = {
      id: 3, rk: 'avito', city: 'Казань', phone: '+79161234567', clientId: 1, typeOrder: 'first_time', clientName: 'Анна', address: null,
      dateMeeting: null, typeEquipment: 'стиральная машина', problem: null, status: 'new', masterId: null, result: null, expenditure: null,
      clean: null, operatorNameId: 2, callId: 5, createdAt: '2026-11-24T10:00:00Z', updatedAt: '2026-11-24T10:00:00Z', closedAt: null,
      cancelReasonId: null, cancelReason: null,
    };
    const original = formOf(order);
    const edited = { ...original, status: 'assigned', masterId: '12', result: '1500.50', address: 'ул. Баумана, 1' };
    expect(bodyOf(edited, original)).toEqual({ status: 'assigned', masterId: 12, result: 1500.5, address: 'ул. Баумана, 1' });
    expect(bodyOf(original, original)).toEqual({});
    expect(bodyOf({ ...original, status: 'cancelled', cancelReasonId: '4' }, original)).toEqual({ status: 'cancelled', cancelReasonId: 4 });
  });
});
