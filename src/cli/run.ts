import { setTimeout as sleep } from 'node:timers/promises'
import { ActionError, InputError, describeError } from '../errors.js'
import { mintToken, type Log } from '../mint.js'
import { neutraliseLine } from '../outside-text.js'
import { generateSealKey } from '../seal-key.js'
import { describeToken, tokenOutputs } from '../report.js'
import { DEFAULTS } from '../settings/defaults.js'
import { parseSettings, type MintSettings } from '../settings/settings.js'
import type { IssuedToken } from '../token.js'
import { VERSION } from '../version.js'
import { INPUT_FLAGS, readArgs, type Format, type InputFlag, type KeepFresh } from './args.js'
import { commandEnv, runCommand } from './exec.js'
import { execKeepingFresh } from './keep-fresh.js'
import { flagProblem, flagWarning } from './wording.js'

const EXIT = { minted: 0, refused: 1, usage: 2, transient: 3 } as const

export const USAGE = `Usage: token-mint --provider <sirdata|soda> [options]
       token-mint exec --provider <sirdata|soda> [options] -- <command> [args...]
       token-mint keygen
       token-mint exec --keep-fresh --provider <sirdata|soda> [options] -- <command> [args...]

Mints a short-lived Sirdata or Soda Cloud API token with the same code, checks and
messages as the token-mint-action GitHub Action, for other CI systems and laptops.

Credentials come from the environment, never from arguments, which leak into shell
history and process lists:
  sirdata  SIRDATA_LOGIN and SIRDATA_PASSWORD (SIRDATA_PARTNER_ID if no --partner-id)
  soda     SODA_USERNAME and SODA_PASSWORD

Options:
  --provider NAME          sirdata or soda (required)
  --partner-id ID          Sirdata partner id, digits only
  --region REGION          Soda Cloud region: eu (default) or us
  --base-url URL           replaces the provider's API root (https://, or http:// to loopback)
  --timeout SECONDS        one attempt, from connecting to the last byte (default ${DEFAULTS.timeoutSeconds})
  --max-attempts N         attempts on transient failures (default ${DEFAULTS.maxAttempts})
  --min-validity SECONDS   fail if the token has less lifetime than this (default ${DEFAULTS.minValiditySeconds})
  --format FORMAT          text (default): expiry and account, never the token
                           env: export NAME='token' lines, for eval
                           json: every output as JSON, token included
  --env-name NAME          the token's variable for --format env and exec
                           (default SIRDATA_TOKEN or SODA_TOKEN)
  --keep-fresh             exec only: keep a current token in a file while the command runs
  --refresh-every SECONDS  with --keep-fresh: mint at least this often; required when the
                           provider does not say when its tokens expire
  --verbose                print each attempt: method, URL, status, timing
  -h, --help               this text
  --version                the version

exec: mints, then runs the command with the token in its environment, and never
prints the token. The command gets this environment, less SIRDATA_PASSWORD or
SODA_PASSWORD (the password of the provider used: it has the token instead), plus
the token as SIRDATA_TOKEN or SODA_TOKEN (or --env-name), the name the action
exports. No shell runs it: write sh -c '...' for pipes or $VARIABLES. SIGINT,
SIGTERM and SIGHUP are passed on to it. If the mint fails, it does not run.
On Windows, run a .cmd or .bat (npm, npx) through cmd: -- cmd /c npm test.
--format does not apply.

keygen: prints a new seal-key for the action (32 random bytes, base64), in the
form its seal-key input accepts: store it as a secret, as it is.

exec --keep-fresh: for commands that outlive a token. The command also gets
SODA_TOKEN_FILE (or SIRDATA_TOKEN_FILE, <env-name>_FILE), the path of a file that
always holds the current token, and <env-name>_HEADER_FILE, a file holding the
header line that carries it, for curl -H @"$SODA_TOKEN_HEADER_FILE". A new token is
minted once the current one has less than max(min-validity, a third of its lifetime)
left, and replaces the file atomically. Under GitHub Actions each token is masked
(::add-mask:: on stderr) before the file holds it. A refused refresh is reported
once; the file is then removed when its token expires. The directory is removed
when the command ends.

Exit codes: 0 minted, 1 refused by the provider, 2 bad usage, 3 transient failure
(network, timeout, 429 or 5xx) after the last attempt. With exec, once the command
ran: its exit code, or 128+N if signal N ended it; 127 if it was not found, 126
if it could not be started.

Examples:
  SODA_USERNAME=me@example.com SODA_PASSWORD=... token-mint --provider soda --region us
  eval "$(token-mint --provider sirdata --partner-id 12345 --format env)"
  token-mint exec --provider soda --region us -- ./soda-report.sh --since yesterday
  GitLab CI job, SODA_USERNAME and SODA_PASSWORD set as masked CI/CD variables:
    script: npx --yes github:your-org/token-mint-action#<commit-sha> exec --provider soda -- ./soda-report.sh
`

/** Where the CLI writes: stdout for results, stderr for everything a person reads. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
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
      io.out(USAGE)
      return EXIT.minted
    case 'version':
      io.out(`${VERSION}\n`)
      return EXIT.minted
    case 'keygen':
      io.out(`${generateSealKey()}\n`)
      return EXIT.minted
    case 'mint':
      return mintThen(invocation.flags, invocation.verbose, { format: invocation.format }, env, io)
    case 'exec':
      return mintThen(invocation.flags, invocation.verbose, invocation, env, io)
  }
}

async function mintThen(flags: Flags, verbose: boolean, then: Then, env: Env, io: CliIo): Promise<number> {
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
    settings = readSettings(flags, env, log)
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
    io.out(formatToken(issued, then.format, envName))
    return EXIT.minted
  }
  if (verbose) io.err(`${describeToken(issued)}\n`)
  const passwords = Object.values(settings.provider.inputs).flatMap(input => (input.secret && input.env) || [])
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
      err
    })
  }
  return runCommand(then.command, commandEnv(env, { [envName]: issued.token }, passwords), err)
}

/** A refresh for --keep-fresh: the same request and checks, cut short (sleeps included) once the command ends. */
async function mintAgain(settings: MintSettings, log: Log, cancel: AbortSignal): Promise<IssuedToken> {
  const retry = { sleep: (ms: number) => sleep(ms, undefined, { signal: cancel }) }
  return (await mintToken(settings, { log, attempt: { timeoutSetting: '--timeout', cancel }, retry })).token
}

/** The flags and the credential variables, validated; sealing belongs to workflow runs. */
function readSettings(flags: Flags, env: Env, log: Log): MintSettings {
  const raw = Object.fromEntries(INPUT_FLAGS.map(name => [name, flags[name]]))
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
