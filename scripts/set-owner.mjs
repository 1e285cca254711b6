// node scripts/set-owner.mjs [ROOT]: makes every document name the owner that package.json's `repository` names.
//
// The owner of the repository (`your-org` until it is published) is set in one place, package.json's `repository`;
// the examples, links and commands in the documents name it too. After changing that one line, run this to rewrite
// `<any owner>/token-mint-action` in each document; __tests__/docs-state.test.ts checks that they agree.
// Node built-ins only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The documents that name the repository, relative to the root. */
export function ownerDocuments(root) {
  const fixed = ['README.md', 'RELEASING.md', 'SECURITY.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'action.yml']
  return [...fixed, 'src/cli/usage.ts', ...readdirSync(join(root, 'docs')).map(name => `docs/${name}`)]
}

/** `<owner>/token-mint-action`, the owner captured; not part of a longer path segment. */
export const REPOSITORY_NAME = /(?<![\w.-])([\w.-]+)\/token-mint-action\b/g

/** The owner package.json's repository URL names. */
export function ownerOf(root) {
  const { repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const url = typeof repository === 'string' ? repository : repository?.url
  const match = /github\.com[/:]([\w.-]+)\/token-mint-action(?:\.git)?$/.exec(url ?? '')
  if (!match) throw new Error(`package.json's repository (${url}) is not github.com/<owner>/token-mint-action.`)
  return match[1]
}

/** Rewrites each document to name `owner`; returns the documents it changed. */
export function setOwner(root) {
  const owner = ownerOf(root)
  return ownerDocuments(root).filter(path => {
    const text = readFileSync(join(root, path), 'utf8')
    const rewritten = text.replace(REPOSITORY_NAME, `${owner}/token-mint-action`)
    if (rewritten !== text) writeFileSync(join(root, path), rewritten)
    return rewritten !== text
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? '.')
  const changed = setOwner(root)
  console.log(
    `${ownerOf(root)}/token-mint-action: ${changed.length ? `rewrote ${changed.join(', ')}` : 'every document agrees'}.`
  )
}
