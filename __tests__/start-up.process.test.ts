import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, type ActionRun } from '../__fixtures__/run-action.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'

// A run loads only what it needs: node:tls and node:https (OpenSSL's set-up, the largest start-up cost there was)
// only for an HTTPS request, and none of the built-ins that @actions/core's unused parts import (scripts/bundle.mjs
// drops those loads). docs/performance.md has the figures; this keeps them from coming back unnoticed.

const reporter = pathToFileURL(fileURLToPath(new URL('../__fixtures__/report-built-ins.mjs', import.meta.url))).href
const withReport = { NODE_OPTIONS: `--import=${reporter}` }

function builtInsLoaded(run: ActionRun): string[] {
  const line = /^built-ins loaded: (.*)$/m.exec(run.stderr)
  if (!line) throw new Error(`the run reported no built-ins:\n${run.stderr}`)
  return JSON.parse(line[1] as string) as string[]
}

describe('what a run of the action loads', () => {
  let pki: TestPki
  beforeAll(() => {
    pki = createTestPki()
  })
  afterAll(() => pki.remove())
  const fake = useFakeProvider(() => ({ tls: pki }))

  it('loads no TLS for a run that stops at its inputs, nor what only unused parts of @actions/core import', async () => {
    const run = await runAction({ provider: 'snowflake' }, withReport)

    expect(run.code).toBe(1)
    const unneeded = ['tls', 'https', 'child_process', 'assert', 'dgram']
    expect(builtInsLoaded(run).filter(name => unneeded.includes(name))).toEqual([])
  })

  it('loads TLS for an HTTPS request, and mints', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { 'base-url': `https://localhost:${fake().port}/v1` }), {
      ...withReport,
      NODE_EXTRA_CA_CERTS: pki.caFile
    })

    expect(run.code).toBe(0)
    expect(builtInsLoaded(run)).toEqual(expect.arrayContaining(['https', 'tls']))
  })
})
