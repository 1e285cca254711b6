// npm run fake-provider [-- --provider soda --port 8765 --lifetime 20 --fail 401]   (--help for all)
//
// Serves the providers' documented token endpoints on 127.0.0.1 until stopped, for trying the action or the CLI
// without real credentials (the repository's end-to-end workflow uses it through base-url), and prints the inputs
// and flags that point them at it.
import { parseArgs } from 'node:util'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'

/** How each provider is pointed at the fake: one row per provider, so a new one is one more entry. */
const PROVIDERS: Record<string, { env: [string, string]; inputs(fake: FakeProvider): Record<string, string> }> = {
  sirdata: {
    env: ['SIRDATA_LOGIN', 'SIRDATA_PASSWORD'],
    inputs: fake => ({ 'partner-id': fake.credentials.partnerId, 'base-url': fake.roots.sirdata })
  },
  soda: {
    env: ['SODA_USERNAME', 'SODA_PASSWORD'],
    inputs: fake => ({ 'base-url': fake.roots.soda })
  }
}
const FAILURES = ['401', '403', '429', '503']

const HELP = `Usage: npm run fake-provider -- [options]

Serves the token endpoints of ${Object.keys(PROVIDERS).join(' and ')} on 127.0.0.1 until stopped (Ctrl-C), and
prints the inputs and flags that point the action and the token-mint CLI at it.

Options:
  --provider NAME     print the settings for this provider only (${Object.keys(PROVIDERS).join(', ')})
  --port N            listen on this port (default 8765; 0 takes a free one)
  --lifetime SECONDS  how long each token lives (default: 3600 for sirdata, 1800 for soda)
  --fail STATUS       refuse every token request with ${FAILURES.join(', ')}
  --username TEXT     the username it accepts (default demo@example.com)
  --password TEXT     the password it accepts (default demo-password)
  --partner-id ID     the Sirdata partner id it accepts (default 12345)
  -h, --help          show this help
`

interface Options {
  readonly providers: string[]
  readonly port: number
  readonly lifetime?: number
  readonly fail?: number
  readonly credentials: { partnerId: string; username: string; password: string }
}

/** The options, or the one sentence that says what is wrong with them. */
export function readOptions(argv: string[]): Options | { help: true } | { problem: string } {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        provider: { type: 'string' },
        port: { type: 'string', default: '8765' },
        lifetime: { type: 'string' },
        fail: { type: 'string' },
        'partner-id': { type: 'string', default: '12345' },
        username: { type: 'string', default: 'demo@example.com' },
        password: { type: 'string', default: 'demo-password' },
        help: { type: 'boolean', short: 'h' }
      }
    }))
  } catch (error) {
    return { problem: `${((error as Error).message.split('\n')[0] as string).replace(/\.?$/, '.')}` }
  }
  if (values.help) return { help: true }
  if (values.provider !== undefined && !(values.provider in PROVIDERS)) {
    return { problem: `--provider must be one of ${Object.keys(PROVIDERS).join(', ')} (got '${values.provider}').` }
  }
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
    return { problem: `--port must be a port number, 0 to 65535 (got '${values.port}').` }
  }
  if (values.lifetime !== undefined && !/^[1-9]\d{0,5}$/.test(values.lifetime)) {
    return { problem: `--lifetime must be a whole number of seconds, 1 or more (got '${values.lifetime}').` }
  }
  if (values.fail !== undefined && !FAILURES.includes(values.fail)) {
    return { problem: `--fail must be one of ${FAILURES.join(', ')} (got '${values.fail}').` }
  }
  return {
    providers: values.provider ? [values.provider] : Object.keys(PROVIDERS),
    port: Number(values.port),
    ...(values.lifetime ? { lifetime: Number(values.lifetime) } : {}),
    ...(values.fail ? { fail: Number(values.fail) } : {}),
    credentials: { partnerId: values['partner-id'], username: values.username, password: values.password }
  }
}

/** What to paste: the action's inputs (a .env for npm run local-action, and `with:`), then the CLI's command. */
export function pointers(fake: FakeProvider, options: Options): string[] {
  const { username, password } = fake.credentials
  const lines = [`Fake provider on ${fake.origin}`]
  if (options.lifetime) lines.push(`  tokens live ${options.lifetime} s`)
  if (options.fail) lines.push(`  every token request is refused with HTTP ${options.fail}`)
  for (const name of options.providers) {
    const inputs = { provider: name, username, password, ...PROVIDERS[name]?.inputs(fake) }
    const flags = Object.entries(inputs)
      .filter(([input]) => input !== 'username' && input !== 'password')
      .map(([input, value]) => `--${input} ${value}`)
      .join(' ')
    const [userVariable, passwordVariable] = PROVIDERS[name]?.env ?? []
    lines.push(
      '',
      `${name}: the action's inputs (a .env for npm run local-action; the same names under with:)`,
      ...Object.entries(inputs).map(([input, value]) => `  INPUT_${input}=${value}`),
      `${name}: the command line`,
      `  ${userVariable}=${username} ${passwordVariable}=${password} token-mint ${flags}`
    )
  }
  return lines
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2))
  if ('help' in options) return void process.stdout.write(HELP)
  if ('problem' in options) {
    process.stderr.write(`fake-provider: ${options.problem} See --help.\n`)
    process.exit(2)
  }
  const fake = await startFakeProvider({
    port: options.port,
    credentials: options.credentials,
    ...(options.lifetime ? { tokenLifetimeSeconds: options.lifetime } : {}),
    ...(options.fail ? { failWith: options.fail } : {})
  })
  console.log(pointers(fake, options).join('\n'))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void fake.close().then(() => process.exit(0)))
  }
}

if (process.argv[1]?.endsWith('fake-provider.js')) await main()
