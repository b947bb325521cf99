import { linkKey, linkKeysOf, normalizedName } from '../../../api/apply/link-keys';

describe('link keys', () => {
  test('one key per profile however the URL is written', () => {
    for (const url of ['https://www.linkedin.com/in/Ada-Lovelace/', 'linkedin.com/in/ada-lovelace?trk=x', 'http://de.linkedin.com/in/ada-lovelace']) {
      expect(linkKey(url)).toBe('linkedin.com/in/ada-lovelace');
    }
    expect(linkKey('https://github.com/Ada/analytical-engine')).toBe('github.com/ada');
    expect(linkKey('https://www.ada.dev/about')).toBe('ada.dev');
    expect(linkKey('not a url')).toBeNull();
  });
  test('keys of a profile, without duplicates or empty links', () => {
    expect(linkKeysOf({ linkedin: 'https://linkedin.com/in/ada', github: null, website: '', others: ['https://x.com/ada'] })).toEqual(['linkedin.com/in/ada']);
  });
  test('names compared without case and accents', () => {
    expect(normalizedName('José', 'García')).toBe(normalizedName('jose', 'GARCIA'));
    expect(normalizedName('Ada', 'Lovelace')).not.toBe(normalizedName('Ada', 'Byron'));
  });
});
