import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE } from '../__fixtures__/run-action.js'

// docs/long-jobs-outage.md promises what a long command sees during a provider outage and gives a shell and a
// Python snippet that wait for the token file to come back. Both snippets run here as the page shows them (only
// the API address becomes the fake provider's stand-in API), with bash and python3, inside a real
// `token-mint exec --keep-fresh` run whose provider is down for longer than a token lives; the log lines the page
// quotes are compared with the ones that run prints.

const PAGE = new URL('../docs/long-jobs-outage.md', import.meta.url)
const API_IN_PAGE = 'https://reporting.cloud.soda.io/v1/<endpoint>'

/** The fenced blocks of a Markdown text in `language`, as written (indented blocks in lists unindented). */
function blocks(markdown: string, language: string): string[] {
  const found: string[] = []
  const fence = /^( *)```(\w*)\n([\s\S]*?)^\1```$/gm
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const [, indent = '', lang, body = ''] = match
    if (lang === language) found.push(body.replace(new RegExp(`^${indent}`, 'gm'), ''))
  }
  return found
}

/** A quoted log line as a pattern: times, numbers and durations may differ from run to run. */
function shapeOf(line: string): RegExp {
  const escaped = line.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^${escaped
      .replace(/\d{4}-\d\d-\d\dT[\d:]+\\\.\d+Z/g, '\\S+Z')
      .replace(/\d+(\\\.\d+)? (min|s)\b/g, '[\\d.]+ (?:min|s)')
      .replace(/\b\d+ failed tries/g, '\\d+ failed tries')}$`
  )
}

// Runs the two snippets side by side once the token file has gone, each for at most 20 s; prints their exit codes.
const DRIVER = `
  while [ -f "$SODA_TOKEN_FILE" ]; do sleep 0.05; done
  timeout 20 bash "$1" > "$3/shell.out" 2>&1 & shell=$!
  timeout 20 python3 "$2" > "$3/python.out" 2>&1 & python=$!
  wait $shell; shell_code=$?
  wait $python; python_code=$?
  echo "shell=$shell_code python=$python_code"
`

const posix = process.platform === 'win32' ? describe.skip : describe

posix('docs/long-jobs-outage.md', () => {
  const page = readFileSync(PAGE, 'utf8')
  const fake = useFakeProvider({ tokenLifetimeSeconds: 3 })

  it('has one shell and one Python snippet, calling the API the README names', () => {
    expect(blocks(page, 'sh')).toHaveLength(1)
    expect(blocks(page, 'python')).toHaveLength(1)
    expect(blocks(page, 'sh')[0]).toContain(API_IN_PAGE)
    expect(blocks(page, 'python')[0]).toContain(API_IN_PAGE)
  })

  it('waits, in both snippets, through an outage for the file to come back, then calls the API with the new token, and the log says what the page quotes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-outage-'))
    try {
      const api = `${fake().origin}/v1/check`
      const [shell = '', python = ''] = [blocks(page, 'sh')[0], blocks(page, 'python')[0]]
      writeFileSync(join(dir, 'snippet.sh'), shell.replace(API_IN_PAGE, api))
      writeFileSync(join(dir, 'snippet.py'), python.replace(API_IN_PAGE, api))
      writeFileSync(join(dir, 'driver.sh'), DRIVER)
      const cli = spawn(
        process.execPath,
        [
          CLI_BUNDLE,
          ...['exec', '--keep-fresh', '--provider', 'soda', '--base-url', fake().roots.soda, '--min-validity', '1'],
          ...['--', 'bash', join(dir, 'driver.sh'), join(dir, 'snippet.sh'), join(dir, 'snippet.py'), dir]
        ],
        {
          env: {
            PATH: process.env.PATH ?? '',
            SODA_USERNAME: fake().credentials.username,
            SODA_PASSWORD: fake().credentials.password
          },
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      let stdout = ''
      let stderr = ''
      cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = new Promise<number | null>(resolve => cli.on('close', resolve))
      for (const start = Date.now(); fake().requests.length === 0 && Date.now() - start < 15_000;) {
        await new Promise(resolve => setTimeout(resolve, 20))
      }
      const upAt = Date.now() + 5000
      fake().outage(5000, { status: 503 })

      const code = await exited

      expect(stdout).toBe('shell=0 python=0\n')
      expect(code).toBe(0)
      expect(readFileSync(join(dir, 'python.out'), 'utf8')).toBe('200\n')
      expect(readFileSync(join(dir, 'shell.out'), 'utf8')).toBe('')
      // Both called once the provider was back, with a token it issued then, which the API accepted.
      expect(fake().apiCalls).toHaveLength(2)
      for (const call of fake().apiCalls) {
        expect(call.accepted).toBe(true)
        expect(call.at).toBeGreaterThanOrEqual(upAt)
        expect(call.token).not.toBe(fake().tokens[0])
      }
      const quoted = blocks(page, 'text').map(shapeOf)
      expect(quoted).toHaveLength(2)
      expect(stderr.split('\n').filter(line => line !== '')).toEqual([
        expect.stringMatching(quoted[0] as RegExp),
        expect.stringMatching(quoted[1] as RegExp)
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 40_000)
})
