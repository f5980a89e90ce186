"""Writes a planted copy: each edit replaces one substring on one line and appends `<!-- PLANTED [id]: why -->`.
A helper of the corpus author, not an oracle (kept so the copies can be rebuilt from the faithful files).
``plant_nb`` does the same on a notebook's JSON text: the line is one string of a Markdown cell's ``source`` list
(the substrings are written as JSON escapes them) and the comment goes at the end of that string, before its `\\n`."""


def plant(src, dst, edits):
    """edits: line -> (old, new, id, why[, line of the comment]): an edit inside a multi-line display puts its comment
    at the end of the display's closing line (the fifth item), outside the math."""
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why, *at) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new)
        c = at[0] if at else n
        lines[c - 1] += f" <!-- PLANTED [{cid}]: {why} -->"
    open(dst, "w").write("\n".join(lines))


def plant_nb(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        line = lines[n - 1]
        assert line.count(old) == 1, (src, n, old)
        end = '\\n",' if line.endswith('\\n",') else ('",' if line.endswith('",') else '"')
        assert line.endswith(end), (src, n, line[-8:])
        body = line[: len(line) - len(end)].replace(old, new)
        lines[n - 1] = body + f" <!-- PLANTED [{cid}]: {why} -->" + end
    open(dst, "w").write("\n".join(lines))
