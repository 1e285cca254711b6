// How the GitHub Actions runner reads a step's output lines, emulated from actions/runner's source
// (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs, the SecretMasker):
// - a line is split at \r\n, \r or \n (StreamReader.ReadLine);
// - `::name props::data` after leading whitespace (C# TrimStart: Unicode White_Space) is a command when `name` is
//   registered (case-insensitive); else the legacy `##[name props]data` anywhere in the line;
// - data is unescaped: %0D, %0A, then %25;
// - `::stop-commands::X` stops every command until a command named X (`::X::`, or `##[X]`) resumes them; while
//   stopped, every other command line is printed as text;
// - each registered mask hides every occurrence of itself in the lines that come after it; occurrences that touch
//   or overlap are replaced as one `***`.

const REGISTERED = [
  'add-mask',
  'stop-commands',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'add-matcher',
  'remove-matcher',
  'set-output',
  'save-state',
  'set-env',
  'add-path'
]

export interface RunnerView {
  /** The masks registered, in order. */
  readonly masks: string[]
  /** Every line the log shows (commands printed as text while stopped included), masked as the runner masks it. */
  readonly printed: string[]
  /** The stop token in force at the end, if commands are stopped. */
  readonly stoppedBy?: string
}

/** The runner's UnescapeData. */
export function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** The lines of a pipe's text, as the runner's reader cuts them. */
export function runnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function parseCommand(line: string, registered: Set<string>): { name: string; data: string } | undefined {
  const trimmed = line.replace(/^\p{White_Space}+/u, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    const name = end < 0 ? '' : (trimmed.slice(2, end).split(' ')[0] as string)
    if (end >= 0 && registered.has(name.toLowerCase())) {
      return { name, data: unescapeCommandData(trimmed.slice(end + 2)) }
    }
  }
  const prefix = line.indexOf('##[')
  const close = prefix < 0 ? -1 : line.indexOf(']', prefix)
  if (close < 0) return undefined
  const name = line.slice(prefix + 3, close).split(' ')[0] as string
  if (!registered.has(name.toLowerCase())) return undefined
  // The legacy form's Unescape also maps %3B and %5D; no test here depends on them.
  return { name, data: unescapeCommandData(line.slice(close + 1)) }
}

/** Hides every occurrence of every mask, merging occurrences that touch or overlap, as the SecretMasker does. */
export function maskLine(line: string, masks: readonly string[]): string {
  const ranges: [number, number][] = []
  for (const mask of masks) {
    if (mask === '') continue
    for (let at = line.indexOf(mask); at >= 0; at = line.indexOf(mask, at + 1)) ranges.push([at, at + mask.length])
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  let out = ''
  let done = 0
  for (const [start, end] of merged) {
    out += `${line.slice(done, start)}***`
    done = end
  }
  return out + line.slice(done)
}

/** What the runner makes of these lines, read in this order. */
export function readAsRunner(lines: readonly string[]): RunnerView {
  const registered = new Set(REGISTERED)
  const masks: string[] = []
  const printed: string[] = []
  let stoppedBy: string | undefined
  for (const line of lines) {
    const command = parseCommand(line, registered)
    if (command && stoppedBy !== undefined) {
      if (command.name.toLowerCase() === stoppedBy.toLowerCase()) {
        registered.delete(stoppedBy.toLowerCase())
        stoppedBy = undefined
      }
      printed.push(maskLine(line, masks))
    } else if (command?.name.toLowerCase() === 'stop-commands') {
      stoppedBy = command.data
      registered.add(stoppedBy.toLowerCase())
      if (stoppedBy.length > 6) masks.push(stoppedBy)
      printed.push(maskLine(line, masks))
    } else if (command?.name.toLowerCase() === 'add-mask') {
      masks.push(command.data)
    } else {
      printed.push(maskLine(line, masks))
    }
  }
  return { masks, printed, ...(stoppedBy === undefined ? {} : { stoppedBy }) }
}
