import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldError, formErrorsOf } from './formErrors';

describe('form errors', () => {
  it('puts named fields beside their controls and the rest in the form message', () => {
    const error = new ApiError(400, 'validation_error', 'x', { phone: 'not a phone number', cityId: 'unknown' });
    expect(formErrorsOf(error, ['phone', 'city'], 'net')).toEqual({ fields: { phone: 'not a phone number' }, message: 'cityId: unknown' });
  });

  it('shows the message of an error without fields, and a network message for anything else', () => {
    expect(formErrorsOf(new ApiError(409, 'conflict', 'login taken'), ['login'], 'net')).toEqual({ fields: {}, message: 'login taken' });
    expect(formErrorsOf(new TypeError('Failed to fetch'), ['login'], 'net')).toEqual({ fields: {}, message: 'net' });
  });

  it('finds a filter field the list was refused for', () => {
    const error = new ApiError(400, 'validation_error', 'x', { dateTo: 'before dateFrom' });
    expect(fieldError(error, 'dateFrom', 'dateTo')).toBe('before dateFrom');
    expect(fieldError(error, 'phone')).toBeUndefined();
    expect(fieldError(new Error('x'), 'phone')).toBeUndefined();
  });
});
