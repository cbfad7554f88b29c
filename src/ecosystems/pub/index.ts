import { defineEcosystem } from '../define-ecosystem.js';
import { pubPurl } from './lockfiles/pubspec-lock.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const PUB_ECOSYSTEM = defineEcosystem({
  id: 'pub',
  osvNames: ['Pub'],
  purlType: 'pub',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: pubPurl,
});
