// The floor: a bare Socket.IO server relaying the same messages to the same rooms, with no validation,
// no store and no authorisation. What our server does per message is measured against this.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  socket.on('join', (req: { group: string; facilitator?: boolean }, ack: (r: unknown) => void) => {
    void socket.join(req.facilitator ? 'facilitators' : `g:${req.group}`);
    ack({ ok: true });
  });
  socket.on('answer', (msg: { group: string; text: string }, ack: (r: unknown) => void) => {
    io.to([`g:${msg.group}`, 'facilitators']).emit('answer', msg);
    ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  console.log(`floor ready at http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
