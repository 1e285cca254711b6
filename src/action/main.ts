import * as core from '@actions/core'
import { describeError } from '../errors.js'
import { misspeltInputs, readInputs } from './inputs.js'
import { mintToken, type Log } from '../mint.js'
import { neutraliseLine } from '../outside-text.js'
import { bundledCli, putCliOnPath } from './on-path/action.js'
import { publishToken, reportFailure } from './publish.js'
import { parseSettings, type Settings } from '../settings/settings.js'

// Messages can quote outside text: each line is neutralised, though the runner reads no command after ::warning::.
const actionLog: Log = {
  debug: message => core.debug(neutraliseLine(message)),
  warning: message => core.warning(neutraliseLine(message)),
  secret: core.setSecret
}

const MINTING_WITH_SEAL_KEY =
  'sealed-token is empty, so this step mints a new token (and seals it into its sealed-token output). ' +
  'If this job meant to unseal one from an earlier job: that job must declare it under outputs:, and this job ' +
  'must list that job under needs:.'

/**
 * The action: inputs -> a token (minted, or unsealed) -> publish. The one place that fails the step. `cliScript` is
 * the CLI that `cli-on-path` puts on PATH: the bundled one, beside dist/index.js, which this module is bundled into.
 */
export async function run(cliScript = bundledCli(import.meta.url, 0)): Promise<void> {
  let settings: Settings | undefined
  try {
    const inputs = readInputs()
    // Before parsing, which may fail for want of the input a misspelt variable was meant to give.
    for (const warning of misspeltInputs()) actionLog.warning(warning)
    const parsed = parseSettings(inputs, process.env)
    settings = parsed.settings
    for (const warning of parsed.warnings) actionLog.warning(warning)
    // A line, not a warning: a job that seals on purpose and a job whose sealed-token came back empty look the same.
    if (settings.mode === 'mint' && settings.seal) core.info(MINTING_WITH_SEAL_KEY)
    // Before the request: a runner that cannot take the CLI fails the step without a token minted for nothing.
    if (settings.cliOnPath) putCliOnPath(cliScript)
    publishToken(await mintToken(settings, { log: actionLog }), settings)
  } catch (error) {
    // Only the message: a stack trace helps no workflow author and could quote internals.
    core.setFailed(neutraliseLine(describeError(error)))
    reportFailure(error, settings)
  }
}
