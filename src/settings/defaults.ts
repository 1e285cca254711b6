// The one place where defaults and limits are written. settings.ts applies them, the CLI's usage text quotes them,
// and a test checks that action.yml declares the same defaults.
export const DEFAULTS = {
  exportEnv: true,
  timeoutSeconds: 30,
  maxAttempts: 3,
  minValiditySeconds: 60,
  cliOnPath: false
} as const

export const LIMITS = {
  timeoutSeconds: 600,
  maxAttempts: 10,
  minValiditySeconds: 86_400
} as const
