// The Welcoming San José Plan 2.0, from the City's page about it
// (shared/seeds/004_ddf9bfe84c39c4dd.txt). The page names the plan, its years and its four
// pillars with a sentence each; those are kept character for character
// (tests/integration/seed-welcoming.test.ts finds each in the page). The page says the plan
// has 23 strategies but does not list them, so none are seeded: examples/welcoming-strategies.csv
// holds marked placeholders for them, to be filled from the plan document and imported.

export interface CitywidePillar {
  number: number;
  title: string;
  description: string;
}

export interface CitywidePlan {
  key: string;
  title: string;
  /** The page gives "2021–2024" without saying fiscal or calendar years; kept as given. */
  fiscalStartYear: number;
  fiscalEndYear: number;
  pillars: readonly CitywidePillar[];
}

export const WELCOMING_SAN_JOSE_PLAN: CitywidePlan = {
  key: 'WSJ-2021-2024',
  title: 'Welcoming San José Plan 2.0: Moving toward Civic, Economic, Linguistic, and Social Inclusion 2021–2024',
  fiscalStartYear: 2021,
  fiscalEndYear: 2024,
  pillars: [
    {
      number: 1,
      title: 'Leadership and Communications',
      description:
        'Establish equitable systems, policies, and practices throughout the City that create a welcoming and inclusive environment that allows immigrants, residents of color, and all people of San José to thrive.',
    },
    {
      number: 2,
      title: 'Access and Engagement',
      description: 'Improve immigrant access to City information and services, and augment immigrant participation in civic life.',
    },
    {
      number: 3,
      title: 'Educational and Economic Opportunity',
      description:
        'Advance educational and economic opportunities among immigrants and refugees through job skills training, strengthening career pathways, promotion of entrepreneurship, small business retention and growth, and financial literacy.',
    },
    {
      number: 4,
      title: 'Safe Communities',
      description: 'Foster trust and communication between law enforcement, local government, immigrants, and the community at large.',
    },
  ],
};

/**
 * Which pillar each ORSE work-plan objective serves. The annual report
 * (shared/seeds/000_3efae15d370abf39.txt) says the work plan encompasses the Welcoming
 * plan's strategies but names no pillar; the link rests on the objectives' own words,
 * which restate a pillar's description: objective 3 ("Establish equity practices that
 * create a welcoming and inclusive environment that allows immigrants, residents of color,
 * and all people in San José to thrive") is Leadership and Communications, and objective 4
 * ("Improve immigrant access to City information and services and augment immigrant
 * participation in civic life") is Access and Engagement, word for word.
 * tests/integration/seed-welcoming.test.ts checks that overlap, so a wrong pairing fails.
 */
export const ORSE_OBJECTIVE_PILLARS: readonly { orseObjective: number; pillar: number }[] = [
  { orseObjective: 3, pillar: 1 },
  { orseObjective: 4, pillar: 2 },
];
