// The `::add-mask::` lines the command line writes under GitHub Actions. Two rules of the runner shape them:
// - it unescapes a command's data (`%25` to `%`, `%0D` and `%0A` to line breaks), so a token holding `%25` would
//   register `%` in its place and leave itself in clear: the data is escaped the way the runner reads it back;
// - stderr is shared with the command (and anything else in the step), and one write to a pipe stays whole only up
//   to PIPE_BUF, 512 bytes by POSIX (4 KiB on Linux): a longer line can be torn by another writer, and a torn mask
//   registers nothing. A longer token is registered in pieces, each on a line that fits one such write. The runner
//   hides every piece wherever it appears, so the whole token is hidden where it appears (pieces side by side are
//   replaced as one run).

/** The longest line one write may carry whole, to any POSIX pipe: the line break before and after included. */
export const MASK_WRITE_MAX_BYTES = 512

const PREFIX = '::add-mask::'
/** What is left of one write for the escaped data: a line break before the command, one after. */
const DATA_MAX_BYTES = MASK_WRITE_MAX_BYTES - PREFIX.length - 2
/** `%` is the one printable ASCII character that escaping makes longer (three bytes). */
const WORST_ESCAPE = 3

/** A command's data as the runner reads it back unchanged. */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * The `::add-mask::` commands (without line breaks) that register `token`: one when it fits one write, else
 * pieces of equal length that together cover it. A token is printable ASCII (one byte a character).
 */
export function maskCommands(token: string): string[] {
  const escaped = escapeCommandData(token)
  if (escaped.length <= DATA_MAX_BYTES) return [`${PREFIX}${escaped}`]
  const perPiece = escaped.length === token.length ? DATA_MAX_BYTES : Math.floor(DATA_MAX_BYTES / WORST_ESCAPE)
  const count = Math.ceil(token.length / perPiece)
  const size = Math.ceil(token.length / count)
  const commands: string[] = []
  for (let start = 0; start < token.length; start += size) {
    commands.push(`${PREFIX}${escapeCommandData(token.slice(start, start + size))}`)
  }
  return commands
}
