import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { networkInterfaces } from 'node:os'
import { startConnectProxy, startRefusingTlsProxy, type ConnectProxy } from '../__fixtures__/connect-proxy.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, runCliProcess, workflowCommands } from '../__fixtures__/run-action.js'
import { createSelfSignedCert, createTestPki } from '../__fixtures__/tls.js'

// The promises of SECURITY.md that an attacker tests first, through both bundles started as a runner or a shell
// starts them (issue 15).

const sirdataCli = (fake: ReturnType<ReturnType<typeof useFakeProvider>>, ...flags: string[]) =>
  runCliProcess(['--provider', 'sirdata', '--base-url', fake.roots.sirdata, ...flags], {
    SIRDATA_LOGIN: fake.credentials.username,
    SIRDATA_PASSWORD: fake.credentials.password,
    SIRDATA_PARTNER_ID: fake.credentials.partnerId
  })

/** Any workflow command marker a runner would read: ##[ or ##vso[ anywhere, :: at the start of a line. */
const MARKERS = /##(vso)?\[|^::(?!(add-mask|warning|error|debug|set-output|notice)::)/im

describe('provider text printed by the command line and the action', () => {
  const fake = useFakeProvider()

  it.each([
    ['##[stop-commands]x'],
    ['##vso[task.setvariable]x'],
    ['###[stop-commands]x'],
    ['#\u034f#[stop-commands]x'],
    ['#\ufe0f#[stop-commands]x'],
    ['#\u180b#[stop-commands]x'],
    ['::stop-commands::x']
  ])('an unreadable Sirdata expiration_time %j is quoted without a marker, on stderr and in the log', async text => {
    const body = { token: 'sirdata-token-0123456789', partner_id: 12345, expiration_time: text }
    fake().script({ status: 200, body }, { status: 200, body }, { status: 200, body }, { status: 200, body })

    const warned = await sirdataCli(fake(), '--min-validity', '0')
    const refused = await sirdataCli(fake())
    const action = await runAction(fakeInputs(fake(), 'sirdata', { 'min-validity': '0' }))

    expect(warned.stderr).toMatch(/^warning: Sirdata sent an expiration_time that could not be read \('/)
    expect(refused.stderr).toMatch(/^error: Sirdata sent an expiration_time that could not be read \('/)
    for (const run of [warned, refused, action]) {
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(MARKERS)
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/[\u034f\ufe0f\u180b]/)
    }
    expect(workflowCommands(action.stdout).filter(c => c.command === 'warning')).toHaveLength(1)
  })

  it('never writes a marker in its own wording either, even quoting a value typed on the command line', async () => {
    const run = await runCliProcess(['--provider', 'soda', '--format', '##[stop-commands]x'])

    expect(run.stderr).toBe("error: --format must be one of: text, env, json (got '# #[stop-commands]x').\n")
  })
})

describe('TLS with NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', () => {
  const selfSigned = createSelfSignedCert()
  const fake = useFakeProvider({ tls: selfSigned })
  let proxy: ConnectProxy
  beforeEach(async () => {
    proxy = await startConnectProxy()
  })
  afterEach(async () => {
    await proxy.close()
  })
  const insecure = { NODE_TLS_REJECT_UNAUTHORIZED: '0' }
  const sodaEnv = () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password })

  it.each([
    ['directly', () => fake().roots.soda, () => ({})],
    ['through a CONNECT proxy', () => `https://soda.test:${fake().port}/v1`, () => ({ HTTPS_PROXY: proxy.url })]
  ])(
    'still refuses a self-signed server %s, in the action and the CLI, before sending credentials',
    async (_how, root, env) => {
      const action = await runAction(fakeInputs(fake(), 'soda', { 'base-url': root() }), { ...insecure, ...env() })
      const cli = await runCliProcess(['--provider', 'soda', '--base-url', root()], {
        ...sodaEnv(),
        ...insecure,
        ...env()
      })

      expect(action.code).toBe(1)
      expect(workflowCommands(action.stdout).filter(c => c.command === 'error')).toEqual(
        [expect.stringContaining('TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)')].map(message => ({
          command: 'error',
          message
        }))
      )
      expect(cli.code).toBe(1)
      expect(cli.stderr).toContain('TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)')
      expect(fake().requests).toEqual([])
      expect(action.outputs).toEqual({})
    }
  )

  it('still refuses a self-signed https:// proxy, before sending it a CONNECT and its credentials', async () => {
    const { port, connects, close } = await startRefusingTlsProxy(selfSigned)
    const viaProxy = { ...insecure, HTTPS_PROXY: `https://corp:proxy-pw@127.0.0.1:${port}` }
    const root = `https://soda.test:${fake().port}/v1`

    const action = await runAction(fakeInputs(fake(), 'soda', { 'base-url': root }), viaProxy)
    const cli = await runCliProcess(['--provider', 'soda', '--base-url', root], { ...sodaEnv(), ...viaProxy })
    await close()

    expect(action.code).toBe(1)
    expect(action.stdout).toContain('TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)')
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)')
    expect(connects).toEqual([])
  })
})

describe('answers built to break the reader, and tokens that cannot be used', () => {
  const fake = useFakeProvider()
  const TOKEN = 'provider-token-0123456789'
  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`

  it.each<[string, 'soda' | 'sirdata', string, RegExp]>([
    [
      'a Soda Cloud expires_in nested 200,000 levels deep',
      'soda',
      `{"token":"${TOKEN}","expires_in":${deep}}`,
      /^Soda Cloud sent an expires_in that could not be read \('an array'\)/
    ],
    [
      'a Sirdata expiration_time nested 200,000 levels deep',
      'sirdata',
      `{"token":"${TOKEN}","partner_id":12345,"expiration_time":${deep}}`,
      /^Sirdata sent an expiration_time that could not be read \('an array'\)/
    ]
  ])('%s fails with a sentence', async (_case, provider, body, message) => {
    fake().script({ status: 200, body })

    const run = await runAction(fakeInputs(fake(), provider))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toEqual([
      { command: 'error', message: expect.stringMatching(message) }
    ])
    expect(run.everything).not.toContain('Maximum call stack')
  })

  it('refuses a token that expires as it is issued (expires-in 0), even with min-validity 0', async () => {
    fake().script({ status: 200, body: { token: TOKEN, expires_in: 0 } })

    const run = await runAction(fakeInputs(fake(), 'soda', { 'min-validity': '0' }))

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toEqual([
      {
        command: 'error',
        message:
          "Soda Cloud issued a token that has already expired (expires-in 0): it cannot be used, whatever min-validity says. Check the runner's clock, or ask Soda Cloud why."
      }
    ])
    expect(run.outputs).toEqual({})
  })
})

describe('an IPv6 proxy', () => {
  const pki = createTestPki()
  afterAll(() => pki.remove())
  const fake = useFakeProvider({ tls: pki })
  const hasIpv6Loopback = Object.values(networkInterfaces())
    .flat()
    .some(address => address?.address === '::1')

  // Skipped only where the machine has no ::1 (some containers): the proxy could not listen there.
  ;(hasIpv6Loopback ? it : it.skip)('HTTPS_PROXY=http://[::1]:port tunnels, in the action and the CLI', async () => {
    const proxy = await startConnectProxy({ host: '::1' })
    const root = `https://soda.test:${fake().port}/v1`
    const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: pki.caFile }

    const action = await runAction(fakeInputs(fake(), 'soda', { 'base-url': root }), env)
    const cli = await runCliProcess(['--provider', 'soda', '--base-url', root], {
      SODA_USERNAME: fake().credentials.username,
      SODA_PASSWORD: fake().credentials.password,
      ...env
    })
    await proxy.close()

    expect(proxy.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
    expect(action.code).toBe(0)
    expect(cli.code).toBe(0)
    expect(proxy.tunnels.map(tunnel => tunnel.authority)).toEqual([
      `soda.test:${fake().port}`,
      `soda.test:${fake().port}`
    ])
  })
})
