#!/usr/bin/python3
"""Ordered pairs for src/ecosystems/rpm/fixtures/versions.txt from rpm's own comparison (python3-rpm).

Candidates: hand-picked edge cases plus real EVRs from the AlmaLinux OSV export (`fixed` events). Each EVR is split
as rpm's parseEVR does and compared with rpm.labelCompare((epoch, version, release)); a missing release is passed as
"" (compared by rpmvercmp) rather than None (which labelCompare would skip), matching the total order OSV evaluators
use. Output: the sorted list as adjacent pairs, plus seeded random pairs, all verdicts straight from rpm.
Run with Debian's /usr/bin/python3 (python3-rpm is a Debian package, not on PyPI).
"""
import functools, gzip, json, random, re, sys
import rpm

ALMA = '/work/shared/data/osv/AlmaLinux.jsonl.gz'
EDGE = """
0 1 1.0 1.0.0 1.00 1.01 1.1 1.10 1.9 01 001 10 2 1a 1b 1.a 1.0a 1.0.a a b A Z 1.0A 1.0Z 1.0_1 1.0+1 1_0 1+0 1..0
1.0~rc1 1.0~rc2 1.0~~ 1.0~ 1.0~~rc1 1.0~alpha 1.0~beta 1.0~rc1~1 1.0^ 1.0^1 1.0^20200101 1.0^git1 1.0^~ 1.0~^ 1.0~rc1^1
1.0.1~rc1 1.0.1 1.0.1^post 1.0.1a 1.0.1.a 2.0 2.0.0 2.0.1 2.0-1 2.0-1~ 2.0-1^ 2.0-1.el8 2.0-1.el8_1 2.0-1.el8_10 2.0-1.el9
2.0-10 2.0-2 2.0-2.0 2.0-2.a 2.0-2a 0:1.0 1:1.0 2:0.1 10:0.1 9:9.9 00:1.0 0:1.0-1 1:1.0-1 1.0-1 1.0-0 1.0-01
1.2.3-4.fc35 1.2.3-4.fc36 1.2.3-4.module+el8.1.0+4066+0f1aadab 1.2.3-4.module_el8.1.0+4066+0f1aadab
5.10.0 5.9.0 5.10.0-1 5.10.0-1.1 5.10.0-1.1.1 abc abd ab abcd 1.0rc1 1.0rc2 1.0.rc1 1.0-rc1 1.0-rc1.1 1.0-0.rc1
99999999999999999999 100000000000000000000 1.99999999999999999999 1.100000000000000000000 1.0.0.0.0.0.1
"""


def evr(s):
    """rpm's parseEVR: leading digits followed by ':' are the epoch; the release follows the last '-'."""
    m = re.match(r'^(\d+):', s)
    epoch, rest = (m.group(1), s[m.end():]) if m else ('0', s)
    v, sep, r = rest.rpartition('-')
    return (epoch, v, r) if sep else (epoch, rest, '')


def cmp(a, b):
    return rpm.labelCompare(evr(a), evr(b))


def main():
    cands = set(EDGE.split())
    real = []
    with gzip.open(ALMA, 'rt') as f:
        for line in f:
            for aff in json.loads(line).get('affected', []):
                for r in aff.get('ranges', []):
                    for e in r.get('events', []):
                        if 'fixed' in e:
                            real.append(e['fixed'])
    rng = random.Random(20240601)
    real = sorted(set(real))
    cands.update(rng.sample(real, min(260, len(real))))
    # Near neighbours of real versions: the same EVR with a bumped or tilde'd release, so adjacent pairs differ by little.
    for v in rng.sample(real, 40):
        cands.add(v + '~1')
        cands.add(v + '.1')
    ordered = sorted(sorted(cands), key=functools.cmp_to_key(cmp))  # pre-sorted: equal versions keep a fixed order
    ordered = [v for v in ordered if v]
    out = []
    for a, b in zip(ordered, ordered[1:]):
        c = cmp(a, b)
        out.append(f'{a} == {b}' if c == 0 else f'{a} < {b}' if c < 0 else f'{b} < {a}')
    for _ in range(150):
        a, b = rng.sample(ordered, 2)
        c = cmp(a, b)
        out.append(f'{a} == {b}' if c == 0 else f'{a} < {b}' if c < 0 else f'{b} < {a}')
    sys.stdout.write('\n'.join(out) + '\n')


main()
