/**
 * A tiny authoritative DNS server over UDP for the DNS check tests: it answers A and TXT records from a table,
 * NXDOMAIN for names it does not know, NOERROR with no answer for a known name and another type, and never answers
 * the names listed as silent (a dead server, as far as the client can tell).
 */
import { createSocket, type RemoteInfo } from 'node:dgram';

export interface DnsZone {
  a?: Record<string, string[]>;
  txt?: Record<string, string[]>;
  silent?: string[];
}

export interface DnsResponder {
  /** "127.0.0.1:port", as a DNS check's `server`. */
  server: string;
  port: number;
  /** Queries received so far, as "name TYPE". */
  queries: string[];
  stop(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_TXT = 16;
const TYPE_NAMES: Record<number, string> = { 1: 'A', 16: 'TXT', 28: 'AAAA', 5: 'CNAME', 15: 'MX', 2: 'NS' };

function readName(message: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let offset = start;
  for (let length = message[offset] ?? 0; length > 0; length = message[offset] ?? 0) {
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: offset + 1 };
}

function record(type: number, rdata: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
  header.writeUInt16BE(type, 2);
  header.writeUInt16BE(1, 4); // class IN
  header.writeUInt32BE(60, 6); // TTL
  header.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([header, rdata]);
}

function answer(query: Buffer, zone: DnsZone): { reply: Buffer | null; asked: string } {
  const { name, end } = readName(query, 12);
  const type = query.readUInt16BE(end);
  const asked = `${name} ${TYPE_NAMES[type] ?? type}`;
  if (zone.silent?.includes(name)) return { reply: null, asked };
  const known = name in (zone.a ?? {}) || name in (zone.txt ?? {});
  const records: Buffer[] = [];
  if (type === TYPE_A) {
    for (const ip of zone.a?.[name] ?? []) records.push(record(TYPE_A, Buffer.from(ip.split('.').map(Number))));
  } else if (type === TYPE_TXT) {
    for (const text of zone.txt?.[name] ?? []) {
      records.push(record(TYPE_TXT, Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'latin1')])));
    }
  }
  const header = Buffer.from(query.subarray(0, 12));
  const rd = (query[2] ?? 0) & 0x01;
  header[2] = 0x80 | 0x04 | rd; // QR, AA, RD copied
  header[3] = 0x80 | (known ? 0 : 3); // RA; NOERROR or NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  header.writeUInt16BE(0, 8);
  header.writeUInt16BE(0, 10);
  return { reply: Buffer.concat([header, query.subarray(12, end + 4), ...records]), asked };
}

export async function startDnsResponder(zone: DnsZone): Promise<DnsResponder> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (query: Buffer, peer: RemoteInfo) => {
    if (query.length < 17) return;
    const { reply, asked } = answer(query, zone);
    queries.push(asked);
    if (reply) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    server: `127.0.0.1:${port}`,
    port,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
