import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type RequestOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startConnectProxy, type ConnectProxy } from '../__fixtures__/connect-proxy.js'
import { startFakeProvider, type FakeProvider, type FakeReply } from '../__fixtures__/fake-provider.js'
import { fakeInputs, mintFrom, recordingLog } from '../__fixtures__/mint.js'
import { rawHttp, startRawServer, type RawServer } from '../__fixtures__/raw-server.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'
import { NetworkError, TokenRequestError, TransientFailureError } from '../src/errors.js'
import type { IssuedToken } from '../src/token.js'

// Fault injection against a real HTTPS server (throwaway CA) and a real CONNECT proxy, all on 127.0.0.1.
describe('resilience', () => {
  let pki: TestPki
  let fake: FakeProvider
  let sleeps: number[]
  let log: ReturnType<typeof recordingLog>
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  beforeEach(async () => {
    fake = await startFakeProvider({ tls: pki })
    sleeps = []
    log = recordingLog()
  })
  afterEach(async () => {
    await fake.close()
    // Every scenario, passing or failing: no secret in what it printed.
    expect(leakedSecrets(log.lines.join('\n'), secretsOf(fake))).toEqual([])
  })

  // Resolves every name to 127.0.0.1, in both shapes Node asks for (one address, or all of them).
  const lookup: RequestOptions['lookup'] = (_host, options, callback) => {
    const answer = callback as (error: Error | null, address: unknown, family?: number) => void
    if (options.all) answer(null, [{ address: '127.0.0.1', family: 4 }])
    else answer(null, '127.0.0.1', 4)
  }

  /** Mints from the fake with the test CA trusted and back-offs recorded instead of slept. */
  const mint = (
    provider: 'sirdata' | 'soda',
    extra: Record<string, string> = {},
    attempt: { ca?: string; lookup?: RequestOptions['lookup']; env?: Record<string, string> } = { ca: pki.ca }
  ) =>
    mintFrom(fakeInputs(fake, provider, extra), {
      log,
      attempt,
      retry: {
        baseDelayMs: 1000,
        sleep: ms => {
          sleeps.push(ms)
          return Promise.resolve()
        },
        random: () => 0.5
      }
    })

  /** The error a mint fails with, checked to carry no secret. */
  const failure = async (minting: Promise<IssuedToken>): Promise<Error> => {
    const error = await minting.then(
      () => {
        throw new Error('expected the mint to fail')
      },
      (error: unknown) => error as Error
    )
    expect(leakedSecrets(error.message, secretsOf(fake))).toEqual([])
    return error
  }

  describe('retries', () => {
    it('succeeds after 503, 503, 200 in three requests, warning at each retry', async () => {
      fake.script({ status: 503 }, { status: 503 })

      const issued = await mint('soda')

      expect(issued.token).toBe(fake.tokens[0])
      expect(fake.requests).toHaveLength(3)
      expect(log.lines.filter(line => line.startsWith('warning:'))).toEqual([
        'warning: Attempt 1 of 3 failed: HTTP 503; retrying in 0.8 s.',
        'warning: Attempt 2 of 3 failed: HTTP 503; retrying in 1.5 s.'
      ])
      expect(sleeps).toEqual([750, 1500])
    })

    it('makes one request and fails with max-attempts 1', async () => {
      fake.script({ status: 503 })

      const error = await failure(mint('soda', { 'max-attempts': '1' }))

      expect(error).toBeInstanceOf(TransientFailureError)
      expect(error.message).toContain('failed after 1 attempt; the last: HTTP 503')
      expect(fake.requests).toHaveLength(1)
    })

    it('says how many attempts were made and why the last failed', async () => {
      fake.script({ status: 502 }, { status: 504 }, { status: 500 })

      const error = await failure(mint('sirdata'))

      expect(error.message).toMatch(
        /^Could not get a token from Sirdata at https:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/auth\/partner\/12345\/token: failed after 3 attempts; the last: HTTP 500\. The provider is failing on its side: /
      )
    })

    it('waits for Retry-After on a 429, then succeeds', async () => {
      fake.script({ status: 429, headers: { 'Retry-After': '1' } })

      await mint('soda')

      expect(sleeps).toEqual([1500])
      expect(fake.requests).toHaveLength(2)
    })

    it('reads Retry-After as an HTTP date on a 503', async () => {
      fake.script({ status: 503, headers: { 'Retry-After': new Date(Date.now() + 10_000).toUTCString() } })

      await mint('soda')

      expect(sleeps[0]).toBeGreaterThan(8_000)
      expect(sleeps[0]).toBeLessThanOrEqual(10_500)
    })

    it('caps a huge Retry-After at 60 s', async () => {
      fake.script({ status: 429, headers: { 'Retry-After': '86400' } })

      await mint('soda')

      expect(sleeps).toEqual([60_500])
    })

    it('retries a connection reset', async () => {
      fake.script({ fault: 'reset' })

      await mint('sirdata')

      expect(fake.requests).toHaveLength(2)
      expect(log.lines).toContainEqual(
        expect.stringMatching(/^warning: Attempt 1 of 3 failed: (connection reset \(ECONNRESET\)|.*socket hang up)/)
      )
    })

    it('retries a refused connection, then names it', async () => {
      const closed = createServer()
      await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
      const { port } = closed.address() as AddressInfo
      await new Promise(resolve => closed.close(resolve))

      const error = await failure(mint('soda', { 'base-url': `https://127.0.0.1:${port}/v1` }))

      expect(error).toBeInstanceOf(TransientFailureError)
      expect(error.message).toContain('failed after 3 attempts; the last: connection refused (ECONNREFUSED)')
      expect(sleeps).toHaveLength(2)
    })

    it('retries a failed DNS lookup', async () => {
      const notFound: RequestOptions['lookup'] = (_host, _options, callback) =>
        (callback as (error: Error) => void)(
          Object.assign(new Error('getaddrinfo ENOTFOUND soda.test'), { code: 'ENOTFOUND' })
        )

      const error = await failure(
        mint('soda', { 'base-url': `https://soda.test:${fake.port}/v1` }, { ca: pki.ca, lookup: notFound })
      )

      expect(error.message).toContain('failed after 3 attempts; the last: host not found (DNS) (ENOTFOUND)')
    })

    it.each([500, 502, 504])('backs off exponentially on a %i, ignoring its Retry-After: 30', async status => {
      fake.script({ status, headers: { 'Retry-After': '30' } })

      await mint('soda')

      expect(sleeps).toEqual([750])
      expect(fake.requests).toHaveLength(2)
    })

    it.each([400, 401, 403, 404, 422])('never retries a %i', async status => {
      fake.script({ status })

      const error = await failure(mint('soda'))

      expect(error).toBeInstanceOf(TokenRequestError)
      expect(fake.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    })
  })

  describe('deadline', () => {
    it('cuts off a server that never answers, on every attempt', async () => {
      fake.script({ fault: 'hang' }, { fault: 'hang' })

      const error = await failure(mint('soda', { timeout: '0.3', 'max-attempts': '2' }))

      expect(error.message).toContain(
        "failed after 2 attempts; the last: timed out after 0.3 s waiting for a complete answer (input 'timeout')"
      )
      expect(fake.requests).toHaveLength(2)
    })

    it('cuts off a server that sends headers and then drips the body', async () => {
      fake.script({ fault: 'drip', everyMs: 20 })

      const error = await failure(mint('sirdata', { timeout: '0.5', 'max-attempts': '1' }))

      expect(error.message).toContain(
        "failed after 1 attempt; the last: timed out after 0.5 s waiting for a complete answer (input 'timeout')"
      )
    })
  })

  describe('redirects', () => {
    let elsewhere: FakeProvider
    beforeEach(async () => {
      elsewhere = await startFakeProvider()
    })
    afterEach(async () => {
      await elsewhere.close()
    })

    it.each([301, 302, 307, 308])('refuses a %i to another host, which receives nothing', async status => {
      fake.script({ status, headers: { Location: `${elsewhere.roots.sirdata}/public/auth/partner/12345/token` } })

      const error = await failure(mint('sirdata'))

      expect(error).toBeInstanceOf(TokenRequestError)
      expect(error.message).toContain(`Sirdata answered HTTP ${status}`)
      expect(error.message).toContain(`a redirect to 127.0.0.1:${elsewhere.port}`)
      expect(elsewhere.requests).toEqual([])
      expect(fake.requests).toHaveLength(1)
    })
  })

  describe('answers that are not a token', () => {
    it.each<[string, FakeReply, string]>([
      ['invalid JSON', { status: 200, body: '{"token":' }, 'with a body that is not JSON'],
      [
        'an HTML error page',
        { status: 200, body: '<!doctype html><h1>Gateway login</h1>' },
        'with an HTML or XML page'
      ],
      ['an empty body', { status: 200, body: '' }, 'with an empty body'],
      [
        'an oversized body with its Content-Length',
        {
          status: 200,
          headers: { 'Content-Length': String(2 * 1024 * 1024) },
          body: 'x'.repeat(2 * 1024 * 1024)
        },
        'larger than 1024 KiB'
      ],
      [
        'an oversized body with no length',
        { status: 200, body: 'x'.repeat(2 * 1024 * 1024), chunked: true },
        'larger than 1024 KiB'
      ]
    ])('fails clearly on %s, after one request', async (_case, reply, problem) => {
      fake.script(reply)

      const error = await failure(mint('soda'))

      expect(error).toBeInstanceOf(TokenRequestError)
      expect(error.message).toContain(problem)
      expect(error.message).not.toMatch(/Gateway login|xxxx/)
      expect(fake.requests).toHaveLength(1)
    })
  })

  describe('answers with a Content-Length', () => {
    it('reads a token answer that states its length', async () => {
      const body = JSON.stringify({ token: 'soda-token-with-a-length', expires_in: 1800 })
      fake.script({
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
        body
      })

      const issued = await mint('soda')

      expect(issued.token).toBe('soda-token-with-a-length')
      expect(fake.requests).toHaveLength(1)
    })
  })

  describe('faults only a raw server can make', () => {
    let raw: RawServer
    beforeEach(async () => {
      raw = await startRawServer()
    })
    afterEach(async () => {
      await raw.close()
    })
    const body = JSON.stringify({ token: 'soda-token-after-a-drop', expires_in: 1800 })

    it('retries a connection dropped after the headers, mid-body', async () => {
      raw.script(
        rawHttp(200, body.slice(0, 10), 'destroy', { 'Content-Length': String(body.length) }),
        rawHttp(200, body, 'hold', { 'Content-Length': String(body.length) })
      )

      const issued = await mint('soda', { 'base-url': `${raw.origin}/v1` })

      expect(issued.token).toBe('soda-token-after-a-drop')
      expect(raw.requests).toHaveLength(2)
      expect(log.lines).toContainEqual(
        expect.stringMatching(
          /^warning: Attempt 1 of 3 failed: (the connection closed mid-answer|connection reset \(ECONNRESET\)); retrying in /
        )
      )
    })

    it('retries a proxy’s 502 to CONNECT, naming the proxy', async () => {
      raw.script(rawHttp(502, '', 'end'), rawHttp(502, '', 'end'), rawHttp(502, '', 'end'))

      const error = await failure(
        mint('soda', { 'base-url': 'https://soda.test/v1' }, { ca: pki.ca, env: { https_proxy: raw.origin } })
      )

      expect(error).toBeInstanceOf(TransientFailureError)
      expect(error.message).toContain(
        `failed after 3 attempts; the last: the proxy 127.0.0.1:${raw.port} (from https_proxy) answered 502 to CONNECT soda.test:443`
      )
      expect(raw.requests).toHaveLength(3)
      expect(sleeps).toEqual([750, 1500])
    })

    it('fails fast, naming the proxy, when nothing listens where the proxy should be', async () => {
      const port = raw.port
      await raw.close()
      const started = Date.now()

      const error = await failure(
        mint(
          'soda',
          { 'base-url': 'https://soda.test/v1', timeout: '10', 'max-attempts': '2' },
          { ca: pki.ca, env: { https_proxy: `http://127.0.0.1:${port}` } }
        )
      )

      expect(error).toBeInstanceOf(TransientFailureError)
      expect(error.message).toContain(
        `failed after 2 attempts; the last: the proxy 127.0.0.1:${port}: connection refused (ECONNREFUSED)`
      )
      expect(Date.now() - started).toBeLessThan(3000)
    })
  })

  describe('TLS', () => {
    it('refuses a certificate it cannot verify, says how to trust a corporate CA, and does not retry', async () => {
      const error = await failure(mint('soda', {}, {}))

      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toContain('TLS certificate not trusted')
      expect(error.message).toContain('NODE_EXTRA_CA_CERTS')
      expect(fake.requests).toEqual([])
      expect(sleeps).toEqual([])
    })
  })

  describe('proxies', () => {
    let proxy: ConnectProxy
    // The proxy variables the attempt reads, in place of the process environment.
    let env: Record<string, string>
    beforeEach(() => {
      env = {}
    })
    afterEach(async () => {
      await proxy.close()
    })

    it('tunnels through https_proxy with CONNECT, TLS end to end', async () => {
      proxy = await startConnectProxy()
      env.https_proxy = proxy.url

      const issued = await mint(
        'sirdata',
        { 'base-url': `https://sirdata.test:${fake.port}/api/v1` },
        { ca: pki.ca, env }
      )

      expect(issued.token).toBe(fake.tokens[0])
      expect(proxy.tunnels).toEqual([{ authority: `sirdata.test:${fake.port}`, proxyAuthorization: undefined }])
      expect(JSON.parse(fake.requests[0]?.body ?? '')).toMatchObject({ login: fake.credentials.username })
    })

    it('sends the proxy URL’s credentials as Proxy-Authorization', async () => {
      proxy = await startConnectProxy({ credentials: 'corp:proxy-pass' })
      env.HTTPS_PROXY = proxy.url.replace('http://', 'http://corp:proxy-pass@')

      await mint('soda', { 'base-url': `https://soda.test:${fake.port}/v1` }, { ca: pki.ca, env })

      expect(proxy.tunnels[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from('corp:proxy-pass').toString('base64')}`)
    })

    it('fails at once when the proxy wants other credentials (407)', async () => {
      proxy = await startConnectProxy({ credentials: 'corp:proxy-pass' })
      env.https_proxy = proxy.url

      const error = await failure(
        mint('soda', { 'base-url': `https://soda.test:${fake.port}/v1` }, { ca: pki.ca, env })
      )

      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toContain(
        `the proxy 127.0.0.1:${proxy.url.split(':').pop()} (from https_proxy) answered 407 to CONNECT soda.test:${fake.port}`
      )
      expect(proxy.tunnels).toHaveLength(1)
    })

    it('bypasses the proxy for hosts in no_proxy', async () => {
      proxy = await startConnectProxy()
      env.https_proxy = proxy.url
      env.no_proxy = 'example.com,.test'

      await mint('soda', { 'base-url': `https://soda.test:${fake.port}/v1` }, { ca: pki.ca, lookup, env })

      expect(proxy.tunnels).toEqual([])
      expect(fake.requests).toHaveLength(1)
    })

    it('never sends loopback traffic through the proxy', async () => {
      proxy = await startConnectProxy()
      env.https_proxy = proxy.url

      await mint('soda', {}, { ca: pki.ca, env })

      expect(proxy.tunnels).toEqual([])
    })
  })
})
