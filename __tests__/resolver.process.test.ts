import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAction, runCliProcess, workflowCommands, type ProcessRun } from '../__fixtures__/run-action.js'
import { leakedSecrets } from '../__fixtures__/secrets.js'

// The deadline holds for the exit against the real system resolver, not a stand-in: each run is the first process
// of a new network namespace whose only DNS server (on 127.0.0.1, named by a bind-mounted /etc/resolv.conf) reads
// every query and never answers. A getaddrinfo that never returns holds one of libuv's worker threads, and
// process.exit waits for those: a run that asked the system resolver would print its error on time and exit seconds
// later (issue 22).

const HELPER = fileURLToPath(new URL('../__fixtures__/silent-dns-namespace.mjs', import.meta.url))

/** Why this machine cannot make a network namespace (not root, no unshare: macOS, Windows), or undefined. */
function namespaceUnavailable(): string | undefined {
  try {
    execFileSync('unshare', ['-n', '-m', 'true'], { stdio: 'ignore' })
    return undefined
  } catch (error) {
    return `unshare -n -m is not permitted here (${(error as Error).message.split('\n')[0]})`
  }
}

const unavailable = namespaceUnavailable()
const describeInNamespace = unavailable ? describe.skip : describe
const skipped = unavailable ? ` (skipped: ${unavailable})` : ''

interface NamespaceReport {
  /** DNS queries the silent server received. */
  readonly queries: number
  /** From starting node to its exit. */
  readonly elapsedMs: number
}

describeInNamespace(`a run whose DNS server never answers, in a network namespace${skipped}`, () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** The launcher of a run in the silent world, and the report it leaves once the run has ended. */
  function silentDns(hosts?: string): { launcher: string[]; report: () => NamespaceReport } {
    const dir = mkdtempSync(join(tmpdir(), 'resolver-test-'))
    dirs.push(dir)
    const report = join(dir, 'report.json')
    return {
      launcher: ['unshare', '-n', '-m', process.execPath, HELPER, JSON.stringify({ report, hosts }), '--'],
      report: () => JSON.parse(readFileSync(report, 'utf8')) as NamespaceReport
    }
  }

  const soda = {
    provider: 'soda',
    username: 'me@example.com',
    password: 'never-sent-password',
    'base-url': 'https://api.example.test/v1',
    timeout: '1',
    'max-attempts': '1'
  }
  const sodaCli = ['--provider', 'soda', '--base-url', 'https://api.example.test/v1', '--timeout', '1']
  const credentials = { SODA_USERNAME: 'me@example.com', SODA_PASSWORD: 'never-sent-password' }

  const errorsOf = (run: ProcessRun) =>
    workflowCommands(run.stdout)
      .filter(c => c.command === 'error')
      .map(c => c.message)

  it('ends the action within its timeout plus one second, with one error', async () => {
    const world = silentDns()

    const run = await runAction(soda, {}, undefined, world.launcher)

    expect(run.code).toBe(1)
    expect(errorsOf(run)).toEqual([expect.stringContaining('timed out after 1 s')])
    expect(world.report().queries).toBeGreaterThan(0)
    expect(world.report().elapsedMs).toBeLessThan(2000)
    expect(leakedSecrets(run.everything, ['never-sent-password'])).toEqual([])
  }, 20_000)

  it('ends the command line within its timeout plus one second, with one error', async () => {
    const world = silentDns()

    const run = await runCliProcess([...sodaCli, '--max-attempts', '1'], credentials, undefined, world.launcher)

    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^error: .*timed out after 1 s[^\n]*\n$/)
    expect(world.report().queries).toBeGreaterThan(0)
    expect(world.report().elapsedMs).toBeLessThan(2000)
  }, 20_000)

  it('ends every attempt of the command line at its deadline, and the exit follows the last at once', async () => {
    const world = silentDns()

    const run = await runCliProcess([...sodaCli, '--max-attempts', '2'], credentials, undefined, world.launcher)

    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^warning: Attempt 1 of 2 failed: timed out after 1 s/)
    expect(run.stderr).toMatch(/\nerror: .*timed out after 1 s/)
    expect(run.lingerMs).toBeLessThan(800)
  }, 20_000)

  it("resolves a proxy's host within the deadline too", async () => {
    const world = silentDns()

    const run = await runAction(soda, { https_proxy: 'http://proxy.example.test:3128' }, undefined, world.launcher)

    expect(run.code).toBe(1)
    expect(errorsOf(run)).toEqual([expect.stringContaining('timed out after 1 s')])
    expect(world.report().queries).toBeGreaterThan(0)
    expect(world.report().elapsedMs).toBeLessThan(2000)
  }, 20_000)

  it('finds a name of /etc/hosts without asking the DNS server', async () => {
    // Nothing listens on port 1 in the namespace: a refused connection shows that the name was found.
    const world = silentDns('127.0.0.1 localhost\n127.0.0.1 provider.test # the fake provider\n')

    const run = await runAction({ ...soda, 'base-url': 'https://PROVIDER.test:1/v1' }, {}, undefined, world.launcher)

    expect(errorsOf(run)).toEqual([expect.stringContaining('connection refused (ECONNREFUSED)')])
    expect(world.report().queries).toBe(0)
  }, 20_000)
})
