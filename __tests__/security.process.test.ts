import { describe, expect, it } from '@jest/globals'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { runAction, runCliProcess, workflowCommands } from '../__fixtures__/run-action.js'

// The promises of SECURITY.md that an attacker tests first, through both bundles started as a runner or a shell
// starts them (issue 15).

const sirdataCli = (fake: ReturnType<ReturnType<typeof useFakeProvider>>, ...flags: string[]) =>
  runCliProcess(['--provider', 'sirdata', '--base-url', fake.roots.sirdata, ...flags], {
    SIRDATA_LOGIN: fake.credentials.username,
    SIRDATA_PASSWORD: fake.credentials.password,
    SIRDATA_PARTNER_ID: fake.credentials.partnerId
  })

/** Any workflow command marker a runner would read: ##[ or ##vso[ anywhere, :: at the start of a line. */
const MARKERS = /##(vso)?\[|^::(?!(add-mask|warning|error|debug|set-output|notice)::)/im

describe('provider text printed by the command line and the action', () => {
  const fake = useFakeProvider()

  it.each([
    ['##[stop-commands]x'],
    ['##vso[task.setvariable]x'],
    ['###[stop-commands]x'],
    ['#\u034f#[stop-commands]x'],
    ['#\ufe0f#[stop-commands]x'],
    ['#\u180b#[stop-commands]x'],
    ['::stop-commands::x']
  ])('an unreadable Sirdata expiration_time %j is quoted without a marker, on stderr and in the log', async text => {
    const body = { token: 'sirdata-token-0123456789', partner_id: 12345, expiration_time: text }
    fake().script({ status: 200, body }, { status: 200, body }, { status: 200, body }, { status: 200, body })

    const warned = await sirdataCli(fake(), '--min-validity', '0')
    const refused = await sirdataCli(fake())
    const action = await runAction(fakeInputs(fake(), 'sirdata', { 'min-validity': '0' }))

    expect(warned.stderr).toMatch(/^warning: Sirdata sent an expiration_time that could not be read \('/)
    expect(refused.stderr).toMatch(/^error: Sirdata sent an expiration_time that could not be read \('/)
    for (const run of [warned, refused, action]) {
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(MARKERS)
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/[\u034f\ufe0f\u180b]/)
    }
    expect(workflowCommands(action.stdout).filter(c => c.command === 'warning')).toHaveLength(1)
  })

  it('never writes a marker in its own wording either, even quoting a value typed on the command line', async () => {
    const run = await runCliProcess(['--provider', 'soda', '--format', '##[stop-commands]x'])

    expect(run.stderr).toBe("error: --format must be one of: text, env, json (got '# #[stop-commands]x').\n")
  })
})
