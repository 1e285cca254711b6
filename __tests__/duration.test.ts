import { describe, expect, it } from '@jest/globals'
import { formatDuration } from '../src/duration.js'

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1.25, '1.3 s'],
    [45, '45 s'],
    [59.4, '59.4 s'],
    [59.5, '1 min'],
    [59.6, '1 min'],
    [89, '1 min'],
    [90, '2 min'],
    [1799, '30 min'],
    [1800, '30 min'],
    [3599, '1 h'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86_400, '24 h']
  ])('writes %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})
