import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { userText } from '../__fixtures__/user-docs.js'
import { CLI_BUNDLE } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The documented way (docs/cli.md) to load a token into a shell script, run by real bash as written there, against the fake
// provider: a 401 must stop the script, and a success must set the variable. `token-mint` on PATH is a shim that
// starts the bundle of the current sources with --base-url pointing at the fake.

/** The ```sh block of the README or docs/ that loads the token with --format env. */
const PATTERN = [...userText().matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
  .map(match => match[1] as string)
  .find(block => block.includes('--format env') && block.includes('eval'))

let shimDir: string
beforeAll(() => {
  shimDir = mkdtempSync(join(tmpdir(), 'token-mint-shim-'))
  const shim = join(shimDir, 'token-mint')
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI_BUNDLE}" --base-url "$FAKE_ROOT" "$@"\n`)
  chmodSync(shim, 0o755)
})
afterAll(() => rmSync(shimDir, { recursive: true, force: true }))

async function bash(script: string, env: Record<string, string>) {
  const child = spawn('bash', ['-c', script], {
    env: { PATH: [shimDir, process.env.PATH].join(delimiter), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let [stdout, stderr] = ['', '']
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}

describe.each(process.platform === 'win32' ? [] : [0])('the documented pattern for --format env, under bash', () => {
  const fake = useFakeProvider()
  const env = (password: string) => ({
    FAKE_ROOT: fake().roots.sirdata,
    SIRDATA_LOGIN: fake().credentials.username,
    SIRDATA_PASSWORD: password,
    SIRDATA_PARTNER_ID: fake().credentials.partnerId
  })

  it('is in the docs, with set -euo pipefail', () => {
    expect(PATTERN).toMatch(/^set -euo pipefail$/m)
  })

  it('stops the script with token-mint’s exit code when the provider answers 401', async () => {
    const run = await bash(`${PATTERN}\necho "still running"`, env('wrong-password'))

    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^error: Sirdata refused the token request: HTTP 401 Unauthorized\./)
    expect(fake().requests).toHaveLength(1)
  })

  it('sets the token for the rest of the script when the mint succeeds', async () => {
    const run = await bash(`${PATTERN}\nprintf '%s' "$SIRDATA_TOKEN"`, env(fake().credentials.password))

    expect(run).toEqual({ code: 0, stdout: fake().tokens[0], stderr: '' })
  })
})

describe.each(process.platform === 'win32' ? [] : [0])('eval "$(token-mint --format env)" in one line', () => {
  const fake = useFakeProvider()
  const env = () => ({
    FAKE_ROOT: fake().roots.soda,
    SODA_USERNAME: fake().credentials.username,
    SODA_PASSWORD: 'wrong-password'
  })

  it('fails under set -e after a 401, since a failed mint prints false where the export line would be', async () => {
    const run = await bash(
      'set -euo pipefail\neval "$(token-mint --provider soda --format env)"\necho "still running"',
      env()
    )

    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^error: Soda Cloud refused the token request: HTTP 401 Unauthorized\./)
  })

  it('prints false and nothing else on stdout for any failure, a usage error included, and never a secret', async () => {
    const refused = await bash('token-mint --provider soda --format env', env())
    const usage = await bash('token-mint --provider soda --format=env --bogus', env())
    const missing = await bash('token-mint --provider soda --format env', { FAKE_ROOT: fake().roots.soda })

    expect([refused.stdout, usage.stdout, missing.stdout]).toEqual(['false\n', 'false\n', 'false\n'])
    expect([refused.code, usage.code, missing.code]).toEqual([1, 2, 2])
    const printed = [refused, usage, missing].map(run => run.stdout + run.stderr).join('')
    expect(leakedSecrets(printed, [...secretsOf(fake()), 'wrong-password'])).toEqual([])
  })
})
