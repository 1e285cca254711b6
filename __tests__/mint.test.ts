import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { startFakeProvider, SODA_ORGANIZATION, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { fakeInputs, mintFrom, mintSettings, recordingLog } from '../__fixtures__/mint.js'
import { NetworkError, SealError, TokenLifetimeError, TokenRequestError, TransientFailureError } from '../src/errors.js'
import { mintToken } from '../src/mint.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import { parseSettings } from '../src/settings/settings.js'
import { VERSION } from '../src/version.js'

// The core against a real HTTP server on 127.0.0.1: what the server received, and what came back.
describe('mintToken', () => {
  let fake: FakeProvider
  beforeEach(async () => {
    fake = await startFakeProvider()
  })
  afterEach(async () => {
    await fake.close()
  })

  it('sends Sirdata its GET with the JSON body, a matching Content-Length and our User-Agent', async () => {
    const issued = await mintFrom(fakeInputs(fake, 'sirdata'))

    const [request] = fake.requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe('/api/v1/public/auth/partner/12345/token')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength(request?.body ?? '')))
    expect(JSON.parse(request?.body ?? '')).toEqual({
      login: fake.credentials.username,
      password: fake.credentials.password
    })
    expect(request?.headers['user-agent']).toMatch(new RegExp(`^token-mint-action/${VERSION.replace(/\./g, '\\.')} `))
    expect(issued.token).toBe(fake.tokens[0])
    expect(issued.account).toEqual({ 'partner-id': '12345' })
  })

  it('sends Soda Cloud HTTP Basic and no body', async () => {
    const issued = await mintFrom(fakeInputs(fake, 'soda'))

    const [request] = fake.requests
    const basic = Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')
    expect(request?.path).toBe('/v1/get_token')
    expect(request?.headers.authorization).toBe(`Basic ${basic}`)
    expect(request?.body).toBe('')
    expect(issued.account).toEqual({ 'organization-id': SODA_ORGANIZATION, user: fake.credentials.username })
    expect(issued.expiresAt!.getTime() - issued.issuedAt.getTime()).toBe(1800_000)
  })

  it('keeps the path of a base-url, with or without a trailing slash', async () => {
    fake.script({ status: 200, body: { token: 'gw-token' } }, { status: 200, body: { token: 'gw-token' } })

    await mintFrom(fakeInputs(fake, 'soda', { 'base-url': `${fake.origin}/gateway/soda/v1` }))
    await mintFrom(fakeInputs(fake, 'soda', { 'base-url': `${fake.origin}/gateway/soda/v1/` }))

    expect(fake.requests.map(r => r.path)).toEqual(['/gateway/soda/v1/get_token', '/gateway/soda/v1/get_token'])
  })

  it('keeps the partner id from the inputs when Sirdata leaves it out', async () => {
    fake.script({
      status: 200,
      body: { token: 'sirdata-token-1', expiration_time: '2030-01-01T00:00:00.000000000+01:00' }
    })

    const issued = await mintFrom(fakeInputs(fake, 'sirdata'))

    expect(issued.account).toEqual({ 'partner-id': '12345' })
    expect(issued.expiresAt?.toISOString()).toBe('2029-12-31T23:00:00.000Z')
  })

  it.each([
    [400, 'HTTP 400 Bad Request'],
    [401, 'HTTP 401 Unauthorized'],
    [403, 'HTTP 403 Forbidden'],
    [404, 'HTTP 404 Not Found'],
    [418, "HTTP 418 I'm a Teapot"]
  ])('refuses a %i after one request, naming the status', async (status, text) => {
    fake.script({ status })

    const minting = mintFrom(fakeInputs(fake, 'soda'))

    await expect(minting).rejects.toThrow(TokenRequestError)
    await expect(minting).rejects.toThrow(`Soda Cloud refused the token request: ${text}.`)
    expect(fake.requests).toHaveLength(1)
  })

  it('quotes no secret a refusing server echoes in its error description, however it would be cut or escaped', async () => {
    const secret = fake.credentials.password
    fake.script({
      status: 401,
      body: { error: 'invalid_client', error_description: `${'x'.repeat(190)} "${secret}" ##${secret}` }
    })

    const minting = mintFrom(fakeInputs(fake, 'oauth2'))

    await expect(minting).rejects.toThrow(/The server said invalid_client \(x+ \\?"\*\*\*/)
    await expect(minting).rejects.not.toThrow(secret.slice(0, 8))
  })

  it('names the region it asked when Soda Cloud refuses with 401, and the other one', async () => {
    fake.script({ status: 401 })

    const minting = mintFrom(fakeInputs(fake, 'soda', { region: 'us' }))

    await expect(minting).rejects.toThrow('this asked us; an account of eu answers 401 there (set region: eu).')
  })

  it.each([
    [{ status: 200, body: '{"token": "abc"' }, 'with a body that is not JSON'],
    [{ status: 200, body: '<html><body>Sign in</body></html>' }, 'with an HTML or XML page'],
    [{ status: 200, body: '' }, 'with an empty body'],
    [{ status: 200, body: { access_token: 'abc' } }, "'token' is missing"]
  ])('refuses a 200 that is not the documented JSON, without quoting it (%#)', async (reply, problem) => {
    fake.script(reply)

    const minting = mintFrom(fakeInputs(fake, 'sirdata'))

    await expect(minting).rejects.toThrow(problem)
    await expect(minting).rejects.not.toThrow(/abc|Sign in/)
  })

  it('refuses a redirect, naming the status and the target host, and never follows it', async () => {
    fake.script({ status: 302, headers: { Location: 'https://elsewhere.example.net/steal' } })

    const minting = mintFrom(fakeInputs(fake, 'sirdata'))

    await expect(minting).rejects.toThrow('Sirdata answered HTTP 302 Found, a redirect to elsewhere.example.net.')
    expect(fake.requests).toHaveLength(1)
  })

  it('masks the Basic string before the request is sent, and the token as soon as it is read', async () => {
    const log = recordingLog()

    const issued = await mintFrom(fakeInputs(fake, 'soda'), { log })

    const basic = Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')
    expect(log.secrets).toEqual([basic, issued.token])
  })

  it('masks the JSON-escaped form of a Sirdata password that has one', async () => {
    await fake.close()
    fake = await startFakeProvider({ credentials: { password: 'pa"ss\\word' } })
    const log = recordingLog()

    const issued = await mintFrom(fakeInputs(fake, 'sirdata'), { log })

    expect(log.secrets).toEqual(['pa\\"ss\\\\word', issued.token])
  })

  it('logs each attempt for debugging: method, URL, outcome, time and count', async () => {
    const log = recordingLog()

    await mintFrom(fakeInputs(fake, 'soda'), { log })

    expect(log.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^debug: GET ${fake.origin.replace(/\./g, '\\.')}/v1/get_token: HTTP 200 in \\d+ ms \\(attempt 1/3\\)$`
        )
      )
    ])
  })

  it('logs why an attempt failed, and warns before the next one', async () => {
    fake.script({ status: 503 })
    const log = recordingLog()

    await mintFrom(fakeInputs(fake, 'soda'), { log, retry: { random: () => 0, sleep: () => Promise.resolve() } })

    const url = `${fake.origin}/v1/get_token`
    expect(log.lines.map(line => line.replace(/in \d+ ms/, 'in N ms'))).toEqual([
      `debug: GET ${url}: HTTP 503 in N ms (attempt 1/3)`,
      'warning: Attempt 1 of 3 failed: HTTP 503; retrying in 0 s.',
      `debug: GET ${url}: HTTP 200 in N ms (attempt 2/3)`
    ])
  })

  it('logs the reason of an attempt that got no answer', async () => {
    fake.script({ fault: 'reset' })
    const log = recordingLog()

    await mintFrom(fakeInputs(fake, 'soda'), { log })

    expect(log.lines[0]).toMatch(
      new RegExp(
        `^debug: GET ${fake.origin.replace(/\./g, '\\.')}/v1/get_token: connection reset \\(ECONNRESET\\) in \\d+ ms \\(attempt 1/3\\)$`
      )
    )
  })

  it('drops every trailing slash of a base-url before adding the endpoint', async () => {
    fake.script({ status: 200, body: { token: 'gw-token' } })

    await mintFrom(fakeInputs(fake, 'soda', { 'base-url': `${fake.origin}/gateway/v1///` }))

    expect(fake.requests[0]?.path).toBe('/gateway/v1/get_token')
  })

  it('warns, and accepts the token, when Sirdata leaves expiration_time out', async () => {
    fake.script({ status: 200, body: { token: 'sirdata-token-without-expiry', partner_id: 12345 } })
    const log = recordingLog()

    const issued = await mintFrom(fakeInputs(fake, 'sirdata', { 'min-validity': '3600' }), { log })

    expect(issued.token).toBe('sirdata-token-without-expiry')
    expect(issued.expiresAt).toBeUndefined()
    expect(log.lines).toContain(
      'warning: Sirdata did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.'
    )
  })

  it('refuses a token that will not outlive min-validity', async () => {
    await fake.close()
    fake = await startFakeProvider({ sodaExpiresIn: 59 })

    const minting = mintFrom(fakeInputs(fake, 'soda', { 'min-validity': '60' }))

    await expect(minting).rejects.toThrow(TokenLifetimeError)
    await expect(minting).rejects.toThrow('Soda Cloud issued a token valid for 59 s, less than min-validity (1 min)')
  })

  it('names the region for a provider that has several, and none for one that has one', async () => {
    const fromSoda = await mintFrom(fakeInputs(fake, 'soda', { region: 'us' }))
    const fromSirdata = await mintFrom(fakeInputs(fake, 'sirdata'))

    expect(fromSoda).toMatchObject({ provider: soda, region: 'us', origin: 'minted' })
    expect(fromSirdata.provider).toBe(sirdata)
    expect(fromSirdata.region).toBeUndefined()
  })

  it('counts the lifetime from the moment the answer arrived', async () => {
    const arrived = new Date('2030-01-01T00:00:00.000Z')

    const issued = await mintFrom(fakeInputs(fake, 'soda'), { now: () => arrived })

    expect(issued.issuedAt).toEqual(arrived)
    expect(issued.expiresAt).toEqual(new Date('2030-01-01T00:30:00.000Z'))
  })

  it('accepts any 2xx answer, and refuses the whole 3xx range as redirects', async () => {
    fake.script(
      { status: 299, body: { token: 'token-from-a-299' } },
      { status: 300, headers: { Location: '/elsewhere' } },
      { status: 399 }
    )

    const issued = await mintFrom(fakeInputs(fake, 'soda'))
    const ambiguous = mintFrom(fakeInputs(fake, 'soda'))
    const unnamed = mintFrom(fakeInputs(fake, 'soda'))

    expect(issued.token).toBe('token-from-a-299')
    await expect(ambiguous).rejects.toThrow(
      `Soda Cloud answered HTTP 300 Multiple Choices, a redirect to 127.0.0.1:${fake.port}. The action does not follow redirects, since they would carry your credentials elsewhere: check region and base-url.`
    )
    await expect(unnamed).rejects.toThrow('Soda Cloud answered HTTP 399, a redirect to an unnamed location.')
  })

  it('names at most 40 characters of a redirect’s host', async () => {
    const host = `${'a'.repeat(50)}.example`
    fake.script({ status: 302, headers: { Location: `https://${host}/x` } })

    await expect(mintFrom(fakeInputs(fake, 'soda'))).rejects.toThrow(`a redirect to ${'a'.repeat(40)}.`)
  })

  it('masks a proxy’s password in every form before any request', async () => {
    const log = recordingLog()
    const env = { https_proxy: 'http://corp:pa%24s@127.0.0.1:9' }

    await mintFrom(fakeInputs(fake, 'soda', { 'base-url': 'https://soda.test/v1', 'max-attempts': '1' }), {
      log,
      attempt: { env }
    }).catch(() => undefined)

    const basic = Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')
    expect(log.secrets).toEqual([basic, 'pa%24s', 'pa$s', Buffer.from('corp:pa$s').toString('base64')])
    expect(log.lines.every(line => !line.includes('pa$s') && !line.includes('pa%24s'))).toBe(true)
  })

  it('refuses an unusable proxy before any request', async () => {
    const log = recordingLog()

    const minting = mintFrom(fakeInputs(fake, 'soda', { 'base-url': 'https://soda.test/v1' }), {
      log,
      attempt: { env: { HTTPS_PROXY: 'socks5://proxy:1080' } }
    })

    await expect(minting).rejects.toThrow(NetworkError)
    expect(log.lines).toEqual([])
  })

  it('names no part of a redirect target it cannot read', async () => {
    fake.script({ status: 301, headers: { Location: 'http://[unreadable' } })

    await expect(mintFrom(fakeInputs(fake, 'soda'))).rejects.toThrow('a redirect to an unreadable location.')
  })

  it('names a refused status Node has no text for by its number alone', async () => {
    fake.script({ status: 599 })

    await expect(mintFrom(fakeInputs(fake, 'soda'))).rejects.toThrow(
      new TokenRequestError('Soda Cloud refused the token request: HTTP 599.')
    )
  })

  it('adds the provider’s hint to a refusal', async () => {
    fake.script({ status: 403 })

    await expect(mintFrom(fakeInputs(fake, 'soda'))).rejects.toThrow(
      'Soda Cloud refused the token request: HTTP 403 Forbidden. This user may not use the Reporting API: check its role in Soda Cloud.'
    )
  })

  it.each([
    [' \n ', 'an empty body'],
    ['  <?xml version="1.0"?><token/>', 'an HTML or XML page']
  ])('reads a 200 of %p as %s', async (body, what) => {
    fake.script({ status: 200, body })

    await expect(mintFrom(fakeInputs(fake, 'soda'))).rejects.toThrow(
      `Soda Cloud answered HTTP 200 with ${what} instead of the documented JSON token response: check region and base-url, which must point at the API root.`
    )
  })

  it('says where a failed exchange went, and keeps its class', async () => {
    fake.script({ status: 503 })

    const minting = mintFrom(fakeInputs(fake, 'soda', { 'max-attempts': '1' }))

    await expect(minting).rejects.toThrow(TransientFailureError)
    await expect(minting).rejects.toThrow(
      `Could not get a token from Soda Cloud at ${fake.origin}/v1/get_token: failed after 1 attempt; the last: HTTP 503.`
    )
  })
})

describe('mintToken, sealing and unsealing', () => {
  let fake: FakeProvider
  beforeEach(async () => {
    fake = await startFakeProvider()
  })
  afterEach(async () => {
    await fake.close()
  })
  const runner = { GITHUB_REPOSITORY: 'data-team/pipelines', GITHUB_RUN_ID: '4242' }
  const sealKey = randomBytes(32).toString('base64')

  it('seals the minted token when seal-key is set, for a later job of the run to open', async () => {
    const settings = mintSettings(fakeInputs(fake, 'soda', { 'seal-key': sealKey }), runner)

    const minted = await mintToken(settings, { log: recordingLog(), attempt: { env: {} } })
    const { settings: unsealing } = parseSettings({ 'sealed-token': minted.sealedToken, 'seal-key': sealKey }, runner)
    const log = recordingLog()
    const opened = await mintToken(unsealing, { log })

    expect(minted.sealedToken).toMatch(/^tm2\./)
    expect(opened.token).toMatchObject({ token: minted.token.token, origin: 'unsealed', provider: soda })
    expect(opened.sealedToken).toBeUndefined()
    expect(log.secrets).toEqual([minted.token.token])
    expect(fake.requests).toHaveLength(1)
  })

  it('seals nothing without seal-key', async () => {
    const minted = await mintToken(mintSettings(fakeInputs(fake, 'soda')), {
      log: recordingLog(),
      attempt: { env: {} }
    })

    expect(minted.sealedToken).toBeUndefined()
  })

  it('checks the lifetime of an unsealed token too', async () => {
    const settings = mintSettings(fakeInputs(fake, 'soda', { 'seal-key': sealKey }), runner)
    const { sealedToken } = await mintToken(settings, { log: recordingLog(), attempt: { env: {} } })
    const { settings: unsealing } = parseSettings(
      { 'sealed-token': sealedToken, 'seal-key': sealKey, 'min-validity': '1800' },
      runner
    )

    const opening = mintToken(unsealing, { log: recordingLog(), now: () => new Date(Date.now() + 60_000) })

    await expect(opening).rejects.toThrow(TokenLifetimeError)
    await expect(opening).rejects.toThrow('The unsealed Soda Cloud token has')
  })

  it('refuses a sealed token for another provider than the one named', async () => {
    const settings = mintSettings(fakeInputs(fake, 'soda', { 'seal-key': sealKey }), runner)
    const { sealedToken } = await mintToken(settings, { log: recordingLog(), attempt: { env: {} } })
    const { settings: unsealing } = parseSettings(
      { provider: 'sirdata', 'sealed-token': sealedToken, 'seal-key': sealKey },
      runner
    )

    await expect(mintToken(unsealing, { log: recordingLog() })).rejects.toThrow(
      new SealError('holds a Soda Cloud token, but provider is sirdata.')
    )
  })
})
