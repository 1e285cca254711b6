import * as core from '@actions/core'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeError } from '../../errors.js'
import { addPath, hasRunnerFile, setOutput } from '../runner-files.js'
import { VERSION } from '../../version.js'
import { writeLaunchers } from './launchers.js'

type Env = Readonly<Record<string, string | undefined>>

/**
 * The bundled CLI, beside the bundle that runs: dist/cli/index.js from dist/index.js (`up` 0) or from
 * dist/on-path/index.js (`up` 1). A path joined from the bundle's own URL: written as `new URL('./cli/...',
 * import.meta.url)`, the bundler would take it for an asset to copy.
 */
export function bundledCli(bundleUrl: string, up: 0 | 1): string {
  const dist = up === 0 ? dirname(fileURLToPath(bundleUrl)) : dirname(dirname(fileURLToPath(bundleUrl)))
  return join(dist, 'cli', 'index.js')
}

/**
 * Puts the bundled CLI on the job's PATH for the following steps, and sets the `cli-path` output to the launchers'
 * directory. Needs the runner's RUNNER_TEMP (emptied after each job, so no launcher outlives it) and GITHUB_PATH.
 * Throws an Error whose message is written for the workflow author; nothing is set then.
 */
export function putCliOnPath(cliScript: string, env: Env = process.env): string {
  if (!hasRunnerFile('GITHUB_PATH', env)) {
    throw new Error(
      "The runner's GITHUB_PATH file is missing, so token-mint cannot be put on PATH: this works only in a GitHub Actions job."
    )
  }
  // All or nothing, as for the token's outputs: a missing output file fails the step before PATH changes.
  if (!hasRunnerFile('GITHUB_OUTPUT', env)) {
    throw new Error("The runner's GITHUB_OUTPUT file is missing, so token-mint was not put on PATH.")
  }
  if (!env.RUNNER_TEMP) {
    throw new Error(
      'RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.'
    )
  }
  const dir = writeLaunchers(env.RUNNER_TEMP, { node: process.execPath, script: cliScript })
  // One line of GITHUB_PATH, as the runner reads it; the runner puts it first on PATH for the following steps.
  addPath(dir, env)
  setOutput('cli-path', dir, env)
  // The directory stays out of the log: it is built from RUNNER_TEMP, which the log has no need to quote.
  core.info(`token-mint ${VERSION} is on PATH for the following steps of this job (directory in the cli-path output).`)
  return dir
}

/** The cli action (cli/action.yml): the CLI on PATH and nothing else; no input, no token. */
export function runOnPathAction(cliScript: string): void {
  try {
    putCliOnPath(cliScript)
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
