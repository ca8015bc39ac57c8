// The strategy-management builders against Slack's limits (the fake's validators), in every
// language, with extreme data; and the Manage overflow contract other features rely on.
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { expectLimitHints } from './limit-hints.js';
import { validateBlocks, validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { deactivationMessages } from '../../../src/slack/features/manage/ui/manage-deactivation.js';
import {
  closeModal,
  decodeStrategyMeta,
  deferModal,
  loadingModal,
  NOTICE_BLOCK_ID,
  problemModal,
  reassignModal,
  resultModal,
  withNotice,
  type OwnerChoices,
  type StrategyHeader,
} from '../../../src/slack/features/manage/ui/manage-modals.js';
import { MANAGE_ACTION_ID, MANAGE_OPS, manageOverflow, parseManageValue } from '../../../src/slack/features/manage/ui/manage-overflow.js';
import { milestoneEditModal, milestonesModal } from '../../../src/slack/features/manage/ui/milestone-form.js';
import {
  addCitywideStrategyModal,
  addStrategyModal,
  editStrategyModal,
  parseAddTarget,
  type CitywideAddData,
  type ObjectiveGroup,
} from '../../../src/slack/features/manage/ui/strategy-form.js';

const LIMITS = { text: 2000, performanceMeasures: 3000, outputs: 3000 };
const LONG = 'Équité & <accès> pour tous 🌎 '.repeat(200);
const HEADER: StrategyHeader = {
  label: '12.34',
  text: LONG,
  departmentName: 'Parks, Recreation & <Neighborhood> Services',
  planTitle: LONG,
  objectiveNumber: 12,
};
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ slackUserId: `U${String(i).padStart(6, '0')}`, name: `Person ${i} ${'with a very long name '.repeat(5)}` }));
const members = (n: number): OwnerChoices => ({ kind: 'members', members: people(n), departmentName: 'Library' });

function expectValidModal(view: unknown): void {
  expectLimitHints(view);
  const result = validateView(view, ['modal']);
  expect(result.errors.map((e) => `${e.pointer ?? ''} ${e.message ?? JSON.stringify(e)}`)).toEqual([]);
  expect(result.error).toBeUndefined();
}

describe('the Manage overflow contract', () => {
  it('is an overflow with action_id strategy:manage and the five documented values', () => {
    const el = manageOverflow(translator('en'), 42);
    expect(el.action_id).toBe(MANAGE_ACTION_ID);
    expect(MANAGE_ACTION_ID).toBe('strategy:manage');
    expect(el.options.map((o) => o.value)).toEqual(['edit:42', 'reassign:42', 'defer:42', 'close:42', 'milestone:add:42']);
  });

  it('fits a message, a modal and App Home, as a section accessory or beside the Update button, in every language', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const blocks: KnownBlock[] = [
        { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: '*1.1* Strategy' }, accessory: manageOverflow(t, 1) },
        {
          type: 'actions',
          block_id: 'b',
          elements: [{ type: 'button', action_id: 'update:open', text: { type: 'plain_text', text: 'Update' }, value: '2' }, manageOverflow(t, 2)],
        },
      ];
      for (const surface of ['message', 'modal', 'home'] as const) expect(validateBlocks(blocks, surface), `${lang} ${surface}`).toEqual([]);
    }
  });

  it('reads its values back and nothing else', () => {
    for (const op of MANAGE_OPS) expect(parseManageValue(`${op}:7`)).toEqual({ op, strategyId: 7 });
    for (const junk of ['', 'edit', 'edit:', 'edit:0', 'edit:-1', 'edit:1.5', 'edit:abc', 'delete:1', 'edit:99999999999', 'milestone:7', ' edit:1', null, 7]) {
      expect(parseManageValue(junk), String(junk)).toBeNull();
    }
  });

  it('refuses to build a menu without a strategy id', () => {
    expect(() => manageOverflow(translator('en'), 0)).toThrow();
  });
});

describe('strategy forms', () => {
  const groups = (plans: number, perPlan: number): ObjectiveGroup[] =>
    Array.from({ length: plans }, (_, p) => ({
      planTitle: `Plan ${p} ${LONG}`,
      objectives: Array.from({ length: perPlan }, (_, i) => ({ id: p * 1000 + i + 1, number: i + 1, title: LONG })),
    }));

  it('builds a valid Add form for a lead and for an admin, in every language, whatever the data size', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const department = { id: 1, code: 'PRNS', name: HEADER.departmentName! };
      const lead = addStrategyModal(t, { department, departments: null, objectiveGroups: groups(1, 150), owners: members(3), limits: LIMITS });
      expectValidModal(lead);
      const admin = addStrategyModal(t, {
        department,
        departments: Array.from({ length: 130 }, (_, i) => ({ id: i + 1, code: `D${i}`, name: `Department ${i} ${LONG}` })),
        objectiveGroups: groups(120, 120),
        owners: members(150),
        limits: LIMITS,
      });
      expectValidModal(admin);
      const ownerInput = admin.blocks.find((b) => b.block_id === 'ownerSlackId') as { element: { type: string } };
      expect(ownerInput.element.type).toBe('users_select');
      // 14,400 objectives would make the view too large for Slack: the newest plans' come first.
      const objective = admin.blocks.find((b) => b.block_id === 'objectiveId') as { element: { option_groups: { options: unknown[] }[] } };
      expect(objective.element.option_groups.flatMap((g) => g.options)).toHaveLength(300);
      expect(objective.element.option_groups).toHaveLength(3);
    }
  });

  it('offers no Submit when the department has no objectives, and says why', () => {
    const t = translator('en');
    const view = addStrategyModal(t, {
      department: { id: 1, code: 'HR', name: 'Human Resources' },
      departments: null,
      objectiveGroups: [],
      owners: { kind: 'anyone' },
      limits: LIMITS,
    });
    expectValidModal(view);
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Human Resources has no plan objectives yet');
  });

  it('prefills the Edit form, keeping a past due date, and limits text inputs to the service limits', () => {
    const t = translator('es');
    const view = editStrategyModal(t, {
      ...HEADER,
      meta: { strategyId: 9, version: 4 },
      limits: LIMITS,
      values: {
        text: 'Texto',
        dueDate: '2020-01-31',
        performanceMeasures: '',
        outputs: 'Un informe',
        flags: { languageAccess: true, disabilityAccess: false, genderEquity: true, priorityCommunities: false },
      },
    });
    expectValidModal(view);
    expect(JSON.parse(view.private_metadata!)).toEqual({ strategyId: 9, version: 4 });
    const byId = (id: string) => view.blocks.find((b) => b.block_id === id) as unknown as { element: Record<string, unknown> };
    expect(byId('text').element).toMatchObject({ initial_value: 'Texto', max_length: 2000 });
    expect(byId('dueDate').element).toMatchObject({ initial_date: '2020-01-31' });
    expect(byId('outputs').element).toMatchObject({ initial_value: 'Un informe', max_length: 3000 });
    expect((byId('flags').element.initial_options as { value: string }[]).map((o) => o.value)).toEqual(['languageAccess', 'genderEquity']);
  });
});

describe('a citywide plan’s strategy forms', () => {
  type Option = { value: string; text: { text: string } };
  type Element = {
    type: string;
    action_id: string;
    options?: Option[];
    option_groups?: { options: Option[] }[];
    initial_option?: Option;
    initial_options?: Option[];
  };
  const department = (id: number, name = `Department ${id}`) => ({ id, code: `D${id}`, name });
  const departments = (n: number) => Array.from({ length: n }, (_, i) => department(i + 1, `Department ${String(i + 1).padStart(3, '0')} ${LONG}`));
  const LIB = { id: 7, code: 'LIB', name: 'San José Public Library' };
  const PRNS = { id: 8, code: 'PRNS', name: 'Parks, Recreation & Neighborhood Services' };
  const HSG = { id: 9, code: 'HSG', name: 'Housing' };
  const WSJ = { id: 40, key: 'WSJ-2021-2024', title: 'Welcoming San José Plan 2.0' };
  const base = (over: Partial<CitywideAddData> = {}): CitywideAddData => ({
    plan: WSJ,
    departments: [LIB, HSG],
    citywidePlans: [WSJ],
    allDepartments: [HSG, PRNS, LIB],
    pillars: [
      { id: 401, number: 1, title: 'Leadership and Communications' },
      { id: 402, number: 2, title: 'Language Access' },
    ],
    lead: null,
    partnerIds: [],
    owners: null,
    ownerSlackId: null,
    limits: LIMITS,
    ...over,
  });
  const element = (view: { blocks: readonly unknown[] }, blockId: string) =>
    (view.blocks.find((b) => (b as { block_id?: string }).block_id === blockId) as { element?: Element } | undefined)?.element;
  const values = (e: Element | undefined) => [...(e?.options ?? []), ...(e?.option_groups ?? []).flatMap((g) => g.options)].map((o) => o.value);

  it('asks for the lead before offering owners, with every department as lead or partner', () => {
    for (const lang of LANGUAGES) {
      const view = addCitywideStrategyModal(translator(lang), base());
      expectValidModal(view);
      expect(JSON.parse(view.private_metadata!)).toEqual({ planId: WSJ.id });
      const lead = view.blocks.find((b) => b.block_id === 'leadDepartmentId') as { dispatch_action?: boolean; optional?: boolean; element: Element };
      expect(lead.dispatch_action).toBe(true);
      expect(lead.optional).toBeFalsy();
      expect(values(lead.element)).toEqual(['9', '8', '7']);
      expect(element(view, 'partnerDepartmentIds')?.type).toBe('multi_static_select');
      expect(values(element(view, 'partnerDepartmentIds'))).toEqual(['9', '8', '7']);
      // No owner before a lead: the owners are the lead's people.
      expect(element(view, 'ownerSlackId')).toBeUndefined();
      expect(values(element(view, 'objectiveId'))).toEqual(['401', '402']);
      // The admin's picker shows the citywide plan chosen, after the departments.
      expect(element(view, 'department')?.initial_option?.value).toBe('plan:40');
    }
    expect(JSON.stringify(addCitywideStrategyModal(translator('en'), base()).blocks)).toContain('Choose the lead department first');
  });

  it('offers the lead’s people as owners and leaves the lead out of the partners', () => {
    const view = addCitywideStrategyModal(translator('vi'), {
      ...base(),
      lead: LIB,
      partnerIds: [PRNS.id],
      owners: { kind: 'members', members: [{ slackUserId: 'U0LIB02', name: 'Lan' }], departmentName: LIB.name },
      ownerSlackId: 'U0LIB02',
    });
    expectValidModal(view);
    expect(element(view, 'leadDepartmentId')?.initial_option?.value).toBe('7');
    const partners = element(view, 'partnerDepartmentIds')!;
    expect(values(partners)).toEqual(['9', '8']);
    expect(partners.initial_options?.map((o) => o.value)).toEqual(['8']);
    const owner = element(view, 'ownerSlackId')!;
    expect(owner.type).toBe('static_select');
    expect(owner.initial_option?.value).toBe('U0LIB02');
    // A new lead is a new element, so Slack takes its initial choices.
    expect(owner.action_id).toBe('owner:lead:7');
    expect(partners.action_id).toBe('partners:7');
  });

  it('groups more departments than a select holds, with option text within 75 characters', () => {
    const many = departments(230);
    const view = addCitywideStrategyModal(translator('es'), { ...base(), allDepartments: many, departments: many, lead: many[0]!, owners: members(101) });
    expectValidModal(view);
    for (const id of ['leadDepartmentId', 'partnerDepartmentIds', 'department']) {
      const e = element(view, id)!;
      expect(e.option_groups!.every((g) => g.options.length <= 100)).toBe(true);
      expect(e.option_groups!.flatMap((g) => g.options).every((o) => [...o.text.text].length <= 75)).toBe(true);
    }
    expect(values(element(view, 'leadDepartmentId'))).toHaveLength(230);
    expect(values(element(view, 'partnerDepartmentIds'))).toHaveLength(229);
    expect(values(element(view, 'department'))).toContain('plan:40');
    // More than 100 people: anyone may be picked, and the service checks they are the lead's.
    expect(element(view, 'ownerSlackId')?.type).toBe('users_select');
  });

  it('offers the citywide plans in an admin’s department picker', () => {
    const view = addStrategyModal(translator('en'), {
      department: LIB,
      departments: [HSG, LIB],
      citywidePlans: [WSJ],
      objectiveGroups: [{ planTitle: 'Library plan', objectives: [{ id: 1, number: 1, title: 'Access' }] }],
      owners: members(2),
      limits: LIMITS,
    });
    expectValidModal(view);
    const picker = element(view, 'department')!;
    expect(picker.option_groups?.map((g) => g.options.map((o) => o.value))).toEqual([['9', '7'], ['plan:40']]);
    expect(picker.initial_option?.value).toBe('7');
    // A department plan's form has no lead or partners.
    expect(element(view, 'leadDepartmentId')).toBeUndefined();
    expect(element(view, 'partnerDepartmentIds')).toBeUndefined();
  });

  it('reads the picker’s value as a department or a citywide plan, and nothing else', () => {
    expect(parseAddTarget('7')).toEqual({ departmentId: 7 });
    expect(parseAddTarget('plan:40')).toEqual({ planId: 40 });
    for (const junk of [undefined, '', 'plan:', 'plan:0', '0', '-1', 'x7', 'plan:99999999999', '7.5']) expect(parseAddTarget(junk)).toBeNull();
  });

  it('shows the lead as a picker to ORSE admins and as text to the lead’s equity lead, partners to both', () => {
    const values_ = {
      text: 'Texto',
      dueDate: null,
      performanceMeasures: '',
      outputs: '',
      flags: { languageAccess: false, disabilityAccess: false, genderEquity: false, priorityCommunities: false },
    };
    const citywide = { departments: [HSG, PRNS, LIB], lead: LIB, partnerIds: [PRNS.id] };
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const admin = editStrategyModal(t, {
        ...HEADER,
        meta: { strategyId: 9, version: 4 },
        limits: LIMITS,
        values: values_,
        citywide: { ...citywide, canMoveLead: true },
      });
      expectValidModal(admin);
      expect(element(admin, 'leadDepartmentId')?.initial_option?.value).toBe('7');
      expect(element(admin, 'partnerDepartmentIds')?.initial_options?.map((o) => o.value)).toEqual(['8']);
      // An admin moving the lead may make the old lead a partner in the same Save.
      expect(values(element(admin, 'partnerDepartmentIds'))).toEqual(['9', '8', '7']);
      const lead = editStrategyModal(t, {
        ...HEADER,
        meta: { strategyId: 9, version: 4 },
        limits: LIMITS,
        values: values_,
        citywide: { ...citywide, canMoveLead: false },
      });
      expectValidModal(lead);
      expect(element(lead, 'leadDepartmentId')).toBeUndefined();
      expect(JSON.stringify(lead.blocks)).toContain('San José Public Library');
      expect(element(lead, 'partnerDepartmentIds')?.initial_options?.map((o) => o.value)).toEqual(['8']);
      expect(values(element(lead, 'partnerDepartmentIds'))).toEqual(['9', '8']);
    }
    const plain = editStrategyModal(translator('en'), { ...HEADER, meta: { strategyId: 9, version: 4 }, limits: LIMITS, values: values_ });
    expect(element(plain, 'leadDepartmentId')).toBeUndefined();
    expect(element(plain, 'partnerDepartmentIds')).toBeUndefined();
  });
});

describe('reassign, defer, close and the shared views', () => {
  it('are valid in every language with long text, escaping what people typed', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const meta = { strategyId: 1, version: 2 };
      for (const choices of [members(0), members(1), members(100), members(101), { kind: 'anyone' } as const]) {
        expectValidModal(reassignModal(t, { ...HEADER, meta, owner: { slackUserId: 'U1', name: 'A' }, needsReassignment: true, choices }));
      }
      expectValidModal(deferModal(t, { ...HEADER, meta, dueDate: '2026-01-01', status: 'IN_PROGRESS', reasonLimit: 1000 }));
      const close = closeModal(t, { ...HEADER, meta });
      expectValidModal(close);
      expect(JSON.stringify(close.blocks)).toContain('&lt;accès&gt;');
      expectValidModal(loadingModal(t));
      expectValidModal(resultModal(t, LONG, [LONG]));
      expectValidModal(problemModal(t, LONG));
    }
  });

  it('reads private_metadata back only when it is what the modal wrote', () => {
    expect(decodeStrategyMeta('{"strategyId":3,"version":1}')).toEqual({ strategyId: 3, version: 1 });
    for (const junk of ['', '{', '[]', '{"strategyId":"3","version":1}', '{"strategyId":3}', '{"strategyId":0,"version":1}', undefined, 'x'.repeat(4000)]) {
      expect(decodeStrategyMeta(junk)).toBeNull();
    }
  });

  it('puts a notice at the top of a submitted form without changing its inputs, once', () => {
    const t = translator('en');
    const form = deferModal(t, { ...HEADER, meta: { strategyId: 1, version: 2 }, dueDate: null, status: 'DEFERRED', reasonLimit: 1000 });
    const once = withNotice(form as Parameters<typeof withNotice>[0], 'Someone changed this strategy.') as typeof form;
    const twice = withNotice(once as Parameters<typeof withNotice>[0], 'Again.') as typeof form;
    expectValidModal(twice);
    expect(twice.blocks[0]).toMatchObject({ block_id: NOTICE_BLOCK_ID });
    expect(twice.blocks.filter((b) => b.block_id === NOTICE_BLOCK_ID)).toHaveLength(1);
    expect(twice.blocks.slice(1)).toEqual(form.blocks);
    expect(twice).toMatchObject({ callback_id: form.callback_id, private_metadata: form.private_metadata, submit: form.submit });
  });
});

describe('milestones', () => {
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: i + 1, title: `${LONG}`.slice(0, 300), dueDate: '2027-01-01', owner: i % 2 ? { slackUserId: 'U123' } : null }));

  it('lists open milestones within 100 blocks and says how many more there are', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const view = milestonesModal(t, { ...HEADER, strategyId: 5, open: items(80), owners: members(5), titleLimit: 300, notice: LONG });
      expectValidModal(view);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(JSON.stringify(view.blocks)).toMatch(/50/);
      expectValidModal(milestonesModal(t, { ...HEADER, strategyId: 5, open: [], owners: { kind: 'anyone' }, titleLimit: 300 }, ':77'));
      expectValidModal(
        milestoneEditModal(t, {
          strategyId: 5,
          strategyLabel: '1.2',
          milestone: items(1)[0]!,
          updatedAt: new Date(0).toISOString(),
          owners: members(3),
          titleLimit: 300,
        }),
      );
    }
  });
});

describe('the deactivation DM', () => {
  it('chunks many strategies into messages of at most 50 blocks, one Reassign button each', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const strategies = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, label: `${1 + (i % 7)}.${i}`, text: LONG }));
      const messages = deactivationMessages(t, { personSlackId: 'U0GONE', departmentName: HEADER.departmentName, strategies });
      expect(messages).toHaveLength(3);
      for (const m of messages) {
        expect(validateBlocks(m.blocks, 'message')).toEqual([]);
        expect(m.text).toContain('<@U0GONE>');
      }
      const buttons = messages.flatMap((m) => m.blocks.flatMap((b) => ('accessory' in b && b.accessory && 'value' in b.accessory ? [b.accessory.value] : [])));
      expect(buttons).toEqual(strategies.map((s) => String(s.id)));
      expect(JSON.stringify(messages[0]!.blocks)).toContain('&lt;Neighborhood&gt;');
    }
  });

  it('works for a plan without a department', () => {
    const [m] = deactivationMessages(translator('en'), { personSlackId: 'U1', departmentName: null, strategies: [{ id: 1, label: '1.1', text: 'x' }] });
    expect(validateBlocks(m!.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(m!.blocks)).toContain('These strategies were theirs');
  });
});
