import { ActionError, InputError, describeError } from '../errors.js'
import { mintToken, type Log } from '../mint.js'
import { describeToken, tokenOutputs } from '../report.js'
import { DEFAULTS } from '../settings/defaults.js'
import { parseSettings, type MintSettings } from '../settings/settings.js'
import type { IssuedToken } from '../token.js'
import { VERSION } from '../version.js'
import { INPUT_FLAGS, readArgs, type Format, type InputFlag } from './args.js'
import { commandEnv, runCommand } from './exec.js'
import { readPasswordStdin, type PasswordInput } from './stdin.js'
import { flagProblem, flagWarning } from './wording.js'

const EXIT = { minted: 0, refused: 1, usage: 2, transient: 3 } as const

export const USAGE = `Usage: token-mint --provider <sirdata|soda> [options]
       token-mint exec --provider <sirdata|soda> [options] -- <command> [args...]

Mints a short-lived Sirdata or Soda Cloud API token with the same code, checks and
messages as the token-mint-action GitHub Action, for other CI systems and laptops.

Credentials come from the environment, never from arguments, which leak into shell
history and process lists:
  sirdata  SIRDATA_LOGIN and SIRDATA_PASSWORD (SIRDATA_PARTNER_ID if no --partner-id)
  soda     SODA_USERNAME and SODA_PASSWORD
or, with --password-stdin, the password from stdin (a pipe or a file, read to its end).

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
  --password-stdin         read the password from stdin instead of SIRDATA_PASSWORD
                           or SODA_PASSWORD, which must then be unset
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
--format does not apply. exec keeps the password from tools that read their
environment; it is no sandbox: code of the same user can read token-mint's own
environment (/proc/$PPID/environ on Linux), so use --password-stdin to keep the
password out of it.

Exit codes: 0 minted, 1 refused by the provider, 2 bad usage, 3 transient failure
(network, timeout, 429 or 5xx) after the last attempt. With exec, once the command
ran: its exit code, or 128+N if signal N ended it; 127 if it was not found, 126
if it could not be started.

Examples:
  SODA_USERNAME=me@example.com SODA_PASSWORD=... token-mint --provider soda --region us
  eval "$(token-mint --provider sirdata --partner-id 12345 --format env)"
  token-mint exec --provider soda --region us -- ./soda-report.sh --since yesterday
  GitLab CI job, SODA_USERNAME and SODA_PASSWORD set as masked CI/CD variables:
    script: npx --yes @token-mint/cli exec --provider soda -- ./soda-report.sh
`

/** Where the CLI writes: stdout for results, stderr for everything a person reads; and stdin, for --password-stdin. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  readonly stdin?: PasswordInput
}

type Env = Readonly<Record<string, string | undefined>>
type Flags = Readonly<Partial<Record<InputFlag, string>>>
/** What to do with the token once minted: print it in a format, or hand it to a command. */
type Then = { readonly format: Format } | { readonly command: readonly [string, ...string[]] }

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const invocation = readArgs(argv)
  if ('problem' in invocation) {
    io.err(`error: ${invocation.problem}\n`)
    return EXIT.usage
  }
  switch (invocation.kind) {
    case 'help':
      io.out(USAGE)
      return EXIT.minted
    case 'version':
      io.out(`${VERSION}\n`)
      return EXIT.minted
  }
  let password: string | undefined
  if (invocation.passwordStdin) {
    const read = io.stdin
      ? await readPasswordStdin(io.stdin, invocation.flags, env)
      : { problem: '--password-stdin has no stdin to read: see --help.' }
    if ('problem' in read) {
      io.err(`error: ${read.problem}\n`)
      return EXIT.usage
    }
    password = read.password
  }
  const then: Then = invocation.kind === 'mint' ? { format: invocation.format } : { command: invocation.command }
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
  // Everything the core registers as a secret is redacted from whatever the CLI writes to stderr.
  const secrets: string[] = []
  const redact = (text: string) => secrets.reduce((line, secret) => line.split(secret).join('***'), text)
  const log: Log = {
    debug: message => (verbose ? io.err(`${redact(message)}\n`) : undefined),
    warning: message => io.err(`warning: ${redact(message)}\n`),
    secret: value => void secrets.push(value)
  }
  let settings: MintSettings
  let issued: IssuedToken
  try {
    settings = readSettings(flags, env, log, password)
    issued = (await mintToken(settings, { log, attempt: { timeoutSetting: '--timeout' } })).token
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
  return runCommand(then.command, commandEnv(env, { name: envName, value: issued.token }, passwords), text =>
    io.err(text)
  )
}

/** The flags, the credential variables and a password from stdin, validated; sealing belongs to workflow runs. */
function readSettings(flags: Flags, env: Env, log: Log, password: string | undefined): MintSettings {
  const raw = { ...Object.fromEntries(INPUT_FLAGS.map(name => [name, flags[name]])), password }
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
