import { rmSync } from 'node:fs'

export default function removeTestBundle() {
  if (process.env.TOKEN_MINT_DIST) rmSync(process.env.TOKEN_MINT_DIST, { recursive: true, force: true })
}
