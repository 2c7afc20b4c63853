import type { Server } from 'socket.io';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { audienceOf, eventForParticipants } from '../../shared/domain/projection.js';
import { facilitatorsRoom, groupRoom, sessionRoom } from './rooms.js';

/** Sends committed events to the rooms that may see them (across nodes when a Redis adapter is set). */
export function createBroadcaster(io: Server) {
  return (sessionId: string, envelopes: EventEnvelope[], state: SessionState): void => {
    for (const envelope of envelopes) {
      const audience = audienceOf(state, envelope.event);
      const forParticipants = eventForParticipants(state, envelope.event);
      if (audience.kind === 'everyone') {
        if (forParticipants === envelope.event) io.to(sessionRoom(sessionId)).emit('event', envelope);
        else {
          io.to(facilitatorsRoom(sessionId)).emit('event', envelope);
          io.to(sessionRoom(sessionId)).except(facilitatorsRoom(sessionId)).emit('event', { ...envelope, event: forParticipants });
        }
        continue;
      }
      const groupRooms = audience.groupIds.map((gid) => groupRoom(sessionId, gid));
      if (forParticipants === envelope.event) {
        io.to([facilitatorsRoom(sessionId), ...groupRooms]).emit('event', envelope);
      } else {
        io.to(facilitatorsRoom(sessionId)).emit('event', envelope);
        if (groupRooms.length) io.to(groupRooms).emit('event', { ...envelope, event: forParticipants });
      }
    }
  };
}
