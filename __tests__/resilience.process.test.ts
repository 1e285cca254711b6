import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy, type ConnectProxy } from '../__fixtures__/connect-proxy.js'
import { startFakeProvider } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, workflowCommands } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'

// The bundle as the runner starts it, over HTTPS trusted through NODE_EXTRA_CA_CERTS, as a corporate CA would be.
describe('the bundled action over HTTPS', () => {
  let pki: TestPki
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  const fake = useFakeProvider(() => ({ tls: pki }))
  const soda = (extra: Record<string, string> = {}) => fakeInputs(fake(), 'soda', extra)
  const trusted = () => ({ NODE_EXTRA_CA_CERTS: pki.caFile })

  it('mints over HTTPS, with debug lines that show the request but no secret', async () => {
    const run = await runAction(soda(), { ...trusted(), RUNNER_DEBUG: '1' })

    expect(run.code).toBe(0)
    expect(run.outputs.token).toBe(fake().tokens[0])
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'debug',
      message: expect.stringMatching(
        /^GET https:\/\/127\.0\.0\.1:\d+\/v1\/get_token: HTTP 200 in \d+ ms \(attempt 1\/3\)$/
      )
    })
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('fails a 401 after exactly one request', async () => {
    const run = await runAction(soda({ password: 'wrong-password' }), trusted())

    expect(run.code).toBe(1)
    expect(fake().requests).toHaveLength(1)
    expect(workflowCommands(run.stdout).filter(c => c.command === 'error')).toHaveLength(1)
    expect(leakedSecrets(run.everything, ['wrong-password', ...secretsOf(fake())])).toEqual([])
  })

  it('waits out a 429 with Retry-After: 1, then mints', async () => {
    fake().script({ status: 429, headers: { 'Retry-After': '1' } })

    const run = await runAction(soda(), trusted())

    expect(run.code).toBe(0)
    expect(fake().requests).toHaveLength(2)
    const [first, second] = fake().requests
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000)
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
  })

  it('cuts off a dripping answer at the deadline and exports nothing', async () => {
    fake().script({ fault: 'drip', everyMs: 50 })

    const run = await runAction(soda({ timeout: '1', 'max-attempts': '1' }), trusted())

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringContaining("timed out after 1 s waiting for a complete answer (input 'timeout')")
    })
    expect(run.outputs).toEqual({})
    expect(run.env).toEqual({})
  })

  it('refuses a certificate the runner does not trust, without retrying', async () => {
    const run = await runAction(soda())

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringContaining('TLS certificate not trusted')
    })
    expect(workflowCommands(run.stdout).filter(c => c.command === 'warning')).toEqual([])
  })

  it('rejects a plain-http base-url to a remote host before any request', async () => {
    const run = await runAction(soda({ 'base-url': 'http://reporting.cloud.soda.io/v1' }), trusted())

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toContainEqual({
      command: 'error',
      message: expect.stringMatching(/^Input 'base-url' must be an https:\/\/ URL/)
    })
    expect(fake().requests).toEqual([])
  })

  describe('behind a proxy', () => {
    let proxy: ConnectProxy
    beforeEach(async () => {
      proxy = await startConnectProxy()
    })
    afterEach(async () => {
      await proxy.close()
    })

    it('tunnels through https_proxy', async () => {
      const run = await runAction(soda({ 'base-url': `https://soda.test:${fake().port}/v1` }), {
        ...trusted(),
        https_proxy: proxy.url
      })

      expect(run.code).toBe(0)
      expect(proxy.tunnels.map(t => t.authority)).toEqual([`soda.test:${fake().port}`])
      expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
    })
  })

  it('lets a matrix of 24 jobs mint at once from a provider that throttles with 429', async () => {
    const throttling = await startFakeProvider({ tls: pki, rateLimit: { requests: 8, windowMs: 1000 } })
    try {
      const runs = await Promise.all(
        Array.from({ length: 24 }, () => runAction(fakeInputs(throttling, 'soda', { 'max-attempts': '6' }), trusted()))
      )

      expect(runs.map(run => run.code)).toEqual(Array(24).fill(0))
      expect(new Set(runs.map(run => run.outputs.token)).size).toBe(24)
      expect(throttling.requests.length).toBeGreaterThan(24)
      for (const run of runs) expect(leakedSecrets(run.everything, secretsOf(throttling))).toEqual([])
    } finally {
      await throttling.close()
    }
  }, 60_000)
})
