import { afterEach, describe, expect, it } from '@jest/globals'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { pointers, readOptions } from '../scripts/fake-provider.js'

// npm run fake-provider, the user's tool: its options, and what it prints to point the action and the CLI at it.

describe('the fake provider’s options', () => {
  it.each([['--help'], ['-h']])('shows help for %s, with no stack trace', flag => {
    expect(readOptions([flag])).toEqual({ help: true })
  })

  it('serves both providers on port 8765 by default', () => {
    expect(readOptions([])).toEqual({
      providers: ['sirdata', 'soda'],
      port: 8765,
      credentials: { partnerId: '12345', username: 'demo@example.com', password: 'demo-password' }
    })
  })

  it('takes a provider, a port, a token lifetime, a failing status and credentials', () => {
    expect(
      readOptions(['--provider', 'soda', '--port', '0', '--lifetime', '20', '--fail', '429', '--username', 'u@x.io'])
    ).toMatchObject({ providers: ['soda'], port: 0, lifetime: 20, fail: 429, credentials: { username: 'u@x.io' } })
  })

  it.each(['401', '403', '429', '503'])('fails every token request with %s when asked', status => {
    expect(readOptions(['--fail', status])).toMatchObject({ fail: Number(status) })
  })

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--provider', 'acme'], "--provider must be one of sirdata, soda (got 'acme')."],
    [['--port', '70000'], "--port must be a port number, 0 to 65535 (got '70000')."],
    [['--port', 'x'], "--port must be a port number, 0 to 65535 (got 'x')."],
    [['--lifetime', '0'], "--lifetime must be a whole number of seconds, 1 or more (got '0')."],
    [['--fail', '500'], "--fail must be one of 401, 403, 429, 503 (got '500')."]
  ])('refuses %j in one sentence', (argv, problem) => {
    expect(readOptions(argv)).toEqual({ problem })
  })
})

describe('what the fake provider prints', () => {
  let fake: FakeProvider | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  it('prints the inputs (.env lines) and the command line that point the action and the CLI at it', async () => {
    fake = await startFakeProvider({ credentials: { username: 'demo@example.com', password: 'demo-password' } })
    const options = readOptions(['--provider', 'sirdata', '--lifetime', '20', '--fail', '401'])
    if (!('providers' in options)) throw new Error('options refused')

    const lines = pointers(fake, options)

    expect(lines).toEqual([
      `Fake provider on ${fake.origin}`,
      '  tokens live 20 s',
      '  every token request is refused with HTTP 401',
      '',
      "sirdata: the action's inputs (a .env for npm run local-action; the same names under with:)",
      '  INPUT_provider=sirdata',
      '  INPUT_username=demo@example.com',
      '  INPUT_password=demo-password',
      '  INPUT_partner-id=12345',
      `  INPUT_base-url=${fake.roots.sirdata}`,
      'sirdata: the command line',
      `  SIRDATA_LOGIN=demo@example.com SIRDATA_PASSWORD=demo-password token-mint --provider sirdata --partner-id 12345 --base-url ${fake.roots.sirdata}`
    ])
  })

  it.each([401, 403, 429, 503])('answers every token request with %i when started to fail', async status => {
    fake = await startFakeProvider({ failWith: status })

    const answer = await fetch(`${fake.roots.soda}/get_token`)

    expect(answer.status).toBe(status)
  })
})
