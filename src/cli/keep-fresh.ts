import { writeSync } from 'node:fs'
import { ActionError, describeError } from '../errors.js'
import { backoff, DEFAULT_RETRY } from '../http/retry.js'
import type { IssuedToken } from '../token.js'
import { commandEnv, runCommand } from './exec.js'
import { createTokenDir, removeTokenDir, removeTokenFiles, writeTokenFiles, type TokenFiles } from './token-file.js'

// `token-mint exec --keep-fresh`: the command gets the first token in <ENV>, and in <ENV>_FILE the path of a file
// that always holds the current one (<ENV>_HEADER_FILE: the header line that carries it). A timer mints the next
// token before the current one runs short; between refreshes nothing runs. When the command ends, the timers stop
// and the directory goes.

/** Node fires a longer setTimeout at once (about 24.8 days): longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** However short a lifetime, never mint more often than this: a token that lives 0 s must not become a loop. */
const MIN_INTERVAL_MS = 1000
/**
 * Under GitHub Actions, the wait between writing a mask and letting the token out: the runner reads stdout and
 * stderr on two pipes, and a mask applies only to lines that arrive after the runner has registered it.
 */
export const MASK_SETTLE_MS = 1000

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
  /** Registers the token; synchronous, so that it is on its way to the runner before anything else happens. */
  readonly register: (token: string) => void
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
}

/** Keeps the token files current, from the first token until stop(). */
export class TokenKeeper {
  private files?: TokenFiles
  private current?: IssuedToken
  private cancelExpiry?: () => void
  private readonly stopping = new AbortController()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly options: KeeperOptions) {}

  /** Masks and writes the first token, schedules the next; resolves to the files the command is told about. */
  async start(first: IssuedToken): Promise<TokenFiles> {
    await this.install(first)
    return this.files as TokenFiles
  }

  /** Stops every timer and any refresh under way, and removes the directory. */
  stop(): void {
    this.stopping.abort()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    if (this.files) removeTokenDir(this.files)
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted
  }

  private get rule(): RefreshRule {
    const { minValiditySeconds, refreshEverySeconds, mask } = this.options
    return { minValiditySeconds, refreshEverySeconds, settleMs: mask?.settleMs ?? 0 }
  }

  private async install(token: IssuedToken): Promise<void> {
    const { mask } = this.options
    if (mask) {
      // The runner reads the step's stdout and stderr on two pipes, and a mask applies only to lines that arrive
      // after it. The mask goes to stderr, written synchronously: the command may send its stdout to a file
      // (`-- ./report.sh > out.json`), which must neither swallow the mask nor receive it. Then a pause, so that
      // the runner has registered the mask before the command can read the token and print it on the other pipe.
      mask.register(token.token)
      await this.sleep(mask.settleMs)
      if (this.stopped) return
    }
    this.files ??= createTokenDir(this.options.env)
    const files = this.files
    writeTokenFiles(files, token.token, { name: token.provider.tokenHeader, scheme: token.provider.tokenScheme })
    this.current = token
    this.cancelExpiry?.()
    this.cancelExpiry = token.expiresAt
      ? this.later(token.expiresAt.getTime() - Date.now(), () => removeTokenFiles(files))
      : undefined
    const next = refreshAt(token, this.rule)
    if (next === undefined) {
      this.giveUp(`${token.provider.title} did not say when the new token expires, and --refresh-every is not set.`)
    } else {
      this.later(next - Date.now(), () => void this.refresh())
    }
  }

  /** Mints until a token is installed; a transient failure is tried again while the current token has time left. */
  private async refresh(): Promise<void> {
    for (let round = 1; ; round++) {
      let token: IssuedToken
      try {
        token = await this.options.mint(this.stopping.signal)
      } catch (error) {
        if (this.stopped) return
        const retryable = error instanceof ActionError && error.retryable
        const wait = retryable ? backoff(round, undefined, DEFAULT_RETRY) : undefined
        if (wait === undefined || this.timeLeftMs() <= wait + this.rule.settleMs)
          return this.giveUp(describeError(error))
        await this.sleep(wait)
        continue
      }
      if (this.stopped) return
      try {
        await this.install(token)
      } catch (error) {
        if (!this.stopped) this.giveUp(`${cannotWrite(error)}.`)
      }
      return
    }
  }

  private timeLeftMs(): number {
    const expiresAt = this.current?.expiresAt
    return expiresAt ? expiresAt.getTime() - Date.now() : Infinity
  }

  /** Says once that refreshing has stopped, and what becomes of the file; the credentials will not change mid-run. */
  private giveUp(why: string): void {
    const expiresAt = this.current?.expiresAt
    const file = `${this.options.envName}_FILE`
    const then = expiresAt
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
  const keeper = new TokenKeeper({
    ...run,
    mask:
      run.env.GITHUB_ACTIONS === 'true'
        ? { register: run.register ?? maskOnStderr, settleMs: MASK_SETTLE_MS }
        : undefined,
    report: run.err
  })
  try {
    let files: TokenFiles
    try {
      files = await keeper.start(first)
    } catch (error) {
      run.err(`error: ${cannotWrite(error)}: check RUNNER_TEMP or the temporary directory.\n`)
      return 1
    }
    const name = run.envName
    const given = { [name]: first.token, [`${name}_FILE`]: files.token, [`${name}_HEADER_FILE`]: files.header }
    return await runCommand(run.command, commandEnv(run.env, given, run.without), run.err)
  } finally {
    keeper.stop()
  }
}

/** A file error in a few words: its code, never its message, which names paths and may grow long. */
function cannotWrite(error: unknown): string {
  return `--keep-fresh cannot write the token file (${(error as NodeJS.ErrnoException).code ?? describeError(error)})`
}

/** `::add-mask::` on stderr, on a line of its own, all of it before returning (a pipe may take it in pieces). */
export function maskOnStderr(token: string, fd = 2): void {
  // The runner reads a command only at the start of a line, and stderr is shared with the command, which may have
  // left a line unfinished there (a progress bar: `scan 10%`): the line break first makes the mask start a line.
  // At worst an empty line in the log. One write: a pipe takes up to 4 KiB in one piece, which the command's output
  // cannot cut into.
  const line = Buffer.from(`\n::add-mask::${token}\n`)
  for (let written = 0; written < line.length;) {
    try {
      written += writeSync(fd, line, written)
    } catch (error) {
      // A non-blocking pipe that is full for a moment: try again, since the mask must not be lost.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}
