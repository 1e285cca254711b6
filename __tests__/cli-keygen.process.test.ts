import { describe, expect, it } from '@jest/globals'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, runCliProcess, workflowCommands } from '../__fixtures__/run-action.js'

// The key `token-mint keygen` prints, through the bundles: the action takes it as seal-key, as it is.
describe('token-mint keygen, through the bundles', () => {
  const fake = useFakeProvider()

  it('prints a key the action seals with', async () => {
    const keygen = await runCliProcess(['keygen'])

    const run = await runAction(fakeInputs(fake(), 'soda', { 'seal-key': keygen.stdout }), {
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_RUN_ID: '42'
    })

    expect(keygen).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^[A-Za-z0-9+/]{43}=\n$/) })
    expect(workflowCommands(run.stdout).filter(({ command }) => command === 'error')).toEqual([])
    expect(run.outputs['sealed-token']).toMatch(/^tm2\./)
  })
})
