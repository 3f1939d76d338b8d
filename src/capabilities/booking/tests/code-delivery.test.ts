import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { bookingModule } from '../index.ts';

// Sign-in codes really leave the server: e-mail over SMTP to a local SMTP server, SMS through the
// webhook to a local HTTP server (both run by the test), in the person's language.
const mails: Array<{ to: string; body: string }> = [];
const smsCalls: Array<{ auth: string | undefined; body: { to: string; text: string } }> = [];
let smsStatus = 200;
let smtp: SMTPServer;
let sms: Server;
let h: CapabilityHarness;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  sms = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      smsCalls.push({ auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(smsStatus).end();
    });
  });
  await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const smsPort = (sms.address() as AddressInfo).port;
  h = await startCapabilityHarness([bookingModule], {
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_FROM: 'Salon <desk@salon.example>',
      SMS_WEBHOOK_URL: `http://127.0.0.1:${smsPort}/send`,
      SMS_WEBHOOK_TOKEN: 'sms-secret',
    },
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  sms?.close();
});

const post = (path: string, body: unknown) =>
  h.request(`/api/v1/booking/web${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('sign-in codes over real channels', () => {
  it('e-mails a code that signs in once', async () => {
    const asked = await post('/login/code', { identity: 'Vera@Example.com', language: 'en' });
    expect(asked.status).toBe(202);
    const mail = mails.at(-1);
    expect(mail?.to).toBe('vera@example.com');
    expect(mail?.body).toMatch(/From: Salon <desk@salon\.example>/);
    expect(mail?.body).toMatch(/Subject: Your sign-in code/);
    const code = /Your sign-in code: (\d{6})\./.exec(mail?.body ?? '')?.[1];
    expect(code).toBeTruthy();
    const verified = await post('/login/verify', { identity: 'vera@example.com', code });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as { token: string }).token).toBeTruthy();
    expect((await post('/login/verify', { identity: 'vera@example.com', code })).status).toBe(401);
  });

  it('sends an SMS through the webhook with its bearer token; a refusing gateway is a clear 503', async () => {
    const asked = await post('/login/code', { identity: '+49 151 2345 6789', language: 'ru' });
    expect(asked.status).toBe(202);
    const call = smsCalls.at(-1);
    expect(call?.auth).toBe('Bearer sms-secret');
    expect(call?.body.to).toBe('+4915123456789');
    const code = /Ваш код для входа: (\d{6})\./.exec(call?.body.text ?? '')?.[1];
    expect(code).toBeTruthy();
    expect((await post('/login/verify', { identity: '+4915123456789', code })).status).toBe(200);

    smsStatus = 500;
    const refused = await post('/login/code', { identity: '+49 151 0000 0000' });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/could not be sent.*try again/);
    smsStatus = 200;
  });
});
