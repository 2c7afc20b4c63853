/** Room names. An event goes only to the rooms whose members may read it. */
export const sessionRoom = (sessionId: string) => `s:${sessionId}`;
export const facilitatorsRoom = (sessionId: string) => `s:${sessionId}:f`;
export const groupRoom = (sessionId: string, groupId: string) => `s:${sessionId}:g:${groupId}`;
/** Every socket of one participant, on any node: lets the server move them between group rooms and send them their slice. */
export const participantRoom = (sessionId: string, participantId: string) => `s:${sessionId}:p:${participantId}`;
