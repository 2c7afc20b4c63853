import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../../server/security/address.js';

describe('the address limits are keyed by', () => {
  it('keys IPv6 by its /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('takes the last X-Forwarded-For hop only behind a trusted proxy', () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' };
    expect(clientAddress('127.0.0.1', headers, true)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', headers, false)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1', {}, true)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.1', { 'x-forwarded-for': '2001:db8:aa:bb::5' }, true)).toBe('2001:db8:aa:bb::/64');
  });
});
