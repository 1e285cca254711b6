import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { BUNDLE, runAction, type ActionRun } from '../__fixtures__/run-action.js'
import { createTestPki, type TestPki } from '../__fixtures__/tls.js'

// A run loads only what it needs: node:tls and node:https (OpenSSL's set-up, the largest start-up cost there was)
// only for an HTTPS request, node:http only for a request, node:crypto only to seal or unseal (the bundle draws the
// heredoc delimiter of @actions/core's file commands from /dev/urandom: scripts/bundle.mjs), fs.promises never,
// and none of the built-ins that @actions/core's unused parts import (scripts/bundle.mjs drops those loads).
// docs/performance.md has the figures; this keeps them from coming back unnoticed.

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

  it('loads no HTTP, TLS or crypto for a run that stops at its inputs, nor what @actions/core would', async () => {
    const run = await runAction({ provider: 'snowflake' }, withReport)

    expect(run.code).toBe(1)
    // Not `net`: the runner reads stdout through a pipe, which Node writes with a net.Socket, as here.
    const unneeded = ['tls', 'https', 'http', 'crypto', 'internal/fs/promises', 'child_process', 'assert', 'dgram']
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

describe('what a plain-HTTP run of the action loads', () => {
  const fake = useFakeProvider()

  it("mints without crypto, TLS or fs.promises: the outputs' delimiter comes from /dev/urandom, the summary is written at once", async () => {
    const run = await runAction(fakeInputs(fake(), 'soda'), withReport)

    expect(run.code).toBe(0)
    const loaded = builtInsLoaded(run)
    expect(loaded).toContain('http')
    expect(loaded.filter(name => ['crypto', 'tls', 'https', 'internal/fs/promises'].includes(name))).toEqual([])
  })

  it('loads crypto for a run that seals', async () => {
    const key = randomBytes(32).toString('base64')
    const run = await runAction(fakeInputs(fake(), 'soda', { 'seal-key': key }), {
      ...withReport,
      GITHUB_REPOSITORY: 'data-team/pipelines',
      GITHUB_RUN_ID: '42'
    })

    expect(run.code).toBe(0)
    expect(builtInsLoaded(run)).toContain('crypto')
  })
})

describe('what the action bundle can load at all', () => {
  // Node 20's module loader has loaded fs.promises before the bundle starts (Node 24's has not), so the runs above
  // cannot see the bundle load it there: the bundle's text shows it, whatever the Node.
  it('never reads fs.promises', () => {
    const bundle = readFileSync(BUNDLE, 'utf8')

    expect(bundle).not.toMatch(/\.promises\b/)
  })
})
