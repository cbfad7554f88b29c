import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const ALPINE_ECOSYSTEM = defineEcosystem({
  id: 'alpine',
  osvNames: ['Alpine', 'Wolfi', 'Chainguard'],
  purlType: 'apk',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => formatPurl({ type: 'apk', namespace: 'alpine', name, version }),
});
