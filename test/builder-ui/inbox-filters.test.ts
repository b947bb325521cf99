import { addressOf, inboxFilterFromParams } from '../../builder-ui/src/components/inbox-filters';

describe('inbox filter addresses', () => {
  test('a filter chosen while the page still asks who is signed in does not pin the inbox to "me"', () => {
    // Before /api/auth/me answers, the page reads the address as a non-team role would: assignee "me".
    const early = inboxFilterFromParams(new URLSearchParams(''), false);
    expect(early.assignee).toBe('me');
    const address = addressOf({ ...early, due: 'overdue' }, false);
    expect(address).toBe('/inbox?due=overdue');
    // Once the recruiter is known, that address shows everyone's overdue tasks.
    expect(inboxFilterFromParams(new URLSearchParams(address.split('?')[1]), true)).toMatchObject({ assignee: '', due: 'overdue' });
  });

  test('the recruiting team\'s own choice of assignee is kept, and the default state stays out of the address', () => {
    const filter = inboxFilterFromParams(new URLSearchParams('assignee=me&state=open&kind=REVIEW'), true);
    expect(addressOf(filter, true)).toBe('/inbox?assignee=me&kind=REVIEW');
    expect(addressOf({ ...filter, state: 'snoozed' }, true)).toBe('/inbox?state=snoozed&assignee=me&kind=REVIEW');
  });
});
