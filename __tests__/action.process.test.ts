import { describe, expect, it } from '@jest/globals'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, workflowCommands } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The bundle of the current sources, started as the runner starts it, against a local fake of each provider.
describe('the bundled action, run as a process', () => {
  const fake = useFakeProvider()
  const soda = (extra: Record<string, string> = {}) => fakeInputs(fake(), 'soda', extra)
  const sirdata = (extra: Record<string, string> = {}) => fakeInputs(fake(), 'sirdata', extra)

  it('mints a Soda Cloud token into outputs, the env file and the summary', async () => {
    const run = await runAction(soda())

    const [token] = fake().tokens
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.outputs).toEqual({
      token,
      'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      'expires-in': '1800',
      'organization-id': SODA_ORGANIZATION,
      user: fake().credentials.username
    })
    expect(Date.parse(run.outputs['expires-at'] as string) - Date.now()).toBeGreaterThan(1790_000)
    expect(run.env).toEqual({ SODA_TOKEN: token })
    expect(run.summary).toContain('Soda Cloud token minted')
    expect(run.summary).toContain(SODA_ORGANIZATION)
    expect(run.summary).toContain('30 min')
    expect(run.stdout).toContain('Minted a Soda Cloud token: region eu')
  })

  it('mints a Sirdata token with the partner id and a normalised expiry', async () => {
    const run = await runAction(sirdata())

    expect(run.code).toBe(0)
    expect(run.outputs.token).toBe(fake().tokens[0])
    expect(run.outputs['partner-id']).toBe('12345')
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(3590)
    expect(run.env).toEqual({ SIRDATA_TOKEN: fake().tokens[0] })
    const [request] = fake().requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe('/api/v1/public/auth/partner/12345/token')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      login: fake().credentials.username,
      password: fake().credentials.password
    })
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength(request?.body ?? '')))
  })

  it.each(['soda', 'sirdata', 'oauth2'] as const)(
    'masks the %s password, Basic string and token before they appear anywhere else, and leaks no secret',
    async provider => {
      const run = await runAction(fakeInputs(fake(), provider))

      const token = fake().tokens[0] as string
      const lines = run.stdout.split('\n')
      const maskedAt = (secret: string) => lines.indexOf(`::add-mask::${secret}`)
      const firstMention = lines.findIndex(line => line.includes(token))
      expect(lines[firstMention]).toBe(`::add-mask::${token}`)
      // Each mask exists (indexOf is not -1) and comes before the first line that is not a mask.
      const firstOther = lines.findIndex(line => !line.startsWith('::add-mask::'))
      const { username, password } = fake().credentials
      const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1)
      const secrets = [
        password,
        ...(provider === 'soda' ? [Buffer.from(`${username}:${password}`).toString('base64')] : []),
        ...(provider === 'oauth2' ? [Buffer.from(`${encode(username)}:${encode(password)}`).toString('base64')] : [])
      ]
      for (const secret of secrets) {
        expect(maskedAt(secret)).toBeGreaterThanOrEqual(0)
        expect(maskedAt(secret)).toBeLessThan(firstOther)
      }
      expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
    }
  )

  it('leaves the expiry outputs empty, with a warning, when Soda Cloud gives no expires_in', async () => {
    fake().script({ status: 200, body: { token: 'soda-token-without-expiry', organization_id: SODA_ORGANIZATION } })

    const run = await runAction(soda())

    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ token: 'soda-token-without-expiry', 'organization-id': SODA_ORGANIZATION })
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'warning',
      message:
        'Soda Cloud did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.'
    })
    expect(leakedSecrets(run.everything, ['soda-token-without-expiry'])).toEqual([])
  })

  it('fails a token that will not last min-validity, and exports nothing', async () => {
    fake().script({ status: 200, body: { token: 'short-lived-token', expires_in: 30 } })

    const run = await runAction(soda())

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message:
        'Soda Cloud issued a token valid for 30 s, less than min-validity (1 min): lower min-validity if such short-lived tokens are expected.'
    })
    expect(run.outputs).toEqual({})
    expect(run.env).toEqual({})
    expect(leakedSecrets(run.everything, ['short-lived-token'])).toEqual([])
  })

  it('exports nothing when export-env is false, and says so in a sentence', async () => {
    const run = await runAction(soda({ 'export-env': 'false' }))

    expect(run.code).toBe(0)
    expect(run.env).toEqual({})
    expect(run.outputs.token).toBe(fake().tokens[0])
    expect(run.stdout).toMatch(
      /^Minted a Soda Cloud token: region eu, .*, lifetime 30 min\. Not exported, since export-env is false: read the token output instead\.$/m
    )
    expect(run.summary).toContain('none (export-env is false)')
  })

  it('exports under env-name, and tells where', async () => {
    const run = await runAction(soda({ 'env-name': 'DQ_TOKEN' }))

    expect(run.env).toEqual({ DQ_TOKEN: fake().tokens[0] })
    expect(run.stdout).toContain('Exported as $DQ_TOKEN for the following steps of this job.')
  })

  it.each([
    ['exactly min-validity left', 60, 0],
    ['one second less', 59, 1]
  ])('checks min-validity to the second: %s', async (_case, expiresIn, code) => {
    fake().script({ status: 200, body: { token: 'token-at-the-limit', expires_in: expiresIn } })

    const run = await runAction(soda({ 'min-validity': '60' }))

    expect(run.code).toBe(code)
  })

  it('reads credentials from the environment when the inputs are empty', async () => {
    const run = await runAction(
      { provider: 'soda', 'base-url': fake().roots.soda },
      { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }
    )

    expect(run.code).toBe(0)
    expect(run.outputs.token).toBe(fake().tokens[0])
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('fails a 401 with one error naming the status and what to check, and exports nothing', async () => {
    const run = await runAction(sirdata({ password: 'not-the-password' }))

    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout).filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain('Sirdata refused the token request: HTTP 401 Unauthorized')
    expect(errors[0]?.message).toContain('legal and sales agreements')
    expect(run.outputs).toEqual({})
    expect(run.env).toEqual({})
    expect(leakedSecrets(run.everything, ['not-the-password', ...secretsOf(fake())])).toEqual([])
    expect(run.everything).not.toMatch(/\n\s+at /)
  })

  it('fails a 400 with the provider, the status and a hint', async () => {
    fake().script({ status: 400 })

    const run = await runAction(soda())

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringContaining('Soda Cloud refused the token request: HTTP 400 Bad Request')
    })
    expect(fake().requests).toHaveLength(1)
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('rejects a bad input with one error before any request', async () => {
    const run = await runAction(soda({ provider: 'snowflake' }))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toEqual([
      { command: 'error', message: "Input 'provider' must be one of: sirdata, soda, oauth2 (got 'snowflake')." }
    ])
    expect(fake().requests).toHaveLength(0)
  })

  it('retries a passing 503 with a warning, then mints', async () => {
    fake().script({ status: 503 })

    const run = await runAction(soda())

    expect(run.code).toBe(0)
    expect(fake().requests).toHaveLength(2)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'warning',
      message: expect.stringMatching(/^Attempt 1 of 3 failed: HTTP 503; retrying in /)
    })
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('gives up on a silent server at the deadline and says so', async () => {
    fake().script({ fault: 'hang' })

    const run = await runAction(soda({ timeout: '1', 'max-attempts': '1' }))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringContaining(
        "failed after 1 attempt; the last: timed out after 1 s waiting for a complete answer (input 'timeout')"
      )
    })
  })
})
