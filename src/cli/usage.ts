import { providers as registry } from '../providers/index.js'
import type { Provider } from '../providers/provider.js'
import { DEFAULTS } from '../settings/defaults.js'
import { INPUT_FLAGS } from './args.js'
import { secretVariables } from './exec.js'
import { both, either } from './lists.js'

// The --help text, written from the provider declarations: their names, titles, regions, credential variables,
// default variable names and example values. A provider added to the registry shows up here with nothing to edit.

const WIDTH = 82

/** The usage text for these providers (the registry's, unless a test declares others). */
export function usageText(providers: readonly Provider[] = Object.values(registry)): string {
  const names = providers.map(provider => provider.name)
  const choice = `<${names.join('|')}>`
  return `Usage: token-mint --provider ${choice} [options]
       token-mint exec --provider ${choice} [options] -- <command> [args...]
       token-mint exec --keep-fresh --provider ${choice} [options] -- <command> [args...]
       token-mint keygen

${wrap(`Mints a short-lived ${either(providers.map(p => p.title))} API token with the same code, checks and messages as the token-mint-action GitHub Action, for other CI systems and laptops.`)}

Credentials come from the environment, never from arguments, which leak into shell
history and process lists:
${credentialLines(providers).join('\n')}
or, with --password-stdin, the password from stdin (a pipe or a file, read to its
end).

Options:
${optionLines(providers).join('\n')}

${wrap(`exec: mints, then runs the command with the token in its environment, and never prints the token. The command gets this environment, less ${either(secretVariables(providers))} (every provider's password: it has the token instead), plus the token as ${either(providers.map(p => p.envName))} (or --env-name), the name the action exports. No shell runs it: write sh -c '...' for pipes or $VARIABLES. SIGINT, SIGTERM, SIGHUP and SIGQUIT are passed on to it. If the mint fails, it does not run.`)}
On Windows, run a .cmd or .bat (npm, npx) through cmd: -- cmd /c npm test.
--format does not apply. exec keeps the password from tools that read their
environment; it is no sandbox: code of the same user can read token-mint's own
environment (/proc/$PPID/environ on Linux), so use --password-stdin to keep the
password out of it.

${wrap(`exec --keep-fresh: for commands that outlive a token. The command also gets ${either(providers.map(p => `${p.envName}_FILE`))} (<env-name>_FILE), the path of a file that always holds the current token, and <env-name>_HEADER_FILE, a file holding the header line that carries it, for curl -H @"$${first(providers).envName}_HEADER_FILE". A new token is minted once the current one has less than max(min-validity, a third of its lifetime) left, and replaces the file atomically. Under GitHub Actions each token is masked (::add-mask:: on stderr) before the file holds it. A transient failure of a refresh is retried until the command ends; while no live token exists the file is absent. A refused refresh is reported once; the file is then removed when its token expires. The directory is removed when the command ends.`)}

keygen: prints a new seal-key for the action (32 random bytes, base64), in the
form its seal-key input accepts: store it as a secret, as it is.

Exit codes: 0 minted, 1 refused by the provider, 2 bad usage, 3 transient failure
(network, timeout, 429 or 5xx) after the last attempt. With exec, once the command
ran: its exit code, or 128+N if signal N ended it; 127 if it was not found, 126
if it could not be started.

Examples:
${exampleLines(providers).join('\n')}
`
}

/** Per provider, the variables its credentials come from, and those that a flag can stand in for. */
function credentialLines(providers: readonly Provider[]): string[] {
  const width = Math.max(...providers.map(provider => provider.name.length)) + 2
  return providers.map(provider => {
    const inputs = Object.entries(provider.inputs).filter(([, input]) => input.env)
    const fromEnv = inputs.filter(([name]) => !isFlag(name)).map(([, input]) => input.env as string)
    const orFlag = inputs.filter(([name]) => isFlag(name)).map(([name, input]) => `${input.env} if no --${name}`)
    const also = orFlag.length > 0 ? ` (${orFlag.join(', ')})` : ''
    return `  ${provider.name.padEnd(width)}${both(fromEnv)}${also}`
  })
}

function optionLines(providers: readonly Provider[]): string[] {
  const option = (flag: string, text: string) => `  ${flag.padEnd(25)}${text}`
  const providerFlags = providers.flatMap(provider =>
    Object.entries(provider.inputs)
      .filter(([name]) => isFlag(name))
      .map(([name, input]) => option(`--${name} ${input.flag?.value ?? 'VALUE'}`, input.flag?.about ?? provider.title))
  )
  const regions = providers
    .filter(provider => Object.keys(provider.regions).length > 1)
    .map(provider => {
      const others = Object.keys(provider.regions).filter(region => region !== provider.defaultRegion)
      return `${provider.title} region: ${provider.defaultRegion} (default) or ${others.join(' or ')}`
    })
  return [
    option('--provider NAME', `${either(providers.map(provider => provider.name))} (required)`),
    ...providerFlags,
    ...regions.map((text, i) => option(i === 0 ? '--region REGION' : '', text)),
    option('--base-url URL', "replaces the provider's API root (https://, or http:// to loopback)"),
    option('--timeout SECONDS', `one attempt, from connecting to the last byte (default ${DEFAULTS.timeoutSeconds})`),
    option('--max-attempts N', `attempts on transient failures (default ${DEFAULTS.maxAttempts})`),
    option(
      '--min-validity SECONDS',
      `fail if the token has less lifetime than this (default ${DEFAULTS.minValiditySeconds})`
    ),
    option('--format FORMAT', 'text (default): expiry and account, never the token'),
    option('', "env: export NAME='token' lines, for eval"),
    option('', 'json: every output as JSON, token included'),
    option('--env-name NAME', "the token's variable for --format env and exec"),
    option('', `(default ${either(providers.map(provider => provider.envName))})`),
    option('--password-stdin', `read the password from stdin instead of ${either(secretVariables(providers))},`),
    option('', 'which must then be unset'),
    option('--keep-fresh', 'exec only: keep a current token in a file while the command runs'),
    option('--refresh-every SECONDS', 'with --keep-fresh: mint at least this often; required when the'),
    option('', 'provider does not say when its tokens expire'),
    option('--verbose', 'print each attempt: method, URL, status, timing'),
    option('-h, --help', 'this text'),
    option('--version', 'the version')
  ]
}

/**
 * One example per way of running: credentials set inline with a region (a provider with regions to choose from),
 * flags for eval (a provider with a flag of its own), exec, and a CI job that keeps credentials in its variables.
 */
function exampleLines(providers: readonly Provider[]): string[] {
  const [first] = providers
  if (!first) return []
  const regional = providers.find(provider => Object.keys(provider.regions).length > 1) ?? first
  const flagged = providers.find(provider => Object.keys(provider.inputs).some(isFlag)) ?? first
  const region = Object.keys(regional.regions).find(name => name !== regional.defaultRegion)
  const chosen = (provider: Provider, extra = '') =>
    `--provider ${provider.name}${extra}${Object.entries(provider.inputs)
      .filter(([name]) => isFlag(name))
      .map(([name, input]) => ` --${name} ${input.example ?? '...'}`)
      .join('')}`
  const regionFlag = region ? ` --region ${region}` : ''
  // The password is typed, not written on the command line, where the shell's history would keep it.
  const typed = Object.values(regional.inputs).flatMap(input => (input.env && input.secret ? [input.env] : []))
  const inline = Object.values(regional.inputs)
    .filter(input => input.env && !input.secret)
    .map(input => `${input.env}=${input.example ?? '...'} `)
    .join('')
  const script = `./${regional.name}-report.sh`
  return [
    ...typed.map(variable => `  read -rs ${variable} && export ${variable}`),
    `  ${inline}token-mint ${chosen(regional, regionFlag)}`,
    // Captured first, as docs/cli.md shows: inside eval "$(…)" a failed mint's exit code is lost.
    `  line=$(token-mint ${chosen(flagged)} --format env)`,
    '  eval "$line"',
    `  token-mint exec ${chosen(regional, regionFlag)} -- ${script} --since yesterday`,
    `  GitLab CI job, ${both(credentialVariables(regional))} set as masked CI/CD variables:`,
    `    script: npx --yes github:your-org/token-mint-action#COMMIT_SHA exec ${chosen(regional)} -- ${script}`
  ]
}

function first(providers: readonly Provider[]): Provider {
  return providers[0] as Provider
}

function isFlag(input: string): boolean {
  return (INPUT_FLAGS as readonly string[]).includes(input)
}

function credentialVariables(provider: Provider): string[] {
  return Object.entries(provider.inputs).flatMap(([name, input]) => (input.env && !isFlag(name) ? [input.env] : []))
}

/** Fills lines up to WIDTH characters, breaking between words. */
function wrap(text: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  return [...lines, line].join('\n')
}
