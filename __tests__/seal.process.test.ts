import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, workflowCommands, type ActionRun } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// Two processes of the bundle, as two jobs of one workflow run: one mints and seals, the next unseals.
describe('the bundled action, handing a sealed token between jobs', () => {
  const fake = useFakeProvider()
  const sealKey = randomBytes(32).toString('base64')
  const run = { GITHUB_REPOSITORY: 'data-team/pipelines', GITHUB_RUN_ID: '7000000001' }

  const mintAndSeal = (extra: Record<string, string> = {}) =>
    runAction(fakeInputs(fake(), 'soda', { 'seal-key': sealKey, ...extra }), run)
  const errors = (result: ActionRun) =>
    workflowCommands(result.stdout)
      .filter(c => c.command === 'error')
      .map(c => c.message)

  it('mints once, and a later job unseals the same token and outputs without a request', async () => {
    const minted = await mintAndSeal()
    const sealed = minted.outputs['sealed-token'] as string

    const unsealed = await runAction({ 'sealed-token': sealed, 'seal-key': sealKey }, run)

    expect(minted.code).toBe(0)
    expect(unsealed.code).toBe(0)
    expect(fake().requests).toHaveLength(1)
    expect(unsealed.outputs).toEqual({
      token: fake().tokens[0],
      'expires-at': minted.outputs['expires-at'],
      'expires-in': expect.stringMatching(/^1(79\d|800)$/),
      'organization-id': SODA_ORGANIZATION,
      user: fake().credentials.username
    })
    expect(unsealed.env).toEqual({ SODA_TOKEN: fake().tokens[0] })
    expect(unsealed.summary).toContain('Soda Cloud token unsealed')
    expect(unsealed.stdout).toContain(`::add-mask::${fake().tokens[0]}`)
    for (const result of [minted, unsealed]) {
      expect(leakedSecrets(result.everything, [...secretsOf(fake()), sealKey])).toEqual([])
    }
  })

  it('masks the seal-key before anything else, in the job that seals and in the job that unseals', async () => {
    const minted = await mintAndSeal()
    const unsealed = await runAction({ 'sealed-token': minted.outputs['sealed-token'] ?? '', 'seal-key': sealKey }, run)

    for (const result of [minted, unsealed]) {
      const lines = result.stdout.split('\n')
      const firstOther = lines.findIndex(line => !line.startsWith('::add-mask::'))
      expect(lines.indexOf(`::add-mask::${sealKey}`)).toBeGreaterThanOrEqual(0)
      expect(lines.indexOf(`::add-mask::${sealKey}`)).toBeLessThan(firstOther)
    }
  })

  it('leaves the sealed token unmasked, so it can pass through a job output, and keeps the secrets out of it', async () => {
    const minted = await mintAndSeal()

    const sealed = minted.outputs['sealed-token'] as string
    expect(sealed).toMatch(/^tm2\.[A-Za-z0-9_-]+$/)
    expect(minted.stdout).not.toContain(`::add-mask::${sealed}`)
    expect(leakedSecrets(sealed, [...secretsOf(fake()), sealKey, SODA_ORGANIZATION])).toEqual([])
    expect(minted.summary).toContain('sealed-token output')
  })

  it.each<[string, (sealed: string) => [Record<string, string>, Record<string, string>], RegExp]>([
    [
      'another seal-key',
      sealed => [{ 'sealed-token': sealed, 'seal-key': randomBytes(32).toString('hex') }, run],
      /sealed with another seal-key/
    ],
    [
      'another workflow run',
      sealed => [
        { 'sealed-token': sealed, 'seal-key': sealKey },
        { ...run, GITHUB_RUN_ID: '7000000002' }
      ],
      /sealed by workflow run 7000000001, not this one/
    ],
    [
      'another repository',
      sealed => [
        { 'sealed-token': sealed, 'seal-key': sealKey },
        { ...run, GITHUB_REPOSITORY: 'other/repo' }
      ],
      /sealed in another repository/
    ],
    [
      'a tampered envelope',
      sealed => [
        { 'sealed-token': sealed.slice(0, -3) + (sealed.endsWith('AAA') ? 'BBB' : 'AAA'), 'seal-key': sealKey },
        run
      ],
      /altered or truncated/
    ],
    [
      'another provider',
      sealed => [{ 'sealed-token': sealed, 'seal-key': sealKey, provider: 'sirdata' }, run],
      /holds a Soda Cloud token, but provider is sirdata/
    ],
    [
      'too little lifetime left',
      sealed => [{ 'sealed-token': sealed, 'seal-key': sealKey, 'min-validity': '3600' }, run],
      /has (29|30) min left, less than min-validity \(1 h\): mint the token in this job instead/
    ],
    [
      'a missing seal-key',
      sealed => [{ 'sealed-token': sealed }, run],
      /Input 'seal-key' is required with sealed-token/
    ]
  ])('refuses %s with one error, no request and nothing exported', async (_case, unsealWith, message) => {
    const sealed = (await mintAndSeal()).outputs['sealed-token'] as string
    const [inputs, env] = unsealWith(sealed)

    const result = await runAction(inputs, env)

    expect(result.code).toBe(1)
    expect(errors(result)).toEqual([expect.stringMatching(message)])
    expect(fake().requests).toHaveLength(1)
    expect(result.outputs).toEqual({})
    expect(result.env).toEqual({})
    expect(leakedSecrets(result.everything, [...secretsOf(fake()), sealKey])).toEqual([])
  })

  it('refuses a weak seal-key before any request, with the command that makes a good one', async () => {
    const result = await mintAndSeal({ 'seal-key': 'hunter2hunter2' })

    expect(result.code).toBe(1)
    expect(errors(result)).toEqual([
      "Input 'seal-key' must be a key written by a key generator: 32, 48 or 64 random bytes as base64 or hex (the text is not quoted here); make one with `openssl rand -base64 32` (or `token-mint keygen`) and store it as a repository secret."
    ])
    expect(fake().requests).toEqual([])
    expect(leakedSecrets(result.everything, ['hunter2hunter2'])).toEqual([])
  })

  it('warns that credentials do nothing when unsealing', async () => {
    const sealed = (await mintAndSeal()).outputs['sealed-token'] as string

    const result = await runAction({ 'sealed-token': sealed, 'seal-key': sealKey, username: 'someone' }, run)

    expect(result.code).toBe(0)
    expect(workflowCommands(result.stdout)).toContainEqual({
      command: 'warning',
      message: "Input 'username' is ignored: the token comes from sealed-token, not from the provider."
    })
  })
})
