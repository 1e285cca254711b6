import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAuthorizationServer, type AuthorizationServer } from '../__fixtures__/authorization-server.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, runCliProcess, workflowCommands } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The oauth2 provider through the bundles, as the runner and a shell start them: against the fake's RFC 6749
// contract, and against a real authorization server (oidc-provider).

describe('the bundled action, minting with oauth2 from the fake', () => {
  const fake = useFakeProvider()

  it('POSTs the client-credentials form and publishes the Bearer token, its expiry and the scope', async () => {
    const run = await runAction(fakeInputs(fake(), 'oauth2', { scope: 'reports:read' }))

    const [token] = fake().tokens
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({
      token,
      'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      'expires-in': '3600',
      scope: 'reports:read'
    })
    expect(run.env).toEqual({ OAUTH2_TOKEN: token })
    expect(run.summary).toContain('OAuth 2.0 token minted')
    expect(run.stdout).toContain('Minted an OAuth 2.0 token: scope reports:read, expires at')
    const [request] = fake().requests
    expect(request?.method).toBe('POST')
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'reports:read'
    })
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('reads token-url, client-id and client-secret from OAUTH2_* variables, and sends them in the body with post', async () => {
    const { username, password } = fake().credentials

    const run = await runAction(
      { provider: 'oauth2', 'client-auth': 'post' },
      { OAUTH2_TOKEN_URL: fake().roots.oauth2, OAUTH2_CLIENT_ID: username, OAUTH2_CLIENT_SECRET: password }
    )

    expect(run.code).toBe(0)
    expect(fake().requests[0]?.headers).not.toHaveProperty('authorization')
    expect(new URLSearchParams(fake().requests[0]?.body).get('client_secret')).toBe(password)
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('fails invalid_client with the server words and the next step, and exports nothing', async () => {
    const run = await runAction(fakeInputs(fake(), 'oauth2', { 'client-secret': 'not-the-secret' }))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toEqual([
      {
        command: 'error',
        message: expect.stringContaining(
          'OAuth 2.0 refused the token request: HTTP 401 Unauthorized. The server said invalid_client (Client authentication failed.). Check client-id, client-secret and client-auth'
        )
      }
    ])
    expect(run.outputs).toEqual({})
    expect(leakedSecrets(run.everything, ['not-the-secret', ...secretsOf(fake())])).toEqual([])
  })

  it.each([
    ['http://10.0.0.1/token', 'must be an https:// URL: plain http:// is allowed only to a loopback host'],
    ['https://user:pw@auth.example.com/token', 'must not hold credentials'],
    ['https://auth.example.com/token#frag', 'must not have a query (?) or a fragment (#)'],
    ['auth.example.com/token', 'must be an https:// URL, such as https://auth.example.com/token.']
  ])('refuses token-url %s before any request, naming the input', async (url, problem) => {
    const run = await runAction(fakeInputs(fake(), 'oauth2', { 'token-url': url }))

    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout).filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain(`Input 'token-url' ${problem}`)
    expect(fake().requests).toHaveLength(0)
  })

  it('does not follow a redirect, and says to check token-url', async () => {
    fake().script({ status: 302, headers: { Location: 'https://elsewhere.example/token' } })

    const run = await runAction(fakeInputs(fake(), 'oauth2'))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringContaining('a redirect to elsewhere.example.')
    })
    expect(run.stdout).toContain('check token-url.')
    expect(fake().requests).toHaveLength(1)
  })
})

describe('the bundles against a real authorization server (oidc-provider)', () => {
  let server: AuthorizationServer
  beforeAll(async () => {
    server = await startAuthorizationServer()
  })
  afterAll(() => server.close())

  it('the action mints for the client whose id and secret need form-encoding, and masks every form of them', async () => {
    const { id, secret } = server.clients.odd
    const run = await runAction({
      provider: 'oauth2',
      'token-url': server.tokenUrl,
      'client-id': id,
      'client-secret': secret,
      scope: 'reports:read'
    })

    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'expires-in': '600', scope: 'reports:read' })
    const token = run.outputs.token as string
    expect(run.env).toEqual({ OAUTH2_TOKEN: token })
    const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1)
    const basic = Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')
    // A workflow command's value escapes % as %25, which the runner reads back.
    for (const masked of [secret, encode(secret), basic, token]) {
      expect(run.stdout.split('\n')).toContain(`::add-mask::${masked.replace(/%/g, '%25')}`)
    }
    expect(leakedSecrets(run.everything, [secret, encode(secret), basic, token])).toEqual([])
  })

  it('exec --keep-fresh hands the command an Authorization: Bearer header file', async () => {
    const { id, secret } = server.clients.post
    const run = await runCliProcess(
      [
        'exec',
        '--keep-fresh',
        '--provider',
        'oauth2',
        '--token-url',
        server.tokenUrl,
        '--client-id',
        id,
        '--client-auth',
        'post',
        '--',
        process.execPath,
        '-e',
        "process.stdout.write(require('fs').readFileSync(process.env.OAUTH2_TOKEN_HEADER_FILE, 'utf8').replace(/ \\S+\\n$/, ' <token>'))"
      ],
      { OAUTH2_CLIENT_SECRET: secret }
    )

    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('Authorization: Bearer <token>')
    expect(run.code).toBe(0)
  })

  it('the command line reports the server refusal for a client not allowed the grant, exit code 1', async () => {
    const { id, secret } = server.clients.codeOnly
    const run = await runCliProcess(
      ['--provider', 'oauth2', '--token-url', server.tokenUrl, '--client-id', id, '--client-auth', 'post'],
      { OAUTH2_CLIENT_SECRET: secret }
    )

    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'The server said invalid_request (requested grant type is not allowed for this client)'
    )
    expect(run.stderr).not.toContain(secret)
  })
})
