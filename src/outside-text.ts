// Text from outside (a provider's answer, a redirect's host, an expiry it sent) is checked or neutralised here, and
// only here, before anything prints it. Runners read commands from a step's output: `::name::` at the start of a
// line, and the legacy `##[name]` (Azure Pipelines: `##vso[`) anywhere in it, so that `##[stop-commands]` would turn
// off every later `::add-mask::` of the step. Characters that do not print (controls, format characters, line
// separators, and the default-ignorable ones such as U+034F or U+FE0F) could hide a marker from a check yet vanish
// on the way to the runner, so they are never passed on either.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu')
const MARKER = /##(?:vso)?\[/i
// The runner trims leading whitespace (C#'s TrimStart: exactly Unicode's White_Space, U+00A0 and U+3000 included)
// before it looks for `::`, so `\u3000::warning::` is a command too.
const LEADING_COMMAND = /^\p{White_Space}*::/u
const LEADING_COLON = /^(\p{White_Space}*):(?=:)/u

/** What is wrong with outside text that is to be output or printed as it is; undefined when nothing is. */
export function outsideTextProblem(text: string): string | undefined {
  if (INVISIBLE.test(text)) return 'holds control or invisible characters'
  if (MARKER.test(text)) return 'holds a legacy workflow command marker (two # and a [)'
  if (LEADING_COMMAND.test(text)) return 'starts with a workflow command marker (::)'
  return undefined
}

/**
 * A line as it may be printed where a runner reads commands: characters that do not print are dropped (first, so
 * that dropping them cannot join a marker), each `##` is broken up (`# #`, which also breaks `##[` and `##vso[`),
 * and a leading `::` (after any whitespace) becomes `: :`. Everything the action and the command line print goes through this.
 */
export function neutraliseLine(line: string): string {
  return line
    .replace(INVISIBLE_ALL, '')
    .replace(/#(?=#)/g, '# ')
    .replace(LEADING_COLON, '$1: ')
}

/** Outside text quoted in a message: neutralised, and cut to `max` characters (cutting cannot make a marker). */
export function quoteOutsideText(text: string, max = 40): string {
  return neutraliseLine(text).slice(0, max)
}
