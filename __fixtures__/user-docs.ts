import { readdirSync, readFileSync } from 'node:fs'

// The pages a user reads and pastes from: the README and every page of docs/. The docs tests read all of them, so
// an example, a quoted message or a link is checked wherever it lives, and a page added to docs/ is checked too.

const root = new URL('..', import.meta.url)

export interface Page {
  /** Relative to the repository root, with `/`: `README.md`, `docs/cli.md`. */
  readonly path: string
  readonly text: string
}

/** The README, then every Markdown page of docs/ in name order. */
export function userPages(): Page[] {
  const docs = readdirSync(new URL('docs/', root))
    .filter(name => name.endsWith('.md'))
    .sort()
    .map(name => `docs/${name}`)
  return ['README.md', ...docs].map(path => ({ path, text: readFileSync(new URL(path, root), 'utf8') }))
}

/** Every user page in one text, for a fact that must be said on some page. */
export const userText = (): string =>
  userPages()
    .map(page => page.text)
    .join('\n')
