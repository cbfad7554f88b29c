import { defineEcosystem } from '../define-ecosystem.js';
import { npmPurl } from './lockfiles/collector.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const NPM_ECOSYSTEM = defineEcosystem({
  id: 'npm',
  osvNames: ['npm'],
  purlType: 'npm',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: npmPurl,
});
