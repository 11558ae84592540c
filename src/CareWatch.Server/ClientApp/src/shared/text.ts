// The page's words in the reader's language. The server renders the translations of a module's strings
// (Resources/ClientText/<module>.<culture>.resx) into <script type="application/json" id="client-text">; the
// English text is the key, so an untranslated string shows in English rather than as a code.

const table: Record<string, string> = (() => {
  const node = document.getElementById("client-text");
  try { return node?.textContent ? JSON.parse(node.textContent) : {}; } catch { return {}; }
})();

/** The reader's language: the page's lang attribute ("en", "de", "zh-Hans"). */
export const culture = (): string => document.documentElement.lang || "en";

/**
 * The culture dates, times and numbers are written in: the reader's, except that English is British English
 * ("1 Dec 23:01", 24-hour clock), as staff in Europe and Asia read it — the server formats English the same way.
 */
export const formatCulture = (): string => culture() === "en" ? "en-GB" : culture();

/** The reader's own time zone (IANA id) as the server remembered it, else the browser's. */
export const readerTimeZone = (): string | undefined =>
  document.querySelector<HTMLMetaElement>('meta[name="time-zone"]')?.content || undefined;

/** "Still for {0}" with its arguments, in the reader's language. */
export function text(english: string, ...args: Array<string | number>): string {
  const template = table[english] ?? english;
  // An argument that ends a sentence with its own full stop ("2 Std. 00 Min.") takes the sentence's place.
  return args.length === 0 ? template : template.replace(/\{(\d+)\}(\.?)/g, (_, i, stop) => {
    const value = String(args[Number(i)] ?? "");
    return stop && value.endsWith(".") ? value : value + stop;
  });
}

const numbers = new Map<string, Intl.NumberFormat>();

/** A number in the reader's language (grouping and decimals). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(options);
  if (!numbers.has(key)) numbers.set(key, new Intl.NumberFormat(formatCulture(), options));
  return numbers.get(key)!.format(value);
}
