// A mistyped option gets the option it most likely meant. Only a known option name is ever shown, never what was
// typed: an unknown "option" can be a secret pasted in the wrong place.

/** How far apart two names are: insertions, deletions, substitutions and swaps of neighbours (Damerau-Levenshtein). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  const at = (i: number, j: number) => (rows[i] as number[])[j] as number
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1)
      ;(rows[i] as number[])[j] = best
    }
  }
  return at(a.length, b.length)
}

/**
 * The known option closest to `typed` (without its dashes), if one is close enough to be a slip: the same name in
 * another case or with `_` for `-`, or at most two edits away (one for names of four letters or fewer).
 */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  const normal = typed.toLowerCase().replace(/_/g, '-')
  let closest: { name: string; distance: number } | undefined
  for (const name of known) {
    const distance = editDistance(normal, name)
    if (distance < (closest?.distance ?? Infinity)) closest = { name, distance }
  }
  if (!closest) return undefined
  return closest.distance <= (closest.name.length <= 4 ? 1 : 2) ? closest.name : undefined
}
