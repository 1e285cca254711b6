import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, type ActionRun } from '../__fixtures__/run-action.js'

// Exactly what the runner receives, per documented scenario, kept as jest snapshots in
// __snapshots__/runner-view.process.test.ts.snap: every line on stdout (workflow commands included, masks in their
// place), stderr, the outputs and the exported variables (parsed, and the files as written) and the summary. A change to a message, the order of the masks
// or an output shows in review as a diff of that file. Values that change from run to run (tokens, passwords, the
// seal, times, ports, temporary paths) are replaced by placeholders; everything else is verbatim.
// Update after an intended change: npm test -- __tests__/runner-view.process.test.ts -u, and review the diff.

/** The parts of a run that change every time, each with the placeholder that stands for it. */
type Volatile = readonly (readonly [value: string, placeholder: string])[]

const delimited = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>')

function runnerView(run: ActionRun, volatile: Volatile) {
  const stable = (text: string) => {
    let out = text
    // Longest first: a password is inside its escaped and Basic forms' neighbours, never the other way round.
    for (const [value, placeholder] of [...volatile].sort((a, b) => b[0].length - a[0].length)) {
      if (value !== '') out = out.split(value).join(placeholder)
    }
    return out
      .split(tmpdir())
      .join('<tmp>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<time>')
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
      .replace(/\b\d+(?:\.\d+)? ms\b/g, '<n> ms')
  }
  const values = (record: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(record).map(([name, value]) => [name, name === 'expires-in' ? '<seconds>' : stable(value)])
    )
  return {
    exitCode: run.code,
    stdout: stable(run.stdout).split('\n'),
    stderr: stable(run.stderr),
    outputs: values(run.outputs),
    exportedEnv: values(run.env),
    // The files as written, line by line: the form the runner parses, and the order.
    // @actions/core writes each value between two lines of a random delimiter (the heredoc form).
    outputFile: delimited(stable(run.files.output))
      .replace(/^(expires-in<<ghadelimiter_<uuid>\r?\n)\d+$/m, '$1<seconds>')
      .split('\n'),
    envFile: delimited(stable(run.files.env)).split('\n'),
    summary: stable(run.summary).split('\n')
  }
}

describe('what the runner receives (snapshots)', () => {
  const fake = useFakeProvider()
  const volatile = (...more: Volatile): Volatile => {
    const { username, password } = fake().credentials
    return [
      ...fake().tokens.map((token, i) => [token, `<token-${i + 1}>`] as const),
      [password, '<password>'],
      [Buffer.from(`${username}:${password}`).toString('base64'), '<basic-auth>'],
      [Buffer.from(`${encodeURIComponent(username)}:${password}`).toString('base64'), '<form-encoded-basic-auth>'],
      ...more
    ]
  }

  it.each(['sirdata', 'soda', 'oauth2'] as const)('%s: a token minted', async provider => {
    const run = await runAction(fakeInputs(fake(), provider))

    expect(run.code).toBe(0)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })

  it.each(['sirdata', 'soda', 'oauth2'] as const)('%s: a 400', async provider => {
    fake().script({ status: 400, body: { message: 'bad request' } })

    const run = await runAction(fakeInputs(fake(), provider))

    expect(run.code).toBe(1)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })

  it.each(['sirdata', 'soda', 'oauth2'] as const)('%s: a 401', async provider => {
    const wrong: Record<string, string> =
      provider === 'oauth2' ? { 'client-secret': 'not-the-password' } : { password: 'not-the-password' }
    const run = await runAction(fakeInputs(fake(), provider, wrong))

    expect(run.code).toBe(1)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })

  it('oauth2: a refusal in RFC 6749 form, its description neutralised', async () => {
    fake().script({
      status: 400,
      body: { error: 'invalid_scope', error_description: 'scope reports:admin is not allowed\n::warning::##[stop]' }
    })

    const run = await runAction(fakeInputs(fake(), 'oauth2', { scope: 'reports:admin' }))

    expect(run.code).toBe(1)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })

  it('a provider that never answers, cut off at the deadline', async () => {
    fake().script({ fault: 'hang' })

    const run = await runAction(fakeInputs(fake(), 'soda', { timeout: '1', 'max-attempts': '1' }))

    expect(run.code).toBe(1)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })

  it('a sealed token, minted in one job and unsealed in the next', async () => {
    const sealKey = randomBytes(32).toString('base64')
    const workflowRun = { GITHUB_REPOSITORY: 'data-team/pipelines', GITHUB_RUN_ID: '7000000001' }
    const minted = await runAction(fakeInputs(fake(), 'soda', { 'seal-key': sealKey }), workflowRun)
    const sealed = minted.outputs['sealed-token'] as string

    const unsealed = await runAction({ 'sealed-token': sealed, 'seal-key': sealKey }, workflowRun)

    expect([minted.code, unsealed.code]).toEqual([0, 0])
    const seal = volatile([sealKey, '<seal-key>'], [sealed, '<sealed-token>'])
    expect({ sealing: runnerView(minted, seal), unsealing: runnerView(unsealed, seal) }).toMatchSnapshot()
  })

  it('a refused input, before any request', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { provider: 'snowflake', timeout: 'soon' }))

    expect(run.code).toBe(1)
    expect(fake().requests).toHaveLength(0)
    expect(runnerView(run, volatile())).toMatchSnapshot()
  })
})
