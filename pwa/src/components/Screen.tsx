import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { MessageKey } from "../i18n/catalog";
import { navigations } from "../state/route";
import { screenTitle } from "../state/screen";

interface ScreenProps {
  /** The document title of this screen (before the portal's name). */
  title: MessageKey;
  /** The one h1 of the screen. */
  heading: ComponentChildren;
  headingTestid?: string;
  children?: ComponentChildren;
}

/** One screen: sets the document title, renders its h1 and focuses it after a navigation. */
export function Screen({ title, heading, headingTestid, children }: ScreenProps) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    screenTitle.value = title;
  }, [title]);
  useEffect(() => {
    const el = h1.current;
    if (!el || navigations.peek() === 0) return;
    // Something on the screen took the focus already (an error alert): leave it there.
    if (root.current?.contains(document.activeElement)) return;
    // Focusable by script only (tabindex set here keeps the server-rendered markup plain).
    el.setAttribute("tabindex", "-1");
    el.focus();
  }, []);
  return (
    <div class="screen" ref={root}>
      <h1 ref={h1} data-testid={headingTestid}>
        {heading}
      </h1>
      {children}
    </div>
  );
}
