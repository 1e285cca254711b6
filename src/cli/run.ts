import { parseArgs } from 'node:util'
import { ActionError, describeError } from '../errors.js'
import { mintToken, type Log } from '../mint.js'
import { describeToken, tokenOutputs } from '../report.js'
import { DEFAULTS } from '../settings/defaults.js'
import { parseSettings, type InputName } from '../settings/settings.js'
import { VERSION } from '../version.js'

const EXIT = { minted: 0, refused: 1, usage: 2, transient: 3 } as const

export const USAGE = `Usage: token-mint --provider <sirdata|soda> [options]

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
  --env-name NAME          the variable name for --format env (default SIRDATA_TOKEN or SODA_TOKEN)
  --verbose                print each attempt: method, URL, status, timing
  -h, --help               this text
  --version                the version

Exit codes: 0 minted, 1 refused by the provider, 2 bad usage, 3 transient failure
(network, timeout, 429 or 5xx) after the last attempt.

Examples:
  SODA_USERNAME=me@example.com SODA_PASSWORD=... token-mint --provider soda --region us
  eval "$(token-mint --provider sirdata --partner-id 12345 --format env)"
`

/** Where the CLI writes: stdout for results, stderr for everything a person reads. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

// The CLI's options are the action's inputs, under the same names.
const INPUT_OPTIONS = [
  'provider',
  'partner-id',
  'region',
  'base-url',
  'timeout',
  'max-attempts',
  'min-validity',
  'env-name'
] as const

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo
): Promise<number> {
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    io.err(`error: ${describeError(error)}\n\n${USAGE}`)
    return EXIT.usage
  }
  if (args.help) {
    io.out(USAGE)
    return EXIT.minted
  }
  if (args.version) {
    io.out(`${VERSION}\n`)
    return EXIT.minted
  }
  const format = args.format ?? 'text'
  if (!['text', 'env', 'json'].includes(format)) {
    io.err(`error: --format must be one of: text, env, json (got '${format.slice(0, 40)}').\n`)
    return EXIT.usage
  }

  // Everything the core registers as a secret is redacted from whatever the CLI writes to stderr.
  const secrets: string[] = []
  const redact = (text: string) => secrets.reduce((line, secret) => line.split(secret).join('***'), text)
  const log: Log = {
    debug: message => (args.verbose ? io.err(`${redact(message)}\n`) : undefined),
    warning: message => io.err(`warning: ${redact(message)}\n`),
    secret: value => void secrets.push(value)
  }
  try {
    const raw: Partial<Record<InputName, string>> = {}
    for (const name of INPUT_OPTIONS) raw[name] = args[name]
    // Sealing belongs to workflow runs; credentials come from the environment only.
    const { settings, warnings } = parseSettings(raw, env)
    if (settings.mode !== 'mint') throw new Error('sealed tokens are for GitHub Actions workflow runs only')
    for (const warning of warnings) log.warning(warning)

    const { token: issued } = await mintToken(settings, { log, attempt: { timeoutSetting: '--timeout' } })

    const outputs = tokenOutputs(issued)
    if (format === 'json') io.out(`${JSON.stringify(outputs, null, 2)}\n`)
    else if (format === 'env')
      io.out(`export ${settings.envName ?? settings.provider.envName}=${shellQuote(issued.token)}\n`)
    else io.out(`${describeToken(issued)}\n`)
    return EXIT.minted
  } catch (error) {
    io.err(`error: ${redact(describeError(error))}\n`)
    return error instanceof ActionError ? error.exitCode : EXIT.refused
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      ...(Object.fromEntries(INPUT_OPTIONS.map(name => [name, { type: 'string' }])) as Record<
        (typeof INPUT_OPTIONS)[number],
        { type: 'string' }
      >),
      format: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' }
    }
  }).values
}

/** Single quotes survive any token in sh, bash and zsh; a quote inside becomes '\''. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}
