import { BlockList, isIP } from 'node:net';

/**
 * Which socket peers may speak for the client through X-Forwarded-For (TRUST_PROXY): the
 * addresses/CIDRs of our own proxies, and how many of them one request may pass through.
 */
export interface TrustProxy {
  /** Addresses or CIDRs (`10.0.0.0/8`, `::1`); empty: the header is never read. */
  networks: readonly string[];
  /** Trusted hops walked from the right at most (Infinity for an explicit list). */
  maxHops: number;
}

/**
 * Where a proxy of ours can be when the operator only said "there is one" (the old `true` or a
 * count): this machine or a private network. A peer on a public address is then never believed.
 */
export const LOCAL_NETWORKS: readonly string[] = [
  '127.0.0.0/8',
  '::1/128',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
];

export const TRUST_PROXY_HELP =
  'must be false (default), a comma-separated list of proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8), ' +
  'or the old true / number of proxies 0–9 (then only proxies on loopback or private addresses are believed)';

/** TRUST_PROXY's value, or null when it is not understood. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === 'off' || value === '0')
    return { networks: [], maxHops: 0 };
  if (value === 'true' || value === 'on') return { networks: LOCAL_NETWORKS, maxHops: 1 };
  if (/^[1-9]$/.test(value)) return { networks: LOCAL_NETWORKS, maxHops: Number(value) };
  const networks = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return networks.length > 0 && networks.every((n) => parseNetwork(n) !== null)
    ? { networks, maxHops: Number.POSITIVE_INFINITY }
    : null;
}

function parseNetwork(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = text.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  return prefix <= bits ? { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' } : null;
}

/** Whether an address belongs to a trusted proxy (IPv4-mapped IPv6 peers match IPv4 networks). */
export function trustedProxyMatcher(trust: TrustProxy): (address: string) => boolean {
  const list = new BlockList();
  for (const text of trust.networks) {
    const network = parseNetwork(text);
    if (network) list.addSubnet(network.address, network.prefix, network.family);
  }
  return (address) => {
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * One X-Forwarded-For entry as a bare address: some proxies add a port (`203.0.113.9:4711`,
 * `[2001:db8::1]:443`). Anything that is not an address is null.
 */
export function forwardedAddress(entry: string): string | null {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? '';
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  return isIP(text) === 0 ? null : text;
}
