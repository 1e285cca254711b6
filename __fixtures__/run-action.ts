import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'

/** The repository root: the nearest folder up from here with action.yml (this file also runs compiled, from .build/). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'action.yml'))) {
    if (dirname(dir) === dir) throw new Error('action.yml not found above __fixtures__')
    dir = dirname(dir)
  }
  return dir
}

/**
 * The bundles a process test starts: those the jest global set-up built from the current sources
 * (TOKEN_MINT_DIST), or else the committed dist/ (npm start, the benchmark).
 */
const DIST = process.env.TOKEN_MINT_DIST || join(repositoryRoot(), 'dist')
export const BUNDLE = join(DIST, 'index.js')
/** The cli action's bundle (cli/action.yml), which only puts the CLI on PATH. */
export const ON_PATH_BUNDLE = join(DIST, 'on-path/index.js')

export interface ActionRun extends ProcessRun {
  readonly outputs: Record<string, string>
  readonly env: Record<string, string>
  /** GITHUB_OUTPUT and GITHUB_ENV as written, byte for byte. */
  readonly files: { readonly output: string; readonly env: string }
  /** The directories added to GITHUB_PATH, one a line, as the runner reads them. */
  readonly path: string[]
  readonly summary: string
  readonly state: string
  /** Everything a secret must never appear in. */
  readonly everything: string
}

/**
 * Starts the bundle the way the runner does: `node dist/index.js`, inputs as INPUT_* variables
 * (the runner keeps hyphens: INPUT_PARTNER-ID), and the runner's command files, read back afterwards.
 * The environment is built from scratch so nothing from the test process leaks in. `bundle` is the action's by
 * default; ON_PATH_BUNDLE for the cli action.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  bundle = BUNDLE,
  launcher: readonly string[] = []
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  )
  try {
    const { code, stdout, stderr, lingerMs, chunks } = await runNode(
      [bundle],
      { GITHUB_ACTIONS: 'true', ...files, ...inputEnv, ...env },
      undefined,
      launcher
    )
    const read = (file: string) => readFileSync(file, 'utf8')
    const [outputs, exported, path, summary, state] = [
      files.GITHUB_OUTPUT,
      files.GITHUB_ENV,
      files.GITHUB_PATH,
      files.GITHUB_STEP_SUMMARY,
      files.GITHUB_STATE
    ].map(read) as [string, string, string, string, string]
    return {
      code,
      stdout,
      stderr,
      lingerMs,
      chunks,
      outputs: parseFileCommands(outputs),
      env: parseFileCommands(exported),
      files: { output: outputs, env: exported },
      path: path.split(/\r?\n/).filter(line => line !== ''),
      summary,
      state,
      everything: [stdout, stderr, summary, state].join('\n')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Reads GITHUB_OUTPUT / GITHUB_ENV as the runner does: `name=value` when the line's first `=` comes before any
 * `<<`, else `name<<delimiter`, value lines, `delimiter`. Any other line is an error, as it is for the runner.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      values[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    const end = heredoc > 0 ? lines.indexOf(line.slice(heredoc + 2), i + 1) : -1
    if (end < 0) throw new Error(`the runner cannot read this line of a file command: ${JSON.stringify(line)}`)
    values[line.slice(0, heredoc)] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return values
}

/** The workflow commands (::name::message) in a process's stdout, in order. */
export function workflowCommands(stdout: string): { command: string; message: string }[] {
  return [...stdout.matchAll(/^::([a-z-]+)(?: [^:]*)?::(.*)$/gm)].map(match => ({
    command: match[1] as string,
    message: match[2] as string
  }))
}

export const CLI_BUNDLE = join(DIST, 'cli/index.js')

export interface ProcessRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** How long the process lived after it last wrote anything: a failed run must not linger. */
  readonly lingerMs: number
  /** What it wrote, piece by piece as received, with when: which of two pipes a reader had first. */
  readonly chunks: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string; readonly at: number }[]
}

/**
 * Runs the bundled CLI as a shell would, with only the environment given (and PATH). `stdin`, when given, is piped
 * in and closed; otherwise stdin is /dev/null.
 */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
  launcher: readonly string[] = []
): Promise<ProcessRun> {
  return runNode([CLI_BUNDLE, ...args], env, stdin, launcher)
}

/**
 * Runs node with these arguments and only this environment (and PATH), collecting what it prints. A `launcher`
 * (a command and its arguments, such as a namespace's) starts node in its own world instead.
 */
async function runNode(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
  launcher: readonly string[] = []
): Promise<ProcessRun> {
  const [command = process.execPath, ...launcherArgs] = launcher
  const child = spawn(command, [...launcherArgs, ...(launcher.length > 0 ? [process.execPath] : []), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  }) as ChildProcessByStdio<Writable | null, Readable, Readable>
  child.stdin?.end(stdin)
  let stdout = ''
  let stderr = ''
  let lastOutputAt = Date.now()
  const chunks: ProcessRun['chunks'][number][] = []
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    lastOutputAt = Date.now()
    chunks.push({ stream: 'stdout', text: chunk.toString(), at: lastOutputAt })
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    lastOutputAt = Date.now()
    chunks.push({ stream: 'stderr', text: chunk.toString(), at: lastOutputAt })
  })
  let exitedAt = 0
  child.on('exit', () => (exitedAt = Date.now()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr, lingerMs: Math.max(0, exitedAt - lastOutputAt), chunks }
}

/** When `text` was first received whole on `stream` (ms since the epoch); Infinity when it never was. */
export function firstSeen(run: ProcessRun, stream: 'stdout' | 'stderr', text: string): number {
  let received = ''
  for (const chunk of run.chunks.filter(chunk => chunk.stream === stream)) {
    received += chunk.text
    if (received.includes(text)) return chunk.at
  }
  return Infinity
}
