// The change notice DM: valid Block Kit in every language and role, the recipient's own
// language, user text escaped, and the right people told (services/change-notices.ts).
import { describe, expect, it } from 'vitest';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { noticeRecipients, type ChangeNotice, type NoticeRole } from '../../../src/services/change-notices.js';
import { changeNoticeMessage } from '../../../src/slack/features/digests/ui/change-notice.js';

const strategy = { id: 7, label: '2.3', text: 'Translate the <b>permit</b> guides & forms', departmentName: 'Parks & Rec', dueDate: '2027-03-31' };
const notices: ChangeNotice[] = [
  { kind: 'strategyReassigned', changeKey: 'strategy:7:v2', actorSlackId: 'UACTOR', strategy, previousOwnerSlackId: null, ownerSlackId: 'UNEW' },
  { kind: 'strategyAdded', changeKey: 'strategy:7:added', actorSlackId: 'UACTOR', strategy, ownerSlackId: null },
  { kind: 'strategyDeferred', changeKey: 'strategy:7:v3', actorSlackId: 'UACTOR', strategy, reason: 'x'.repeat(5000) },
  {
    kind: 'milestoneAdded',
    changeKey: 'milestone:3:added',
    actorSlackId: 'UACTOR',
    strategy,
    milestone: { title: 'Print *all*', dueDate: '2027-01-15', ownerSlackId: 'UM' },
  },
  {
    kind: 'strategyLeadMoved',
    changeKey: 'strategy:7:v4',
    actorSlackId: 'UACTOR',
    strategy: { ...strategy, departmentName: 'Housing', citywidePlan: 'Welcoming San José Plan 2.0: Moving toward Inclusion' },
    previousDepartmentName: 'Parks & Rec',
    previousOwnerSlackId: 'UOLD',
    ownerSlackId: null,
  },
];
const roles: NoticeRole[] = ['newOwner', 'previousOwner', 'owner', 'milestoneOwner', 'lead', 'previousLead'];

describe('changeNoticeMessage', () => {
  it('builds valid messages for every change, role and language', () => {
    for (const n of notices) {
      for (const role of roles) {
        for (const language of ['en', 'es', 'vi']) {
          const m = changeNoticeMessage(n, { slackUserId: 'U1', language, slackLocale: null, role });
          expect(validateBlocks(m.blocks, 'message'), `${n.kind} ${role} ${language}`).toEqual([]);
          expect(m.text.length).toBeGreaterThan(20);
          expect(m.text).not.toContain('notices.');
        }
      }
    }
  });

  it('speaks the recipient’s language, following Slack’s locale when they chose none', () => {
    const n = notices[0]!;
    expect(changeNoticeMessage(n, { slackUserId: 'U1', language: 'es', slackLocale: null, role: 'newOwner' }).text).toContain(
      'le asignó la estrategia 2.3 (Parks &amp; Rec)',
    );
    expect(changeNoticeMessage(n, { slackUserId: 'U1', language: null, slackLocale: 'vi-VN', role: 'newOwner' }).text).toContain('đã giao cho bạn phụ trách');
    expect(changeNoticeMessage(n, { slackUserId: 'U1', language: null, slackLocale: null, role: 'lead' }).text).toContain('to <@UNEW> (before: nobody)');
  });

  it('tells each side of a citywide lead move what it means for them, naming the plan', () => {
    const moved = notices.at(-1)!;
    const say = (role: NoticeRole, language = 'en') => changeNoticeMessage(moved, { slackUserId: 'U1', language, slackLocale: null, role }).text;
    expect(say('lead')).toBe(
      '<@UACTOR> made Housing the lead department of strategy 2.3 (Welcoming San José Plan 2.0) (before: Parks &amp; Rec). Its equity lead now manages the strategy, and its reporting follows Housing’s cadence.',
    );
    expect(say('previousLead')).toContain('from Parks &amp; Rec to Housing as lead department. Parks &amp; Rec no longer manages it.');
    expect(say('previousOwner')).toContain('You are not in Housing, so you are no longer its owner');
    expect(say('owner')).toContain('You remain its owner.');
    expect(say('previousOwner', 'es')).toContain('Usted no está en Housing, así que ya no es su responsable');
    expect(say('previousLead', 'vi')).toContain('từ Parks &amp; Rec sang Housing làm sở chủ trì');
  });

  it('shows what people typed as text', () => {
    const m = changeNoticeMessage(notices[0]!, { slackUserId: 'U1', language: 'en', slackLocale: null, role: 'lead' });
    expect(JSON.stringify(m.blocks)).toContain('Translate the &lt;b&gt;permit&lt;/b&gt; guides &amp; forms');
  });
});

describe('noticeRecipients', () => {
  const member = (id: number, slackUserId: string, lead = false, previousLead = false) => ({
    id,
    slackUserId,
    language: null,
    slackLocale: null,
    lead,
    previousLead,
  });

  it('tells each person once, by their first role, and never the actor', () => {
    const members = [member(1, 'UOLD', true), member(2, 'UNEW'), member(3, 'ULEAD', true), member(4, 'UACTOR', true)];
    const told = noticeRecipients(
      'UACTOR',
      {
        people: [
          { memberId: 2, role: 'newOwner' },
          { memberId: 1, role: 'previousOwner' },
        ],
        departmentId: 9,
      },
      members,
    );
    expect(told.map((r) => [r.slackUserId, r.role])).toEqual([
      ['UNEW', 'newOwner'],
      ['UOLD', 'previousOwner'],
      ['ULEAD', 'lead'],
    ]);
  });

  it('tells both departments’ equity leads of a lead move, the new one as lead', () => {
    const members = [member(1, 'UOWNER'), member(2, 'UNEWLEAD', true), member(3, 'UOLDLEAD', false, true)];
    const told = noticeRecipients('UACTOR', { people: [{ memberId: 1, role: 'previousOwner' }], departmentId: 9, previousDepartmentId: 8 }, members);
    expect(told.map((r) => [r.slackUserId, r.role])).toEqual([
      ['UOWNER', 'previousOwner'],
      ['UNEWLEAD', 'lead'],
      ['UOLDLEAD', 'previousLead'],
    ]);
  });

  it('skips people who are not active members (the query returns only those)', () => {
    const told = noticeRecipients(
      'UACTOR',
      {
        people: [
          { memberId: 5, role: 'owner' },
          { memberId: null, role: 'milestoneOwner' },
        ],
        departmentId: null,
      },
      [],
    );
    expect(told).toEqual([]);
  });
});
