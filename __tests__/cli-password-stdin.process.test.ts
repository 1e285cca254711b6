import { describe, expect, it } from '@jest/globals'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { runCliProcess } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// What `exec` protects, through the bundle: the command never has the password in its own environment, but
// token-mint stays alive as its parent, and a process of the same user can read its parent's initial environment
// (/proc/$PPID/environ on Linux). With --password-stdin there is no password there to read; with SODA_PASSWORD
// there is, as the README and SECURITY.md say.

const linux = process.platform === 'linux'

/**
 * The command: reports whether `$1` is in its parent's environment, and which process that parent is (token-mint,
 * started as `node .../cli/index.js`), and whether it got a token.
 */
const SNOOP = [
  '/bin/sh',
  '-c',
  [
    'if grep -aqF -- "$1" /proc/$PPID/environ; then echo "parent environment: has it"; else echo "parent environment: clean"; fi',
    'tr "\\0" " " < /proc/$PPID/cmdline | grep -q "cli/index.js" && echo "parent: token-mint"',
    'env | grep -qF -- "$1" && echo "own environment: has it"',
    'test -n "$SODA_TOKEN" && echo "token: yes"',
    'exit 0'
  ].join('\n'),
  'snoop'
]

describe('token-mint --password-stdin', () => {
  const fake = useFakeProvider()
  const soda = () => ['--provider', 'soda', '--base-url', fake().roots.soda]
  const username = () => ({ SODA_USERNAME: fake().credentials.username })

  it('leaves nothing for an exec command to read in its parent’s environment', async () => {
    if (!linux) return
    const { password } = fake().credentials

    const run = await runCliProcess(
      ['exec', ...soda(), '--password-stdin', '--', ...SNOOP, password],
      username(),
      `${password}\n`
    )

    expect(run.code).toBe(0)
    expect(run.stdout).toBe('parent environment: clean\nparent: token-mint\ntoken: yes\n')
    expect(run.stderr).toBe('')
  })

  it('without it, leaves the password in token-mint’s environment, where the command can read it (the documented limit)', async () => {
    if (!linux) return
    const { password } = fake().credentials

    const run = await runCliProcess(['exec', ...soda(), '--', ...SNOOP, password], {
      ...username(),
      SODA_PASSWORD: password
    })

    expect(run.code).toBe(0)
    expect(run.stdout).toBe('parent environment: has it\nparent: token-mint\ntoken: yes\n')
  })

  it('mints with the password piped in, and prints no secret', async () => {
    const run = await runCliProcess([...soda(), '--password-stdin'], username(), fake().credentials.password)

    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Minted a Soda Cloud token/)
    expect(leakedSecrets(run.stdout + run.stderr, secretsOf(fake()))).toEqual([])
  })

  it('refuses, with exit 2 and before any request, an empty stdin or the password variable set as well', async () => {
    const { password } = fake().credentials

    const empty = await runCliProcess([...soda(), '--password-stdin'], username())
    const both = await runCliProcess(
      ['exec', ...soda(), '--password-stdin', '--', 'env'],
      { ...username(), SODA_PASSWORD: password },
      password
    )

    expect(empty).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: --password-stdin found stdin empty: pipe the password in: see --help.\n'
    })
    expect(both).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error: --password-stdin and SODA_PASSWORD both give the password: unset SODA_PASSWORD (env -u SODA_PASSWORD token-mint ...), so that no environment holds it: see --help.\n'
    })
    expect(fake().requests).toEqual([])
  })
})
