import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy, type ConnectProxy } from '../__fixtures__/connect-proxy.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { startRawServer, type RawServer } from '../__fixtures__/raw-server.js'
import { runAction, runCliProcess, workflowCommands, type ActionRun } from '../__fixtures__/run-action.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'

// Attacks found by a security review of 1.1.0 before its release, each reproduced through the bundle.

const errors = (run: ActionRun) =>
  workflowCommands(run.stdout)
    .filter(command => command.command === 'error')
    .map(command => command.message)

describe('a provider that answers with runner commands in the legacy ##[ form', () => {
  const fake = useFakeProvider()

  it('is refused, naming the field, and no line of the log carries ##[', async () => {
    fake().script({ status: 200, body: { token: 'tok_ABCDEFGH12345', user: 'me ##[error]rotate your credentials' } })

    const run = await runAction(fakeInputs(fake(), 'soda', { 'min-validity': '0' }))

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([
      "Soda Cloud answered 200 but not with the documented token response: 'user' holds a workflow command marker (##[)."
    ])
    expect(run.stdout.split('\n').filter(line => !line.startsWith('::') && line.includes('##['))).toEqual([])
    expect(run.outputs).toEqual({})
  })
})

describe('a server that answers 101 Switching Protocols', () => {
  let raw: RawServer
  beforeEach(async () => {
    raw = await startRawServer({
      bytes: 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n',
      then: 'hold'
    })
  })
  afterEach(async () => {
    await raw.close()
  })

  it('fails the step with one error, instead of exiting in silence', async () => {
    const inputs = { provider: 'soda', username: 'me@example.com', password: 'pw-101', 'base-url': `${raw.origin}/v1` }

    const run = await runAction(inputs)
    const cli = await runCliProcess(['--provider', 'soda', '--base-url', `${raw.origin}/v1`], {
      SODA_USERNAME: 'me@example.com',
      SODA_PASSWORD: 'pw-101'
    })

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([
      expect.stringContaining('answered 101 Switching Protocols instead of a token response')
    ])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('101 Switching Protocols')
  })
})

describe('a redirect to a very long host name', () => {
  const fake = useFakeProvider()

  it('names at most 40 characters of it', async () => {
    fake().script({ status: 301, headers: { Location: `https://${'a'.repeat(3000)}.example/steal` } })

    const run = await runAction(fakeInputs(fake(), 'soda'))

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining(`a redirect to ${'a'.repeat(40)}. `)])
    expect(run.stdout).not.toContain('a'.repeat(41))
  })
})

describe('a runner file that is missing', () => {
  const fake = useFakeProvider()

  it('fails before any output is set', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda'), { GITHUB_ENV: '/nonexistent/token-mint/env' })

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual(["The runner's GITHUB_ENV file is missing, so nothing was published."])
    expect(run.outputs).toEqual({})
  })
})

describe('proxy credentials', () => {
  let pki: TestPki
  let proxy: ConnectProxy
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  const fake = useFakeProvider(() => ({ tls: pki }))
  beforeEach(async () => {
    proxy = await startConnectProxy({ credentials: 'pxuser:pxP@ss' })
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

  it('are masked, in every form, before the first request', async () => {
    const run = await throughProxy(`http://pxuser:pxP%40ss@127.0.0.1:${port()}`)

    const lines = run.stdout.split('\n')
    const firstOther = lines.findIndex(line => !line.startsWith('::add-mask::'))
    // The runner reads % as %25 in a command's data.
    const maskedAt = (secret: string) => lines.indexOf(`::add-mask::${secret.replace(/%/g, '%25')}`)
    for (const secret of ['pxP%40ss', 'pxP@ss', Buffer.from('pxuser:pxP@ss').toString('base64')]) {
      expect(maskedAt(secret)).toBeGreaterThanOrEqual(0)
      expect(maskedAt(secret)).toBeLessThan(firstOther)
    }
    expect(run.code).toBe(0)
  })

  it('with an unencoded / in the password are refused, and no part of the password is shown as a host', async () => {
    const run = await throughProxy(`http://bob:2024/Summer!@127.0.0.1:${port()}`)

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining('holds a / ? or # that is not percent-encoded')])
    expect(run.everything).not.toMatch(/2024|Summer/)
  })
})
