import { describe, expect, it } from '@jest/globals'
import { readArgs } from '../src/cli/args.js'
import { closestOption, editDistance } from '../src/cli/suggest.js'

const KNOWN = ['provider', 'partner-id', 'region', 'base-url', 'timeout', 'max-attempts', 'env-name', 'help', 'version']

describe('a mistyped option', () => {
  it.each([
    [['--partner_id', '12345'], '--partner-id'],
    [['--partner_id=12345'], '--partner-id'],
    [['--PROVIDER', 'soda'], '--provider'],
    [['--timout', '5'], '--timeout'],
    [['--max-attemps', '5'], '--max-attempts'],
    [['--base_url', 'x'], '--base-url'],
    [['--reigon', 'us'], '--region'],
    [['-provider', 'soda'], '--provider'],
    [['--verbos'], '--verbose']
  ])('%j gets "did you mean %s?", and never the value', (argv, meant) => {
    const read = readArgs(argv)

    expect(read).toEqual({ problem: expect.stringContaining(`: did you mean ${meant}? See --help.`) })
    expect(JSON.stringify(read)).not.toMatch(/12345|soda|'x'|'5'|us'/)
  })

  it('shows what was typed only when it looks like an option name, even with a suggestion', () => {
    expect(readArgs(['--partner_id=hunter2'])).toEqual({
      problem: 'unknown option (not shown, in case it is a secret): did you mean --partner-id? See --help.'
    })
    expect(readArgs(['--timout'])).toEqual({
      problem: "unknown option '--timout': did you mean --timeout? See --help."
    })
  })

  it('gets no suggestion when nothing is close', () => {
    expect(readArgs(['--bogus'])).toEqual({ problem: "unknown option '--bogus': see --help." })
    expect(readArgs(['--hunter2'])).toEqual({
      problem: 'unknown option (not shown, in case it is a secret): see --help.'
    })
  })
})

describe('closestOption', () => {
  it('allows two edits for a long name, one for a name of four letters or fewer', () => {
    expect(closestOption('timeot', KNOWN)).toBe('timeout')
    expect(closestOption('tmeot', KNOWN)).toBe('timeout')
    expect(closestOption('tmot', KNOWN)).toBeUndefined()
    expect(closestOption('hepl', KNOWN)).toBe('help')
    expect(closestOption('hlp', KNOWN)).toBe('help')
    expect(closestOption('hxlx', KNOWN)).toBeUndefined()
    expect(closestOption('password', KNOWN)).toBeUndefined()
  })

  it('picks the closest of several, and the first of equals', () => {
    expect(closestOption('regionx', ['regions', 'region'])).toBe('regions')
    expect(closestOption('regio', ['regions', 'region'])).toBe('region')
    expect(closestOption('x', [])).toBeUndefined()
  })
})

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['ab', 'abc', 1],
    ['abc', 'acb', 1],
    ['ca', 'abc', 3],
    ['timeout', 'tiemout', 1],
    ['kitten', 'sitting', 3]
  ])('from %j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
  })
})
