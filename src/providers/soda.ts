import * as z from 'zod/mini'
import { describeValue, issuedToken, optional, printableText, readAnswer, uuid } from './answer.js'
import type { Provider, UnreadableExpiry } from './provider.js'

// The documented GetTokenResult (shared/seeds/soda-reporting-get-token.md). Its OpenAPI schema marks every field
// optional; only the token is indispensable. A user is the sign-up e-mail: 320 characters at most (RFC 5321).
const TokenAnswer = z.object({
  token: issuedToken,
  expires_in: optional(z.unknown()),
  organization_id: optional(uuid),
  user: optional(printableText(320))
})

const TEN_YEARS_SECONDS = 10 * 366 * 86_400

function readExpiry(value: unknown, now: Date): { expiresAt?: Date; unreadableExpiry?: UnreadableExpiry } {
  if (value === undefined || value === null) return {}
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= TEN_YEARS_SECONDS) {
    return { expiresAt: new Date(now.getTime() + value * 1000) }
  }
  return { unreadableExpiry: { field: 'expires_in', text: describeValue(value) } }
}

const REGIONS = { eu: 'https://reporting.cloud.soda.io/v1', us: 'https://reporting.cloud.us.soda.io/v1' }

export const soda: Provider<'username' | 'password'> = {
  name: 'soda',
  title: 'Soda Cloud',
  inputs: {
    username: { env: 'SODA_USERNAME', example: 'me@example.com' },
    password: { env: 'SODA_PASSWORD', secret: true }
  },
  regions: REGIONS,
  defaultRegion: 'eu',
  envName: 'SODA_TOKEN',
  // The Reporting API reads the token from a header named SODA_TOKEN (shared/seeds/soda-reporting-auth-notes.md).
  tokenHeader: 'SODA_TOKEN',
  account: [
    { output: 'organization-id', label: 'Organisation', schema: uuid },
    { output: 'user', label: 'User', schema: printableText(320) }
  ],

  request({ username, password }) {
    const basic = Buffer.from(`${username}:${password}`, 'utf8').toString('base64')
    return {
      request: {
        method: 'GET',
        path: '/get_token',
        headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' }
      },
      secrets: [basic]
    }
  },

  parse(body, { now, secret }) {
    const answer = readAnswer(TokenAnswer, body, 'Soda Cloud', secret)
    const account: Record<string, string> = {}
    if (answer.organization_id) account['organization-id'] = answer.organization_id
    if (answer.user) account['user'] = answer.user
    return { token: answer.token, ...readExpiry(answer.expires_in, now), account }
  },

  hint(status, { region }) {
    switch (status) {
      case 400:
        return 'Soda Cloud found the request invalid: check username and password.'
      case 401:
        return (
          'Check username (the e-mail you signed up with) and password, and the region: ' +
          `${otherRegion(region)} ` +
          'get_token does not serve accounts that sign in with Single Sign-On: Soda recommends API keys for them.'
        )
      case 403:
        return 'This user may not use the Reporting API: check its role in Soda Cloud.'
      case 404:
        return 'Check region and, if set, base-url (the API root ends in /v1).'
      default:
        return undefined
    }
  }
}

/** The region asked and the other one: an account of one region answers 401 on the other's host. */
function otherRegion(asked: string): string {
  const others = Object.keys(REGIONS).filter(region => region !== asked)
  return `this asked ${asked}; an account of ${others.join(' or ')} answers 401 there (set region: ${others.join(' or ')}).`
}
