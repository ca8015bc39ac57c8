// Departments the FY 2023-2024 annual report names. The names are real; every setting
// below is invented for the demo (hence isDemo on every row), chosen to match what the
// report says about the organization as a whole:
// - "a few" beginner/emerging departments, "many" intermediate, "a couple" advanced, the
//   advanced ones having built data indexes (Library's EDI quality assessments,
//   Transportation's Vision Zero analysis);
// - six departments with budgeted equity staff: Housing, Library, Transportation,
//   Clean Energy, PRNS and Police;
// - "13 of Departments with active Equity Action Teams" citywide, so most of the ten here
//   have one; the beginners do not;
// - only some departments have a channel, so the app's "no channel: DM the lead instead"
//   path has demo data too.
import type { MaturityTier, ReportingCadence } from '../../generated/prisma/enums.js';

export interface SeedDepartment {
  code: string;
  name: string;
  maturityTier: MaturityTier;
  hasDedicatedEquityStaff: boolean;
  hasActiveEquityActionTeam: boolean;
  slackChannelId: string | null;
  reportingCadence: ReportingCadence;
}

export const SEED_DEPARTMENTS: readonly SeedDepartment[] = [
  {
    code: 'ORSE',
    name: 'Office of Racial and Social Equity',
    // ORSE coaches the others; the report's tiers describe the departments it assesses.
    maturityTier: 'ADVANCED',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0ORSE',
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'HOUSING',
    name: 'Housing Department',
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0HOUSING',
    reportingCadence: 'MONTHLY',
  },
  {
    code: 'LIB',
    name: 'San José Public Library',
    maturityTier: 'ADVANCED',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0LIBRARY',
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'DOT',
    name: 'Department of Transportation',
    maturityTier: 'ADVANCED',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0DOTEQUITY',
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'SJCE',
    name: 'San José Clean Energy',
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0SJCEEQUITY',
    reportingCadence: 'MONTHLY',
  },
  {
    code: 'PRNS',
    name: 'Parks, Recreation and Neighborhood Services',
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: 'C0PRNSEQUITY',
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'SJPD',
    name: 'Police Department',
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: true,
    hasActiveEquityActionTeam: true,
    slackChannelId: null,
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'HR',
    name: 'Human Resources Department',
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: false,
    hasActiveEquityActionTeam: true,
    slackChannelId: null,
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'ITD',
    name: 'Information Technology Department',
    maturityTier: 'BEGINNER',
    hasDedicatedEquityStaff: false,
    hasActiveEquityActionTeam: false,
    slackChannelId: null,
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'BUDGET',
    name: "City Manager's Budget Office",
    maturityTier: 'INTERMEDIATE',
    hasDedicatedEquityStaff: false,
    hasActiveEquityActionTeam: true,
    slackChannelId: null,
    reportingCadence: 'QUARTERLY',
  },
  {
    code: 'OEDCA',
    name: 'Office of Economic Development and Cultural Affairs',
    maturityTier: 'BEGINNER',
    hasDedicatedEquityStaff: false,
    hasActiveEquityActionTeam: false,
    slackChannelId: null,
    reportingCadence: 'QUARTERLY',
  },
];
