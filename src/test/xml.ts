/** Strict XML parsing for tests: a real parser that stops at the first warning or error. */
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';

/** Characters XML 1.0 allows; xmldom is lenient about the others, so they are checked here. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Parses `text` as XML; throws on anything not well-formed. */
export function parseXml(text: string): Document {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`Not an XML character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  // xmldom also lets "]]>" through in character data, where XML forbids it.
  if (text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes(']]>')) throw new Error('"]]>" outside a CDATA section');
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'application/xml') as unknown as Document;
}

/** The elements named `name` (any namespace prefix as written) under `node`, in document order. */
export function elements(node: Document | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagName(name));
}

/** The text of the first `name` element under `node`. */
export function textOf(node: Document | Element, name: string): string | undefined {
  return elements(node, name)[0]?.textContent ?? undefined;
}
