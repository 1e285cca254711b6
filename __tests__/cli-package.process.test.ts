import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The CLI as npm users get it: `npm pack`, then `npm install --global` of the tarball into a temporary prefix, then
// the installed `token-mint` started through the bin link npm made, as a shell would.
//
// What is packed: a staged copy of the package, whose dist/cli is the bundle the global set-up built from the
// current sources (CLI_BUNDLE), like every other process test; the committed dist/cli is checked to be that same
// build by CI's freshness check. The file list test packs the repository itself (a dry run), since `files` is what
// keeps the action's own files out.
//
// Dependencies: the bundle inlines everything it imports (ncc), so the package declares none: what the bundles are
// built from (@actions/*, zod) is a devDependency. The install runs --offline with an empty cache, so a dependency
// coming back would fail it, and the test also reads the installed manifest and weighs the installed files.

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const windows = process.platform === 'win32'
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
  version: string
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
// The command exec runs: it prints a hash of the token it was handed, never the token.
const PRINT_TOKEN_HASH =
  "console.log(require('crypto').createHash('sha256').update(process.env.SODA_TOKEN).digest('hex'))"

/** npm with only PATH and HOME (and what Windows needs), so no npm_config_* of the test run leaks in. */
async function npm(args: string[], cwd: string): Promise<string> {
  const keep = ['PATH', 'HOME', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE', 'SystemRoot', 'ComSpec', 'PATHEXT', 'TEMP']
  const env = Object.fromEntries(keep.flatMap(name => (process.env[name] ? [[name, process.env[name]]] : [])))
  // npm is npm.cmd on Windows, which Node starts only through a shell.
  const { stdout } = await promisify(execFile)('npm', args, { cwd, env, shell: windows, maxBuffer: 16 << 20 })
  return stdout
}

describe('the published package', () => {
  const fake = useFakeProvider()
  let dir: string
  let bin: string
  let installed: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-package-'))
    const stage = join(dir, 'stage')
    mkdirSync(join(stage, 'dist'), { recursive: true })
    cpSync(dirname(CLI_BUNDLE), join(stage, 'dist', 'cli'), { recursive: true })
    for (const file of ['README.md', 'LICENSE']) cpSync(join(root, file), join(stage, file))
    writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2))

    await npm(['pack', '--ignore-scripts', '--pack-destination', dir], stage)
    const tarball = readdirSync(dir).find(name => name.endsWith('.tgz')) as string
    const prefix = join(dir, 'prefix')
    await npm(
      ['install', '--global', '--prefix', prefix, '--offline', '--cache', join(dir, 'cache')].concat([
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        join(dir, tarball)
      ]),
      dir
    )
    // npm's global layout: prefix/lib/node_modules and prefix/bin on POSIX, prefix/node_modules and prefix on Windows.
    installed = join(prefix, ...(windows ? [] : ['lib']), 'node_modules', '@token-mint', 'cli')
    bin = join(prefix, ...(windows ? ['token-mint.cmd'] : ['bin', 'token-mint']))
  }, 120_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** Runs the installed command through its bin link, with node on PATH for its #! line. */
  async function tokenMint(args: string[], env: Record<string, string> = {}) {
    const child = spawn(bin, args, {
      env: { PATH: [dirname(process.execPath), process.env.PATH].join(delimiter), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: windows
    })
    let [stdout, stderr] = ['', '']
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    return { code, stdout, stderr }
  }

  it('packs the CLI, its README and licence, and none of the action’s files', async () => {
    const [packed] = JSON.parse(await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as [
      { name: string; files: { path: string }[] }
    ]

    expect(packed.name).toBe('@token-mint/cli')
    expect(packed.files.map(file => file.path.replace(/\\/g, '/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli/index.js',
      'dist/cli/licenses.txt',
      'dist/cli/package.json',
      'package.json'
    ])
  }, 60_000)

  it('installs offline as the token-mint command, with nothing besides the bundle', () => {
    expect(existsSync(bin)).toBe(true)
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json'])
    expect(existsSync(join(installed, 'node_modules'))).toBe(false)
  })

  it('declares no dependency of any kind, so an install fetches nothing but the package', () => {
    const installedManifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
    const kinds = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']
    const declared = (pkg: Record<string, unknown>) =>
      kinds.filter(kind => Object.keys((pkg[kind] as object | undefined) ?? {}).length > 0)

    expect(declared(manifest)).toEqual([])
    expect(declared(installedManifest)).toEqual([])
  })

  it('weighs what its bundle weighs: under 400 KB installed, README and licence included', () => {
    const bytes = (path: string): number =>
      statSync(path).isDirectory()
        ? readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name)), 0)
        : statSync(path).size
    const bundle = statSync(join(installed, 'dist', 'cli', 'index.js')).size

    expect(bytes(installed)).toBeLessThan(400_000)
    expect(bytes(installed) - bundle).toBeLessThan(100_000)
  })

  it('runs from a commit of the repository, as the README shows it (npx github:…#<sha>), offline', async () => {
    // The README's `npx github:<owner>/token-mint-action#COMMIT_SHA` with this clone in place of GitHub: npm clones
    // the commit and packs it (the committed dist/cli), with an empty cache and no network, since nothing else is
    // needed. Only --version: what HEAD's committed bundle does is the other tests' business.
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim()
    const fromGit = join(dir, 'from-git')
    mkdirSync(fromGit)

    const version = await npm(
      [
        'exec',
        '--yes',
        '--offline',
        '--cache',
        join(fromGit, 'cache'),
        `git+${pathToFileURL(root).href}#${head}`,
        '--',
        '--version'
      ],
      fromGit
    )

    expect(readme).toContain('npx github:your-org/token-mint-action#COMMIT_SHA --help')
    expect(version).toBe(`${manifest.version}\n`)
  }, 120_000)

  it('runs as token-mint: --version and --help', async () => {
    const version = await tokenMint(['--version'])
    const help = await tokenMint(['--help'])

    expect(version).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' })
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: token-mint --provider <sirdata\|soda\|oauth2>/)
  })

  it('mints against the fake provider, and runs a command with exec', async () => {
    const env = { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }

    const minted = await tokenMint(['--provider', 'soda', '--base-url', fake().roots.soda], env)
    const exec = await tokenMint(
      ['exec', '--provider', 'soda', '--base-url', fake().roots.soda, '--', process.execPath, '-e', PRINT_TOKEN_HASH],
      env
    )

    expect(minted.code).toBe(0)
    expect(minted.stdout).toMatch(/^Minted a Soda Cloud token: region eu, /)
    expect(exec).toEqual({ code: 0, stdout: `${sha256(fake().tokens[1] as string)}\n`, stderr: '' })
    expect(leakedSecrets(minted.stdout + minted.stderr + exec.stdout + exec.stderr, secretsOf(fake()))).toEqual([])
  })
})
