import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { startRawServer, type RawServer } from '../__fixtures__/raw-server.js'
import { runAction, runCliProcess, workflowCommands, type ActionRun } from '../__fixtures__/run-action.js'

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
      "Soda Cloud answered 200 but not with the documented token response: 'user' holds a legacy workflow command marker (two # and a [)."
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

  it('fails before any output is set when GITHUB_ENV cannot be written (a directory, which root cannot write either)', async () => {
    const notAFile = mkdtempSync(join(tmpdir(), 'runner-env-'))
    try {
      const run = await runAction(fakeInputs(fake(), 'soda'), { GITHUB_ENV: notAFile })

      expect(run.code).toBe(1)
      expect(errors(run)).toEqual([
        "The runner's GITHUB_ENV file cannot be written (EISDIR), so nothing was published."
      ])
      expect(run.files.output).toBe('')
    } finally {
      rmSync(notAFile, { recursive: true, force: true })
    }
  })
})
