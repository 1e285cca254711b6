import * as z from 'zod/mini'
import { readBody } from './body.js'
import type { Provider } from './provider.js'

// Soda's OpenAPI schema marks every field optional; only the token is indispensable.
const TokenBody = z.object({
  token: z.string().check(z.minLength(1)),
  expires_in: z.optional(z.int().check(z.nonnegative())),
  organization_id: z.optional(z.string()),
  user: z.optional(z.string())
})

export const soda: Provider = {
  name: 'soda',
  title: 'Soda Cloud',
  regions: { eu: 'https://reporting.cloud.soda.io/v1', us: 'https://reporting.cloud.us.soda.io/v1' },
  inputs: ['region'],
  envFallbacks: { username: 'SODA_USERNAME', password: 'SODA_PASSWORD' },
  envName: 'SODA_TOKEN',

  request({ username, password }) {
    const basic = Buffer.from(`${username}:${password}`, 'utf8').toString('base64')
    return {
      method: 'GET',
      path: '/get_token',
      headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
      secrets: [basic]
    }
  },

  parse(body, now) {
    const answer = readBody(TokenBody, body, 'Soda Cloud')
    const account: Record<string, string> = {}
    if (answer.organization_id) account['organization-id'] = answer.organization_id
    if (answer.user) account['user'] = answer.user
    return {
      token: answer.token,
      expiresAt: answer.expires_in === undefined ? undefined : new Date(now.getTime() + answer.expires_in * 1000),
      account
    }
  },

  hint(status) {
    switch (status) {
      case 400:
        return 'Soda Cloud found the request invalid: check username and password.'
      case 401:
        return 'Check username (the e-mail you signed up with) and password. get_token does not serve accounts that sign in with Single Sign-On: Soda recommends API keys for them.'
      case 403:
        return 'This user may not use the Reporting API: check its role in Soda Cloud.'
      case 404:
        return 'Check region and, if set, base-url (the API root ends in /v1).'
      default:
        return undefined
    }
  }
}
