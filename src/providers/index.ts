import type { Provider } from './provider.js'
import { sirdata } from './sirdata.js'
import { soda } from './soda.js'

/** Every provider the action can mint for, by `provider` input value. */
export const providers: Readonly<Record<string, Provider>> = {
  [sirdata.name]: sirdata,
  [soda.name]: soda
}
