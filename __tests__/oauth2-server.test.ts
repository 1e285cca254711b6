import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAuthorizationServer, type AuthorizationServer } from '../__fixtures__/authorization-server.js'
import { mintFrom, recordingLog } from '../__fixtures__/mint.js'
import { TokenRequestError } from '../src/errors.js'
import { tokenOutputs } from '../src/report.js'

// The provider against a real authorization server (oidc-provider), not a fake that shares our reading of RFC 6749.

let server: AuthorizationServer
beforeAll(async () => {
  server = await startAuthorizationServer()
})
afterAll(() => server.close())

const oauth2 = (client: { id: string; secret: string }, extra: Record<string, string> = {}) => ({
  provider: 'oauth2',
  'token-url': server.tokenUrl,
  'client-id': client.id,
  'client-secret': client.secret,
  ...extra
})

describe('oauth2 against oidc-provider', () => {
  it('mints with client_secret_basic, reading the token, its lifetime and the granted scope', async () => {
    const log = recordingLog()

    const token = await mintFrom(oauth2(server.clients.basic, { scope: 'reports:read' }), { log })

    expect(tokenOutputs(token)).toMatchObject({ 'expires-in': '600', scope: 'reports:read' })
    expect(token.token.length).toBeGreaterThan(20)
    expect(log.secrets).toContain(token.token)
    const basic = Buffer.from(`${server.clients.basic.id}:${server.clients.basic.secret}`).toString('base64')
    expect(log.secrets).toContain(basic)
  })

  it('mints with client_secret_post when client-auth is post, sending no Authorization header', async () => {
    const token = await mintFrom(oauth2(server.clients.post, { 'client-auth': 'post', scope: 'reports:write' }))

    expect(tokenOutputs(token)).toMatchObject({ 'expires-in': '600', scope: 'reports:write' })
    const request = server.requests.at(-1)
    expect(request).toMatchObject({ method: 'POST', url: '/token' })
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request?.headers).not.toHaveProperty('authorization')
  })

  it('mints for a client whose id and secret hold : + % & and spaces, form-encoded before Basic', async () => {
    const token = await mintFrom(oauth2(server.clients.odd))

    expect(token.token.length).toBeGreaterThan(20)
    expect(tokenOutputs(token)).not.toHaveProperty('scope')
  })

  it('reports invalid_client, with what to check, for a wrong secret, and never quotes the secret', async () => {
    const secret = 'wrong-secret-Zq8Xv2'

    const minting = mintFrom(oauth2({ id: server.clients.basic.id, secret }))

    await expect(minting).rejects.toThrow(TokenRequestError)
    await expect(minting).rejects.toThrow(
      /refused the token request: HTTP 401 Unauthorized\. The server said invalid_client \(client authentication failed\)\. Check client-id, client-secret and client-auth/
    )
    await expect(minting).rejects.not.toThrow(secret)
  })

  it('reports what the server answers for a client not allowed the client-credentials grant', async () => {
    const minting = mintFrom(oauth2(server.clients.codeOnly, { 'client-auth': 'post' }))

    // oidc-provider answers invalid_request here, not unauthorized_client.
    await expect(minting).rejects.toThrow(
      /HTTP 400 Bad Request\. The server said invalid_request \(requested grant type is not allowed for this client\)\. Check token-url/
    )
  })

  it('reports invalid_scope for a scope the client may not have', async () => {
    const minting = mintFrom(oauth2(server.clients.odd, { scope: 'reports:write' }))

    await expect(minting).rejects.toThrow(/The server said invalid_scope .*Check scope/)
  })
})
