// The data files' tests (choices, knee views, conditions): each problem a schema finds as
// "path.to.field: message", so a failing test names the place to fix.
import type { z } from 'zod';

export function problemsOf(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}
