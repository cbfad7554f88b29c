import { defineEcosystem } from '../define-ecosystem.js';
import { composerPurl } from './lockfiles/composer-lock.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const PACKAGIST_ECOSYSTEM = defineEcosystem({
  id: 'packagist',
  osvNames: ['Packagist'],
  purlType: 'composer',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: composerPurl,
});
