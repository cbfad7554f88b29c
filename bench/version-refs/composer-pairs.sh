#!/usr/bin/env bash
# Ordered pairs for src/ecosystems/packagist/fixtures/versions.txt from Composer's own code: composer/semver's
# VersionParser::normalize on each version, then Comparator::compare on the normalized forms (PHP's version_compare).
# Versions normalize() rejects, and `dev-` branches (which Comparator never orders), become `! v` lines.
# Candidates: hand-picked edge cases plus every event version in the Packagist OSV export.
# Needs Debian's php-cli and php-composer-semver (/usr/share/php/Composer/Semver).
set -euo pipefail
export LC_ALL=C
OSV=/work/shared/data/osv/Packagist.jsonl.gz
{
  cat <<'LIST'
1 1.0 1.0.0 1.0.0.0 v1 v1.0 v1.0.0 V1.0.0 1.0.0.1 1.0.1 1.1 1.10 1.9 2 2.0 01.02 1.02 1.2 1.0.0.0.0
1.0.0-dev 1.0.0.x-dev 1.0.x-dev 1.x-dev 1.0.*-dev 1.0.X-dev 1-dev 1.0-dev 1.0dev 1.0.0dev 1.0.0.dev
1.0.0-alpha 1.0.0-alpha1 1.0.0-alpha.1 1.0.0-alpha-1 1.0.0alpha1 1.0.0a 1.0.0a1 1.0.0-a1 1.0.0-a2 1.0.0-alpha2 1.0.0-alpha10
1.0.0-alpha1-dev 1.0.0-alpha1.dev 1.0.0-beta 1.0.0-beta1 1.0.0b1 1.0.0-b2 1.0.0-beta.2 1.0.0-beta1.1 1.0.0-beta1-1
1.0.0-RC 1.0.0-RC1 1.0.0-rc1 1.0.0rc1 1.0.0-RC2 1.0.0-rc.2 1.0.0-RC10 1.0.0-RC1-dev
1.0.0-stable 1.0.0-STABLE 1.0.0-Stable 1.0.0-patch 1.0.0-patch1 1.0.0-pl1 1.0.0-p1 1.0.0p2 1.0.0-p 1.0.0.p1 1.0.0-patch1-dev
1.0.0+build 1.0.0+build.1 1.0.0-beta1+build 1.0.0@dev 1.0.0@stable 1.0.0@beta 1.0.0@RC
20100102 2010-01-02 2010.01.02 2010.1.2 201001021234 2010-01-02-10-20-30 2010-01-02.5 20100102-beta1 20100102-dev
99999 100000 100000.1 1.99999999999999999999 1.100000000000000000000 1.9223372036854775807 1.9223372036854775808
0 0.0 0.0.1 0.1 0.9.9 1.0.0-alpha.1.2.3 1.0.0-beta-2-3
dev-master dev-feature master trunk default dev-1.0 1.0-foo foo 1.0.0-gamma 1..0 .1 1.0. 1.0.0.0.1 v x 1.0.0-
1.0.0-beta1+ 1.0.0+ 1.0@foo 1.0.0-alpha@dev 1,0 1.0-x-dev 1.0.0.0-dev
LIST
  zcat "$OSV" | grep -o '"\(introduced\|fixed\|last_affected\)":"[^"]*"' | cut -d'"' -f4 | grep -v '^0$'
} | tr ' ' '\n' | grep -v '^$' | sort -u | php -d error_reporting=E_ALL -r '
require "/usr/share/php/Composer/Semver/autoload.php";
use Composer\Semver\VersionParser;
use Composer\Semver\Comparator;
$p = new VersionParser();
$ok = [];
foreach (file("php://stdin", FILE_IGNORE_NEW_LINES) as $v) {
  try { $n = $p->normalize($v); } catch (UnexpectedValueException $e) { echo "! $v  # normalize throws\n"; continue; }
  if (strpos($n, "dev-") === 0) { echo "! $v  # branch $n\n"; continue; }
  $ok[$v] = $n;
}
$cmp = function ($a, $b) use ($ok) {
  if (Comparator::lessThan($ok[$a], $ok[$b])) return -1;
  return Comparator::equalTo($ok[$a], $ok[$b]) ? 0 : 1;
};
$vs = array_keys($ok);
$vs = array_map("strval", $vs);
usort($vs, $cmp);
$line = function ($a, $b) use ($cmp) { $c = $cmp($a, $b); echo $c === 0 ? "$a == $b\n" : ($c < 0 ? "$a < $b\n" : "$b < $a\n"); };
for ($i = 1; $i < count($vs); $i++) $line($vs[$i - 1], $vs[$i]);
mt_srand(20240601);
for ($i = 0; $i < 150; $i++) $line($vs[mt_rand(0, count($vs) - 1)], $vs[mt_rand(0, count($vs) - 1)]);
'
