import { describe, expect, it } from 'vitest';
import { newCallBackLink } from './taskLink';

describe('new call-back link', () => {
  it('carries what is known and leaves out what is not', () => {
    expect(newCallBackLink({ clientId: 7, phone: '+79161234567', callId: 3, orderId: null })).toBe(
      '/tasks/new?kind=callback&clientId=7&phone=%2B79161234567&callId=3');
  });
});
