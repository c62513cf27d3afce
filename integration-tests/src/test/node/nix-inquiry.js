#!/usr/bin/env node
// An agency's asynchronous inquiry to NIX over AMQP 1.0, with rhea (npm install rhea).
//
//   node nix-inquiry.js <host> <port> <agency> <service> '<request JSON>' [request address]
//
// Logs into the broker as the agency (demo password "demo"), sends the REST request JSON to
// nix.<AGENCY>.requests with application property "service", its own message-id and reply-to
// nix.<AGENCY>.replies, and prints the reply correlated to that message-id as one JSON line:
// {"status":…, "trackingId":…, "correlationId":…, "body":{…}}. A refusal by the broker prints
// {"refused": "<condition>"}. Exit code 0 on an answer or refusal, 2 when nothing came in time.
// NIX_SEND_COPIES=n sends the same message (same message-id) n times, as a sender retrying after a lost
// acknowledgement would: the broker's duplicate detection keeps one.
'use strict';
const rhea = require('rhea');
const crypto = require('crypto');

const [host, port, agency, service, body, address] = process.argv.slice(2);
const requests = address || `nix.${agency}.requests`;
const replies = `nix.${agency}.replies`;
const messageId = `rhea-${crypto.randomUUID()}`;
const copies = Number(process.env.NIX_SEND_COPIES || 1);

const container = rhea.create_container({ id: `nix-example-${agency}` });
const connection = container.connect({
  host, port: Number(port), username: agency, password: process.env.NIX_BROKER_PASSWORD || 'demo',
  reconnect: false,
});
const timer = setTimeout(() => { console.error(`no reply to ${messageId} within 60 s`); process.exit(2); }, 60000);

let done = false;
let settled = 0;
let reply;
function finish(result) {
  if (done) return;
  done = true;
  console.log(JSON.stringify(result));
  clearTimeout(timer);
  connection.close();
}

connection.open_receiver(replies);
connection.open_sender(requests);

container.on('sendable', (context) => {
  if (context.sender.sent) return;
  context.sender.sent = true;
  for (let copy = 0; copy < copies; copy++) {
    context.sender.send({
      message_id: messageId,
      reply_to: replies,
      application_properties: { service },
      body,
    });
  }
});

// The answer is printed once the broker has settled every copy, so that the caller knows its fate.
function finishWhenSettled() {
  if (reply && settled >= copies) finish(reply);
}
container.on('settled', () => { settled++; finishWhenSettled(); });

container.on('message', (context) => {
  if (context.message.correlation_id !== messageId) return; // a reply to an earlier request
  reply = {
    status: context.message.application_properties.status,
    trackingId: context.message.application_properties.trackingId,
    correlationId: context.message.correlation_id,
    body: JSON.parse(context.message.body),
  };
  finishWhenSettled();
});

for (const refusal of ['sender_error', 'receiver_error', 'connection_error']) {
  container.on(refusal, (context) => {
    const error = (context.sender || context.receiver || context.connection).error;
    finish({ refused: error ? error.condition : refusal });
  });
}
container.on('disconnected', (context) => {
  if (context.error) finish({ refused: String(context.error.code || context.error) });
});
