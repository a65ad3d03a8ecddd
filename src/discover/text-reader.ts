/**
 * Reads workspace files as text for discovery's look at compose files, each once (the build notices,
 * the reference look-up and the named Dockerfiles read the same files). A file that cannot be read is
 * undefined: it is reported when it is checked itself, and here it only loses a reference.
 */
export function textReader(readFile: (path: string) => Promise<Uint8Array>): (path: string) => Promise<string | undefined> {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = async (path: string) => {
    try {
      return new TextDecoder().decode(await readFile(path));
    } catch {
      return undefined;
    }
  };
  return (path) => {
    let text = texts.get(path);
    if (text === undefined) texts.set(path, (text = read(path)));
    return text;
  };
}
