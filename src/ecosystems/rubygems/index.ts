import { defineEcosystem } from '../define-ecosystem.js';
import { gemPurl } from './lockfiles/gemfile-lock.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const RUBYGEMS_ECOSYSTEM = defineEcosystem({
  id: 'rubygems',
  osvNames: ['RubyGems'],
  purlType: 'gem',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: gemPurl,
});
