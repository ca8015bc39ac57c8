// Invented City staff for the demo. The sandbox creates a fake Slack user for each persona
// (same id, name, email, time zone and locale), so what a demo user sees in Slack and what
// the database says about them agree. Together they cover every role, several languages,
// a member who follows Slack's locale (language null), Slack locales Slack itself offers
// (there is no Vietnamese Slack UI, so Vietnamese speakers pick `vi` in the app), a
// manager of several departments, a manager of one, and departments with no manager.
import type { Language, Role, SubscriptionKind } from '../../generated/prisma/enums.js';

export interface DemoPersona {
  /** Matches /^U[A-Z0-9]{2,}$/ like a real Slack user id. */
  slackUserId: string;
  name: string;
  email: string;
  /** Job title for the fake Slack profile. */
  title: string;
  /** IANA zone, as Slack's users.info reports it. */
  tz: string;
  /** Slack's locale for the user (users.info `locale`). */
  locale: string;
  /** The member's own /reap language choice; null follows the Slack locale. */
  language: Language | null;
  roles: readonly Role[];
  departmentCode: string | null;
  /** Departments the member manages (ManagedDepartment rows); only for MANAGER. */
  managedDepartmentCodes: readonly string[];
  subscriptions: readonly SubscriptionKind[];
}

const LA = 'America/Los_Angeles';
const DOMAIN = 'sanjoseca.gov.example';

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  // ORSE: the admins who run the app, plus ORSE's own lead and staff.
  {
    slackUserId: 'U0ORSE01',
    name: 'Marisol Vega',
    email: `marisol.vega@${DOMAIN}`,
    title: 'Racial Equity Program Manager, ORSE',
    tz: LA,
    locale: 'es-LA',
    language: 'es',
    roles: ['ORSE_ADMIN', 'REDI_MEMBER'],
    departmentCode: 'ORSE',
    managedDepartmentCodes: [],
    subscriptions: ['WEEKLY_DIGEST', 'REDI_DIGEST'],
  },
  {
    slackUserId: 'U0ORSE02',
    name: 'Daniel Tran',
    email: `daniel.tran@${DOMAIN}`,
    title: 'Senior Analyst, ORSE',
    tz: LA,
    locale: 'en-US',
    language: 'vi',
    roles: ['ORSE_ADMIN', 'EQUITY_LEAD'],
    departmentCode: 'ORSE',
    managedDepartmentCodes: [],
    subscriptions: ['WEEKLY_DIGEST'],
  },
  {
    slackUserId: 'U0ORSE03',
    name: 'Aisha Bello',
    email: `aisha.bello@${DOMAIN}`,
    title: 'Disability Affairs Officer, ORSE',
    tz: LA,
    locale: 'en-US',
    language: null,
    roles: ['STAFF'],
    departmentCode: 'ORSE',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  // Managers (Deputy City Manager level).
  {
    slackUserId: 'U0MGR01',
    name: "Kevin O'Connell",
    email: `kevin.oconnell@${DOMAIN}`,
    title: 'Deputy City Manager',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['MANAGER'],
    departmentCode: null,
    managedDepartmentCodes: ['HOUSING', 'LIB', 'PRNS'],
    subscriptions: ['WEEKLY_DIGEST'],
  },
  {
    slackUserId: 'U0MGR02',
    name: 'Lorena Gutiérrez',
    email: `lorena.gutierrez@${DOMAIN}`,
    title: 'Deputy Chief of Police',
    tz: LA,
    locale: 'es-ES',
    language: 'es',
    roles: ['MANAGER'],
    departmentCode: 'SJPD',
    managedDepartmentCodes: ['SJPD'],
    subscriptions: ['WEEKLY_DIGEST'],
  },
  // Housing
  {
    slackUserId: 'U0HSG01',
    name: 'Jasmine Okafor',
    email: `jasmine.okafor@${DOMAIN}`,
    title: 'Racial Equity Officer, Housing',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['EQUITY_LEAD'],
    departmentCode: 'HOUSING',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0HSG02',
    name: 'Tomás Herrera',
    email: `tomas.herrera@${DOMAIN}`,
    title: 'Development Specialist, Housing',
    tz: LA,
    locale: 'es-LA',
    language: null,
    roles: ['STAFF', 'REDI_MEMBER'],
    departmentCode: 'HOUSING',
    managedDepartmentCodes: [],
    subscriptions: ['REDI_DIGEST'],
  },
  // Library
  {
    slackUserId: 'U0LIB01',
    name: 'Priya Raman',
    email: `priya.raman@${DOMAIN}`,
    title: 'Chief of Staff, San José Public Library',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['EQUITY_LEAD'],
    departmentCode: 'LIB',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0LIB02',
    name: 'Minh Nguyen',
    email: `minh.nguyen@${DOMAIN}`,
    title: 'Librarian II, Tully Branch',
    tz: LA,
    locale: 'en-US',
    language: 'vi',
    roles: ['STAFF'],
    departmentCode: 'LIB',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0LIB03',
    name: 'Grace Kim',
    email: `grace.kim@${DOMAIN}`,
    title: 'Division Manager, Library Programs',
    tz: LA,
    locale: 'en-GB',
    language: null,
    roles: ['STAFF'],
    departmentCode: 'LIB',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  // Transportation
  {
    slackUserId: 'U0DOT01',
    name: 'Marcus Johnson',
    email: `marcus.johnson@${DOMAIN}`,
    title: 'Racial Equity Manager, Transportation',
    tz: LA,
    locale: 'en-US',
    language: null,
    roles: ['EQUITY_LEAD'],
    departmentCode: 'DOT',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0DOT02',
    name: 'Elena Ruiz',
    email: `elena.ruiz@${DOMAIN}`,
    title: 'Vision Zero Program Manager',
    tz: LA,
    locale: 'es-LA',
    language: 'es',
    roles: ['STAFF', 'REDI_MEMBER'],
    departmentCode: 'DOT',
    managedDepartmentCodes: [],
    subscriptions: ['REDI_DIGEST'],
  },
  // Clean Energy
  {
    slackUserId: 'U0SJCE01',
    name: 'Hannah Lee',
    email: `hannah.lee@${DOMAIN}`,
    title: 'Equity and Community Engagement Program Specialist, SJCE',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['EQUITY_LEAD'],
    departmentCode: 'SJCE',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0SJCE02',
    name: 'Bao Pham',
    email: `bao.pham@${DOMAIN}`,
    title: 'Customer Programs Analyst, SJCE',
    // Works remotely part of the year: reminders must follow the member's own zone.
    tz: 'America/Denver',
    locale: 'en-US',
    language: 'vi',
    roles: ['STAFF'],
    departmentCode: 'SJCE',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  // Parks, Recreation and Neighborhood Services
  {
    slackUserId: 'U0PRNS01',
    name: 'Rosa Martínez',
    email: `rosa.martinez@${DOMAIN}`,
    title: 'Equity Program Manager, PRNS',
    tz: LA,
    locale: 'es-ES',
    language: 'es',
    roles: ['EQUITY_LEAD'],
    departmentCode: 'PRNS',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0PRNS02',
    name: 'James Whitfield',
    email: `james.whitfield@${DOMAIN}`,
    title: 'Recreation Superintendent, PRNS',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['STAFF'],
    departmentCode: 'PRNS',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  // Police
  {
    slackUserId: 'U0SJPD01',
    name: 'Anthony Vu',
    email: `anthony.vu@${DOMAIN}`,
    title: 'Equity and Inclusion Manager, Police',
    tz: LA,
    locale: 'en-US',
    language: null,
    roles: ['EQUITY_LEAD'],
    departmentCode: 'SJPD',
    managedDepartmentCodes: [],
    subscriptions: [],
  },
  {
    slackUserId: 'U0SJPD02',
    name: 'Keisha Brown',
    email: `keisha.brown@${DOMAIN}`,
    title: 'Community Services Officer Supervisor, Police',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['STAFF', 'REDI_MEMBER'],
    departmentCode: 'SJPD',
    managedDepartmentCodes: [],
    subscriptions: ['REDI_DIGEST'],
  },
  // REDI members from departments without a demo REAP.
  {
    slackUserId: 'U0HR01',
    name: 'Samantha Cruz',
    email: `samantha.cruz@${DOMAIN}`,
    title: 'Training and Development Manager, Human Resources',
    tz: LA,
    locale: 'es-LA',
    language: null,
    roles: ['REDI_MEMBER'],
    departmentCode: 'HR',
    managedDepartmentCodes: [],
    subscriptions: ['REDI_DIGEST'],
  },
  {
    slackUserId: 'U0ITD01',
    name: 'Raj Patel',
    email: `raj.patel@${DOMAIN}`,
    title: 'Data Governance Lead, Information Technology',
    tz: LA,
    locale: 'en-US',
    language: 'en',
    roles: ['STAFF', 'REDI_MEMBER'],
    departmentCode: 'ITD',
    managedDepartmentCodes: [],
    subscriptions: ['REDI_DIGEST'],
  },
];
