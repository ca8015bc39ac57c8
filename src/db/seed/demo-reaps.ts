// Invented departmental Racial Equity Action Plans for FY 2024-2026, grounded in the
// annual report's departmental highlights (SJCE's supplier diversity, "Keeping the Lights
// On" and disconnection outreach; DOT's Vision Zero work with unhoused residents; the
// Library's EDI Quality Standards and toolkit; SJ4All's review of PRNS sports field
// reservations) and in ORSE's ask that new REAPs consider language access, disability
// access and gender equity.
//
// Every date is an offset in days from "today" in the City's time zone, so the demo always
// shows overdue work, work due within two weeks, strategies nobody updated this period,
// and updates from this period and the last one, whenever it is seeded. The plans are
// named FY 2024-2026 as the report announced them even though, seeded after June 2026,
// their open items fall after the plan period: the demo is about the reminders.
import type { StrategyStatus, Visibility } from '../../generated/prisma/enums.js';

export interface DemoMilestone {
  title: string;
  dueInDays: number;
  /** Slack user id; defaults to the strategy owner. */
  owner?: string;
  /** Set for a completed milestone: completed this many days before today. */
  completedDaysAgo?: number;
}

export interface DemoUpdate {
  /** The department's reporting period containing today, or the one before it. */
  period: 'current' | 'previous';
  /** Submitted this many days after the period started (never later than now). */
  dayInPeriod: number;
  author: string;
  /** Set when the author (an equity lead) reported for the owner. */
  onBehalfOf?: string;
  statusFrom: StrategyStatus;
  statusTo: StrategyStatus;
  visibility: Visibility;
  narrative: string;
  measureValues?: string;
  outputs?: string;
  roadblocks?: string;
  helpNeeded?: string;
  practices?: string;
  evidenceUrl?: string;
  communitiesReached?: string;
  languagesServed?: string;
  accessibilityNotes?: string;
}

export interface DemoStrategy {
  text: string;
  /** Must equal the statusTo of the latest update, if any. */
  status: StrategyStatus;
  owner: string;
  dueInDays: number;
  performanceMeasures: string;
  outputs?: string;
  languageAccess?: boolean;
  disabilityAccess?: boolean;
  genderEquity?: boolean;
  priorityCommunities?: boolean;
  milestones: readonly DemoMilestone[];
  /** Oldest first. */
  updates: readonly DemoUpdate[];
}

export interface DemoObjective {
  title: string;
  strategies: readonly DemoStrategy[];
}

export interface DemoReap {
  departmentCode: string;
  title: string;
  vision?: string;
  mission?: string;
  objectives: readonly DemoObjective[];
}

export const DEMO_REAP_FISCAL_START_YEAR = 2024;
export const DEMO_REAP_FISCAL_END_YEAR = 2026;

export function demoReapKey(departmentCode: string): string {
  return `${departmentCode}-FY${DEMO_REAP_FISCAL_START_YEAR}-${DEMO_REAP_FISCAL_END_YEAR}`;
}

export const DEMO_REAPS: readonly DemoReap[] = [
  {
    departmentCode: 'SJCE',
    title: 'San José Clean Energy Racial Equity Action Plan FY 2024-2026',
    vision: 'Clean, affordable energy that every San José household can count on.',
    objectives: [
      {
        title: 'Reduce the burden of energy costs and disconnections for low-income customers.',
        strategies: [
          {
            text: 'Carry out the "Keeping the Lights On" communications plan for customers at risk of disconnection by PG&E, in English, Spanish and Vietnamese.',
            status: 'IN_PROGRESS',
            owner: 'U0SJCE02',
            dueInDays: 10,
            performanceMeasures: '% of at-risk customers reached before a disconnection notice; % who enroll in a payment plan or discount program',
            outputs: 'Notice inserts, text reminders and radio spots in three languages',
            languageAccess: true,
            priorityCommunities: true,
            milestones: [
              { title: 'Translate disconnection-notice inserts into Spanish and Vietnamese', dueInDays: -25, completedDaysAgo: 27 },
              { title: 'Launch text-message reminders for customers 30 days past due', dueInDays: 10 },
            ],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 18,
                author: 'U0SJCE02',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'Translated notice inserts went out with the monthly bill to 4,100 customers flagged by PG&E as at risk.',
                measureValues: '4,100 customers reached; 312 called the help line',
                practices: 'Testing the inserts with Vietnamese-speaking customers at a library branch first caught two confusing terms before print.',
                languagesServed: 'English, Spanish, Vietnamese',
                communitiesReached: 'East San José, Alum Rock, Seven Trees',
              },
              {
                period: 'current',
                dayInPeriod: 6,
                author: 'U0SJCE02',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'Text reminders are drafted; waiting on opt-in language from the City Attorney before launch.',
                roadblocks: 'Legal review of the text-message opt-in language has taken three weeks so far.',
                helpNeeded: 'Has another department cleared SMS opt-in wording with the City Attorney we could reuse?',
                languagesServed: 'English, Spanish, Vietnamese',
              },
            ],
          },
          {
            text: 'Expand outreach to customers at risk for disconnection through community-based organization partners.',
            status: 'IN_PROGRESS',
            owner: 'U0SJCE01',
            dueInDays: -12,
            performanceMeasures: '# of outreach events held with partners; # of households connected to bill assistance',
            priorityCommunities: true,
            milestones: [{ title: 'Sign outreach agreements with three community-based organizations', dueInDays: -12 }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 25,
                author: 'U0SJCE01',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'INTERNAL',
                narrative: 'Two partners agreed to terms; the third asked for a smaller reporting burden.',
                roadblocks: 'Partner reporting requirements are heavier than the stipend justifies.',
              },
            ],
          },
          {
            text: 'Enroll eligible households in bill discount programs at SJCE community events.',
            status: 'ONGOING',
            owner: 'U0SJCE02',
            dueInDays: 150,
            performanceMeasures: '# of households enrolled at events',
            outputs: 'Enrollment tables at 6 community events a year',
            priorityCommunities: true,
            milestones: [{ title: 'Staff the enrollment table at the Tet Festival', dueInDays: 75 }],
            updates: [],
          },
        ],
      },
      {
        title: 'Build an inclusive workplace and supplier base that reflects the communities SJCE serves.',
        strategies: [
          {
            text: 'Expand supplier diversity initiatives: track spending with small, local and diverse suppliers and publish it yearly.',
            status: 'IN_PROGRESS',
            owner: 'U0SJCE01',
            dueInDays: 45,
            performanceMeasures: '% of discretionary spending with small, local and diverse suppliers',
            outputs: 'Annual supplier diversity report',
            milestones: [
              { title: 'Publish the supplier diversity baseline', dueInDays: -40, completedDaysAgo: 44 },
              { title: 'Host a supplier diversity information session for local small businesses', dueInDays: 5 },
            ],
            updates: [
              {
                period: 'current',
                dayInPeriod: 3,
                author: 'U0SJCE01',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'PUBLIC',
                narrative: 'Baseline published: 14% of discretionary spending went to small, local or diverse suppliers.',
                measureValues: '14% of discretionary spending',
                outputs: 'Supplier diversity baseline',
                practices: 'Pairing the baseline with a plain-language one-pager made it easy for Council offices to share.',
                evidenceUrl: 'https://www.sanjoseca.gov.example/sjce/supplier-diversity',
              },
            ],
          },
          {
            text: 'Hold a yearly department-wide racial equity training for all SJCE staff.',
            status: 'COMPLETED',
            owner: 'U0SJCE01',
            dueInDays: -60,
            performanceMeasures: '% of SJCE staff trained',
            outputs: 'Half-day department-wide training',
            milestones: [{ title: 'Deliver the half-day department-wide training', dueInDays: -60, completedDaysAgo: 62 }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 10,
                author: 'U0SJCE01',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'COMPLETED',
                visibility: 'PUBLIC',
                narrative: 'All SJCE staff attended the half-day racial equity training.',
                measureValues: '100% of staff trained',
                accessibilityNotes: 'Live captioning and an accessible venue; slides sent in advance.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    departmentCode: 'DOT',
    title: 'Department of Transportation Racial Equity Action Plan FY 2024-2026',
    objectives: [
      {
        title: 'Eliminate traffic deaths and severe injuries among unhoused residents and other vulnerable road users.',
        strategies: [
          {
            text: 'Pilot street safety measures drawn from the Vision Zero study of traffic fatalities among unhoused individuals.',
            status: 'IN_PROGRESS',
            owner: 'U0DOT02',
            dueInDays: 12,
            performanceMeasures: '# of pilot locations; change in severe injury crashes at pilot locations',
            outputs: 'Pilot lighting and crossing improvements at two high-injury corridors',
            priorityCommunities: true,
            milestones: [
              { title: 'Install pilot lighting and crossing improvements at two high-injury corridors', dueInDays: -5 },
              { title: 'Share pilot findings with the unhoused residents who took part in the study', dueInDays: 30, owner: 'U0DOT01' },
            ],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 30,
                author: 'U0DOT02',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'Design for both corridors is final; installation is scheduled with the signals team.',
                practices: 'Walking each corridor at night with outreach workers and residents of nearby encampments changed where the lights go.',
                communitiesReached: 'Unhoused residents along Monterey Road and Story Road',
              },
              {
                period: 'current',
                dayInPeriod: 20,
                author: 'U0DOT01',
                onBehalfOf: 'U0DOT02',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'One corridor is installed; the second slipped because the poles need a new foundation.',
                roadblocks: 'Pole foundations on the second corridor failed inspection; installation waits on the contractor.',
              },
            ],
          },
          {
            text: 'Keep engaging unhoused individuals and outreach partners so lived experience shapes Vision Zero data analysis.',
            status: 'ONGOING',
            owner: 'U0DOT01',
            dueInDays: 200,
            performanceMeasures: '# of listening sessions; # of participants with lived experience',
            languageAccess: true,
            priorityCommunities: true,
            milestones: [{ title: 'Hold a listening session at an interim housing site', dueInDays: -90, completedDaysAgo: 95 }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 40,
                author: 'U0DOT01',
                statusFrom: 'ONGOING',
                statusTo: 'ONGOING',
                visibility: 'PUBLIC',
                narrative: 'Held a listening session at an interim housing site with Spanish interpretation.',
                measureValues: '1 session, 23 participants',
                languagesServed: 'English, Spanish',
              },
              {
                period: 'current',
                dayInPeriod: 12,
                author: 'U0DOT01',
                statusFrom: 'ONGOING',
                statusTo: 'ONGOING',
                visibility: 'PUBLIC',
                narrative: 'Outreach partners now flag crash locations residents report, and we add them to the crash review.',
                practices: 'Paying participants with gift cards on the spot, not by mail, kept people coming back.',
              },
            ],
          },
          {
            text: 'Publish a Vision Zero equity data index that breaks crashes down by neighborhood, race and housing status.',
            status: 'NOT_STARTED',
            owner: 'U0DOT02',
            dueInDays: -3,
            performanceMeasures: 'Y/N',
            milestones: [{ title: 'Define the index categories with the Vision Zero data team', dueInDays: -10 }],
            updates: [],
          },
        ],
      },
      {
        title: 'Make transportation services and engagement accessible to people with disabilities and limited English proficiency.',
        strategies: [
          {
            text: 'Audit DOT public meetings for disability access (ASL, captioning, accessible venues) and adopt a standard checklist.',
            status: 'IN_PROGRESS',
            owner: 'U0DOT01',
            dueInDays: 60,
            performanceMeasures: '% of DOT public meetings that meet the checklist',
            disabilityAccess: true,
            milestones: [
              { title: 'Draft the accessibility checklist for public meetings', dueInDays: 7 },
              { title: 'Review the checklist with the Disability Affairs Officer', dueInDays: 35, owner: 'U0ORSE03' },
            ],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 50,
                author: 'U0DOT01',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'INTERNAL',
                narrative: 'Reviewed the last twelve public meetings: four had no captioning.',
                accessibilityNotes: 'Captioning missing at 4 of 12 meetings',
              },
            ],
          },
          {
            text: 'Translate traffic safety campaign materials into Spanish, Vietnamese, Chinese and Tagalog.',
            status: 'COMPLETED',
            owner: 'U0DOT02',
            dueInDays: -40,
            performanceMeasures: '# of languages',
            outputs: 'Campaign materials in 5 languages',
            languageAccess: true,
            milestones: [{ title: 'Print translated campaign posters', dueInDays: -45, completedDaysAgo: 50 }],
            updates: [],
          },
        ],
      },
    ],
  },
  {
    departmentCode: 'LIB',
    title: 'San José Public Library Racial Equity Action Plan FY 2024-2026',
    objectives: [
      {
        title: 'Embed the Equity, Diversity, and Inclusion (EDI) Quality Standards in Library programs.',
        strategies: [
          {
            text: 'Extend EDI Quality Standards assessments from the four adult pilot programs to youth and teen programs.',
            status: 'IN_PROGRESS',
            owner: 'U0LIB03',
            dueInDays: 90,
            performanceMeasures: '# of programs assessed against the EDI Quality Standards',
            milestones: [
              { title: 'Assess two teen programs against the EDI Quality Standards', dueInDays: -8 },
              { title: 'Assess three youth programs against the EDI Quality Standards', dueInDays: 40 },
            ],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 35,
                author: 'U0LIB03',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'Adapted the adult assessment rubric for teen programs with the Teen Advisory Board.',
                practices: 'Teens rewrote the rubric questions in their own words; response quality went up.',
              },
            ],
          },
          {
            text: 'Roll out the EDI Toolkit to all branch staff with quarterly learning circles.',
            status: 'ONGOING',
            owner: 'U0LIB01',
            dueInDays: 180,
            performanceMeasures: '% of branch staff who attended a learning circle',
            milestones: [{ title: 'Hold the first learning circle at every branch', dueInDays: -30, completedDaysAgo: 33 }],
            updates: [
              {
                period: 'current',
                dayInPeriod: 9,
                author: 'U0LIB01',
                statusFrom: 'ONGOING',
                statusTo: 'ONGOING',
                visibility: 'INTERNAL',
                narrative: 'Learning circles ran at all branches; attendance was lowest on weekend shifts.',
                measureValues: '71% of branch staff attended',
                roadblocks: 'Weekend staff cannot attend weekday circles.',
              },
            ],
          },
          {
            text: 'Offer storytimes and programs in Spanish and Vietnamese at branches serving many English learners.',
            status: 'IN_PROGRESS',
            owner: 'U0LIB02',
            dueInDays: 6,
            performanceMeasures: '# of bilingual programs a month; attendance',
            languageAccess: true,
            priorityCommunities: true,
            milestones: [{ title: 'Recruit two Vietnamese-speaking volunteer storytellers', dueInDays: 6 }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 20,
                author: 'U0LIB02',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'PUBLIC',
                narrative: 'Vietnamese storytime started at Tully and Seven Trees branches.',
                measureValues: '8 storytimes, 164 attendees',
                languagesServed: 'Vietnamese, Spanish',
              },
            ],
          },
        ],
      },
      {
        title: 'Remove barriers to Library services for people with disabilities.',
        strategies: [
          {
            text: 'Add assistive technology and sensory-friendly hours at four branches.',
            status: 'IN_PROGRESS',
            owner: 'U0LIB03',
            dueInDays: -20,
            performanceMeasures: '# of branches with assistive technology; # of sensory-friendly hours a month',
            disabilityAccess: true,
            milestones: [
              { title: 'Install assistive technology stations at two branches', dueInDays: -50, completedDaysAgo: 48 },
              { title: 'Pilot sensory-friendly hours at one branch', dueInDays: 3 },
            ],
            updates: [],
          },
        ],
      },
      {
        title: 'Use data to direct Library resources to historically underserved neighborhoods.',
        strategies: [
          {
            text: 'Refresh the Library equity index with Census and American Community Survey data to rank branch investments.',
            status: 'COMPLETED',
            owner: 'U0LIB01',
            dueInDays: -100,
            performanceMeasures: 'Y/N',
            outputs: 'Equity index refreshed; branch investment ranking shared with the Library Commission',
            milestones: [{ title: 'Share the branch investment ranking with the Library Commission', dueInDays: -100, completedDaysAgo: 104 }],
            updates: [],
          },
        ],
      },
    ],
  },
  {
    departmentCode: 'PRNS',
    title: 'Parks, Recreation and Neighborhood Services Racial Equity Action Plan FY 2024-2026',
    objectives: [
      {
        title: 'Distribute park and recreation resources equitably across San José neighborhoods.',
        strategies: [
          {
            text: 'Apply an equity lens to the Sports Field Reservations program with input from the San José for All Advisory Group.',
            status: 'IN_PROGRESS',
            owner: 'U0PRNS02',
            dueInDays: 8,
            performanceMeasures: '% of field hours reserved by youth leagues from equity priority areas',
            priorityCommunities: true,
            milestones: [{ title: 'Present draft reservation policy changes to SJ4All', dueInDays: 8, owner: 'U0PRNS01' }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 15,
                author: 'U0PRNS01',
                onBehalfOf: 'U0PRNS02',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'SJ4All members reviewed reservation data and asked why long-standing leagues get first pick.',
                practices: 'Sharing raw reservation data with SJ4All before proposing anything built trust.',
                roadblocks: 'Long-standing leagues expect their historical slots.',
              },
            ],
          },
          {
            text: 'Offer recreation fee scholarships prioritized for households in equity priority areas.',
            status: 'ONGOING',
            owner: 'U0PRNS02',
            dueInDays: 250,
            performanceMeasures: '# of scholarships; % awarded in equity priority areas',
            priorityCommunities: true,
            milestones: [{ title: 'Open spring scholarship applications', dueInDays: 60 }],
            updates: [
              {
                period: 'current',
                dayInPeriod: 2,
                author: 'U0PRNS02',
                statusFrom: 'ONGOING',
                statusTo: 'ONGOING',
                visibility: 'PUBLIC',
                narrative: 'Fall scholarships awarded; most went to families in Council Districts 3, 5 and 7.',
                measureValues: '412 scholarships, 78% in equity priority areas',
              },
            ],
          },
          {
            text: 'Bring community perspectives from SJ4All into the Children and Youth Master Plan.',
            status: 'IN_PROGRESS',
            owner: 'U0PRNS01',
            dueInDays: 120,
            performanceMeasures: '# of SJ4All recommendations adopted in the plan',
            milestones: [{ title: 'Summarize SJ4All recommendations for the plan team', dueInDays: 45 }],
            updates: [],
          },
        ],
      },
      {
        title: 'Make community centers welcoming to residents of every language, ability and gender identity.',
        strategies: [
          {
            text: 'Provide interpretation and translated program guides at community centers in Spanish and Vietnamese.',
            status: 'IN_PROGRESS',
            owner: 'U0PRNS01',
            dueInDays: -15,
            performanceMeasures: '% of community centers with translated program guides',
            languageAccess: true,
            milestones: [{ title: 'Print the translated winter program guide', dueInDays: -15 }],
            updates: [],
          },
          {
            text: "Launch girls' and nonbinary youth sports clinics at three community centers.",
            status: 'NOT_STARTED',
            owner: 'U0PRNS02',
            dueInDays: 120,
            performanceMeasures: '# of clinics; # of participants',
            genderEquity: true,
            milestones: [{ title: "Recruit coaches for girls' and nonbinary youth sports clinics", dueInDays: 13 }],
            updates: [],
          },
        ],
      },
    ],
  },
  {
    departmentCode: 'HOUSING',
    title: 'Housing Department Racial Equity Action Plan FY 2024-2026',
    objectives: [
      {
        title: 'Advance fair housing and prevent displacement in communities of color.',
        strategies: [
          {
            text: 'Translate tenant protection and eviction-prevention materials and hold tenant clinics in Spanish and Vietnamese.',
            status: 'IN_PROGRESS',
            owner: 'U0HSG02',
            dueInDays: 4,
            performanceMeasures: '# of tenants served at clinics; % served in a language other than English',
            languageAccess: true,
            priorityCommunities: true,
            milestones: [
              { title: 'Hold a Vietnamese-language tenant clinic', dueInDays: -6 },
              { title: 'Publish translated eviction-prevention guide', dueInDays: 4 },
            ],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 12,
                author: 'U0HSG02',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'Spanish-language tenant clinic held with a legal services partner.',
                measureValues: '57 tenants served, 49 in Spanish',
                practices: 'Holding the clinic in the evening at a school, with childcare, doubled attendance.',
                languagesServed: 'Spanish',
              },
              {
                period: 'current',
                dayInPeriod: 5,
                author: 'U0HSG02',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'The Vietnamese clinic moved: the partner lost its interpreter.',
                roadblocks: 'No Vietnamese legal interpreter available this month.',
                helpNeeded: 'Does any department have a Vietnamese interpreter contract we can piggyback on?',
              },
            ],
          },
          {
            text: 'Analyze affordable housing lottery outcomes by race and ethnicity and report disparities.',
            status: 'IN_PROGRESS',
            owner: 'U0HSG01',
            dueInDays: -30,
            performanceMeasures: 'Y/N; disparity ratio by race and ethnicity',
            milestones: [{ title: 'Clean and match lottery applicant data', dueInDays: -45, completedDaysAgo: 40 }],
            updates: [],
          },
        ],
      },
      {
        title: 'Center people with lived experience of homelessness in program design.',
        strategies: [
          {
            text: 'Pay people with lived experience of homelessness to advise on interim housing program rules.',
            status: 'ONGOING',
            owner: 'U0HSG01',
            dueInDays: 200,
            performanceMeasures: '# of advisors; # of rule changes adopted from their advice',
            priorityCommunities: true,
            milestones: [{ title: 'Recruit the next advisor cohort', dueInDays: 20 }],
            updates: [
              {
                period: 'current',
                dayInPeriod: 1,
                author: 'U0HSG01',
                statusFrom: 'ONGOING',
                statusTo: 'ONGOING',
                visibility: 'PUBLIC',
                narrative: 'Advisors recommended allowing partners and pets at interim sites; both rules changed.',
                measureValues: '9 advisors; 2 rule changes',
              },
            ],
          },
          {
            text: 'Adopt accessible unit standards and an accessible application process for affordable housing.',
            status: 'NOT_STARTED',
            owner: 'U0HSG02',
            dueInDays: 75,
            performanceMeasures: '% of new affordable units meeting the accessible unit standard',
            disabilityAccess: true,
            milestones: [{ title: 'Survey applicants with disabilities about the application process', dueInDays: 30 }],
            updates: [],
          },
        ],
      },
    ],
  },
  {
    departmentCode: 'SJPD',
    title: 'Police Department Racial Equity Action Plan FY 2024-2026',
    objectives: [
      {
        title: 'Build trust between the Police Department and immigrant communities.',
        strategies: [
          {
            text: 'Host community policing forums with immigrant-serving organizations in Spanish and Vietnamese.',
            status: 'IN_PROGRESS',
            owner: 'U0SJPD02',
            dueInDays: 11,
            performanceMeasures: '# of forums; % of attendees who trust SJPD more afterwards',
            languageAccess: true,
            priorityCommunities: true,
            milestones: [{ title: 'Hold a Vietnamese-language forum in District 7', dueInDays: 11 }],
            updates: [
              {
                period: 'previous',
                dayInPeriod: 22,
                author: 'U0SJPD02',
                statusFrom: 'NOT_STARTED',
                statusTo: 'IN_PROGRESS',
                visibility: 'REDI',
                narrative: 'First forum held in Spanish with a local immigrant rights organization co-hosting.',
                measureValues: '1 forum, 64 attendees',
                practices: 'Letting the community partner run the agenda made residents more willing to speak.',
                roadblocks: 'Some residents would not attend while uniformed officers were present.',
                languagesServed: 'Spanish',
              },
            ],
          },
          {
            text: "Publish stop data broken down by race and ethnicity on the department's public dashboard every quarter.",
            status: 'ONGOING',
            owner: 'U0SJPD01',
            dueInDays: 90,
            performanceMeasures: '# of quarters published on time',
            milestones: [{ title: 'Publish the quarterly stop data update', dueInDays: 38 }],
            updates: [],
          },
        ],
      },
      {
        title: 'Strengthen equity in recruitment and retention.',
        strategies: [
          {
            text: 'Recruit more women and bilingual officers through targeted outreach and mentorship.',
            status: 'IN_PROGRESS',
            owner: 'U0SJPD01',
            dueInDays: -6,
            performanceMeasures: '% of recruits who are women; % who are bilingual',
            genderEquity: true,
            languageAccess: true,
            milestones: [{ title: 'Launch a mentorship cohort for women recruits', dueInDays: -9 }],
            updates: [
              {
                period: 'current',
                dayInPeriod: 14,
                author: 'U0SJPD01',
                statusFrom: 'IN_PROGRESS',
                statusTo: 'IN_PROGRESS',
                visibility: 'INTERNAL',
                narrative: 'Recruitment outreach at two community college career fairs; mentorship cohort still being formed.',
                measureValues: '31% of the current academy class are women',
              },
            ],
          },
          {
            text: 'Include racial equity content in annual in-service training.',
            status: 'COMPLETED',
            owner: 'U0SJPD01',
            dueInDays: -80,
            performanceMeasures: '% of sworn staff trained',
            outputs: 'Racial equity module in the in-service curriculum',
            milestones: [{ title: 'Add the racial equity module to the in-service curriculum', dueInDays: -90, completedDaysAgo: 92 }],
            updates: [],
          },
        ],
      },
    ],
  },
];
