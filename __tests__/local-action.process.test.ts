import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'

// GitHub's emulator (@github/local-action, a dev dependency) runs src/action/main.ts with its own stand-in for
// @actions/core, and shows what the action told that stand-in. It starts tsx through `npm exec`: with an npm that
// can reach no registry (offline, a registry on a closed port, an empty cache), the run proves nothing is fetched.

const root = fileURLToPath(new URL('..', import.meta.url))
const LOCAL_ACTION = join(root, 'node_modules/@github/local-action/bin/local-action.js')

interface EmulatorRun {
  readonly code: number | null
  readonly output: string
}

function runEmulator(dotenv: string, home: string): Promise<EmulatorRun> {
  const child = spawn(process.execPath, [LOCAL_ACTION, '.', 'src/action/main.ts', dotenv], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      npm_config_cache: join(home, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_registry: 'http://127.0.0.1:9/',
      NO_COLOR: '1'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise(resolve => child.on('close', code => resolve({ code, output })))
}

/** The emulator's "Action Outputs" table, as output -> value. */
function actionOutputs(output: string): Record<string, string> {
  const section = output.split('Action Outputs')[1] ?? ''
  return Object.fromEntries(
    [...section.matchAll(/^│ \d+\s+│ '([^']*)'\s+│ '([^']*)'\s+│$/gm)].map(match => [
      match[1] as string,
      match[2] as string
    ])
  )
}

describe('GitHub’s emulator, @github/local-action', () => {
  const fake = useFakeProvider()
  let home: string
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'local-action-'))
  })
  afterEach(() => rmSync(home, { recursive: true, force: true }))

  it('shows the outputs the action sets, with the token masked, and fetches nothing', async () => {
    const dotenv = join(home, '.env')
    const inputs = fakeInputs(fake(), 'soda')
    writeFileSync(
      dotenv,
      Object.entries(inputs)
        .map(([name, value]) => `INPUT_${name}=${value}\n`)
        .join('')
    )

    const run = await runEmulator(dotenv, home)

    expect(run.code).toBe(0)
    expect(actionOutputs(run.output)).toEqual({
      'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      'expires-in': '1800',
      'organization-id': SODA_ORGANIZATION,
      user: inputs.username
    })
    // The token was masked before it was set: the emulator keeps it out of the outputs, as a runner would from
    // a job output, and it is nowhere in what was printed.
    expect(run.output).toContain('Skip output token since it may contain secret.')
    expect(fake().tokens).toHaveLength(1)
    expect(run.output).not.toContain(fake().tokens[0])
    expect(run.output).not.toContain(inputs.password)
  }, 180_000)
})
