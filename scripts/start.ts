// npm start [-- --provider soda --region us --partner-id 777 --debug]
//
// Shows the action working with no network and no credentials: starts the fake provider on 127.0.0.1, runs the
// committed dist/index.js exactly as the runner would (inputs as INPUT_*, the runner's output, env and summary
// files), and prints what a workflow would see, masked values as ***. Then the sealed hand-off between two jobs,
// and the command-line entry point, plain and with exec, with the same options.
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { runAction, runCliProcess, type ActionRun, type ProcessRun } from '../__fixtures__/run-action.js'

const { values: args } = parseArgs({
  options: {
    provider: { type: 'string', multiple: true },
    region: { type: 'string' },
    'partner-id': { type: 'string' },
    debug: { type: 'boolean' }
  }
})

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const indent = (lines: string[]) => lines.map(line => `    ${line}`).join('\n')

/** The step's log as the runner displays it: commands turned into annotations, masked values as ***. */
function runnerLog(run: ActionRun): string[] {
  const masks: string[] = []
  const shown: string[] = []
  for (const line of run.stdout.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (command?.[1] === 'add-mask') masks.push(command[2] as string)
    else if (command?.[1] === 'debug') {
      if (args.debug) shown.push(`##[debug]${command[2]}`)
    } else if (command?.[1] === 'warning') shown.push(`Warning: ${command[2]}`)
    else if (command?.[1] === 'error') shown.push(`Error: ${command[2]}`)
    else if (line !== '') shown.push(line)
  }
  return shown.map(line => masks.reduce((text, secret) => text.split(secret).join('***'), line))
}

/** The job summary's HTML (heading, table, paragraph), as text. */
function summaryText(html: string): string[] {
  const text = (cell: string) =>
    cell
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  const title = /<h3>(.*?)<\/h3>/.exec(html)?.[1]
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) => text(cell ?? ''))
  )
  // A header row naming each fact over a row of values, or one row per fact.
  const [labels, values] = /^<tr><th/.test(/<tr>.*?<\/tr>/.exec(html)?.[0] ?? '') ? rows : []
  const facts = labels && values ? labels.map((label, i) => [label, values[i] ?? '']) : rows
  const paragraph = /<p>(.*?)<\/p>/.exec(html)?.[1]
  return title
    ? [text(title), ...facts.map(([fact, value]) => `${fact}: ${value}`), ...(paragraph ? [text(paragraph)] : [])]
    : []
}

function show(title: string, inputs: Record<string, string>, run: ActionRun, secrets: string[]) {
  const masked = (value: string) => (secrets.includes(value) ? '***' : value)
  console.log(bold(`\n▶ ${title}`))
  console.log(
    indent([
      'with:',
      ...Object.entries(inputs).map(([name, value]) => `  ${name}: ${secrets.includes(value) ? '***' : value}`)
    ])
  )
  console.log(`  Log (exit code ${run.code}):\n${indent(runnerLog(run))}`)
  if (Object.keys(run.outputs).length > 0) {
    console.log(
      `  Outputs:\n${indent(Object.entries(run.outputs).map(([name, value]) => `${name}: ${masked(value)}`))}`
    )
  }
  if (Object.keys(run.env).length > 0) {
    console.log(
      `  Exported for later steps:\n${indent(Object.entries(run.env).map(([name, value]) => `${name}=${masked(value)}`))}`
    )
  }
  const summary = summaryText(run.summary)
  if (summary.length > 0) console.log(`  Job summary:\n${indent(summary)}`)
}

function inputsFor(fake: FakeProvider, provider: string): Record<string, string> {
  return {
    provider,
    ...(provider === 'sirdata' ? { 'partner-id': args['partner-id'] ?? fake.credentials.partnerId } : {}),
    ...(provider === 'soda' && args.region ? { region: args.region } : {}),
    username: fake.credentials.username,
    password: fake.credentials.password,
    'base-url': provider === 'sirdata' ? fake.roots.sirdata : provider === 'soda' ? fake.roots.soda : fake.origin
  }
}

/** The CLI's flags for the same run as the action's (the options given to npm start), credentials in its environment. */
function cliFlags(fake: FakeProvider, provider: string) {
  const sirdata = provider === 'sirdata'
  const flags = [
    '--provider',
    provider,
    ...(sirdata ? ['--partner-id', args['partner-id'] ?? fake.credentials.partnerId] : []),
    ...(args.region ? ['--region', args.region] : [])
  ]
  const [user, password] = sirdata ? ['SIRDATA_LOGIN', 'SIRDATA_PASSWORD'] : ['SODA_USERNAME', 'SODA_PASSWORD']
  return {
    flags,
    run: [...flags, '--base-url', sirdata ? fake.roots.sirdata : provider === 'soda' ? fake.roots.soda : fake.origin],
    env: { [user]: fake.credentials.username, [password]: fake.credentials.password },
    shown: `${user}=… ${password}=…`,
    envName: sirdata ? 'SIRDATA_TOKEN' : 'SODA_TOKEN'
  }
}

// The command `token-mint exec` runs in the demo: it says what it was handed, not the token itself.
const REPORT_TOKEN = `const [name] = process.argv.slice(1), token = process.env[name]
console.log(token ? 'the command sees ' + name + ' (' + token.length + ' characters); no password: ' +
  !Object.keys(process.env).some(v => v.endsWith('_PASSWORD')) : name + ' is not set')`

function showCli(title: string, run: ProcessRun) {
  console.log(bold(`\n▶ Command line: ${title}`))
  console.log(
    indent([
      ...(run.stdout ? run.stdout.trimEnd().split('\n') : []),
      ...(run.stderr ? run.stderr.trimEnd().split('\n') : []),
      `(exit code ${run.code})`
    ])
  )
}

const fake = await startFakeProvider({ credentials: args['partner-id'] ? { partnerId: args['partner-id'] } : {} })
// One workflow run, as the runner names it; the sealed hand-off is bound to it.
const workflowRun = { GITHUB_REPOSITORY: 'your-org/data-pipelines', GITHUB_RUN_ID: '4242424242' }
try {
  console.log(`Fake provider (both documented contracts) on ${fake.origin}; running dist/index.js as the runner would.`)
  const secrets = () => [fake.credentials.password, ...fake.tokens]
  for (const provider of args.provider ?? ['sirdata', 'soda']) {
    const inputs = inputsFor(fake, provider)
    show(`uses: ./  (provider: ${provider})`, inputs, await runAction(inputs, workflowRun), secrets())
  }

  const sealKey = randomBytes(32).toString('base64')
  const mintInputs = { ...inputsFor(fake, 'soda'), 'seal-key': sealKey }
  const minted = await runAction(mintInputs, workflowRun)
  show('Job "mint": uses: ./ with seal-key', mintInputs, minted, [...secrets(), sealKey])
  const unsealInputs = { 'sealed-token': minted.outputs['sealed-token'] ?? '', 'seal-key': sealKey }
  show(
    'Job "checks" (a later job of the same run): uses: ./ with sealed-token; no request to the provider',
    unsealInputs,
    await runAction(unsealInputs, workflowRun),
    [...secrets(), sealKey]
  )

  const cli = cliFlags(fake, args.provider?.[0] ?? 'soda')
  showCli(`${cli.shown} token-mint ${cli.flags.join(' ')} --base-url …`, await runCliProcess(cli.run, cli.env))
  const command = [process.execPath, '-e', REPORT_TOKEN, cli.envName]
  showCli(
    `${cli.shown} token-mint exec ${cli.flags.join(' ')} --base-url … -- node -e "<report ${cli.envName}>"`,
    await runCliProcess(['exec', ...cli.run, '--', ...command], cli.env)
  )
  console.log(
    `\n${fake.requests.length} requests reached the fake provider. Try: npm start -- --provider soda --region us`
  )
} finally {
  await fake.close()
}
