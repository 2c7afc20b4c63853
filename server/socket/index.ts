import { AttachRequest, Command, InviteRequest, JoinRequest } from '../../shared/protocol/commands.js';
import type { AppServer, SocketDeps } from './context.js';
import { handle } from './handle.js';
import { attachHandler } from './handlers/attach.js';
import { commandHandler } from './handlers/command.js';
import { inviteHandler } from './handlers/invite.js';
import { joinHandler } from './handlers/join.js';
import { checkProtocolVersion } from './protocol-version.js';
import { clientAddress } from '../security/address.js';

export function registerSocketHandlers(io: AppServer, deps: SocketDeps): void {
  io.use(checkProtocolVersion);
  io.on('connection', (socket) => {
    socket.data.address = clientAddress(socket.handshake.address, socket.handshake.headers, deps.trustProxy);
    socket.on('attach', handle(socket, deps, AttachRequest, attachHandler(socket, deps), false));
    socket.on('join', handle(socket, deps, JoinRequest, joinHandler(socket, deps)));
    socket.on('command', handle(socket, deps, Command, commandHandler(socket, deps)));
    socket.on('invite', handle(socket, deps, InviteRequest, inviteHandler(socket, deps)));
  });
}
