import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const NUGET_ECOSYSTEM = defineEcosystem({
  id: 'nuget',
  osvNames: ['NuGet'],
  purlType: 'nuget',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: (name, version) => formatPurl({ type: 'nuget', name, version }),
});
