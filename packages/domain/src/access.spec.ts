import { ROLE } from './codes';
import { ROLE_GROUP } from './access';
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
