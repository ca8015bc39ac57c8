// The /reap admin builders against Slack's limits, in every language.
import { describe, expect, it } from 'vitest';
import { validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { ROLES, adminBlockId, adminLoadingModal, adminModal, adminProblemModal, adminResultModal } from '../../../src/slack/features/admin/ui/admin-modal.js';

const departments = Array.from({ length: 120 }, (_, i) => ({ code: `D${i}`, name: `Department of ${'Very Long Names & <Things> '.repeat(4)} ${i}` }));

function expectValidModal(view: unknown): void {
  const result = validateView(view, ['modal']);
  expect(result.errors.map((e) => `${e.pointer} ${e.message}`)).toEqual([]);
  expect(result.error).toBeUndefined();
}

describe('/reap admin form', () => {
  it('is valid before and after a person is picked, in every language', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      expectValidModal(adminModal(t, { departments, target: null }));
      expectValidModal(adminModal(t, { departments, target: { slackUserId: 'U0NEW', member: null } }));
      expectValidModal(
        adminModal(t, {
          departments,
          target: { slackUserId: 'U0MGR', member: { roles: [...ROLES], departmentCode: 'D3', managedDepartmentCodes: ['D1', 'D2', 'D119'], active: false } },
        }),
      );
      expectValidModal(adminLoadingModal(t));
      expectValidModal(adminProblemModal(t, 'x'.repeat(5000)));
      expectValidModal(
        adminResultModal(t, {
          slackUserId: 'U1',
          created: true,
          roles: ['STAFF'],
          department: departments[0]!,
          managed: departments.slice(0, 50),
          profileFailed: true,
        }),
      );
    }
  });

  it('prefills what the person has, with inputs whose ids name the person', () => {
    const view = adminModal(translator('en'), {
      departments: [
        { code: 'LIB', name: 'Library' },
        { code: 'DOT', name: 'Transportation' },
      ],
      target: { slackUserId: 'U0MGR01', member: { roles: ['MANAGER'], departmentCode: null, managedDepartmentCodes: ['LIB'], active: true } },
    });
    const block = (field: 'roles' | 'departmentCode' | 'managedDepartmentCodes') =>
      view.blocks.find((b) => b.block_id === adminBlockId(field, 'U0MGR01')) as { element: Record<string, unknown> } | undefined;
    expect((block('roles')!.element.initial_options as { value: string }[]).map((o) => o.value)).toEqual(['MANAGER']);
    expect(block('departmentCode')!.element.initial_option).toBeUndefined();
    expect((block('managedDepartmentCodes')!.element.initial_options as { value: string }[]).map((o) => o.value)).toEqual(['LIB']);
    expect(JSON.stringify(view.blocks)).toContain('<@U0MGR01> is in REAP Tracker as: Manager.');
    expect(view.blocks.find((b) => b.block_id === 'slackUserId')).toMatchObject({ dispatch_action: true, element: { initial_user: 'U0MGR01' } });
  });

  it('names every role in every language, distinctly', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const names = ROLES.map((r) => t(`admin.roleNames.${r}`));
      expect(new Set(names).size).toBe(ROLES.length);
      for (const n of names) expect(n).not.toMatch(/^admin\./);
    }
  });
});
