/**
 * Postgres and Redis for the multi-node tests come from DATABASE_URL and REDIS_URL. Without them those tests
 * skip with the reason, except under CI=true, where a missing service is a failure.
 */
export function serviceUrl(name: 'DATABASE_URL' | 'REDIS_URL'): string | null {
  const url = process.env[name];
  if (!url && process.env.CI === 'true') throw new Error(`${name} is not set: CI must run the multi-node tests (see .ci/run)`);
  return url ?? null;
}
