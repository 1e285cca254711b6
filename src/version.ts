// Kept in step with package.json by a test; a JSON import would bundle the whole manifest.
export const VERSION = '1.1.0'
export const USER_AGENT = `token-mint-action/${VERSION} node/${process.version}`
