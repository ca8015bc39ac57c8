// One catalog module per feature, each with en, es and vi, so features can be added
// without touching each other's strings. The namespace is the first part of the key:
// t('help.header') reads catalogs/help.ts.
import common from './common.js';
import errors from './errors.js';
import help from './help.js';
import status from './status.js';

export const CATALOGS = { common, errors, help, status } as const;
