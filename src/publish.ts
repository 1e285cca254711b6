import * as core from '@actions/core'
import type { IssuedToken } from './mint.js'
import { describeToken, tokenFacts, tokenOutputs } from './report.js'

export interface PublishOptions {
  readonly exportEnv: boolean
  /** Undefined means the provider's default. */
  readonly envName?: string
  /** The token came from sealed-token rather than from the provider. */
  readonly unsealed: boolean
  /** The envelope for later jobs, when seal-key was set on a minting run. */
  readonly sealedToken?: string
}

/**
 * Sets the outputs, the env var and the job summary, and logs one line.
 * The caller has masked the token already, so that no line, ours or the runner's, can show it.
 */
export async function publishToken(issued: IssuedToken, options: PublishOptions): Promise<void> {
  const envName = options.envName ?? issued.provider.envName
  for (const [name, value] of Object.entries(tokenOutputs(issued))) core.setOutput(name, value)
  if (options.sealedToken) core.setOutput('sealed-token', options.sealedToken)
  if (options.exportEnv) core.exportVariable(envName, issued.token)

  const facts = describe(issued, options, envName)
  const verb = options.unsealed ? 'unsealed' : 'minted'
  await writeSummary(`${issued.provider.title} token ${verb}`, facts)
  core.info(describeToken(options.unsealed ? 'Unsealed' : 'Minted', issued, facts))
}

/** The summary's facts: the token's, then how this run got it and where it went. */
function describe(issued: IssuedToken, options: PublishOptions, envName: string): [string, string][] {
  const facts = tokenFacts(issued, options.unsealed)
  if (options.unsealed) facts.push(['Unsealed from', 'the sealed-token of an earlier job of this workflow run'])
  if (options.sealedToken) facts.push(['Sealed', 'as the sealed-token output, for later jobs of this workflow run'])
  facts.push(['Exported as', options.exportEnv ? `$${envName}` : 'not exported (export-env is false)'])
  return facts
}

async function writeSummary(title: string, facts: [string, string][]) {
  // Outside a runner (or on old runners) there is no summary file; the token is already published.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary
      .addHeading(title, 3)
      .addTable([
        [
          { data: 'Fact', header: true },
          { data: 'Value', header: true }
        ],
        ...facts
      ])
      .write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
