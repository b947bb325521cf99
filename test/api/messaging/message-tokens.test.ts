import { signedAddress, signLinkToken, verifyLinkToken, verifySignedAddress } from '../../../api/services/messaging/message-tokens';

const KEY = 'a-link-signing-key-of-at-least-32-bytes';
const OTHER_KEY = 'another-link-signing-key-of-32-bytes!!';
const ID = 'mabcdefghijklmnopqrstuvwx';

test('a link token names its message (and link) and nothing else', () => {
  const open = signLinkToken(KEY, 'open', ID);
  expect(open.startsWith(`${ID}.`)).toBe(true);
  expect(verifyLinkToken(KEY, 'open', open)).toEqual({ id: ID });
  const click = signLinkToken(KEY, 'click', ID, 3);
  expect(verifyLinkToken(KEY, 'click', click)).toEqual({ id: ID, linkIndex: 3 });
});

test('a preference token names a candidate whose id is a UUID (imported prospects)', () => {
  const candidateId = '0b6f6c52-3f1e-4a43-9d55-2f1c8f8e5a10';
  expect(verifyLinkToken(KEY, 'preferences', signLinkToken(KEY, 'preferences', candidateId))).toEqual({ id: candidateId });
});

test('forged, tampered, re-purposed and malformed tokens are refused', () => {
  const click = signLinkToken(KEY, 'click', ID, 3);
  const [id, , mac] = click.split('.');
  expect(verifyLinkToken(KEY, 'click', `${id}.4.${mac}`)).toBeNull();
  expect(verifyLinkToken(KEY, 'click', `mzzzzzzzzzzzzzzzzzzzzzzzz.3.${mac}`)).toBeNull();
  expect(verifyLinkToken(OTHER_KEY, 'click', click)).toBeNull();
  const unsubscribe = signLinkToken(KEY, 'unsubscribe', ID);
  expect(verifyLinkToken(KEY, 'preferences', unsubscribe)).toBeNull();
  expect(verifyLinkToken(KEY, 'open', unsubscribe)).toBeNull();
  for (const bad of ['', 'forged-token', `${ID}.`, `${ID}.${'A'.repeat(22)}`, `${ID}.x.${mac}`, `${ID}.01.${mac}`, 'x'.repeat(500)]) {
    expect(verifyLinkToken(KEY, 'click', bad)).toBeNull();
    expect(verifyLinkToken(KEY, 'unsubscribe', bad)).toBeNull();
  }
  expect(() => signLinkToken(KEY, 'open', 'Not An Id')).toThrow();
});

test('reply and bounce addresses fit an email local part and survive case folding', () => {
  const reply = signedAddress(KEY, 'reply', ID, 'mail.acme.example');
  expect(reply.split('@')[0]!.length).toBeLessThanOrEqual(64);
  expect(verifySignedAddress(KEY, reply, 'mail.acme.example')).toEqual({ kind: 'reply', messageId: ID });
  expect(verifySignedAddress(KEY, reply.toUpperCase(), 'MAIL.acme.example')).toEqual({ kind: 'reply', messageId: ID });
  expect(verifySignedAddress(KEY, signedAddress(KEY, 'bounce', ID, 'x.example'), 'x.example')).toEqual({ kind: 'bounce', messageId: ID });
});

test('a signed address is refused on another domain, for another purpose or with another id', () => {
  const reply = signedAddress(KEY, 'reply', ID, 'x.example');
  expect(verifySignedAddress(KEY, reply, 'y.example')).toBeNull();
  expect(verifySignedAddress(KEY, reply.replace('reply+', 'bounce+'), 'x.example')).toBeNull();
  expect(verifySignedAddress(KEY, reply.replace(ID, 'mzzzzzzzzzzzzzzzzzzzzzzzz'), 'x.example')).toBeNull();
  expect(verifySignedAddress(OTHER_KEY, reply, 'x.example')).toBeNull();
  expect(verifySignedAddress(KEY, 'talent@x.example', 'x.example')).toBeNull();
});
