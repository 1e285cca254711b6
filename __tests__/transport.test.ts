import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getEventListeners } from 'node:events'
import { createServer, type RequestOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startConnectProxy, startRefusingTlsProxy } from '../__fixtures__/connect-proxy.js'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { rawHttp, startRawServer, type RawServer } from '../__fixtures__/raw-server.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'
import { ActionError, NetworkError, TokenRequestError, TransientFailureError } from '../src/errors.js'
import { sendOnce, type AttemptOptions, type HttpRequest } from '../src/http/transport.js'
import { USER_AGENT } from '../src/version.js'

// One attempt (src/http/transport.ts) against real servers on 127.0.0.1: a raw TCP server for the answers node:http
// will not write, the fake provider over TLS, and a CONNECT proxy.
const get = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: new URL(url),
  headers: {},
  ...extra
})
/** No proxy from the machine running the tests: the attempt reads only the variables a test gives it. */
const direct: AttemptOptions = { timeoutMs: 5000, env: {} }

/** The error an attempt fails with, and how long it took to fail. */
async function failure(attempt: Promise<unknown>): Promise<{ error: ActionError; ms: number }> {
  const started = Date.now()
  const error = await attempt.then(
    () => {
      throw new Error('expected the attempt to fail')
    },
    (error: unknown) => error
  )
  expect(error).toBeInstanceOf(ActionError)
  return { error: error as ActionError, ms: Date.now() - started }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

/**
 * How many timers and sockets this process holds, once those being closed have had a moment to go: what an attempt
 * must not add to, or a job would wait on a timer or a socket after its step is done. (Timers of earlier tests
 * may end meanwhile, so a count can only go down by itself.)
 */
async function settledResources(): Promise<Record<'timers' | 'sockets', number>> {
  await new Promise(resolve => setTimeout(resolve, 50))
  const held = process.getActiveResourcesInfo()
  return {
    timers: held.filter(resource => resource === 'Timeout').length,
    sockets: held.filter(resource => resource === 'TCPSocketWrap' || resource === 'TLSWrap').length
  }
}
/**
 * Checks that the process comes back to holding no timer or socket more than `before`. A timer or socket of an
 * earlier test's server may still be closing on a busy machine, so the count is read again for up to a second: what
 * an attempt leaves behind (a deadline of a minute, a socket that stays open) outlasts that, and fails.
 */
async function expectNothingAdded(before: Record<'timers' | 'sockets', number>): Promise<void> {
  let after = await settledResources()
  for (let tries = 0; tries < 20 && (after.timers > before.timers || after.sockets > before.sockets); tries++) {
    after = await settledResources()
  }
  expect(after.timers).toBeLessThanOrEqual(before.timers)
  expect(after.sockets).toBeLessThanOrEqual(before.sockets)
}

/** A name resolver that fails as the operating system would, with `code`. */
const failingLookup =
  (code: string, message = `lookup failed ${code}`): RequestOptions['lookup'] =>
  (_host, _options, callback) =>
    (callback as (error: Error) => void)(Object.assign(new Error(message), { code }))

describe('sendOnce, reading the answer', () => {
  let raw: RawServer
  beforeEach(async () => {
    raw = await startRawServer()
  })
  afterEach(async () => {
    await raw.close()
  })

  it('reads an answer with a Content-Length, without waiting for the connection to close', async () => {
    raw.script(rawHttp(200, '{"token":"abc"}', 'hold', { 'Content-Length': '15', 'X-Kind': 'token' }))

    const response = await sendOnce(get(`${raw.origin}/v1/get_token`), direct)

    expect(response).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'content-length': '15', 'x-kind': 'token' }) as unknown,
      body: '{"token":"abc"}'
    })
  })

  it('reads an answer without a Content-Length up to the end of the connection', async () => {
    raw.script(rawHttp(201, 'a body', 'end'))

    const response = await sendOnce(get(`${raw.origin}/`), direct)

    expect(response.status).toBe(201)
    expect(response.body).toBe('a body')
  })

  it('accepts a body of exactly the size cap, with or without a Content-Length', async () => {
    const body = 'x'.repeat(100)
    raw.script(rawHttp(200, body, 'hold', { 'Content-Length': '100' }), rawHttp(200, body, 'end'))

    const withLength = await sendOnce(get(raw.origin), { ...direct, maxBodyBytes: 100 })
    const withoutLength = await sendOnce(get(raw.origin), { ...direct, maxBodyBytes: 100 })

    expect(withLength.body).toBe(body)
    expect(withoutLength.body).toBe(body)
  })

  it('refuses a Content-Length above the cap before reading the body', async () => {
    // The server announces 2 MiB, sends one byte and holds on: only the header can end this attempt early.
    raw.script(rawHttp(200, 'x', 'hold', { 'Content-Length': String(2 * 1024 * 1024) }))

    const { error, ms } = await failure(sendOnce(get(raw.origin), direct))

    expect(error).toBeInstanceOf(TokenRequestError)
    expect(error.message).toBe('the answer is larger than 1024 KiB, far more than a token response')
    expect(ms).toBeLessThan(2000)
  })

  it('refuses a body without a Content-Length once it grows past the cap', async () => {
    raw.script(rawHttp(200, 'x'.repeat(2049), 'end'))

    const { error } = await failure(sendOnce(get(raw.origin), { ...direct, maxBodyBytes: 2048 }))

    expect(error).toBeInstanceOf(TokenRequestError)
    expect(error.message).toBe('the answer is larger than 2 KiB, far more than a token response')
  })

  it('reports a connection closed after the headers, mid-body, as transient', async () => {
    raw.script(rawHttp(200, '{"token":"ab', 'destroy', { 'Content-Length': '100' }))

    const { error } = await failure(sendOnce(get(raw.origin), direct))

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toMatch(/^(the connection closed mid-answer|connection reset \(ECONNRESET\))$/)
  })

  it('reports a server that closes without answering as a reset', async () => {
    raw.script({ bytes: '', then: 'destroy' })

    const { error } = await failure(sendOnce(get(raw.origin), direct))

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe('connection reset (ECONNRESET)')
  })

  it('refuses a 101 Switching Protocols, which is no token response, without waiting for the deadline', async () => {
    raw.script(rawHttp(101, '', 'hold', { Upgrade: 'websocket', Connection: 'Upgrade' }))

    const { error, ms } = await failure(sendOnce(get(raw.origin), direct))

    expect(error).toBeInstanceOf(TokenRequestError)
    expect(error.message).toBe('the server answered 101 Switching Protocols instead of a token response')
    expect(ms).toBeLessThan(2000)
  })

  it('leaves no timer and no connection behind once the answer is read', async () => {
    raw.script(rawHttp(200, 'ok', 'hold', { 'Content-Length': '2' }))
    const before = await settledResources()

    await sendOnce(get(raw.origin), { ...direct, timeoutMs: 60_000 })

    await expectNothingAdded(before)
  })

  it('closes the connection of an answer it refuses, without reading it', async () => {
    raw.script(rawHttp(200, 'x', 'hold', { 'Content-Length': String(2 * 1024 * 1024) }))
    raw.script(rawHttp(101, '', 'hold', { Upgrade: 'websocket', Connection: 'Upgrade' }))
    const before = await settledResources()

    await failure(sendOnce(get(raw.origin), { ...direct, timeoutMs: 60_000 }))
    await failure(sendOnce(get(raw.origin), { ...direct, timeoutMs: 60_000 }))

    await expectNothingAdded(before)
  })

  it('names the timeout setting when the deadline passes', async () => {
    raw.script({ bytes: '', then: 'hold' })

    const { error, ms } = await failure(
      sendOnce(get(raw.origin), { ...direct, timeoutMs: 200, timeoutSetting: '--timeout' })
    )

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe('timed out after 0.2 s waiting for a complete answer (--timeout)')
    expect(ms).toBeGreaterThanOrEqual(190)
    expect(error.cause).toBeDefined()
  })

  it('ends the attempt at once when its cancel signal aborts, leaving nothing behind', async () => {
    raw.script({ bytes: '', then: 'hold' })
    const cancel = new AbortController()
    const before = await settledResources()

    const attempt = failure(sendOnce(get(raw.origin), { ...direct, timeoutMs: 60_000, cancel: cancel.signal }))
    // Cancelled once the server holds the request, checked without a timer of the test's own to count.
    while (raw.requests.length === 0) await new Promise(resolve => setImmediate(resolve))
    cancel.abort()
    const { ms } = await attempt

    expect(ms).toBeLessThan(5000)
    await expectNothingAdded(before)
  })

  it('takes its listener off the cancel signal when done, so a signal that outlives many attempts holds none', async () => {
    raw.script(rawHttp(200, 'ok', 'end'), { bytes: '', then: 'destroy' })
    const cancel = new AbortController()

    await sendOnce(get(raw.origin), { ...direct, cancel: cancel.signal })
    await failure(sendOnce(get(raw.origin), { ...direct, cancel: cancel.signal }))

    expect(getEventListeners(cancel.signal, 'abort')).toEqual([])
  })

  it('does not start an attempt whose cancel signal has already aborted', async () => {
    raw.script({ bytes: '', then: 'hold' })

    const { ms } = await failure(
      sendOnce(get(raw.origin), { ...direct, timeoutMs: 60_000, cancel: AbortSignal.abort() })
    )

    expect(ms).toBeLessThan(5000)
  })

  it("names input 'timeout' by default", async () => {
    raw.script({ bytes: '', then: 'hold' })

    const { error } = await failure(sendOnce(get(raw.origin), { ...direct, timeoutMs: 100 }))

    expect(error.message).toBe("timed out after 0.1 s waiting for a complete answer (input 'timeout')")
  })
})

describe('sendOnce, writing the request', () => {
  let raw: RawServer
  beforeEach(async () => {
    raw = await startRawServer(rawHttp(204, '', 'end'))
  })
  afterEach(async () => {
    await raw.close()
  })

  it('sends its User-Agent and the request headers, and no Content-Length without a body', async () => {
    await sendOnce(get(`${raw.origin}/v1/get_token`, { headers: { Accept: 'application/json' } }), direct)

    const [head] = raw.requests
    expect(head?.split('\r\n')[0]).toBe('GET /v1/get_token HTTP/1.1')
    expect(head).toContain(`\r\nUser-Agent: ${USER_AGENT}`)
    expect(head).toContain('\r\nAccept: application/json')
    expect(head).not.toMatch(/content-length/i)
  })

  it('sends a body with its length in bytes, even on a GET', async () => {
    await sendOnce(get(raw.origin, { body: '{"password":"é"}' }), direct)

    expect(raw.requests[0]).toContain('\r\nContent-Length: 17')
  })

  it('lets a request set its own User-Agent', async () => {
    await sendOnce(get(raw.origin, { headers: { 'User-Agent': 'custom/1' } }), direct)

    expect(raw.requests[0]).toContain('\r\nUser-Agent: custom/1')
    expect(raw.requests[0]).not.toContain(USER_AGENT)
  })
})

describe('sendOnce, classifying failures', () => {
  let pki: TestPki
  let fake: FakeProvider
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  beforeEach(async () => {
    fake = await startFakeProvider({ tls: pki })
  })
  afterEach(async () => {
    await fake.close()
  })
  const toLocalhost: RequestOptions['lookup'] = (_host, options, callback) => {
    const answer = callback as (error: Error | null, address: unknown, family?: number) => void
    if (options.all) answer(null, [{ address: '127.0.0.1', family: 4 }])
    else answer(null, '127.0.0.1', 4)
  }

  it('reads an answer over TLS from a server the CA vouches for', async () => {
    fake.script({ status: 200, body: { ok: true } })

    const response = await sendOnce(get(`${fake.origin}/`), { ...direct, ca: pki.ca })

    expect(response.body).toBe('{"ok":true}')
  })

  it('refuses a certificate for another host name, saying a CA cannot fix it', async () => {
    const { error } = await failure(
      sendOnce(get(`https://elsewhere.example:${fake.port}/`), { ...direct, ca: pki.ca, lookup: toLocalhost })
    )

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe(
      "the server's TLS certificate is for another host name (ERR_TLS_CERT_ALTNAME_INVALID); check region and base-url, " +
        'or a proxy that intercepts TLS: a CA in NODE_EXTRA_CA_CERTS cannot fix a wrong name'
    )
    expect(fake.requests).toEqual([])
  })

  it('refuses a server that does not speak TLS on an https:// port', async () => {
    const plain = await startFakeProvider()

    const { error } = await failure(sendOnce(get(`https://127.0.0.1:${plain.port}/`), direct))
    await plain.close()

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(
      /^the TLS handshake failed \((ERR_SSL_WRONG_VERSION_NUMBER|EPROTO|ERR_SSL_PACKET_LENGTH_TOO_LONG)\): the server does not seem to speak TLS on that port; check base-url$/
    )
  })

  it.each([
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['ECONNRESET', 'connection reset (ECONNRESET)'],
    ['EPIPE', 'connection closed while sending (EPIPE)'],
    ['ETIMEDOUT', 'connection timed out (ETIMEDOUT)'],
    ['ENOTFOUND', 'host not found (DNS) (ENOTFOUND)'],
    ['EAI_AGAIN', 'DNS lookup failed for now (EAI_AGAIN)'],
    ['ETIMEOUT', 'no DNS server answered (ETIMEOUT)'],
    ['EHOSTUNREACH', 'host unreachable (EHOSTUNREACH)'],
    ['ENETUNREACH', 'network unreachable (ENETUNREACH)'],
    ['ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timed out (ERR_TLS_HANDSHAKE_TIMEOUT)']
  ])('retries %s, named for people', async (code, message) => {
    const { error } = await failure(
      sendOnce(get('https://soda.test/v1/get_token'), { ...direct, lookup: failingLookup(code) })
    )

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.retryable).toBe(true)
    expect(error.message).toBe(message)
    expect((error.cause as NodeJS.ErrnoException).code).toBe(code)
  })

  it.each([
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'CERT_CHAIN_TOO_LONG'
  ])('does not retry an untrusted certificate (%s), and points at NODE_EXTRA_CA_CERTS', async code => {
    const { error } = await failure(sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup(code) }))

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.retryable).toBe(false)
    expect(error.message).toBe(
      `TLS certificate not trusted (${code}); if a proxy or gateway presents a corporate CA, point NODE_EXTRA_CA_CERTS at its certificate`
    )
  })

  it.each(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])('does not retry a certificate out of date (%s)', async code => {
    const { error } = await failure(sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup(code) }))

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe(
      `the server's TLS certificate has expired or is not valid yet (${code}); check the runner's clock`
    )
  })

  it.each(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'])(
    'does not retry a wrong host name (%s)',
    async code => {
      const { error } = await failure(sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup(code) }))

      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toContain(`is for another host name (${code})`)
    }
  )

  it.each(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'EPROTO'])(
    'does not retry a server that does not speak TLS (%s)',
    async code => {
      const { error } = await failure(sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup(code) }))

      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toContain(`the TLS handshake failed (${code})`)
    }
  )

  it('retries an error it does not know, quoting the error, or saying the connection failed', async () => {
    const named = await failure(
      sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup('EWHATEVER', 'the socket fell over') })
    )
    const unnamed = await failure(
      sendOnce(get('https://soda.test/'), { ...direct, lookup: failingLookup('EWHATEVER', '') })
    )

    expect(named.error).toBeInstanceOf(TransientFailureError)
    expect(named.error.message).toBe('the socket fell over')
    expect(unnamed.error.message).toBe('connection failed')
  })
})

describe('sendOnce through a proxy', () => {
  let proxy: RawServer
  beforeEach(async () => {
    proxy = await startRawServer()
  })
  afterEach(async () => {
    await proxy.close()
  })
  const through = (variable: string, url: string): AttemptOptions => ({ ...direct, env: { [variable]: url } })

  it('asks the proxy for a tunnel to the target’s host and port, 443 when the URL has none', async () => {
    proxy.script(rawHttp(502, '', 'end'))

    await failure(sendOnce(get('https://sirdata.test/api/v1'), through('https_proxy', proxy.origin)))

    const [head] = proxy.requests
    expect(head?.split('\r\n')[0]).toBe('CONNECT sirdata.test:443 HTTP/1.1')
    expect(head).toContain('\r\nHost: sirdata.test:443')
    expect(head).not.toMatch(/proxy-authorization/i)
  })

  it('sends the proxy URL’s credentials, and only to the proxy', async () => {
    proxy.script(rawHttp(502, '', 'end'))

    await failure(
      sendOnce(
        get('https://sirdata.test:8443/'),
        through('HTTPS_PROXY', `http://us%40er:p%25ss@127.0.0.1:${proxy.port}`)
      )
    )

    expect(proxy.requests[0]).toContain('CONNECT sirdata.test:8443 HTTP/1.1')
    expect(proxy.requests[0]).toContain(
      `\r\nProxy-Authorization: Basic ${Buffer.from('us@er:p%ss').toString('base64')}`
    )
  })

  it('treats a proxy’s 502 to CONNECT as transient, naming the proxy and the variable', async () => {
    proxy.script(rawHttp(502, '', 'end'))

    const { error } = await failure(sendOnce(get('https://soda.test/v1'), through('https_proxy', proxy.origin)))

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe(
      `the proxy 127.0.0.1:${proxy.port} (from https_proxy) answered 502 to CONNECT soda.test:443`
    )
  })

  it('does not retry a 407: the proxy wants other credentials', async () => {
    proxy.script(rawHttp(407, '', 'end', { 'Proxy-Authenticate': 'Basic' }))

    const { error } = await failure(sendOnce(get('https://soda.test/v1'), through('https_proxy', proxy.origin)))

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe(
      `the proxy 127.0.0.1:${proxy.port} (from https_proxy) answered 407 to CONNECT soda.test:443: check the user name and password in https_proxy`
    )
  })

  it('closes its connection to a proxy that refused the tunnel', async () => {
    proxy.script(rawHttp(502, '', 'hold', { 'Content-Length': '0' }))
    const before = await settledResources()

    await failure(sendOnce(get('https://soda.test/v1'), { ...through('https_proxy', proxy.origin), timeoutMs: 60_000 }))

    await expectNothingAdded(before)
  })

  it('fails fast, and transiently, naming the proxy, when nothing listens where the proxy should be', async () => {
    const port = await deadPort()

    const { error, ms } = await failure(
      sendOnce(get('https://soda.test/v1'), {
        ...through('https_proxy', `http://127.0.0.1:${port}`),
        timeoutMs: 10_000
      })
    )

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe(`the proxy 127.0.0.1:${port}: connection refused (ECONNREFUSED)`)
    expect(ms).toBeLessThan(2000)
  })

  it('cuts off a proxy that never answers CONNECT at the deadline', async () => {
    proxy.script({ bytes: '', then: 'hold' })

    const { error } = await failure(
      sendOnce(get('https://soda.test/v1'), { ...through('https_proxy', proxy.origin), timeoutMs: 200 })
    )

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toContain('timed out after 0.2 s')
  })

  it('reads the proxy from the process environment when the attempt names no other', async () => {
    const saved = { https_proxy: process.env.https_proxy, HTTPS_PROXY: process.env.HTTPS_PROXY }
    process.env.https_proxy = proxy.origin
    proxy.script(rawHttp(502, '', 'end'))

    try {
      const fromProcess = await failure(sendOnce(get('https://soda.test/v1'), { timeoutMs: 5000 }))
      const overridden = await failure(
        sendOnce(get('https://soda.test/v1'), { ...direct, lookup: failingLookup('ENOTFOUND') })
      )

      expect(fromProcess.error.message).toContain(`the proxy 127.0.0.1:${proxy.port} (from https_proxy) answered 502`)
      expect(overridden.error.message).toBe('host not found (DNS) (ENOTFOUND)')
      expect(proxy.requests).toHaveLength(1)
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })

  // Assumes nothing listens on 127.0.0.1:80 or :443, as on CI runners: the refusal shows which port was tried.
  it.each([
    ['http', 80],
    ['https', 443]
  ])('connects to an %s:// proxy without a port on port %i', async (scheme, port) => {
    const { error } = await failure(
      sendOnce(get('https://soda.test/v1'), { ...through('https_proxy', `${scheme}://127.0.0.1`), timeoutMs: 5000 })
    )

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe('the proxy 127.0.0.1: connection refused (ECONNREFUSED)')
    expect((error.cause as NodeJS.ErrnoException & { port?: number }).port).toBe(port)
  })

  it('speaks TLS to an https:// proxy, trusting the CA given', async () => {
    const pki = createTestPki()
    const { port, close } = await startRefusingTlsProxy(pki)

    const { error } = await failure(
      sendOnce(get('https://soda.test/v1'), { ...through('https_proxy', `https://127.0.0.1:${port}`), ca: pki.ca })
    )
    await close()
    pki.remove()

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe(`the proxy 127.0.0.1:${port} (from https_proxy) answered 502 to CONNECT soda.test:443`)
  })

  it('reaches the target through a real tunnel, and no longer blames the proxy for what follows', async () => {
    const tunnel = await startConnectProxy()
    // Plain HTTP where TLS is expected: the failure happens past the tunnel, at the target.
    const target = await startFakeProvider()

    const { error } = await failure(
      sendOnce(get(`https://soda.test:${target.port}/v1`), through('https_proxy', tunnel.url))
    )
    await Promise.all([tunnel.close(), target.close()])

    expect(tunnel.tunnels).toEqual([{ authority: `soda.test:${target.port}`, proxyAuthorization: undefined }])
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toContain('the TLS handshake failed')
    expect(error.message).not.toContain('proxy')
  })
})

describe('sendOnce through a proxy, with TLS verified all the way', () => {
  let pki: TestPki
  let target: FakeProvider
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  beforeEach(async () => {
    target = await startFakeProvider({ tls: pki })
  })
  afterEach(async () => {
    await target.close()
  })

  // Unit tests cannot set NODE_TLS_REJECT_UNAUTHORIZED for node:tls (jest gives them a copy of process.env): that it
  // changes nothing here is proven with the bundle, in security.process.test.ts.

  it('reaches the target through a proxy written as an IPv6 address, which a URL keeps in brackets', async () => {
    const tunnel = await startConnectProxy({ host: '::1' })
    target.script({ status: 200, body: { ok: true } })

    const response = await sendOnce(get(`https://soda.test:${target.port}/v1`), {
      ...direct,
      env: { https_proxy: tunnel.url },
      ca: pki.ca
    }).finally(() => tunnel.close())

    expect(tunnel.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
    expect(tunnel.tunnels).toEqual([{ authority: `soda.test:${target.port}`, proxyAuthorization: undefined }])
    expect(response.body).toBe('{"ok":true}')
  })

  it('refuses a target inside the tunnel whose certificate no trusted CA vouches for, sending it nothing', async () => {
    const tunnel = await startConnectProxy()

    const { error } = await failure(
      sendOnce(get(`https://soda.test:${target.port}/v1`), { ...direct, env: { https_proxy: tunnel.url } })
    ).finally(() => tunnel.close())

    expect(tunnel.tunnels).toHaveLength(1)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/^TLS certificate not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/)
    expect(target.requests).toEqual([])
  })

  it('refuses an https:// proxy whose certificate no trusted CA vouches for, before sending it the CONNECT and its credentials', async () => {
    const { port, connects, close } = await startRefusingTlsProxy(pki)

    const { error } = await failure(
      sendOnce(get(`https://soda.test:${target.port}/v1`), {
        ...direct,
        env: { https_proxy: `https://corp:proxy-pw@127.0.0.1:${port}` }
      })
    ).finally(close)

    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/^TLS certificate not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/)
    expect(connects).toEqual([])
  })
})
