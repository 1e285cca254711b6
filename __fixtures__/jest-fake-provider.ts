import { afterEach, beforeEach } from '@jest/globals'
import { startFakeProvider, type FakeProvider, type FakeProviderOptions } from './fake-provider.js'

/**
 * Starts a fresh fake provider before each test of the enclosing describe and closes it after; the returned
 * function gives the current one. The one way tests get a fake provider.
 */
export function useFakeProvider(options: FakeProviderOptions | (() => FakeProviderOptions) = {}): () => FakeProvider {
  let fake: FakeProvider | undefined
  beforeEach(async () => {
    // A function, for options made in a beforeAll (a throwaway CA).
    fake = await startFakeProvider(typeof options === 'function' ? options() : options)
  })
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })
  return () => {
    if (!fake) throw new Error('useFakeProvider: no fake provider outside a test')
    return fake
  }
}
