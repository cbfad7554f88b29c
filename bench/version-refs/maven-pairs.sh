#!/usr/bin/env bash
# Ordered pairs for src/ecosystems/maven/fixtures/versions.txt from Maven's own ComparableVersion.
# `java -cp maven-artifact.jar ...ComparableVersion v1 v2 v3 ...` prints the verdict for each consecutive pair; this
# script feeds it hand-picked edge cases (in an order chosen so neighbours differ by little) plus real versions from
# the Maven OSV export, in several seeded shuffles, and rewrites each verdict as `a < b` / `a == b`.
# Usage: bench/version-refs/maven-pairs.sh [maven-artifact version, default 3.9.16]  (needs java and mvn on PATH)
set -euo pipefail
export LC_ALL=C
VER="${1:-3.9.16}"
JAR="$HOME/.m2/repository/org/apache/maven/maven-artifact/$VER/maven-artifact-$VER.jar"
[ -f "$JAR" ] || mvn -q dependency:get -Dartifact="org.apache.maven:maven-artifact:$VER" >/dev/null
OSV=/work/shared/data/osv/Maven.jsonl.gz

EDGE=(
  1-alpha 1-alpha1 1-a1 1a1 1-alpha-1 1.alpha1 1-alpha2 1-alpha10 1-a 1-b 1-beta 1-b1 1b1 1-beta-1 1-beta2 1-m1 1m1
  1-milestone-1 1-milestone2 1-rc 1-cr 1-rc1 1-cr1 1-RC1 1.0.RC1 1.0-rc-1 1-rc2 1-snapshot 1-SNAPSHOT 1.0-SNAPSHOT
  1 1.0 1.0.0 1-0 1.0-0 1-ga 1-GA 1-final 1.0.Final 1-release 1.0-RELEASE 1- 1. 1.0. 1-sp 1-sp1 1-sp-1 1-foo
  1-foo1 1-bar 1-abc 1-abd 1.foo 1-1 1-1-1 1.0-1 1.1 1.0.1 1.0.0.1 1.0-0.1 1-0.1 1.0.0-1 1.1-SNAPSHOT 1.1.0 2 2.0-alpha1
  2.0.0.RELEASE 2.0.0.M1 2.0.0.RC1 2.0.0.BUILD-SNAPSHOT 2.0.0.Final 2.0-beta-1 2.0-beta1 2.0b1 2.0.0-b1
  1.0-alpha-1-SNAPSHOT 1.0-alpha-1 1.0-alpha1-SNAPSHOT 1.0.0.X1 1.0.0-X2 1.0.0.X 1.0.0-X 1.0.0X1 1.0.0x2
  1-1.foo-bar1baz-.1 1-1.foo-bar-1-baz-0.1 1.0.0.0000000000.1 1.0.0.0.1 1.0.0.000000000.1 1.2147483647 1.2147483648
  1.999999999 1.1000000000 1.999999999999999999 1.1000000000000000000 1.9223372036854775807 1.9223372036854775808
  1.00000000000000000000000001 1.01 1.001 1.0.01 0 0.0 0.0.1 0.1 0-1 -1 --1 1--1 1-.1 .1 ..1 1..1 1-- 1-.
  a b c alpha rc sp ga final release snapshot milestone 1.0.0-ga 1.0.0.ga.1 1-xyz 1-xyz1 1-SP1 1-sp.1
  1.0-alpha+1 1.0+build 1.0_1 1.0~1 1_0 1+0 1.0-20200101.123456-1 1.0-20200101.123456-2 1.0.0-202001011200
)

run() { java -cp "$JAR" org.apache.maven.artifact.versioning.ComparableVersion "$@" | sed -n 's/^   \(.*\) \(<\|==\|>\) \(.*\)$/\1 \2 \3/p' |
  awk '{ if ($2 == ">") print $3 " < " $1; else print $1 " " $2 " " $3 }'; }

mapfile -t REAL < <(zcat "$OSV" | grep -o '"\(introduced\|fixed\|last_affected\)":"[^"]*"' | cut -d'"' -f4 |
  grep -v '^0$' | grep -v '[[:space:]]' | sort -u | shuf -n 200 --random-source=<(yes 20240601))

run "${EDGE[@]}"
run "${REAL[@]}"
for seed in 1 2 3; do
  mapfile -t MIX < <(printf '%s\n' "${EDGE[@]}" "${REAL[@]}" | shuf -n 120 --random-source=<(yes "$seed"))
  run "${MIX[@]}"
done
