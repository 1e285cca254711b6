import { setTimeout as sleep } from 'node:timers/promises'
import { ActionError, InputError, describeError } from '../errors.js'
import { mintToken, type Log } from '../mint.js'
import { neutraliseLine } from '../outside-text.js'
import { generateSealKey } from '../seal-key.js'
import { describeToken, tokenOutputs } from '../report.js'
import { parseSettings, type MintSettings } from '../settings/settings.js'
import type { IssuedToken } from '../token.js'
import { VERSION } from '../version.js'
import { INPUT_FLAGS, readArgs, type Format, type InputFlag, type KeepFresh } from './args.js'
import { commandEnv, runCommand, secretVariables } from './exec.js'
import { execKeepingFresh, MASK_SETTLE_MS, maskOnStderr } from './keep-fresh.js'
import { readPasswordStdin, type PasswordInput } from './stdin.js'
import { usageText } from './usage.js'
import { flagProblem, flagWarning, providerNamed } from './wording.js'

const EXIT = { minted: 0, refused: 1, usage: 2, transient: 3 } as const

/** Where the CLI writes: stdout for results, stderr for everything a person reads; and stdin, for --password-stdin. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  readonly stdin?: PasswordInput
  /** Registers a token with the runner's masking, under GitHub Actions; maskOnStderr when not given. */
  readonly mask?: (token: string) => void
}

type Env = Readonly<Record<string, string | undefined>>
type Flags = Readonly<Partial<Record<InputFlag, string>>>
/** What to do with the token once minted: print it in a format, or hand it to a command. */
type Then =
  { readonly format: Format } | { readonly command: readonly [string, ...string[]]; readonly keepFresh?: KeepFresh }

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const code = await runInvocation(argv, env, io)
  // `eval "$(token-mint ... --format env)"` loses the exit code inside $(...), so a failed mint would leave the
  // script running with no token. In its place stdout gets `false`, which makes the eval fail (and `set -e` stop).
  // Nothing else: a failure never prints a token, and names it might print are unchecked.
  if (code !== EXIT.minted && asksForEnvFormat(argv)) io.out('false\n')
  return code
}

/** Whether the arguments ask for `--format env`, read without trusting them to be valid usage. */
export function asksForEnvFormat(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  const options = end === -1 ? argv : argv.slice(0, end)
  return options.some((arg, i) => arg === '--format=env' || (arg === '--format' && options[i + 1] === 'env'))
}

async function runInvocation(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const invocation = readArgs(argv)
  if ('problem' in invocation) {
    io.err(`error: ${neutraliseLine(invocation.problem)}\n`)
    return EXIT.usage
  }
  switch (invocation.kind) {
    case 'help':
      io.out(usageText())
      return EXIT.minted
    case 'version':
      io.out(`${VERSION}\n`)
      return EXIT.minted
    case 'keygen':
      io.out(`${generateSealKey()}\n`)
      return EXIT.minted
  }
  let password: string | undefined
  if (invocation.passwordStdin) {
    const read = io.stdin
      ? await readPasswordStdin(io.stdin, invocation.flags, env)
      : { problem: '--password-stdin has no stdin to read: see --help.' }
    if ('problem' in read) {
      io.err(`error: ${neutraliseLine(read.problem)}\n`)
      return EXIT.usage
    }
    password = read.password
  }
  const then: Then = invocation.kind === 'mint' ? { format: invocation.format } : invocation
  return mintThen(invocation.flags, invocation.verbose, then, env, io, password)
}

async function mintThen(
  flags: Flags,
  verbose: boolean,
  then: Then,
  env: Env,
  io: CliIo,
  password?: string
): Promise<number> {
  // Everything the CLI writes to stderr is neutralised (a CI system's runner reads commands there too: ##[ in a
  // plain line), then everything the core registered as a secret is redacted from it.
  const secrets: string[] = []
  const redact = (text: string) =>
    secrets.reduce((line, secret) => line.split(secret).join('***'), neutraliseLine(text))
  const log: Log = {
    debug: message => (verbose ? io.err(`${redact(message)}\n`) : undefined),
    warning: message => io.err(`warning: ${redact(message)}\n`),
    secret: value => void secrets.push(value)
  }
  let settings: MintSettings
  let issued: IssuedToken
  try {
    settings = readSettings(flags, env, log, password)
    issued = (
      await mintToken(settings, { log, attempt: { timeoutSetting: '--timeout' }, setting: name => `--${name}` })
    ).token
  } catch (error) {
    const lines =
      error instanceof InputError
        ? error.problems.map(problem => flagProblem(problem, flags, env))
        : [describeError(error)]
    io.err(lines.map(line => `error: ${redact(line)}\n`).join(''))
    return error instanceof ActionError ? error.exitCode : EXIT.refused
  }
  const envName = settings.envName ?? settings.provider.envName
  if ('format' in then) {
    // The text format never prints the token, which stays in this process: there is nothing to mask.
    if (then.format !== 'text') await maskForRunner(issued.token, env, io)
    io.out(formatToken(issued, then.format, envName))
    return EXIT.minted
  }
  if (verbose) io.err(`${describeToken(issued)}\n`)
  const passwords = secretVariables()
  // Line by line: neutralising drops control characters, the line breaks between lines included.
  const err = (text: string) => io.err(text.split('\n').map(redact).join('\n'))
  if (then.keepFresh) {
    return execKeepingFresh(issued, {
      command: then.command,
      mint: cancel => mintAgain(settings, log, cancel),
      minValiditySeconds: settings.minValiditySeconds,
      refreshEverySeconds: then.keepFresh.refreshEverySeconds,
      envName,
      env,
      without: passwords,
      err,
      register: io.mask
    })
  }
  await maskForRunner(issued.token, env, io)
  return runCommand(then.command, commandEnv(env, { [envName]: issued.token }, passwords), err)
}

/**
 * Under GitHub Actions, where the step's output is the log: masks the token before it leaves this process, as
 * --keep-fresh does for each of its tokens. On stderr, since stdout may go to a file (`--format json > out.json`)
 * that must neither lose the mask nor receive it. Then the wait: the runner reads stdout and stderr on two pipes,
 * and a line carrying the token could overtake its mask on the other one. The formats wait too: their stdout may
 * be the log itself, and `eval "$(token-mint ... --format env)"` is followed at once by commands that may print.
 */
async function maskForRunner(token: string, env: Env, io: CliIo): Promise<void> {
  if (env.GITHUB_ACTIONS !== 'true') return
  ;(io.mask ?? maskOnStderr)(token)
  await sleep(MASK_SETTLE_MS)
}

/**
 * A refresh for --keep-fresh: the same request and checks, cut short once the command ends. One attempt: the keeper
 * retries on its own schedule until the command ends, and says once what became of the file, not each attempt.
 */
async function mintAgain(settings: MintSettings, log: Log, cancel: AbortSignal): Promise<IssuedToken> {
  const once = { ...settings, maxAttempts: 1 }
  return (await mintToken(once, { log, attempt: { timeoutSetting: '--timeout', cancel } })).token
}

/** The flags, the credential variables and a password from stdin, validated; sealing belongs to workflow runs. */
function readSettings(flags: Flags, env: Env, log: Log, password: string | undefined): MintSettings {
  // The password from stdin stands for the secret input of the provider the flags name.
  const secretInput = Object.entries(providerNamed(flags)?.inputs ?? {}).find(([, input]) => input.secret)?.[0]
  const raw = {
    ...Object.fromEntries(INPUT_FLAGS.map(name => [name, flags[name]])),
    [secretInput ?? 'password']: password
  }
  const { settings, warnings } = parseSettings(raw, env)
  if (settings.mode !== 'mint') throw new Error('sealed tokens are for GitHub Actions workflow runs only')
  for (const warning of warnings) log.warning(flagWarning(warning))
  return settings
}

function formatToken(issued: IssuedToken, format: Format, envName: string): string {
  if (format === 'json') return `${JSON.stringify(tokenOutputs(issued), null, 2)}\n`
  if (format === 'env') return `export ${envName}=${shellQuote(issued.token)}\n`
  return `${describeToken(issued)}\n`
}

/** Single quotes survive any token in sh, bash and zsh; a quote inside becomes '\''. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}
