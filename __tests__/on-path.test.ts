import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fakeCore } from '../__fixtures__/actions-core.js'
import {
  cmdLauncher,
  posixLauncher,
  powershellLauncher,
  unusablePath,
  writeLaunchers
} from '../src/action/on-path/launchers.js'
import { VERSION } from '../src/version.js'

// The launchers that put the bundled CLI on a job's PATH, and the edge that hands their directory to the runner.
// The process tests (on-path.process.test.ts) run them through the bundles as a shell would.
const core = fakeCore()
jest.unstable_mockModule('@actions/core', () => core.module)
const { bundledCli, putCliOnPath, runOnPathAction } = await import('../src/action/on-path/action.js')

const posix = process.platform !== 'win32'
let dir: string
let script: string
beforeEach(() => {
  core.reset()
  dir = mkdtempSync(join(tmpdir(), 'on-path-'))
  script = join(dir, 'index.js')
  writeFileSync(script, 'console.log(process.argv.slice(2).join("|"))\n')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the Windows launcher', () => {
  it('runs node with the bundled CLI and every argument, paths in double quotes, lines ending in CRLF', () => {
    const text = cmdLauncher({
      node: 'C:\\actions runner\\externals\\node24\\bin\\node.exe',
      script: 'D:\\a\\_actions\\org\\token-mint-action\\v1\\dist\\cli\\index.js'
    })

    expect(text).toBe(
      [
        '@echo off',
        `rem token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`,
        '"C:\\actions runner\\externals\\node24\\bin\\node.exe" "D:\\a\\_actions\\org\\token-mint-action\\v1\\dist\\cli\\index.js" %*',
        ''
      ].join('\r\n')
    )
  })

  it('doubles a percent sign, which cmd would expand even inside quotes, and leaves & ^ ( ) as they are', () => {
    const text = cmdLauncher({ node: 'C:\\50% & more^\\node.exe', script: 'C:\\(x)\\%PATH%\\index.js' })

    expect(text).toContain('"C:\\50%% & more^\\node.exe" "C:\\(x)\\%%PATH%%\\index.js" %*\r\n')
  })

  it('switches cmd to UTF-8 before the command line when a path is not ASCII, and only then', () => {
    const accented = cmdLauncher({ node: 'C:\\Users\\José\\node.exe', script: 'C:\\a\\index.js' })
    const plain = cmdLauncher({ node: 'C:\\Users\\Jose\\node.exe', script: 'C:\\a\\index.js' })

    expect(accented.split('\r\n').slice(2)).toEqual([
      'chcp 65001 >nul',
      '"C:\\Users\\José\\node.exe" "C:\\a\\index.js" %*',
      ''
    ])
    expect(plain).not.toContain('chcp')
    expect(cmdLauncher({ node: 'C:\\a~\\node.exe', script: 'C:\\ \\index.js' })).not.toContain('chcp')
  })
})

// pwsh is not installed where these tests run: the PowerShell launcher is checked as text.
describe('the PowerShell launcher', () => {
  it('calls node with the bundled CLI and @args, passing piped input on, UTF-8 with a byte order mark, CRLF', () => {
    const text = powershellLauncher({
      node: 'C:\\actions runner\\externals\\node24\\bin\\node.exe',
      script: 'D:\\a\\_actions\\org\\token-mint-action\\v1\\dist\\cli\\index.js'
    })

    const run =
      "& 'C:\\actions runner\\externals\\node24\\bin\\node.exe' " +
      "'D:\\a\\_actions\\org\\token-mint-action\\v1\\dist\\cli\\index.js' '--from-powershell' @args"
    expect(text).toBe(
      '\ufeff' +
        [
          `# token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`,
          'if ($MyInvocation.ExpectingInput) {',
          `  $input | ${run}`,
          '} else {',
          `  ${run}`,
          '}',
          'exit $LASTEXITCODE',
          ''
        ].join('\r\n')
    )
  })

  it('doubles every quote PowerShell ends a single-quoted string at, and leaves $ ` % & " ( ) as they are', () => {
    const text = powershellLauncher({
      node: "C:\\it's \u2018a\u2019 \u201ab\u201b\\node.exe",
      script: 'C:\\$env:X `n %P% & (x)\\index.js'
    })

    expect(text).toContain(
      "& 'C:\\it''s \u2018\u2018a\u2019\u2019 \u201a\u201ab\u201b\u201b\\node.exe' 'C:\\$env:X `n %P% & (x)\\index.js' '--from-powershell' @args\r\n"
    )
  })

  it('never hands the arguments to cmd: no %* and no .cmd in it', () => {
    const text = powershellLauncher({ node: 'C:\\node.exe', script: 'C:\\index.js' })

    expect(text).not.toContain('%*')
    expect(text).not.toMatch(/cmd/i)
  })
})

describe('the POSIX launcher', () => {
  it('execs node with the bundled CLI and every argument, each path in single quotes', () => {
    expect(posixLauncher({ node: '/opt/runner/node24/bin/node', script: '/w/_actions/dist/cli/index.js' })).toBe(
      [
        '#!/bin/sh',
        `# token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`,
        `exec '/opt/runner/node24/bin/node' '/w/_actions/dist/cli/index.js' "$@"`,
        ''
      ].join('\n')
    )
  })

  it("writes a single quote in a path as '\\''", () => {
    expect(posixLauncher({ node: "/it's/node", script: '/a b/$HOME/`x`/index.js' })).toContain(
      `exec '/it'\\''s/node' '/a b/$HOME/\`x\`/index.js' "$@"\n`
    )
  })

  it.each([
    ['spaces, quotes and $', "runner temp's $HOME `x`"],
    ['a percent sign and an ampersand', '50% & more']
  ])('keeps a path with %s as it is, when sh runs it', (_what, name) => {
    if (!posix) return
    const odd = join(dir, name)
    mkdirSync(odd)
    const oddScript = join(odd, 'index.js')
    writeFileSync(oddScript, readFileSync(script))

    const launchers = writeLaunchers(odd, { node: process.execPath, script: oddScript })
    const out = execFileSync('/bin/sh', ['-c', 'token-mint "two words" "it\'s" \'$HOME\''], {
      env: { PATH: launchers },
      encoding: 'utf8'
    })

    expect(out).toBe("two words|it's|$HOME\n")
  })
})

describe('unusablePath', () => {
  it.each([
    ['relative/dir', 'is not an absolute path'],
    ['/runner/te\nmp', 'holds a control character or line break'],
    ['/runner/te\rmp', 'holds a control character or line break'],
    ['/runner/tab\there', 'holds a control character or line break'],
    ['/runner/\u0000', 'holds a control character or line break'],
    ['/runner/\u001f', 'holds a control character or line break'],
    ['/runner/\u007f', 'holds a control character or line break'],
    ['/runner/"quoted"', 'holds a double quote']
  ])('refuses %j: it %s', (path, problem) => {
    expect(unusablePath(path)).toBe(problem)
  })

  it('takes an absolute path with spaces, quotes, percent signs and letters of any script', () => {
    expect(unusablePath("/home/José/runner temp/it's 100%~ (x86)")).toBeUndefined()
    expect(unusablePath('/ !~\u0080')).toBeUndefined()
  })
})

describe('writeLaunchers', () => {
  it('writes both launchers into a new directory of the parent that only this user can list', () => {
    const written = writeLaunchers(dir, { node: process.execPath, script })

    expect(written.startsWith(join(dir, 'token-mint-'))).toBe(true)
    expect(readdirSync(written).sort()).toEqual(['token-mint', 'token-mint.cmd', 'token-mint.ps1'])
    expect(readFileSync(join(written, 'token-mint'), 'utf8')).toBe(posixLauncher({ node: process.execPath, script }))
    expect(readFileSync(join(written, 'token-mint.ps1'), 'utf8')).toBe(
      powershellLauncher({ node: process.execPath, script })
    )
    expect(readFileSync(join(written, 'token-mint.cmd'), 'utf8')).toBe(cmdLauncher({ node: process.execPath, script }))
    if (posix) {
      expect(statSync(written).mode & 0o777).toBe(0o700)
      expect(statSync(join(written, 'token-mint')).mode & 0o777).toBe(0o755)
    }
  })

  it('makes the POSIX launcher executable whatever the umask', () => {
    const umask = process.umask(0o077)
    let written: string
    try {
      written = writeLaunchers(dir, { node: process.execPath, script })
    } finally {
      process.umask(umask)
    }

    if (posix) expect(statSync(join(written, 'token-mint')).mode & 0o777).toBe(0o755)
  })

  it('makes a new directory each time, so that two steps never share one', () => {
    const target = { node: process.execPath, script }

    expect(writeLaunchers(dir, target)).not.toBe(writeLaunchers(dir, target))
  })

  it('names every unusable path in one error, and writes nothing', () => {
    expect(() => writeLaunchers('temp', { node: '/bin/no\nde', script: '/a"b' })).toThrow(
      'Cannot put token-mint on PATH: The runner temporary directory (RUNNER_TEMP) is not an absolute path. The path of the Node.js running this action holds a control character or line break. The path of the bundled CLI holds a double quote.'
    )
  })

  it('refuses a parent that does not exist, or is a file', () => {
    const target = { node: process.execPath, script }
    const missing = 'Cannot put token-mint on PATH: the runner temporary directory (RUNNER_TEMP) does not exist.'

    expect(() => writeLaunchers(join(dir, 'gone'), target)).toThrow(missing)
    expect(() => writeLaunchers(script, target)).toThrow(missing)
  })

  it('refuses a copy of the action without the bundled CLI, and writes nothing', () => {
    expect(() => writeLaunchers(dir, { node: process.execPath, script: join(dir, 'missing.js') })).toThrow(
      'Cannot put token-mint on PATH: the bundled CLI (dist/cli/index.js) is missing from this copy of the action.'
    )
    expect(readdirSync(dir)).toEqual(['index.js'])
  })
})

describe('bundledCli', () => {
  it('finds dist/cli/index.js beside the action bundle and above the cli action bundle', () => {
    const dist = join(dir, 'dist')

    expect(bundledCli(pathToFileURL(join(dist, 'index.js')).href, 0)).toBe(join(dist, 'cli', 'index.js'))
    expect(bundledCli(pathToFileURL(join(dist, 'on-path', 'index.js')).href, 1)).toBe(join(dist, 'cli', 'index.js'))
  })
})

describe('putCliOnPath', () => {
  const runner = () => {
    const pathFile = join(dir, 'github-path')
    const outputFile = join(dir, 'github-output')
    writeFileSync(pathFile, '')
    writeFileSync(outputFile, '')
    return { GITHUB_PATH: pathFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir }
  }
  const runnerFiles = ['github-output', 'github-path', 'index.js']

  it('adds the launchers directory to PATH, sets the cli-path output to it, and says so without the path', () => {
    const written = putCliOnPath(script, runner())

    expect(readdirSync(written).sort()).toEqual(['token-mint', 'token-mint.cmd', 'token-mint.ps1'])
    expect(written.startsWith(join(dir, 'token-mint-'))).toBe(true)
    // One line each, as the runner reads them.
    expect(readFileSync(join(dir, 'github-path'), 'utf8')).toBe(`${written}${EOL}`)
    expect(readFileSync(join(dir, 'github-output'), 'utf8')).toBe(`cli-path=${written}${EOL}`)
    expect(core.calls).toEqual([
      {
        fn: 'info',
        message: `token-mint ${VERSION} is on PATH for the following steps of this job (directory in the cli-path output).`
      }
    ])
  })

  it.each([
    ['GITHUB_PATH is not set', { GITHUB_PATH: undefined }],
    ['GITHUB_PATH is empty', { GITHUB_PATH: '' }],
    ['the GITHUB_PATH file does not exist', { GITHUB_PATH: '/nonexistent/github-path' }]
  ])('fails when %s, and writes nothing', (_case, override) => {
    expect(() => putCliOnPath(script, { ...runner(), ...override })).toThrow(
      "The runner's GITHUB_PATH file is missing, so token-mint cannot be put on PATH: this works only in a GitHub Actions job."
    )
    expect(core.calls).toEqual([])
    expect(readdirSync(dir).sort()).toEqual(runnerFiles)
  })

  it.each([
    ['GITHUB_OUTPUT is not set', { GITHUB_OUTPUT: undefined }],
    ['the GITHUB_OUTPUT file does not exist', { GITHUB_OUTPUT: '/nonexistent/github-output' }]
  ])('fails when %s, before PATH changes', (_case, override) => {
    expect(() => putCliOnPath(script, { ...runner(), ...override })).toThrow(
      "The runner's GITHUB_OUTPUT file is missing, so token-mint was not put on PATH."
    )
    expect(core.calls).toEqual([])
    expect(readdirSync(dir).sort()).toEqual(runnerFiles)
    expect(readFileSync(join(dir, 'github-path'), 'utf8')).toBe('')
  })

  it.each([undefined, ''])('fails when RUNNER_TEMP is %j, and writes nothing', temp => {
    expect(() => putCliOnPath(script, { ...runner(), RUNNER_TEMP: temp })).toThrow(
      'RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.'
    )
    expect(core.calls).toEqual([])
  })
})

describe('the cli action', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('puts the CLI on PATH and fails nothing', () => {
    for (const [name, file] of [
      ['GITHUB_PATH', 'github-path'],
      ['GITHUB_OUTPUT', 'github-output']
    ] as const) {
      process.env[name] = join(dir, file)
      writeFileSync(join(dir, file), '')
    }
    process.env.RUNNER_TEMP = dir

    runOnPathAction(script)

    expect(core.calls.map(call => call.fn)).toEqual(['info'])
    expect(readFileSync(join(dir, 'github-path'), 'utf8')).toMatch(/token-mint-/)
    expect(readFileSync(join(dir, 'github-output'), 'utf8')).toMatch(/^cli-path=/)
  })

  it('fails the step with the reason, and nothing else', () => {
    delete process.env.GITHUB_PATH

    runOnPathAction(script)

    expect(core.calls).toEqual([
      {
        fn: 'setFailed',
        message:
          "The runner's GITHUB_PATH file is missing, so token-mint cannot be put on PATH: this works only in a GitHub Actions job."
      }
    ])
  })
})
