import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import dns, { type LookupAddress, type LookupOptions } from 'node:dns'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeDns, type FakeDns } from '../__fixtures__/dns-server.js'
import { hostsAddresses, lookupWithin, type ResolverSources } from '../src/http/resolve.js'

// Name resolution within the deadline, against DNS servers on 127.0.0.1 that answer, refuse a name, or stay
// silent. The namespace test (resolver.process.test.ts) proves the exit against the real system resolver.

const dir = mkdtempSync(join(tmpdir(), 'resolve-test-'))
const hostsFile = join(dir, 'hosts')
writeFileSync(hostsFile, '# a test hosts file\n127.0.0.1 localhost\r\n10.0.0.7 provider.test  alias.test # ours\n')
const emptyHosts = join(dir, 'empty-hosts')
writeFileSync(emptyHosts, '')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type SystemCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void
type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number; at: number }

function lookup(
  hostname: string,
  options: LookupOptions,
  sources: ResolverSources,
  deadline = new AbortController().signal
): Promise<Answer> {
  return new Promise(resolve =>
    lookupWithin(deadline, sources)(hostname, options, (error, address, family) =>
      resolve({ error, address, family, at: Date.now() })
    )
  )
}

describe('hostsAddresses', () => {
  it('finds every address of a name, in the file’s order, whatever its case, and nothing in a comment', () => {
    const text = [
      '127.0.0.1\tlocalhost',
      '10.0.0.1 other.test provider.test',
      '# 10.0.0.9 provider.test',
      '10.0.0.8 other.test # provider.test',
      'fd00::7   PROVIDER.test\r',
      'not-an-address provider.test',
      '10.0.0.2 provider.test.evil evil-provider.test'
    ].join('\n')

    expect(hostsAddresses(text, 'Provider.Test')).toEqual([
      { address: '10.0.0.1', family: 4 },
      { address: 'fd00::7', family: 6 }
    ])
    expect(hostsAddresses(text, 'missing.test')).toEqual([])
    expect(hostsAddresses('', 'provider.test')).toEqual([])
  })
})

describe('lookupWithin', () => {
  let fake: FakeDns
  beforeAll(async () => {
    fake = await startFakeDns({
      'both.test': { A: ['192.0.2.1', '192.0.2.2'], AAAA: ['2001:db8::1'] },
      'v6-only.test': { AAAA: ['2001:db8:0:0:1::2'] },
      'provider.test': { A: ['192.0.2.99'] }
    })
  })
  afterAll(() => fake.close())
  afterEach(() => {
    fake.questions.length = 0
    jest.restoreAllMocks()
  })
  const sources = () => ({ servers: [fake.server], hostsFile })

  it('takes a name of the hosts file from it, without asking a DNS server', async () => {
    const answer = await lookup('Provider.test', { all: true }, sources())

    expect(answer.error).toBeNull()
    expect(answer.address).toEqual([{ address: '10.0.0.7', family: 4 }])
    expect(fake.questions).toEqual([])
  })

  it('gives the first address alone when not asked for all', async () => {
    const answer = await lookup('alias.test', {}, sources())

    expect([answer.address, answer.family]).toEqual(['10.0.0.7', 4])
  })

  it('asks the DNS servers for a name of the hosts file in another family', async () => {
    const answer = await lookup('provider.test', { family: 6, all: true }, sources())

    expect(answer.error).toMatchObject({ code: expect.any(String) })
    expect(fake.questions).toEqual(['AAAA provider.test'])
  })

  it('answers localhost with the loopback, even where the hosts file does not name it', async () => {
    const all = await lookup('LOCALHOST', { all: true }, { ...sources(), hostsFile: emptyHosts })
    const v6 = await lookup('localhost', { family: 'IPv6' }, { ...sources(), hostsFile: emptyHosts })

    expect(all.address).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 }
    ])
    expect([v6.address, v6.family]).toEqual(['::1', 6])
    expect(fake.questions).toEqual([])
  })

  it('takes an unreadable hosts file as an empty one', async () => {
    const answer = await lookup('provider.test', { all: true }, { ...sources(), hostsFile: join(dir, 'missing') })

    expect(answer.address).toEqual([{ address: '192.0.2.99', family: 4 }])
  })

  it('asks the DNS servers for both families, IPv4 first', async () => {
    const answer = await lookup('both.test', { all: true }, sources())

    expect(answer.error).toBeNull()
    expect(answer.address).toEqual([
      { address: '192.0.2.1', family: 4 },
      { address: '192.0.2.2', family: 4 },
      { address: '2001:db8::1', family: 6 }
    ])
    expect([...fake.questions].sort()).toEqual(['A both.test', 'AAAA both.test'])
  })

  it('asks only for the family wanted', async () => {
    const v4 = await lookup('both.test', { family: 'IPv4' }, sources())
    const v6 = await lookup('both.test', { family: 6, all: true }, sources())

    expect([v4.address, v4.family]).toEqual(['192.0.2.1', 4])
    expect(v6.address).toEqual([{ address: '2001:db8::1', family: 6 }])
    expect(fake.questions).toEqual(['A both.test', 'AAAA both.test'])
  })

  it('puts IPv6 first where Node is told to', async () => {
    const order = dns.getDefaultResultOrder()
    try {
      dns.setDefaultResultOrder('ipv6first')
    } catch {
      return // Node 20 knows no ipv6first
    }
    try {
      const answer = await lookup('both.test', {}, sources())

      expect([answer.address, answer.family]).toEqual(['2001:db8::1', 6])
    } finally {
      dns.setDefaultResultOrder(order)
    }
  })

  it('takes the family that has addresses when the other has none', async () => {
    const answer = await lookup('v6-only.test', {}, sources())

    expect([answer.address, answer.family]).toEqual(['2001:db8::1:0:0:2', 6])
  })

  it('asks the system resolver for a name the DNS servers say does not exist (mDNS, a VPN’s own servers)', async () => {
    const system = jest
      .spyOn(dns, 'lookup')
      .mockImplementation(((_host, _options, callback: SystemCallback) =>
        callback(null, [{ address: '192.0.2.50', family: 4 }])) as typeof dns.lookup)

    const answer = await lookup('printer.local', { family: 4, all: true }, sources())

    expect(answer.address).toEqual([{ address: '192.0.2.50', family: 4 }])
    expect(system.mock.calls).toEqual([['printer.local', { family: 4, all: true }, expect.any(Function)]])
    expect(fake.questions).toEqual(['A printer.local'])
  })

  it('fails with the system resolver’s error when it does not know the name either', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' })
    jest
      .spyOn(dns, 'lookup')
      .mockImplementation(((_host, _options, callback: SystemCallback) => callback(notFound, [])) as typeof dns.lookup)

    const answer = await lookup('nowhere.test', { all: true }, sources())

    expect(answer.error).toBe(notFound)
  })

  it('gives up on the system resolver at the deadline, however long it takes', async () => {
    jest.spyOn(dns, 'lookup').mockImplementation(() => {})
    const deadline = new AbortController()
    setTimeout(() => deadline.abort(new Error('deadline')), 100)

    const answer = await lookup('slow.test', { all: true }, sources(), deadline.signal)

    expect(answer.error).toEqual(new Error('deadline'))
  })
})

describe('lookupWithin, when no DNS server answers', () => {
  let silent: FakeDns
  beforeAll(async () => {
    silent = await startFakeDns('silent')
  })
  afterAll(() => silent.close())
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('ends at the deadline, and never asks the system resolver, which would wait in a thread', async () => {
    const system = jest.spyOn(dns, 'lookup')
    const deadline = new AbortController()
    let abortedAt = 0
    setTimeout(() => {
      abortedAt = Date.now()
      deadline.abort()
    }, 300)

    const answer = await lookup(
      'api.example.test',
      { all: true },
      { servers: [silent.server], hostsFile },
      deadline.signal
    )

    expect(answer.error).toMatchObject({ code: 'ECANCELLED' })
    expect(answer.at - abortedAt).toBeLessThan(100)
    expect(silent.questions.length).toBeGreaterThan(0)
    expect(system).not.toHaveBeenCalled()
  })

  it('fails when c-ares stops asking before the deadline, without the system resolver', async () => {
    const system = jest.spyOn(dns, 'lookup')
    const patience = { timeoutMs: 50, tries: 1 }

    const answer = await lookup('api.example.test', {}, { servers: [silent.server], hostsFile, patience })

    expect(answer.error).toMatchObject({ code: 'ETIMEOUT' })
    expect(system).not.toHaveBeenCalled()
  })

  it('fails at once when the deadline has already passed, asking nobody', async () => {
    const system = jest.spyOn(dns, 'lookup')
    const deadline = new AbortController()
    deadline.abort(new Error('deadline'))
    silent.questions.length = 0

    const answer = await lookup('api.example.test', {}, { servers: [silent.server], hostsFile }, deadline.signal)

    expect(answer.error).toEqual(new Error('deadline'))
    expect(silent.questions).toEqual([])
    expect(system).not.toHaveBeenCalled()
  })
})
