// The ORSE work plan for FY 2023-2024, transcribed from the attachment "Office of Racial
// Equity Work Plan July 2023-June 2024" of the annual report memorandum of June 5, 2024
// (shared/seeds/000_3efae15d370abf39.txt). The annual report export must reproduce that
// table row for row, so every cell is kept character for character: only the HTML <p>
// wrappers of the source were removed (several paragraphs in one cell are joined with a
// newline) and the markdown escape in "\$82,000" was dropped. Oddities of the source
// (run-together measures, the stray "100%" in 2.5, template placeholders in strategies
// not yet started) are deliberately left as the City published them.
// tests/integration/seed-work-plan.test.ts re-parses the source and compares every row.
import type { StrategyStatus } from '../../generated/prisma/enums.js';

export interface WorkPlanStrategy {
  number: number;
  text: string;
  status: StrategyStatus;
  performanceMeasures: string;
  outputs: string;
}

export interface WorkPlanObjective {
  number: number;
  title: string;
  strategies: readonly WorkPlanStrategy[];
}

export interface WorkPlan {
  key: string;
  title: string;
  fiscalStartYear: number;
  fiscalEndYear: number;
  /** The attachment header's sentences, verbatim (the header states them as "Our VISION is …"). */
  vision: string;
  mission: string;
  objectives: readonly WorkPlanObjective[];
}

/**
 * Typed measures of work-plan strategies, by "objective.strategy", taken word for word from
 * the published Performance Measures and Outputs columns: what is counted and in which
 * unit. The memo states no baselines or targets, so none are given; values are reported in
 * progress updates like any other strategy's.
 */
export const WORK_PLAN_TYPED_MEASURES: Readonly<Record<string, readonly { label: string; kind: 'COUNT' | 'RATING' | 'PERCENT'; unit: string }[]>> = {
  // "4.7/5 rating on ORE trainings", "100% attendees intend to apply learnings to their work"; outputs "15 trainings 420 participants".
  '1.6': [
    { label: 'Rating on ORE trainings', kind: 'RATING', unit: '' },
    { label: 'Attendees who intend to apply learnings to their work', kind: 'PERCENT', unit: '' },
    { label: 'Trainings', kind: 'COUNT', unit: 'trainings' },
    { label: 'Participants', kind: 'COUNT', unit: 'participants' },
  ],
};

export const ORSE_WORK_PLAN_FY2023_2024: WorkPlan = {
  key: 'ORSE-FY2023-2024',
  title: 'Office of Racial Equity Work Plan July 2023-June 2024',
  fiscalStartYear: 2023,
  fiscalEndYear: 2024,
  vision: 'Our VISION is a City of San José in which all people in our community and organization thrive and where no racial disparities exist.',
  mission: 'Our MISSION is to support the City to embed a racial equity practice and embody a culture that sustains it.',
  objectives: [
    {
      number: 1,
      title: 'Normalize and culturalize racial equity, inclusion and belonging principles in the City Organization.',
      strategies: [
        {
          number: 1,
          text: 'Develop Foundational Racial Equity Training refresh for City workforce',
          status: 'COMPLETED',
          performanceMeasures: 'Y/N',
          outputs: 'Yes - Training launch in June 2024',
        },
        {
          number: 2,
          text: 'Develop and implement inclusive leadership program for City Leadership',
          status: 'COMPLETED',
          performanceMeasures:
            "78% of City Leadership reported that they aligned their department work to ORE's Blueprint and values 92% of City Executives adopted a tool or strategy related to inclusive leadership",
          outputs: '40 City Leaders Participated in Senior Staff Leadership Session 7 City Executives Participated in Inclusive Leadership Group',
        },
        {
          number: 3,
          text: 'Provide quarterly updates through ORE Briefings to Council Members & Community',
          status: 'COMPLETED',
          performanceMeasures: '7% of increase in attendance at events/programs when shared by Council Offices',
          outputs: '7 Briefings produced',
        },
        {
          number: 4,
          text: "Host ORE Spotlight Series to amplify immigration services, partner resources, racial equity trainings, and address current needs of San Jose's immigrant community",
          status: 'COMPLETED',
          performanceMeasures: '100% of organizations thought the event was a good use of their time outreaching to community',
          outputs: '2 Spotlights 2 Organizations highlighted 85 views',
        },
        {
          number: 5,
          text: 'Participate in United Against Hate Week to continue support for communities impacted by hate crimes and violence and foster safe communities for immigrants and the community at large.',
          status: 'COMPLETED',
          performanceMeasures: '71% of attendees stated that they learned something new that shifted their perspective or inspired reflection.',
          outputs: '2 film screenings 55 attendees 74 views on Youtube',
        },
        {
          number: 6,
          text: 'Provide trainings to reinforce foundational concepts',
          status: 'IN_PROGRESS',
          performanceMeasures:
            '4.7/5 rating on ORE trainings 100% attendees intend to apply learnings to their work DEIB Webinar attendees rated 9.2/10 and would recommend to a colleague',
          outputs: '15 trainings 420 participants',
        },
        {
          number: 7,
          text: 'Develop "statement of values regarding racial and social equity, inclusion, and racial and social justice to provide guidance to City" (Charter)',
          status: 'COMPLETED',
          performanceMeasures: 'Y/N',
          outputs: 'Yes - Equity Ordinance and Policy approved by Mayor and City Council',
        },
      ],
    },
    {
      number: 2,
      title: "Establish and maintain infrastructure and organizational capacity to support City's commitment to eliminate inequities.",
      strategies: [
        {
          number: 1,
          text: 'Support Departmental implementation and strategic development of Racial Equity Action Plans (REAPs)',
          status: 'COMPLETED',
          performanceMeasures:
            '4.5/5 Rating on REAP Learning Session facilitated 100% attendees reported that they were Somewhat/Very Comfortable working on their Dept REAP after attending the ORE facilitated REAP Learning session 100% of Departments completed REAP FY 24-26',
          outputs: '24 Attendees at REAP Learning Session 7 REAP Office Hours with City Departments',
        },
        {
          number: 2,
          text: 'Support City depts in the organizing of Equity Action Teams or equivalent',
          status: 'IN_PROGRESS',
          performanceMeasures: '4.5/5 Rating on Effectiveness of REDI Meetings',
          outputs:
            '13 of Departments with active Equity Action Teams 12 meetings with RE Departmental Managers 4 Facilitated meetings for Racial Equity Diversity and Inclusion (REDI) citywide group',
        },
        {
          number: 3,
          text: 'Provide technical assistance, consultation, and coaching to departments to proactively consider equity impacts of their work and internal processes',
          status: 'ONGOING',
          performanceMeasures: 'N/A [VALUE OF CONSULTATIONS]',
          outputs: '54 ORE Consultations with City and Community Partners',
        },
        {
          number: 4,
          text: 'Implement training focused on operationalizing equity analysis in programs and departments',
          status: 'COMPLETED',
          performanceMeasures: '4.5/5 Rating on Equity Applied Learning Session',
          outputs: '3 Equity Applied Analysis Learning Sessions 24 Training Participants 7 Departments',
        },
        {
          number: 5,
          text: 'Prepare City depts in the development of the internal capacity to best develop collaborative relationship with the community resource of SJ4All.',
          status: 'IN_PROGRESS',
          performanceMeasures: '7.3/10 Rating on ORE Facilitation of SJ4ALL SJ4ALL Members rated City Departments as somewhat to very collaborative',
          outputs: '100% 2 City Departments in Collaboration With SJ4ALL',
        },
        {
          number: 6,
          text: 'Include Equity as a key element in Management Performance Program for Senior Staff',
          status: 'COMPLETED',
          performanceMeasures: '100% of MPPs for Senior Staff required summary of work related to equity',
          outputs: 'Staff developed criteria to evaluate equity leadership for future use.',
        },
      ],
    },
    {
      number: 3,
      title:
        'Establish equity practices that create a welcoming and inclusive environment that allows immigrants, residents of color, and all people in SJ to thrive.',
      strategies: [
        {
          number: 1,
          text: 'Implement and iterate Budgeting for Equity training, worksheet, and feedback in budget development process',
          status: 'COMPLETED',
          performanceMeasures:
            '100% Agree/Strongly agree how BfE process is important to advancing equity work 100% Agree/Strongly Agree Townhall and Workshop was helpful',
          outputs: '100% of Departments completed BfE worksheets',
        },
        {
          number: 2,
          text: 'Launch Candidly Speaking Listening Series for City of San José Staff to build upon and strengthen trauma-informed resilience-oriented culture.',
          status: 'COMPLETED',
          performanceMeasures:
            '88% of attendees thought the session was a good use of their time 91% of attendees learned something new or broadened their perspective 94% of attendees said the conversation inspired reflection 82% of attendees experienced feelings of connection to colleagues 85% of attendees believe this event can help influence change w/in the City 79% of attendees believe this event can help influence change w/in their department',
          outputs: '3 City Staff Sessions hosted 60 City staff attendees',
        },
        {
          number: 3,
          text: 'Host Candidly Speaking Listening Series in community to foster meaningful connections between long-term residents and immigrant communities and address current challenges',
          status: 'COMPLETED',
          performanceMeasures:
            '42% of attendees were foreign born 74% of attendees learned something new or broadened their perspective 88% of attendees said the conversation inspired reflection 84% of attendees experienced feelings of understanding someone 70% of attendees experienced feelings of feeling understood 79% of attendees experienced feelings of learning something new 61% of attendees experienced feelings of sharing something new 65% of attendees experienced feelings of inclusion & belonging 79% of attendees experienced feelings of connection to others 42% of attendees are familiar w/ the San José Office of Racial Equity & its purpose',
          outputs: '5 Community Sessions hosted 46 attendees total',
        },
        {
          number: 4,
          text: 'Provide free bystander training and strategies for intervention to stop a hate crime or incident',
          status: 'NOT_STARTED',
          performanceMeasures: '% of participants that rate the sessions as "good" or better % of participants that feel better prepared with this training',
          outputs: '# of participants at bystander trainings # of views of bystander trainings (if recorded)',
        },
        {
          number: 5,
          text: 'Support Rapid Response Network in providing welcoming and navigation services to immigrants',
          status: 'ONGOING',
          performanceMeasures:
            'FY 2022-2023 80% of persons served gained an increase in knowledge about the immigration landscape including how to protect themselves from removal by ICE enforcement and/or obtain a legal path to permanency 100% of persons served are offered info about or receive referrals to additional safety net services available within the County to increase their stability and to improve their health, well being, and financial security.\nFY 2023-2024 100% of persons served gained an increase in knowledge about the immigration landscape including how to protect themselves from removal by ICE enforcement and/or obtain a legal path to permanency 100% of persons served are offered info about or receive referrals to additional safety net services available within the County to increase their stability and to improve their health, well being, and financial security.',
          outputs:
            'FY 2022-2023 528 RRN hotline calls 3 emergency legal services activations 19 urgent legal services provided w/in 48 hours 219 attendees at legal service clinics\nFY 2023-2024 340 RRN hotline calls 3 emergency legal services activations 21 urgent legal services provided w/in 48 hours 209 attendees at legal service clinics',
        },
        {
          number: 6,
          text: 'Develop Welcoming SJ Plan 3.0',
          status: 'NOT_STARTED',
          performanceMeasures: 'DEFERRED - Certified Welcoming Fall 2024 Cohort',
          outputs: '',
        },
      ],
    },
    {
      number: 4,
      title: 'Improve immigrant access to City information and services, and augment immigrant participation in civic life.',
      strategies: [
        {
          number: 1,
          text: 'Support and engage SJ4All Advisory Group Members in the development of their civic participation and understanding of City processes.',
          status: 'COMPLETED',
          performanceMeasures: '7.4/10 rating of satisfaction as a SJ4ALL Member',
          outputs: '12 advisory group members 7 meetings',
        },
        {
          number: 2,
          text: 'Launch OnlyinSJ Civics Curriculum to increase participation of immigrant community in civic and community life',
          status: 'COMPLETED',
          performanceMeasures:
            "95% are satisfied with the course 84% feel able to make a meaningful impact in their community 89% feel empowered to get involved in local government to have their voices heard. 89% have the skills and confidence to engage and participate in public meetings and policy making in the City of San José. 95% have a solid understanding of the different structures and responsibilities of federal, state, and local government in the United States. 89% know how to use parliamentary procedure to navigate and participate in public meetings. 95% are familiar with the California Brown Act and the City of San José's Sunshine Policies. 84% have the skills and knowledge to research public records and policy. 100% feel confident in their ability to communicate ideas effectively to community and elected officials.",
          outputs:
            '186 participants registered for course (175 English, 3 Vietnamese, 8 Spanish) 24% of individuals are foreign born 39% of US-born individuals are children of foreign born',
        },
        {
          number: 3,
          text: 'Support naturalization efforts through countywide marketing and outreach',
          status: 'COMPLETED',
          performanceMeasures:
            '7% increase in number of LPRs screened and educated from last year 24% increase in number of completed applications from last year',
          outputs:
            '2 TV media/ad buys to promote event 839 individuals pre-screened and received naturalization education 143 individuals completed applications (105 applied for fee waivers)',
        },
        {
          number: 4,
          text: 'Facilitate access for microenterprises or worker coops to local government contracts.',
          status: 'IN_PROGRESS',
          performanceMeasures: '% increase the number of small POC owned businesses that secure City contracts',
          outputs: '(Collaboration with OEDCA and Veggielution)',
        },
        {
          number: 5,
          text: 'Welcoming Migrants Emergency Response Plan',
          status: 'COMPLETED',
          performanceMeasures: 'Plan completed',
          outputs: '3 Countywide convenings, 35 providers 3 coordination meetings, 3-15 providers 1 legal service clinic 1 Funders Briefing',
        },
        {
          number: 6,
          text: 'Promote immigrant entrepreneurship and partner with immigrant-serving organizations to facilitate economic development opportunities including certification and apprenticeship programs.',
          status: 'COMPLETED',
          performanceMeasures:
            'Prosperity Lab: Semillas Program (Mobile Street Food Vendors) 30 new jobs created $82,000 in capital investment, micro loans, and grants earned',
          outputs:
            "43 participants completed business skills and operational training 25 have completed their business formation and began operations 25 of participants who have earned their Manager's Food Safety Certificate 95% identified as immigrants",
        },
        {
          number: 7,
          text: 'Promote financial literacy services and facilitate access to banking opportunities and financial education tools.',
          status: 'NOT_STARTED',
          performanceMeasures:
            '% of participants who felt "more confident" or "very confident" managing their finances after the class # of participants who opened an account with a bank or credit union',
          outputs: '# of participants who attended the trainings or workshops',
        },
      ],
    },
  ],
};
