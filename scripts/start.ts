// npm start [-- --provider soda --region us --partner-id 777 --debug]
//
// Shows the action working with no network and no credentials: starts the fake provider on 127.0.0.1, runs the
// committed dist/index.js exactly as the runner would (inputs as INPUT_*, the runner's output, env and summary
// files), and prints what a workflow would see, masked values as ***. Then the sealed hand-off between two jobs,
// and the command-line entry point.
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'
import { runAction, runCliProcess, type ActionRun } from '../__fixtures__/run-action.js'

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

/** The job summary's HTML table, as text. */
function summaryText(html: string): string[] {
  const title = /<h3>(.*?)<\/h3>/.exec(html)?.[1]
  const rows = [...html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map(
    ([, fact, value]) => `${fact}: ${value}`
  )
  return title ? [title, ...rows] : []
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

  const cli = await runCliProcess(['--provider', 'soda', '--base-url', fake.roots.soda], {
    SODA_USERNAME: fake.credentials.username,
    SODA_PASSWORD: fake.credentials.password
  })
  console.log(bold('\n▶ Command line: SODA_USERNAME=… SODA_PASSWORD=… token-mint --provider soda --base-url …'))
  console.log(
    indent([
      ...cli.stdout.trimEnd().split('\n'),
      ...(cli.stderr ? cli.stderr.trimEnd().split('\n') : []),
      `(exit code ${cli.code})`
    ])
  )
  console.log(
    `\n${fake.requests.length} requests reached the fake provider. Try: npm start -- --provider soda --region us`
  )
} finally {
  await fake.close()
}
