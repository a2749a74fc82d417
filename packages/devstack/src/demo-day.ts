import { dateColumn, type Database } from '@madoguchi/db';
import { addDays, japanDate } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';

/**
 * 見本市's working day, for a newcomer's first look: about thirty cases in every state, made the
 * way the counter makes them — registered, moved, printed and mailed through the running API, the
 * letters rendered by the running worker — then a few dates moved back so that two replies are
 * overdue and the list spans some weeks. Runs once, on a demo database that has no cases yet.
 */

interface Person {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
}

const HOLDERS: (Person & { birthDate: string; address: string; postalCode: string })[] = [
  ['見本', '花子', 'ミホン', 'ハナコ', '1950-04-01'],
  ['𠮷田', '一郎', 'ヨシダ', 'イチロウ', '1948-02-29'],
  ['髙橋', '和子', 'タカハシ', 'カズコ', '1962-11-03'],
  ['山田', '太郎', 'ヤマダ', 'タロウ', '1975-06-15'],
  ['佐藤', '美咲', 'サトウ', 'ミサキ', '1988-09-09'],
  ['鈴木', '健', 'スズキ', 'ケン', '1959-01-20'],
  ['渡邊', '恵', 'ワタナベ', 'メグミ', '1943-03-03'],
  ['伊藤', '翔', 'イトウ', 'ショウ', '2001-12-24'],
  ['中村', '洋子', 'ナカムラ', 'ヨウコ', '1955-07-07'],
  ['小林', '修', 'コバヤシ', 'オサム', '1970-10-10'],
].map(([familyName, givenName, familyNameKana, givenNameKana, birthDate], i) => ({
  familyName: familyName!,
  givenName: givenName!,
  familyNameKana: familyNameKana!,
  givenNameKana: givenNameKana!,
  birthDate: birthDate!,
  postalCode: `100-00${String(10 + i)}`,
  address: `見本県見本市中央${i + 1}-${(i % 4) + 1}-${(i % 7) + 2}`,
}));

const CHILD = {
  familyName: '見本',
  givenName: '陽太',
  familyNameKana: 'ミホン',
  givenNameKana: 'ヒナタ',
  birthDate: '2016-05-05',
  postalCode: '100-0001',
  address: '見本県見本市中央1-2-3',
};
const AGENT: Person = { familyName: '見本', givenName: '次郎', familyNameKana: 'ミホン', givenNameKana: 'ジロウ' };

const LICENCE = (presentedBy: 'holder' | 'representative') => ({ presentedBy, type: 'drivers_license', expiresOn: '2030-06-30' });

function selfCase(i: number) {
  const holder = HOLDERS[i % HOLDERS.length]!;
  return {
    route: 'self',
    reason: i % 3 === 0 ? 'locked' : 'forgotten',
    pins: i % 2 ? ['user_auth', 'resident_registry'] : ['card_info'],
    holder: { ...holder, adultWard: false, hasSignatureCertificate: true },
    documents: [
      { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
      { presentedBy: 'holder', type: 'qualification_certificate' },
    ],
  };
}

function legalCase() {
  return {
    route: 'legal_representative',
    reason: 'forgotten',
    pins: ['user_auth'],
    holder: { ...CHILD, adultWard: false, hasSignatureCertificate: false },
    representative: { kind: 'parent', ...AGENT },
    documents: [
      { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
      { presentedBy: 'holder', type: 'maternal_child_handbook' },
      { presentedBy: 'representative', type: 'drivers_license', expiresOn: '2030-06-30' },
      { presentedBy: 'representative', type: 'qualification_certificate' },
    ],
    waivers: { sameHouseholdParentChild: true, familyRegisterInCity: false },
    attested: ['representative_current_address'],
  };
}

function agentCase(i: number) {
  const holder = HOLDERS[(i + 3) % HOLDERS.length]!;
  return {
    route: 'voluntary_agent',
    reason: i % 4 === 0 ? 'locked' : 'forgotten',
    pins: ['resident_registry', 'card_info'],
    holder: { ...holder, adultWard: false, hasSignatureCertificate: true },
    representative: {
      kind: 'agent',
      ...AGENT,
      birthDate: `197${i % 10}-0${(i % 9) + 1}-15`,
      givenName: ['次郎', '三郎', '四郎'][i % 3]!,
      givenNameKana: ['ジロウ', 'サブロウ', 'シロウ'][i % 3]!,
    },
    documents: [LICENCE('representative')],
    attested: ['holder_address_checked'],
  };
}

const VISIT_2 = [
  { presentedBy: 'holder', type: 'sealed_reply_form' },
  { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
  { presentedBy: 'holder', type: 'pension_book' },
  LICENCE('representative'),
  { presentedBy: 'representative', type: 'qualification_certificate' },
];

interface CaseAnswer {
  id: string;
  version: number;
  letters: { inquiryNumber: string }[];
}

class Api {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly password: string,
  ) {}

  private async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await this.request('POST', '/api/auth/login', undefined, { username, password: this.password });
    const token = (res as { accessToken: string }).accessToken;
    this.tokens.set(username, token);
    return token;
  }

  private async request(method: string, path: string, token: string | undefined, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as unknown;
    if (!res.ok) throw new Error(`demo day: ${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  async as(username: string, method: string, path: string, body?: unknown): Promise<unknown> {
    return this.request(method, path, await this.token(username), body);
  }

  register(body: object) {
    return this.as('clerk', 'POST', '/api/cases', body) as Promise<CaseAnswer>;
  }

  move(username: string, c: { id: string; version: number }, body: object) {
    return this.as(username, 'POST', `/api/cases/${c.id}/transitions`, { version: c.version, ...body }) as Promise<CaseAnswer>;
  }
}

/** Wait for something the worker does (a letter rendered, a run merged): the database says when. */
async function until(what: string, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`demo day: ${what} did not happen within ${timeoutMs / 1000} s (is the worker running?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface DemoDayOptions {
  apiUrl: string;
  password: string;
  letterSecret: string;
  /** The demo municipality's code (its cases are counted to know whether the day is there). */
  municipalityCode: string;
}

/** Make the demo day unless the demo municipality already has cases. Answers how many cases it made. */
export async function seedDemoDay(db: Database, options: DemoDayOptions): Promise<number> {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { code: options.municipalityCode }, select: { id: true } });
  if (await db.pinResetCase.count({ where: { office: { municipalityId: municipality.id } } })) return 0;
  // The resident register of 見本市: every demo holder, and the child, as fictional residents.
  await db.resident.createMany({
    data: [...HOLDERS, CHILD].map(({ birthDate, ...person }, i) => ({
      municipalityId: municipality.id,
      residentKey: `DEMO-${String(i + 1).padStart(4, '0')}`,
      ...person,
      birthDate: dateColumn(birthDate),
    })),
    skipDuplicates: true,
  });
  const api = new Api(options.apiUrl, options.password);
  const codes = new LetterCodes(options.letterSecret);
  const today = japanDate(new Date());

  // The counter's same-day work: self and parent applications, most completed, one withdrawn.
  const selfCases = [];
  for (let i = 0; i < 8; i++) selfCases.push(await api.register(selfCase(i)));
  const legal = [];
  for (let i = 0; i < 4; i++) legal.push(await api.register(legalCase()));
  for (const c of [...selfCases.slice(0, 6), ...legal.slice(0, 3)]) await api.move('clerk', c, { to: 'completed' });
  await api.move('clerk', selfCases[7]!, { to: 'cancelled', reason: 'withdrawn', note: '本人が後日来庁' });

  // The agent route: eighteen letters, twelve of them printed in one run and mailed.
  const agents = [];
  for (let i = 0; i < 18; i++) agents.push(await api.register(agentCase(i)));
  const letterIds = agents.map((c) => c.id);
  await until(
    'the letters being rendered',
    async () => (await db.inquiryLetter.count({ where: { caseId: { in: letterIds }, status: 'ready' } })) === agents.length,
  );
  const mailed = agents.slice(0, 12);
  const run = (await api.as('print_staff', 'POST', '/api/print-runs', { caseIds: mailed.map((c) => c.id) })) as { id: string };
  await until('the print run being merged', async () => (await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).status === 'ready');
  await api.as('print_staff', 'POST', `/api/print-runs/${run.id}/mailed`, {});

  // Replies came back for three; one of them is complete. One holder never answered.
  const current = async (id: string) => (await api.as('clerk', 'GET', `/api/cases/${id}`)) as CaseAnswer;
  for (const [i, c] of mailed.slice(0, 3).entries()) {
    const now = await current(c.id);
    const { inquiryNumber } = now.letters.at(-1)!;
    const returned = await api.move('clerk', now, {
      to: 'reply_returned',
      reply: { inquiryNumber, checkCode: codes.checkCodeFor(inquiryNumber) },
      agentConfirmed: true,
      attested: ['representative_current_address'],
      documents: VISIT_2,
    });
    if (i === 0) await api.move('clerk', returned, { to: 'completed' });
  }
  await api.move('supervisor', await current(mailed[3]!.id), { to: 'cancelled', reason: 'reply_overdue', note: '期限までに回答なし' });

  // Time, for the dashboards: registrations spread over the past three weeks, two replies overdue.
  const all = [...selfCases, ...legal, ...agents];
  for (const [i, c] of all.entries()) {
    const daysAgo = i < 4 ? 0 : (i * 7) % 21;
    await db.pinResetCase.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - daysAgo * 86_400_000) } });
  }
  for (const c of mailed.slice(4, 6)) {
    const mailedOn = addDays(today, -40);
    await db.inquiryLetter.updateMany({
      where: { caseId: c.id, status: 'mailed' },
      data: { mailedOn: dateColumn(mailedOn), issuedOn: dateColumn(addDays(mailedOn, -1)), replyDeadline: dateColumn(addDays(mailedOn, 30)) },
    });
    await db.pinResetCase.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - 42 * 86_400_000) } });
  }
  // From now on 見本市 takes the agent route's holders from its resident register (the fictional
  // residents above): a new version of its policy, as an admin would make it.
  const [inForce] = (await api.as('admin', 'GET', '/api/policy')) as { policy: Record<string, unknown> }[];
  await api.as('admin', 'PUT', '/api/policy', { ...inForce!.policy, residentRegister: 'required' });
  return all.length;
}
