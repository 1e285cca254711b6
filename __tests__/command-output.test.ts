import { describe, expect, it } from '@jest/globals'
import { PassThrough } from 'node:stream'
import { readAsRunner, runnerLines } from '../__fixtures__/runner-commands.js'
import { OutputRelay, parseRunnerCommand, RunnerCommandState } from '../src/cli/command-output.js'

const TOKEN = 'soda-token-value'

describe('parseRunnerCommand', () => {
  it.each([
    ['::stop-commands::abc', { name: 'stop-commands', data: 'abc' }],
    ['\u3000 ::stop-commands::a%25b', { name: 'stop-commands', data: 'a%b' }],
    ['::warning file=x::a::b', { name: 'warning', data: 'a::b' }],
    ['::abc::', { name: 'abc', data: '' }],
    ['text ##[stop-commands]legacy', { name: 'stop-commands', data: 'legacy' }],
    ['x ::abc::', undefined],
    ['::abc', undefined]
  ])('reads %j as the runner does', (line, command) => {
    expect(parseRunnerCommand(line)).toEqual(command)
  })
})

describe('RunnerCommandState', () => {
  it('follows a stop and its resume, in any case', () => {
    const state = new RunnerCommandState()

    state.read('::STOP-COMMANDS::pause-1')
    expect(state.stoppedBy).toBe('pause-1')
    state.read('::warning::ignored')
    expect(state.stoppedBy).toBe('pause-1')
    state.read('::PAUSE-1::')
    expect(state.stoppedBy).toBeUndefined()
    expect(state.everStopped).toBe(true)
  })

  it.each([[''], ['add-mask'], ['Pause-Logging']])(
    'does not take %j for a stop, which the runner refuses unless a setting allows it, and so writes no mask',
    stop => {
      const state = new RunnerCommandState()

      state.read(`::stop-commands::${stop}`)

      expect(state.stoppedBy).toBeUndefined()
      expect(state.maskLines(TOKEN)).toBeUndefined()
    }
  )

  it('wraps a mask in the resume token and a new stop while stopped, which the runner reads as intended', () => {
    const state = new RunnerCommandState()
    state.read('::stop-commands::p%25ause')

    const lines = state.maskLines(TOKEN) as string[]
    const view = readAsRunner(['::stop-commands::p%25ause', ...lines, `printed ${TOKEN}`])

    expect(lines).toEqual(['::p%ause::', `::add-mask::${TOKEN}`, '::stop-commands::p%25ause'])
    expect(view.masks).toContain(TOKEN)
    expect(view.stoppedBy).toBe('p%ause')
    expect(view.printed.at(-1)).toBe('printed ***')
  })

  it('writes no mask while stopped by a token no command line can resume, or when it could not tell', () => {
    const spaced = new RunnerCommandState()
    spaced.read('::stop-commands::with space')
    const unknown = new RunnerCommandState()
    unknown.unknown = true

    expect(spaced.maskLines(TOKEN)).toBeUndefined()
    expect(unknown.maskLines(TOKEN)).toBeUndefined()
  })

  // Lines a security review found the runner reads as a stop where a plainer reading did not (issue 22).
  it.each([
    ['a token holding an escaped line break', '::stop-commands::a%0Ab'],
    ['a token holding an escaped carriage return', '::stop-commands::a%0Db'],
    ['a legacy stop behind an unregistered :: name', '::nope::##[stop-commands]secret1'],
    ['a command name as the token, which a runner setting allows', '::stop-commands::add-mask']
  ])('writes no mask after %s', (_what, line) => {
    const state = new RunnerCommandState()

    state.read(line)

    expect(state.maskLines(TOKEN)).toBeUndefined()
  })

  it('decodes a legacy stop token as the runner does (%3B is ;), and resumes it by that name', () => {
    const state = new RunnerCommandState()

    state.read('##[stop-commands]a%3Bb%5Dc')

    expect(state.stoppedBy).toBe('a;b]c')
    expect(state.maskLines(TOKEN)?.[0]).toBe('::a;b]c::')
  })

  it('still masks after lines that only look like commands', () => {
    const state = new RunnerCommandState()

    state.read('::warning::stopping nothing')
    state.read('progress 10%')

    expect(state.maskLines(TOKEN)).toEqual([`::add-mask::${TOKEN}`])
  })
})

describe('OutputRelay', () => {
  function relayed() {
    const [out, err, stdout, stderr] = [new PassThrough(), new PassThrough(), new PassThrough(), new PassThrough()]
    const written = { out: [] as Buffer[], err: [] as Buffer[] }
    out.on('data', (chunk: Buffer) => written.out.push(chunk))
    err.on('data', (chunk: Buffer) => written.err.push(chunk))
    const relay = new OutputRelay(out, err)
    relay.attach(stdout, stderr)
    return { relay, stdout, stderr, written, text: (what: Buffer[]) => Buffer.concat(what).toString('latin1') }
  }
  const tick = () => new Promise(resolve => setImmediate(resolve))

  it('passes bytes on unchanged as they come, and reads stop-commands across chunks', async () => {
    const { relay, stdout, stderr, written, text } = relayed()

    stdout.write(Buffer.from([0, 0xff, 0x0a]))
    stderr.write('::stop-com')
    stderr.write('mands::half-way\r\nrest')
    await tick()

    expect(text(written.out)).toBe('\u0000\u00ff\n')
    expect(text(written.err)).toBe('::stop-commands::half-way\r\nrest')
    expect(relay.state.stoppedBy).toBe('half-way')
  })

  it('starts its mask on a line of its own, after a line the command left unfinished', async () => {
    const { relay, stderr, written, text } = relayed()
    stderr.write('scan 10%')
    await tick()

    expect(relay.mask(TOKEN)).toBe(true)
    await tick()

    expect(runnerLines(text(written.err))).toEqual(['scan 10%', `::add-mask::${TOKEN}`])
  })

  it('holds the output back until released, waiting for the runner only once commands were stopped', async () => {
    const { relay, stdout, written, text } = relayed()
    const waits: number[] = []
    const sleep = (ms: number) => Promise.resolve(void waits.push(ms))

    const release = await relay.hold(1000, sleep)
    stdout.write('held\n')
    await tick()
    expect(text(written.out)).toBe('')
    release()
    await tick()
    expect(text(written.out)).toBe('held\n')
    expect(waits).toEqual([])

    stdout.write('::stop-commands::pause-1\n')
    await tick()
    ;(await relay.hold(1000, sleep))()
    expect(waits).toEqual([1000])
  })

  it('marks the state unknown after an overlong line that stops commands further on, in a later piece', async () => {
    const { relay, stdout } = relayed()

    stdout.write('a'.repeat(65 * 1024 + 1))
    await tick()
    stdout.write('##[stop-')
    await tick()
    stdout.write('commands]secret99\n')
    await tick()

    expect(relay.state.unknown).toBe(true)
  })

  it('marks the state unknown after an overlong line that may be a command', async () => {
    const { relay, stdout } = relayed()

    stdout.write(`::stop-commands::${'x'.repeat(70 * 1024)}`)
    await tick()

    expect(relay.state.unknown).toBe(true)
    expect(relay.mask(TOKEN)).toBe(false)
  })

  it('stops waiting for output a second after the command ended, if a process it left holds it open', async () => {
    const { relay, stdout, stderr } = relayed()
    stdout.end()
    await tick()

    const started = Date.now()
    await relay.drained(50)

    expect(Date.now() - started).toBeGreaterThanOrEqual(40)
    expect(stderr.destroyed).toBe(true)
  })
})
