/** A text file shipped beside the page (renderer/dist: NOTICE.txt), read from the page's own origin. */
export async function appText(name: string): Promise<string> {
  const res = await fetch(new URL(name, document.baseURI));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}
