import type { Provider } from './provider.js'
import { oauth2 } from './oauth2.js'
import { sirdata } from './sirdata.js'
import { soda } from './soda.js'

/** Every provider the action can mint for, by `provider` input value. Adding one is one line here. */
export const providers: Readonly<Record<string, Provider>> = Object.fromEntries(
  [sirdata, soda, oauth2].map(provider => [provider.name, provider as Provider])
)
