import { writeSync } from 'node:fs'
import { formatDuration } from '../duration.js'
import { ActionError, describeError, TransientFailureError } from '../errors.js'
import { backoff, DEFAULT_RETRY } from '../http/retry.js'
import type { IssuedToken } from '../token.js'
import { commandEnv, runCommand } from './exec.js'
import { OutputRelay } from './command-output.js'
import { maskCommands } from './mask-commands.js'
import {
  createTokenDir,
  removeTokenDir,
  removeTokenFiles,
  TokenDirError,
  writeTokenFiles,
  type TokenFiles
} from './token-file.js'

// `token-mint exec --keep-fresh`: the command gets the first token in <ENV>, and in <ENV>_FILE the path of a file
// that always holds the current one (<ENV>_HEADER_FILE: the header line that carries it). A timer mints the next
// token before the current one runs short; between refreshes nothing runs. When the command ends, the timers stop
// and the directory goes. A provider outage does not end refreshing: transient failures are tried again until the
// command ends, and while no live token exists the files are absent.

/** Node fires a longer setTimeout at once (about 24.8 days): longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** However short a lifetime, never mint more often than this: a token that lives 0 s must not become a loop. */
const MIN_INTERVAL_MS = 1000
/**
 * The longest wait between two tries of a failing refresh, also for a Retry-After: once the provider is back, the
 * command must not stay without a token for long. A third of the token's lifetime caps it further.
 */
const MAX_RETRY_WAIT_MS = DEFAULT_RETRY.maxDelayMs
/**
 * Under GitHub Actions, the wait between writing a mask and letting the token out: the runner reads stdout and
 * stderr on two pipes, and a mask applies only to lines that arrive after the runner has registered it.
 */
export const MASK_SETTLE_MS = 1000

const UNMASKABLE =
  'The command stopped workflow commands (::stop-commands::) with a token that cannot be resumed from a command line, so a new token could not be masked and is not used.'

/** When to mint the next token. */
export interface RefreshRule {
  readonly minValiditySeconds: number
  /** The longest wait between two mints; required for tokens whose expiry is unknown. */
  readonly refreshEverySeconds?: number
  /** How long a new token waits after its mask before it is written (see MaskOptions). */
  readonly settleMs: number
}

/**
 * When the next mint starts (ms since the epoch): once the token has less than max(min-validity, a third of its
 * lifetime) left, plus the time its successor waits for its mask, so that a reader always finds a token with time
 * to spare. Never sooner than a third of the lifetime after the token was issued (a min-validity close to the
 * lifetime would mint in a loop), never later than --refresh-every. Undefined when nothing says when.
 */
export function refreshAt(token: IssuedToken, rule: RefreshRule): number | undefined {
  const issued = token.issuedAt.getTime()
  const every = rule.refreshEverySeconds === undefined ? Infinity : issued + rule.refreshEverySeconds * 1000
  if (!token.expiresAt) return Number.isFinite(every) ? every : undefined
  const expires = token.expiresAt.getTime()
  const lifetime = Math.max(0, expires - issued)
  const margin = Math.max(rule.minValiditySeconds * 1000, lifetime / 3) + rule.settleMs
  const earliest = issued + Math.max(lifetime / 3, MIN_INTERVAL_MS)
  return Math.min(Math.max(expires - margin, earliest), every)
}

/** How a new token is registered with the runner's masking before any process can read it. */
export interface MaskOptions {
  /**
   * Registers the token; synchronous, so that it is on its way to the runner before anything else happens. False
   * when it cannot be registered (commands stopped beyond reach, see OutputRelay): the token is then not used.
   */
  readonly register: (token: string) => boolean | void
  /** Holds the command's output back while a mask is written; resolves to the function that lets it go. */
  readonly hold?: (settleMs: number, sleep: (ms: number) => Promise<void>) => Promise<() => void>
  /** The wait between registering a mask and writing the token where the command reads it. */
  readonly settleMs: number
}

export interface KeeperOptions {
  /** Mints the next token; `cancel` aborts when the command has ended. */
  readonly mint: (cancel: AbortSignal) => Promise<IssuedToken>
  readonly minValiditySeconds: number
  readonly refreshEverySeconds?: number
  /** Under GitHub Actions: every token is masked before it is written. */
  readonly mask?: MaskOptions
  /** The variable the command reads the token from, for messages about its file. */
  readonly envName: string
  /** Where RUNNER_TEMP is read. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** A line for the person reading stderr. */
  readonly report: (line: string) => void
  /** The jitter of the waits between failed refreshes; Math.random unless a test fixes it. */
  readonly random?: () => number
}

/** Keeps the token files current, from the first token until stop(). */
export class TokenKeeper {
  private files?: TokenFiles
  private current?: IssuedToken
  private cancelExpiry?: () => void
  /** Set once refreshing has stopped for good (a refusal), so that nothing more is said about the file. */
  private gaveUp = false
  /** When the files went for want of a fresh token; cleared when a token is written again. */
  private goneAt?: number
  /** Failed tries of the refresh under way, and what the last one met. */
  private failedTries = 0
  private lastFailure?: string
  private readonly stopping = new AbortController()
  private readonly timers = new Set<NodeJS.Timeout>()
  private replacedSaid = false

  constructor(private readonly options: KeeperOptions) {}

  /** Whether someone moved or replaced the token directory while the command ran (said once on `report`). */
  get replaced(): boolean {
    return this.replacedSaid
  }

  /** Masks and writes the first token, schedules the next; resolves to the files the command is told about. */
  async start(first: IssuedToken): Promise<TokenFiles> {
    await this.install(first)
    return this.files as TokenFiles
  }

  /** Stops every timer and any refresh under way, and removes the directory if it is still the one made here. */
  stop(): void {
    if (this.stopped) return
    this.stopping.abort()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    if (this.files && !removeTokenDir(this.files)) this.sayReplaced(`the token directory was moved or replaced.`)
  }

  /** Says once that the directory is not ours any more: nothing in its place is written to or removed. */
  private sayReplaced(what: string): void {
    if (this.replacedSaid) return
    this.replacedSaid = true
    const expiresAt = this.current?.expiresAt
    const lives = expiresAt ? `until ${expiresAt.toISOString()}` : 'until RUNNER_TEMP is emptied'
    this.options.report(
      `error: ${what} The token is not refreshed again, whatever is in its place is left alone, and the last token ` +
        `lives in the moved directory ${lives}.\n`
    )
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted
  }

  private get rule(): RefreshRule {
    const { minValiditySeconds, refreshEverySeconds, mask } = this.options
    // Holding the command's output back can take a second wait (see OutputRelay.hold).
    const settleMs = mask ? mask.settleMs * (mask.hold ? 2 : 1) : 0
    return { minValiditySeconds, refreshEverySeconds, settleMs }
  }

  private async install(token: IssuedToken): Promise<void> {
    const { mask } = this.options
    if (mask) {
      // The runner reads the step's stdout and stderr on two pipes, and a mask applies only to lines that arrive
      // after it. The mask goes to stderr, written synchronously: the command may send its stdout to a file
      // (`-- ./report.sh > out.json`), which must neither swallow the mask nor receive it. Then a pause, so that
      // the runner has registered the mask before the command can read the token and print it on the other pipe.
      // Only where there is output to hold back: the register stays synchronous otherwise.
      const release = mask.hold ? await mask.hold(mask.settleMs, ms => this.sleep(ms)) : undefined
      const registered = mask.register(token.token)
      if (registered !== false) await this.sleep(mask.settleMs)
      release?.()
      if (registered === false) return this.giveUp(UNMASKABLE)
      if (this.stopped) return
    }
    this.files ??= createTokenDir(this.options.env)
    const files = this.files
    writeTokenFiles(files, token.token, { name: token.provider.tokenHeader, scheme: token.provider.tokenScheme })
    this.current = token
    this.reportBack()
    this.cancelExpiry?.()
    this.cancelExpiry = token.expiresAt
      ? this.later(token.expiresAt.getTime() - Date.now(), () => this.expire(files))
      : undefined
    const next = refreshAt(token, this.rule)
    if (next === undefined) {
      this.giveUp(`${token.provider.title} did not say when the new token expires, and --refresh-every is not set.`)
    } else {
      this.later(next - Date.now(), () => void this.refresh())
    }
  }

  /**
   * Mints until a token is installed. A transient failure is tried again until the command ends, through an outage
   * longer than a token lives (the files are absent meanwhile); anything else stops refreshing.
   */
  private async refresh(): Promise<void> {
    for (let round = 1; ; round++) {
      let token: IssuedToken
      try {
        token = await this.options.mint(this.stopping.signal)
      } catch (error) {
        if (this.stopped) return
        if (!(error instanceof ActionError && error.retryable)) return this.giveUp(describeError(error))
        this.failedTries++
        this.lastFailure = error instanceof TransientFailureError && error.reason ? error.reason : error.message
        await this.sleep(this.retryWaitMs(round, error))
        continue
      }
      if (this.stopped) return
      try {
        await this.install(token)
      } catch (error) {
        if (this.stopped) return
        if (error instanceof TokenDirError) this.sayReplaced(error.message)
        else this.giveUp(`${cannotWrite(error)}.`)
      }
      return
    }
  }

  /**
   * The wait before the next try of a failing refresh: growing with jitter, or what Retry-After asks, and never
   * longer than a third of the token's lifetime nor MAX_RETRY_WAIT_MS, so that a provider that is back is found
   * soon; never shorter than MIN_INTERVAL_MS, so that a 10-minute outage costs tens of requests.
   */
  private retryWaitMs(round: number, error: ActionError): number {
    const ceiling = this.longestRetryWaitMs()
    const retryAfterMs = error instanceof TransientFailureError ? error.retryAfterMs : undefined
    const policy = { baseDelayMs: DEFAULT_RETRY.baseDelayMs, maxDelayMs: ceiling }
    return Math.min(ceiling, backoff(round, retryAfterMs, { ...policy, random: this.options.random ?? Math.random }))
  }

  /** A third of the current token's lifetime (--refresh-every stands for an unknown one), within the bounds. */
  private longestRetryWaitMs(): number {
    const { current } = this
    const every = (this.options.refreshEverySeconds ?? Infinity) * 1000
    const lifetime = current?.expiresAt ? current.expiresAt.getTime() - current.issuedAt.getTime() : every
    return Math.max(MIN_INTERVAL_MS, Math.min(MAX_RETRY_WAIT_MS, lifetime / 3))
  }

  private get tokenFile(): string {
    return `${this.options.envName}_FILE`
  }

  /** The token has expired: the files go, so that a reader fails with ENOENT; said once when refreshing goes on. */
  private expire(files: TokenFiles): void {
    removeTokenFiles(files)
    // Refreshing has stopped (a refusal, or a directory put in place of ours), and that was said already.
    if (this.gaveUp || this.replacedSaid) return
    this.goneAt = Date.now()
    const expiredAt = (this.current?.expiresAt as Date).toISOString()
    const why = this.lastFailure ? `the last try met: ${this.lastFailure}` : 'the refresh under way has no answer yet'
    const every = formatDuration(this.longestRetryWaitMs() / 1000)
    this.options.report(
      `warning: ${this.tokenFile} is removed: its token expired at ${expiredAt} and no new one could be minted ` +
        `(${why}). Refreshing goes on, trying at least once every ${every}; the file comes back with the next token.\n`
    )
  }

  /** After a token was written: says once that the files are back, when they had gone; the tries start over. */
  private reportBack(): void {
    const { goneAt, failedTries } = this
    this.failedTries = 0
    this.lastFailure = undefined
    this.goneAt = undefined
    if (goneAt === undefined) return
    const absent = formatDuration((Date.now() - goneAt) / 1000)
    this.options.report(
      `notice: ${this.tokenFile} holds a token again, after ${failedTries} failed ${failedTries === 1 ? 'try' : 'tries'}; ` +
        `it was absent for ${absent}.\n`
    )
  }

  /** Says once that refreshing has stopped, and what becomes of the file; the credentials will not change mid-run. */
  private giveUp(why: string): void {
    this.gaveUp = true
    const expiresAt = this.current?.expiresAt
    const file = this.tokenFile
    const then =
      this.goneAt !== undefined
        ? `${file} stays absent until the command ends`
        : expiresAt
          ? `${file} is removed when the current token expires, at ${expiresAt.toISOString()}`
          : `${file} keeps the current token, whose expiry is unknown, until the command ends`
    this.options.report(`error: ${why} The token is not refreshed again: ${then}.\n`)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => void this.later(ms, resolve))
  }

  /** Runs `then` after `ms`, unless stop() comes first; returns a function that cancels it. */
  private later(ms: number, then: () => void): () => void {
    let timer: NodeJS.Timeout
    const arm = (left: number) => {
      timer = setTimeout(
        () => {
          this.timers.delete(timer)
          if (left > MAX_TIMER_MS) arm(left - MAX_TIMER_MS)
          else then()
        },
        Math.min(left, MAX_TIMER_MS)
      )
      this.timers.add(timer)
    }
    arm(Math.max(0, ms))
    return () => {
      clearTimeout(timer)
      this.timers.delete(timer)
    }
  }
}

/** What `exec --keep-fresh` needs besides the first token. */
export interface KeepFreshExec extends Omit<KeeperOptions, 'mask' | 'report'> {
  readonly command: readonly [string, ...string[]]
  /** The variables the command must not get (the password). */
  readonly without: readonly string[]
  readonly err: (text: string) => void
  /** Registers each token with the runner's masking, under GitHub Actions; maskOnStderr when not given. */
  readonly register?: (token: string) => void
}

/**
 * Runs the command with the first token in <ENV> and the files in <ENV>_FILE and <ENV>_HEADER_FILE, keeping them
 * current until it ends; resolves to its exit code (2 when the token cannot be scheduled). Never throws.
 */
export async function execKeepingFresh(first: IssuedToken, run: KeepFreshExec): Promise<number> {
  if (!first.expiresAt && run.refreshEverySeconds === undefined) {
    run.err(
      `error: ${first.provider.title} did not say when the token expires, so --keep-fresh cannot tell when to mint ` +
        'the next one: add --refresh-every SECONDS (how often to mint a new token).\n'
    )
    return 2
  }
  // Under GitHub Actions, the command's output passes through token-mint, which can then mask a refreshed token
  // even while the command has stopped workflow commands (see OutputRelay).
  const relay = run.env.GITHUB_ACTIONS === 'true' && !run.register ? new OutputRelay() : undefined
  const keeper = new TokenKeeper({
    ...run,
    mask: relay
      ? { register: token => relay.mask(token), hold: (ms, sleep) => relay.hold(ms, sleep), settleMs: MASK_SETTLE_MS }
      : run.env.GITHUB_ACTIONS === 'true'
        ? { register: run.register ?? maskOnStderr, settleMs: MASK_SETTLE_MS }
        : undefined,
    report: run.err
  })
  try {
    let files: TokenFiles
    try {
      files = await keeper.start(first)
    } catch (error) {
      const why =
        error instanceof TokenDirError
          ? error.message
          : `${cannotWrite(error)}: check RUNNER_TEMP or the temporary directory.`
      run.err(`error: ${why}\n`)
      return 1
    }
    const name = run.envName
    const given = { [name]: first.token, [`${name}_FILE`]: files.token, [`${name}_HEADER_FILE`]: files.header }
    const code = await runCommand(run.command, commandEnv(run.env, given, run.without), run.err, relay)
    keeper.stop()
    // Someone swapped the directory under the command: the step fails even when the command did not.
    return keeper.replaced && code === 0 ? 1 : code
  } finally {
    keeper.stop()
  }
}

/** A file error in a few words: its code, never its message, which names paths and may grow long. */
function cannotWrite(error: unknown): string {
  return `--keep-fresh cannot write the token file (${(error as NodeJS.ErrnoException).code ?? describeError(error)})`
}

/**
 * `::add-mask::` on stderr, each command on a line of its own in one write, all of it before returning (a pipe may
 * take it in pieces). A long token takes several commands (see maskCommands).
 */
export function maskOnStderr(token: string, fd = 2): void {
  // The runner reads a command only at the start of a line, and stderr is shared with the command, which may have
  // left a line unfinished there (a progress bar: `scan 10%`): the line break first makes the mask start a line.
  // At worst an empty line in the log. One write per command, none longer than a pipe keeps whole, so that the
  // command's output cannot cut into it.
  for (const command of maskCommands(token)) writeWhole(fd, Buffer.from(`\n${command}\n`))
}

function writeWhole(fd: number, line: Buffer): void {
  for (let written = 0; written < line.length;) {
    try {
      written += writeSync(fd, line, written)
    } catch (error) {
      // A non-blocking pipe that is full for a moment: try again, since the mask must not be lost.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}
