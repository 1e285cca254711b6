import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

/** The runner's files: the step's outputs, the job's environment, its PATH, the job summary. */
export type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY'

type Env = Readonly<Record<string, string | undefined>>

// Output and variable names as the action writes them; the runner splits a `name=value` line at its first `=`.
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

/*
 * GitHub's file commands, written here rather than through @actions/core. Its setOutput and exportVariable load
 * node:crypto for a random heredoc delimiter, and its summary loads fs.promises: together about a fifth of the
 * start-up of a plain-HTTP run (docs/performance.md). Every value this action writes is one line (tokens and facts are validated,
 * a line break is refused there), and for one line GitHub documents the `name=value` form, which needs no
 * delimiter. A value with a line break or a control character is refused here too, whatever was checked before.
 */

/** Sets a step output: `name=value` on its own line of GITHUB_OUTPUT. */
export function setOutput(name: string, value: string, env: Env = process.env): void {
  append('GITHUB_OUTPUT', namedValue(name, value), env)
}

/** Sets a variable for the following steps of the job: `name=value` on its own line of GITHUB_ENV. */
export function exportVariable(name: string, value: string, env: Env = process.env): void {
  append('GITHUB_ENV', namedValue(name, value), env)
}

/** Puts a directory first on PATH for the following steps of the job: one line of GITHUB_PATH. */
export function addPath(dir: string, env: Env = process.env): void {
  append('GITHUB_PATH', oneLine('a PATH directory', dir), env)
}

/** Adds lines of HTML (escaped by the caller) to the job summary. */
export function appendSummary(lines: readonly string[], env: Env = process.env): void {
  append('GITHUB_STEP_SUMMARY', lines.join(EOL), env)
}

/** Whether the runner gave this step the file and it exists: the runner creates them, so nothing here does. */
export function hasRunnerFile(file: RunnerFile, env: Env = process.env): boolean {
  // existsSync('') is false: a variable set to nothing is no file either.
  return existsSync(env[file] ?? '')
}

function namedValue(name: string, value: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" cannot be the name of an output or a variable.`)
  return `${name}=${oneLine(name, value)}`
}

// Line breaks, and the control and separator characters that some reader could take for one (NUL, NEL, U+2028/9).
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NOT_ONE_LINE = /[\0-\x1f\x7f\x85\u2028\u2029]/

function oneLine(what: string, value: string): string {
  if (NOT_ONE_LINE.test(value)) {
    throw new Error(`The value of ${what} holds a line break or a control character: nothing was written.`)
  }
  return value
}

function append(file: RunnerFile, text: string, env: Env): void {
  if (!hasRunnerFile(file, env)) throw new Error(`The runner's ${file} file is missing: nothing was written to it.`)
  appendFileSync(env[file] as string, `${text}${EOL}`)
}
