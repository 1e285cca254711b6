import * as core from '@actions/core'
import {
  ActionError,
  describeError,
  InputError,
  NetworkError,
  SealError,
  TokenLifetimeError,
  TokenRequestError,
  TransientFailureError
} from '../errors.js'
import type { ObtainedToken } from '../mint.js'
import { describeToken, tokenFacts, tokenOutputs } from '../report.js'
import { appendSummary, checkWritable, type RunnerFile } from './runner-files.js'
import type { Settings } from '../settings/settings.js'

/**
 * Sets the outputs, the env var and the job summary, and logs what happened. The core has masked the token
 * already, so that no line, ours or the runner's, can show it.
 */
export function publishToken({ token, sealedToken }: ObtainedToken, settings: Settings): void {
  const envName = settings.envName ?? token.provider.envName
  checkRunnerFiles(settings.exportEnv ? ['GITHUB_OUTPUT', 'GITHUB_ENV'] : ['GITHUB_OUTPUT'])
  // Through @actions/core, which is what GitHub's emulator (@github/local-action) stands in for and observes.
  for (const [name, value] of Object.entries(tokenOutputs(token))) core.setOutput(name, value)
  if (sealedToken) core.setOutput('sealed-token', sealedToken)
  if (settings.exportEnv) core.exportVariable(envName, token.token)

  const delivery = [
    settings.exportEnv
      ? `Exported as $${envName} for the following steps of this job.`
      : 'Not exported, since export-env is false: read the token output instead.'
  ]
  if (token.origin === 'unsealed') delivery.push('Unsealed from the sealed-token of an earlier job of this run.')
  if (sealedToken) delivery.push('Sealed into the sealed-token output for later jobs of this run.')
  core.info(`${describeToken(token)} ${delivery.join(' ')}`)

  const facts = tokenFacts(token)
  facts.push(['Environment variable', settings.exportEnv ? `$${envName}` : 'none (export-env is false)'])
  if (sealedToken) facts.push(['Sealed', 'sealed-token output, for later jobs of this run'])
  const verb = token.origin === 'unsealed' ? 'unsealed' : 'minted'
  writeSummary(`${token.provider.title} token ${verb}`, facts)
}

/**
 * All or nothing: every runner file the step will write must take a write before the first is written, or a token
 * would sit in GITHUB_OUTPUT of a failed step. In a job the runner always gives them; outside one (GitHub's
 * emulator, which records the calls itself) a file that is not given is left to @actions/core, and one that is
 * given must be writable all the same.
 */
function checkRunnerFiles(files: RunnerFile[], env = process.env): void {
  for (const file of files) if (env[file] || env.GITHUB_ACTIONS === 'true') checkWritable(file, env)
}

/** A failed run's job summary: what failed, where, and the same advice as the error. Never a secret. */
export function reportFailure(error: unknown, settings: Settings | undefined): void {
  const facts: [string, string][] = [['What failed', whatFailed(error)]]
  const provider = settings?.provider
  if (provider) facts.push(['Provider', provider.title])
  if (settings?.mode === 'mint') facts.push(['Host', settings.apiRoot.host])
  writeSummary(provider ? `${provider.title} token not obtained` : 'Token not obtained', facts, describeError(error))
}

function whatFailed(error: unknown): string {
  if (error instanceof InputError) return 'Invalid inputs, found before any request'
  if (error instanceof SealError) return 'Opening the sealed-token'
  if (error instanceof TokenLifetimeError) return 'The token’s lifetime check'
  if (error instanceof TokenRequestError) return 'The provider refused the token request'
  if (error instanceof TransientFailureError) return 'No usable answer, after every attempt'
  if (error instanceof NetworkError) return 'The connection to the provider (network, proxy or TLS)'
  return error instanceof ActionError ? error.name : 'An unexpected error'
}

/** One table whose header row names each fact, then the facts; and a paragraph of text, when given. */
function writeSummary(title: string, facts: [string, string][], text?: string): void {
  // Outside a runner (or on old runners) there is no summary file; the outputs are what matter.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const cells = (tag: string, values: string[]) =>
    values.map(value => `<${tag}>${escapeSummary(value)}</${tag}>`).join('')
  const lines = [
    `<h3>${escapeSummary(title)}</h3>`,
    `<table><tr>${cells(
      'th',
      facts.map(([label]) => label)
    )}</tr><tr>${cells(
      'td',
      facts.map(([, value]) => value)
    )}</tr></table>`,
    ...(text ? [`<p>${escapeSummary(text)}</p>`] : [])
  ]
  try {
    appendSummary(lines)
  } catch (error) {
    core.warning(`Could not write the job summary: ${describeError(error)}`)
  }
}

/**
 * Text as it may appear in the summary, which GitHub renders as Markdown with HTML: no tag, entity, table cell
 * border, emphasis, code span, link or line break can come out of it. Applied to everything, validated or not.
 */
export function escapeSummary(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[&<>"'|`*_[\]\\]/g, char => `&#${char.charCodeAt(0)};`)
}
