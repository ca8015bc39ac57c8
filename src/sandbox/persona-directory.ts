// The demo people as the page's "who are you?" chooser shows them: name, job title, roles in
// words and department, from the same seed data the database and the fake workspace use.
import { DEMO_PERSONAS, SEED_DEPARTMENTS } from '../db/seed/index.js';
import { resolveLanguage } from '../slack/i18n/index.js';

export interface PersonaCard {
  id: string;
  name: string;
  title: string;
  roles: string[];
  department: string | null;
  tz: string;
  /** The language REAP Tracker answers them in, and why: "Español (chosen in REAP Tracker)". */
  language: string;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', es: 'Español', vi: 'Tiếng Việt' };

/** What someone trying a persona should expect to read, the same rule as the app (resolveLanguage). */
function languageOf(p: { language: string | null; locale: string }): string {
  const name = LANGUAGE_NAMES[resolveLanguage(p.language, p.locale)]!;
  return p.language ? `${name} (chosen in REAP Tracker)` : `${name} (follows Slack: ${p.locale})`;
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
    language: languageOf(p),
  }));
}

export function isPersona(userId: string): boolean {
  return DEMO_PERSONAS.some((p) => p.slackUserId === userId);
}
