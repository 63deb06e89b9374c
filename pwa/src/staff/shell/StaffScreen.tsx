import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { navigations } from "../../state/route";
import type { StaffMessageKey } from "../i18n/catalog";
import { staffScreenTitle } from "../i18n/language";

interface Props {
  /** The document title of this screen (before the console's name). */
  title: StaffMessageKey;
  /** The one h1 of the screen. */
  heading: ComponentChildren;
  headingTestid?: string;
  /** A screen's own class beside `staff-screen` (e.g. a wide table layout). */
  class?: string;
  children?: ComponentChildren;
}

/** One console screen: sets the document title, renders its h1 and focuses it after an
 * in-app navigation (unless something on the screen, e.g. an alert, took the focus). */
export function StaffScreen({ title, heading, headingTestid, class: extra, children }: Props) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    staffScreenTitle.value = title;
  }, [title]);
  useEffect(() => {
    const el = h1.current;
    if (!el || navigations.peek() === 0) return;
    if (root.current?.contains(document.activeElement)) return;
    el.setAttribute("tabindex", "-1");
    el.focus();
  }, []);
  return (
    <div class={extra ? `staff-screen ${extra}` : "staff-screen"} ref={root}>
      <h1 ref={h1} data-testid={headingTestid}>
        {heading}
      </h1>
      {children}
    </div>
  );
}
