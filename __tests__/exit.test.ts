import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { exitWhenFlushed } from '../src/exit.js'

describe('exitWhenFlushed', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    process.exitCode = undefined
  })

  it('exits with the code given, once stdout and stderr have called back', async () => {
    const order: string[] = []
    const exit = jest.spyOn(process, 'exit').mockImplementation(code => {
      order.push(`exit ${code}`)
      return undefined as never
    })
    for (const [name, stream] of [
      ['stdout', process.stdout],
      ['stderr', process.stderr]
    ] as const) {
      jest.spyOn(stream, 'write').mockImplementation(((_text: string, done: () => void) => {
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
