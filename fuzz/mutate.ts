import fc from 'fast-check';

/** A real file to mutate. */
export interface CorpusFile {
  readonly kind: 'dockerfile' | 'compose';
  readonly bytes: Uint8Array;
}

/** Byte sequences that parsers treat specially, inserted at random places. */
const HOSTILE = [
  '\\\n', '`\n', '<<EOF\n', '\nEOF\n', '${', '$(', '"', "'", '\r', '\r\n', '\n\n', '\t', '&a ', '*a', '<<: *a\n', '!reset ',
  '{', '[', ': ', '- ', '#', '# escape=`\n', '\ufeff', '\u2028', '::error::', '%0A', '<b>', '\xff', '\x00',
].map((s) => new TextEncoder().encode(s));

type Mutation = (bytes: Uint8Array) => Uint8Array;

const at = (n: number, bytes: Uint8Array) => (bytes.length === 0 ? 0 : n % (bytes.length + 1));
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Flip one byte (may make invalid UTF-8, a NUL, or just a typo).
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, b]): Mutation => (bytes) => {
    if (bytes.length === 0) return bytes;
    const out = bytes.slice();
    out[n % out.length] = b;
    return out;
  }),
  // Insert a hostile token.
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(([n, token]): Mutation => (bytes) => cat(bytes.subarray(0, at(n, bytes)), token, bytes.subarray(at(n, bytes)))),
  // Cut a range (truncation is the case of cutting to the end).
  fc.tuple(fc.nat(), fc.nat(400)).map(([n, len]): Mutation => (bytes) => cat(bytes.subarray(0, at(n, bytes)), bytes.subarray(Math.min(bytes.length, at(n, bytes) + len)))),
  // Duplicate a range in place.
  fc.tuple(fc.nat(), fc.nat(400)).map(([n, len]): Mutation => (bytes) => {
    const start = at(n, bytes);
    const piece = bytes.subarray(start, Math.min(bytes.length, start + len));
    return cat(bytes.subarray(0, start), piece, piece, bytes.subarray(start));
  }),
  // Swap the line endings for CR or CRLF.
  fc.constantFrom<Mutation>(
    (bytes) => new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r')),
    (bytes) => new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r\n')),
  ),
);

/** A corpus file (by index), spliced with another one sometimes, then mutated 1-4 times. */
export function corpusMutation(corpus: readonly CorpusFile[]): fc.Arbitrary<{ name: string; bytes: Uint8Array }> {
  return fc
    .tuple(fc.nat(corpus.length - 1), fc.option(fc.tuple(fc.nat(corpus.length - 1), fc.nat(), fc.nat()), { nil: undefined, freq: 5 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([index, splice, mutations]) => {
      const file = corpus[index] as CorpusFile;
      let bytes = file.bytes;
      if (splice) {
        const [other, a, b] = splice;
        const donor = (corpus[other] as CorpusFile).bytes;
        bytes = cat(bytes.subarray(0, at(a, bytes)), donor.subarray(at(b, donor)));
      }
      for (const m of mutations) bytes = m(bytes);
      return { name: file.kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml', bytes };
    });
}
