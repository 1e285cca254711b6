/** "a", "a or b", "a, b or c". */
export function either(words: readonly string[]): string {
  return list(words, 'or')
}

/** "a", "a and b", "a, b and c". */
export function both(words: readonly string[]): string {
  return list(words, 'and')
}

function list(words: readonly string[], conjunction: string): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`
}
