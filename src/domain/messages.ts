// Every message key a use case can return, with the params each one carries. The Slack
// catalogs must translate all of them; MESSAGE_KEYS is exported so a catalog test can
// check that. Pure data, shared by domain validation and the service errors.

export const MESSAGE_KEYS = [
  // unknown_member — params: slackUserId, adminSlackIds: string[], equityLeadSlackIds: string[]
  'errors.unknownMember',
  // forbidden — params: action (what was attempted)
  'errors.forbidden.manage',
  'errors.forbidden.report',
  'errors.forbidden.read',
  'errors.forbidden.editUpdate',
  'errors.forbidden.adminOnly',
  'errors.forbidden.leadStatus',
  'errors.forbidden.moveLead', // a citywide strategy's lead moved by someone other than an ORSE admin
  // not_found
  'errors.notFound.strategy', // params: strategyId (deleted or archived since the form opened)
  'errors.notFound.update', // params: updateId
  'errors.notFound.milestone', // params: milestoneId
  'errors.notFound.objective', // params: objectiveId
  'errors.notFound.member', // params: slackUserId
  'errors.notFound.department', // params: query, suggestions: {code,name}[] (never empty)
  'errors.notFound.departmentNone', // params: query, suggestions: {code,name}[] (nothing close: every department)
  'errors.notFound.departmentGone', // a department picked from a list was deleted meanwhile
  'errors.notFound.plan', // params: query, suggestions: string[] (plan keys)
  'errors.notFound.citywidePlan', // params: query (a pillar was asked for, no citywide plan fits)
  'errors.notFound.pillar', // params: number, plan (key), choices (the pillar numbers, "1, 2, 3, 4")
  // conflict
  'errors.conflict.strategyChanged', // params: strategyId, expectedVersion, currentVersion
  'errors.conflict.updateChanged', // params: updateId, expectedRevision, currentRevision
  'errors.conflict.milestoneChanged', // params: milestoneId
  'errors.conflict.milestoneTitleTaken', // params: title
  'errors.conflict.idempotencyKeyReused', // the key belongs to someone else's submission
  'errors.conflict.lastAdmin', // removing the last active ORSE admin would lock everyone out
  'errors.conflict.undoExpired', // params: minutes (Undo after Mark done is offered that long)
  'errors.conflict.undoChanged', // the item changed after Mark done, so Undo would overwrite that
  'errors.conflict.emailTaken', // params: email
  // invalid (per field, usually in fieldErrors)
  'errors.invalid.required',
  'errors.invalid.tooLong', // params: field, limit, length (characters)
  'errors.invalid.url', // http(s) only
  'errors.invalid.choice', // params: options: string[]
  'errors.invalid.date', // not a YYYY-MM-DD calendar date
  'errors.invalid.dateNotInFuture', // params: today
  'errors.invalid.dateInPast', // params: today
  'errors.invalid.characters', // a NUL character, which the database cannot store
  'errors.invalid.ownerInactive', // params: slackUserId
  'errors.invalid.departmentRequired', // params: choices: {code,name}[]
  'errors.invalid.departmentUnknown', // a lead or partner department that does not exist (deleted, or forged)
  'errors.invalid.leadAsPartner', // params: department (the lead's name)
  'errors.invalid.tooManyPartners', // params: limit, count
  'errors.invalid.ownerNotInLead', // params: department (a citywide strategy's owner is one of its lead's people)
  'errors.invalid.noRoles', // assignRoles with an empty role list
  'errors.invalid.measureYesNo', // a typed measure's value: yes or no
  'errors.invalid.measureCount', // a whole number, 0 or more
  'errors.invalid.measurePercent', // 0 to 100, at most 2 decimals
  'errors.invalid.measureCurrency', // 0 or more, at most 2 decimals
  'errors.invalid.measureRating', // 1 to 5, at most 2 decimals
  'errors.invalid.measureNoteNeeded', // params: target (formatted with its unit), direction: INCREASE|DECREASE|MAINTAIN
  'errors.invalid.measureKindKept', // a measure's kind cannot change once values were reported
  'errors.invalid.measureSeparator', // a measure's label, unit or source with | or ; // a baseline or target that is not a number
  'errors.conflict.measureLabelTaken', // params: label
  'errors.notFound.measure', // params: measureId
  'errors.invalid.input', // anything else zod reports (params: detail)
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

export type MessageParams = Record<string, unknown>;

export interface FieldProblem {
  field: string;
  messageKey: MessageKey;
  params: MessageParams;
}
