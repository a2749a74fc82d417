import { ROLE } from './codes';
import { ROLE_GROUP } from './access';

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
});
