import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeProvider, SODA_ORGANIZATION, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { fakeInputs, mintFrom } from '../__fixtures__/mint.js'
import { TokenRequestError } from '../src/errors.js'
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
})
