// The demo people as the page's "who are you?" chooser shows them: name, job title, roles in
// words and department, from the same seed data the database and the fake workspace use.
import { DEMO_PERSONAS, SEED_DEPARTMENTS } from '../db/seed/index.js';

export interface PersonaCard {
  id: string;
  name: string;
  title: string;
  roles: string[];
  department: string | null;
  tz: string;
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  ORSE_ADMIN: 'ORSE admin',
  EQUITY_LEAD: 'Equity lead',
  STAFF: 'Staff',
  MANAGER: 'Manager',
  REDI_MEMBER: 'REDI member',
};

export function personaCards(): PersonaCard[] {
  const departments = new Map(SEED_DEPARTMENTS.map((d) => [d.code, d.name]));
  return DEMO_PERSONAS.map((p) => ({
    id: p.slackUserId,
    name: p.name,
    title: p.title,
    roles: p.roles.map((r) => ROLE_LABELS[r] ?? r),
    department: p.departmentCode === null ? null : (departments.get(p.departmentCode) ?? p.departmentCode),
    tz: p.tz,
  }));
}

export function isPersona(userId: string): boolean {
  return DEMO_PERSONAS.some((p) => p.slackUserId === userId);
}
