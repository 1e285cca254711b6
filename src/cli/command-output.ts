import { StringDecoder } from 'node:string_decoder'
import type { Readable, Writable } from 'node:stream'
import { escapeCommandData, maskCommands } from './mask-commands.js'

// `exec --keep-fresh` under GitHub Actions: the command's stdout and stderr pass through token-mint, which reads
// them as the runner does, for one thing: whether the command stopped workflow commands (`::stop-commands::X`,
// which GitHub recommends around untrusted output). While they are stopped the runner prints every command line as
// text, so a refresh's `::add-mask::` would put the token itself in the log. Knowing X, token-mint resumes commands
// (`::X::`), registers its mask, and stops them again (`::stop-commands::X`).
// The runner reads stdout and stderr on two pipes, in no fixed order between them: before it writes, token-mint
// holds the command's output back, lets what it already passed on reach the runner, then writes, then waits again
// before passing more on. Bytes pass on unchanged, as they come; nothing waits for a line's end.

/** A line longer than this that may be a command leaves the state unknown: no mask is written while stopped. */
const MAX_LINE_CHARS = 64 * 1024
const COMMAND_NAME = /^::([^ ]*?)(?: [^]*?)?::([^]*)$/

/** Command names the runner always knows (its command extensions), the one stop-commands cannot take as a token. */
const RUNNER_COMMANDS = new Set(
  ['add-mask', 'stop-commands', 'warning', 'error', 'notice', 'debug', 'group', 'endgroup', 'echo'].concat([
    'add-matcher',
    'remove-matcher',
    'set-output',
    'save-state',
    'set-env',
    'add-path'
  ])
)

/** The name and data of a command, as the runner parses a line (after leading whitespace, or `##[` anywhere). */
export function parseRunnerCommand(line: string): { readonly name: string; readonly data: string } | undefined {
  const v2 = COMMAND_NAME.exec(line.replace(/^\p{White_Space}+/u, ''))
  if (v2) return { name: v2[1] as string, data: unescape(v2[2] as string) }
  const legacy = /##\[([^ \]]*)[^\]]*\]([^]*)$/.exec(line)
  // The legacy form's data escapes ; and ] too.
  const data = legacy && unescape((legacy[2] as string).replace(/%3B/g, ';').replace(/%5D/g, ']'))
  return legacy ? { name: legacy[1] as string, data: data as string } : undefined
}

function unescape(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** Any mention of the command, however the runner would parse its line: what this reading cannot account for. */
const MENTIONS_STOP = /stop-commands/i

/** The runner refuses (and does not stop for) an empty token, a command's name, and `pause-logging`. */
function validStopToken(token: string): boolean {
  const name = token.toLowerCase()
  return token !== '' && !RUNNER_COMMANDS.has(name) && name !== 'pause-logging'
}

/** Whether workflow commands are stopped, as the runner would know from the lines read so far. */
export class RunnerCommandState {
  /** The token that resumes commands, while they are stopped. */
  stoppedBy?: string
  /** A line too long to read may have changed the state. */
  unknown = false
  /** Whether any line has stopped commands: until one does, the order in which the runner reads the pipes is moot. */
  everStopped = false

  read(line: string): void {
    const command = parseRunnerCommand(line)
    if (this.stoppedBy === undefined) {
      if (command?.name.toLowerCase() === 'stop-commands' && validStopToken(command.data)) {
        this.stoppedBy = command.data
        this.everStopped = true
      } else if (MENTIONS_STOP.test(line)) {
        // The runner may read this line as a stop that this reading does not (a name it does not register, a
        // token a runner setting allows): from here on, no mask is written rather than one the runner may print.
        this.unknown = true
      }
    } else if (command?.name.toLowerCase() === this.stoppedBy.toLowerCase()) {
      this.stoppedBy = undefined
    }
  }

  /**
   * The lines that register `token` now (without line breaks), or undefined when no line can: commands are stopped
   * by a token no command line can name (a space in it), or the state is unknown.
   */
  maskLines(token: string): string[] | undefined {
    const masks = maskCommands(token)
    const stop = this.stoppedBy
    if (this.unknown) return undefined
    if (stop === undefined) return masks
    const resume = `::${stop}::`
    // A token with a space or a line break can be named by no command line: nothing resumes it.
    if (/[\r\n]/.test(stop) || parseRunnerCommand(resume)?.name !== stop) return undefined
    return [resume, ...masks, `::stop-commands::${escapeCommandData(stop)}`]
  }
}

/** Splits one stream's bytes into the lines the runner reads, as they come. */
class LineReader {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
  private overlong = false
  /** The end of an overlong line's last piece, so that a mention across two pieces is still seen. */
  private tail = ''

  constructor(private readonly state: RunnerCommandState) {}

  feed(chunk: Buffer): void {
    const lines = (this.pending + this.decoder.write(chunk)).split(/\r\n|\r|\n/)
    this.pending = lines.pop() as string
    for (const line of lines) {
      if (!this.overlong) this.state.read(line)
      else if (MENTIONS_STOP.test(this.tail + line)) this.state.unknown = true
      this.overlong = false
      this.tail = ''
    }
    if (this.pending.length > MAX_LINE_CHARS) {
      // Not read as a command, but the runner reads the whole line: any marker in any piece leaves the state unknown.
      const piece = this.tail + this.pending
      if ((!this.overlong && /^\p{White_Space}*::/u.test(piece)) || /##\[/.test(piece) || MENTIONS_STOP.test(piece)) {
        this.state.unknown = true
      }
      this.tail = this.pending.slice(-16)
      this.pending = ''
      this.overlong = true
    }
  }
}

/** Passes the command's output on, reading it for stop-commands, and writes masks in order with it. */
export class OutputRelay {
  readonly state = new RunnerCommandState()
  private readonly sources: Readable[] = []
  private held = false
  private errAtLineStart = true

  constructor(
    private readonly out: Writable = process.stdout,
    private readonly err: Writable = process.stderr
  ) {}

  /** Starts passing the command's stdout and stderr on. */
  attach(stdout: Readable, stderr: Readable): void {
    this.pass(stdout, this.out)
    this.pass(stderr, this.err, chunk => (this.errAtLineStart = chunk.at(-1) === 0x0a))
  }

  private pass(from: Readable, to: Writable, sent?: (chunk: Buffer) => void): void {
    this.sources.push(from)
    const lines = new LineReader(this.state)
    // Where our own output is gone (EPIPE), the command finds its own gone too, as it would writing there itself.
    to.on('error', () => from.destroy())
    from.on('data', (chunk: Buffer) => {
      lines.feed(chunk)
      sent?.(chunk)
      if (!to.write(chunk)) {
        from.pause()
        to.once('drain', () => void (this.held || from.resume()))
      }
    })
  }

  /**
   * Holds the command's output back and, once the command has stopped commands, waits until what was passed on is
   * written and `settleMs` has passed (the runner has read both pipes); resolves to the function that lets the
   * output flow again.
   */
  async hold(settleMs: number, sleep: (ms: number) => Promise<void>): Promise<() => void> {
    this.held = true
    for (const source of this.sources) source.pause()
    // Until the command has stopped commands, the runner's state cannot depend on which pipe it reads first.
    if (this.state.everStopped || this.state.unknown) {
      await Promise.all([this.out, this.err].map(to => new Promise<void>(resolve => to.write('', () => resolve()))))
      await sleep(settleMs)
    }
    return () => {
      this.held = false
      for (const source of this.sources) source.resume()
    }
  }

  /** Registers `token` on stderr, each line in one write; false when commands are stopped beyond our reach. */
  mask(token: string): boolean {
    const lines = this.state.maskLines(token)
    if (!lines) return false
    for (const line of lines) {
      this.err.write(`${this.errAtLineStart ? '' : '\n'}${line}\n`)
      this.errAtLineStart = true
    }
    return true
  }

  /** Resolves once the command's output has all passed on, or `graceMs` after the call (a child it left keeps it open). */
  async drained(graceMs: number): Promise<void> {
    const ended = this.sources.map(
      source => new Promise<void>(resolve => (source.readableEnded ? resolve() : source.once('close', resolve)))
    )
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<void>(resolve => (timer = setTimeout(resolve, graceMs)))
    await Promise.race([Promise.all(ended), grace])
    clearTimeout(timer)
    for (const source of this.sources) source.destroy()
  }
}
