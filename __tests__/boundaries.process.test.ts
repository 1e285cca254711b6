import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { startConnectProxy, type ConnectProxy } from '../__fixtures__/connect-proxy.js'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, workflowCommands, type ActionRun } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'

// Text from outside (a provider's answer, a proxy variable, an input) as an attacker or a confused user sends it,
// through the bundle started as the runner starts it: every byte the action prints or publishes stays trustworthy.

const errors = (run: ActionRun) =>
  workflowCommands(run.stdout)
    .filter(command => command.command === 'error')
    .map(command => command.message)
const warnings = (run: ActionRun) =>
  workflowCommands(run.stdout)
    .filter(command => command.command === 'warning')
    .map(command => command.message)

/** A failed step: one error matching `message`, nothing published, no stack trace, and a prompt exit. */
function expectRefused(run: ActionRun, message: RegExp | string) {
  expect(run.code).toBe(1)
  expect(errors(run)).toEqual([
    typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message)
  ])
  expect(run.outputs).toEqual({})
  expect(run.env).toEqual({})
  expect(run.everything).not.toMatch(/\n\s+at /)
  // The bug this guards against kept the process alive 20 s after its error; the bound leaves room for a busy CI.
  expect(run.lingerMs).toBeLessThan(2500)
}

describe('provider text', () => {
  const fake = useFakeProvider()
  const TOKEN = 'provider-token-0123456789'

  it.each<[string, 'soda' | 'sirdata', object, RegExp]>([
    [
      'a Soda user that would print a workflow command',
      'soda',
      { token: TOKEN, user: 'me\n::warning::x', expires_in: 1800 },
      /^Soda Cloud answered 200 but not with the documented token response: 'user' holds control or invisible characters\.$/
    ],
    [
      'a Sirdata partner_id that would print a workflow command',
      'sirdata',
      { token: TOKEN, partner_id: '1\n::error::x' },
      /^Sirdata answered 200 but not with the documented token response: 'partner_id' is not digits\.$/
    ],
    [
      'an organization_id made of HTML',
      'soda',
      { token: TOKEN, organization_id: '<img src=x onerror=alert(1)>', expires_in: 1800 },
      /'organization_id' is not a UUID/
    ],
    [
      'an organization_id that closes the summary table',
      'soda',
      { token: TOKEN, organization_id: '</td></tr></table>', expires_in: 1800 },
      /'organization_id' is not a UUID/
    ]
  ])('refuses %s, naming the field, with the token masked first', async (_case, provider, body, message) => {
    fake().script({ status: 200, body })

    const run = await runAction(fakeInputs(fake(), provider))

    expectRefused(run, message)
    expect(workflowCommands(run.stdout).map(c => c.command)).not.toContain('warning')
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
    expect(run.summary).not.toMatch(/<img|<\/table>.*<\/table>/s)
    expect(leakedSecrets(run.everything, [TOKEN, ...secretsOf(fake())])).toEqual([])
  })

  it('publishes the validated account facts, and the summary escapes what it shows', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda'))

    expect(run.code).toBe(0)
    expect(run.outputs['organization-id']).toBe(SODA_ORGANIZATION)
    expect(run.summary).toContain('<th>Organisation</th>')
    expect(run.summary).not.toContain('Fact')
    // The e-mail's @ is harmless; its characters that Markdown reads (_ in some e-mails) would be entities.
    expect(run.summary).toContain(fake().credentials.username)
  })
})

describe('tokens', () => {
  const fake = useFakeProvider()

  it.each([
    ['shorter than 8 characters', 'abc123', 'is 6 characters long, shorter than any real token (at least 8)'],
    ['on two lines', 'first-line-token\nsecond-line', 'holds a line break'],
    ['with a space', 'token with-space', 'holds whitespace'],
    ['with a control character', 'token-\u0007-bell', 'holds a control character'],
    ['longer than 8 KiB', 'x'.repeat(8193), 'is 8193 characters long, longer than the 8 KiB a header can carry']
  ])('refuses a token %s, saying why without quoting it', async (_case, token, why) => {
    fake().script({ status: 200, body: { token, expires_in: 1800 } })

    const run = await runAction(fakeInputs(fake(), 'soda'))

    expectRefused(run, `the token ${why}; it is not quoted here`)
    expect(run.everything).not.toContain(token)
  })
})

describe('expiries', () => {
  const fake = useFakeProvider()

  it.each([
    ['2030-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01t01:00:00.1+01:00', '2030-01-01T00:00:00.100Z'],
    ['2030-01-01T00:00:00.999999999-00:30', '2030-01-01T00:30:00.999Z']
  ])('reads the Sirdata expiration_time %s in any RFC 3339 form', async (text, iso) => {
    fake().script({ status: 200, body: { token: 'sirdata-token-1', partner_id: 12345, expiration_time: text } })

    const run = await runAction(fakeInputs(fake(), 'sirdata'))

    expect(run.code).toBe(0)
    expect(run.outputs['expires-at']).toBe(iso)
  })

  it.each<[string, 'soda' | 'sirdata', object, string]>([
    ['a Sirdata expiration_time in words', 'sirdata', { expiration_time: 'tomorrow\u001b[31m' }, 'expiration_time'],
    ['a Sirdata expiration_time that is a number', 'sirdata', { expiration_time: 1893456000 }, 'expiration_time'],
    ['a Soda expires_in written as text', 'soda', { expires_in: '1800' }, 'expires_in'],
    ['a negative Soda expires_in', 'soda', { expires_in: -5 }, 'expires_in'],
    ['a fractional Soda expires_in', 'soda', { expires_in: 1.5 }, 'expires_in'],
    ['a Soda expires_in beyond ten years', 'soda', { expires_in: 1e12 }, 'expires_in']
  ])('fails on %s, and only warns with min-validity 0', async (_case, provider, fields, field) => {
    const body = { token: 'expiring-token-1', ...fields }
    fake().script({ status: 200, body }, { status: 200, body })

    const strict = await runAction(fakeInputs(fake(), provider))
    const lenient = await runAction(fakeInputs(fake(), provider, { 'min-validity': '0' }))

    const said = new RegExp(`sent an ${field} that could not be read \\('[^'\\u0000-\\u001f]{0,40}'\\)`)
    expectRefused(strict, said)
    expect(lenient.code).toBe(0)
    expect(warnings(lenient)).toEqual([expect.stringMatching(said)])
    expect(lenient.outputs['expires-at']).toBeUndefined()
    expect(lenient.outputs['expires-in']).toBeUndefined()
    for (const run of [strict, lenient]) {
      // Not in the masks: the Basic string of a random password can spell NaN (CI saw `...MUNaNld...`).
      const shown = run.everything
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      expect(shown).not.toMatch(/NaN|Infinity|Invalid Date/)
      expect(run.everything).not.toContain(String.fromCharCode(27))
    }
  })
})

describe('env-name', () => {
  const fake = useFakeProvider()

  it.each(['PATH', 'LD_PRELOAD', 'BASH_ENV', 'https_proxy', 'NODE_OPTIONS', 'PYTHONPATH', 'GIT_SSH_COMMAND'])(
    'refuses %s before any request',
    async name => {
      const run = await runAction(fakeInputs(fake(), 'soda', { 'env-name': name }))

      expectRefused(run, /^Input 'env-name' must end in _TOKEN/)
      expect(fake().requests).toEqual([])
    }
  )
})

describe('proxies', () => {
  let pki: TestPki
  let proxy: ConnectProxy
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  const fake = useFakeProvider(() => ({ tls: pki }))
  beforeEach(async () => {
    proxy = await startConnectProxy({ credentials: 'us@er:p%ss' })
  })
  afterEach(async () => {
    await proxy.close()
  })
  const port = () => proxy.url.split(':').pop() as string
  const throughProxy = (https_proxy: string) =>
    runAction(fakeInputs(fake(), 'soda', { 'base-url': `https://soda.test:${fake().port}/v1` }), {
      NODE_EXTRA_CA_CERTS: pki.caFile,
      https_proxy
    })

  it('reads a proxy without a scheme as http://, and decodes its credentials once', async () => {
    const run = await throughProxy(`us%40er:p%25ss@127.0.0.1:${port()}`)

    expect(run.code).toBe(0)
    expect(proxy.tunnels).toEqual([
      {
        authority: `soda.test:${fake().port}`,
        proxyAuthorization: `Basic ${Buffer.from('us@er:p%ss').toString('base64')}`
      }
    ])
  })

  it('masks its credentials in every form before the first request', async () => {
    const run = await throughProxy(`http://us%40er:p%25ss@127.0.0.1:${port()}`)

    const lines = run.stdout.split('\n')
    const firstOther = lines.findIndex(line => !line.startsWith('::add-mask::'))
    // The runner reads % as %25 in a command's data.
    const maskedAt = (secret: string) => lines.indexOf(`::add-mask::${secret.replace(/%/g, '%25')}`)
    for (const secret of ['p%25ss', 'p%ss', Buffer.from('us@er:p%ss').toString('base64')]) {
      expect(maskedAt(secret)).toBeGreaterThanOrEqual(0)
      expect(maskedAt(secret)).toBeLessThan(firstOther)
    }
    expect(run.code).toBe(0)
  })

  it('refuses credentials with an unencoded /, and shows no part of the password as a host', async () => {
    const run = await throughProxy(`http://bob:2024/Summer!@127.0.0.1:${port()}`)

    expectRefused(run, 'holds a / ? or # that is not percent-encoded')
    expect(run.everything).not.toMatch(/2024|Summer/)
  })

  it.each([
    ['a SOCKS proxy', 'socks5://us:secret-proxy-pw@127.0.0.1:1080', 'socks5:// proxies are not supported'],
    ['a proxy URL that does not parse', 'http://us:secret-proxy-pw@[::1', 'it is not a URL'],
    [
      'credentials that are not percent-encoding',
      'http://us:secret%zz-proxy-pw@127.0.0.1:3128',
      'its user name or password is not valid percent-encoding'
    ]
  ])('refuses %s, naming the variable and never its password', async (_case, value, why) => {
    const run = await throughProxy(value)

    expectRefused(run, `The proxy in https_proxy cannot be used: ${why}`)
    expect(run.everything).not.toContain('secret')
    expect(fake().requests).toEqual([])
  })
})

describe('failing promptly, with one error and a summary, whatever fails', () => {
  const fake = useFakeProvider()
  const workflowRun = { GITHUB_REPOSITORY: 'data-team/pipelines', GITHUB_RUN_ID: '7000000001' }

  it('a bad input', async () => {
    expectRefused(await runAction(fakeInputs(fake(), 'soda', { timeout: 'soon' })), "Input 'timeout'")
  })

  it('a refusal, with the provider, the host and the hint in the job summary', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { password: 'wrong-password' }))

    expectRefused(run, 'Soda Cloud refused the token request: HTTP 401 Unauthorized')
    expect(run.summary).toContain('Soda Cloud token not obtained')
    expect(run.summary).toContain(`<td>${new URL(fake().origin).host}</td>`)
    expect(run.summary).toContain('Single Sign-On')
    expect(leakedSecrets(run.everything, ['wrong-password', ...secretsOf(fake())])).toEqual([])
  })

  it('transient failures, once attempts run out', async () => {
    fake().script({ status: 503 }, { status: 503 })

    expectRefused(await runAction(fakeInputs(fake(), 'soda', { 'max-attempts': '2' })), 'failed after 2 attempts')
  })

  it('a proxy it cannot use', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { 'base-url': 'https://soda.test/v1' }), {
      https_proxy: 'socks5://127.0.0.1:1080'
    })

    expectRefused(run, 'The proxy in https_proxy cannot be used')
  })

  it('a sealed-token it cannot open', async () => {
    const sealKey = randomBytes(32).toString('base64')
    const minted = await runAction(fakeInputs(fake(), 'soda', { 'seal-key': sealKey }), workflowRun)
    const sealed = minted.outputs['sealed-token'] as string

    const run = await runAction({ 'sealed-token': sealed.replace(/^tm2\./, 'tm02.'), 'seal-key': sealKey }, workflowRun)

    expectRefused(run, 'The sealed-token is not a sealed token from this action: it is malformed or truncated.')
  })

  it('an empty sealed-token, saying where it should come from', async () => {
    const run = await runAction({ 'sealed-token': '', 'seal-key': randomBytes(32).toString('base64') }, workflowRun)

    expectRefused(run, /^Input 'sealed-token' is empty\. .*needs\.<job>\.outputs\.<name>.* under outputs:/)
  })

  it('a seal-key that is a passphrase', async () => {
    const run = await runAction(
      fakeInputs(fake(), 'soda', { 'seal-key': 'correcthorsebatterystaplecorrecthorsebatterystaplecorrecthorseba' }),
      workflowRun
    )

    expectRefused(run, "Input 'seal-key' reads like text a person typed")
    expect(run.everything.replace(/^::add-mask::.*$/gm, '')).not.toContain('correcthorse')
    expect(fake().requests).toEqual([])
  })
})
