import { appendFileSync, closeSync, constants, existsSync, openSync } from 'node:fs'
import { EOL } from 'node:os'

/** The runner's files: the step's outputs, the job's environment, its PATH, the job summary. */
export type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY'

type Env = Readonly<Record<string, string | undefined>>

// Output and variable names as the action writes them; the runner splits a `name=value` line at its first `=`.
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

/*
 * GitHub's file commands for the on-path sub-action, and the job summary, written here rather than through
 * @actions/core: its summary loads fs.promises at import, a cost every run would pay (docs/performance.md), and GitHub's
 * emulator shows no summary anyway. The token's outputs and variable go through @actions/core (src/action/publish.ts).
 * Every value written here is one line, and for one line GitHub documents the `name=value` form, which needs no
 * delimiter. A value with a line break or a control character is refused here too, whatever was checked before.
 */

/** Sets a step output: `name=value` on its own line of GITHUB_OUTPUT. */
export function setOutput(name: string, value: string, env: Env = process.env): void {
  append('GITHUB_OUTPUT', namedValue(name, value), env)
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

/**
 * Fails, naming the file and why, unless the step can append to this runner file: opened for writing the way
 * appending needs, so a directory, a read-only mount or a missing file fails here, before anything is written to
 * any file. Never created (the runner creates them); never waited on (a FIFO with no reader fails at once).
 */
export function checkWritable(file: RunnerFile, env: Env = process.env): void {
  const path = env[file]
  if (!path) throw new Error(`The runner's ${file} file is missing, so nothing was published.`)
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new Error(`The runner's ${file} file is missing, so nothing was published.`, { cause: error })
    throw new Error(
      `The runner's ${file} file cannot be written (${code ?? 'unknown error'}), so nothing was published.`,
      { cause: error }
    )
  }
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
