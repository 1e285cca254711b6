import * as z from 'zod/mini'
const s = z.object({ a: z.string(), b: z.optional(z.string().check(z.regex(/x/))) })
if (globalThis.nope) console.log(s)
