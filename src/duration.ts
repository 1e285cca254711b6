/**
 * A duration for people: "1.5 s", "45 s", "30 min", "1 h", "1 h 30 min". Minutes are rounded to the nearest:
 * the seconds lost between the provider's clock and ours are not news to anyone, so 3599 s reads "1 h".
 */
export function formatDuration(seconds: number): string {
  if (seconds < 59.5) {
    const rounded = Math.round(seconds * 10) / 10
    return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} s`
  }
  const minutes = Math.round(seconds / 60)
  const hours = Math.floor(minutes / 60)
  if (hours === 0) return `${minutes} min`
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
}
