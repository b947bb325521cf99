import { withoutAddresses } from '../../../api/services/messaging/record-send-decision';

test('relay errors are kept without the addresses they quote', () => {
  expect(withoutAddresses('550 5.1.1 <ada.lovelace@example.com>: Recipient address rejected')).toBe('550 5.1.1 <<address>>: Recipient address rejected');
  expect(withoutAddresses('connection refused')).toBe('connection refused');
});
