import { Fragment } from "preact";

/**
 * Plain text as paragraphs: a blank line starts a new paragraph, a single line break stays
 * a line break. Text only, never HTML.
 */
export function PlainText({
  text,
  lang,
  class: className,
  testid,
}: {
  text: string;
  lang?: string | undefined;
  class?: string;
  testid?: string;
}) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return (
    <div class={className} lang={lang} data-testid={testid}>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
