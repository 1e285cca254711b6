import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, runCliProcess, workflowCommands, type ActionRun } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// Every failure says what to do next, through the bundle as the runner starts it: the error line and the summary.

const errors = (run: ActionRun) =>
  workflowCommands(run.stdout)
    .filter(command => command.command === 'error')
    .map(command => command.message)

/** A loopback port with nothing listening: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}

describe('a secret that arrives empty', () => {
  it('is named, with the usual reasons: not defined here, a misspelt name, a fork or Dependabot', async () => {
    const run = await runAction({ provider: 'soda', username: 'me@example.com', password: '' })

    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([
      "Input 'password' is required for soda: set it, or the SODA_PASSWORD environment variable. A secret or " +
        'variable arrives empty when it is not defined for this repository or the environment of the job, when its ' +
        'name is misspelt in ${{ secrets.NAME }} or ${{ vars.NAME }}, and in runs from a fork or from Dependabot, ' +
        'which get no secrets or only Dependabot secrets.'
    ])
    expect(run.summary).toContain('Dependabot')
  })
})

describe('the error after the last attempt', () => {
  const fake = useFakeProvider()
  const fails = async (inputs: Record<string, string>) => {
    const run = await runAction(inputs)
    expect(run.code).toBe(1)
    expect(leakedSecrets(run.everything, secretsOf(fake()))).toEqual([])
    return errors(run)
  }

  it('on 429: wait, mint once per run, or raise max-attempts, by how much', async () => {
    fake().script({ status: 429 }, { status: 429 })

    const [error] = await fails(fakeInputs(fake(), 'soda', { 'max-attempts': '2' }))

    expect(error).toMatch(
      /: failed after 2 attempts; the last: HTTP 429\. The provider is throttling: wait a few minutes and run it again, and mint once per workflow run .*; or raise max-attempts from 2 to 4: the waits between attempts then add up to 4–7 s/
    )
  })

  it('on a 5xx: wait and run again, or raise max-attempts', async () => {
    fake().script({ status: 503 })

    const [error] = await fails(fakeInputs(fake(), 'sirdata', { 'max-attempts': '1' }))

    expect(error).toMatch(
      /the last: HTTP 503\. The provider is failing on its side: wait a few minutes and run it again; or raise max-attempts from 1 to 3: /
    )
  })

  it('on a timeout: raise timeout, and by how much, or check the proxy', async () => {
    fake().script({ fault: 'hang' })

    const [error] = await fails(fakeInputs(fake(), 'soda', { 'max-attempts': '1', timeout: '0.5' }))

    expect(error).toMatch(
      /the last: timed out after 0\.5 s .*\(input 'timeout'\)\. If the provider is slow to answer, raise timeout from 0\.5 s to 1 s; .* check the proxy \(https_proxy, no_proxy\)/
    )
  })

  it('on a refused connection: check the host and the proxy, and the summary says it too', async () => {
    const port = await closedPort()

    const run = await runAction(
      fakeInputs(fake(), 'soda', { 'max-attempts': '1', 'base-url': `http://127.0.0.1:${port}/v1` })
    )

    expect(errors(run)[0]).toMatch(/\. Check that the runner can reach the host \(region, base-url, DNS, firewall\)/)
    expect(run.summary).toContain('Check that the runner can reach the host')
  })

  it('names the flags on the command line', async () => {
    fake().script({ status: 502 })

    const run = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda, '--max-attempts', '1'], {
      SODA_USERNAME: fake().credentials.username,
      SODA_PASSWORD: fake().credentials.password
    })

    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/; or raise --max-attempts from 1 to 3: /)
  })
})
