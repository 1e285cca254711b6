// jest global set-up for the process tests: bundle the current sources into a temporary folder, so that a process
// test never passes or fails against a stale dist/. run-action.ts reads TOKEN_MINT_DIST.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundle } from '../scripts/bundle.mjs'

export default async function bundleForTests() {
  const out = mkdtempSync(join(tmpdir(), 'token-mint-dist-'))
  await bundle(out)
  process.env.TOKEN_MINT_DIST = out
}
