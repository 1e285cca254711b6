import { afterEach, describe, expect, it } from '@jest/globals'
import { refuseInspectorSignal } from '../src/no-inspector.js'

// The process tests (masks.process.test.ts) prove no inspector opens; this one that the listener is there and quiet.
describe('refuseInspectorSignal', () => {
  const before = process.listeners('SIGUSR1')
  afterEach(() => {
    for (const listener of process.listeners('SIGUSR1')) {
      if (!before.includes(listener)) process.off('SIGUSR1', listener)
    }
  })

  it('handles SIGUSR1 itself, so that Node does not open its inspector, and does nothing with it', () => {
    refuseInspectorSignal()

    const added = process.listeners('SIGUSR1').filter(listener => !before.includes(listener))
    expect(added).toHaveLength(1)
    expect((added[0] as () => unknown)()).toBeUndefined()
  })
})
