import { describe, expect, it } from '@jest/globals'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { asksForEnvFormat, runCli } from '../src/cli/run.js'
import { VERSION } from '../src/version.js'

// --format env is made for `eval "$(token-mint ...)"`, which loses the exit code: a failure must make eval fail.
describe('--format env on failure', () => {
  const fake = useFakeProvider()
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const io = { out: '', err: '' }
    const code = await runCli(argv, env, { out: text => void (io.out += text), err: text => void (io.err += text) })
    return { code, ...io }
  }
  const env = (password: string) => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: password })

  it('prints false on stdout when the provider refuses, and the error on stderr only', async () => {
    const refused = await run(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'env'], env('x'))

    expect(refused).toEqual({ code: 1, out: 'false\n', err: expect.stringMatching(/^error: Soda Cloud refused/) })
  })

  it('prints false for a usage or input error too, but nothing for other formats or a success', async () => {
    const usage = await run(['--format=env', '--bogus'])
    const input = await run(['--provider', 'soda', '--format', 'env'])
    const text = await run(['--provider', 'soda', '--format', 'text'])
    const minted = await run(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'env'], {
      ...env(fake().credentials.password)
    })

    expect([usage.code, usage.out, input.code, input.out]).toEqual([2, 'false\n', 2, 'false\n'])
    expect([text.code, text.out]).toEqual([2, ''])
    expect(minted).toEqual({ code: 0, out: `export SODA_TOKEN='${fake().tokens[0]}'\n`, err: '' })
  })
})

describe('the advice after the last attempt, on the command line', () => {
  const fake = useFakeProvider()
  const run = async (argv: string[]) => {
    const io = { out: '', err: '' }
    const env = { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }
    const code = await runCli(['--provider', 'soda', '--base-url', fake().roots.soda, ...argv], env, {
      out: text => void (io.out += text),
      err: text => void (io.err += text)
    })
    return { code, ...io }
  }

  it('names the flags, --max-attempts and --timeout, not the inputs', async () => {
    fake().script({ status: 503 }, { fault: 'hang' })

    const failing = await run(['--max-attempts', '1'])
    const slow = await run(['--max-attempts', '1', '--timeout', '0.2'])

    expect(failing.code).toBe(3)
    expect(failing.err).toContain('; or raise --max-attempts from 1 to 3: ')
    expect(slow.err).toContain('(--timeout). If the provider is slow to answer, raise --timeout from 0.2 s to 0.4 s; ')
  })

  it('leaves --version alone, with nothing on stdout but the version', async () => {
    const io = { out: '', err: '' }
    const code = await runCli(
      ['--version', '--format', 'env'],
      {},
      {
        out: text => void (io.out += text),
        err: text => void (io.err += text)
      }
    )

    expect({ code, ...io }).toEqual({ code: 0, out: `${VERSION}\n`, err: '' })
  })
})

describe('asksForEnvFormat', () => {
  it.each<[string[], boolean]>([
    [['--format', 'env'], true],
    [['--provider', 'soda', '--format=env'], true],
    [['--format', 'json'], false],
    [['--format=text'], false],
    [['--format'], false],
    [['env'], false],
    [['--env-name', 'env'], false],
    [['exec', '--', 'x', '--format', 'env'], false],
    [['exec', '--', 'x', '--format=env'], false]
  ])('%j: %s', (argv, expected) => {
    expect(asksForEnvFormat(argv)).toBe(expected)
  })
})
