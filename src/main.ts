import * as core from '@actions/core'
import { describeError } from './errors.js'
import { readSettings } from './inputs.js'
import { mintToken, type Log, type MintOptions } from './mint.js'
import { publishToken } from './publish.js'

const actionLog: Log = { debug: core.debug, warning: core.warning }

/** The action: inputs -> token request -> publish. The one place that fails the step. */
export async function run(options: Partial<MintOptions> = {}): Promise<void> {
  try {
    const { settings, warnings } = readSettings()
    const request = settings.provider.request(settings)
    for (const secret of request.secrets) core.setSecret(secret)
    for (const warning of warnings) core.warning(warning)

    const issued = await mintToken(settings, request, { log: actionLog, ...options })
    await publishToken(issued, settings)
  } catch (error) {
    // Only the message: a stack trace helps no workflow author and could quote internals.
    core.setFailed(describeError(error))
  }
}
