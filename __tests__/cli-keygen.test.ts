import { describe, expect, it } from '@jest/globals'
import { readArgs } from '../src/cli/args.js'
import { runCli } from '../src/cli/run.js'
import { readSealKey } from '../src/seal.js'

// `token-mint keygen`, in-process; cli-keygen.process.test.ts runs it through the bundle.
describe('token-mint keygen', () => {
  const keygen = async (argv: string[]) => {
    const io = { out: '', err: '' }
    const code = await runCli(argv, {}, { out: text => void (io.out += text), err: text => void (io.err += text) })
    return { code, ...io }
  }

  it('prints one fresh key that seal-key accepts, and nothing else', async () => {
    const [first, second] = [await keygen(['keygen']), await keygen(['keygen'])]

    expect(first).toEqual({ code: 0, out: expect.stringMatching(/^[A-Za-z0-9+/]{43}=\n$/), err: '' })
    expect('key' in readSealKey(first.out)).toBe(true)
    expect(second.out).not.toBe(first.out)
  })

  it('takes no arguments, and quotes none', async () => {
    expect(readArgs(['keygen'])).toEqual({ kind: 'keygen' })
    expect(await keygen(['keygen', 'hunter2'])).toEqual({
      code: 2,
      out: '',
      err: 'error: keygen takes no arguments: see --help.\n'
    })
  })

  it('is only a command in the first place', () => {
    expect(readArgs(['--provider', 'soda', 'keygen'])).toEqual({
      problem: 'unexpected argument (not shown, in case it is a secret): see --help.'
    })
  })
})
