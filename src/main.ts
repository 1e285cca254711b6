import * as core from '@actions/core'
import { describeError } from './errors.js'
import { readSettings } from './inputs.js'
import { checkLifetime } from './lifetime.js'
import { mintToken, type IssuedToken, type Log } from './mint.js'
import { publishToken } from './publish.js'
import { sealToken, unsealToken } from './seal.js'
import type { MintSettings, UnsealSettings } from './settings.js'

const actionLog: Log = { debug: core.debug, warning: core.warning }

/** The action: inputs -> a token (minted, or unsealed) -> publish. The one place that fails the step. */
export async function run(): Promise<void> {
  try {
    const { settings, warnings } = readSettings()
    const issued = settings.mode === 'unseal' ? unseal(settings, warnings) : await mint(settings, warnings)
    // Masked before anything else can print it.
    core.setSecret(issued.token)

    const unsealed = settings.mode === 'unseal'
    const unknownExpiry = checkLifetime(issued, settings.minValiditySeconds, unsealed)
    if (unknownExpiry) core.warning(unknownExpiry)
    const sealed =
      settings.mode === 'mint' && settings.seal
        ? sealToken(issued, settings.seal.key, settings.seal.binding)
        : undefined

    await publishToken(issued, {
      exportEnv: settings.exportEnv,
      envName: settings.envName,
      unsealed,
      sealedToken: sealed
    })
  } catch (error) {
    // Only the message: a stack trace helps no workflow author and could quote internals.
    core.setFailed(describeError(error))
  }
}

async function mint(settings: MintSettings, warnings: string[]): Promise<IssuedToken> {
  const request = settings.provider.request(settings)
  for (const secret of request.secrets) core.setSecret(secret)
  for (const warning of warnings) core.warning(warning)
  return mintToken(settings, request, { log: actionLog })
}

function unseal(settings: UnsealSettings, warnings: string[]): IssuedToken {
  for (const warning of warnings) core.warning(warning)
  return unsealToken(settings.sealedToken, settings.seal.key, settings.seal.binding, new Date(), settings.provider)
}
