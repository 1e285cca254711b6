import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { seeded } from '../__fixtures__/property.js'
import { neutraliseLine, outsideTextProblem, quoteOutsideText } from '../src/outside-text.js'

/** What a runner would read as a command in a printed line: ##[ or ##vso[ anywhere, :: at its start. */
const hasMarker = (line: string) => /##(vso)?\[/i.test(line) || /^\p{White_Space}*::/u.test(line)

describe('outsideTextProblem', () => {
  it.each([
    ['##[stop-commands]', 'holds a legacy workflow command marker (two # and a [)'],
    ['x ##VSO[task.setvariable]', 'holds a legacy workflow command marker (two # and a [)'],
    ['::set-output name=x::1', 'starts with a workflow command marker (::)'],
    // The runner trims leading Unicode whitespace (C# TrimStart) before it looks for ::.
    ['  ::warning::INJ', 'starts with a workflow command marker (::)'],
    ['\u00a0::warning::INJ', 'starts with a workflow command marker (::)'],
    ['\u3000::error::INJ', 'starts with a workflow command marker (::)'],
    ['\u2003\u202f\u205f\u1680::notice::INJ', 'starts with a workflow command marker (::)'],
    [' ::', 'starts with a workflow command marker (::)'],
    ['line\nbreak', 'holds control or invisible characters'],
    ['tab\there', 'holds control or invisible characters'],
    ['#\u034f#[stop-commands]', 'holds control or invisible characters'],
    ['#\ufe0f#[stop-commands]', 'holds control or invisible characters'],
    ['#\u180b#[stop-commands]', 'holds control or invisible characters'],
    ['zero\u200bwidth', 'holds control or invisible characters'],
    ['soft\u00adhyphen', 'holds control or invisible characters'],
    ['para\u2029graph', 'holds control or invisible characters']
  ])('refuses %j', (text, problem) => {
    expect(outsideTextProblem(text)).toBe(problem)
  })

  it.each([['analyst@example.com'], ['a # or a [ alone'], ['# [x]'], ['x::y'], [' x ::'], ['½ day, ünïcode'], ['']])(
    'accepts %j',
    text => {
      expect(outsideTextProblem(text)).toBeUndefined()
    }
  )
})

describe('neutraliseLine', () => {
  it.each([
    ['##[stop-commands]x', '# #[stop-commands]x'],
    ['###[x]', '# # #[x]'],
    ['##vso[task]', '# #vso[task]'],
    ['#\u034f#[stop-commands]', '# #[stop-commands]'],
    ['#\r\n#[x]', '# #[x]'],
    ['::stop-commands::x', ': :stop-commands::x'],
    ['  ::x', '  : :x'],
    ['\u00a0::warning::INJ', '\u00a0: :warning::INJ'],
    ['\u3000\u2007::error::INJ', '\u3000\u2007: :error::INJ'],
    ['warning: a ::x:: inside', 'warning: a ::x:: inside'],
    ['plain text, # and [', 'plain text, # and [']
  ])('%j becomes %j', (line, safe) => {
    expect(neutraliseLine(line)).toBe(safe)
  })

  it('leaves no marker in any line, whatever it held', () => {
    const alphabet = fc.constantFrom(
      ...['#', '[', ':', ' ', 'v', 's', 'o', 'V', '\u034f', '\ufe0f', '\n', '\u0000', 'x'],
      ...['\u00a0', '\u3000', '\u2007', '\u1680', '\u0085']
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), chars => {
        const safe = neutraliseLine(chars.join(''))
        expect(hasMarker(safe)).toBe(false)
        expect(outsideTextProblem(safe)).toBeUndefined()
      }),
      seeded(2000)
    )
  })
})

describe('quoteOutsideText', () => {
  it('keeps printable text, cut at 40 characters or the length asked', () => {
    expect(quoteOutsideText('a'.repeat(41))).toBe('a'.repeat(40))
    expect(quoteOutsideText('abcdef', 3)).toBe('abc')
    expect(quoteOutsideText('½ day, ünïcode')).toBe('½ day, ünïcode')
  })

  it('drops invisible characters before cutting, and cuts after breaking markers', () => {
    expect(quoteOutsideText(`\r\n\t\u0000\u200b\u2028\u2029\u0085\u034f${'b'.repeat(45)}`)).toBe('b'.repeat(40))
    expect(quoteOutsideText(`${'a'.repeat(38)}##[x]`)).toBe(`${'a'.repeat(38)}# `)
  })
})
