"""Writes a planted copy: each edit replaces one substring on one line and appends `<!-- PLANTED [id]: why -->`.
A helper of the corpus author, not an oracle (kept so the copies can be rebuilt from the faithful files)."""


def plant(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" <!-- PLANTED [{cid}]: {why} -->"
    open(dst, "w").write("\n".join(lines))
