// The schema's enums, in the words of the domain. They are generated from
// prisma/schema.prisma; code outside the services (src/slack above all) takes them from here,
// so it never imports the generated Prisma code (tests/unit/slack-layering.test.ts).
export {
  EquityGroup,
  Language,
  MeasureDirection,
  MeasureKind,
  PlanKind,
  ReportingCadence,
  Role,
  StrategyStatus,
  Visibility,
} from '../generated/prisma/enums.js';
