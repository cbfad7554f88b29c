import { defineEcosystem } from '../define-ecosystem.js';
import { nugetPurl } from './lockfiles/packages-lock-json.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const NUGET_ECOSYSTEM = defineEcosystem({
  id: 'nuget',
  osvNames: ['NuGet'],
  purlType: 'nuget',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: nugetPurl,
});
