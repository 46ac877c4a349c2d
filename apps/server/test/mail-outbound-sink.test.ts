import nodemailer from 'nodemailer';
import { expect, it } from 'vitest';
import { startSmtpSink } from './smtp-sink.js';

it('the test SMTP sink refuses the first message with 451, then keeps and parses the next', async () => {
  const sink = await startSmtpSink({ refuseFirst: 1 });
  const t = nodemailer.createTransport(sink.url);
  await expect(t.sendMail({ from: 'a@b.c', to: 'x@y.z', subject: 'one', text: 'hi' })).rejects.toMatchObject({
    responseCode: 451,
  });
  await t.sendMail({ from: 'a@b.c', to: 'x@y.z', subject: 'two', text: 'hi' });
  const [m] = await sink.waitFor(1);
  expect(m?.parsed.subject).toBe('two');
  expect(m?.envelope.to).toEqual(['x@y.z']);
  await sink.stop();
});
