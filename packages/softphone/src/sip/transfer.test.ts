import { expect, it } from 'vitest';
import { sipfragStatus } from './transfer';

it('reads the status of a message/sipfrag body, and nothing else', () => {
  expect(sipfragStatus('SIP/2.0 200 OK')).toBe(200);
  expect(sipfragStatus('SIP/2.0 100 Trying\r\n')).toBe(100);
  expect(sipfragStatus('  SIP/2.0 503 Service Unavailable')).toBe(503);
  expect(sipfragStatus('INVITE sip:bob@example.com SIP/2.0')).toBeNull();
  expect(sipfragStatus('SIP/2.0 20 OK')).toBeNull();
  expect(sipfragStatus('')).toBeNull();
});
