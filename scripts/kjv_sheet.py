#!/usr/bin/env python3
"""Writes a fact sheet for the King James Bible (Debian's bible-kjv-text), shaped like the
synthetic workload: 1,000 actors (the most frequent proper names), up to 3,000 aliases (the
phrases the text really uses with them: "house of David", "children of Israel"…), 300 events
quoting verses, and patterns.txt with every spelling for grep and ripgrep.

Usage: scripts/kjv_sheet.py FOLDER   (FOLDER/article.txt must hold the text)
"""

import collections
import json
import os
import re
import sys

folder = sys.argv[1]
text = open(os.path.join(folder, "article.txt"), encoding="utf-8").read()
words = re.findall(r"[A-Za-z]+", text)
counts = collections.Counter(words)
lower = {w for w in counts if w.islower()}
# A proper name: capitalised, never written in lowercase, and not a book reference ("Ge1").
names = [
    w for w, _ in counts.most_common()
    if w[0].isupper() and w[1:].islower() and w.lower() not in lower and len(w) > 2
][:1000]

ALIAS_FORMS = ["house of {}", "children of {}", "land of {}", "king of {}", "son of {}",
               "God of {}", "sons of {}", "daughter of {}", "people of {}", "city of {}"]


def toml(s):
    return json.dumps(s, ensure_ascii=False)


lines = ['[briefing]', 'title = "The King James Bible"', 'article = "article.txt"',
         'source = "Debian package bible-kjv-text"', '']
spellings = []
for n, name in enumerate(names):
    aliases = [f.format(name) for f in ALIAS_FORMS if f.format(name) in text][:3]
    spellings += [name] + aliases
    lines += ["[[actors]]", f'id = "a{n}"', f"name = {toml(name)}", 'kind = "person"']
    if aliases:
        lines.append("aliases = [" + ", ".join(toml(a) for a in aliases) + "]")
    lines.append("")
verses = [l for l in text.splitlines() if len(l) > 60]
for n in range(300):
    verse = verses[n * len(verses) // 300]
    quote = verse.split(" ", 1)[1]
    lines += ["[[events]]", f'id = "e{n}"', f'date = "{1000 + n}"', f"title = {toml(quote[:40])}",
              f"evidence = {toml(quote)}", ""]
open(os.path.join(folder, "facts.toml"), "w", encoding="utf-8").write("\n".join(lines))
open(os.path.join(folder, "patterns.txt"), "w", encoding="utf-8").write("\n".join(spellings) + "\n")
print(f"{len(names)} actors, {len(spellings) - len(names)} aliases, 300 events", file=sys.stderr)
