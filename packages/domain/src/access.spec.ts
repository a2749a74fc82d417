import { ROLE } from './codes';
import { ACTION_ACCESS, mayTake, rolesFor, ROLE_GROUP, type Action } from './access';
import { TRANSITIONS } from './transitions';

describe('role groups', () => {
  it('name only known roles, and everyone is someone', () => {
    for (const roles of Object.values(ROLE_GROUP)) for (const role of roles) expect(ROLE.values).toContain(role);
    expect([...ROLE_GROUP.anyone].sort()).toEqual([...ROLE.values].sort());
  });

  it('keep print staff away from the counter and clerks away from printing', () => {
    expect(ROLE_GROUP.counter).not.toContain('print_staff');
    expect(ROLE_GROUP.printing).not.toContain('clerk');
    expect(ROLE_GROUP.administration).toEqual(['admin']);
  });

  it('let exactly the roles of the transition table confirm a mailing', () => {
    const mailing = TRANSITIONS.find((t) => t.from === 'received' && t.to === 'inquiry_mailed')!;
    expect([...ROLE_GROUP.mailing].sort()).toEqual([...mailing.roles].sort());
  });

  it('let exactly the counter roles of the transition table work on cases', () => {
    const completing = TRANSITIONS.find((t) => t.from === 'received' && t.to === 'completed')!;
    expect([...ROLE_GROUP.caseWork].sort()).toEqual([...completing.roles].sort());
  });
});

describe('actions', () => {
  it('each belong to a role group', () => {
    for (const group of Object.values(ACTION_ACCESS)) expect(Object.keys(ROLE_GROUP)).toContain(group);
  });

  it('let the counter roles register (clerk+), and only those', () => {
    expect(ROLE.values.filter((r) => mayTake(r, 'registerCase'))).toEqual(['clerk', 'supervisor', 'admin']);
    expect(mayTake('print_staff', 'registerCase')).toBe(false);
  });

  it('let no one without a known role do anything', () => {
    for (const action of Object.keys(ACTION_ACCESS) as Action[]) {
      expect(mayTake(undefined, action)).toBe(false);
      expect(mayTake('mayor', action)).toBe(false);
    }
  });

  it('give the reissue to the roles that work on cases and the mailing to those of the transition table', () => {
    expect(rolesFor('reissueLetter')).toEqual(ROLE_GROUP.caseWork);
    expect(rolesFor('confirmMailed')).toEqual(ROLE_GROUP.mailing);
  });
});
