import type { Server } from 'socket.io';
import { AttachRequest, Command, InviteRequest, JoinRequest } from '../../shared/protocol/commands.js';
import type { AppSocket, SocketDeps } from './context.js';
import { handle } from './handle.js';
import { attachHandler } from './handlers/attach.js';
import { commandHandler } from './handlers/command.js';
import { inviteHandler } from './handlers/invite.js';
import { joinHandler } from './handlers/join.js';

export function registerSocketHandlers(io: Server, deps: SocketDeps): void {
  io.on('connection', (socket: AppSocket) => {
    socket.data.address = socket.handshake.address;
    socket.on('attach', handle(socket, deps, AttachRequest, attachHandler(socket, deps)));
    socket.on('join', handle(socket, deps, JoinRequest, joinHandler(socket, deps)));
    socket.on('command', handle(socket, deps, Command, commandHandler(socket, deps)));
    socket.on('invite', handle(socket, deps, InviteRequest, inviteHandler(socket, deps)));
  });
}
