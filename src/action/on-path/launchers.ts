import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { VERSION } from '../../version.js'

// The CLI that came with the action, for the later steps of the same job: launchers in a fresh directory that the
// runner then puts on PATH. Each runs the bundled dist/cli/index.js with the Node.js that runs this action (the
// runner's own), so a job needs neither npm, nor the registry, nor a Node.js of its own, and gets the same version
// as the action. `token-mint` is for sh, bash and zsh (Git Bash on Windows too); `token-mint.ps1` is what PowerShell
// finds first on Windows (it looks for name.ps1 in a directory before the PATHEXT extensions); `token-mint.cmd` is
// for cmd. The .cmd launcher passes its arguments through cmd's %*, where & | < > ^ act inside an argument that
// PowerShell passed unquoted: PowerShell must never reach it.

/** What a launcher runs: a Node.js binary and the bundled CLI, both absolute paths. */
export interface LauncherTarget {
  readonly node: string
  readonly script: string
}

/** The launchers written into one directory, by file name. */
export const LAUNCHER_NAMES = { posix: 'token-mint', powershell: 'token-mint.ps1', windows: 'token-mint.cmd' } as const

/**
 * Why a path cannot go into a launcher or a GITHUB_PATH line, or undefined when it can. A line break would end the
 * GITHUB_PATH line (the runner reads one directory per line) or the launcher's command; no control character, nor
 * the double quote that cmd cannot escape inside quotes, belongs in a directory the runner made.
 */
export function unusablePath(path: string): string | undefined {
  if (!isAbsolute(path)) return 'is not an absolute path'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'holds a control character or line break'
  if (path.includes('"')) return 'holds a double quote'
  return undefined
}

/** The POSIX launcher: single quotes keep every character of both paths as it is; a quote inside becomes '\''. */
export function posixLauncher({ node, script }: LauncherTarget): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
  return [
    '#!/bin/sh',
    `# token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`,
    `exec ${quote(node)} ${quote(script)} "$@"`,
    ''
  ].join('\n')
}

/**
 * The Windows launcher. Inside double quotes cmd takes spaces, &, ^, ( and ) as they are, but still expands %NAME%
 * even there: a % is written %%. Non-ASCII paths need the UTF-8 code page, since cmd reads each line of a batch file
 * in the current one, and chcp takes effect from the next line. CRLF, as cmd expects.
 */
export function cmdLauncher({ node, script }: LauncherTarget): string {
  const quote = (text: string) => `"${text.replace(/%/g, '%%')}"`
  const ascii = /^[\u0020-\u007e]*$/.test(node + script)
  return [
    '@echo off',
    `rem token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`,
    ...(ascii ? [] : ['chcp 65001 >nul']),
    `${quote(node)} ${quote(script)} %*`,
    ''
  ].join('\r\n')
}

/** The quote characters a PowerShell single-quoted string ends at: the ASCII one and its typographic forms. */
const POWERSHELL_QUOTES = /['\u2018\u2019\u201a\u201b]/g

/**
 * The PowerShell launcher. A single-quoted string keeps every character as it is except a quote, which PowerShell
 * also recognises in its typographic forms: each is doubled. The arguments go to node as an array (@args), never
 * through cmd; `--from-powershell` asks the CLI to put back the `--` that PowerShell takes away from a script's
 * arguments; piped input (`$password | token-mint ... --password-stdin`) is passed on as node's stdin. A byte order
 * mark, so that Windows PowerShell 5.1 reads a non-ASCII path as UTF-8 rather than in the ANSI code page. CRLF.
 */
export function powershellLauncher({ node, script }: LauncherTarget): string {
  const quote = (text: string) => `'${text.replace(POWERSHELL_QUOTES, mark => mark + mark)}'`
  const run = `& ${quote(node)} ${quote(script)} '--from-powershell' @args`
  return (
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
}

/**
 * Writes the launchers into a new directory under `parent` (only this user can list or change it), and returns
 * that directory. Throws an Error whose message says what to check.
 */
export function writeLaunchers(parent: string, target: LauncherTarget): string {
  const problems = [
    ['The runner temporary directory (RUNNER_TEMP)', parent],
    ['The path of the Node.js running this action', target.node],
    ['The path of the bundled CLI', target.script]
  ].flatMap(([what, path]) => {
    const problem = unusablePath(path as string)
    return problem ? [`${what} ${problem}.`] : []
  })
  if (problems.length > 0) throw new Error(`Cannot put token-mint on PATH: ${problems.join(' ')}`)
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    throw new Error('Cannot put token-mint on PATH: the runner temporary directory (RUNNER_TEMP) does not exist.')
  }
  if (!existsSync(target.script)) {
    throw new Error(
      'Cannot put token-mint on PATH: the bundled CLI (dist/cli/index.js) is missing from this copy of the action.'
    )
  }
  // mkdtemp makes the directory 0700: nobody else can plant a token-mint in it.
  const dir = mkdtempSync(join(parent, 'token-mint-'))
  const posix = join(dir, LAUNCHER_NAMES.posix)
  writeFileSync(posix, posixLauncher(target))
  // Set after writing, whatever the umask: a launcher must be executable (and no one else can reach it anyway).
  chmodSync(posix, 0o755)
  writeFileSync(join(dir, LAUNCHER_NAMES.powershell), powershellLauncher(target))
  writeFileSync(join(dir, LAUNCHER_NAMES.windows), cmdLauncher(target))
  return dir
}
