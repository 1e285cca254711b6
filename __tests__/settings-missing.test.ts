import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { InputError } from '../src/errors.js'
import { parseSettings, type RawInputs } from '../src/settings/settings.js'

// A missing secret arrives as an empty input: the error names the input, then says once why it can be empty.
const WHY_EMPTY =
  'A secret or variable arrives empty when it is not defined for this repository or the environment of the job, ' +
  'when its name is misspelt in ${{ secrets.NAME }} or ${{ vars.NAME }}, and in runs from a fork or from ' +
  'Dependabot, which get no secrets or only Dependabot secrets.'
const KEY = 'BeRZJivWSezge52dVzAmKKiuoIrLQ3zyZwifSci4jxA='

function problems(raw: RawInputs, env: Record<string, string> = {}): string[] {
  try {
    parseSettings(raw, env)
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(problem => `Input '${problem.input}' ${problem.message}`)
    throw error
  }
  throw new Error('expected an InputError')
}

describe('a missing credential', () => {
  it('names the input, then the usual reasons a secret arrives empty', () => {
    expect(problems({ provider: 'soda', username: 'me@example.com', password: '' })).toEqual([
      `Input 'password' is required for soda: set it, or the SODA_PASSWORD environment variable. ${WHY_EMPTY}`
    ])
  })

  it('reads as docs/troubleshooting.md quotes it', () => {
    const troubleshooting = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8')
    const [message] = problems({ provider: 'soda', username: 'me@example.com', password: '' })

    expect(troubleshooting).toContain(`\n${message}\n`)
  })

  it('gives the reasons once, after the last missing credential, and after no other problem', () => {
    expect(problems({ provider: 'sirdata', 'partner-id': 'x', timeout: 'soon' })).toEqual([
      "Input 'timeout' must be a number of seconds above 0 and at most 600 (got 'soon').",
      "Input 'partner-id' must be digits only: your Sirdata partner id.",
      "Input 'username' is required for sirdata: set it, or the SIRDATA_LOGIN environment variable.",
      `Input 'password' is required for sirdata: set it, or the SIRDATA_PASSWORD environment variable. ${WHY_EMPTY}`
    ])
  })

  it('gives no such reasons when every credential is there but one is invalid', () => {
    expect(problems({ provider: 'sirdata', 'partner-id': 'x', username: 'u', password: 'p' })).toEqual([
      "Input 'partner-id' must be digits only: your Sirdata partner id."
    ])
  })

  it('points at an empty sealed-token instead when seal-key is set, as an unsealing job would', () => {
    const found = problems({ provider: 'soda', 'seal-key': KEY }, { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' })

    expect(found.at(-1)).toMatch(/^Input 'sealed-token' is empty\./)
    expect(found.join(' ')).not.toContain('arrives empty')
  })
})
