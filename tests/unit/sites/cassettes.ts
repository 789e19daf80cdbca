// The real Garmin answers in tests/fixtures/real/garmin/garth-*.yaml (VCR cassettes from the
// garth client, MIT): each interaction's request URI and the JSON of `response.body.string`.
// A YAML single-quoted scalar folded over lines: a line break plus indentation is one space,
// an empty line is a newline, and '' is a quote. Only what these cassettes use.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REAL_FIXTURES } from './other-sites-helpers';

export interface Interaction {
  uri: string;
  status: number;
  json: unknown;
}

function singleQuoted(text: string, from: number): string {
  let out = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return out;
    }
    if (c === '\n') {
      // Fold: skip the indentation; blank lines become newlines.
      let j = i + 1;
      let blank = 0;
      for (;;) {
        while (text[j] === ' ') j++;
        if (text[j] !== '\n') break;
        blank++;
        j++;
      }
      out += blank ? '\n'.repeat(blank) : ' ';
      i = j - 1;
      continue;
    }
    out += c;
  }
  throw new Error('unterminated quoted scalar');
}

export function readCassette(name: string): Interaction[] {
  const text = readFileSync(resolve(REAL_FIXTURES, 'garmin', name), 'utf8');
  const out: Interaction[] = [];
  const uris = [...text.matchAll(/^ {4}uri: (\S+)$/gm)].map((m) => m[1]!);
  const bodies = [...text.matchAll(/^ {6}string: '/gm)].map((m) => JSON.parse(singleQuoted(text, m.index! + m[0].length)) as unknown);
  const statuses = [...text.matchAll(/^ {4}status:\n {6}code: (\d+)$/gm)].map((m) => Number(m[1]));
  if (uris.length !== bodies.length || uris.length !== statuses.length)
    throw new Error(`cassette ${name}: ${uris.length} uris, ${bodies.length} bodies`);
  uris.forEach((uri, i) => out.push({ uri, status: statuses[i]!, json: bodies[i] }));
  return out;
}
