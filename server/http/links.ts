/**
 * Links people are given. Secrets ride in the fragment (#key=...), which browsers never send to a
 * server, so they stay out of access logs and proxies.
 */
export const facilitatorUrl = (origin: string, sessionId: string, key: string) => `${origin}/facilitate/${sessionId}#key=${key}`;
export const participantUrl = (origin: string, joinCode: string) => `${origin}/join/${joinCode}`;
export const projectorUrl = (origin: string, sessionId: string, key: string) => `${origin}/projector/${sessionId}#key=${key}`;
export const coordinatorUrl = (origin: string, programmeId: string, key: string) => `${origin}/programme/${programmeId}#key=${key}`;
