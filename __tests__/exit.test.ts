import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { exitWhenFlushed } from '../src/exit.js'

describe('exitWhenFlushed', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    process.exitCode = undefined
  })

  it('exits with the code given, once stdout and stderr have called back, adding nothing to either', async () => {
    const order: string[] = []
    const written: string[] = []
    const exit = jest.spyOn(process, 'exit').mockImplementation(code => {
      order.push(`exit ${code}`)
      return undefined as never
    })
    for (const [name, stream] of [
      ['stdout', process.stdout],
      ['stderr', process.stderr]
    ] as const) {
      jest.spyOn(stream, 'write').mockImplementation(((text: string, done: () => void) => {
        written.push(text)
        setTimeout(() => {
          order.push(`${name} flushed`)
          done()
        }, 20)
        return true
      }) as typeof stream.write)
    }

    await exitWhenFlushed(3)

    expect(order).toEqual(['stdout flushed', 'stderr flushed', 'exit 3'])
    expect(exit).toHaveBeenCalledTimes(1)
    // The flush is an empty write: a user's logs (and a `--format env` stdout that a shell evaluates) get no text.
    expect(written).toEqual(['', ''])
  })

  it('exits with process.exitCode when given none, as Node 20 does not for exit(undefined)', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation(((_text: string, done: () => void) => {
        done()
        return true
      }) as typeof stream.write)
    }
    process.exitCode = 1

    await exitWhenFlushed()

    expect(exit).toHaveBeenCalledWith(1)
  })
})
