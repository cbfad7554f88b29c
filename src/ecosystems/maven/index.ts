import { defineEcosystem } from '../define-ecosystem.js';
import { mavenPurl } from './lockfiles/common.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const MAVEN_ECOSYSTEM = defineEcosystem({
  id: 'maven',
  osvNames: ['Maven'],
  purlType: 'maven',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: mavenPurl,
});
