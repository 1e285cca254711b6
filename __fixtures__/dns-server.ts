import { createSocket } from 'node:dgram'

/** A name's records: its IPv4 and IPv6 addresses. A name not listed does not exist (NXDOMAIN). */
export type DnsRecords = Record<string, { readonly A?: readonly string[]; readonly AAAA?: readonly string[] }>

export interface FakeDns {
  /** `127.0.0.1:port`, for Resolver.setServers. */
  readonly server: string
  /** Every question received, as `A name` or `AAAA name`. */
  readonly questions: string[]
  close(): Promise<void>
}

const TYPES: Readonly<Record<number, 'A' | 'AAAA'>> = { 1: 'A', 28: 'AAAA' }

/**
 * A DNS server on 127.0.0.1 over UDP that answers A and AAAA questions from `records`, or, `silent`, reads every
 * question and never answers (a firewall that drops DNS, a dead server).
 */
export async function startFakeDns(records: DnsRecords | 'silent'): Promise<FakeDns> {
  const socket = createSocket('udp4')
  const questions: string[] = []
  socket.on('message', (query, peer) => {
    const { name, type, end } = readQuestion(query)
    questions.push(`${TYPES[type] ?? type} ${name}`)
    if (records === 'silent') return
    const entry = records[name.toLowerCase()]
    const addresses = (entry && TYPES[type] ? entry[TYPES[type]] : undefined) ?? []
    socket.send(answer(query.subarray(0, end), entry ? 0 : 3, type, addresses), peer.port, peer.address)
  })
  await new Promise<void>(resolve => socket.bind(0, '127.0.0.1', resolve))
  return {
    server: `127.0.0.1:${socket.address().port}`,
    questions,
    close: () => new Promise<void>(resolve => socket.close(() => resolve()))
  }
}

function readQuestion(query: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = []
  let offset = 12
  while (query[offset]) {
    const length = query[offset] as number
    labels.push(query.toString('latin1', offset + 1, offset + 1 + length))
    offset += 1 + length
  }
  return { name: labels.join('.'), type: query.readUInt16BE(offset + 1), end: offset + 5 }
}

/** The header and question of `question`, then one answer record per address (the name by a pointer to it). */
function answer(question: Buffer, rcode: number, type: number, addresses: readonly string[]): Buffer {
  const header = Buffer.from(question.subarray(0, 12))
  header.writeUInt16BE(0x8180 | rcode, 2) // a response, recursion desired and available
  header.writeUInt16BE(addresses.length, 6)
  header.writeUInt32BE(0, 8)
  const records = addresses.map(address => {
    const data = type === 1 ? Buffer.from(address.split('.').map(Number)) : ipv6Bytes(address)
    const record = Buffer.alloc(12)
    record.writeUInt16BE(0xc00c, 0)
    record.writeUInt16BE(type, 2)
    record.writeUInt16BE(1, 4)
    record.writeUInt32BE(60, 6)
    record.writeUInt16BE(data.length, 10)
    return Buffer.concat([record, data])
  })
  return Buffer.concat([header, question.subarray(12), ...records])
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail] = address.split('::')
  const split = (part: string) => (part ? part.split(':') : [])
  const zeros = tail === undefined ? [] : Array<string>(8 - split(head).length - split(tail).length).fill('0')
  const groups = [...split(head), ...zeros, ...split(tail ?? '')]
  return Buffer.from(groups.flatMap(group => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]))
}
