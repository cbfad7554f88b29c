import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const RUBYGEMS_ECOSYSTEM = defineEcosystem({
  id: 'rubygems',
  osvNames: ['RubyGems'],
  purlType: 'gem',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => formatPurl({ type: 'gem', name, version }),
});
