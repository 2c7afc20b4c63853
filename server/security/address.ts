import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The address limits are keyed by. Behind a reverse proxy (TRUST_PROXY) it is the last hop in X-Forwarded-For,
 * the address the operator's own proxy saw (earlier entries are whatever the client wrote, so they are not
 * trusted); one proxy in front of the server is assumed. IPv6 is keyed by its /64: one household or phone gets a
 * whole /64, and counting each of its 2^64 addresses apart would let one device escape every per-address limit.
 */
export function clientAddress(remote: string | undefined, headers: IncomingHttpHeaders, trustProxy: boolean): string {
  let addr = remote ?? '';
  if (trustProxy) {
    const xff = headers['x-forwarded-for'];
    const list = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length) addr = list[list.length - 1];
  }
  return addressKey(addr);
}

/** IPv4 as it is (IPv4-mapped IPv6 unwrapped), IPv6 as its /64 prefix, anything else as given. */
export function addressKey(raw: string): string {
  const addr = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  if (mapped) return mapped[1];
  if (isIPv4(addr)) return addr;
  if (!isIPv6(addr)) return addr || 'unknown';
  return `${expandIPv6(addr).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(addr: string): string[] {
  const [head, tail] = addr.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups; only the first four groups matter here.
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')));
}
