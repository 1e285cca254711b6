import { describe, expect, it } from '@jest/globals'
import { PassThrough, Readable } from 'node:stream'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { readArgs } from '../src/cli/args.js'
import { runCli } from '../src/cli/run.js'
import { readPasswordStdin, STDIN_LIMITS, type PasswordInput } from '../src/cli/stdin.js'

// --password-stdin in-process: the flag, the reading (a pipe, a terminal, an empty, endless or broken stdin), and a
// mint with the password from stdin. cli-exec.process.test.ts checks what an exec command can read, through the bundle.

const soda = { provider: 'soda' }
const pipe = (...chunks: (string | Buffer)[]) => Readable.from(chunks)
const terminal = (): PasswordInput => Object.assign(pipe('typed'), { isTTY: true })

describe('readArgs with --password-stdin', () => {
  it('asks for the password from stdin, for a mint and for exec, and not otherwise', () => {
    expect(readArgs(['--provider', 'soda', '--password-stdin'])).toMatchObject({ kind: 'mint', passwordStdin: true })
    expect(readArgs(['exec', '--password-stdin', '--', 'env'])).toMatchObject({ kind: 'exec', passwordStdin: true })
    expect(readArgs(['--provider', 'soda'])).not.toHaveProperty('passwordStdin')
    expect(readArgs(['exec', '--', 'env'])).not.toHaveProperty('passwordStdin')
  })

  it('takes no value', () => {
    expect(readArgs(['--password-stdin=hunter2'])).toEqual({ problem: '--password-stdin takes no value: see --help.' })
  })
})

describe('readPasswordStdin', () => {
  it('reads stdin to its end, in as many chunks as it comes, as UTF-8', async () => {
    const read = await readPasswordStdin(pipe('pass', Buffer.from('wörd'), ' with spaces\n'), soda, {})

    expect(read).toEqual({ password: 'passwörd with spaces\n' })
  })

  it('leaves no timer behind once it has read, so a plain mint exits at once', async () => {
    const timers = () => process.getActiveResourcesInfo().filter(resource => resource === 'Timeout').length
    const before = timers()

    await readPasswordStdin(pipe('pw'), soda, {})

    expect(timers()).toBe(before)
  })

  it('refuses a terminal before reading, where the password would be typed in clear', async () => {
    const input = terminal()

    const read = await readPasswordStdin(input, soda, {})

    expect(read).toEqual({
      problem: '--password-stdin reads a pipe or a file, and stdin is a terminal: pipe the password in: see --help.'
    })
  })

  it('refuses the provider’s password variable set as well, naming it, before reading', async () => {
    const input = pipe('from-stdin')

    const read = await readPasswordStdin(input, { provider: ' Sirdata ' }, { SIRDATA_PASSWORD: 'from-env' })

    expect(read).toEqual({
      problem:
        '--password-stdin and SIRDATA_PASSWORD both give the password: unset SIRDATA_PASSWORD (env -u SIRDATA_PASSWORD token-mint ...), so that no environment holds it: see --help.'
    })
    expect(input.readableEnded).toBe(false)
  })

  it('ignores an empty variable, and the variables of the other provider', async () => {
    expect(await readPasswordStdin(pipe('pw'), soda, { SODA_PASSWORD: ' ', SIRDATA_PASSWORD: 'other' })).toEqual({
      password: 'pw'
    })
    expect(await readPasswordStdin(pipe('pw'), {}, { SODA_PASSWORD: 'x' })).toEqual({ password: 'pw' })
  })

  it.each([[[]], [['']], [[' \n', '\t\r\n']]])('refuses an empty stdin (%j)', async chunks => {
    expect(await readPasswordStdin(pipe(...chunks), soda, {})).toEqual({
      problem: '--password-stdin found stdin empty: pipe the password in: see --help.'
    })
  })

  it('stops reading past the size limit, and says so without quoting what it read', async () => {
    const input = new PassThrough()
    const reading = readPasswordStdin(input, soda, {}, { ...STDIN_LIMITS, maxBytes: 8 })
    input.write('12345678')
    input.write('9')

    expect(await reading).toEqual({
      problem: '--password-stdin read more than 8 bytes: pipe the password alone: see --help.'
    })
    expect(input.destroyed).toBe(true)
  })

  it('takes exactly the size limit', async () => {
    expect(await readPasswordStdin(pipe('1234', '5678'), soda, {}, { ...STDIN_LIMITS, maxBytes: 8 })).toEqual({
      password: '12345678'
    })
  })

  it('gives up on a stdin that never ends, in time, and lets go of it', async () => {
    const input = new PassThrough()
    input.write('password but no end')

    const read = await readPasswordStdin(input, soda, {}, { ...STDIN_LIMITS, timeoutMs: 50 })

    expect(read).toEqual({
      problem: '--password-stdin read no end of input within 0.05 s: close stdin after the password: see --help.'
    })
    expect(input.destroyed).toBe(true)
  })

  it('reports a stdin that cannot be read, with its code', async () => {
    const input = new PassThrough()
    const reading = readPasswordStdin(input, soda, {})
    input.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' }))

    expect(await reading).toEqual({ problem: '--password-stdin could not read stdin (EIO).' })
  })

  it('reports an error without a code', async () => {
    const input = new PassThrough()
    const reading = readPasswordStdin(input, soda, {})
    input.destroy(new Error('gone'))

    expect(await reading).toEqual({ problem: '--password-stdin could not read stdin.' })
  })

  it('has limits a password fits in, and a pipe that waits on a person does too', () => {
    expect(STDIN_LIMITS).toEqual({ maxBytes: 65_536, timeoutMs: 30_000 })
  })
})

describe('runCli with --password-stdin', () => {
  const fake = useFakeProvider()
  const run = async (argv: string[], env: Record<string, string>, stdin?: PasswordInput) => {
    const io = { out: '', err: '' }
    const code = await runCli(argv, env, {
      out: text => void (io.out += text),
      err: text => void (io.err += text),
      ...(stdin ? { stdin } : {})
    })
    return { code, ...io }
  }
  const args = () => ['--provider', 'soda', '--base-url', fake().roots.soda, '--password-stdin', '--format', 'json']

  it('mints with the password read from stdin, and no password variable', async () => {
    const result = await run(
      args(),
      { SODA_USERNAME: fake().credentials.username },
      pipe(`${fake().credentials.password}\n`)
    )

    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toMatchObject({ token: fake().tokens[0] })
    expect(fake().requests).toHaveLength(1)
  })

  it('fails with exit 2 and one line, before any request, when stdin cannot give the password', async () => {
    const env = { SODA_USERNAME: fake().credentials.username }

    expect(await run(args(), env, terminal())).toEqual({
      code: 2,
      out: '',
      err: 'error: --password-stdin reads a pipe or a file, and stdin is a terminal: pipe the password in: see --help.\n'
    })
    expect(await run(args(), env)).toEqual({
      code: 2,
      out: '',
      err: 'error: --password-stdin has no stdin to read: see --help.\n'
    })
    expect(fake().requests).toEqual([])
  })
})
